import LoupeExtract

extension Filter: CustomStringConvertible {
    /// The filter in canonical query syntax, which parses back to the same filter: `type:pdf`,
    /// `ext:gz`, ranges as `modified:[2024-01-01T00:00:00Z TO 2024-06-30T23:59:59Z]` (UTC
    /// seconds) and `size:[1000001 TO *]` (bytes), `*` for an open end.
    public var description: String {
        switch self {
        case .type(let type): "type:" + type.rawValue
        case .ext(let ext): "ext:" + ext
        case .modified(let range): "modified:" + Self.rangeText(range, Self.timestamp)
        case .size(let range): "size:" + Self.rangeText(range) { String($0) }
        }
    }

    /// `[lower TO upper]`; a bound that `format` cannot write (nil) is written as the next value
    /// outside it, with an exclusive bracket.
    private static func rangeText(_ range: FilterRange, _ format: (Int64) -> String?) -> String {
        var lower = "[*", upper = "*]"
        if range.lower != .min {
            lower = format(range.lower).map { "[" + $0 } ?? format(range.lower - 1).map { "{" + $0 } ?? "[*"
        }
        if range.upper != .max {
            upper = format(range.upper).map { $0 + "]" } ?? format(range.upper + 1).map { $0 + "}" } ?? "*]"
        }
        return lower + " TO " + upper
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a second of the years 0000 to 9999; nil outside them.
    static func timestamp(_ seconds: Int64) -> String? {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let within = Int(seconds - days * 86_400)
        guard let date = CivilDate.date(days: days), (0...9999).contains(date.year) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(date.year)
        return String(repeating: "0", count: 4 - year.count) + year + "-" + two(date.month) + "-" + two(date.day)
            + "T" + two(within / 3600) + ":" + two(within / 60 % 60) + ":" + two(within % 60) + "Z"
    }
}
