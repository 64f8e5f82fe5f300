import Foundation
import TOMLKit

/// A value read from a configuration file, copied out of TOMLKit's document so that it can be
/// kept and shared across threads.
enum ConfigValue: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([ConfigValue])
    /// A table, date or time: no option takes one; kept by TOML type name for the error.
    case other(String)

    init(_ value: TOMLValueConvertible) {
        switch value.type {
        case .int: self = .int(value.int ?? 0)
        case .double: self = .double(value.double ?? 0)
        case .bool: self = .bool(value.bool ?? false)
        case .string: self = .string(value.string ?? "")
        case .array: self = .array((value.array.map { Array($0) } ?? []).map(ConfigValue.init))
        default: self = .other(value.type.rawValue)
        }
    }

    /// The value as TOML writes it: `12`, `0.75`, `true`, `"text"`, `["a", "b"]`.
    var toml: String {
        switch self {
        case .int(let int): return String(int)
        case .double(let double): return double == double.rounded() && abs(double) < 1e15 ? String(format: "%.1f", double) : "\(double)"
        case .bool(let bool): return bool ? "true" : "false"
        case .string(let string): return Self.quoted(string)
        case .array(let items): return "[" + items.map(\.toml).joined(separator: ", ") + "]"
        case .other(let type): return "a \(type)"
        }
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
