import Foundation
import LoupeExtract
import Testing

/// PDF through the real `pdftotext`: fixtures written byte by byte by ``MinimalPDF``, an
/// encrypted one made by `qpdf`, and a fake `pdftotext` that hangs.
@Suite struct PDFTests {
    @Test func textAndTitleMetadata() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("report.pdf", bytes: MinimalPDF.make(pages: ["Quarterly zebra census", "Second page about quokkas"],
                                                                         title: "Census Report"))
        let extraction = FileExtractor().extract(fileAt: path)
        #expect(extraction.problem == nil)
        #expect(extraction.type == .pdf)
        #expect(extraction.extractor == .pdf)
        let document = try #require(extraction.documents.first)
        #expect(document.title == "Census Report")
        #expect(document.text.contains("Quarterly zebra census"))
        #expect(document.text.contains("Second page about quokkas"))
        #expect(!document.text.contains("\u{0C}"))
    }

    @Test func titleFallsBackToTheFirstLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("untitled.pdf", bytes: MinimalPDF.make(pages: ["Opening words here"]))
        #expect(FileExtractor().extract(fileAt: path).documents.first?.title == "Opening words here")
    }

    @Test func compressedPDF() throws {
        let directory = try TemporaryDirectory()
        try directory.write("manual.pdf", bytes: MinimalPDF.make(pages: ["Compressed manual text"], title: "Manual"))
        try shell("gzip manual.pdf", in: directory.path)
        let extraction = FileExtractor().extract(fileAt: directory.path + "/manual.pdf.gz")
        #expect(extraction.type == .pdf)
        #expect(extraction.documents.first?.title == "Manual")
        #expect(extraction.documents.first?.text.contains("Compressed manual text") == true)
    }

    @Test func encryptedPDFIsAProblem() throws {
        let directory = try TemporaryDirectory()
        try directory.write("plain.pdf", bytes: MinimalPDF.make(pages: ["Secret words"]))
        try shell("qpdf --encrypt user-password owner-password 256 -- plain.pdf secret.pdf", in: directory.path)
        let extraction = FileExtractor().extract(fileAt: directory.path + "/secret.pdf")
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem == ExtractionProblem(reason: "encrypted PDF (needs a password)", extractor: .pdf))
    }

    @Test func textlessPDFIsAProblem() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("scan.pdf", bytes: MinimalPDF.make(pages: [""]))
        let extraction = FileExtractor().extract(fileAt: path)
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason == "no text in the PDF (scanned or image-only pages?)")
    }

    @Test func brokenAndTruncatedPDFsAreProblems() throws {
        let directory = try TemporaryDirectory()
        let broken = try directory.write("broken.pdf", "%PDF-1.4\nthis is not a PDF body\n")
        #expect(FileExtractor().extract(fileAt: broken).problem?.reason.hasPrefix("broken PDF: ") == true)
        let whole = MinimalPDF.make(pages: ["Cut short"])
        let truncated = try directory.write("truncated.pdf", bytes: Array(whole.prefix(60)))
        let extraction = FileExtractor().extract(fileAt: truncated)
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.extractor == .pdf)
    }

    @Test func pdftotextMissingFromTheSearchPathThenBack() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.makeDirectory("empty-bin")
        let path = try directory.write("doc.pdf", bytes: MinimalPDF.make(pages: ["Back again"]))
        let missing = FileExtractor(options: ExtractionOptions(searchPath: [empty])).extract(fileAt: path)
        #expect(missing.documents.isEmpty)
        #expect(missing.problem == ExtractionProblem(reason: "pdftotext not found", extractor: .pdf, missingProgram: "pdftotext"))
        let back = FileExtractor(options: ExtractionOptions(searchPath: [empty, "/usr/bin"])).extract(fileAt: path)
        #expect(back.problem == nil)
        #expect(back.documents.first?.text.contains("Back again") == true)
    }

    @Test func aHangingPdftotextIsKilledAtTheTimeLimit() throws {
        let directory = try TemporaryDirectory()
        let bin = try directory.makeDirectory("bin")
        let fake = try directory.write("bin/pdftotext", "#!/bin/sh\nexec sleep 300\n")
        chmod(fake, 0o755)
        let path = try directory.write("doc.pdf", bytes: MinimalPDF.make(pages: ["Never read"]))
        let options = ExtractionOptions(helperTimeLimit: 0.5, searchPath: [bin])
        let extraction = FileExtractor(options: options).extract(fileAt: path)
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason == "pdftotext ran over the time limit of 0.5 s")
    }

    @Test func textOverTheLimitIsAProblem() throws {
        let directory = try TemporaryDirectory()
        let page = Array(repeating: "Words and more words on a line of the page", count: 25).joined(separator: "\n")
        try directory.write("long.pdf", bytes: MinimalPDF.make(pages: Array(repeating: page, count: 40)))
        // Compressed streams make the file far smaller than its 40 KB of text.
        try shell("qpdf --compress-streams=y --recompress-flate --object-streams=generate long.pdf small.pdf", in: directory.path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: directory.path + "/small.pdf")[.size] as? Int)
        #expect(size < 20_000)
        let extraction = FileExtractor(options: ExtractionOptions(maxBytes: 20_000)).extract(fileAt: directory.path + "/small.pdf")
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason == "extracted text over 20000 bytes")
    }
}

/// The smallest valid PDF with text: Helvetica lines on each page (a page's text split at
/// `\n`), an optional Info Title, and a correct cross-reference table.
enum MinimalPDF {
    static func make(pages: [String], title: String? = nil) -> [UInt8] {
        var objects: [String] = ["<< /Type /Catalog /Pages 2 0 R >>"]
        let kids = pages.indices.map { "\(3 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        let font = 3 + 2 * pages.count
        for (index, text) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(4 + 2 * index) 0 R "
                + "/Resources << /Font << /F1 \(font) 0 R >> >> >>")
            let lines = text.split(separator: "\n").map { "(\($0)) Tj T*" }.joined(separator: " ")
            let stream = text.isEmpty ? "" : "BT /F1 12 Tf 14 TL 72 740 Td \(lines) ET"
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var info = ""
        if let title {
            objects.append("<< /Title (\(title)) >>")
            info = " /Info \(objects.count) 0 R"
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(info) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
