/// A file's modification time as the file system records it.
public struct FileTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01 00:00:00 UTC.
    public var seconds: Int64
    /// Nanoseconds past ``seconds``, in `0..<1_000_000_000`.
    public var nanoseconds: Int32

    /// Creates a time from its parts, taken as they are.
    public init(seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The time as seconds since 1970 (exact to about a microsecond for current dates).
    public var secondsSince1970: Double {
        Double(seconds) + Double(nanoseconds) / 1e9
    }

    /// Orders by time, earliest first.
    public static func < (lhs: FileTime, rhs: FileTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// `seconds.nanoseconds`, the nanoseconds written with nine digits.
    public var description: String {
        let fraction = String(nanoseconds)
        return "\(seconds).\(String(repeating: "0", count: max(0, 9 - fraction.count)))\(fraction)"
    }
}
