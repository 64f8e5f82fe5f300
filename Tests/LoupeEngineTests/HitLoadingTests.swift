import LoupeExtract
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// A hit loads what its reply shows: the whole record only with `hitMetadata`, the text only
/// for a snippet, and the same id, title and snippet either way.
@Suite struct HitLoadingTests {
    func index(_ dir: TemporaryDirectory) throws -> Index {
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.english))
        let writer = try IndexWriter(index: index)
        let metadata = DocumentMetadata(type: .email, ext: "eml", modified: 1_700_000_000, fields: [DocumentField(name: "from", value: "ann@example.org")])
        try writer.add(DocumentInput(id: "mail/1.eml", title: "Cold war notes", text: "After the cold war ended, the naïve café stayed.", size: 4_321, metadata: metadata))
        try writer.add(DocumentInput(id: "b", title: "", text: "nothing to see"))
        try writer.commit()
        return index
    }

    @Test func withoutMetadataAHitHasItsIdTitleAndSnippetOnly() throws {
        let dir = TemporaryDirectory("hit-loading")
        let reader = try index(dir).reader()
        var options = SearchOptions()
        options.snippets = true
        let full = try Searcher(reader: reader).search("\"cold war\" café", options: options)
        options.hitMetadata = false
        let lean = try Searcher(reader: reader).search("\"cold war\" café", options: options)

        let fullHit = try #require(full.hits.first)
        #expect(fullHit.id == "mail/1.eml" && fullHit.title == "Cold war notes")
        #expect(fullHit.size == 4_321 && fullHit.metadata.type == .email && fullHit.metadata.fields.first?.value == "ann@example.org")
        let leanHit = try #require(lean.hits.first)
        #expect(leanHit.id == fullHit.id && leanHit.title == fullHit.title && leanHit.snippet == fullHit.snippet)
        #expect(leanHit.size == 0 && leanHit.metadata == DocumentMetadata())
        #expect(lean.total == full.total)
    }

    @Test func headingAndTextInPlaceMatchTheRecordAndTheText() throws {
        let dir = TemporaryDirectory("hit-loading")
        let reader = try index(dir).reader()
        for doc: UInt32 in [0, 1] {
            let record = try #require(try reader.document(doc))
            let heading = try #require(try reader.heading(doc))
            #expect(heading.id == record.id && heading.title == record.title)
            #expect(try reader.withText(doc) { String(decoding: $0, as: UTF8.self) } == reader.text(doc))
        }
        #expect(try reader.heading(7) == nil)
        #expect(try reader.withText(7) { $0.count } == nil)
    }
}
