import LoupeProtocol
import Testing

@Suite("Request parsing")
struct RequestParserTests {
    let parser = RequestParser()

    func parse(_ line: String) throws(ProtocolError) -> Request { try parser.parse(line[...]) }

    func code(_ line: String) -> ProtocolError.Code? {
        do {
            _ = try parse(line)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func searchTakesOptionsThenTheRestOfTheLine() throws {
        #expect(try parse("SEARCH limit=5 offset=10 snippets=0 \"cold war\" +title:x*") == .search(SearchRequest(
            query: "\"cold war\" +title:x*", limit: 5, offset: 10, snippets: false)))
        #expect(try parse("search op=and strict=1 k1=0.9 b=0.4 a b") == .search(SearchRequest(
            query: "a b", options: QueryOptions(defaultOperator: .and, strict: true, k1: 0.9, b: 0.4))))
    }

    @Test func sortIsAnOptionOfSearch() throws {
        #expect(try parse("SEARCH sort=-modified war") == .search(SearchRequest(query: "war", sort: .newest)))
        #expect(try parse("SEARCH sort=modified limit=3 war") == .search(SearchRequest(query: "war", limit: 3, sort: .modified)))
        #expect(try parse("SEARCH sort=score war") == .search(SearchRequest(query: "war", sort: .score)))
        #expect(SearchRequest(query: "war", sort: .newest).sort?.rawValue == "-modified")
        #expect(Request.search(SearchRequest(query: "war", sort: .newest)).line == "SEARCH sort=-modified -- war")
        #expect(code("COUNT sort=modified war") == nil)  // not an option of COUNT: part of the query
    }

    @Test func expandIsAnOptionOfSearch() throws {
        #expect(try parse("SEARCH expand=1 war") == .search(SearchRequest(query: "war", expand: true)))
        #expect(try parse("SEARCH limit=3 expand=0 war") == .search(SearchRequest(query: "war", limit: 3, expand: false)))
        #expect(try parse("SEARCH war") == .search(SearchRequest(query: "war")))
        #expect(Request.search(SearchRequest(query: "war", expand: true)).line == "SEARCH expand=1 -- war")
        #expect(try parse(Request.search(SearchRequest(query: "war", expand: false)).line) == .search(SearchRequest(query: "war", expand: false)))
        for line in ["SEARCH expand=2 war", "SEARCH expand=yes war", "SEARCH expand= war", "SEARCH expand=1 expand=1 war"] {
            #expect(code(line) == .badArgument, "\(line)")
        }
        #expect(code("COUNT expand=1 war") == nil)  // not an option of COUNT: part of the query
    }

    @Test func optionsStopAtTheFirstOtherWordOrAtDoubleDash() throws {
        #expect(try parse("SEARCH war limit=5") == .search(SearchRequest(query: "war limit=5")))
        #expect(try parse("SEARCH -- limit=5") == .search(SearchRequest(query: "limit=5")))
        #expect(try parse("SEARCH x=1 y") == .search(SearchRequest(query: "x=1 y")))
    }

    @Test func badNumbersAndMissingArgumentsAreBadArguments() {
        for line in ["SEARCH limit=abc war", "SEARCH limit=-1 war", "SEARCH limit=99999999999999999999999 war", "SEARCH offset= war",
                     "SEARCH snippets=2 war", "SEARCH sort=date war", "SEARCH sort= war", "SEARCH sort=-score war", "SEARCH op=xor war", "SEARCH k1=-1 war", "SEARCH k1=nan war", "SEARCH algorithm=B2 war", "SEARCH", "SEARCH limit=5",
                     "SEARCH limit=1 limit=2 war", "COUNT", "EXPLAIN", "EXPLAIN a.txt", "GET", "DELETE   ", "INDEX", "AUTH",
                     "PING now", "HELP FOO"] {
            #expect(code(line) == .badArgument, "\(line)")
        }
    }

    @Test func unknownAndEmptyLinesAreUnknownCommands() {
        #expect(code("FROB x") == .unknownCommand)
        #expect(code("") == .unknownCommand)
        #expect(code("   ") == .unknownCommand)
        #expect(code("\u{0}\u{1}binary") == .unknownCommand)
    }

    @Test func idsAreUnescaped() throws {
        #expect(try parse("GET notes/my file.txt") == .get(id: "notes/my file.txt"))
        #expect(try parse("EXPLAIN my\\sfile\\\\x.txt cold war") == .explain(id: "my file\\x.txt", query: "cold war", options: QueryOptions()))
        #expect(try parse("DELETE a\\tb") == .delete(id: "a\tb"))
        #expect(try parse("INDEX /data/notes") == .index(path: "/data/notes"))
    }

    @Test func everyRequestReadsBackFromItsLine() throws {
        let requests: [Request] = [
            .search(SearchRequest(query: "a \"b c\"~2 -d", limit: 3, offset: 2, snippets: true, options: QueryOptions(defaultOperator: .or, k1: 1.5))),
            .search(SearchRequest(query: "limit=3")),
            .search(SearchRequest(query: "war type:pdf", sort: .newest)), .search(SearchRequest(query: "w", limit: 1, sort: .modified)),
            .search(SearchRequest(query: "modified:[2024-01-01 TO *]", sort: .score)),
            .count(query: "x", options: QueryOptions(strict: true, algorithm: "bmw")),
            .explain(id: "dir/a file.txt", query: "q", options: QueryOptions(b: 0.5)),
            .get(id: "x y"), .delete(id: "tab\there"), .index(path: "/r/s"), .info, .ping, .help(command: nil), .help(command: .search),
            .quit, .auth(token: "s3cret"),
        ]
        for request in requests { #expect(try parse(request.line) == request, "\(request.line)") }
    }

    @Test func commandsAreCaseInsensitiveAndTrimmed() throws {
        #expect(try parse("  ping  ") == .ping)
        #expect(try parse("Help Search") == .help(command: .search))
    }
}
