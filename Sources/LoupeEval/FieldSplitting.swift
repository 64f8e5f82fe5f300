/// Line and field splitting with the rules trec_eval.py gets from Python.
///
/// Python reads the file with universal newlines (`\n`, `\r\n` and a lone `\r` each end a line)
/// and splits each line with `str.split()`, whose separators are the characters for which
/// `str.isspace()` holds. Both rules are reproduced here over Unicode scalars, so identifiers are
/// split exactly where the reference evaluator splits them.
enum FieldSplitting {
    /// True for the scalars Python's `str.isspace()` accepts (Unicode `Zs`, or bidi class B, S or WS).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// Calls `body` with the 1-based number and the fields of every line of `text` that has at
    /// least one field; lines holding only whitespace are skipped, as in the reference.
    static func forEachLine<E: Error>(
        in text: String,
        _ body: (_ number: Int, _ fields: [String]) throws(E) -> Void
    ) throws(E) {
        let scalars = text.unicodeScalars
        var number = 1
        var fields: [String] = []
        var fieldStart: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let endsLine = scalar == "\n" || scalar == "\r"
            if endsLine || isWhitespace(scalar) {
                if let start = fieldStart {
                    fields.append(String(scalars[start..<index]))
                    fieldStart = nil
                }
            } else if fieldStart == nil {
                fieldStart = index
            }
            if endsLine {
                if !fields.isEmpty { try body(number, fields) }
                fields.removeAll(keepingCapacity: true)
                number += 1
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    index = scalars.index(after: next)
                    continue
                }
            }
            index = next
        }
        if let start = fieldStart { fields.append(String(scalars[start..<scalars.endIndex])) }
        if !fields.isEmpty { try body(number, fields) }
    }
}
