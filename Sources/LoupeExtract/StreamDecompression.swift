#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decompressing a whole file as a stream: read in 64 KiB chunks, decoded through the C
/// library of its compression (zlib, libbz2, liblzma, libzstd), and stopped as soon as the
/// output passes the limit, so a decompression bomb costs at most the limit in memory.
///
/// Concatenated streams are one content, as the command-line tools read them: multi-member
/// gzip, several bzip2 streams, concatenated xz streams, several zstd frames. Data after the
/// last gzip member or bzip2 stream that does not start another one is ignored, as `gzip -d`
/// and `bzip2 -d` ignore it.
enum StreamDecompression {
    /// The size of each read from the file: 64 KiB.
    static let inputChunkSize = 64 << 10

    /// The decompressed content of the regular file at `path`, compressed with `compression`,
    /// at most `maxBytes` bytes.
    static func decompress(fileAt path: String, _ compression: Compression,
                           maxBytes: Int) throws(DecompressionError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(SystemError(code: errno).message) }
        defer { close(descriptor) }
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { throw .unreadable(SystemError(code: errno).message) }
        guard FileStatus(raw).kind == .regular else { throw .unreadable(SkipReason.notRegularFile.description) }
        let decoder = try StreamDecoders.make(compression)
        var output = DecompressedOutput(limit: maxBytes)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: inputChunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = read(descriptor, chunk.baseAddress!, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(SystemError(code: errno).message)
            }
            if count == 0 { break }
            try decoder.decode(UnsafeRawBufferPointer(rebasing: chunk[0..<count]), into: &output)
        }
        try decoder.finish(into: &output)
        return output.bytes
    }

}
