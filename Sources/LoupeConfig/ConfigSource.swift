import Foundation

/// The one place where the layers of a configuration meet. Each option is looked up, in order of
/// precedence, in the command-line flags, the environment (`<PREFIX>_<SECTION>_<KEY>` in upper
/// case: `limits.max_limit` → `LOUPED_LIMITS_MAX_LIMIT`), the file, and finally takes the
/// default its caller passes; the first layer that has it wins, and is recorded in ``resolved``.
///
/// Values from the environment and flags are text: integers and numbers as Swift reads them,
/// booleans as `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off` (any case), lists split on `:`.
/// A value of the wrong type or outside its range is a ``ConfigError`` naming its place (file and
/// line, variable or flag), the option, the expected value and the value found. Keys of the file
/// that no lookup asked for are rejected by ``rejectUnknownKeys()``, so a misspelled option is an
/// error rather than silently ignored.
struct ConfigSource {
    /// The file, if there is one.
    let document: TOMLDocument?
    /// The prefix of the environment variables (`LOUPED`, `LOUPE`).
    let prefix: String
    let environment: [String: String]
    /// Older variable names an option also answers to, read after its own (`index.path` →
    /// `LOUPE_INDEX`); as before, such a variable set to the empty string counts as unset.
    let aliases: [String: [String]]
    /// Flags by the key they set.
    let flags: [String: ConfigFlag]
    /// Every option looked up so far, in lookup order, with its value and origin.
    private(set) var resolved: [ResolvedOption] = []
    private var used: Set<String> = []

    init(
        file: String?, prefix: String, environment: [String: String], aliases: [String: [String]] = [:],
        flags: [String: ConfigFlag] = [:]
    ) throws(ConfigError) {
        document = try file.map { path throws(ConfigError) in try TOMLDocument(path: path) }
        self.prefix = prefix
        self.environment = environment
        self.aliases = aliases
        self.flags = flags
    }

    /// The environment variable that sets `key`.
    func variable(_ key: String) -> String {
        prefix + "_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// The variables that set `key`, in order: its own, then its aliases that are not empty.
    private func variables(_ key: String) -> [String] {
        [variable(key)] + (aliases[key] ?? []).filter { environment[$0]?.isEmpty == false }
    }

    // MARK: Typed lookups

    mutating func int(_ key: String, _ fallback: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let expected = "must be an integer in \(range.lowerBound)...\(range.upperBound)"
        return try lookup(key, fallback, render: { .int($0) }) { raw throws(ConfigError) in
            let value: Int
            switch raw.content {
            case .text(let text):
                guard let int = Int(text.trimmingCharacters(in: .whitespaces)) else { throw raw.error(key, expected, found: "`\(text)`") }
                value = int
            case .value(.int(let int)): value = int
            case .value(let other): throw raw.error(key, expected, found: other.toml)
            }
            guard range.contains(value) else { throw raw.error(key, expected, found: String(value)) }
            return value
        }
    }

    mutating func double(_ key: String, _ fallback: Double, range: ClosedRange<Double>) throws(ConfigError) -> Double {
        let upper = range.upperBound == .greatestFiniteMagnitude ? "" : "\(range.upperBound)"
        let expected = "must be a number in \(range.lowerBound)...\(upper)"
        return try lookup(key, fallback, render: { .double($0) }) { raw throws(ConfigError) in
            let value: Double
            switch raw.content {
            case .text(let text):
                guard let double = Double(text.trimmingCharacters(in: .whitespaces)) else { throw raw.error(key, expected, found: "`\(text)`") }
                value = double
            case .value(.int(let int)): value = Double(int)
            case .value(.double(let double)): value = double
            case .value(let other): throw raw.error(key, expected, found: other.toml)
            }
            guard value.isFinite, range.contains(value) else { throw raw.error(key, expected, found: "\(value)") }
            return value
        }
    }

    mutating func bool(_ key: String, _ fallback: Bool) throws(ConfigError) -> Bool {
        let expected = "must be true or false"
        return try lookup(key, fallback, render: { .bool($0) }) { raw throws(ConfigError) in
            switch raw.content {
            case .text(let text):
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true", "1", "yes", "on": return true
                case "false", "0", "no", "off": return false
                default: throw raw.error(key, expected, found: "`\(text)`")
                }
            case .value(.bool(let bool)): return bool
            case .value(let other): throw raw.error(key, expected, found: other.toml)
            }
        }
    }

    /// A string; when `allowed` is given, one of those.
    mutating func string(_ key: String, _ fallback: String, allowed: [String]? = nil) throws(ConfigError) -> String {
        let expected = allowed.map { "must be one of " + $0.map { "\"\($0)\"" }.joined(separator: ", ") } ?? "must be a string"
        return try lookup(key, fallback, render: { .string($0) }) { raw throws(ConfigError) in
            let value: String
            switch raw.content {
            case .text(let text): value = text
            case .value(.string(let string)): value = string
            case .value(let other): throw raw.error(key, expected, found: other.toml)
            }
            guard allowed?.contains(value) ?? true else { throw raw.error(key, expected, found: ConfigValue.string(value).toml) }
            return value
        }
    }

    /// A list of strings. In the environment its items are separated by `:`; a flag gives one
    /// item per occurrence.
    mutating func strings(_ key: String, _ fallback: [String]) throws(ConfigError) -> [String] {
        let expected = "must be a list of strings"
        return try lookup(key, fallback, render: { .array($0.map(ConfigValue.string)) }) { raw throws(ConfigError) in
            switch raw.content {
            case .text(let text): return text.split(separator: ":").map(String.init)
            case .value(.array(let items)):
                var strings: [String] = []
                for item in items {
                    guard case .string(let string) = item else { throw raw.error(key, expected, found: ConfigValue.array(items).toml) }
                    strings.append(string)
                }
                return strings
            case .value(let other): throw raw.error(key, expected, found: other.toml)
            }
        } list: { flag in flag.values }
    }

    /// Throws for the first key of the file that no lookup asked for, suggesting the option
    /// nearest in spelling.
    func rejectUnknownKeys() throws(ConfigError) {
        guard let document else { return }
        let unknown = document.values.keys.filter { !used.contains($0) }
        guard let first = unknown.min(by: { (document.lines[$0] ?? .max, $0) < (document.lines[$1] ?? .max, $1) }) else { return }
        var message = "unknown option `\(first)`"
        if let near = used.map({ ($0, Self.editDistance($0, first)) }).filter({ $0.1 <= 2 }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            message += " (did you mean `\(near.0)`?)"
        }
        throw ConfigError(place: document.place(of: first), message: message)
    }

    /// Throws for the first environment variable with this source's prefix that sets no option
    /// asked for and is not one of `others` (variables the program reads itself, such as
    /// `LOUPED_CONFIG`), suggesting the nearest option's variable. Only for a prefix that belongs
    /// to one program alone.
    func rejectUnknownVariables(except others: Set<String>) throws(ConfigError) {
        let known = Set(used.map(variable)).union(others)
        let unknown = environment.keys.filter { $0.hasPrefix(prefix + "_") && !known.contains($0) }
        guard let first = unknown.min() else { return }
        var message = "no option is set by this variable"
        if let near = known.map({ ($0, Self.editDistance($0, first)) }).filter({ $0.1 <= 2 }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            message += " (did you mean $\(near.0)?)"
        }
        throw ConfigError(place: "$" + first, message: message)
    }

    // MARK: Layers

    /// A value found in one layer, with where it came from.
    struct Raw {
        enum Content {
            case text(String)
            case value(ConfigValue)
        }
        let content: Content
        let origin: ConfigOrigin

        func error(_ key: String, _ expected: String, found: String) -> ConfigError {
            ConfigError(place: origin.description, key: key, message: "\(expected), got \(found)")
        }
    }

    /// Resolves `key` through the layers, converts it with `convert`, and records it.
    private mutating func lookup<T>(
        _ key: String, _ fallback: T, render: (T) -> ConfigValue,
        convert: (Raw) throws(ConfigError) -> T, list: ((ConfigFlag) -> T)? = nil
    ) throws(ConfigError) -> T {
        used.insert(key)
        let value: T
        let origin: ConfigOrigin
        if let flag = flags[key], let last = flag.values.last {
            origin = .flag(flag.name)
            if let list {
                value = list(flag)
            } else {
                value = try convert(Raw(content: .text(last), origin: origin))
            }
        } else if let name = variables(key).first(where: { environment[$0] != nil }), let text = environment[name] {
            origin = .environment(name)
            value = try convert(Raw(content: .text(text), origin: origin))
        } else if let document, let stored = document.values[key] {
            origin = .file(document.place(of: key))
            value = try convert(Raw(content: .value(stored), origin: origin))
        } else {
            origin = .defaultValue
            value = fallback
        }
        resolved.append(ResolvedOption(key: key, value: render(value).toml, origin: origin))
        return value
    }

    /// Levenshtein distance, for suggesting the option a misspelled key meant.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for j in b.indices {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
