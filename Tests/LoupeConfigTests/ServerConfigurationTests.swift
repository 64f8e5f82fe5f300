import Foundation
import LoupeProtocol
import LoupeTestSupport
import Testing
@testable import LoupeConfig

@Suite("louped.toml: defaults, precedence, bad input and limits over search settings")
struct ServerConfigurationTests {
    /// No loupe.toml reaches the engine settings from the machine running the tests.
    static let clean = ["HOME": "/nonexistent"]

    @Test func theShippedFileStatesEveryDefault() throws {
        let shipped = try ServerConfiguration.load(file: repositoryRoot + "/config/louped.toml", environment: Self.clean)
        let defaults = try ServerConfiguration.load(file: nil, environment: Self.clean)
        // A round trip of every default through the shipped file's TOML text.
        #expect(shipped.resolved.map(\.key) == defaults.resolved.map(\.key))
        #expect(shipped.resolved.map(\.value) == defaults.resolved.map(\.value))
        #expect(defaults.resolved.allSatisfy { $0.origin == .defaultValue } && defaults.resolved.count == 23)
        let plain = ServerConfiguration(indexPath: "")
        #expect(shipped.indexPath == plain.indexPath && shipped.roots == plain.roots && shipped.watch == plain.watch)
        #expect(shipped.listen == plain.listen && shipped.unixSocket == plain.unixSocket)
        #expect(shipped.queryThreads == plain.queryThreads && shipped.ioThreads == plain.ioThreads)
        #expect(shipped.token == plain.token && shipped.limits == plain.limits)
        #expect(shipped.replication.follow == nil && shipped.replication.publish == nil)
        #expect(shipped.replication.checkEverySeconds == plain.replication.checkEverySeconds)
        #expect(shipped.replication.publishEverySeconds == plain.replication.publishEverySeconds)
        #expect(shipped.replication.keep == plain.replication.keep)
        #expect(shipped.conflicts.isEmpty)
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws {
        let directory = TemporaryDirectory("louped-config")
        let file = try directory.write("p.toml", "[server]\nthreads = 2\nio_threads = 3\n[limits]\nmax_limit = 50\n")
        let environment = Self.clean.merging(["LOUPED_SERVER_THREADS": "5", "LOUPED_SERVER_IO_THREADS": "6"]) { $1 }
        let flags = ["server.threads": ConfigFlag("--threads", "9")]
        let loaded = try ServerConfiguration.load(file: file, environment: environment, flags: flags)
        #expect(loaded.queryThreads == 9 && loaded.ioThreads == 6 && loaded.limits.maxLimit == 50 && loaded.limits.maxOffset == 10000)
        let origins = Dictionary(uniqueKeysWithValues: loaded.resolved.map { ($0.key, $0.origin) })
        #expect(origins["server.threads"] == .flag("--threads"))
        #expect(origins["server.io_threads"] == .environment("LOUPED_SERVER_IO_THREADS"))
        #expect(origins["limits.max_limit"] == .file(file + ":5"))
        #expect(origins["limits.max_offset"] == .defaultValue)
        // A list: the flag's values, or the variable's split on ':'.
        let roots = try ServerConfiguration.load(
            file: nil, environment: Self.clean.merging(["LOUPED_INDEX_ROOTS": "/a:/b"]) { $1 }, flags: ["index.roots": ConfigFlag("--root", ["/c", "/d"])])
        #expect(roots.roots == ["/c", "/d"])
        #expect(try ServerConfiguration.load(file: nil, environment: Self.clean.merging(["LOUPED_INDEX_ROOTS": "/a:/b"]) { $1 }).roots == ["/a", "/b"])
    }

    @Test func replicationComesFromTheFileThenTheEnvironment() throws {
        let directory = TemporaryDirectory("louped-config")
        let file = try directory.write("r.toml", "[replication]\npublish = \"/srv/snapshots\"\npublish_every_s = 30\nkeep = 5\n")
        let loaded = try load(file: file, environment: ["LOUPED_REPLICATION_KEEP": "7"])
        #expect(loaded.replication.publish == "/srv/snapshots" && loaded.replication.publishEverySeconds == 30 && loaded.replication.keep == 7)
        let follower = try load(file: nil, environment: ["LOUPED_REPLICATION_FOLLOW": "/srv/snapshots"])
        #expect(follower.replication.follow == "/srv/snapshots" && follower.replication.publish == nil)
        let zero = try directory.write("zero.toml", "[replication]\nkeep = 0\n")
        #expect(loadError(file: zero) == "\(zero):2: `replication.keep` must be an integer in 1...10000, got 0")
    }

    @Test func watchComesFromTheFileThenTheEnvironment() throws {
        let directory = TemporaryDirectory("louped-config")
        let on = try directory.write("on.toml", "[index]\nwatch = true\n")
        let off = try directory.write("off.toml", "[index]\nwatch = false\n")
        #expect(try load(file: nil, environment: [:]).watch)
        #expect(try load(file: on, environment: [:]).watch)
        #expect(try !load(file: off, environment: [:]).watch)
        #expect(try !load(file: on, environment: ["LOUPED_INDEX_WATCH": "false"]).watch)
        #expect(try load(file: off, environment: ["LOUPED_INDEX_WATCH": "TRUE"]).watch)
        #expect(try load(file: off, environment: ["LOUPED_INDEX_WATCH": "1"]).watch)
        #expect(try !load(file: nil, environment: ["LOUPED_INDEX_WATCH": "off"]).watch)
    }

    @Test func badValuesNameWhereTheyCameFrom() throws {
        let directory = TemporaryDirectory("louped-config")
        let quoted = try directory.write("quoted.toml", "[index]\nwatch = \"yes\"\n")
        let number = try directory.write("number.toml", "[index]\n\nwatch = 1\n")
        #expect(loadError(file: quoted) == "\(quoted):2: `index.watch` must be true or false, got \"yes\"")
        #expect(loadError(file: number) == "\(number):3: `index.watch` must be true or false, got 1")
        #expect(loadError(environment: ["LOUPED_INDEX_WATCH": "maybe"]) == "$LOUPED_INDEX_WATCH: `index.watch` must be true or false, got `maybe`")
        #expect(loadError(environment: ["LOUPED_LIMITS_MAX_LIMIT": "lots"])
            == "$LOUPED_LIMITS_MAX_LIMIT: `limits.max_limit` must be an integer in 1...1000000, got `lots`")
        #expect(loadError(environment: ["LOUPED_LIMITS_MAX_CONECTIONS": "3"])
            == "$LOUPED_LIMITS_MAX_CONECTIONS: no option is set by this variable (did you mean $LOUPED_LIMITS_MAX_CONNECTIONS?)")
        #expect(loadError(environment: ["LOUPED_CONFIG": "", "LOUPED_LOG_LEVEL": "debug"]) == nil)
        #expect(loadError(flags: ["server.threads": ConfigFlag("--threads", "999")])
            == "--threads: `server.threads` must be an integer in 0...256, got 999")
        let roots = try directory.write("roots.toml", "[index]\nroots = \"/srv\"\n")
        #expect(loadError(file: roots) == "\(roots):2: `index.roots` must be a list of strings, got \"/srv\"")
        let listen = try directory.write("listen.toml", "[server]\nlisten = \"localhost:99999\"\n")
        #expect(loadError(file: listen)?.hasPrefix("\(listen):2: `server.listen` ") == true)
        let typo = try directory.write("typo.toml", "[limits]\nmax_limit = 5\nmax_conections = 3\n")
        #expect(loadError(file: typo) == "\(typo):3: unknown option `limits.max_conections` (did you mean `limits.max_connections`?)")
        let section = try directory.write("section.toml", "[limit]\nmax_limit = 5\n")
        #expect(loadError(file: section) == "\(section):2: unknown option `limit.max_limit` (did you mean `limits.max_limit`?)")
        #expect(loadError(file: directory.path + "/none.toml") == "\(directory.path)/none.toml: cannot read the file: no such file")
        // The engine's file is read through the same reader, with the same errors.
        let engine = try directory.write("loupe.toml", "[search]\nlimit = -1\n")
        let pointing = try directory.write("pointing.toml", "[server]\nloupe_config = \"\(engine)\"\n")
        #expect(loadError(file: pointing) == "\(engine):2: `search.limit` must be an integer in 0...1000000, got -1")
    }

    @Test func aLimitBelowASearchSettingWinsVisibly() throws {
        let directory = TemporaryDirectory("louped-config")
        let engine = try directory.write("loupe.toml", "[search]\nlimit = 2000\nmax_clauses = 5000\nmax_expansions = 32\n")
        let file = try directory.write("louped.toml", "[server]\nloupe_config = \"\(engine)\"\n[limits]\nmax_limit = 100\n")
        let loaded = try ServerConfiguration.load(file: file, environment: Self.clean)
        #expect(loaded.conflicts == [
            ConfigConflict(setting: "search.limit", settingValue: 2000, limit: "limits.max_limit", limitValue: 100),
            ConfigConflict(setting: "search.max_clauses", settingValue: 5000, limit: "limits.max_clauses", limitValue: 1024),
        ])
        #expect(loaded.conflicts[0].description
            == "search.limit = 2000 (loupe.toml) is over limits.max_limit = 100 (louped.toml): the daemon uses 100")
        let effective = loaded.effectiveEngine.search
        #expect(effective.limit == 100 && effective.maxClauses == 1024 && effective.maxExpansions == 32)
        #expect(loaded.engine.search.limit == 2000)  // the configured value stays visible
        let listing = loaded.listing
        let lines = listing.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("limit = 2000 ") && $0.hasSuffix("  # \(engine):2; the daemon uses 100 (limits.max_limit)") })
        #expect(lines.contains { $0.hasPrefix("max_limit = 100 ") && $0.hasSuffix("  # \(file):4") })
        #expect(lines.contains { $0.hasPrefix("max_offset = 10000 ") && $0.hasSuffix("  # default") })
        #expect(listing.contains("# warning: search.max_clauses = 5000 (loupe.toml) is over limits.max_clauses = 1024 (louped.toml): the daemon uses 1024\n"))
        #expect(listing.hasPrefix("# louped.toml: \(file)\n[index]\npath"))
        // The lower limit the other way round is no conflict.
        let loose = try directory.write("loose.toml", "[limits]\nmax_limit = 5000\nmax_expansions = 500\n")
        #expect(try ServerConfiguration.load(file: loose, environment: Self.clean).conflicts.isEmpty)
    }

    /// The configuration from `file` and `environment`, with no user's loupe.toml.
    func load(file: String?, environment: [String: String]) throws -> ServerConfiguration {
        try ServerConfiguration.load(file: file, environment: environment.merging(Self.clean) { old, _ in old })
    }

    /// The error loading gives, or nil when it loads.
    func loadError(file: String? = nil, environment: [String: String] = [:], flags: [String: ConfigFlag] = [:]) -> String? {
        do {
            _ = try ServerConfiguration.load(file: file, environment: environment.merging(Self.clean) { old, _ in old }, flags: flags)
            return nil
        } catch {
            return error.description
        }
    }
}
