import Foundation
import TOMLKit

/// A parsed TOML configuration file, read as `section.key` values, that remembers which keys
/// were used so that unknown (misspelled) keys can be reported instead of silently ignored.
struct ConfigFile {
    let path: String
    private var values: [String: TOMLValueConvertible] = [:]
    private var used: Set<String> = []

    /// An empty file: every lookup gets its default.
    init(empty path: String) { self.path = path }

    init(path: String) throws {
        self.path = path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(file: path, message: "cannot read the file")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: path, message: "line \(error.source.begin.line): \(error.description)")
        }
        for (section, value) in table {
            guard let inner = value.table else {
                throw ConfigError(file: path, message: "`\(section)` must be a [section]")
            }
            for (key, value) in inner { values["\(section).\(key)"] = value }
        }
    }

    mutating func int(_ key: String, _ fallback: Int, range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        used.insert(key)
        guard let value = values[key] else { return fallback }
        guard let int = value.int, range.contains(int) else {
            throw ConfigError(file: path, message: "`\(key)` must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return int
    }

    mutating func double(_ key: String, _ fallback: Double) throws -> Double {
        used.insert(key)
        guard let value = values[key] else { return fallback }
        if let int = value.int { return Double(int) }
        guard let double = value.double else { throw ConfigError(file: path, message: "`\(key)` must be a number") }
        return double
    }

    mutating func bool(_ key: String, _ fallback: Bool) throws -> Bool {
        used.insert(key)
        guard let value = values[key] else { return fallback }
        guard let bool = value.bool else { throw ConfigError(file: path, message: "`\(key)` must be true or false") }
        return bool
    }

    mutating func string(_ key: String, _ fallback: String, allowed: [String]? = nil) throws -> String {
        used.insert(key)
        guard let value = values[key] else { return fallback }
        guard let string = value.string, allowed?.contains(string) ?? true else {
            let choices = allowed.map { " (one of \($0.joined(separator: ", ")))" } ?? ""
            throw ConfigError(file: path, message: "`\(key)` must be a string\(choices)")
        }
        return string
    }

    /// Throws for the first key that no lookup asked for.
    func rejectUnknownKeys() throws {
        if let unknown = values.keys.sorted().first(where: { !used.contains($0) }) {
            throw ConfigError(file: path, message: "unknown option `\(unknown)`")
        }
    }
}
