import CLzma

/// xz through liblzma, concatenated streams (and their padding) read as one.
final class XzDecoder: StreamDecoder {
    /// The most memory the decoder may take: 256 MiB, four times what `xz -9` needs. A file
    /// asking for more is refused rather than allowed to exhaust memory.
    static let memoryLimit: UInt64 = 256 << 20

    private var stream = lzma_stream()
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: StreamDecoders.outputChunkSize)
    private var sawInput = false

    init() throws(DecompressionError) {
        let result = lzma_stream_decoder(&stream, Self.memoryLimit, CLzmaConcatenated)
        guard result == LZMA_OK else {
            buffer.deallocate()
            throw .corrupt("liblzma could not start (\(result.rawValue))")
        }
    }

    deinit {
        lzma_end(&stream)
        buffer.deallocate()
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: inout DecompressedOutput) throws(DecompressionError) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        sawInput = true
        stream.next_in = base.assumingMemoryBound(to: UInt8.self)
        stream.avail_in = input.count
        try run(LZMA_RUN, into: &output)
    }

    func finish(into output: inout DecompressedOutput) throws(DecompressionError) {
        guard sawInput else { throw .truncated }
        stream.next_in = nil
        stream.avail_in = 0
        try run(LZMA_FINISH, into: &output)
    }

    /// Codes until the input is used up (`LZMA_RUN`) or the end is reached (`LZMA_FINISH`).
    private func run(_ action: lzma_action, into output: inout DecompressedOutput) throws(DecompressionError) {
        while true {
            stream.next_out = buffer
            stream.avail_out = StreamDecoders.outputChunkSize
            let result = lzma_code(&stream, action)
            let produced = StreamDecoders.outputChunkSize - stream.avail_out
            try output.append(UnsafeRawBufferPointer(start: buffer, count: produced))
            switch result {
            case LZMA_OK:
                if action == LZMA_RUN, stream.avail_in == 0, stream.avail_out > 0 { return }
            case LZMA_STREAM_END:
                return
            case LZMA_BUF_ERROR:
                throw .truncated
            case LZMA_MEMLIMIT_ERROR:
                throw .corrupt("needs more than \(Self.memoryLimit >> 20) MiB of memory to decode")
            case LZMA_FORMAT_ERROR:
                throw .corrupt("not xz data")
            case LZMA_OPTIONS_ERROR:
                throw .corrupt("unsupported xz options")
            case LZMA_DATA_ERROR:
                throw .corrupt("xz data error")
            case LZMA_MEM_ERROR:
                throw .corrupt("out of memory")
            default:
                throw .corrupt("liblzma error \(result.rawValue)")
            }
        }
    }
}
