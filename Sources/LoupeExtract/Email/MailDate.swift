/// Parsing the dates of mail: RFC 5322 `Date:` values and the `asctime` form of mbox `From `
/// lines, into seconds since 1970.
///
/// Accepted: an optional day name (with or without comma), day, month name (any case),
/// year, `hh:mm[:ss]`, and a zone: `+hhmm`/`-hhmm`, `UT`, `GMT`, `Z`, the North American
/// names (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`), other letters as UTC (as
/// RFC 5322 says of military zones), none as UTC. Obsolete forms too: two-digit years (below
/// 50 are 20xx, else 19xx), three-digit years (+1900), comments (`(CET)`), missing seconds,
/// and the `asctime` order `Mon Jan  2 15:04:05 2006`, its year perhaps before a zone.
enum MailDate {
    static func parse(_ text: String) -> Int64? {
        var tokens: [Substring] = []
        var depth = 0
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(Substring(current)) }
            current = ""
        }
        for character in text {
            if character == "(" { depth += 1; flush(); continue }
            if character == ")" { depth = max(depth - 1, 0); continue }
            if depth > 0 { continue }
            if character == " " || character == "\t" || character == "," || character == "\n" {
                flush()
            } else {
                current.append(character)
            }
        }
        flush()
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for token in tokens {
            if time == nil, token.contains(":") {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard parts.count >= 2, parts.count <= 3, let hour = parts[0], let minute = parts[1],
                      hour < 24, minute < 60 else { return nil }
                let second = parts.count == 3 ? parts[2] ?? 0 : 0
                time = (hour, minute, min(second, 60))
            } else if let first = token.first, (first == "+" || first == "-"), token.count == 5,
                      let value = Int(token.dropFirst()) {
                let minutes = value / 100 * 60 + value % 100
                offset = (first == "-" ? -minutes : minutes) * 60
            } else if let number = Int(token), number >= 0 {
                // Day before year, whichever side of the month they are on; a number above
                // 31 can only be a year.
                if number > 31 || day != nil {
                    if year == nil { year = number }
                } else {
                    day = number
                }
            } else if month == nil, let found = monthNumber(token) {
                month = found
            } else if offset == nil, time != nil, let zone = zoneOffset(token) {
                offset = zone
            }
        }
        guard let day, let month, var year, let time else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        guard day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(time.0 * 3600 + time.1 * 60 + time.2)
        return seconds - Int64(offset ?? 0)
    }

    private static func monthNumber(_ token: Substring) -> Int? {
        guard token.count >= 3 else { return nil }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return names.firstIndex(of: token.prefix(3).lowercased()).map { $0 + 1 }
    }

    /// The offset of a named zone, in seconds; unknown alphabetic zones are UTC.
    private static func zoneOffset(_ token: Substring) -> Int? {
        guard token.allSatisfy({ $0.isLetter }) else { return nil }
        let hours: Int = switch token.uppercased() {
        case "EDT": -4
        case "EST", "CDT": -5
        case "CST", "MDT": -6
        case "MST", "PDT": -7
        case "PST": -8
        default: 0
        }
        return hours * 3600
    }
}
