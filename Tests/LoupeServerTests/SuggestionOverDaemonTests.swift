import Foundation
import LoupeProtocol
import LoupeTestSupport
import Testing

/// Suggestions through a real daemon: the `SEARCH` head carries "did you mean", `SUGGEST`
/// completes, and `loupe search --server` and `loupe suggest --server` print what the local
/// commands print.
@Suite("suggestions over louped", .timeLimit(.minutes(2)))
struct SuggestionOverDaemonTests {
    @Test func searchRepliesCarryTheSuggestionOnlyWhenTheQueryFoundLittle() async throws {
        let server = try await TestServer()
        let (misspelt, known, excluded) = try await blocking { [server] in
            let session = RawSession(try server.connect())
            return (try session.exchange("SEARCH op=and colld war").maskingTimes, try session.exchange("SEARCH snippets=0 war").maskingTimes,
                    try session.exchange("SEARCH snippets=0 moscw").maskingTimes)
        }
        #expect(misspelt == ["RESULTS 0 total=0 took_us=T suggestion=cold\\swar", "END"])
        #expect(known.first == "RESULTS 3 total=3 took_us=T")
        #expect(excluded == ["RESULTS 0 total=0 took_us=T suggestion=moscow", "END"])
        try await server.stop()
    }

    @Test func remoteSearchPrintsTheSuggestionAsLocalSearchDoes() async throws {
        let server = try await TestServer()
        let index = server.server.configuration.indexPath
        let address = server.address.description
        let cases: [[String]] = [["colld war", "--and"], ["colld war", "--and", "--json"], ["moscw", "--json", "--no-snippets"]]
        let outputs = try await blocking {
            try cases.map { args in
                (args, try CLI.loupe(["search"] + args + ["--index", index]), try CLI.loupe(["search"] + args + ["--server", address]))
            }
        }
        for (args, local, remote) in outputs {
            #expect(local.status == 0 && remote.status == 0, "\(args): \(remote.err)")
            #expect(local.out.contains("Did you mean: cold war?") || local.out.contains("\"suggestion\""), "\(args): \(local.out)")
            #expect(CLI.untimed(remote.out) == CLI.untimed(local.out), "\(args)")
        }
        try await server.stop()
    }

    @Test func suggestCompletesTheLastWordRankedByTheWordsBeforeIt() async throws {
        let server = try await TestServer()
        let lines = try await blocking { [server] in
            let session = RawSession(try server.connect())
            return try ["SUGGEST wa", "suggest limit=1 wa", "SUGGEST cold wa", "SUGGEST cold -", "SUGGEST limit=101 wa", "SUGGEST"]
                .map { try session.exchange($0).maskingTimes }
        }
        #expect(lines[0] == ["COMPLETIONS 2 took_us=T", "war\twar\t3\t", "water\twater\t1\t", "END"])
        #expect(lines[1] == ["COMPLETIONS 1 took_us=T", "war\twar\t3\t", "END"])
        #expect(lines[2] == ["COMPLETIONS 1 took_us=T", "war\tcold war\t3\t1", "END"], "water never occurs with cold")
        #expect(lines[3].count == 1 && lines[3][0].hasPrefix("ERR BAD_ARGUMENT nothing to complete"), "\(lines[3])")
        #expect(lines[4].count == 1 && lines[4][0].hasPrefix("ERR BAD_ARGUMENT limit must be between 1 and 100"), "\(lines[4])")
        #expect(lines[5].count == 1 && lines[5][0].hasPrefix("ERR BAD_ARGUMENT SUGGEST needs the text to complete"), "\(lines[5])")
        try await server.stop()
    }

    @Test func remoteSuggestPrintsWhatLocalSuggestPrints() async throws {
        let server = try await TestServer()
        let index = server.server.configuration.indexPath
        let address = server.address.description
        let cases: [[String]] = [["wa"], ["cold wa", "--json"], ["Cold WA", "--limit", "1"], ["zzz"], ["cold -"], ["wa", "--limit", "0"]]
        let outputs = try await blocking {
            try cases.map { args in
                (args, try CLI.loupe(["suggest"] + args + ["--index", index]), try CLI.loupe(["suggest"] + args + ["--server", address]))
            }
        }
        for (args, local, remote) in outputs {
            #expect(local.status == remote.status && local.err == remote.err, "\(args): \(local.err) / \(remote.err)")
            #expect(CLI.untimed(remote.out) == CLI.untimed(local.out), "\(args)")
        }
        #expect(outputs[0].1.out.contains("war  (3 docs)\nwater  (1 docs)"), "\(outputs[0].1.out)")
        #expect(outputs[1].1.out.contains(#"{"text":"cold war","word":"war","docs":3,"together":1}"#), "\(outputs[1].1.out)")
        #expect(outputs[2].1.out.contains("Cold war  (3 docs, 1 with the words before)"), "\(outputs[2].1.out)")
        #expect(outputs[4].1.status != 0 && outputs[4].1.err.contains("nothing to complete"))
        #expect(outputs[5].1.status != 0 && outputs[5].1.err.contains("--limit must be between 1 and 100"))
        try await server.stop()
    }
}
