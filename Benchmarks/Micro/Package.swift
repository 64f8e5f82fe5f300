// swift-tools-version: 6.1
// Micro-benchmarks of Loupe's hot paths on package-benchmark (ordo-one/benchmark): block decode,
// bit unpacking, term scoring, intersection and the phrase check. A package of its own so that
// `swift build` / `swift test` of Loupe never resolve or build the benchmark dependencies.
// Run: `swift package benchmark` in this folder (release build). What each benchmark measures:
// ../README.md, section "Micro-benchmarks".
import PackageDescription

let package = Package(
    name: "LoupeMicroBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // `traits: ["MallocInterposer"]` turns off the default `RuntimeInterposer` trait, whose
        // dependency (swift-runtime-interposer) is not available here; malloc counting still works.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // Loupe itself, through its `LoupeKit` library product. A path dependency is known by its
        // folder's name unless it is given one, and that folder is named differently in each checkout.
        .package(name: "Loupe", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "LoupeMicro",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LoupeKit", package: "Loupe"),
            ],
            path: "Benchmarks/LoupeMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
