import LoupeExtract

/// Reads the value of a filter (the text after `type:`, `ext:`, `modified:`, `size:`).
///
/// A date or size denotes an interval: `2024-06-30` is the whole day, `2024-06` the month,
/// `2024` the year, `2024-06-30T10:00:00Z` one second, `1.5KB` the bytes 1500...1500. A
/// comparison or bracket uses the end of the interval that makes it read naturally: `<=d` and
/// `]` take the last second of `d`, `>=d` and `[` the first, `<d` and `{` lie before its
/// first, `>d` and `}` after its last.
enum FilterValueParser {
    /// The filter `name:value`, or a message saying what is wrong with `value`.
    static func filter(name: String, value: String) -> Result<Filter, FilterValueError> {
        switch name {
        case "type":
            guard let type = DocumentType(rawValue: value.lowercased()) else {
                let known = DocumentType.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(FilterValueError("unknown document type '\(value)' (known: \(known))"))
            }
            return .success(.type(type))
        case "ext":
            let ext = value.hasPrefix(".") ? String(value.dropFirst()) : value
            guard !ext.isEmpty else { return .failure(FilterValueError("'ext:' needs an extension such as ext:gz")) }
            return .success(.ext(ext.lowercased()))
        case "modified":
            return range(value, point: date).map { .modified($0) }
        default:
            return range(value, point: size).map { range in .size(FilterRange(lower: max(range.lower, 0), upper: range.upper)) }
        }
    }

    /// The value as an interval of integers `lower...upper` (both ends included).
    typealias Interval = (lower: Int64, upper: Int64)

    /// A comparison (`>=v`, `>v`, `<=v`, `<v`, `=v`, `v`) or a range (`[a TO b]`, `{a TO b}`,
    /// mixed brackets, `*` for an open end) over values read by `point`.
    static func range(_ text: String, point: (Substring) -> Result<Interval, FilterValueError>) -> Result<FilterRange, FilterValueError> {
        if let open = text.first, open == "[" || open == "{" {
            guard let close = text.last, text.count >= 2, close == "]" || close == "}" else {
                return .failure(FilterValueError("the range '\(text)' must end with ']' or '}'"))
            }
            let parts = text.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 3, parts[1].uppercased() == "TO" else {
                return .failure(FilterValueError("a range is written [from TO to], with '*' for an open end"))
            }
            var lower = Int64.min, upper = Int64.max
            if parts[0] != "*" {
                switch point(parts[0]) {
                case .failure(let error): return .failure(error)
                case .success(let v): lower = open == "[" ? v.lower : v.upper.addingSaturating(1)
                }
            }
            if parts[2] != "*" {
                switch point(parts[2]) {
                case .failure(let error): return .failure(error)
                case .success(let v): upper = close == "]" ? v.upper : v.lower.subtractingSaturating(1)
                }
            }
            return .success(FilterRange(lower: lower, upper: upper))
        }
        for (op, build) in comparisons where text.hasPrefix(op) {
            let rest = text.dropFirst(op.count)
            guard !rest.isEmpty else { return .failure(FilterValueError("'\(op)' needs a value after it")) }
            return point(rest).map(build)
        }
        guard !text.isEmpty else { return .failure(FilterValueError("the filter needs a value, a comparison or a range")) }
        return point(Substring(text)).map { FilterRange(lower: $0.lower, upper: $0.upper) }
    }

    /// Comparison operators, longest first, with the range each makes of a value's interval.
    private static let comparisons: [(String, @Sendable (Interval) -> FilterRange)] = [
        (">=", { FilterRange(lower: $0.lower) }),
        ("<=", { FilterRange(upper: $0.upper) }),
        (">", { FilterRange(lower: $0.upper.addingSaturating(1)) }),
        ("<", { FilterRange(upper: $0.lower.subtractingSaturating(1)) }),
        ("=", { FilterRange(lower: $0.lower, upper: $0.upper) }),
    ]

    // MARK: - Sizes

    /// Units of size, lowercased: decimal (`KB` = 1000) and binary (`KiB` = 1024).
    private static let units: [String: Int64] = [
        "": 1, "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000, "tb": 1_000_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
    ]

    /// A size: a decimal number (at most 9 digits after the point) and an optional unit, as the
    /// whole bytes it covers (`1.5KB` is 1500; `0.5B` is no whole byte, an empty interval).
    static func size(_ text: Substring) -> Result<Interval, FilterValueError> {
        let digitsEnd = text.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? text.endIndex
        let number = text[..<digitsEnd], unitText = text[digitsEnd...].lowercased()
        let pieces = number.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard let unit = units[unitText], !number.isEmpty, pieces.count <= 2, !pieces[0].isEmpty,
              pieces.count == 1 || (!pieces[1].isEmpty && pieces[1].count <= 9)
        else {
            return .failure(FilterValueError("'\(text)' is not a size such as 100, 1.5MB or 2GiB (units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)"))
        }
        let fraction = pieces.count == 2 ? pieces[1] : ""
        var denominator: Int64 = 1
        for _ in fraction { denominator *= 10 }
        guard let whole = Int64(pieces[0] + fraction) else { return .failure(FilterValueError("the size '\(text)' is too large")) }
        let (bytes, overflow) = whole.multipliedReportingOverflow(by: unit)
        guard !overflow else { return .failure(FilterValueError("the size '\(text)' is too large")) }
        let floor = bytes / denominator
        return .success((lower: bytes % denominator == 0 ? floor : floor + 1, upper: floor))
    }

    // MARK: - Dates

    /// A date or time in UTC unless it gives an offset: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
    /// `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS`, the time optionally followed by `Z` or
    /// `±HH:MM`; as the seconds since 1970 of its first and last second.
    static func date(_ text: Substring) -> Result<Interval, FilterValueError> {
        let bad = FilterValueError(
            "'\(text)' is not a date such as 2024, 2024-06, 2024-06-30 or 2024-06-30T10:00:00Z")
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4) else { return .failure(bad) }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0
        var span: Int64
        if scanner.atEnd {
            span = Int64(CivilDate.days(year: year + 1, month: 1, day: 1) - CivilDate.days(year: year, month: 1, day: 1)) * 86_400
        } else {
            guard scanner.take("-"), let m = scanner.number(digits: 2), (1...12).contains(m) else { return .failure(bad) }
            month = m
            let monthDays = CivilDate.daysIn(month: month, year: year)
            if scanner.atEnd {
                span = Int64(monthDays) * 86_400
            } else {
                guard scanner.take("-"), let d = scanner.number(digits: 2), (1...monthDays).contains(d) else { return .failure(bad) }
                day = d
                span = 86_400
                if !scanner.atEnd {
                    guard scanner.take("T") || scanner.take("t"), let h = scanner.number(digits: 2), h < 24, scanner.take(":"),
                          let mi = scanner.number(digits: 2), mi < 60
                    else { return .failure(bad) }
                    hour = h
                    minute = mi
                    span = 60
                    if scanner.take(":") {
                        guard let s = scanner.number(digits: 2), s < 60 else { return .failure(bad) }
                        second = s
                        span = 1
                    }
                    var offset = 0
                    if scanner.take("Z") || scanner.take("z") {
                    } else if let sign = scanner.take(anyOf: "+-") {
                        guard let oh = scanner.number(digits: 2), oh < 24, scanner.take(":"), let om = scanner.number(digits: 2), om < 60
                        else { return .failure(bad) }
                        offset = (oh * 60 + om) * 60 * (sign == "-" ? -1 : 1)
                    }
                    guard scanner.atEnd else { return .failure(bad) }
                    second -= offset
                }
            }
        }
        let start = Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        return .success((lower: start, upper: start + span - 1))
    }
}

/// What is wrong with a filter's value, for ``SyntaxProblem/invalidFilter(name:value:reason:)``.
struct FilterValueError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Reads fixed-width ASCII numbers and single characters off the front of a string.
private struct DigitScanner {
    private var rest: Substring
    init(_ text: Substring) { rest = text }

    var atEnd: Bool { rest.isEmpty }

    /// Exactly `digits` ASCII digits, as a number.
    mutating func number(digits: Int) -> Int? {
        let head = rest.prefix(digits)
        guard head.count == digits, head.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(head) else { return nil }
        rest = rest.dropFirst(digits)
        return value
    }

    /// Consumes `character` when it comes next.
    mutating func take(_ character: Character) -> Bool {
        guard rest.first == character else { return false }
        rest = rest.dropFirst()
        return true
    }

    /// Consumes and returns the next character when it is one of `characters`.
    mutating func take(anyOf characters: String) -> Character? {
        guard let first = rest.first, characters.contains(first) else { return nil }
        rest = rest.dropFirst()
        return first
    }
}

extension Int64 {
    func addingSaturating(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    func subtractingSaturating(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? .min : .max) : difference
    }
}
