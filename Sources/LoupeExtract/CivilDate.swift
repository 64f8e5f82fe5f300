/// Dates of the proleptic Gregorian calendar counted in days from 1970-01-01, the one calendar
/// arithmetic of documents' dates (mail headers) and of the query language's date filters.
///
/// Both directions count from 0000-03-01, so that the leap day ends a year, in eras of 400
/// years (146,097 days); they are exact for every year whose day count fits an `Int`.
public enum CivilDate {
    /// Days from 1970-01-01 to `year`-`month`-`day` (negative before it). `month` is 1...12;
    /// `day` is not checked against the month (see ``daysIn(month:year:)``).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01, the inverse of ``days(year:month:day:)``; nil when
    /// `days` is ten million or more away from it (beyond the years people write).
    public static func date(days: Int64) -> (year: Int, month: Int, day: Int)? {
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

    /// The number of days of `month` (1...12) in `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `year` has a 29th of February.
    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}
