import CSpawn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Running a helper program (`pdftotext`) the way Recoll and omindex run their filters: as a
/// child process at low priority, with its address space capped (`RLIMIT_AS`), killed when it
/// runs past a time limit or writes more than an output limit.
///
/// The child is started by the small C target `CSpawn` (fork, then only async-signal-safe calls:
/// `setpgid`, `dup2`, `close_range`, `setrlimit`, `setpriority`, `execve`), not by
/// swift-subprocess: swift-subprocess cannot set resource limits between fork and exec on Linux,
/// and wrapping the helper in `prlimit` and `nice` would cost two more executions per file and
/// leave the limits to programs that may be missing. The child leads its own process group, so
/// killing the group also ends anything it started. Its end is awaited through a pidfd in the
/// same `poll` that reads its output, so no thread sleeps and nothing polls on a timer (where
/// the kernel has no pidfd, the loop checks the child every 20 ms instead).
///
/// A run never blocks longer than the time limit (plus the moment `SIGKILL` takes), and never
/// holds more than the output limit plus ``maxErrorOutputBytes`` in memory.
public struct HelperProcess: Sendable {
    /// The most bytes of standard error kept: 64 KiB (the rest is read and dropped).
    public static let maxErrorOutputBytes = 64 << 10

    /// The program: a name looked up in ``searchPath``, or a path containing `/`.
    public var program: String
    /// The arguments after the program's name.
    public var arguments: [String]
    public var limits: HelperLimits
    /// The folders searched for ``program``; `nil` takes `PATH` from the environment.
    public var searchPath: [String]?

    public init(program: String, arguments: [String], limits: HelperLimits, searchPath: [String]? = nil) {
        self.program = program
        self.arguments = arguments
        self.limits = limits
        self.searchPath = searchPath
    }

    /// The executable file that `program` names, in the first of `searchPath` (or `PATH`) that
    /// holds one, or `nil`.
    public static func locate(_ program: String, searchPath: [String]?) -> String? {
        if program.contains("/") { return isExecutableFile(program) ? program : nil }
        let folders = searchPath ?? (getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":").map(String.init)
        for folder in folders where !folder.isEmpty {
            let candidate = folder.hasSuffix("/") ? folder + program : folder + "/" + program
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var raw = stat()
        return stat(path, &raw) == 0 && raw.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }

    /// Runs the program to its end or its limits.
    ///
    /// - Throws: ``HelperError/missingProgram(_:)`` when it is not found,
    ///   ``HelperError/cannotStart(program:reason:)`` when it cannot be executed.
    public func run() throws(HelperError) -> HelperResult {
        guard let path = Self.locate(program, searchPath: searchPath) else { throw .missingProgram(program) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var outputDescriptor: Int32 = -1
        var errorDescriptor: Int32 = -1
        let pid = argv.withUnsafeBufferPointer { arguments in
            loupe_spawn(path, arguments.baseAddress, environ, Int64(limits.memoryLimit), limits.niceness,
                        &outputDescriptor, &errorDescriptor)
        }
        guard pid > 0 else { throw .cannotStart(program: program, reason: SystemError(code: errno).message) }
        var run = ChildRun(pid: pid, output: outputDescriptor, errorOutput: errorDescriptor, limits: limits)
        return run.collect()
    }
}

/// One started child: its pipes, its pidfd, what it wrote, until it ends.
private struct ChildRun {
    let pid: pid_t
    let limits: HelperLimits
    var output = PipeReader()
    var errorOutput = PipeReader()
    let pidDescriptor: Int32
    var status: Int32?

    init(pid: pid_t, output: Int32, errorOutput: Int32, limits: HelperLimits) {
        self.pid = pid
        self.limits = limits
        self.output.descriptor = output
        self.errorOutput.descriptor = errorOutput
        pidDescriptor = loupe_pidfd_open(pid)
    }

    /// Reads the child's output until it has exited and closed its pipes, or a limit is hit.
    mutating func collect() -> HelperResult {
        let deadline = monotonicSeconds() + max(limits.timeLimit, 0)
        var stopped: HelperTermination?
        while stopped == nil {
            if status == nil, reap() {
                // The child is gone: end whatever it left in its group, which may hold the pipes.
                kill(-pid, SIGKILL)
            }
            if status != nil, !output.isOpen, !errorOutput.isOpen { break }
            let remaining = deadline - monotonicSeconds()
            guard remaining > 0 else {
                stopped = .timedOut
                break
            }
            var descriptors: [pollfd] = []
            if output.isOpen { descriptors.append(pollfd(fd: output.descriptor, events: Int16(POLLIN), revents: 0)) }
            if errorOutput.isOpen { descriptors.append(pollfd(fd: errorOutput.descriptor, events: Int16(POLLIN), revents: 0)) }
            if status == nil, pidDescriptor >= 0 {
                descriptors.append(pollfd(fd: pidDescriptor, events: Int16(POLLIN), revents: 0))
            }
            var timeout = Int32(min(remaining * 1000, 3_600_000).rounded(.up))
            if status == nil, pidDescriptor < 0 { timeout = min(timeout, 20) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0, errno == EINTR { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == output.descriptor {
                    if !output.read(keeping: limits.maxOutputBytes) { stopped = .outputLimit }
                } else if descriptor.fd == errorOutput.descriptor {
                    _ = errorOutput.read(keeping: HelperProcess.maxErrorOutputBytes, dropping: true)
                }
            }
        }
        if stopped != nil {
            kill(-pid, SIGKILL)
            if status == nil { waitBlocking() }
        }
        output.close()
        errorOutput.close()
        if pidDescriptor >= 0 { Glibc.close(pidDescriptor) }
        return HelperResult(termination: stopped ?? Self.termination(status ?? 0), output: output.bytes,
                            errorOutput: errorOutput.bytes)
    }

    /// Collects the child's status if it has exited; whether it has.
    private mutating func reap() -> Bool {
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        status = raw
        return true
    }

    private mutating func waitBlocking() {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
        status = raw
    }

    /// The termination a `waitpid` status describes (`WIFEXITED`, `WEXITSTATUS`, `WTERMSIG`).
    private static func termination(_ status: Int32) -> HelperTermination {
        status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
    }
}

/// The reading end of one of the child's pipes and what came through it.
private struct PipeReader {
    var descriptor: Int32 = -1
    var bytes: [UInt8] = []
    var isOpen: Bool { descriptor >= 0 }

    /// Reads what is there. Keeps at most `limit` bytes: past it, returns `false` (the child
    /// wrote too much), or with `dropping` reads on and drops the excess. Closes at end of file.
    mutating func read(keeping limit: Int, dropping: Bool = false) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
        if count < 0, errno == EINTR || errno == EAGAIN { return true }
        if count <= 0 {
            close()
            return true
        }
        let room = max(limit - bytes.count, 0)
        bytes.append(contentsOf: chunk[0..<min(count, room)])
        return count <= room || dropping
    }

    mutating func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }
}

/// Seconds on the monotonic clock.
private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
