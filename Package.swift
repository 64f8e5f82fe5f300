// swift-tools-version: 6.1
// Loupe: a full-text search engine and indexer daemon. Module graph: ARCHITECTURE.md.
import PackageDescription

/// The modules on the query and indexing hot paths skip Swift's dynamic exclusivity checks: their
/// iterators are classes mutated per posting, where the checks cost about a fifth of the time
/// (measured with perf on `loupe bench`). Their accesses are single-threaded by contract.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

/// The engine also keeps its conditional moves. LLVM's x86 pass that turns a conditional move in a
/// loop into a branch when the move carries a dependency from one iteration to the next made a
/// branch of each step of `BlockSearch`'s binary search (inlined into the engine's iterators),
/// whose outcome is data: mispredicted about every other step unless the predictor has seen the
/// query before, as it has when one query is timed over and over, which hid it. The query sets
/// timed in sequence (`loupe bench`, bench corpus): AND p95 −10 %, and-long p95 −15 % and p99
/// −12 %, phrase p95 −13 %.
let queryPath: [SwiftSetting] = hotPath + [.unsafeFlags(["-Xllvm", "-x86-cmov-converter=false"])]

let package = Package(
    name: "Loupe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "loupe", targets: ["loupe"]),
        .executable(name: "louped", targets: ["louped"]),
        // The engine as a library, for the micro-benchmarks package in Benchmarks/Micro.
        .library(name: "LoupeKit", targets: ["LoupeCodec", "LoupeAnalysis", "LoupeExtract", "LoupeIndex", "LoupeQuery", "LoupeEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Storage: the LMDB C library and our Swift wrapper over it. Knows bytes, not terms.
        .systemLibrary(name: "CLMDB", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        // Zstandard, for the document store's compressed blocks.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // xxHash (XXH3), which hashes a document's content to recognise it unchanged.
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        // The decompressors behind compressed documents (.gz, .bz2, .xz; .zst through CZstd).
        .systemLibrary(name: "CLibZ", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBzip2", providers: [.apt(["libbz2-dev"])]),
        .systemLibrary(name: "CLzma", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        // fork + rlimits + exec for helper programs (pdftotext), which Swift cannot run between fork and exec.
        .target(name: "CSpawn"),
        .target(name: "LoupeStorage", dependencies: ["CLMDB"]),
        // Postings codec: block encoding of doc ids, frequencies and positions. Knows bytes, not LMDB.
        .target(name: "LoupeCodec", dependencies: ["CZstd"], swiftSettings: hotPath),
        // Analysis: tokenizer, folding, stop words, the Porter2 stemmer, analyzer presets.
        .target(name: "LoupeAnalysis"),
        // libxml2, whose push parser reads the XML inside office documents and EPUB as a stream.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Extraction: turning files (text, Markdown, HTML, man pages, PDF, compressed files, office
        // documents, EPUB, email) and JSON lines into title + text.
        .target(
            name: "LoupeExtract",
            dependencies: [
                "CLibZ", "CBzip2", "CLzma", "CZstd", "CSpawn", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Index: the on-disk format (LMDB tables), the writer, snapshots for readers, ingestion.
        .target(
            name: "LoupeIndex",
            dependencies: ["LoupeStorage", "LoupeCodec", "LoupeAnalysis", "LoupeExtract", "CXXHash"],
            swiftSettings: hotPath
        ),
        // Watching: inotify over folder roots, debounced batches re-indexed through LoupeIndex's ingestion.
        .target(name: "LoupeWatch", dependencies: ["LoupeIndex"]),
        // Query language: text to syntax tree. No storage dependency (LoupeExtract names the document types).
        .target(name: "LoupeQuery", dependencies: ["LoupeExtract"]),
        // Engine: planning, BM25 scoring, retrieval algorithms, collectors, snippets, explain.
        .target(
            name: "LoupeEngine",
            dependencies: [
                "LoupeIndex", "LoupeQuery", "LoupeCodec", "LoupeAnalysis",
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: queryPath
        ),
        // Evaluation: TREC run files, qrels and the measures (MAP, nDCG@10, P@10, R@100).
        .target(name: "LoupeEval"),
        // Configuration: loupe.toml and louped.toml (config/) read once, with the environment and
        // flags over them, into typed settings; where daemon limits cap search settings.
        .target(
            name: "LoupeConfig",
            dependencies: ["LoupeIndex", "LoupeEngine", "LoupeProtocol", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The command-line tool.
        .executableTarget(
            name: "loupe",
            dependencies: [
                "LoupeIndex", "LoupeExtract", "LoupeEngine", "LoupeEval", "LoupeConfig", "LoupeClient", "LoupeWatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The daemon's wire protocol: requests, replies, error codes, escaping. No networking: replies
        // are encoded into NIO's ByteBuffer (NIOCore only), the buffer the daemon writes out.
        .target(name: "LoupeProtocol", dependencies: [.product(name: "NIOCore", package: "swift-nio")]),
        // The daemon: SwiftNIO line server, limits, auth, the single writer, watching its roots, lifecycle.
        .target(
            name: "LoupeServer",
            dependencies: [
                "LoupeProtocol", "LoupeIndex", "LoupeEngine", "LoupeConfig", "LoupeWatch",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A small blocking client of the daemon, for the CLI and the tests.
        .target(name: "LoupeClient", dependencies: ["LoupeProtocol"]),
        // The daemon executable.
        .executableTarget(
            name: "louped",
            dependencies: [
                "LoupeServer", "LoupeProtocol", "LoupeConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // Helpers shared by the test targets: temporary directories, seeded randomness, the repo root.
        .target(name: "LoupeTestSupport", path: "Tests/LoupeTestSupport"),
        .testTarget(name: "LoupeStorageTests", dependencies: ["LoupeStorage", "LoupeTestSupport"]),
        .testTarget(name: "LoupeCodecTests", dependencies: ["LoupeCodec", "LoupeTestSupport"]),
        .testTarget(
            name: "LoupeAnalysisTests",
            dependencies: ["LoupeAnalysis"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "LoupeExtractTests",
            dependencies: ["LoupeExtract", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "LoupeIndexTests", dependencies: ["LoupeIndex", "LoupeExtract", "LoupeTestSupport"]),
        .testTarget(name: "LoupeQueryTests", dependencies: ["LoupeQuery"]),
        .testTarget(name: "LoupeEngineTests", dependencies: ["LoupeEngine", "LoupeIndex", "LoupeTestSupport"]),
        .testTarget(name: "LoupeEvalTests", dependencies: ["LoupeEval"]),
        .testTarget(name: "LoupeConfigTests", dependencies: ["LoupeConfig", "LoupeProtocol", "LoupeTestSupport"]),
        .testTarget(name: "LoupeProtocolTests", dependencies: ["LoupeProtocol", "LoupeTestSupport", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(
            name: "LoupeServerTests",
            dependencies: [
                "LoupeServer", "LoupeConfig", "LoupeClient", "LoupeProtocol", "LoupeIndex", "LoupeEngine", "LoupeTestSupport", "louped",
                "loupe",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs the built executables as a user would.
        .testTarget(name: "EndToEndTests", dependencies: ["loupe", "LoupeTestSupport"]),
        // Real inotify, real LMDB: every change pattern the watcher must follow.
        .testTarget(name: "LoupeWatchTests", dependencies: ["LoupeWatch", "LoupeIndex", "LoupeTestSupport"]),
        // kill -9 during `loupe index` and `loupe compact` (LOUPE_CRASH_RUNS runs; 50 when CI=true), and a full disk.
        .testTarget(name: "CrashTests", dependencies: ["loupe", "LoupeIndex", "LoupeTestSupport"]),
    ]
)
