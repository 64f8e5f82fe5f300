/// Number syntax of Python's `int()` and `float()`, which trec_eval.py applies to the relevance
/// and score columns.
///
/// Accepted, as in Python: an optional sign; any Unicode decimal digit (category `Nd`); single
/// underscores between digits; for floats a decimal point with digits on at least one side, an
/// exponent, and `inf`, `infinity` and `nan` in any letter case. Rejected, as in Python: hex
/// floats, `nan(...)`, stray or doubled underscores. One deliberate limit: integers must fit in
/// `Int` (Python's are unbounded).
enum PythonNumber {
    /// The value of `field` read as Python's `int(field)`, or `nil` if Python rejects it or it
    /// does not fit in `Int`.
    static func integer(_ field: String) -> Int? {
        guard let bytes = asciiDigits(field) else { return nil }
        var index = 0
        var literal: [UInt8] = []
        if index < bytes.count, bytes[index] == plus || bytes[index] == minus {
            literal.append(bytes[index])
            index += 1
        }
        guard let part = digitPart(bytes, from: index), part.end == bytes.count else { return nil }
        literal += part.digits
        return Int(String(decoding: literal, as: UTF8.self))
    }

    /// The value of `field` read as Python's `float(field)`, or `nil` if Python rejects it.
    /// Out-of-range magnitudes round to infinity or zero, as in Python.
    static func float(_ field: String) -> Double? {
        guard let bytes = asciiDigits(field) else { return nil }
        var index = 0
        var literal: [UInt8] = []
        var negative = false
        if index < bytes.count, bytes[index] == plus || bytes[index] == minus {
            negative = bytes[index] == minus
            literal.append(bytes[index])
            index += 1
        }
        if index < bytes.count, "iInN".utf8.contains(bytes[index]) {
            switch String(decoding: bytes[index...], as: UTF8.self).lowercased() {
            case "inf", "infinity": return negative ? -.infinity : .infinity
            case "nan": return .nan
            default: return nil
            }
        }
        var hasDigits = false
        if let part = digitPart(bytes, from: index) {
            literal += part.digits
            index = part.end
            hasDigits = true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            literal.append(bytes[index])
            index += 1
            if let part = digitPart(bytes, from: index) {
                literal += part.digits
                index = part.end
                hasDigits = true
            }
        }
        guard hasDigits else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            literal.append(UInt8(ascii: "e"))
            index += 1
            if index < bytes.count, bytes[index] == plus || bytes[index] == minus {
                literal.append(bytes[index])
                index += 1
            }
            guard let part = digitPart(bytes, from: index) else { return nil }
            literal += part.digits
            index = part.end
        }
        guard index == bytes.count else { return nil }
        return Double(String(decoding: literal, as: UTF8.self))
    }

    private static let plus = UInt8(ascii: "+")
    private static let minus = UInt8(ascii: "-")

    /// `field` as ASCII bytes with each non-ASCII decimal digit replaced by the ASCII digit of the
    /// same value, or `nil` if it holds any other non-ASCII scalar.
    private static func asciiDigits(_ field: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.utf8.count)
        for scalar in field.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if scalar.properties.generalCategory == .decimalNumber,
                      let value = scalar.properties.numericValue {
                bytes.append(UInt8(ascii: "0") + UInt8(value))
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Python's `digitpart` (`digit (["_"] digit)*`) starting at `start`: the digits without the
    /// underscores and the index just past them, or `nil` if no digit is at `start`.
    private static func digitPart(_ bytes: [UInt8], from start: Int) -> (digits: [UInt8], end: Int)? {
        func isDigit(_ at: Int) -> Bool {
            at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
        }
        guard isDigit(start) else { return nil }
        var digits: [UInt8] = [bytes[start]]
        var index = start + 1
        while true {
            if isDigit(index) {
                digits.append(bytes[index])
                index += 1
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "_"), isDigit(index + 1) {
                digits.append(bytes[index + 1])
                index += 2
            } else {
                return (digits, index)
            }
        }
    }
}
