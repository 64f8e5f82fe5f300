import Foundation
import LoupeExtract
import Testing

/// Compressed files through FileExtractor: every compression, concatenated streams, the inner
/// name deciding the reader, and truncated, corrupt and explosive input.
@Suite struct DecompressionTests {
    /// The compressions with the command that compresses standard input to standard output.
    static let tools: [(suffix: String, command: String)] = [
        ("gz", "gzip -c"), ("bz2", "bzip2 -c"), ("xz", "xz -c"), ("zst", "zstd -q -c"),
    ]

    private static let prose = (1...2000).map { "line \($0) of the changelog, with zebra and quokka" }.joined(separator: "\n")

    @Test(arguments: tools)
    func compressedTextIsReadWhole(suffix: String, command: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("changelog", Self.prose)
        try shell("\(command) changelog > changelog.\(suffix)", in: directory.path)
        let extraction = FileExtractor().extract(fileAt: directory.path + "/changelog.\(suffix)")
        #expect(extraction.problem == nil)
        #expect(extraction.type == .other)
        #expect(extraction.extractor == .text)
        #expect(extraction.documents.first?.text == Self.prose)
        #expect(extraction.documents.first?.title == "line 1 of the changelog, with zebra and quokka")
    }

    @Test(arguments: tools)
    func concatenatedStreamsAreOneContent(suffix: String, command: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("a", "first part\n")
        try directory.write("b", "second part\n")
        try shell("\(command) a > notes.txt.\(suffix) && \(command) b >> notes.txt.\(suffix)", in: directory.path)
        let extraction = FileExtractor().extract(fileAt: directory.path + "/notes.txt.\(suffix)")
        #expect(extraction.problem == nil)
        #expect(extraction.type == .txt)
        #expect(extraction.documents.first?.text == "first part\nsecond part\n")
    }

    @Test(arguments: tools)
    func innerNameDecidesTheReader(suffix: String, command: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("page.html", "<html><head><title>Inner title</title></head><body><p>kept &amp; decoded</p></body></html>")
        try directory.write("ls.1", ".TH LS 1\n.SH NAME\nls \\- list directory contents\n.SH DESCRIPTION\n\\fBls\\fR lists.\n")
        try shell("\(command) page.html > page.html.\(suffix) && \(command) ls.1 > ls.1.\(suffix)", in: directory.path)
        let html = FileExtractor().extract(fileAt: directory.path + "/page.html.\(suffix)")
        #expect(html.type == .html)
        #expect(html.extractor == .html)
        #expect(html.documents.first?.title == "Inner title")
        #expect(html.documents.first?.text.contains("kept & decoded") == true)
        let man = FileExtractor().extract(fileAt: directory.path + "/ls.1.\(suffix)")
        #expect(man.type == .man)
        #expect(man.extractor == .man)
        #expect(man.documents.first?.title == "ls(1) — list directory contents")
    }

    @Test(arguments: tools)
    func truncatedDataIsAProblem(suffix: String, command: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("changelog", Self.prose)
        try shell("\(command) changelog > whole.\(suffix)", in: directory.path)
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.path + "/whole.\(suffix)")))
        let cut = try directory.write("cut.txt.\(suffix)", bytes: Array(whole.prefix(whole.count / 2)))
        let extraction = FileExtractor().extract(fileAt: cut)
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason == "truncated compressed data")
        #expect(extraction.problem?.extractor == .text)
        let empty = try directory.write("empty.txt.\(suffix)", bytes: [])
        #expect(FileExtractor().extract(fileAt: empty).problem?.reason == "truncated compressed data")
    }

    @Test(arguments: tools)
    func corruptDataIsAProblem(suffix: String, command: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("changelog", Self.prose)
        try shell("\(command) changelog > whole.\(suffix)", in: directory.path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.path + "/whole.\(suffix)")))
        for index in stride(from: bytes.count / 3, to: bytes.count * 2 / 3, by: 7) { bytes[index] ^= 0x5A }
        let damaged = try directory.write("damaged.txt.\(suffix)", bytes: bytes)
        let extraction = FileExtractor().extract(fileAt: damaged)
        #expect(extraction.documents.isEmpty)
        let reason = try #require(extraction.problem?.reason)
        #expect(reason.hasPrefix("corrupt compressed data") || reason == "truncated compressed data")
        let notCompressed = try directory.write("plain.txt.\(suffix)", "this text was never compressed\n")
        #expect(FileExtractor().extract(fileAt: notCompressed).problem?.reason.hasPrefix("corrupt compressed data") == true)
    }

    @Test func gzipIgnoresTrailingDataAsGzipDoes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a", "kept\n")
        try shell("gzip -c a > a.txt.gz && printf 'not gzip' >> a.txt.gz", in: directory.path)
        let extraction = FileExtractor().extract(fileAt: directory.path + "/a.txt.gz")
        #expect(extraction.problem == nil)
        #expect(extraction.documents.first?.text == "kept\n")
    }

    /// A gigabyte of zeros, compressed as a stream by gzip and zstd (about 1 MB and 32 KB):
    /// stopped at the limit, recorded, and never held in memory.
    @Test(arguments: [("gz", "gzip -1 -c"), ("zst", "zstd -q -c")])
    func decompressionBombIsStoppedAtTheLimit(suffix: String, command: String) throws {
        let directory = try TemporaryDirectory()
        try shell("head -c 1073741824 /dev/zero | \(command) > bomb.txt.\(suffix)", in: directory.path)
        let before = peakResidentBytes()
        let limit = 1 << 20
        let extraction = FileExtractor(options: ExtractionOptions(maxBytes: limit)).extract(fileAt: directory.path + "/bomb.txt.\(suffix)")
        #expect(extraction.documents.isEmpty)
        #expect(extraction.problem?.reason == "decompressed size over \(limit) bytes")
        #expect(peakResidentBytes() - before < 256 << 20)
    }

    @Test func theLimitAllowsExactlyMaxBytes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("exact", String(repeating: "z", count: 4096))
        try shell("xz -c exact > exact.txt.xz", in: directory.path)
        let path = directory.path + "/exact.txt.xz"
        #expect(FileExtractor(options: ExtractionOptions(maxBytes: 4096)).extract(fileAt: path).problem == nil)
        #expect(FileExtractor(options: ExtractionOptions(maxBytes: 4095)).extract(fileAt: path).problem?.reason
            == "decompressed size over 4095 bytes")
    }

    /// The process's peak resident set, in bytes.
    private func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
