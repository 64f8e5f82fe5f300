import Dispatch

/// The moment a query must stop by. Retrieval loops check it once per block or window (or every
/// ``stride`` documents where they walk one by one), so a query over its budget stops within
/// microseconds and frees its thread with ``SearchError/timeout``.
public struct Deadline: Sendable, Equatable {
    /// Monotonic time (`DispatchTime.uptimeNanoseconds`) at which the query is over budget.
    public let uptimeNanoseconds: UInt64

    /// No limit.
    public static let never = Deadline(uptimeNanoseconds: .max)

    public init(uptimeNanoseconds: UInt64) { self.uptimeNanoseconds = uptimeNanoseconds }

    /// `milliseconds` from now.
    public static func after(milliseconds: Int) -> Deadline {
        Deadline(uptimeNanoseconds: DispatchTime.now().uptimeNanoseconds &+ UInt64(max(milliseconds, 0)) &* 1_000_000)
    }

    /// Documents walked one by one between two checks.
    static let stride = 256

    /// Throws ``SearchError/timeout`` once the deadline has passed.
    @inline(__always)
    public func check() throws {
        if uptimeNanoseconds != .max && DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds { throw SearchError.timeout }
    }
}
