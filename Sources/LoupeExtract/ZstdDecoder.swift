import CZstd

/// Zstandard through libzstd's streaming decoder, frame after frame (skippable frames
/// skipped). The window is limited to libzstd's default of 128 MiB.
final class ZstdDecoder: StreamDecoder {
    private let context: OpaquePointer
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: StreamDecoders.outputChunkSize, alignment: 1)
    /// libzstd's last hint: 0 when the input so far ends exactly after a whole frame.
    private var hint = 1

    init() throws(DecompressionError) {
        guard let context = ZSTD_createDCtx() else {
            buffer.deallocate()
            throw .corrupt("out of memory")
        }
        self.context = context
    }

    deinit {
        ZSTD_freeDCtx(context)
        buffer.deallocate()
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: inout DecompressedOutput) throws(DecompressionError) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        var source = ZSTD_inBuffer(src: base, size: input.count, pos: 0)
        var full = false
        while source.pos < source.size || full {
            var target = ZSTD_outBuffer(dst: buffer, size: StreamDecoders.outputChunkSize, pos: 0)
            let result = ZSTD_decompressStream(context, &target, &source)
            guard ZSTD_isError(result) == 0 else { throw .corrupt(String(cString: ZSTD_getErrorName(result))) }
            hint = result
            try output.append(UnsafeRawBufferPointer(start: buffer, count: target.pos))
            full = target.pos == target.size
        }
    }

    func finish(into output: inout DecompressedOutput) throws(DecompressionError) {
        guard hint == 0 else { throw .truncated }
    }
}
