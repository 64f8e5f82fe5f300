/// Limits that bound what extracting one file may cost.
public struct ExtractionOptions: Sendable, Equatable {
    /// The most content bytes read from one file: its size, or after decompression the
    /// decompressed size, which stops a decompression bomb. Defaults to 64 MiB.
    public var maxBytes: Int
    /// The longest a helper program (`pdftotext`) may run, in seconds. Defaults to 30.
    public var helperTimeLimit: Double
    /// The address space a helper program may use (`RLIMIT_AS`), in bytes. Defaults to 1 GiB.
    public var helperMemoryLimit: Int
    /// The most entries read from one archive (office documents, EPUB). Defaults to 10,000.
    public var maxArchiveEntries: Int
    /// The folders searched for helper programs; `nil` takes `PATH` from the environment.
    public var searchPath: [String]?

    public init(maxBytes: Int = 64 << 20, helperTimeLimit: Double = 30, helperMemoryLimit: Int = 1 << 30,
                maxArchiveEntries: Int = 10_000, searchPath: [String]? = nil) {
        self.maxBytes = maxBytes
        self.helperTimeLimit = helperTimeLimit
        self.helperMemoryLimit = helperMemoryLimit
        self.maxArchiveEntries = maxArchiveEntries
        self.searchPath = searchPath
    }
}
