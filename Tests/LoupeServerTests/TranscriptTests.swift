import Foundation
import LoupeClient
import LoupeEngine
import LoupeIndex
import LoupeProtocol
import Testing

@Suite("Transcripts of every command", .timeLimit(.minutes(2)))
struct TranscriptTests {
    @Test func greetingPingHelpAndQuit() async throws {
        let server = try await TestServer(index: false)
        try await blocking {
            let connection = try server.connect()
            #expect(connection.greeting == Reply.Greeting(maxLineBytes: 65536, authRequired: false, serverVersion: "0.1.0"))
            let session = RawSession(connection)
            #expect(try session.exchange("PING") == ["PONG"])
            let help = try session.exchange("HELP")
            #expect(help.first == "HELP 13" && help.last == "END" && help.count == 15)
            #expect(help[1].hasPrefix("SEARCH [limit=N]"))
            #expect(try session.exchange("help count") == [
                "HELP 2", "COUNT [op=and|or] [strict=0|1] [algorithm=A] [--] <query>", "the number of matching documents: COUNT <N> took_us=<t>", "END",
            ])
            #expect(try session.exchange("QUIT") == ["BYE"])
            #expect(try connection.readLine() == nil)
        }
        try await server.stop()
    }

    @Test func searchCountExplainAndGetMatchTheEngine() async throws {
        let server = try await TestServer()
        let reader = try server.server.index.reader()
        var options = server.server.configuration.engine.search
        options.limit = 2
        options.snippets = true
        let local = try Searcher(reader: reader, defaultParameters: server.server.configuration.engine.bm25).search("war", options: options)
        let expected = Reply.results(Reply.Results(total: local.total, tookMicroseconds: 0, hits: local.hits.map {
            Reply.Hit(rank: $0.rank, score: $0.score, id: $0.id, title: $0.title, snippet: $0.snippet?.text ?? "", highlights: $0.snippet?.highlights ?? [])
        }))
        let explained = try #require(try Searcher(reader: reader, defaultParameters: server.server.configuration.engine.bm25)
            .explain("cold war", id: "cold.txt", options: server.server.configuration.engine.search))
        try await blocking {
            let session = RawSession(try server.connect())
            let search = try session.exchange("SEARCH limit=2 war")
            #expect(search.maskingTimes == expected.encoded.split(separator: "\n").map(String.init).maskingTimes)
            #expect(search[0] == "RESULTS 2 total=3 took_us=\(search[0].split(separator: "=").last!)")
            #expect(search[1].contains("\\[war\\]") || search[1].contains("\\[War\\]"))

            #expect(try session.exchange("COUNT war").maskingTimes == ["COUNT 3 took_us=T"])
            #expect(try session.exchange("COUNT op=and war moscow").maskingTimes == ["COUNT 1 took_us=T"])
            #expect(try session.exchange("SEARCH snippets=0 offset=1 limit=1 war").maskingTimes == [
                "RESULTS 1 total=3 took_us=T", "2\t\(Reply.Hit(rank: 2, score: local.hits[1].score, id: "", title: "").score)\t\(local.hits[1].id)\t\(local.hits[1].title)\t", "END",
            ])

            let explain = try session.exchange("EXPLAIN cold.txt cold war")
            #expect(explain.first == "EXPLAIN \(explained.parts.count) matched=1 score=\(explained.score)")
            #expect(explain.count == explained.parts.count + 2 && explain.last == "END")
            #expect(try session.exchange("EXPLAIN unrelated.txt cold") == ["EXPLAIN 0 matched=0 score=0.0", "END"])
            #expect(try session.exchange("EXPLAIN notes/tab\\sfile.txt tabs").first?.hasPrefix("EXPLAIN ") == true)

            let tabDoc = try #require(try reader.docId(forId: "notes/tab file.txt"))
            let record = try #require(try reader.document(tabDoc))
            #expect(try session.exchange("GET notes/tab file.txt") == [
                "DOC 12", "id\tnotes/tab file.txt", "title\tTabs and spaces in a file name", "source\t\(server.root)/notes/tab file.txt",
                "size\t\(TestServer.corpus["notes/tab file.txt"]!.utf8.count)", "mtime_ns\t\(try mtime(server.root + "/notes/tab file.txt"))",
                "length_body\t\(try lengths("notes/tab file.txt", reader)[0])", "length_title\t\(try lengths("notes/tab file.txt", reader)[1])",
                "length_path\t\(try lengths("notes/tab file.txt", reader)[2])", "type\t\(record.metadata.type.rawValue)",
                "ext\t\(record.metadata.ext)", "modified\t\(try mtime(server.root + "/notes/tab file.txt") / 1_000_000_000)", "text\tTabs\\tand spaces in a file name\\nwar games", "END",
            ])
            #expect(try session.exchange("GET nothing.txt") == ["ERR NOT_FOUND no document with id nothing.txt"])
        }
        try await server.stop()
    }

    @Test func searchSortsByDateAndFilters() async throws {
        let server = try await TestServer()
        let reader = try server.server.index.reader()
        let searcher = Searcher(reader: reader, defaultParameters: server.server.configuration.engine.bm25)
        func ids(_ query: String, _ order: HitOrder) throws -> [String] {
            var options = server.server.configuration.engine.search
            options.sort = order
            return try searcher.search(query, options: options).hits.map(\.id)
        }
        let newest = try ids("war", .newest), oldest = try ids("war", .modified), byScore = try ids("war", .score)
        #expect(newest.count == 3 && Set(newest) == Set(oldest))
        let size = TestServer.corpus["notes/tab file.txt"]!.utf8.count
        try await blocking {
            let session = RawSession(try server.connect())
            func hitIds(_ line: String) throws -> [String] {
                try session.exchange(line).dropFirst().dropLast().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[2]) }
            }
            #expect(try hitIds("SEARCH sort=-modified snippets=0 war") == newest)
            #expect(try hitIds("SEARCH sort=modified snippets=0 war") == oldest)
            #expect(try hitIds("SEARCH sort=score war") == byScore)
            // Filters over the protocol: alone (score 0, doc-id order), and restricting words.
            let alone = try session.exchange("SEARCH snippets=0 size:\(size)")
            #expect(alone.first?.hasPrefix("RESULTS 1 total=1 ") == true)
            #expect(alone.dropFirst().first?.hasPrefix("1\t0.0\tnotes/tab file.txt\t") == true)
            #expect(try hitIds("SEARCH war size:<=\(size)").contains("notes/tab file.txt"))
            #expect(try hitIds("SEARCH war -size:\(size)").contains("notes/tab file.txt") == false)
            #expect(try session.exchange("SEARCH sort=newest war") == [
                "ERR BAD_ARGUMENT SEARCH sort must be score, modified or -modified, got 'newest'; usage: \(Command.search.usage)",
            ])
            #expect(try session.exchange("SEARCH strict=1 war modified:>=2024-13").first?.hasPrefix("ERR QUERY_SYNTAX") == true)
        }
        try await server.stop()
    }

    @Test func writesReplyOKOnceVisible() async throws {
        let server = try await TestServer()
        try await blocking {
            let session = RawSession(try server.connect())
            #expect(try session.exchange("INDEX \(server.root)").maskingTimes.first?.hasPrefix("OK added=0 updated=0 removed=0 unchanged=4 skipped=0 took_ms=") == true)
            try "Moscow rain\nwar reports".write(toFile: server.root + "/new.txt", atomically: true, encoding: .utf8)
            // Only the path named is read.
            #expect(try session.exchange("INDEX \(server.root)/new.txt").first?.hasPrefix("OK added=1 updated=0 removed=0 unchanged=0") == true)
            #expect(try session.exchange("COUNT war").maskingTimes == ["COUNT 4 took_us=T"])
            #expect(try session.exchange("DELETE new.txt") == ["OK deleted=1"])
            #expect(try session.exchange("COUNT war").maskingTimes == ["COUNT 3 took_us=T"])
            #expect(try session.exchange("DELETE new.txt") == ["ERR NOT_FOUND no document with id new.txt"])
            // A file gone from disk is removed by INDEX of its path; a folder is walked.
            try "gone soon".write(toFile: server.root + "/notes/later.txt", atomically: true, encoding: .utf8)
            #expect(try session.exchange("INDEX \(server.root)/notes").first?.hasPrefix("OK added=1 updated=0 removed=0 unchanged=1") == true)
            try FileManager.default.removeItem(atPath: server.root + "/notes/later.txt")
            #expect(try session.exchange("INDEX \(server.root)/notes/later.txt").first?.hasPrefix("OK added=0 updated=0 removed=1") == true)
            // A file that cannot be read is a document of its name, and INFO counts it.
            try Data([0x89, 0x50, 0, 0, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: server.root + "/photo.bin"))
            #expect(try session.exchange("INDEX \(server.root)/photo.bin").first?.hasPrefix("OK added=1 updated=0 removed=0") == true)
            let info = try session.exchange("INFO")
            #expect(info.first == "INFO 22" && info.last == "END")
            let values = Dictionary(uniqueKeysWithValues: info.dropFirst().dropLast().map { line in
                let parts = line.split(separator: "\t", maxSplits: 1)
                return (String(parts[0]), String(parts[1]))
            })
            #expect(values["docs"] == "5" && values["deleted_docs"] != nil && values["connections"] == "1" && values["protocol"] == "1")
            #expect(values["problems"] == "1")
            #expect(values["watching"] == "0")
            let commit = try server.server.index.reader().commit
            #expect(values["role"] == "primary" && UInt64(values["commit"] ?? "") == commit)
            #expect(values["snapshot"] == nil)
            #expect(Int(values["queries"] ?? "") == 2 && Int(values["latency_p99_us"] ?? "")! >= Int(values["latency_p50_us"] ?? "")!)
            // Two COUNTs: each answered on the event loop, or on the pool after overrunning the slice.
            let tried = (Int(values["queries_inline"] ?? "") ?? -9) + (Int(values["inline_overruns"] ?? "") ?? -9)
            #expect((1...2).contains(tried))
            #expect(Int(values["index_bytes"] ?? "")! > 0 && Int(values["terms"] ?? "")! > 0 && values["uptime_s"] != nil)
        }
        try await server.stop()
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let server = try await TestServer()
        try await blocking {
            let connection = try server.connect()
            let requests: [(String, String)] = (0..<60).map { i in
                switch i % 6 {
                case 0: ("PING", "PONG")
                case 1: ("COUNT war", "COUNT 3")
                case 2: ("SEARCH limit=1 snippets=0 moscow", "RESULTS 1 total=1")
                case 3: ("GET missing-\(i)", "ERR NOT_FOUND no document with id missing-\(i)")
                case 4: ("NOPE \(i)", "ERR UNKNOWN_COMMAND 'NOPE' is not a command; try HELP")
                default: ("HELP PING", "HELP 2")
                }
            }
            // All at once, in one write, with \r\n on some lines.
            let batch = requests.enumerated().map { i, r in r.0 + (i % 2 == 0 ? "\r\n" : "\n") }.joined()
            try connection.sendRaw(Array(batch.utf8))
            connection.finishSending()
            let session = RawSession(connection)
            for (request, expected) in requests {
                let reply = try session.replyLines()
                #expect(reply[0].hasPrefix(expected), "\(request) → \(reply[0])")
            }
            // After a half-close the server answers everything, then closes.
            #expect(try connection.readLine() == nil)
        }
        try await server.stop()
    }

    private func mtime(_ path: String) throws -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    private func lengths(_ id: String, _ reader: IndexReader) throws -> [UInt32] {
        let doc = try #require(try reader.docId(forId: id))
        return try #require(try reader.document(doc)).lengths
    }
}
