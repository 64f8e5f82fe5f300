import Testing
@testable import LoupeCodec

@Suite struct ZstdTests {
    @Test func oneDecompressorServesManyBuffersAndRejectsDamage() throws {
        let decompressor = Zstd.Decompressor()
        for text in ["", "short", String(repeating: "a repeated line of text\n", count: 700)] {
            let raw = Array(text.utf8)
            let compressed = raw.withUnsafeBytes { Zstd.compress($0) }
            #expect(try compressed.withUnsafeBytes { try decompressor.decompress($0, size: raw.count) } == raw)
            #expect(throws: Zstd.Failure.self) { try compressed.withUnsafeBytes { try decompressor.decompress($0, size: raw.count + 1) } }
        }
        let garbage: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        #expect(throws: Zstd.Failure.self) { try garbage.withUnsafeBytes { try decompressor.decompress($0, size: 8) } }
    }

    @Test func aReusedCompressorWritesWhatAOneShotCompressionWrites() throws {
        let compressor = Zstd.Compressor()
        let decompressor = Zstd.Decompressor()
        for text in [String(repeating: "a repeated line of text\n", count: 700), "", "short", "another buffer, after the long one"] {
            let raw = Array(text.utf8)
            let compressed = raw.withUnsafeBytes { compressor.compress($0) }
            #expect(compressed == raw.withUnsafeBytes { Zstd.compress($0) })
            #expect(try compressed.withUnsafeBytes { try decompressor.decompress($0, size: raw.count) } == raw)
        }
    }
}
