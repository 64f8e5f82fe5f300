/// How a run of a helper program ended.
public enum HelperTermination: Sendable, Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it (a crash, or the memory limit turned into `SIGSEGV`/`SIGABRT`).
    case signaled(Int32)
    /// It ran past ``HelperLimits/timeLimit`` and was killed.
    case timedOut
    /// It wrote more than ``HelperLimits/maxOutputBytes`` and was killed.
    case outputLimit
}

/// What a run of a helper program gave.
public struct HelperResult: Sendable, Equatable {
    public var termination: HelperTermination
    /// Its standard output, at most ``HelperLimits/maxOutputBytes`` bytes.
    public var output: [UInt8]
    /// The first ``HelperProcess/maxErrorOutputBytes`` bytes of its standard error.
    public var errorOutput: [UInt8]

    public init(termination: HelperTermination, output: [UInt8], errorOutput: [UInt8]) {
        self.termination = termination
        self.output = output
        self.errorOutput = errorOutput
    }

    /// Whether it exited with status 0.
    public var succeeded: Bool { termination == .exited(0) }
}

/// Why a helper program could not be run at all.
public enum HelperError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program is in none of the folders searched.
    case missingProgram(String)
    /// The program was found but could not be started; the payload says why.
    case cannotStart(program: String, reason: String)

    public var description: String {
        switch self {
        case .missingProgram(let program): "\(program) not found"
        case .cannotStart(let program, let reason): "\(program) could not be started: \(reason)"
        }
    }
}
