import Foundation
import LoupeClient
import LoupeProtocol
import LoupeTestSupport
import Testing

@Suite("Malformed input", .timeLimit(.minutes(2)))
struct MalformedInputTests {
    @Test func overLongLinesAreRefusedAndTheConnectionStaysUsable() async throws {
        let server = try await TestServer(index: false) { $0.limits.maxLineBytes = 1024 }
        try await blocking {
            let connection = try server.connect()
            #expect(connection.greeting.maxLineBytes == 1024)
            let session = RawSession(connection)
            // Exactly the maximum is fine, one more is not; \r\n does not count.
            #expect(try session.exchange("PING" + String(repeating: " ", count: 1020)) == ["PONG"])
            #expect(try session.exchange("PING" + String(repeating: " ", count: 1020) + "\r") == ["PONG"])
            let tooLong = "ERR LINE_TOO_LONG the line is longer than 1024 bytes; it was discarded"
            #expect(try session.exchange("PING" + String(repeating: " ", count: 1021)) == [tooLong])
            // Far longer, sent in pieces: one error, everything up to the newline dropped.
            for _ in 0..<50 { try connection.sendRaw(Array(repeating: UInt8(ascii: "x"), count: 4000)) }
            #expect(try session.exchange("y") == [tooLong])
            #expect(try session.exchange("PING") == ["PONG"])
            // A long line followed by more requests in the same write.
            try connection.sendRaw(Array((String(repeating: "z", count: 5000) + "\nPING\nPING\n").utf8))
            #expect(try session.replyLines() == [tooLong])
            #expect(try session.replyLines() == ["PONG"])
            #expect(try session.replyLines() == ["PONG"])
        }
        try await server.stop()
    }

    @Test func junkGetsErrorsAndOtherClientsAreUnaffected() async throws {
        let server = try await TestServer()
        try await blocking {
            let bystander = RawSession(try server.connect())
            let connection = try server.connect()
            let session = RawSession(connection)
            #expect(try session.exchange("FROB a b") == ["ERR UNKNOWN_COMMAND 'FROB' is not a command; try HELP"])
            #expect(try session.exchange("") == ["ERR UNKNOWN_COMMAND empty line; try HELP"])
            #expect(try session.exchange("SEARCH limit=ten war").first?.hasPrefix("ERR BAD_ARGUMENT SEARCH limit must be a whole number") == true)
            #expect(try session.exchange("SEARCH offset=99999999999999999999 war").first?.hasPrefix("ERR BAD_ARGUMENT") == true)
            #expect(try session.exchange("SEARCH strict=1 (war").first?.hasPrefix("ERR QUERY_SYNTAX column") == true)
            try connection.sendRaw([0xFF, 0xFE, 0x50, 0x49, 0x4E, 0x47, 0x0A])
            #expect(try session.replyLines() == ["ERR BAD_ENCODING the line is not valid UTF-8"])
            // Random binary junk, newlines included: each line gets an ERR, then the connection still works.
            var random = SeededGenerator(seed: 5)
            var junk = (0..<4000).map { _ in UInt8.random(in: 0...255, using: &random) }
            junk.removeAll { $0 == 0x0A }
            for i in stride(from: 100, to: junk.count, by: 400) { junk[i] = 0x0A }
            junk.append(0x0A)
            let lines = junk.split(separator: 0x0A, omittingEmptySubsequences: false).count - 1
            try connection.sendRaw(junk)
            for _ in 0..<lines {
                let reply = try session.replyLines()
                #expect(reply.count == 1 && reply[0].hasPrefix("ERR "), "\(reply)")
            }
            #expect(try session.exchange("PING") == ["PONG"])
            #expect(try bystander.exchange("COUNT war").maskingTimes == ["COUNT 3 took_us=T"])
        }
        try await server.stop()
    }

    @Test func aHalfLineThenADisconnectIsACleanClose() async throws {
        let server = try await TestServer()
        try await blocking {
            for _ in 0..<20 {
                let connection = try server.connect()
                try connection.sendRaw(Array("SEARCH limit=5 wa".utf8))
            }
            let connection = try server.connect()
            try connection.sendRaw(Array("COUNT war\nSEARCH half".utf8))
            connection.finishSending()
            #expect(try RawSession(connection).replyLines().maskingTimes == ["COUNT 3 took_us=T"])
            #expect(try connection.readLine() == nil)
            let session = RawSession(try server.connect())
            // The abandoned connections are gone (allow the server a moment to notice).
            var open = ""
            for _ in 0..<100 {
                open = try session.exchange("INFO").first { $0.hasPrefix("connections\t") } ?? ""
                if open == "connections\t1" { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(open == "connections\t1")
        }
        try await server.stop()
    }
}
