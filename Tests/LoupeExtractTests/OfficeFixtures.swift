/// The XML parts of small office documents and EPUB books, written by hand for the tests.
enum OfficeFixtures {
    static let wordNamespace = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
        </Relationships>
        """

    static let wordDocument = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(wordNamespace)>
          <w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Quarterly Report</w:t></w:r></w:p>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
              <w:r><w:t xml:space="preserve">Revenue </w:t></w:r><w:r><w:t>grew</w:t><w:tab/><w:t>by &amp; 5% — café</w:t><w:br/><w:t>next line</w:t></w:r></w:p>
            <w:p><w:del><w:r><w:delText>removed words</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
            <w:tbl><w:tr>
              <w:tc><w:p><w:r><w:t>cell1</w:t></w:r></w:p><w:p><w:r><w:t>more</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>cell2</w:t></w:r></w:p></w:tc>
            </w:tr></w:tbl>
            <w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
              <mc:Choice Requires="wps"><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></mc:Choice>
              <mc:Fallback><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></mc:Fallback>
            </mc:AlternateContent><w:t>After the table.</w:t></w:r></w:p>
          </w:body>
        </w:document>
        """

    static let wordFootnotes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:footnotes \(wordNamespace)><w:footnote w:id="1"><w:p><w:r><w:t>A footnote.</w:t></w:r></w:p></w:footnote></w:footnotes>
        """

    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:creator>Someone</dc:creator><dc:title>\(title)</dc:title>
        </cp:coreProperties>
        """
    }

    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="Summary" sheetId="2" r:id="rId2"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>
        </workbook>
        """

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
          <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
        </Relationships>
        """

    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
          <si><t>Name</t></si>
          <si><r><t>Rich</t></r><r><t xml:space="preserve"> text</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>
          <si><t>Alice &lt;a@b&gt;</t></si>
        </sst>
        """

    static let summarySheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
          <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline</t></is></c></row>
          <row r="2"><c r="A2"><v>42</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><f>SUM(A1)</f></c></row>
        </sheetData></worksheet>
        """

    static let dataSheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
          <row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="str"><f>A1</f><v>formula result</v></c></row>
        </sheetData></worksheet>
        """

    static let presentation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst>
        </p:presentation>
        """

    static let presentationRelationships = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/>
          <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide2.xml"/>
        </Relationships>
        """

    static func slide(_ shapes: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
          <p:cSld><p:spTree>\(shapes)</p:spTree></p:cSld>
        </p:sld>
        """
    }

    static func shape(placeholder: String?, paragraphs: String) -> String {
        let ph = placeholder.map { #"<p:nvSpPr><p:nvPr><p:ph type="\#($0)"/></p:nvPr></p:nvSpPr>"# } ?? ""
        return "<p:sp>\(ph)<p:txBody>\(paragraphs)</p:txBody></p:sp>"
    }

    static let odfNamespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
        """

    static func odfContent(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(odfNamespaces)>
          <office:automatic-styles><style name="x">not text</style></office:automatic-styles>
          <office:body>
            \(body)
          </office:body>
        </office:document-content>
        """
    }

    static func odfMeta(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <office:meta><dc:title>\(title)</dc:title></office:meta>
        </office:document-meta>
        """
    }

    static let epubContainer = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """

    static func opf(title: String?) -> String {
        let titleElement = title.map { "<dc:title>\($0)</dc:title>" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\(titleElement)<dc:language>en</dc:language></metadata>
              <manifest>
                <item id="style" href="style.css" media-type="text/css"/>
                <item id="two" href="Text/ch2.xhtml" media-type="application/xhtml+xml"/>
                <item id="one" href="Text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
              </manifest>
              <spine><itemref idref="one"/><itemref idref="two"/></spine>
            </package>
            """
    }

    static func xhtml(title: String, body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>\(title)</title><style>p { color: red }</style></head>
        <body>\(body)</body></html>
        """
    }
}
