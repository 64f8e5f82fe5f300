import Foundation
import TOMLKit

/// The values of `louped.toml`, each overridable by an environment variable named
/// `LOUPED_<SECTION>_<KEY>` in upper case (`limits.max_connections` → `LOUPED_LIMITS_MAX_CONNECTIONS`).
/// Keys no lookup asks for are reported as unknown, so a misspelled option is an error.
struct ConfigurationSource {
    let file: String?
    let environment: [String: String]
    private var values: [String: TOMLValueConvertible] = [:]
    private var used: Set<String> = []

    init(file: String?, environment: [String: String]) throws(ServerError) {
        self.file = file
        self.environment = environment
        guard let file else { return }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ServerError("\(file): cannot read the file") }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ServerError("\(file): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ServerError("\(file): \(error)")
        }
        for (section, value) in table {
            guard let inner = value.table else { throw ServerError("\(file): `\(section)` must be a [section]") }
            for (key, value) in inner { values["\(section).\(key)"] = value }
        }
    }

    /// The environment variable that overrides `key`.
    static func variable(_ key: String) -> String {
        "LOUPED_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    mutating func int(_ key: String, _ fallback: Int, range: ClosedRange<Int>) throws(ServerError) -> Int {
        used.insert(key)
        let value: Int
        if let text = environment[Self.variable(key)] {
            guard let n = Int(text) else { throw problem(key, "must be an integer", fromEnvironment: true) }
            value = n
        } else if let stored = values[key] {
            guard let n = stored.int else { throw problem(key, "must be an integer", fromEnvironment: false) }
            value = n
        } else {
            return fallback
        }
        guard range.contains(value) else {
            throw problem(key, "must be in \(range.lowerBound)...\(range.upperBound)", fromEnvironment: environment[Self.variable(key)] != nil)
        }
        return value
    }

    mutating func string(_ key: String, _ fallback: String) throws(ServerError) -> String {
        used.insert(key)
        if let text = environment[Self.variable(key)] { return text }
        guard let stored = values[key] else { return fallback }
        guard let text = stored.string else { throw problem(key, "must be a string", fromEnvironment: false) }
        return text
    }

    /// A boolean: `true` or `false` in the file; in the environment also `1`/`0`, `yes`/`no`,
    /// `on`/`off` (any case).
    mutating func bool(_ key: String, _ fallback: Bool) throws(ServerError) -> Bool {
        used.insert(key)
        if let text = environment[Self.variable(key)] {
            switch text.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: throw problem(key, "must be true or false, got `\(text)`", fromEnvironment: true)
            }
        }
        guard let stored = values[key] else { return fallback }
        guard let value = stored.bool else { throw problem(key, "must be true or false", fromEnvironment: false) }
        return value
    }

    /// A list of strings; in the environment, items are separated by `:`.
    mutating func strings(_ key: String) throws(ServerError) -> [String] {
        used.insert(key)
        if let text = environment[Self.variable(key)] { return text.split(separator: ":").map(String.init) }
        guard let stored = values[key] else { return [] }
        guard let array = stored.array else { throw problem(key, "must be a list of strings", fromEnvironment: false) }
        var out: [String] = []
        for item in array {
            guard let text = item.string else { throw problem(key, "must be a list of strings", fromEnvironment: false) }
            out.append(text)
        }
        return out
    }

    /// Throws for the first key of the file that no lookup asked for.
    func rejectUnknownKeys() throws(ServerError) {
        if let unknown = values.keys.sorted().first(where: { !used.contains($0) }) {
            throw ServerError("\(file ?? "configuration"): unknown option `\(unknown)`")
        }
    }

    private func problem(_ key: String, _ message: String, fromEnvironment: Bool) -> ServerError {
        fromEnvironment
            ? ServerError("$\(Self.variable(key)): \(message)")
            : ServerError("\(file ?? "configuration"): `\(key)` \(message)")
    }
}
