import Foundation
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import Testing

@Suite("louped.toml, the environment and their errors")
struct ConfigurationLoadingTests {
    @Test func theShippedFileStatesTheDefaults() throws {
        let shipped = try ServerConfiguration.load(file: repositoryRoot + "/config/louped.toml", environment: [:])
        let defaults = ServerConfiguration(indexPath: "")
        #expect(shipped.indexPath == defaults.indexPath)
        #expect(shipped.roots == defaults.roots)
        #expect(shipped.watch == defaults.watch && defaults.watch)
        #expect(shipped.listen == defaults.listen && shipped.unixSocket == defaults.unixSocket)
        #expect(shipped.queryThreads == defaults.queryThreads && shipped.ioThreads == defaults.ioThreads)
        #expect(shipped.token == defaults.token)
        #expect(shipped.limits == defaults.limits)
        #expect(shipped.replication.follow == nil && defaults.replication.follow == nil && shipped.replication.publish == nil)
        #expect(shipped.replication.checkEverySeconds == defaults.replication.checkEverySeconds)
        #expect(shipped.replication.publishEverySeconds == defaults.replication.publishEverySeconds)
        #expect(shipped.replication.keep == defaults.replication.keep && defaults.replication.keep == 3)
    }

    @Test func replicationComesFromTheFileThenTheEnvironment() throws {
        let directory = TemporaryDirectory("louped-config")
        let file = try directory.write("r.toml", "[replication]\npublish = \"/srv/snapshots\"\npublish_every_s = 30\nkeep = 5\n")
        let loaded = try ServerConfiguration.load(file: file, environment: ["LOUPED_REPLICATION_KEEP": "7"])
        #expect(loaded.replication.publish == "/srv/snapshots" && loaded.replication.publishEverySeconds == 30 && loaded.replication.keep == 7)
        let follower = try ServerConfiguration.load(file: nil, environment: ["LOUPED_REPLICATION_FOLLOW": "/srv/snapshots"])
        #expect(follower.replication.follow == "/srv/snapshots" && follower.replication.publish == nil)
        let zero = try directory.write("zero.toml", "[replication]\nkeep = 0\n")
        #expect(loadError(file: zero) == "\(zero): `replication.keep` must be in 1...10000")
    }

    @Test func watchComesFromTheFileThenTheEnvironment() throws {
        let directory = TemporaryDirectory("louped-config")
        let on = try directory.write("on.toml", "[index]\nwatch = true\n")
        let off = try directory.write("off.toml", "[index]\nwatch = false\n")
        #expect(try ServerConfiguration.load(file: nil, environment: [:]).watch)
        #expect(try ServerConfiguration.load(file: on, environment: [:]).watch)
        #expect(try !ServerConfiguration.load(file: off, environment: [:]).watch)
        #expect(try !ServerConfiguration.load(file: on, environment: ["LOUPED_INDEX_WATCH": "false"]).watch)
        #expect(try ServerConfiguration.load(file: off, environment: ["LOUPED_INDEX_WATCH": "TRUE"]).watch)
        #expect(try ServerConfiguration.load(file: off, environment: ["LOUPED_INDEX_WATCH": "1"]).watch)
        #expect(try !ServerConfiguration.load(file: nil, environment: ["LOUPED_INDEX_WATCH": "off"]).watch)
    }

    @Test func aBadWatchValueNamesTheOption() throws {
        let directory = TemporaryDirectory("louped-config")
        let quoted = try directory.write("quoted.toml", "[index]\nwatch = \"yes\"\n")
        let number = try directory.write("number.toml", "[index]\nwatch = 1\n")
        #expect(loadError(file: quoted) == "\(quoted): `index.watch` must be true or false")
        #expect(loadError(file: number) == "\(number): `index.watch` must be true or false")
        #expect(loadError(environment: ["LOUPED_INDEX_WATCH": "maybe"]) == "$LOUPED_INDEX_WATCH: must be true or false, got `maybe`")
    }

    /// The error loading gives, or nil when it loads.
    func loadError(file: String? = nil, environment: [String: String] = [:]) -> String? {
        do {
            _ = try ServerConfiguration.load(file: file, environment: environment)
            return nil
        } catch {
            return error.description
        }
    }
}
