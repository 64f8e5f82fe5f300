import Foundation
import LoupeTestSupport
import Testing
@testable import LoupeStorage

@Suite struct EnvironmentTests {
    @Test func commitMakesWritesVisible() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in try txn.put(db, key: bytes("a"), value: bytes("1")) }
        try env.read { snap throws in #expect(try string(snap.get(db, key: bytes("a"))) == "1") }
    }

    @Test func missingParentFoldersAreCreatedAndAFileInTheWayIsAClearError() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path + "/a/b/index")
        let db = try env.openDatabase("kv")
        try env.write { txn in try txn.put(db, key: bytes("a"), value: bytes("1")) }
        #expect(FileManager.default.fileExists(atPath: dir.path + "/a/b/index/data.mdb"))
        #expect(try Environment(path: dir.path + "/a/b/index/").path == dir.path + "/a/b/index/", "an existing folder, a trailing slash")

        FileManager.default.createFile(atPath: dir.path + "/file", contents: Data("x".utf8))
        for path in [dir.path + "/file", dir.path + "/file/index"] {
            #expect {
                try Environment(path: path)
            } throws: { error in
                guard let error = error as? StorageError else { return false }
                return error.code == ENOTDIR && error.description.contains(dir.path + "/file")
            }
        }
        #expect(try String(contentsOfFile: dir.path + "/file", encoding: .utf8) == "x", "the file is left as it was")
    }

    @Test func aThrowInsideWriteAbortsEverything() throws {
        struct Boom: Error {}
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in try txn.put(db, key: bytes("kept"), value: bytes("yes")) }
        #expect(throws: Boom.self) {
            try env.write { txn in
                try txn.put(db, key: bytes("lost"), value: bytes("x"))
                try txn.delete(db, key: bytes("kept"))
                throw Boom()
            }
        }
        try env.read { snap throws in
            #expect(try snap.get(db, key: bytes("lost")) == nil)
            #expect(try string(snap.get(db, key: bytes("kept"))) == "yes")
        }
    }

    @Test func writesSurviveReopening() throws {
        let dir = TemporaryDirectory()
        do {
            let env = try Environment(path: dir.path)
            let db = try env.openDatabase("kv")
            try env.write { txn in try txn.put(db, key: bytes("k"), value: bytes("v")) }
        }
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv", create: false)
        try env.read { snap throws in #expect(try string(snap.get(db, key: bytes("k"))) == "v") }
    }

    @Test func readsAreZeroCopy() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        let value = [UInt8](repeating: 7, count: 10_000)
        try env.write { txn in try txn.put(db, key: bytes("big"), value: value) }
        let snap = try env.snapshot()
        let first = try #require(try snap.get(db, key: bytes("big")))
        let second = try #require(try snap.get(db, key: bytes("big")))
        // Both reads hand out the same address: the bytes live in the map, not in a copy.
        #expect(first.baseAddress == second.baseAddress)
        #expect(first.count == 10_000 && first.allSatisfy { $0 == 7 })
        let viaCursor = try snap.withCursor(db) { cursor in try cursor.seek(atOrAfter: bytes("big"))?.value.baseAddress }
        #expect(viaCursor == first.baseAddress)
    }

    @Test func mapGrowsPastItsInitialSize() throws {
        let dir = TemporaryDirectory()
        var options = Environment.Options()
        options.initialMapSize = 1 << 20  // 1 MiB
        let env = try Environment(path: dir.path, options: options)
        let db = try env.openDatabase("kv")
        let value = [UInt8](repeating: 1, count: 4096)
        // 8 MiB in one transaction, then more in a second: both must land.
        try env.write { txn in
            for i in 0..<2048 { try txn.put(db, key: bytes(String(format: "%08d", i)), value: value) }
        }
        try env.write { txn in
            for i in 2048..<3072 { try txn.put(db, key: bytes(String(format: "%08d", i)), value: value) }
        }
        #expect(env.mapSize > 1 << 20)
        try env.read { snap throws in
            #expect(try snap.statistics(db).entries == 3072)
            #expect(try snap.get(db, key: bytes("00003071"))?.count == 4096)
        }
    }

    @Test func snapshotsDoNotSeeLaterCommits() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in try txn.put(db, key: bytes("n"), value: bytes("old")) }
        let before = try env.snapshot()
        try env.write { txn in try txn.put(db, key: bytes("n"), value: bytes("new")) }
        #expect(try string(before.get(db, key: bytes("n"))) == "old")
        try env.read { now throws in #expect(try string(now.get(db, key: bytes("n"))) == "new") }
    }

    @Test func concurrentReadersDuringWritesSeeWholeCommits() throws {
        let dir = TemporaryDirectory()
        var options = Environment.Options()
        options.initialMapSize = 1 << 20  // small, so the writer also resizes under the readers
        let env = try Environment(path: dir.path, options: options)
        let db = try env.openDatabase("kv")
        // Every commit writes keys a and b with the same value; readers must never see them differ.
        let failures = Locked(0)
        let done = Locked(false)
        let readers = (0..<4).map { _ in
            Thread {
                while !done.value {
                    try? env.read { snap throws in
                        let a = string(try snap.get(db, key: bytes("a")))
                        let b = string(try snap.get(db, key: bytes("b")))
                        if a != b { failures.mutate { $0 += 1 } }
                    }
                }
            }
        }
        readers.forEach { $0.start() }
        let padding = [UInt8](repeating: 0, count: 2048)
        for round in 0..<300 {
            try env.write { txn in
                try txn.put(db, key: bytes("a"), value: bytes("\(round)"))
                try txn.put(db, key: bytes("pad\(round)"), value: padding)
                try txn.put(db, key: bytes("b"), value: bytes("\(round)"))
            }
        }
        done.mutate { $0 = true }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(failures.value == 0)
        #expect(env.mapSize > 1 << 20)
    }

    @Test func errorsCarryTheLMDBCodeAndMessage() throws {
        var options = Environment.Options()
        options.readOnly = true
        do {
            _ = try Environment(path: "/nonexistent/loupe/index", options: options)
            Issue.record("opening a missing directory read-only must fail")
        } catch {
            #expect(error.code == ENOENT)
            #expect(error.message.contains("No such file"))
            #expect(error.description.contains("/nonexistent/loupe/index"))
        }
    }

    @Test func cursorWalksKeysInByteOrderAndSeeks() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in
            for key in ["b", "a", "d", "c"] { try txn.put(db, key: bytes(key), value: bytes(key.uppercased())) }
        }
        try env.read { snap throws in
            let keys = try snap.withCursor(db) { cursor in
                var out: [String] = []
                var entry = try cursor.first()
                while let e = entry {
                    out.append(string(e.key)!)
                    entry = try cursor.next()
                }
                return out
            }
            #expect(keys == ["a", "b", "c", "d"])
            let found = try snap.withCursor(db) { cursor in string(try cursor.seek(atOrAfter: bytes("bb"))?.value) }
            #expect(found == "C")
            let none = try snap.withCursor(db) { cursor in try cursor.seek(atOrAfter: bytes("e")) }
            #expect(none == nil)
        }
    }

    @Test func appendRequiresSortedKeys() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in
            try txn.put(db, key: bytes("a"), value: bytes("1"), flags: .append)
            try txn.put(db, key: bytes("b"), value: bytes("2"), flags: .append)
        }
        #expect(throws: StorageError.self) {
            try env.write { txn in try txn.put(db, key: bytes("0"), value: bytes("x"), flags: .append) }
        }
    }
}

/// A value shared between test threads.
final class Locked<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ value: T) { stored = value }
    var value: T { lock.withLock { stored } }
    func mutate(_ body: (inout T) -> Void) { lock.withLock { body(&stored) } }
}
