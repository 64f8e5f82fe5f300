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
        guard let date = civil(fromDays: days), (0...9999).contains(date.year) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(date.year)
        return String(repeating: "0", count: 4 - year.count) + year + "-" + two(date.month) + "-" + two(date.day)
            + "T" + two(within / 3600) + ":" + two(within / 60 % 60) + ":" + two(within % 60) + "Z"
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (the inverse of
    /// `FilterValueParser.daysFromCivil`); nil far outside the years people write.
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int)? {
        guard abs(days) < 10_000_000 else { return nil }
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
