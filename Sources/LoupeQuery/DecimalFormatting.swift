/// Plain decimal notation for numbers printed in query syntax, which has no exponents.
enum DecimalFormatting {
    /// `value` written with digits and at most one dot, never an exponent: `2`, `1.5`,
    /// `0.00001`, `100000000000000000000`. Non-finite values are written as Swift writes them.
    static func string(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let shortest = String(value)
        guard let exponentMark = shortest.firstIndex(of: "e"),
              let exponent = Int(shortest[shortest.index(after: exponentMark)...])
        else { return shortest }

        var mantissa = shortest[..<exponentMark]
        let sign = mantissa.first == "-" ? "-" : ""
        if !sign.isEmpty { mantissa.removeFirst() }
        let dot = mantissa.firstIndex(of: ".")
        let integerDigits = dot.map { mantissa[..<$0] } ?? mantissa
        let digits = Array(integerDigits + (dot.map { mantissa[mantissa.index(after: $0)...] } ?? ""))
        let point = integerDigits.count + exponent

        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + String(digits)
        }
        if point >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: point - digits.count)
        }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }
}
