import Foundation
import LoupeExtract
import Testing

@Suite struct DocumentExtractorTests {
    @Test func formatsComeFromExtensions() {
        #expect(DocumentFormat(path: "/a/b/notes.txt") == .text)
        #expect(DocumentFormat(path: "README.md") == .markdown)
        #expect(DocumentFormat(path: "doc.MARKDOWN") == .markdown)
        #expect(DocumentFormat(path: "index.html") == .html)
        #expect(DocumentFormat(path: "old.HTM") == .html)
        #expect(DocumentFormat(path: "main.swift") == nil)
        #expect(DocumentFormat(path: "Makefile") == nil)
        #expect(DocumentFormat(path: "/home/me/.profile") == nil)
        #expect(DocumentFormat(path: "dir.md/file") == nil)
        #expect(DocumentFormat(pathExtension: ".md") == .markdown)
    }

    @Test func filesAreExtractedByTheirExtension() throws {
        let directory = try TemporaryDirectory()
        let page = try directory.write("page.html", "<title>Page</title><p>Body &amp; soul</p>")
        #expect(try DocumentExtractor.extract(fileAt: page, format: nil, maxBytes: 1 << 20)
            == ExtractedDocument(title: "Page", text: "Body & soul"))
        let notes = try directory.write("notes.md", "# Notes\n\n*Some* text\n")
        #expect(try DocumentExtractor.extract(fileAt: notes, format: nil, maxBytes: 1 << 20)
            == ExtractedDocument(title: "Notes", text: "Notes\n\nSome text"))
        // An explicit format wins over the extension.
        #expect(try DocumentExtractor.extract(fileAt: notes, format: .text, maxBytes: 1 << 20).text
            == "# Notes\n\n*Some* text\n")
    }

    @Test func unknownExtensionsAreSniffed() throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("tool.sh", "#!/bin/sh\necho hi\n")
        #expect(try DocumentExtractor.extract(fileAt: script, format: nil, maxBytes: 1 << 20).title == "echo hi", "a shebang is not a title")
        let binary = try directory.write("image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        #expect(throws: SkipReason.binary) { try DocumentExtractor.extract(fileAt: binary, format: nil, maxBytes: 1 << 20) }
        let disguised = try directory.write("data.txt", bytes: [0x41, 0, 0x42])
        #expect(throws: SkipReason.binary) { try DocumentExtractor.extract(fileAt: disguised, format: nil, maxBytes: 1 << 20) }
    }

    @Test func limitsAndFileKindsAreEnforced() throws {
        let directory = try TemporaryDirectory()
        let big = try directory.write("big.txt", String(repeating: "x", count: 2000))
        #expect(throws: SkipReason.tooLarge(2000)) { try DocumentExtractor.extract(fileAt: big, format: nil, maxBytes: 1999) }
        #expect(try DocumentExtractor.extract(fileAt: big, format: nil, maxBytes: 2000).text.count == 2000)
        #expect(throws: SkipReason.notRegularFile) {
            try DocumentExtractor.extract(fileAt: directory.path, format: nil, maxBytes: 1 << 20)
        }
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opening a FIFO must not block waiting for a writer.
        #expect(throws: SkipReason.notRegularFile) { try DocumentExtractor.extract(fileAt: fifo, format: nil, maxBytes: 1 << 20) }
        #expect(throws: SkipReason.unreadable("No such file or directory")) {
            try DocumentExtractor.extract(fileAt: directory.path + "/missing.txt", format: nil, maxBytes: 1 << 20)
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their permissions"))
    func filesWithoutReadPermissionAreUnreadable() throws {
        let directory = try TemporaryDirectory()
        let secret = try directory.write("secret.txt", "hidden")
        #expect(chmod(secret, 0) == 0)
        #expect(throws: SkipReason.unreadable("Permission denied")) {
            try DocumentExtractor.extract(fileAt: secret, format: nil, maxBytes: 1 << 20)
        }
    }

    @Test func skipReasonsDescribeThemselves() {
        #expect(SkipReason.binary.description == "binary content")
        #expect(SkipReason.tooLarge(12).description == "too large (12 bytes)")
        #expect(SkipReason.unreadable("Permission denied").description == "unreadable: Permission denied")
        #expect(SkipReason.symlinkLoop.description == "symbolic link loop")
        #expect(SkipReason.notRegularFile.description == "not a regular file")
    }
}
