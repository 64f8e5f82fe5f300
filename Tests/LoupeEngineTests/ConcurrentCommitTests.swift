import Foundation
import LoupeEngine
import LoupeIndex
import LoupeTestSupport
import Testing

/// Searches that run while a writer commits see the state before a commit or after it, never a
/// mixture: counts, document frequencies and statistics always match one committed state.
@Suite struct ConcurrentCommitTests {
    /// What one reader saw in one snapshot.
    struct Observation: Sendable {
        var matches: Int
        var replacedMatches: Int
        var liveDocs: UInt32
        var deletedDocs: UInt32
        var docFreq: UInt32
        var averageBodyLength: Double
    }

    final class Observations: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Observation] = []
        private var errors: [String] = []
        private var writing = true
        /// True until the writer is done.
        var isWriting: Bool { lock.withLock { writing } }
        func writerDone() { lock.withLock { writing = false } }
        func add(_ observation: Observation) { lock.withLock { seen.append(observation) } }
        func fail(_ message: String) { lock.withLock { errors.append(message) } }
        var all: ([Observation], [String]) { lock.withLock { (seen, errors) } }
        var count: Int { lock.withLock { seen.count } }

        /// Waits (up to `timeout` seconds) until the readers have taken `more` snapshots beyond
        /// `count`, so that a busy machine cannot let the writer finish before they ran at all.
        func waitForProgress(beyond count: Int, more: Int, timeout: Double = 2) {
            let deadline = Date().addingTimeInterval(timeout)
            while self.count < count + more && Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        }
    }

    @Test func readersSeeOnlyCommittedStatesWhileBatchesCommit() throws {
        let dir = TemporaryDirectory("mix")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let batch = 50, replaced = 10, commits = 40
        let observations = Observations()
        // Dedicated threads, not a dispatch queue: other tests running in parallel must not be
        // able to starve the readers.
        let finished = DispatchSemaphore(value: 0)
        let readerCount = 3
        for _ in 0..<readerCount {
            Thread {
                defer { finished.signal() }
                while observations.isWriting {
                    do {
                        let reader = try index.reader()
                        let searcher = Searcher(reader: reader)
                        observations.add(Observation(
                            matches: try searcher.search("common").total, replacedMatches: try searcher.search("replaced").total,
                            liveDocs: reader.statistics.liveDocs, deletedDocs: reader.statistics.deletedDocs,
                            docFreq: try reader.termInfo(.body, "common")?.docFreq ?? 0,
                            averageBodyLength: reader.statistics.averageLength(.body)))
                    } catch {
                        observations.fail("\(error)")
                    }
                }
            }.start()
        }
        // Commit c adds `batch` documents and replaces `replaced` documents of commit c - 1; every
        // document holds three words, one of them `common`.
        let writer = try IndexWriter(index: index)
        for c in 0..<commits {
            for d in 0..<batch { try writer.add(DocumentInput(id: "c\(c)-d\(d)", title: "", text: "common batch\(c) doc\(d)")) }
            if c > 0 {
                for d in 0..<replaced { try writer.add(DocumentInput(id: "c\(c - 1)-d\(d)", title: "", text: "common replaced doc\(d)")) }
            }
            try writer.commit()
            observations.waitForProgress(beyond: observations.count, more: 6)
        }
        observations.writerDone()
        for _ in 0..<readerCount { finished.wait() }

        let (seen, errors) = observations.all
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        var states = Set<Int>()
        for o in seen {
            let c = o.matches / batch
            let consistent = o.matches % batch == 0 && o.liveDocs == UInt32(o.matches) && o.docFreq == UInt32(o.matches)
                && o.deletedDocs == UInt32(max(0, c - 1) * replaced) && o.replacedMatches == max(0, c - 1) * replaced
                && (o.matches == 0 || o.averageBodyLength == 3)
            #expect(consistent, "a reader saw a mixture: \(o)")
            states.insert(c)
        }
        print("concurrent readers: \(seen.count) snapshots over \(states.count) of \(commits + 1) committed states")
        #expect(seen.count > 100)
        #expect(states.count > 2, "readers should overlap several commits")
    }
}
