/// Evaluating the conditions of `.if` and `.ie` as nroff (a terminal formatter, groff) would.
extension RoffRenderer {
    /// Whether the condition at the start of `text` holds, and the index just after it.
    func condition(_ text: ArraySlice<Unicode.Scalar>) -> (Bool, Int) {
        var index = text.startIndex
        var negate = false
        while index < text.endIndex, text[index] == "!" {
            negate.toggle()
            index += 1
        }
        guard index < text.endIndex else { return (negate, index) }
        let first = text[index]
        var result: Bool
        switch first {
        case "n", "o":
            result = true
            index += 1
        case "t", "e", "v", "h":
            result = false
            index += 1
        case "c", "d", "r", "m", "F", "S":
            index += 1
            while index < text.endIndex, text[index] == " " { index += 1 }
            var name = ""
            while index < text.endIndex, text[index] != " " {
                name.unicodeScalars.append(text[index])
                index += 1
            }
            switch first {
            case "c": result = true
            case "d": result = strings[name] != nil || macros[name] != nil
            case "r": result = numberRegisters[name] != nil
            default: result = false
            }
        case "0"..."9", "(", "\\", "+", "-", ".":
            let end = text[index...].firstIndex(of: " ") ?? text.endIndex
            result = evaluate(text[index..<end]) > 0
            index = end
        default:
            // 'string1'string2': equal after interpretation.
            index += 1
            var parts = ["", ""]
            for part in 0..<2 {
                let start = index
                while index < text.endIndex, text[index] != first { index += 1 }
                expand(text[start..<index], into: &parts[part])
                if index < text.endIndex { index += 1 }
            }
            result = parts[0] == parts[1]
        }
        return (result != negate, index)
    }

    /// A numeric expression, evaluated left to right as roff does (no precedence), with
    /// parentheses, number registers and scale units (ignored).
    func evaluate(_ text: ArraySlice<Unicode.Scalar>) -> Int {
        var index = text.startIndex
        return evaluate(text, &index)
    }

    private func evaluate(_ text: ArraySlice<Unicode.Scalar>, _ index: inout Int) -> Int {
        var value = operand(text, &index)
        while index < text.endIndex, text[index] != ")" {
            var op = String(Character(text[index]))
            index += 1
            if index < text.endIndex, "=<>".unicodeScalars.contains(text[index]), op != "&", op != ":" {
                op.unicodeScalars.append(text[index])
                index += 1
            }
            let right = operand(text, &index)
            switch op {
            case "+": value = value &+ right
            case "-": value = value &- right
            case "*": value = value &* right
            case "/": value = right == 0 ? 0 : value / right
            case "%": value = right == 0 ? 0 : value % right
            case "<": value = value < right ? 1 : 0
            case ">": value = value > right ? 1 : 0
            case "<=": value = value <= right ? 1 : 0
            case ">=": value = value >= right ? 1 : 0
            case "=", "==": value = value == right ? 1 : 0
            case "&": value = value > 0 && right > 0 ? 1 : 0
            case ":": value = value > 0 || right > 0 ? 1 : 0
            default: return value
            }
        }
        return value
    }

    private func operand(_ text: ArraySlice<Unicode.Scalar>, _ index: inout Int) -> Int {
        guard index < text.endIndex else { return 0 }
        var sign = 1
        if text[index] == "-" || text[index] == "+" {
            sign = text[index] == "-" ? -1 : 1
            index += 1
        }
        guard index < text.endIndex else { return 0 }
        var value = 0
        if text[index] == "(" {
            index += 1
            value = evaluate(text, &index)
            if index < text.endIndex { index += 1 }
        } else if text[index] == "\\", index + 1 < text.endIndex, text[index + 1] == "n" {
            index += 2
            value = numberRegister(Self.name(text, &index))
        } else {
            while index < text.endIndex, let digit = text[index].properties.numericType != nil
                    ? Int(String(Character(text[index]))) : nil {
                value = value &* 10 &+ digit
                index += 1
            }
            if index < text.endIndex, text[index] == "." {
                index += 1
                while index < text.endIndex, ("0"..."9").contains(text[index]) { index += 1 }
            }
        }
        // A scale unit after a number (m, n, v, u, i, c, p, P) does not change a comparison's sense.
        if index < text.endIndex, "mnvuicpPf".unicodeScalars.contains(text[index]) { index += 1 }
        return sign * value
    }
}
