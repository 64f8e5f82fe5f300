import Testing
import LoupeExtract

/// ``CivilDate`` against dates whose day numbers are known, and its two directions against each
/// other, day by day, over leap years, century years and the years before 1970 and before 0.
@Suite struct CivilDateTests {
    @Test func knownDays() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.days(year: 2026, month: 12, day: 3) == 20_790)
        #expect(CivilDate.days(year: 0, month: 3, day: 1) == -719_468)
    }

    @Test func bothDirectionsAgreeDayByDay() {
        var days = CivilDate.days(year: -401, month: 1, day: 1)
        for year in -401...2401 {
            #expect(CivilDate.isLeap(year) == ((1...12).map { CivilDate.daysIn(month: $0, year: year) }.reduce(0, +) == 366))
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    guard CivilDate.days(year: year, month: month, day: day) == days,
                          let back = CivilDate.date(days: Int64(days)), back == (year, month, day)
                    else {
                        Issue.record("\(year)-\(month)-\(day) is not day \(days)")
                        return
                    }
                    days += 1
                }
            }
        }
    }

    @Test func leapRules() {
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilDate.daysIn(month: 4, year: 2023) == 30)
        #expect(CivilDate.date(days: 10_000_000) == nil)
    }
}
