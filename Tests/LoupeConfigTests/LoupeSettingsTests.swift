import Foundation
import LoupeTestSupport
import Testing
@testable import LoupeConfig
import LoupeEngine

@Suite("loupe.toml: defaults, the environment and bad input")
struct LoupeSettingsTests {
    static let shippedPath = repositoryRoot + "/config/loupe.toml"

    /// The error reading `text` as a loupe.toml (with `environment`) gives, or nil.
    func error(_ text: String, environment: [String: String] = [:]) throws -> String? {
        let dir = TemporaryDirectory("config")
        let path = try dir.write("loupe.toml", text)
        do {
            _ = try LoupeSettings(contentsOf: path, environment: environment)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
    }

    @Test func expansionIsOffUnlessTurnedOnAndItsParametersAreRead() throws {
        let dir = TemporaryDirectory("config")
        let defaults = LoupeSettings()
        #expect(defaults.search.expansion == nil)
        #expect(defaults.expansion == ExpansionParameters(feedbackDocs: 10, feedbackTerms: 10, originalQueryWeight: 0.5))
        let shipped = try LoupeSettings(contentsOf: Self.shippedPath)
        #expect(shipped.search.expansion == nil && shipped.expansion == defaults.expansion)
        let tuned = try LoupeSettings(contentsOf: try dir.write("t.toml", "[search]\nexpand_docs = 5\nexpand_terms = 20\nexpand_weight = 0.7\n"))
        #expect(tuned.search.expansion == nil)
        #expect(tuned.expansion == ExpansionParameters(feedbackDocs: 5, feedbackTerms: 20, originalQueryWeight: 0.7))
        let on = try LoupeSettings(contentsOf: try dir.write("on.toml", "[search]\nexpand = true\nexpand_docs = 3\n"))
        #expect(on.search.expansion == ExpansionParameters(feedbackDocs: 3))
        let fromEnvironment = try LoupeSettings(contentsOf: nil, environment: ["LOUPE_SEARCH_EXPAND": "true"])
        #expect(fromEnvironment.search.expansion == ExpansionParameters())
    }

    @Test func theShippedFileStatesEveryDefault() throws {
        let shipped = try LoupeSettings(contentsOf: Self.shippedPath)
        let defaults = try LoupeSettings(contentsOf: nil)
        // Every option is in the file, with the value the code defaults to: a round trip of the
        // defaults through their TOML text.
        #expect(shipped.resolved.map(\.key) == defaults.resolved.map(\.key))
        #expect(shipped.resolved.map(\.value) == defaults.resolved.map(\.value))
        #expect(defaults.resolved.allSatisfy { $0.origin == .defaultValue })
        #expect(shipped.resolved.allSatisfy { if case .file(let place) = $0.origin { place.hasPrefix(Self.shippedPath + ":") } else { false } })
        #expect(defaults.resolved.count == 21)
        let plain = LoupeSettings()
        #expect(shipped.indexPath == plain.indexPath && shipped.analyzer == plain.analyzer)
        #expect(shipped.indexing.maxFileSize == plain.indexing.maxFileSize && shipped.indexing.memoryBudget == plain.indexing.memoryBudget)
        #expect(shipped.indexing.compactDeletedRatio == plain.indexing.compactDeletedRatio)
        #expect(shipped.indexing.spillLimit == plain.indexing.spillLimit && plain.indexing.spillLimit == 4 << 30)
        #expect(shipped.bm25 == plain.bm25 && shipped.search.fields == plain.search.fields)
        #expect(shipped.search.limit == plain.search.limit && shipped.search.snippetLength == plain.search.snippetLength)
        #expect(shipped.search.proximity == plain.search.proximity && shipped.search.maxClauses == plain.search.maxClauses)
    }

    @Test func valuesAreReadWithTheirLines() throws {
        let dir = TemporaryDirectory("config")
        let path = try dir.write(
            "c.toml", "[search]\nk1 = 0.9\nb = 0.4\ndefault_operator = \"and\"\n\n[index]\nanalyzer = \"simple\"\nfollow_symlinks = true\n")
        let settings = try LoupeSettings(contentsOf: path)
        #expect(settings.indexing.followSymlinks)
        #expect(settings.bm25.k1 == 0.9 && settings.bm25.b == 0.4)
        #expect(settings.search.defaultOperator == .and)
        #expect(settings.analyzer == .simple)
        #expect(settings.resolved.first { $0.key == "index.analyzer" }?.origin == .file(path + ":7"))
        #expect(settings.resolved.first { $0.key == "search.b" } == ResolvedOption(key: "search.b", value: "0.4", origin: .file(path + ":3")))
    }

    @Test(arguments: [
        ("[search]\nk1 = 1\nk2 = 1\n", "FILE:3: unknown option `search.k2` (did you mean `search.k1`?)"),
        ("[serch]\nlimit = 5\n", "FILE:2: unknown option `serch.limit` (did you mean `search.limit`?)"),
        ("[search]\nb = 2\n", "FILE:2: `search.b` must be a number in 0.0...1.0, got 2.0"),
        ("[search]\nk1 = -1\n", "FILE:2: `search.k1` must be a number in 0.0..., got -1.0"),
        ("[index]\ncompact_deleted_ratio = 1.5\n", "FILE:2: `index.compact_deleted_ratio` must be a number in 0.0...1.0, got 1.5"),
        ("[index]\nanalyzer = \"klingon\"\n", "FILE:2: `index.analyzer` must be one of \"english\", \"simple\", got \"klingon\""),
        ("[search]\nlimit = \"ten\"\n", "FILE:2: `search.limit` must be an integer in 0...1000000, got \"ten\""),
        ("[search]\nsnippet_length = 5\n", "FILE:2: `search.snippet_length` must be an integer in 20...10000, got 5"),
        ("[index]\nfollow_symlinks = 1\n", "FILE:2: `index.follow_symlinks` must be true or false, got 1"),
        ("[index]\nmemory_budget_mb = 1.5\n", "FILE:2: `index.memory_budget_mb` must be an integer in 16...1048576, got 1.5"),
        ("[index]\nspill_limit_mb = 8\n", "FILE:2: `index.spill_limit_mb` must be an integer in 16...1073741824, got 8"),
        ("[search]\nproximity = [true]\n", "FILE:2: `search.proximity` must be true or false, got [true]"),
        ("[search]\nexpand_weight = 1.5\n", "FILE:2: `search.expand_weight` must be a number in 0.0...1.0, got 1.5"),
        ("[search]\nexpand_docs = 0\n", "FILE:2: `search.expand_docs` must be an integer in 1...1000, got 0"),
        ("[search]\nexpand_terms = 1001\n", "FILE:2: `search.expand_terms` must be an integer in 1...1000, got 1001"),
        ("[search]\nexpand = 1\n", "FILE:2: `search.expand` must be true or false, got 1"),
        ("k1 = 1\n", "FILE:1: `k1` must be in a [section]; this file has no top-level options"),
    ])
    func badValuesNameTheFileLineAndOption(text: String, message: String) throws {
        #expect(try error(text) == message)
    }

    @Test func notTOMLNamesTheLine() throws {
        let message = try #require(try error("[search]\nlimit = 10\nk1 = = 2\n"))
        #expect(message.hasPrefix("FILE:3: not valid TOML: "), "\(message)")
    }

    @Test func unreadableFilesSayWhy() throws {
        let dir = TemporaryDirectory("config")
        #expect(throws: ConfigError(place: dir.path + "/missing.toml", message: "cannot read the file: no such file")) {
            try LoupeSettings(contentsOf: dir.path + "/missing.toml")
        }
        #expect(throws: ConfigError(place: dir.path, message: "cannot read the file: it is a directory")) {
            try LoupeSettings(contentsOf: dir.path)
        }
        let latin1 = try dir.write("latin1.toml", [0x5B, 0x69, 0x6E, 0x64, 0x65, 0x78, 0x5D, 0x0A, 0x23, 0xE9, 0x0A])
        #expect(throws: ConfigError(place: latin1, message: "cannot read the file: it is not UTF-8 text")) {
            try LoupeSettings(contentsOf: latin1)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file")) func aFileWithoutReadPermissionSaysSo() throws {
        let dir = TemporaryDirectory("config")
        let path = try dir.write("locked.toml", "[search]\nlimit = 3\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o200], ofItemAtPath: path)
        #expect(throws: ConfigError(place: path, message: "cannot read the file: permission denied")) {
            try LoupeSettings(contentsOf: path)
        }
    }

    @Test func theEnvironmentOverridesTheFile() throws {
        let dir = TemporaryDirectory("config")
        let path = try dir.write("c.toml", "[index]\npath = \"/from/file\"\n[search]\nlimit = 5\nproximity = true\n")
        let settings = try LoupeSettings(contentsOf: path, environment: ["LOUPE_SEARCH_LIMIT": "7", "LOUPE_SEARCH_PROXIMITY": "off"])
        #expect(settings.search.limit == 7 && !settings.search.proximity)
        #expect(settings.resolved.first { $0.key == "search.limit" }?.origin == .environment("LOUPE_SEARCH_LIMIT"))
        #expect(try LoupeSettings(contentsOf: path).indexPath == "/from/file")
        // LOUPE_INDEX, the variable `loupe` always read, sets index.path; LOUPE_INDEX_PATH wins over it.
        #expect(try LoupeSettings(contentsOf: path, environment: ["LOUPE_INDEX": "/env"]).indexPath == "/env")
        #expect(try LoupeSettings(contentsOf: path, environment: ["LOUPE_INDEX": ""]).indexPath == "/from/file")
        #expect(try LoupeSettings(contentsOf: path, environment: ["LOUPE_INDEX": "/old", "LOUPE_INDEX_PATH": "/new"]).indexPath == "/new")
        #expect(throws: ConfigError(place: "$LOUPE_SEARCH_K1", key: "search.k1", message: "must be a number in 0.0..., got `fast`")) {
            try LoupeSettings(contentsOf: path, environment: ["LOUPE_SEARCH_K1": "fast"])
        }
    }

    @Test func loadFindsTheFileThroughTheFlagThenTheVariable() throws {
        let dir = TemporaryDirectory("config")
        let flag = try dir.write("flag.toml", "[search]\nlimit = 1\n")
        let variable = try dir.write("variable.toml", "[search]\nlimit = 2\n")
        let home = dir.path + "/home"
        #expect(try LoupeSettings.load(explicitPath: flag, environment: ["LOUPE_CONFIG": variable, "HOME": home]).search.limit == 1)
        #expect(try LoupeSettings.load(explicitPath: nil, environment: ["LOUPE_CONFIG": variable, "HOME": home]).search.limit == 2)
        #expect(try LoupeSettings.load(explicitPath: nil, environment: ["HOME": home]).file == nil)
        _ = try dir.write("home/.config/loupe/loupe.toml", "[search]\nlimit = 3\n")
        #expect(try LoupeSettings.load(explicitPath: nil, environment: ["HOME": home]).search.limit == 3)
    }
}
