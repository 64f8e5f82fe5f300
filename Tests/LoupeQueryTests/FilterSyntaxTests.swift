import LoupeExtract
import LoupeQuery
import Testing

@Suite("Filters: type:, ext:, modified:, size:")
struct FilterSyntaxTests {
    static let day: Int64 = 86_400
    /// 2024-01-01T00:00:00Z, 2024-06-30T00:00:00Z and 2002-01-01T00:00:00Z.
    static let jan2024: Int64 = 1_704_067_200, jun30: Int64 = 1_719_705_600, jan2002: Int64 = 1_009_843_200

    @Test(arguments: [
        ("type:pdf", Filter.type(.pdf)),
        ("TYPE:Epub", .type(.epub)),
        ("ext:gz", .ext("gz")),
        ("ext:.TAR", .ext("tar")),
        ("modified:>=2024-01-01", .modified(FilterRange(lower: jan2024))),
        ("modified:<2002-01-01", .modified(FilterRange(upper: jan2002 - 1))),
        ("modified:>2024-01-01", .modified(FilterRange(lower: jan2024 + day))),
        ("modified:<=2024-06-30", .modified(FilterRange(upper: jun30 + day - 1))),
        ("modified:[2024-01-01 TO 2024-06-30]", .modified(FilterRange(lower: jan2024, upper: jun30 + day - 1))),
        ("modified:{2024-01-01 TO 2024-06-30}", .modified(FilterRange(lower: jan2024 + day, upper: jun30 - 1))),
        ("modified:[2024-01-01 TO *]", .modified(FilterRange(lower: jan2024))),
        ("modified:[* to 2024-06-30}", .modified(FilterRange(upper: jun30 - 1))),
        ("modified:2024-06-30", .modified(FilterRange(lower: jun30, upper: jun30 + day - 1))),
        ("modified:2024", .modified(FilterRange(lower: jan2024, upper: 1_735_689_600 - 1))),
        ("modified:2024-02", .modified(FilterRange(lower: 1_706_745_600, upper: 1_709_251_200 - 1))),
        ("modified:>=2024-01-01T10:00:00Z", .modified(FilterRange(lower: jan2024 + 36_000))),
        ("modified:>=2024-01-01T10:00:00+02:00", .modified(FilterRange(lower: jan2024 + 28_800))),
        ("modified:<=2024-01-01T10:00", .modified(FilterRange(upper: jan2024 + 36_059))),
        ("modified:>=1969-12-31", .modified(FilterRange(lower: -day))),
        ("size:>1MB", .size(FilterRange(lower: 1_000_001))),
        ("size:<=100", .size(FilterRange(lower: 0, upper: 100))),
        ("size:>=1KiB", .size(FilterRange(lower: 1024))),
        ("size:<1.5kb", .size(FilterRange(lower: 0, upper: 1499))),
        ("size:>0.5B", .size(FilterRange(lower: 1))),
        ("size:[1MB TO 2MiB]", .size(FilterRange(lower: 1_000_000, upper: 2_097_152))),
        ("size:{100 TO 200}", .size(FilterRange(lower: 101, upper: 199))),
        ("size:2GB", .size(FilterRange(lower: 2_000_000_000, upper: 2_000_000_000))),
        ("size:<0", .size(FilterRange(lower: 1, upper: 0))),
    ])
    func parsesFilters(text: String, expected: Filter) throws {
        #expect(try strict(text) == .filter(expected))
        #expect(try lenient(text) == .filter(expected))
    }

    @Test func filtersCombineWithWordsAndEachOther() throws {
        #expect(try strict("war type:pdf") == boolean(should(term("war")), should(.filter(.type(.pdf)))))
        #expect(try strict("war -type:pdf") == boolean(should(term("war")), mustNot(.filter(.type(.pdf)))))
        #expect(try strict("war NOT ext:gz") == boolean(must(term("war")), mustNot(.filter(.ext("gz")))))
        #expect(try strict("type:pdf OR type:epub") == boolean(should(.filter(.type(.pdf))), should(.filter(.type(.epub)))))
        #expect(try strict("war AND (type:pdf OR type:epub)")
            == boolean(must(term("war")), must(boolean(should(.filter(.type(.pdf))), should(.filter(.type(.epub)))))))
        #expect(try strict("title:(war size:>1MB)") == boolean(should(term("war", .title)), should(.filter(.size(FilterRange(lower: 1_000_001))))))
        #expect(try strict("(type:pdf)") == .filter(.type(.pdf)))
        #expect(try strict("war type\\:pdf") == boolean(should(term("war")), should(term("type:pdf"))))
    }

    @Test(arguments: [
        ("type:pdff", "unknown document type 'pdff'"),
        ("type:", "unknown document type ''"),
        ("ext:", "'ext:' needs an extension"),
        ("modified:yesterday", "is not a date"),
        ("modified:>=2024-13-01", "is not a date"),
        ("modified:2023-02-29", "is not a date"),
        ("modified:>=", "'>=' needs a value"),
        ("modified:[2024 TO]", "a range is written [from TO to]"),
        ("modified:[2024 2025]", "a range is written [from TO to]"),
        ("modified:[2024 TO 2025", "must end with ']' or '}'"),
        ("modified:2024-01-01T25:00Z", "is not a date"),
        ("size:>1XB", "is not a size"),
        ("size:1.", "is not a size"),
        ("size:>99999999999TB", "is too large"),
        ("size:", "the filter needs a value"),
    ])
    func badValuesAreSyntaxErrors(text: String, reason: String) throws {
        let error = try #require(strictError("war " + text))
        guard case .invalidSyntax(.invalidFilter(let name, _, let why), let column) = error else {
            Issue.record("\(text): \(error)")
            return
        }
        #expect(text.hasPrefix(name + ":"))
        #expect(column == 5)
        #expect(why.contains(reason), "\(why)")
        #expect(error.message.hasPrefix("invalid filter '\(text)'"))
    }

    @Test func lenientModeReadsABadFilterAsText() throws {
        #expect(try lenient("war modified:yesterday") == boolean(should(term("war")), should(term("modified:yesterday"))))
        #expect(try lenient("size:>>") == .matchNone || (try lenient("size:>>")) == term("size:>>"))
        #expect(try lenient("type:pdff") == term("type:pdff"))
    }

    @Test func unknownFieldMessageNamesTheFilters() {
        let error = strictError("colour:red")
        #expect(error?.message.contains("filters: type, ext, modified, size") == true)
    }

    @Test(arguments: [
        "type:pdf", "ext:gz", "-type:pdf war", "modified:>=2024-01-01", "modified:<2002-01-01",
        "modified:[2024-01-01 TO 2024-06-30]", "modified:{2024-01-01 TO 2024-06-30}", "modified:<0000-01-01",
        "modified:>9999-12-31", "modified:[* TO *]", "size:>1MB", "size:<=100", "size:<0", "size:[* TO *]",
        "war AND (type:pdf OR type:epub) -ext:gz", "modified:>=2024-01-01T10:00:00+02:00",
    ])
    func descriptionReadsBack(text: String) throws {
        let node = try strict(text)
        #expect(try strict(node.description) == node, "\(node.description)")
    }

    @Test func descriptionsAreCanonical() throws {
        #expect(try strict("modified:[2024-01-01 TO 2024-06-30]").description == "modified:[2024-01-01T00:00:00Z TO 2024-06-30T23:59:59Z]")
        #expect(try strict("size:>1MB").description == "size:[1000001 TO *]")
        #expect(try strict("modified:>9999-12-31").description == "modified:{9999-12-31T23:59:59Z TO *]")
        #expect(try strict("war -type:pdf").description == "war -type:pdf")
    }
}
