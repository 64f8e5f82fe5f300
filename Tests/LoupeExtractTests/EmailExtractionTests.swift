import LoupeExtract
import Testing

/// `.eml` files and mbox folders through ``FileExtractor``, written by ``MIMEWriter``.
@Suite struct EmailExtractionTests {
    typealias W = MIMEWriter

    private func extract(_ name: String, _ bytes: [UInt8]) throws -> FileExtraction {
        let directory = try TemporaryDirectory()
        return FileExtractor().extract(fileAt: try directory.write(name, bytes: bytes))
    }

    /// The one document of an `.eml` file.
    private func message(_ bytes: [UInt8]) throws -> ExtractedDocument {
        let extraction = try extract("m.eml", bytes)
        #expect(extraction.type == .email)
        #expect(extraction.extractor == .email)
        #expect(extraction.problem == nil)
        #expect(!extraction.isMultipart)
        #expect(extraction.documents.count == 1)
        return try #require(extraction.documents.first)
    }

    private func plain(_ text: String, charset: String = "utf-8", _ encoding: W.Encoding = .sevenBit) -> W.Part {
        .leaf(type: "text/plain", charset: charset, encoding: encoding, content: Array(text.utf8))
    }

    @Test func headersBecomeTitleFieldsAndDate() throws {
        let bytes = W.message([
            ("From", "\"Doe, Jane\" <jane@example.org>"), ("To", "bob@example.org,\r\n\tcarol@example.org"),
            ("Subject", "Lunch\r\n on Friday?"), ("Date", "Tue, 1 Jul 2003 10:52:37 +0200"),
        ], plain("Shall we meet at noon?\n"))
        let document = try message(bytes)
        #expect(document.title == "Lunch on Friday?")
        #expect(document.text == "Shall we meet at noon?")
        #expect(document.fields == [
            DocumentField(name: "from", value: "\"Doe, Jane\" <jane@example.org>"),
            DocumentField(name: "to", value: "bob@example.org, carol@example.org"),
            DocumentField(name: "date", value: "Tue, 1 Jul 2003 10:52:37 +0200"),
        ])
        #expect(document.date == 1_057_049_557)
    }

    @Test(arguments: [
        ("Tue, 1 Jul 2003 10:52:37 +0200", 1_057_049_557),
        ("1 Jul 2003 08:52:37 GMT", 1_057_049_557),
        ("Tue,  1 Jul 03 03:52:37 CDT", 1_057_049_557),
        ("Tue, 01 JUL 2003 03:52:37 -0500 (EST)", 1_057_049_557),
        ("Tue Jul  1 08:52:37 2003", 1_057_049_557),
        ("Tue, 1 Jul 103 08:52 +0000", 1_057_049_520),
        ("Sat, 29 Feb 2020 23:59:59 -0000", 1_583_020_799),
        ("Thu, 1 Jan 1970 00:00:00 Z", 0),
    ] as [(String, Int64)])
    func datesInModernAndObsoleteForms(date: String, expected: Int64) throws {
        let document = try message(W.message([("Subject", "d"), ("Date", date)], plain("x")))
        #expect(document.date == expected)
    }

    @Test func badDatesLeaveTheDateUnset() throws {
        for date in ["yesterday", "31 Feb 2020 10:00:00 +0000", "1 Jul 2003", ""] {
            #expect(try message(W.message([("Subject", "d"), ("Date", date)], plain("x"))).date == nil)
        }
    }

    @Test func charsetsAndTransferEncodings() throws {
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0xE0, 0x20, 0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E]
        let windows1252: [UInt8] = [0x80, 0x35, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x8A]
        let koi8r: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let shiftJIS: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]
        let long = String(repeating: "soft breaks keep words whole ", count: 6) + "€ end"
        let cases: [(W.Part, String)] = [
            (.leaf(type: "text/plain", charset: "ISO-8859-1", encoding: .quotedPrintable, content: latin1), "Café à München"),
            (.leaf(type: "text/plain", charset: "windows-1252", encoding: .eightBit, content: windows1252), "€5 “q” – Š"),
            (.leaf(type: "text/plain", charset: "koi8-r", encoding: .base64, content: koi8r), "Привет"),
            (.leaf(type: "text/plain", charset: "Shift_JIS", encoding: .base64, content: shiftJIS), "日本語"),
            (.leaf(type: "text/plain", charset: "utf-8", encoding: .base64, content: Array("Grüße, 世界 🌍\n".utf8)), "Grüße, 世界 🌍"),
            (.leaf(type: "text/plain", charset: "utf-8", encoding: .quotedPrintable, content: Array(long.utf8)), long),
            (.leaf(type: "text/plain", charset: "x-no-such-charset", encoding: .eightBit, content: [0x61, 0xE9]), "aé"),
            (.leaf(type: "text/plain", charset: "x-no-such-charset", encoding: .eightBit, content: Array("ok ü".utf8)), "ok ü"),
            (.leaf(type: "text/plain", charset: "utf-8", encoding: .eightBit, content: [0x61, 0xFF, 0x62]), "a\u{FFFD}b"),
            (.leaf(type: "text/plain", charset: "koi8-r", encoding: .eightBit, content: koi8r), "Привет"),
            (.leaf(type: "text/plain", charset: "iso-2022-jp", encoding: .sevenBit,
                   content: [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42]), "日本語"),
            (.leaf(type: "text/plain", charset: "gb2312", encoding: .base64, content: [0xD6, 0xD0, 0xCE, 0xC4]), "中文"),
            (.leaf(type: "text/plain", charset: "iso-8859-7", encoding: .quotedPrintable, content: [0xE1, 0xE2, 0xE3]), "αβγ"),
        ]
        for (part, expected) in cases {
            #expect(try message(W.message([("Subject", "c")], part)).text == expected)
        }
        // Quoted-printable lines longer than 60 characters were written with soft breaks.
        #expect(W.quotedPrintable(Array(long.utf8)).count > long.utf8.count)
    }

    @Test func encodedWordsInHeaders() throws {
        let subject = W.encodedWord([0x43, 0x61, 0x66, 0xE9], charset: "ISO-8859-1", base64: false) + " "
            + W.encodedWord(Array(" über alles".utf8), charset: "UTF-8", base64: true) + " and "
            + W.encodedWord([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], charset: "koi8-r", base64: true)
        let from = W.encodedWord(Array("Jürgen Müller".utf8), charset: "utf-8", base64: false) + " <j@example.de>"
        let document = try message(W.message([("Subject", subject), ("From", from)], plain("body")))
        #expect(document.title == "Café über alles and Привет")
        #expect(document.fields.first == DocumentField(name: "from", value: "Jürgen Müller <j@example.de>"))
        // Not encoded words: kept as written.
        let odd = try message(W.message([("Subject", "=?bogus =?utf-8?X?abc?= 100% =?")], plain("b")))
        #expect(odd.title == "=?bogus =?utf-8?X?abc?= 100% =?")
    }

    @Test func alternativesPreferPlainTextAndHTMLOnlyGoesThroughTheHTMLExtractor() throws {
        let html = "<html><head><title>ignored</title><style>p{}</style></head><body><h1>Sale</h1><p>50&nbsp;% off&hellip;</p></body></html>"
        let both = W.message([("Subject", "both")], .multipart(subtype: "alternative", boundary: "b1", parts: [
            .leaf(type: "text/html", charset: "utf-8", encoding: .quotedPrintable, content: Array(html.utf8)),
            plain("The plain version."),
        ]))
        #expect(try message(both).text == "The plain version.")
        let htmlOnly = W.message([("Subject", "html")], .leaf(type: "text/html", charset: "utf-8", encoding: .base64, content: Array(html.utf8)))
        let htmlText = try message(htmlOnly).text
        #expect(htmlText == "Sale\n\n50 % off…")
        let related = W.message([("Subject", "rel")], .multipart(subtype: "alternative", boundary: "outer", parts: [
            .leaf(type: "image/png", charset: nil, encoding: .base64, content: [1, 2, 3]),
            .multipart(subtype: "related", boundary: "inner", parts: [
                .leaf(type: "text/html", charset: "iso-8859-1", encoding: .quotedPrintable, content: Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)),
                .leaf(type: "image/png", charset: nil, encoding: .base64, content: [1, 2, 3], disposition: "inline", filename: "logo.png"),
            ]),
        ]))
        #expect(try message(related).text == "café\n\nAttachments: logo.png")
    }

    @Test func attachmentsAreNamedAndNotRead() throws {
        let bytes = W.message([("Subject", "Files")], .multipart(subtype: "mixed", boundary: "==mix==", parts: [
            plain("See the files.\n"),
            .leaf(type: "application/pdf", charset: nil, encoding: .base64, content: Array("%PDF-1.4 secret".utf8),
                  disposition: "attachment", filename: "report 2024.pdf"),
            .leaf(type: "text/plain", charset: "utf-8", encoding: .sevenBit, content: Array("attached words".utf8),
                  disposition: "attachment", filename: "notes.txt"),
            .leaf(type: "application/octet-stream", charset: nil, encoding: .base64, content: [0, 1], filename: "blob.bin"),
            .leaf(type: "text/plain", charset: "utf-8", encoding: .sevenBit, content: Array("Second inline part.".utf8)),
        ]))
        let document = try message(bytes)
        #expect(document.text == "See the files.\n\nSecond inline part.\n\nAttachments: report 2024.pdf, notes.txt, blob.bin")
        let encodedName = Array("""
            Subject: n\r
            Content-Type: multipart/mixed; boundary=x\r
            \r
            --x\r
            Content-Type: application/msword\r
            Content-Disposition: attachment;\r
             filename*0*=utf-8''na%C3%AF;\r
             filename*1="ve.doc"\r
            \r
            AAAA\r
            --x\r
            Content-Type: application/pdf; name="=?utf-8?B?w6l0w6kucGRm?="\r
            \r
            AAAA\r
            --x--\r
            """.utf8)
        #expect(try message(encodedName).text == "Attachments: naïve.doc, été.pdf")
    }

    @Test func forwardedMessagesAndBrokenStructureKeepTheirText() throws {
        let inner = W.message([("Subject", "Original"), ("From", "x@y")], plain("Inner words.\n"))
        let forward = W.message([("Subject", "Fwd: Original")], .multipart(subtype: "mixed", boundary: "f", parts: [
            plain("FYI.\n"), .message(inner),
        ]))
        #expect(try message(forward).text == "FYI.\n\nOriginal\n\nInner words.")
        // A multipart cut off before its closing delimiter, and one with no boundary.
        let cut = Array("Subject: cut\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\nkept text".utf8)
        #expect(try message(cut).text == "kept text")
        let noBoundary = Array("Subject: nb\nContent-Type: multipart/mixed\n\njust the body".utf8)
        #expect(try message(noBoundary).text == "just the body")
        let noHeaders = Array("not a header line\nsecond line".utf8)
        let document = try message(noHeaders)
        #expect(document.text == "not a header line\nsecond line")
        #expect(document.title == "not a header line")
    }

    @Test func binaryEmlIsAProblem() throws {
        let extraction = try extract("junk.eml", [0x00, 0x01, 0xFF, 0xFE] + [UInt8](repeating: 0, count: 100))
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.extractor == .email)
    }

    @Test func mboxOfAThousandMessages() throws {
        let messages = (1...1000).map { number in
            W.message([("Subject", "Message \(number)"), ("Date", "Mon, 2 Jan 2006 15:04:05 +0000")],
                      plain("Body of \(number).\nFrom here on it is quoted.\n>From the archive too.\n"))
        }
        let mbox = W.mbox(messages)
        for name in ["mbox", "Archive.mbox", "old.MBX", "saved-mail"] {
            let extraction = try extract(name, mbox)
            #expect(extraction.type == .email)
            #expect(extraction.isMultipart)
            #expect(extraction.problem == nil)
            #expect(extraction.documents.count == 1000)
            #expect(extraction.documents.map(\.title) == (1...1000).map { "Message \($0)" })
            #expect(extraction.documents[999].text == "Body of 1000.\nFrom here on it is quoted.\n>From the archive too.")
            #expect(extraction.documents.allSatisfy { $0.date == 1_136_214_245 })
        }
    }

    @Test func mboxSplitsOnlyAtRealFromLines() throws {
        let mbox = Array("""
            From alice@example.org Tue Jul  1 08:52:37 2003
            Subject: one

            From what I hear, this is body.
            From bob is no From line either

            From MAILER-DAEMON Wed Jul  2 08:52:37 2003
            Subject: two

            >>From quoted twice
            """.utf8)
        let extraction = try extract("inbox.mbox", mbox)
        #expect(extraction.documents.map(\.title) == ["one", "two"])
        #expect(extraction.documents[0].text == "From what I hear, this is body.\nFrom bob is no From line either")
        #expect(extraction.documents[1].text == ">From quoted twice")
        // A text file whose first line only looks like a From line is text, not mail.
        let text = try extract("notes", Array("From here on\nwe write.\n".utf8))
        #expect(text.type == .other)
        #expect(!text.isMultipart)
    }
}
