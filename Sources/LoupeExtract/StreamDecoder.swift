/// One compression's decoder, fed the compressed bytes chunk by chunk. Each decoder owns a
/// fixed output buffer of ``StreamDecoders/outputChunkSize`` bytes and hands its contents to
/// a ``DecompressedOutput`` each time it fills, so memory stays bounded by the output limit
/// whatever the compression ratio.
protocol StreamDecoder: AnyObject {
    /// Decodes all of `input`, the next bytes of the file.
    func decode(_ input: UnsafeRawBufferPointer, into output: inout DecompressedOutput) throws(DecompressionError)
    /// Ends the input: throws ``DecompressionError/truncated`` when the file stopped
    /// inside a stream (an empty file included).
    func finish(into output: inout DecompressedOutput) throws(DecompressionError)
}

/// Making the decoder of a compression.
enum StreamDecoders {
    /// The size of each decoder's output buffer: 64 KiB.
    static let outputChunkSize = 64 << 10

    /// A fresh decoder for `compression`.
    static func make(_ compression: Compression) throws(DecompressionError) -> any StreamDecoder {
        switch compression {
        case .gzip: try GzipDecoder()
        case .bzip2: try Bzip2Decoder()
        case .xz: try XzDecoder()
        case .zstd: try ZstdDecoder()
        }
    }
}
