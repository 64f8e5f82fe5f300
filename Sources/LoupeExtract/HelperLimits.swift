/// What one run of a helper program may cost.
public struct HelperLimits: Sendable, Equatable {
    /// The longest it may run, in seconds of wall-clock time; it is killed then.
    public var timeLimit: Double
    /// Its address space (`RLIMIT_AS`), in bytes; 0 for no limit.
    public var memoryLimit: Int
    /// The most bytes of standard output kept; it is killed when it writes more.
    public var maxOutputBytes: Int
    /// The priority it runs at (`setpriority`, 0–19): 10 by default, below the indexer's own.
    public var niceness: Int32

    public init(timeLimit: Double, memoryLimit: Int, maxOutputBytes: Int, niceness: Int32 = 10) {
        self.timeLimit = timeLimit
        self.memoryLimit = memoryLimit
        self.maxOutputBytes = maxOutputBytes
        self.niceness = niceness
    }
}
