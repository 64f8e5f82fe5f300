import Foundation
import LoupeAnalysis
import LoupeStorage

/// An index directory: one LMDB environment with the tables of ``IndexFormat``.
///
/// Open it once per process and share it: readers take snapshots with ``reader()`` from any
/// thread, and one ``IndexWriter`` at a time commits changes. The analysis settings are fixed when
/// the index is created and stored in it, so queries always analyze the way documents were.
public final class Index: Sendable {
    /// The index directory.
    public let path: String
    /// How text is analyzed in this index.
    public let analyzerSettings: AnalyzerSettings
    /// The analyzer built from ``analyzerSettings``.
    public let analyzer: Analyzer
    let environment: Environment
    let tables: Tables
    /// Zstd contexts shared by this index's readers, one reader at a time each.
    let decompressors = DecompressorPool()
    /// The in-memory term dictionaries of the newest commit read (``IndexReader/termDictionary(_:)``).
    let termDictionaries = TermDictionaryCache()

    /// Handles of every named database.
    struct Tables: Sendable {
        let meta, terms, postings, positions, docstore, records, ids, norms, tombstones, labels, columns, problems: Database

        /// Opens (creating them, unless `env` is read-only) the databases of ``IndexFormat/Table``.
        init(_ env: Environment) throws {
            var handles: [String: Database] = [:]
            for name in IndexFormat.Table.all { handles[name] = try env.openDatabase(name) }
            meta = handles["meta"]!; terms = handles["terms"]!; postings = handles["postings"]!
            positions = handles["positions"]!; docstore = handles["docstore"]!; records = handles["records"]!
            ids = handles["ids"]!; norms = handles["norms"]!; tombstones = handles["tombstones"]!
            labels = handles["labels"]!; columns = handles["columns"]!; problems = handles["problems"]!
        }
    }

    /// Options for opening an index.
    public struct Options: Sendable {
        /// The initial LMDB map size; it grows on demand.
        public var initialMapSize = 1 << 30
        public init() {}
    }

    private init(path: String, environment: Environment, tables: Tables, analyzerSettings: AnalyzerSettings) {
        self.path = path
        self.environment = environment
        self.tables = tables
        self.analyzerSettings = analyzerSettings
        self.analyzer = Analyzer(analyzerSettings)
    }

    /// Opens an existing index. It never creates one: a data file whose index was never written
    /// (a run killed between creating the file and committing the index's format) holds none.
    /// - Throws: ``IndexError/notAnIndex(_:)`` when `path` holds none; ``IndexError/unsupportedFormat(found:expected:)``.
    public static func open(at path: String, options: Options = Options()) throws -> Index {
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else { throw IndexError.notAnIndex(path) }
        return try open(at: path, analyzer: nil, create: nil, options: options)
    }

    /// Opens the index at `path`, creating it when it does not exist with `analyzer`, or with
    /// `defaultAnalyzer` when `analyzer` is nil.
    ///
    /// - Throws: ``IndexError/analyzerMismatch(_:)`` when the index exists with other analysis
    ///   settings than a non-nil `analyzer` asks for.
    public static func openOrCreate(
        at path: String, analyzer: AnalyzerSettings?, defaultAnalyzer: AnalyzerSettings = .preset(.english),
        options: Options = Options()
    ) throws -> Index {
        try open(at: path, analyzer: analyzer, create: defaultAnalyzer, options: options)
    }

    /// Opens the index at `path`; when it holds none, creates it with `analyzer ?? create`, or
    /// throws ``IndexError/notAnIndex(_:)`` when `create` is nil.
    private static func open(
        at path: String, analyzer: AnalyzerSettings?, create defaultAnalyzer: AnalyzerSettings?, options: Options
    ) throws -> Index {
        var envOptions = Environment.Options()
        envOptions.initialMapSize = options.initialMapSize
        let env = try Environment(path: path, options: envOptions)
        let tables = try Tables(env)
        let settings: AnalyzerSettings = try env.write { txn in
            if let stored = try txn.get(tables.meta, key: Array("analyzer".utf8)) {
                let version = try txn.get(tables.meta, key: Array("format".utf8)).map { $0.loadUnaligned(as: UInt32.self) }
                let existing = try storedSettings(stored, version: version)
                if let analyzer, analyzer != existing {
                    throw IndexError.analyzerMismatch(
                        "the index at \(path) was built with the \(existing.preset?.rawValue ?? "custom") analyzer; "
                            + "re-indexing with \(analyzer.preset?.rawValue ?? "custom") needs a new index directory")
                }
                // An index from before commits were numbered gets its number once.
                if try CommitNumber.read(txn, meta: tables.meta) == nil { try CommitNumber.stamp(txn, meta: tables.meta) }
                return existing
            }
            guard let chosen = analyzer ?? defaultAnalyzer else { throw IndexError.notAnIndex(path) }
            var version = IndexFormat.version.littleEndian
            try withUnsafeBytes(of: &version) { v in
                try Array("format".utf8).withUnsafeBytes { k in try txn.put(tables.meta, key: k, value: v) }
            }
            // Keys sorted, so that two indexes of the same documents are the same bytes.
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            try txn.put(tables.meta, key: Array("analyzer".utf8), value: Array(try encoder.encode(chosen)))
            try txn.put(tables.meta, key: Array("stats".utf8), value: IndexStatistics().encoded())
            try CommitNumber.stamp(txn, meta: tables.meta)
            return chosen
        }
        return Index(path: path, environment: env, tables: tables, analyzerSettings: settings)
    }

    /// Opens an index that nobody writes while it is open, such as a published snapshot, read-only
    /// and without a lock file (`MDB_RDONLY | MDB_NOLOCK`): the directory may be read-only.
    /// Writing to it fails. Its memory map and file are released when the last reader of it ends
    /// and the ``Index`` is freed.
    /// - Throws: ``IndexError/notAnIndex(_:)``, ``IndexError/unsupportedFormat(found:expected:)``.
    public static func openReadOnly(at path: String) throws -> Index {
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else { throw IndexError.notAnIndex(path) }
        var envOptions = Environment.Options()
        envOptions.readOnly = true
        envOptions.noLock = true
        envOptions.initialMapSize = 0
        let env = try Environment(path: path, options: envOptions)
        let tables = try Tables(env)
        let settings: AnalyzerSettings = try env.read { snapshot in
            guard let stored = try snapshot.get(tables.meta, key: Array("analyzer".utf8)) else { throw IndexError.notAnIndex(path) }
            let version = try snapshot.get(tables.meta, key: Array("format".utf8)).map { $0.loadUnaligned(as: UInt32.self) }
            return try storedSettings(stored, version: version)
        }
        return Index(path: path, environment: env, tables: tables, analyzerSettings: settings)
    }

    private static func storedSettings(_ stored: UnsafeRawBufferPointer, version: UInt32?) throws -> AnalyzerSettings {
        guard version == IndexFormat.version else {
            throw IndexError.unsupportedFormat(found: version ?? 0, expected: IndexFormat.version)
        }
        return try JSONDecoder().decode(AnalyzerSettings.self, from: Data(stored))
    }

    /// A reader over the last commit; it keeps seeing that state for as long as it lives.
    public func reader() throws -> IndexReader {
        try IndexReader(index: self, snapshot: environment.snapshot())
    }

    /// Bytes of the data file in use.
    public var usedBytes: Int { environment.usedBytes }

    /// Whether the index was opened with ``openReadOnly(at:)``.
    public var isReadOnly: Bool { environment.readOnly }
}
