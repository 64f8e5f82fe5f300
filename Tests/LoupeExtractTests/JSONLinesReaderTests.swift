import LoupeExtract
import Testing

@Suite struct JSONLinesReaderTests {
    /// Writes `contents` to a temporary file and reads it back.
    private func read(_ contents: String) throws -> [Result<JSONLDocument, JSONLLineError>] {
        try read(bytes: Array(contents.utf8))
    }

    private func read(bytes: [UInt8]) throws -> [Result<JSONLDocument, JSONLLineError>] {
        let directory = try TemporaryDirectory()
        let file = try directory.write("docs.jsonl", bytes: bytes)
        var results: [Result<JSONLDocument, JSONLLineError>] = []
        try JSONLinesReader(path: file).forEach { results.append($0) }
        return results
    }

    /// The error message of the only line of `line`.
    private func error(_ line: String) throws -> String {
        let results = try read(line)
        try #require(results.count == 1)
        guard case .failure(let error) = results[0] else {
            Issue.record("expected an error for \(line)")
            return ""
        }
        return error.description
    }

    /// The error message of `result`, or `nil` for a document.
    private func message(_ result: Result<JSONLDocument, JSONLLineError>) -> String? {
        guard case .failure(let error) = result else { return nil }
        return error.description
    }

    private func document(_ line: String) throws -> JSONLDocument? {
        let results = try read(line)
        try #require(results.count == 1)
        return try? results[0].get()
    }

    @Test func goodLinesBecomeDocuments() throws {
        let results = try read("""
            {"id": "a/1", "title": "One", "text": "First text."}
            {"text": "order does not matter", "id": "a/2", "title": "Two"}
            {"id":"3","title":"","text":""}
            """)
        #expect(results.map { try? $0.get() } == [
            JSONLDocument(id: "a/1", title: "One", text: "First text.", line: 1),
            JSONLDocument(id: "a/2", title: "Two", text: "order does not matter", line: 2),
            JSONLDocument(id: "3", title: "", text: "", line: 3),
        ])
    }

    @Test func integerIDsBecomeDecimalStrings() throws {
        #expect(try document(#"{"id": 42, "text": "x"}"#)?.id == "42")
        #expect(try document(#"{"id": -7}"#)?.id == "-7")
        #expect(try document(#"{"id": 123456789012345678901234567890}"#)?.id == "123456789012345678901234567890")
        #expect(try error(#"{"id": 1.5}"#) == #"line 1: "id" must be a string or an integer at column 8"#)
        #expect(try error(#"{"id": 1e3}"#) == #"line 1: "id" must be a string or an integer at column 8"#)
        #expect(try error(#"{"id": true}"#) == #"line 1: "id" must be a string or an integer at column 8"#)
        #expect(try error(#"{"id": 012}"#) == #"line 1: expected ',' or '}' at column 9"#)
    }

    @Test func titleAndTextAreOptional() throws {
        #expect(try document(#"{"id": "x"}"#) == JSONLDocument(id: "x", title: "", text: "", line: 1))
        #expect(try document(#"{"id": "x", "title": null, "text": null}"#)
            == JSONLDocument(id: "x", title: "", text: "", line: 1))
        #expect(try error(#"{"id": "x", "title": 5}"#) == #"line 1: "title" must be a string at column 22"#)
        #expect(try error(#"{"id": "x", "text": ["a"]}"#) == #"line 1: "text" must be a string at column 21"#)
    }

    @Test func otherMembersOfAnyTypeAreSkipped() throws {
        let line = #"{"meta": {"a": [1, -2.5e+3, true, false, null, {"b": "c\"}"}], "d": {}}, "id": "x", "#
            + #""list": [[], [[]], {"e": [{}]}], "n": 0, "s": "\u00e9\n", "text": "t"}"#
        #expect(try document(line) == JSONLDocument(id: "x", title: "", text: "t", line: 1))
        #expect(try document(#"{"id": "x", "id": "y"}"#)?.id == "y")
        #expect(try document(#"{"meta": {"id": "inner"}, "id": "outer"}"#)?.id == "outer")
        #expect(try error(#"{"meta": {"id": "inner"}}"#) == #"line 1: missing "id""#)
    }

    @Test func deepNestingIsSkippedWithoutRecursion() throws {
        let depth = 200_000
        let line = #"{"id": "deep", "nested": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(try document(line)?.id == "deep")
        let unbalanced = #"{"id": "deep", "nested": "# + String(repeating: "[", count: depth) + "}"
        #expect(try error(unbalanced) == "line 1: expected a value at column \(26 + depth)")
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        let line = #"{"id": "e", "text": "q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u4e2d \ud83d\ude00 lone \ud800 x \udc00 y \ud800\u0041"}"#
        #expect(try document(line)?.text
            == "q\" b\\ s/ \u{8}\u{C}\n\r\t Aé中 😀 lone \u{FFFD} x \u{FFFD} y \u{FFFD}A")
        #expect(try document(#"{"id": "raw", "title": "Größe 東京 🙂"}"#)?.title == "Größe 東京 🙂")
        #expect(try document(#"{"\u0069d": "escaped key"}"#)?.id == "escaped key")
    }

    @Test func badLinesAreReportedWithTheirLineAndColumn() throws {
        #expect(try error(#"{"id": "x" "text": "y"}"#) == "line 1: expected ',' or '}' at column 12")
        #expect(try error(#"{"title": "no id"}"#) == #"line 1: missing "id""#)
        #expect(try error(#"{"id": "x\q"}"#) == #"line 1: invalid escape '\q' at column 10"#)
        #expect(try error(#"{"id": "x\u12G4"}"#) == #"line 1: invalid \u escape at column 10"#)
        #expect(try error(#"{"id": "unterminated}"#) == "line 1: unterminated string at column 8")
        #expect(try error(#"["id", "x"]"#) == "line 1: not a JSON object at column 1")
        #expect(try error(#"  "just a string""#) == "line 1: not a JSON object at column 3")
        #expect(try error(#"{"id": "x",}"#) == #"line 1: expected '"' to begin a member name at column 12"#)
        #expect(try error(#"{"id" "x"}"#) == "line 1: expected ':' after a member name at column 7")
        #expect(try error(#"{"id": "x"} extra"#) == "line 1: unexpected data after the object at column 13")
        #expect(try error(#"{"id": "x", "m": [1, 2"#) == "line 1: expected ',' or ']' at column 23")
        #expect(try error(#"{"id": "x", "m": {"a" 1}}"#) == "line 1: expected ':' after a member name at column 23")
        #expect(try error(#"{"id": "x", "m": tru}"#) == "line 1: expected a value at column 18")
        #expect(try error(#"{"id": "x", "m": -}"#) == "line 1: invalid number at column 18")
        #expect(try error("{\"id\": \"tab\there\"}") == "line 1: control character in string at column 12")
        #expect(try error(#"{"id": "x""#) == "line 1: expected ',' or '}' at column 11")
    }

    @Test func invalidUTF8IsAnError() throws {
        let bytes = Array(#"{"id": "ok", "text": "caf"#.utf8) + [0xE9] + Array(#" au lait"}"#.utf8)
        let results = try read(bytes: bytes)
        #expect(results.map(message) == ["line 1: invalid UTF-8 at column 26"])
    }

    @Test func aBadLineDoesNotAffectItsNeighbours() throws {
        let results = try read("""
            {"id": "1"}
            {"id": broken}
            {"id": "3"}
            """)
        #expect(results.count == 3)
        #expect((try? results[0].get())?.id == "1")
        #expect(message(results[1])?.hasPrefix("line 2: ") == true)
        #expect((try? results[2].get())?.line == 3)
    }

    @Test func crlfEmptyLinesAndAByteOrderMarkAreAccepted() throws {
        let contents = "\u{FEFF}{\"id\": \"1\"}\r\n\r\n   \n{\"id\": \"2\", \"text\": \"a\r\"}\r\n\n{\"id\": \"3\"}"
        let results = try read(contents)
        #expect(results.map { try? $0.get() } == [
            JSONLDocument(id: "1", title: "", text: "", line: 1),
            nil,
            JSONLDocument(id: "3", title: "", text: "", line: 6),
        ])
        // A raw CR inside a string is a control character, wherever the line ends.
        #expect(message(results[1]) == "line 4: control character in string at column 23")
    }

    @Test func anEmptyFileHasNoDocuments() throws {
        #expect(try read("").isEmpty)
        #expect(try read("\n\n").isEmpty)
    }

    @Test func aHugeLineIsReadWhole() throws {
        let text = String(repeating: "0123456789abcdef ", count: 600_000) // 10.2 MB
        let results = try read("{\"id\": \"small\"}\n{\"id\": \"huge\", \"text\": \"\(text)\"}\n{\"id\": \"after\"}\n")
        #expect(results.map { (try? $0.get())?.id } == ["small", "huge", "after"])
        #expect((try? results[1].get())?.text == text)
    }

    @Test func manyLinesCrossChunkBoundaries() throws {
        var contents = ""
        for number in 0..<60_000 {
            contents += "{\"id\": \(number), \"title\": \"Title \(number)\", \"text\": \"text of document \(number) é\"}\n"
        }
        let results = try read(contents)
        #expect(results.count == 60_000)
        let documents = results.compactMap { try? $0.get() }
        #expect(documents.count == 60_000)
        #expect(documents.enumerated().allSatisfy { index, document in
            document.id == String(index) && document.line == index + 1 && document.text == "text of document \(index) é"
        })
    }

    @Test func aMissingFileThrows() {
        #expect(throws: JSONLinesFileError(path: "/nonexistent/docs.jsonl", reason: "No such file or directory")) {
            try JSONLinesReader(path: "/nonexistent/docs.jsonl").forEach { _ in }
        }
    }
}
