import Foundation
import LoupeIndex
import LoupeTestSupport
import Testing

extension CrashSafetyTests {
    /// `kill -9` during real `loupe index` runs, at random moments, over and over on one index.
    ///
    /// Phases alternate between indexing version A of a ``CrashCorpus`` from no index and
    /// re-indexing it as version B; each run is killed after a random delay, and the next run
    /// resumes the work.
    /// After every kill the index must open, `loupe check` must pass, and the index must hold exactly
    /// a committed state (see ``RunPhase``): nothing half-indexed, every document in its old or its
    /// new version, in walk order.
    @Test func everyKilledIndexingRunLeavesACommittedState() throws {
        print("crash test: \(crashRuns) runs, LOUPE_CRASH_SEED=\(crashSeed)")
        var random = SeededGenerator(seed: crashSeed)
        let dir = TemporaryDirectory("crash")
        let corpus = try CrashCorpus(in: dir, files: 320, seed: crashSeed)
        let indexPath = dir.path + "/index"
        let arguments = ["index", corpus.root, "--index", indexPath, "--memory-budget", "16", "--analyzer", "simple"]

        // One whole run first: how long a run takes, and proof that it commits several batches.
        try corpus.use(corpus.a)
        let (wholeRun, commits) = try timeWholeRun(arguments, indexPath: indexPath)
        #expect(commits >= 3, "a run over the corpus must commit several batches; saw \(commits) states")
        // Kills land anywhere within a window of about a batch: each run resumes where the last one
        // stopped, so runs that outlive their first commit move the work on. Re-indexing commits
        // cost more (replaced documents are re-analyzed), so the window widens after each run that
        // committed nothing, and narrows again after one that did.
        let batch = wholeRun * 1.2 / Double(max(commits, 1))
        var window = batch
        print("crash test: a whole run takes \(wholeRun) and commits \(commits) times; kills come within \(batch) at first")

        var phase = RunPhase(base: try IndexContents(path: indexPath).titles, target: corpus.b.documents)
        try corpus.use(corpus.b)
        var phases = 1, kills = 0, partial = Set<Int>(), last = 0, targetIsA = false
        for run in 0..<crashRuns {
            let delay = window * Double.random(in: 0...1, using: &random)
            switch try LoupeCLI.runAndKill(arguments, after: delay) {
            case .killed: kills += 1
            case .exited(let status, let stderr): #expect(status == 0, "run \(run) failed by itself: \(stderr)")
            }
            let check = try LoupeCLI.run(["check", "--index", indexPath])
            // A run from no index killed before its first commit (during start-up, or between
            // creating the data file and writing the index's format) leaves no index: `check`
            // must say so, and the state is the empty one.
            let noIndexYet = phase.base.isEmpty && check.status != 0 && check.stderr.contains("no Loupe index at")
            #expect(check.status == 0 || noIndexYet, "run \(run): loupe check failed: \(check.stdout) \(check.stderr)")
            let contents = noIndexYet ? IndexContents() : try IndexContents(path: indexPath)
            guard let committed = phase.committed(contents) else {
                Issue.record("run \(run) (seed \(crashSeed)): not a committed state: \(phase.mismatch(contents))")
                return
            }
            #expect(committed.documents >= last, "run \(run): committed documents went back from \(last) to \(committed.documents)")
            window = committed.documents > last || committed.done ? max(batch, window / 1.5) : window * 1.3
            last = committed.documents
            if !committed.done && committed.documents > 0 { partial.insert(committed.documents) }
            guard committed.done else { continue }
            // Next phase: the other version; A always from scratch, B over A.
            phases += 1
            last = 0
            targetIsA.toggle()
            let next = targetIsA ? corpus.a : corpus.b
            if targetIsA {
                try FileManager.default.removeItem(atPath: indexPath)
                phase = RunPhase(base: [:], target: next.documents)
            } else {
                phase = RunPhase(base: contents.titles, target: next.documents)
            }
            try corpus.use(next)
        }
        print("crash test: \(crashRuns) runs, \(kills) killed, \(phases) phases, \(partial.count) distinct partly committed states seen")
    }

    /// Runs `loupe arguments` to the end on a new, empty index while watching it from here;
    /// returns how long it took and how many distinct non-empty committed states were seen.
    private func timeWholeRun(_ arguments: [String], indexPath: String) throws -> (Duration, Int) {
        // Created here first, so that opening it from here never races the run creating it.
        let index = try Index.openOrCreate(at: indexPath, analyzer: .preset(.simple))
        let process = LoupeCLI.start(arguments)
        let start = ContinuousClock.now
        try process.run()
        var states = Set<UInt32>()
        while process.isRunning {
            let live = try index.reader().statistics.liveDocs
            if live > 0 { states.insert(live) }
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.waitUntilExit()
        let elapsed = start.duration(to: .now)
        #expect(process.terminationStatus == 0)
        states.insert(try index.reader().statistics.liveDocs)
        return (elapsed, states.count)
    }
}
