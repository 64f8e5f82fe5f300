import CZstd

/// Zstandard compression of whole buffers (the document store's blocks).
public enum Zstd {
    /// A buffer that does not decompress (damaged data).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The level the index writes at: 1, the fastest of zstd's ordinary levels. On the bench
    /// corpus's text in 32 KiB blocks it compresses about 25 % faster than level 3 for 4 % more
    /// bytes (2.78 against 2.88 to 1) and decompresses as fast; a 20k-document load runs 4.3 %
    /// fewer instructions for a 0.8 % larger index.
    public static let defaultLevel: Int32 = 1

    /// `bytes` compressed at `level` (1 fastest … 19 smallest).
    public static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32 = defaultLevel) -> [UInt8] {
        let bound = ZSTD_compressBound(bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = out.withUnsafeMutableBytes { o in
            ZSTD_compress(o.baseAddress, bound, bytes.baseAddress, bytes.count, level)
        }
        precondition(ZSTD_isError(written) == 0, "zstd cannot fail on a buffer of its own bound")
        out.removeLast(bound - written)
        return out
    }

    /// A compression context kept from call to call, for a writer that compresses many small
    /// buffers (creating a context per buffer allocates and clears it each time). It must be used
    /// by one thread at a time.
    public final class Compressor: @unchecked Sendable {
        private let context: OpaquePointer
        /// The compression level (1 fastest … 19 smallest).
        public let level: Int32
        /// The buffers this context has compressed (a packer's cost, for its tests and benchmarks).
        public private(set) var compressions = 0

        public init(level: Int32 = Zstd.defaultLevel) {
            guard let context = ZSTD_createCCtx() else { fatalError("zstd: out of memory for a compression context") }
            self.context = context
            self.level = level
        }

        deinit { ZSTD_freeCCtx(context) }

        /// `bytes` compressed at the context's level: the same bytes as ``Zstd/compress(_:level:)``.
        public func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
            let bound = ZSTD_compressBound(bytes.count)
            var written = 0
            let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                written = ZSTD_compressCCtx(context, buffer.baseAddress, bound, bytes.baseAddress, bytes.count, level)
                count = ZSTD_isError(written) == 0 ? written : 0
            }
            precondition(ZSTD_isError(written) == 0, "zstd cannot fail on a buffer of its own bound")
            compressions += 1
            return out
        }
    }

    /// A decompression context kept from call to call: creating one allocates and clears about
    /// 100 KiB, which costs as much as decompressing a small block. It may move between threads
    /// (hence the unchecked sendability) but must be used by one thread at a time.
    public final class Decompressor: @unchecked Sendable {
        private let context: OpaquePointer

        public init() {
            guard let context = ZSTD_createDCtx() else { fatalError("zstd: out of memory for a decompression context") }
            self.context = context
        }

        deinit { ZSTD_freeDCtx(context) }

        /// Decompresses `bytes`, which must expand to exactly `size` bytes.
        public func decompress(_ bytes: UnsafeRawBufferPointer, size: Int) throws(Failure) -> [UInt8] {
            var written = 0
            let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                written = ZSTD_decompressDCtx(context, buffer.baseAddress, size, bytes.baseAddress, bytes.count)
                count = ZSTD_isError(written) == 0 ? written : 0
            }
            guard ZSTD_isError(written) == 0 else {
                throw Failure(description: "zstd: " + String(cString: ZSTD_getErrorName(written)))
            }
            guard written == size else { throw Failure(description: "zstd: expanded to \(written) bytes, expected \(size)") }
            return out
        }
    }
}
