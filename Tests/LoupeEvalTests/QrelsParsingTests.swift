import Testing
@testable import LoupeEval

/// Reading qrels text with trec_eval.py's rules.
@Suite struct QrelsParsingTests {
    @Test func readsJudgmentsAndKeepsQueryOrder() throws {
        let qrels = try Qrels(parsing: "2 0 a 1\n1 0 b 3\n2 0 c 0\n", source: "t")
        #expect(qrels.queryIDs == ["2", "1"])
        #expect(qrels.relevance == ["2": ["a": 1, "c": 0], "1": ["b": 3]])
    }

    @Test func aLaterJudgmentOfTheSameDocumentWins() throws {
        let qrels = try Qrels(parsing: "1 0 a 2\n1 0 a -1\n", source: "t")
        #expect(qrels.relevance["1"] == ["a": -1])
    }

    @Test func judgedQueriesAreThoseWithAPositiveGrade() throws {
        let qrels = try Qrels(parsing: "3 0 a 0\n1 0 a -2\n2 0 a 1\n1 0 b 0\n3 0 b 4\n", source: "t")
        #expect(qrels.judgedQueryIDs == ["3", "2"])
    }

    @Test func theSecondColumnIsIgnoredAndAnyPythonWhitespaceSeparates() throws {
        // Tab, U+00A0 (no-break space), U+001C and U+3000 are all whitespace to Python's str.split().
        let qrels = try Qrels(parsing: "1\tQ9\u{A0}a\u{1C}2\u{3000}\n", source: "t")
        #expect(qrels.relevance == ["1": ["a": 2]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let error = #expect(throws: TrecFileError.self) {
            try Qrels(parsing: "1 0 a 1\n\n  \t \n1 0 b\n", source: "judgments.txt")
        }
        #expect(error == TrecFileError(source: "judgments.txt", line: 4, message: "expected 4 columns, got 3"))
        #expect(error?.description == "judgments.txt:4: expected 4 columns, got 3")
    }

    @Test func crlfAndLoneCarriageReturnsEachEndOneLine() throws {
        let error = #expect(throws: TrecFileError.self) {
            try Qrels(parsing: "1 0 a 1\r\n1 0 b 1\r1 0 c 1 extra\n", source: "t")
        }
        #expect(error?.line == 3)
    }

    @Test func relevanceMustBeAnInteger() throws {
        let error = #expect(throws: TrecFileError.self) {
            try Qrels(parsing: "1 0 a 1\n1 0 b 1.0\n", source: "t")
        }
        #expect(error?.description == "t:2: relevance '1.0' is not an integer")
    }

    @Test func aByteOrderMarkStaysPartOfTheFirstField() throws {
        // Python's utf-8 codec keeps U+FEFF, and it is not whitespace.
        let qrels = try Qrels(parsing: "\u{FEFF}1 0 a 1\n", source: "t")
        #expect(qrels.queryIDs == ["\u{FEFF}1"])
    }
}
