import Foundation
import LoupeClient
import LoupeIndex
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import Testing

extension DaemonProcessTests {
    /// `louped --root DIR` watches DIR: the files already there are scanned in, a new one is
    /// searchable within 2 s, and what changed just before SIGTERM is committed before it exits 0.
    @Test func itWatchesItsRootsAndCommitsPendingChangesOnSigterm() async throws {
        let directory = TemporaryDirectory("louped-watch")
        let docs = directory.path + "/docs", indexPath = directory.path + "/index"
        try directory.write("docs/before.txt", "Walrus\nwalrus tusks")
        let (daemon, errors) = try launch(["--index", indexPath, "--listen", "127.0.0.1:0", "--root", docs])
        defer { if daemon.isRunning { daemon.terminate() } }
        let address = try servingAddress(errors)
        let late = 50
        try await blocking {
            let client = try SearchClient(LoupeConnection(address: address))
            try client.waitUntil("the startup scan", within: .seconds(30)) { try client.ids("walrus") == ["before.txt"] }
            #expect(try client.info("watching") == "1")
            try write(docs + "/new.txt", "Narwhal\nnarwhal horns")
            try client.waitUntil("a new file") { try client.ids("narwhal") == ["new.txt"] }
            // Written just before SIGTERM: still pending when it arrives.
            for i in 0..<late { try write(docs + "/late/l\(i).txt", "Late \(i)\nbeluga") }
        }
        daemon.terminate()  // SIGTERM
        daemon.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0, "\(log)")
        #expect(log.contains("initial scan of the roots committed"))
        #expect(log.contains("stopping the watcher: committing pending changes"))
        let reader = try Index.open(at: indexPath).reader()
        let missing = try (0..<late).filter { try reader.docId(forId: "late/l\($0).txt") == nil }
        #expect(missing.isEmpty, "not committed: \(missing)")
        #expect(reader.statistics.liveDocs == 2 + late)
    }

    /// A `loupe index` run into the index the daemon serves, while the daemon's watcher commits
    /// files written meanwhile: both write the same LMDB file from two processes, and every
    /// document of both ends up live exactly once in a sound index.
    @Test func aLoupeIndexRunBesideTheWatchingDaemonSharesTheIndex() async throws {
        let directory = TemporaryDirectory("louped-shared")
        let docs = directory.path + "/docs", indexPath = directory.path + "/index"
        try directory.write("docs/before.txt", "Walrus\nwalrus tusks")
        let exported = 20000
        let export = (0..<exported).map { #"{"id": "export/\#($0)", "title": "Export \#($0)", "text": "shared export line \#($0)"}"# }
        try directory.write("export.jsonl", export.joined(separator: "\n") + "\n")
        let (daemon, errors) = try launch(["--index", indexPath, "--listen", "127.0.0.1:0", "--root", docs])
        defer { if daemon.isRunning { daemon.terminate() } }
        let address = try servingAddress(errors)
        let client = try await blocking { try SearchClient(LoupeConnection(address: address)) }
        try await blocking { try client.waitUntil("the startup scan", within: .seconds(30)) { try client.ids("walrus") == ["before.txt"] } }

        let indexing = Process()
        indexing.executableURL = URL(fileURLWithPath: BuiltExecutable.path("loupe"))
        indexing.arguments = ["index", "--jsonl", directory.path + "/export.jsonl", "--index", indexPath]
        let runErrors = Pipe()
        indexing.standardError = runErrors
        indexing.standardOutput = FileHandle.nullDevice
        try indexing.run()
        // Files keep coming for as long as the run lasts, so the watcher commits while it works.
        let written = try await blocking {
            var count = 0
            while count < 20 || indexing.isRunning {
                try write(docs + "/w\(count % 10)/f\(count).txt", "Written \(count)\nshared file \(count)")
                count += 1
                Thread.sleep(forTimeInterval: 0.02)
            }
            return count
        }
        indexing.waitUntilExit()
        let run = (status: indexing.terminationStatus, err: String(decoding: runErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        #expect(run.status == 0, "\(run.err)")
        try await blocking {
            try client.waitUntil("every document", within: .seconds(10)) { try client.documents() == 1 + written + exported }
            #expect(try client.count("shared") == written + exported)
            #expect(try client.count("export") == exported)
        }
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        let check = try ClientCommandTests().loupe(["check", "--index", indexPath])
        #expect(check.status == 0, "\(check.out)\(check.err)")
    }

    /// `--no-watch` (here overriding LOUPED_INDEX_WATCH=true) serves the roots to INDEX only.
    @Test func noWatchLeavesTheRootsToIndexCommands() async throws {
        let directory = TemporaryDirectory("louped-nowatch")
        let docs = directory.path + "/docs"
        try directory.write("docs/before.txt", "Walrus\nwalrus tusks")
        let (daemon, errors) = try launch(
            ["--index", directory.path + "/index", "--listen", "127.0.0.1:0", "--root", docs, "--no-watch"],
            environment: ["LOUPED_INDEX_WATCH": "true"])
        defer { if daemon.isRunning { daemon.terminate() } }
        let address = try servingAddress(errors)
        try await blocking {
            let client = try SearchClient(LoupeConnection(address: address))
            #expect(try client.info("watching") == "0")
            try write(docs + "/new.txt", "Narwhal\nnarwhal horns")
            // Three times the longest a watcher would wait before committing a batch.
            Thread.sleep(forTimeInterval: 1.5)
            #expect(try client.documents() == 0)
            #expect(try client.call(.index(path: docs)).isOK)
            #expect(try client.ids("narwhal walrus") == ["before.txt", "new.txt"])
        }
        daemon.terminate()
        daemon.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0, "\(log)")
        #expect(!log.contains("watching the roots"))
    }
}
