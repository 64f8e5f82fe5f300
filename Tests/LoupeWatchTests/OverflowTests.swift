import Foundation
import Glibc
import Testing
@testable import LoupeWatch

/// The real inotify source, able to lose events on purpose and then report the overflow the
/// kernel would: what a full event queue does, without filling the machine's queue.
final class LossyInotify: FileEventSource, @unchecked Sendable {
    private let real: Inotify
    private let lock = NSLock()
    private var losing = false
    private var overflowDue = false
    private(set) var lost = 0

    init() throws { real = try Inotify() }

    /// From now on, events read are thrown away.
    func startLosing() { lock.withLock { losing = true } }

    /// Stops losing events and reports an overflow next.
    func overflow() {
        lock.withLock {
            losing = false
            overflowDue = true
        }
        real.wake()
    }

    var lostEvents: Int { lock.withLock { lost } }

    func addWatch(_ path: String) -> Result<Int32, WatchError> { real.addWatch(path) }
    func removeWatch(_ watch: Int32) { real.removeWatch(watch) }
    func wake() { real.wake() }

    func nextEvents(wait: Bool) throws(WatchError) -> [FileEvent] {
        if lock.withLock({ overflowDue }) {
            lock.withLock { overflowDue = false }
            return [FileEvent(watch: -1, mask: UInt32(IN_Q_OVERFLOW), name: "")]
        }
        let events = try real.nextEvents(wait: wait)
        return lock.withLock {
            guard losing else { return events }
            lost += events.count
            return []
        }
    }
}

@Suite(.serialized) struct OverflowTests {
    @Test func anOverflowIsReportedAndARealRescanCatchesUpWithWhatWasLost() throws {
        let source = try LossyInotify()
        let harness = try WatchHarness(source: source) {
            try $0.write("changed.txt", "before")
            try $0.write("deleted.txt", "deleted")
            try $0.write("old/dir/file.txt", "in a folder that goes")
        }
        source.startLosing()
        try harness.write("changed.txt", "after")
        try harness.write("created.txt", "created")
        try harness.write("fresh/folder/file.txt", "in a folder that comes")
        try FileManager.default.removeItem(atPath: harness.root + "/deleted.txt")
        try FileManager.default.removeItem(atPath: harness.root + "/old")
        // Let the watcher read (and lose) the events.
        let deadline = ContinuousClock.now + .seconds(10)
        while source.lostEvents < 5 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try harness.documents()["changed.txt"] == "before")

        source.overflow()
        let expected = ["changed.txt": "after", "created.txt": "created", "fresh/folder/file.txt": "in a folder that comes"]
        try harness.waitForDocuments(expected)
        #expect(harness.events.contains { if case .overflow = $0 { true } else { false } })
        try harness.waitForEvent("a rescan") { if case .committed(let batch) = $0 { batch.kind == .rescan } else { false } }

        // The watches were rebuilt: the folder that appeared while events were lost is followed.
        try harness.write("fresh/folder/second.txt", "second")
        try harness.waitForDocuments(expected.merging(["fresh/folder/second.txt": "second"]) { a, _ in a })
    }
}
