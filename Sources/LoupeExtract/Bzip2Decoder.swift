import CBzip2

/// bzip2 through libbz2, stream after stream.
final class Bzip2Decoder: StreamDecoder {
    private var stream = bz_stream()
    private let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: StreamDecoders.outputChunkSize)
    /// Whether the input so far ends exactly after a whole stream.
    private var betweenStreams = false
    /// Whether the data after the last stream was found not to be bzip2, and is skipped.
    private var ignoringTrailingData = false

    init() throws(DecompressionError) {
        let result = BZ2_bzDecompressInit(&stream, 0, 0)
        guard result == BZ_OK else {
            buffer.deallocate()
            throw .corrupt("libbz2 could not start (\(result))")
        }
    }

    deinit {
        BZ2_bzDecompressEnd(&stream)
        buffer.deallocate()
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: inout DecompressedOutput) throws(DecompressionError) {
        guard !ignoringTrailingData, let base = input.baseAddress, !input.isEmpty else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        stream.avail_in = UInt32(input.count)
        while stream.avail_in > 0 {
            if betweenStreams {
                guard UInt8(bitPattern: stream.next_in.pointee) == UInt8(ascii: "B") else {
                    ignoringTrailingData = true
                    return
                }
                // libbz2 has no reset: end the finished stream and start a fresh one on the same input.
                let next = stream.next_in, available = stream.avail_in
                BZ2_bzDecompressEnd(&stream)
                stream = bz_stream()
                guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else { throw .corrupt("libbz2 could not restart") }
                stream.next_in = next
                stream.avail_in = available
                betweenStreams = false
            }
            var result: Int32
            repeat {
                stream.next_out = buffer
                stream.avail_out = UInt32(StreamDecoders.outputChunkSize)
                result = BZ2_bzDecompress(&stream)
                let produced = StreamDecoders.outputChunkSize - Int(stream.avail_out)
                try output.append(UnsafeRawBufferPointer(start: buffer, count: produced))
                switch result {
                case BZ_OK: break
                case BZ_STREAM_END: betweenStreams = true
                case BZ_DATA_ERROR_MAGIC: throw .corrupt("not bzip2 data")
                case BZ_MEM_ERROR: throw .corrupt("out of memory")
                default: throw .corrupt("bzip2 data error")
                }
            } while result == BZ_OK && stream.avail_out == 0
        }
    }

    func finish(into output: inout DecompressedOutput) throws(DecompressionError) {
        guard betweenStreams || ignoringTrailingData else { throw .truncated }
    }
}
