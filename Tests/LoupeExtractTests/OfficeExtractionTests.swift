import LoupeExtract
import Testing

/// DOCX, XLSX, PPTX, ODT, ODS, ODP and EPUB through ``FileExtractor``, from zips and XML
/// the tests write; and their damaged, encrypted and hostile variants.
@Suite struct OfficeExtractionTests {
    typealias F = OfficeFixtures

    private func extract(_ name: String, _ bytes: [UInt8], options: ExtractionOptions = ExtractionOptions()) throws -> FileExtraction {
        let directory = try TemporaryDirectory()
        let path = try directory.write(name, bytes: bytes)
        return FileExtractor(options: options).extract(fileAt: path)
    }

    /// The one document of a successful extraction.
    private func only(_ extraction: FileExtraction) -> ExtractedDocument? {
        #expect(extraction.problem == nil)
        #expect(extraction.documents.count == 1)
        #expect(!extraction.isMultipart)
        return extraction.documents.first
    }

    private func docx(core: String? = nil, document: String = F.wordDocument) throws -> [UInt8] {
        var entries = [("[Content_Types].xml", "<Types/>"), ("_rels/.rels", F.packageRelationships),
                       ("word/document.xml", document), ("word/footnotes.xml", F.wordFootnotes)]
        if let core { entries.append(("docProps/core.xml", core)) }
        return try ZipFixture.make(entries)
    }

    @Test func docxTextAndHeadingTitle() throws {
        let extraction = try extract("report.docx", docx())
        #expect(extraction.type == .docx)
        #expect(extraction.extractor == .office)
        let document = try #require(only(extraction))
        #expect(document.title == "Quarterly Report")
        #expect(document.text == """
            Quarterly Report
            Revenue grew\tby & 5% — café
            next line
            cell1 more\tcell2
            Boxed
            After the table.
            A footnote.
            """)
    }

    @Test func docxMetadataTitleWins() throws {
        let extraction = try extract("r.docx", docx(core: F.coreProperties(title: "  Annual\n Plan ")))
        #expect(only(extraction)?.title == "Annual Plan")
    }

    @Test func docxWithoutHeadingTakesFirstLineAndWithoutRelationshipsTheUsualPart() throws {
        let body = "<w:document \(F.wordNamespace)><w:body><w:p/><w:p><w:r><w:t>Just text</w:t></w:r></w:p></w:body></w:document>"
        let bytes = try ZipFixture.make([("word/document.xml", body)])
        let document = try #require(only(try extract("plain.DOCX", bytes)))
        #expect(document.title == "Just text")
        #expect(document.text == "Just text")
    }

    @Test func xlsxSheetsInWorkbookOrderWithSharedAndInlineStrings() throws {
        let bytes = try ZipFixture.make([
            ("xl/worksheets/sheet1.xml", F.dataSheet), ("xl/worksheets/sheet2.xml", F.summarySheet),
            ("xl/sharedStrings.xml", F.sharedStrings), ("xl/workbook.xml", F.workbook),
            ("xl/_rels/workbook.xml.rels", F.workbookRelationships),
        ])
        let extraction = try extract("book.xlsx", bytes)
        #expect(extraction.type == .xlsx)
        let document = try #require(only(extraction))
        #expect(document.text == """
            Summary
            Name\tInline
            42\tRich text
            Data
            Alice <a@b>\t1\tformula result
            """)
        #expect(document.title == "Name Inline")
    }

    @Test func pptxSlidesInPresentationOrderWithTitlePlaceholder() throws {
        let first = F.slide(F.shape(placeholder: "ctrTitle", paragraphs: "<a:p><a:r><a:t>Launch Plan</a:t></a:r></a:p>")
            + F.shape(placeholder: nil, paragraphs: "<a:p><a:r><a:t>First point</a:t></a:r><a:br/><a:r><a:t>second line</a:t></a:r></a:p>"))
        let second = F.slide(F.shape(placeholder: "title", paragraphs: "<a:p><a:r><a:t>Closing words</a:t></a:r></a:p>"))
        let bytes = try ZipFixture.make([
            ("ppt/slides/slide1.xml", second), ("ppt/slides/slide2.xml", first),
            ("ppt/presentation.xml", F.presentation), ("ppt/_rels/presentation.xml.rels", F.presentationRelationships),
        ])
        let document = try #require(only(try extract("deck.pptx", bytes)))
        #expect(document.title == "Launch Plan")
        #expect(document.text == "Launch Plan\nFirst point\nsecond line\n\nClosing words")
    }

    @Test func pptxWithoutSlideListReadsSlidesByNumber() throws {
        let slide: (String) -> String = { F.slide(F.shape(placeholder: nil, paragraphs: "<a:p><a:r><a:t>\($0)</a:t></a:r></a:p>")) }
        let bytes = try ZipFixture.make([
            ("ppt/slides/slide10.xml", slide("ten")), ("ppt/slides/slide2.xml", slide("two")),
            ("ppt/presentation.xml", "<p:presentation xmlns:p=\"urn:p\"/>"),
        ])
        #expect(only(try extract("d.pptx", bytes))?.text == "two\n\nten")
    }

    @Test func odtTextSpacesTabsHeadingAndMetadataTitle() throws {
        let content = F.odfContent("""
            <office:text>
              <text:h text:outline-level="1">Introduction</text:h>
              <text:p>Hello<text:s text:c="3"/>world<text:tab/>tab<text:line-break/>broken <text:span>span</text:span></text:p>
              <table:table><table:table-row>
                <table:table-cell><text:p>a1</text:p></table:table-cell><table:table-cell><text:p>b1</text:p><text:p>b2</text:p></table:table-cell>
              </table:table-row></table:table>
              <text:list><text:list-item><text:p>item &#233;</text:p></text:list-item></text:list>
            </office:text>
            """)
        let bytes = try ZipFixture.make([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])
        let document = try #require(only(try extract("notes.odt", bytes)))
        #expect(document.title == "Introduction")
        #expect(document.text == "Introduction\nHello   world\ttab\nbroken span\na1\tb1 b2\nitem é")
        let withMeta = try ZipFixture.make([("content.xml", content), ("meta.xml", F.odfMeta(title: "Field Notes"))])
        #expect(only(try extract("notes.odt", withMeta))?.title == "Field Notes")
    }

    @Test func odsRowsAndOdpFrames() throws {
        let sheet = F.odfContent("""
            <office:spreadsheet><table:table table:name="S">
              <table:table-row><table:table-cell><text:p>Item</text:p></table:table-cell><table:table-cell table:number-columns-repeated="3"/><table:table-cell><text:p>Price</text:p></table:table-cell></table:table-row>
              <table:table-row><table:table-cell office:value="3"><text:p>Pen</text:p></table:table-cell><table:table-cell><text:p>3</text:p></table:table-cell></table:table-row>
            </table:table></office:spreadsheet>
            """)
        let ods = try #require(only(try extract("prices.ods", try ZipFixture.make([("content.xml", sheet)]))))
        #expect(ods.text == "Item\tPrice\nPen\t3")
        #expect(ods.title == "Item Price")
        let slides = F.odfContent("""
            <office:presentation>
              <draw:page draw:name="p1"><draw:frame><draw:text-box><text:p>Slide one</text:p></draw:text-box></draw:frame></draw:page>
              <draw:page draw:name="p2"><draw:frame><draw:text-box><text:p>Slide two</text:p></draw:text-box></draw:frame></draw:page>
            </office:presentation>
            """)
        let extraction = try extract("talk.odp", try ZipFixture.make([("content.xml", slides)]))
        #expect(extraction.type == .odp)
        #expect(only(extraction)?.text == "Slide one\nSlide two")
    }

    private func epub(title: String?, encryption: String? = nil) throws -> [UInt8] {
        var entries = [
            ("mimetype", "application/epub+zip"), ("META-INF/container.xml", F.epubContainer),
            ("OEBPS/content.opf", F.opf(title: title)), ("OEBPS/style.css", "p { margin: 0 }"),
            ("OEBPS/Text/ch2.xhtml", F.xhtml(title: "Two", body: "<h1>Chapter Two</h1><p>The end &amp; after.</p>")),
            ("OEBPS/Text/chapter 1.xhtml", F.xhtml(title: "One", body: "<h1>Chapter One</h1><p>It began.</p>")),
        ]
        if let encryption { entries.append(("META-INF/encryption.xml", encryption)) }
        return try ZipFixture.make(entries)
    }

    @Test func epubSpineOrderThroughHTMLAndTitles() throws {
        let extraction = try extract("book.epub", epub(title: "The Book"))
        #expect(extraction.extractor == .epub)
        let document = try #require(only(extraction))
        #expect(document.title == "The Book")
        #expect(document.text == "Chapter One\n\nIt began.\n\nChapter Two\n\nThe end & after.")
        #expect(only(try extract("book.epub", epub(title: nil)))?.title == "One")
    }

    @Test func epubWithEncryptedChaptersIsAProblem() throws {
        let encryption = """
            <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
              <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
              <enc:CipherData><enc:CipherReference URI="OEBPS/Text/ch2.xhtml"/></enc:CipherData></enc:EncryptedData>
            </encryption>
            """
        let extraction = try extract("drm.epub", epub(title: "T", encryption: encryption))
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem == ExtractionProblem(reason: "encrypted (DRM) content in OEBPS/Text/ch2.xhtml", extractor: .epub))
    }

    // MARK: - Damaged and hostile files

    @Test(arguments: ["docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"])
    func truncatedAndCorruptFilesAreProblems(ext: String) throws {
        let whole: [UInt8] = switch ext {
        case "docx": try docx()
        case "epub": try epub(title: "T")
        case "xlsx": try ZipFixture.make([("xl/workbook.xml", F.workbook), ("xl/_rels/workbook.xml.rels", F.workbookRelationships),
                                          ("xl/worksheets/sheet1.xml", F.dataSheet), ("xl/worksheets/sheet2.xml", F.summarySheet)])
        case "pptx": try ZipFixture.make([("ppt/presentation.xml", F.presentation), ("ppt/_rels/presentation.xml.rels", F.presentationRelationships),
                                          ("ppt/slides/slide1.xml", F.slide("")), ("ppt/slides/slide2.xml", F.slide(""))])
        default: try ZipFixture.make([("content.xml", F.odfContent("<office:text><text:p>words</text:p></office:text>"))])
        }
        let expectedExtractor: Extractor = ext == "epub" ? .epub : .office
        #expect(try extract("whole.\(ext)", whole).problem == nil)

        let truncated = try extract("cut.\(ext)", Array(whole.prefix(whole.count / 2)))
        #expect(truncated.documents.isEmpty)
        #expect(truncated.problem?.extractor == expectedExtractor)
        #expect(truncated.problem?.reason.contains("damaged zip archive") == true)

        // Garbage in the middle of the compressed data: a bad inflate or checksum.
        var corrupt = whole
        for index in stride(from: 60, to: whole.count / 2, by: 7) { corrupt[index] ^= 0x5A }
        let damaged = try extract("bad.\(ext)", corrupt)
        #expect(damaged.documents.isEmpty)
        #expect(damaged.problem?.extractor == expectedExtractor)

        let text = try extract("text.\(ext)", Array("just some text, not a zip".utf8))
        #expect(text.problem?.reason == "not a zip archive")
    }

    @Test func missingPartsAndMalformedXMLAreNamed() throws {
        let noDocument = try extract("a.docx", try ZipFixture.make([("docProps/core.xml", F.coreProperties(title: "x"))]))
        #expect(noDocument.problem?.reason == "missing part word/document.xml")
        let noContent = try extract("a.odt", try ZipFixture.make([("meta.xml", F.odfMeta(title: "x"))]))
        #expect(noContent.problem?.reason == "missing part content.xml")
        let noContainer = try extract("a.epub", try ZipFixture.make([("mimetype", "application/epub+zip")]))
        #expect(noContainer.problem?.reason == "missing part META-INF/container.xml")
        let broken = try extract("b.docx", try ZipFixture.make([("word/document.xml", "<w:document \(F.wordNamespace)><w:body><w:p>")]))
        #expect(broken.problem?.reason.hasPrefix("malformed XML in word/document.xml:") == true)
        #expect(broken.documents.isEmpty)
    }

    @Test func encryptedOOXMLIsAnOLE2File() throws {
        var ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        ole2 += [UInt8](repeating: 0, count: 504)
        let extraction = try extract("secret.docx", ole2)
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason.contains("encrypted (password-protected)") == true)
        #expect(extraction.problem?.extractor == .office)
    }

    @Test func tooManyEntriesStopBeforeReading() throws {
        let entries = (0..<25).map { ("word/media/image\($0).png", "x") } + [("word/document.xml", F.wordDocument)]
        var options = ExtractionOptions()
        options.maxArchiveEntries = 20
        let extraction = try extract("many.docx", try ZipFixture.make(entries), options: options)
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason == "more than 20 entries in the archive")
        options.maxArchiveEntries = 26
        #expect(try extract("many.docx", try ZipFixture.make(entries), options: options).problem == nil)
    }

    /// 32 MiB of one repeated paragraph deflate to a few dozen KiB; the extraction stops at
    /// the 1 MiB limit, whether the archive declares the true size or claims 100 bytes.
    @Test func zipBombsStopAtTheLimit() throws {
        let bomb = try ZipFixture.make(path: "word/document.xml", head: Array("<w:document \(F.wordNamespace)><w:body>".utf8),
                                       repeating: Array("<w:p><w:r><w:t>bomb</w:t></w:r></w:p>".utf8), size: 32 << 20)
        #expect(bomb.count < 256 << 10)
        var options = ExtractionOptions()
        options.maxBytes = 1 << 20
        for variant in [bomb, ZipFixture.declaringUncompressedSize(100, in: bomb)] {
            let extraction = try extract("bomb.docx", variant, options: options)
            #expect(extraction.documents.isEmpty)
            #expect(extraction.problem == ExtractionProblem(reason: "uncompressed size over 1 MiB", extractor: .office))
        }
    }
}
