import CLibZ

/// gzip through zlib's `inflate`, member after member.
final class GzipDecoder: StreamDecoder {
    private var stream = z_stream()
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: StreamDecoders.outputChunkSize)
    /// Whether the input so far ends exactly after a whole member.
    private var betweenMembers = false
    /// Whether the data after the last member was found not to be gzip, and is skipped.
    private var ignoringTrailingData = false

    init() throws(DecompressionError) {
        // 16 + 15: a gzip header and trailer around a deflate stream with a 32 KiB window.
        let result = inflateInit2_(&stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard result == Z_OK else {
            buffer.deallocate()
            throw .corrupt("zlib could not start (\(result))")
        }
    }

    deinit {
        inflateEnd(&stream)
        buffer.deallocate()
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: inout DecompressedOutput) throws(DecompressionError) {
        guard !ignoringTrailingData, let base = input.baseAddress, !input.isEmpty else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        while stream.avail_in > 0 {
            if betweenMembers {
                // Another member must start with the gzip magic number; anything else is trailing data.
                guard stream.next_in.pointee == 0x1F else {
                    ignoringTrailingData = true
                    return
                }
                inflateReset(&stream)
                betweenMembers = false
            }
            var result: Int32
            repeat {
                stream.next_out = buffer
                stream.avail_out = uInt(StreamDecoders.outputChunkSize)
                result = inflate(&stream, Z_NO_FLUSH)
                let produced = StreamDecoders.outputChunkSize - Int(stream.avail_out)
                try output.append(UnsafeRawBufferPointer(start: buffer, count: produced))
                switch result {
                case Z_OK, Z_BUF_ERROR: break
                case Z_STREAM_END: betweenMembers = true
                default: throw .corrupt(message(result))
                }
            } while result == Z_OK && stream.avail_out == 0
            if result == Z_BUF_ERROR { break }
        }
    }

    func finish(into output: inout DecompressedOutput) throws(DecompressionError) {
        guard betweenMembers || ignoringTrailingData else { throw .truncated }
    }

    /// zlib's message for the failure `result`.
    private func message(_ result: Int32) -> String {
        if let text = stream.msg { return String(cString: text) }
        return result == Z_MEM_ERROR ? "out of memory" : "zlib error \(result)"
    }
}
