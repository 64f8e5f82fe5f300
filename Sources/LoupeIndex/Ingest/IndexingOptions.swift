import LoupeExtract

/// Settings of an indexing run.
public struct IndexingOptions: Sendable {
    /// What extracting one file may cost, and where helper programs are looked up.
    public var extraction = ExtractionOptions()
    /// The most content bytes read from one file (after decompression); a larger file is
    /// indexed by its name and path only, and recorded as a problem. The same as
    /// `extraction.maxBytes`.
    public var maxFileSize: Int {
        get { extraction.maxBytes }
        set { extraction.maxBytes = newValue }
    }
    /// Bytes of pending postings and text after which the writer commits a batch (or, in a
    /// JSON-lines load, flushes it to a spill file). 192 MiB: a load of the bench corpus (347k
    /// documents, a 267 MB index) then peaks at 440 MB, its commit's pages included.
    public var memoryBudget = 192 << 20
    /// Bytes of flushed batches after which a JSON-lines load commits: the most work a killed
    /// load loses, and the most disk its spill files take. Until then a load commits once, so its
    /// index is as compact as a single commit makes it.
    public var spillLimit = 4 << 30
    /// Also index files and folders whose names start with a dot.
    public var includeHidden = false
    /// Follow symbolic links inside the roots (each real file is still indexed once).
    public var followSymlinks = false
    /// Compact after a run once deleted documents make up this share of the documents on disk
    /// (1 or more turns automatic compaction off).
    public var compactDeletedRatio = 0.25
    /// Threads that extract files at once (each runs at most one helper program); `nil` takes
    /// the active processors.
    public var extractionThreads: Int?
    /// The version of each extractor, compared with the one a problem was recorded under to
    /// decide whether a file is worth retrying. Defaults to ``Extractor/version``; tests stand in
    /// a newer one.
    public var extractorVersion: @Sendable (Extractor) -> Int = { $0.version }

    /// Stands in for ``FileExtractor`` in tests of what the indexer does with an extraction
    /// today's extractors cannot give (a multipart file); `nil` in every real run.
    var extractFile: (@Sendable (String) -> FileExtraction)?

    public init() {}

    /// The folder walk these options ask for.
    var walkerOptions: FolderWalker.Options {
        FolderWalker.Options(includeHidden: includeHidden, followSymlinks: followSymlinks)
    }
}
