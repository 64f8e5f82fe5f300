import Foundation
import LoupeProtocol
import LoupeTestSupport
import Testing

/// "Did you mean" through a real daemon: the `SEARCH` head carries it, and `loupe search
/// --server` prints it exactly as a local search does.
@Suite("did you mean over louped", .timeLimit(.minutes(2)))
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
}
