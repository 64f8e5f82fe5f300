import Foundation
import LoupeExtract
import Testing

/// HelperProcess with real programs: output, status, and every limit enforced.
@Suite struct HelperProcessTests {
    private static let limits = HelperLimits(timeLimit: 30, memoryLimit: 1 << 30, maxOutputBytes: 1 << 20)

    private func sh(_ script: String, limits: HelperLimits = limits) throws -> HelperResult {
        try HelperProcess(program: "sh", arguments: ["-c", script], limits: limits).run()
    }

    @Test func outputAndStatusAreCollected() throws {
        let result = try sh("printf 'to standard output'; printf 'to standard error' >&2; exit 3")
        #expect(result.termination == .exited(3))
        #expect(!result.succeeded)
        #expect(String(decoding: result.output, as: UTF8.self) == "to standard output")
        #expect(String(decoding: result.errorOutput, as: UTF8.self) == "to standard error")
        #expect(try sh("true").succeeded)
    }

    @Test func largeOutputOnBothPipesDoesNotDeadlock() throws {
        let result = try sh("head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 500000 /dev/zero | tr '\\0' o")
        #expect(result.succeeded)
        #expect(result.output.count == 500_000)
        #expect(result.errorOutput.count == HelperProcess.maxErrorOutputBytes)
    }

    @Test func aHelperThatHangsIsKilledAtTheTimeLimit() throws {
        let start = ContinuousClock.now
        // The shell's child `sleep` holds the pipes too: the whole process group must go.
        let result = try sh("sleep 300 & sleep 300", limits: HelperLimits(timeLimit: 0.5, memoryLimit: 0, maxOutputBytes: 100))
        let elapsed = ContinuousClock.now - start
        #expect(result.termination == .timedOut)
        #expect(elapsed >= .milliseconds(500))
        #expect(elapsed < .seconds(10))
    }

    @Test func outputIsBoundedAndTheWriterKilled() throws {
        let result = try HelperProcess(program: "yes", arguments: ["bounded"],
                                       limits: HelperLimits(timeLimit: 30, memoryLimit: 0, maxOutputBytes: 10_000)).run()
        #expect(result.termination == .outputLimit)
        #expect(result.output.count == 10_000)
    }

    @Test func memoryLimitAndPriorityApplyBeforeExec() throws {
        let result = try sh("ulimit -v; nice", limits: HelperLimits(timeLimit: 30, memoryLimit: 256 << 20,
                                                                   maxOutputBytes: 100, niceness: 12))
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "262144")
        #expect((lines.last.flatMap { Int($0) } ?? 0) >= 12)
    }

    @Test func aMemoryHogFailsUnderTheLimit() throws {
        // 64 MiB of address space cannot hold 200 MB of text in the shell's variable.
        let result = try sh("x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo done",
                            limits: HelperLimits(timeLimit: 30, memoryLimit: 64 << 20, maxOutputBytes: 100))
        #expect(String(decoding: result.output, as: UTF8.self) != "done\n")
    }

    @Test func aMissingProgramIsReported() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: HelperError.missingProgram("sh")) {
            try HelperProcess(program: "sh", arguments: [], limits: Self.limits, searchPath: [directory.path]).run()
        }
        #expect(HelperProcess.locate("sh", searchPath: [directory.path, "/bin"]) == "/bin/sh")
        #expect(HelperProcess.locate("sh", searchPath: []) == nil)
    }

    @Test func anExecutableThatCannotRunIsReported() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("not-a-program", bytes: [0x00, 0x01, 0x02, 0x03])
        chmod(path, 0o755)
        #expect(throws: HelperError.self) {
            try HelperProcess(program: path, arguments: [], limits: Self.limits).run()
        }
    }

    /// A child costs this process three pipes and a pidfd, so a leak shows in the count of those
    /// kinds of descriptor. Other suites run meanwhile and open some of them too (a spawned
    /// `louped`'s pipes, sockets do not count), so the count moves by a few dozen; 400 runs that
    /// each leaked even one descriptor would move it by 400.
    @Test func manyRunsInParallelLeakNothing() async throws {
        let before = try Self.pipesAndProcessDescriptors()
        for batch in 0..<16 {
            try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<25 {
                    group.addTask { String(decoding: try sh("echo \(batch * 25 + index)").output, as: UTF8.self) }
                }
                var seen = Set<String>()
                for try await output in group { seen.insert(output) }
                #expect(seen.count == 25)
            }
        }
        let after = try Self.pipesAndProcessDescriptors()
        #expect(after - before < 200, "\(before) pipes and pidfds open before 400 runs, \(after) after")
    }

    /// The descriptors of this process that are pipes or pidfds.
    private static func pipesAndProcessDescriptors() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count { name in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)
            else { return false }
            return target.hasPrefix("pipe:") || target.hasPrefix("anon_inode:[pidfd]")
        }
    }
}
