/// The bytes a decompressor has produced so far, refusing to grow past a limit.
struct DecompressedOutput {
    /// The most bytes accepted.
    let limit: Int
    private(set) var bytes: [UInt8] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends `chunk`, or throws ``DecompressionError/tooLarge(limit:)`` (appending nothing)
    /// when it would pass ``limit``.
    mutating func append(_ chunk: UnsafeRawBufferPointer) throws(DecompressionError) {
        guard bytes.count + chunk.count <= limit else { throw .tooLarge(limit: limit) }
        bytes.append(contentsOf: chunk)
    }
}
