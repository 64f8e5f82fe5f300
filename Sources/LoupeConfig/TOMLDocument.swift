import Foundation
import TOMLKit

/// One configuration file, parsed by TOMLKit (toml++) and flattened to `section.key` values,
/// each with the line it is on where that can be found.
///
/// Both `loupe.toml` and `louped.toml` are read through this type and no other. Every option
/// lives in a `[section]`; a value outside one is an error.
struct TOMLDocument: Sendable {
    /// The file's path, as given.
    let path: String
    /// The values by `section.key`.
    let values: [String: ConfigValue]
    /// The line (from 1) of each `section.key` written as `key = value` under a `[section]`
    /// header. Keys written otherwise (dotted, inline tables) have none.
    let lines: [String: Int]

    /// Reads and parses `path`.
    ///
    /// - Throws: ``ConfigError`` naming the file (and the line, for syntax errors) when it cannot
    ///   be read, is not UTF-8, is not TOML, or holds a value outside a `[section]`.
    init(path: String) throws(ConfigError) {
        self.path = path
        let text = try Self.read(path)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(place: "\(path):\(error.source.begin.line)", message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(place: path, message: "not valid TOML: \(error)")
        }
        let lines = Self.keyLines(text)
        var values: [String: ConfigValue] = [:]
        for (section, value) in table {
            guard let inner = value.table else {
                let place = lines[section].map { "\(path):\($0)" } ?? path
                throw ConfigError(place: place, key: section, message: "must be in a [section]; this file has no top-level options")
            }
            for (key, value) in inner { values["\(section).\(key)"] = ConfigValue(value) }
        }
        self.values = values
        self.lines = lines
    }

    /// `FILE:LINE` for `key` when its line is known, else `FILE`.
    func place(of key: String) -> String {
        lines[key].map { "\(path):\($0)" } ?? path
    }

    /// The file's text, or an error that says why it cannot be had.
    private static func read(_ path: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(place: path, message: "cannot read the file: no such file")
        }
        guard !isDirectory.boolValue else { throw ConfigError(place: path, message: "cannot read the file: it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(place: path, message: "cannot read the file: permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(place: path, message: "cannot read the file: it is not UTF-8 text")
        }
        return text
    }

    /// The line of every plain `key = value` of a parsed document, as `section.key` (or `key`
    /// before the first header). Only locates; TOMLKit has already checked the syntax.
    private static func keyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var section: String? = nil
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                section = name
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { continue }
            let full = section.map { "\($0).\(key)" } ?? key
            if lines[full] == nil { lines[full] = index + 1 }
        }
        return lines
    }
}
