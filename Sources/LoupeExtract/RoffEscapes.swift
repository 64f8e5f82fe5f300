/// Interpreting roff escapes (`\fB`, `\-`, `\(em`, `\*(lq`, ...) in a line of a man page.
extension RoffRenderer {
    /// Appends the text that `line[index...]` prints to `out`, fonts, sizes and motions
    /// dropped. Stops at a comment (`\"`, `\#`); `\c` sets ``joinNextLine``.
    func expand(_ line: ArraySlice<Unicode.Scalar>, into out: inout String, depth: Int = 0) {
        var index = line.startIndex
        while index < line.endIndex {
            let scalar = line[index]
            index += 1
            guard scalar == escapeCharacter, index < line.endIndex else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let code = line[index]
            index += 1
            switch code {
            case "\\", "e", "E": out.append("\\")
            case ".": out.append(".")
            case "-", "_": out.unicodeScalars.append(code == "-" ? "-" : "_")
            case " ", "~", "0", "t": out.append(" ")
            case "'": out.append("´")
            case "`": out.append("`")
            case "\"", "#": return
            case "c":
                joinNextLine = true
                return
            case "(", "[", "C":
                let name = code == "C" ? Self.delimited(line, &index) : Self.name(after: code, line, &index)
                out.append(RoffSpecialCharacters.replacement(for: name) ?? "")
            case "*":
                let name = Self.name(line, &index)
                if depth < 8, let value = strings[Self.firstWord(name)] {
                    expand(ArraySlice(Array(value.unicodeScalars)), into: &out, depth: depth + 1)
                }
            case "n":
                if index < line.endIndex, line[index] == "+" || line[index] == "-" { index += 1 }
                out.append(String(numberRegister(Self.name(line, &index))))
            case "f", "F", "g", "k", "m", "M", "O", "V", "Y", "$":
                _ = Self.name(line, &index)
            case "s":
                Self.skipSize(line, &index)
            case "h":
                // A motion to the right spaces words apart; one to the left (`\h'-1p'`) joins them.
                if !Self.delimited(line, &index).hasPrefix("-") { out.append(" ") }
            case "N":
                if let value = UInt32(Self.delimited(line, &index)), let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                }
            case "v", "w", "l", "L", "o", "b", "x", "X", "D", "R", "Z", "S", "H", "A", "B":
                _ = Self.delimited(line, &index)
            default:
                // \& \| \^ \% \: \/ \, \{ \} \a \d \u \r \p \z and unknown escapes print nothing
                // but the character itself for the unknown ones that are plain text.
                if code.properties.isAlphabetic || "&|^%:/,{})!?".unicodeScalars.contains(code) { continue }
                out.unicodeScalars.append(code)
            }
        }
    }

    /// A name after `\*`, `\n`, `\f`...: one character, `(` and two, or `[` ... `]`.
    static func name(_ line: ArraySlice<Unicode.Scalar>, _ index: inout Int) -> String {
        guard index < line.endIndex else { return "" }
        let first = line[index]
        index += 1
        if first == "(" || first == "[" { return name(after: first, line, &index) }
        return String(Character(first))
    }

    /// The name after `(` (two characters) or `[` (up to `]`).
    static func name(after opener: Unicode.Scalar, _ line: ArraySlice<Unicode.Scalar>, _ index: inout Int) -> String {
        var name = ""
        if opener == "(" {
            for _ in 0..<2 where index < line.endIndex {
                name.unicodeScalars.append(line[index])
                index += 1
            }
            return name
        }
        while index < line.endIndex, line[index] != "]" {
            name.unicodeScalars.append(line[index])
            index += 1
        }
        if index < line.endIndex { index += 1 }
        return name
    }

    /// The argument between a delimiter and its repetition (`\h'2n'`, `\N'233'`).
    static func delimited(_ line: ArraySlice<Unicode.Scalar>, _ index: inout Int) -> String {
        guard index < line.endIndex else { return "" }
        let delimiter = line[index]
        index += 1
        var argument = ""
        while index < line.endIndex, line[index] != delimiter {
            argument.unicodeScalars.append(line[index])
            index += 1
        }
        if index < line.endIndex { index += 1 }
        return argument
    }

    /// Skips the argument of `\s`: `\s0`, `\s12`, `\s+2`, `\s-1`, `\s(12`, `\s[12]`, `\s'12'`.
    static func skipSize(_ line: ArraySlice<Unicode.Scalar>, _ index: inout Int) {
        if index < line.endIndex, line[index] == "+" || line[index] == "-" { index += 1 }
        guard index < line.endIndex else { return }
        switch line[index] {
        case "(", "[": _ = name(line, &index)
        case "'": _ = delimited(line, &index)
        case "1"..."3" where index + 1 < line.endIndex && ("0"..."9").contains(line[index + 1]): index += 2
        case "0"..."9": index += 1
        default: break
        }
    }

    /// The first word of a `\*[name args]` reference.
    private static func firstWord(_ name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
    }
}
