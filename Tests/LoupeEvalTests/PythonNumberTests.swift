import Testing
@testable import LoupeEval

/// The relevance and score syntax, checked against what Python 3.11's `int()` and `float()` do
/// with the same strings.
@Suite struct PythonNumberTests {
    @Test(arguments: [
        ("1", 1), ("+1", 1), ("-0", 0), ("007", 7), ("-12", -12), ("1_0", 10), ("0_0", 0),
        ("\u{663}", 3), ("1\u{663}", 13),
    ])
    func integersPythonAccepts(text: String, value: Int) {
        #expect(PythonNumber.integer(text) == value)
    }

    @Test(arguments: ["", "+", "_1", "1_", "1__0", "+_1", "1.0", "1e3", "0x10", "\u{B2}", "99999999999999999999"])
    func integersPythonRejectsOrThatOverflow(text: String) {
        #expect(PythonNumber.integer(text) == nil)
    }

    @Test(arguments: [
        ("1", 1.0), ("-2.5", -2.5), (".5", 0.5), ("5.", 5.0), ("1e+5", 1e5), ("1E-3", 0.001),
        ("1_0.5", 10.5), ("1e1_0", 1e10), ("+.5e1", 5.0), ("\u{661}.\u{665}", 1.5),
        ("inf", .infinity), ("-Infinity", -.infinity), ("iNF", .infinity), ("1e400", .infinity), ("1e-400", 0.0),
    ])
    func floatsPythonAccepts(text: String, value: Double) {
        #expect(PythonNumber.float(text) == value)
    }

    @Test func nanInAnyCaseAndSignIsNaN() {
        for text in ["nan", "NaN", "+nan", "-NAN"] {
            #expect(PythonNumber.float(text)?.isNaN == true, "\(text)")
        }
    }

    @Test(arguments: [
        "", ".", "e5", "1e", "1e+", "1._5", "1_e5", "1.5_", "_1", "0x1p3", "nan(1)", "infinit", "in f", "--1", "1,5",
    ])
    func floatsPythonRejects(text: String) {
        #expect(PythonNumber.float(text) == nil)
    }
}
