import LoupeExtract
import Testing

@Suite struct PlainTextTests {
    @Test func textIsKeptAndTheTitleIsTheFirstNonEmptyLine() {
        let document = DocumentExtractor.extract(bytes: Array("\n  \n   First line  \nsecond\n".utf8), format: .text)
        #expect(document.title == "First line")
        #expect(document.text == "\n  \n   First line  \nsecond\n")
    }

    @Test func aByteOrderMarkIsDroppedAndLineEndsBecomeLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Title\r\nbody\rmore\r\n".utf8)
        let document = DocumentExtractor.extract(bytes: bytes, format: .text)
        #expect(document.title == "Title")
        #expect(document.text == "Title\nbody\nmore\n")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes = Array("caf".utf8) + [0xE9] + Array(" ok".utf8)
        #expect(DocumentExtractor.extract(bytes: bytes, format: .text).text == "caf\u{FFFD} ok")
    }

    @Test func titlesAreCollapsedAndCappedAt200Characters() {
        let long = String(repeating: "word ", count: 100)
        let document = DocumentExtractor.extract(bytes: Array("\t\(long)\n".utf8), format: .text)
        // Cut at 200 characters, then the trailing space goes.
        #expect(document.title == String(String(repeating: "word ", count: 40).dropLast()))
        let spaced = DocumentExtractor.extract(bytes: Array("a \t  b\n".utf8), format: .text)
        #expect(spaced.title == "a b")
    }

    @Test func anEmptyFileHasAnEmptyTitle() {
        #expect(DocumentExtractor.extract(bytes: [], format: .text) == ExtractedDocument(title: "", text: ""))
    }
}
