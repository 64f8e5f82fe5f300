import Foundation
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeWatch

/// A watcher over a fresh folder and index in a temporary directory, with what it reported.
final class WatchHarness: @unchecked Sendable {
    let dir = TemporaryDirectory("watch")
    /// The watched folder.
    let root: String
    /// A folder beside the watched one, for moves in and out.
    let outside: String
    let index: Index
    private(set) var watcher: FolderWatcher!
    private let log = EventLog()

    /// Creates the folders, lets `prepare` put files in the root, then starts watching.
    init(source: (any FileEventSource)? = nil, prepare: (WatchHarness) throws -> Void = { _ in }) throws {
        root = dir.path + "/root"
        outside = dir.path + "/outside"
        for path in [root, outside] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        try prepare(self)
        watcher = try FolderWatcher(
            index: index, roots: [root], options: FolderWatcher.Options(), source: source ?? Inotify(),
            serializeWrites: { try $0() }, onEvent: { [log] in log.append($0) })
        watcher.start()
        try waitForInitialScan()
    }

    deinit { watcher?.stop() }

    var events: [WatchEvent] { log.events }

    private func waitForInitialScan() throws {
        try waitForEvent("the initial scan", timeout: .seconds(30)) {
            if case .committed(let batch) = $0 { batch.kind == .initialScan } else { false }
        }
    }

    /// Waits until the watcher has reported an event that `matches`.
    func waitForEvent(_ what: String, timeout: Duration = .seconds(10), _ matches: (WatchEvent) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if events.contains(where: matches) { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw HarnessError("no report of \(what) in \(timeout)")
    }

    /// Writes `text` to `relativePath` under the root (folders created as needed).
    func write(_ relativePath: String, _ text: String) throws {
        try write(path: root + "/" + relativePath, text)
    }

    /// Writes `text` to an absolute path, creating folders.
    func write(path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func move(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else { throw HarnessError("rename \(from) → \(to): errno \(errno)") }
    }

    /// The live documents: id → indexed text.
    func documents() throws -> [String: String] {
        var docs: [String: String] = [:]
        try index.reader().forEachLiveDocument { _, record, text in docs[record.id] = text }
        return docs
    }

    /// Polls the index until `expected` holds (10 s at most) and returns how long that took.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), _ expected: ([String: String]) -> Bool
    ) throws -> Duration {
        let start = ContinuousClock.now
        while true {
            let docs = try documents()
            if expected(docs) { return start.duration(to: .now) }
            if start.duration(to: .now) > timeout {
                throw HarnessError("timed out after \(timeout) waiting for \(what); the index holds \(docs.keys.sorted().prefix(20))")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Waits until the index holds exactly `expected` (id → text).
    @discardableResult
    func waitForDocuments(_ expected: [String: String], timeout: Duration = .seconds(10)) throws -> Duration {
        try waitUntil("\(expected)", timeout: timeout) { $0 == expected }
    }
}

/// What a watcher reported, in order.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [WatchEvent] = []

    func append(_ event: WatchEvent) { lock.withLock { received.append(event) } }
    var events: [WatchEvent] { lock.withLock { received } }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
