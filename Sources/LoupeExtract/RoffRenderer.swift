/// Renders the roff source of a man page to plain text, as `man` would show it on a
/// terminal without fonts or layout: the man(7) macros (`.TH .SH .SS .PP .TP .IP .B .I .BR`,
/// ...), the basic mdoc(7) ones (``RoffRenderer/mdocRequest(_:_:)``), escapes
/// (``RoffRenderer/expand(_:into:depth:)``), strings (`.ds`), number registers (`.nr`),
/// conditionals (`.if`, `.ie`, `.el`, with `\{ ... \}` blocks, evaluated as nroff would),
/// macros the page defines (`.de`), translations (`.tr`), `.so` inclusion, and tbl tables.
///
/// Paragraphs are filled onto one line each, with a blank line between them; no-fill
/// blocks (`.nf`, `.EX`, `.Bd -literal`) keep their lines. Work is bounded: at most
/// ``maxLines`` lines are processed, expansions of strings and macros nest at most 8 deep.
final class RoffRenderer {
    /// The most source lines processed, macro expansions and inclusions counted.
    static let maxLines = 100_000

    let escapeCharacter: Unicode.Scalar = "\\"
    var strings: [String: String] = ["R": "®", "Tm": "™", "lq": "“", "rq": "”"]
    /// `.g` is 1: pages may test for groff.
    var numberRegisters: [String: Int] = [".g": 1]
    var macros: [String: [String]] = [:]
    var translations: [Unicode.Scalar: Unicode.Scalar] = [:]
    /// Set by `\c`: the next line's text continues this line's without a space.
    var joinNextLine = false

    /// The name and section from `.TH` or `.Dt`.
    var pageName = ""
    var pageSection = ""
    /// From mdoc's first `.Nm` and `.Nd`.
    var mdocName = ""
    var mdocDescription: String?

    /// Reads the file that `.so` names, or `nil` when it cannot be found.
    private let include: (String) -> [UInt8]?
    private var lines: [String] = []
    private var pending = ""
    private var continuesPending = false
    private var fill = true
    private var headingNext = false
    private var tagNext = false
    private var link: String?
    /// The lines of the NAME section (or, without one, the first section), once known.
    private var nameStart: Int?
    private var nameEnd: Int?
    private var headingCount = 0
    private var skipUntil: String?
    private var braceSkipDepth = 0
    private var ieResults: [Bool] = []
    private var defining: (name: String, end: String, body: [String])?
    private var table: TableState?
    /// The character between a table's cells: a tab, unless its options say `tab(x)`.
    private var cellSeparator: Character = "\t"
    private var processedLines = 0
    private var depth = 0

    private enum TableState { case options, format, data }

    init(include: @escaping (String) -> [UInt8]?) {
        self.include = include
    }

    /// The number register `name`, 0 when unset.
    func numberRegister(_ name: String) -> Int { numberRegisters[name] ?? 0 }

    /// Renders `source`, a whole page.
    func render(_ source: String) {
        var logical: [Unicode.Scalar] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(line.unicodeScalars)
            var backslashes = 0
            while backslashes < scalars.count, scalars[scalars.count - 1 - backslashes] == "\\" { backslashes += 1 }
            if backslashes % 2 == 1 {
                logical += scalars.dropLast()
                continue
            }
            logical += scalars
            processLine(logical[...])
            logical.removeAll(keepingCapacity: true)
        }
        if !logical.isEmpty { processLine(logical[...]) }
    }

    /// The text rendered so far.
    var text: String {
        var all = lines
        if !pending.isEmpty { all.append(pending) }
        while all.last?.isEmpty == true { all.removeLast() }
        return all.joined(separator: "\n")
    }

    /// The text of the NAME section, on one line.
    var nameSectionText: String {
        guard let start = nameStart else { return "" }
        var all = lines
        if !pending.isEmpty { all.append(pending) }
        let end = min(nameEnd ?? all.count, all.count)
        return start < end ? all[start..<end].joined(separator: " ") : ""
    }

    // MARK: Lines

    private func processLine(_ line: ArraySlice<Unicode.Scalar>) {
        processedLines += 1
        guard processedLines <= Self.maxLines else { return }
        if let definition = defining {
            if Self.isEnd(line, definition.end) {
                macros[definition.name] = definition.body
                defining = nil
            } else {
                defining?.body.append(String(String.UnicodeScalarView(line)))
            }
            return
        }
        if let end = skipUntil {
            if Self.isEnd(line, end) { skipUntil = nil }
            return
        }
        if braceSkipDepth > 0 {
            braceSkipDepth += Self.count("{", in: line) - Self.count("}", in: line)
            if braceSkipDepth < 0 { braceSkipDepth = 0 }
            return
        }
        if let first = line.first, first == "." || first == "'" {
            request(line.dropFirst())
        } else if table == .options || table == .format {
            tableLayout(line)
        } else if table == .data {
            tableRow(line)
        } else {
            textLine(line)
        }
    }

    /// Whether `line` is the request `.end` (`..` for `end` "."), spaces after the dot allowed.
    private static func isEnd(_ line: ArraySlice<Unicode.Scalar>, _ end: String) -> Bool {
        guard line.first == "." || line.first == "'" else { return false }
        let rest = String(String.UnicodeScalarView(line.dropFirst())).trimmingLeadingBlanks()
        return rest == end || rest.hasPrefix(end + " ") || rest.hasPrefix(end + "\\")
    }

    /// How many `\{` (or `\}`) the line holds.
    private static func count(_ brace: Unicode.Scalar, in line: ArraySlice<Unicode.Scalar>) -> Int {
        var found = 0
        var index = line.startIndex
        while index + 1 < line.endIndex {
            if line[index] == "\\" {
                if line[index + 1] == brace { found += 1 }
                index += 2
            } else {
                index += 1
            }
        }
        return found
    }

    private func textLine(_ line: ArraySlice<Unicode.Scalar>) {
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            paragraph()
            return
        }
        if fill, line.first == " " || line.first == "\t", !continuesPending { flush() }
        emit(render(line))
    }

    /// The text that `raw` prints.
    func render(_ raw: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        expand(raw, into: &out)
        return out
    }

    // MARK: Output

    /// Adds `text` to the current line (a heading or tag when one is awaited).
    func emit(_ rendered: String) {
        var text = rendered
        if !translations.isEmpty {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { translations[$0] ?? $0 }))
        }
        text = text.replacingTabs()
        let join = continuesPending
        continuesPending = joinNextLine
        joinNextLine = false
        if headingNext {
            headingNext = false
            heading(text)
            return
        }
        if pending.isEmpty || join {
            pending += join ? text : text.trimmingLeadingBlanks()
        } else {
            pending += " " + text.trimmingLeadingBlanks()
        }
        if tagNext {
            tagNext = false
            flush()
        } else if !fill, !continuesPending {
            flushKeepingBlank()
        }
    }

    /// Switches fill mode (off for literal displays), ending the current line.
    func setFill(_ on: Bool) {
        if fill { flush() } else if !pending.isEmpty { flushKeepingBlank() }
        fill = on
    }

    /// Ends the current line.
    func flush() {
        let line = fill ? pending.collapsingBlanks() : pending
        if !line.isEmpty { lines.append(line) }
        pending = ""
        continuesPending = false
    }

    /// Ends the current line in no-fill mode, where an empty line is kept.
    private func flushKeepingBlank() {
        lines.append(pending)
        pending = ""
    }

    /// Ends the paragraph: the current line, then one blank line.
    func paragraph() {
        flush()
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    /// A section heading, on its own line between blank lines.
    func heading(_ text: String) {
        paragraph()
        let title = text.collapsingBlanks()
        if nameStart != nil, nameEnd == nil { nameEnd = lines.count }
        if title.uppercased() == "NAME" || headingCount == 0 {
            nameStart = lines.count + 2
            nameEnd = nil
        }
        headingCount += 1
        lines.append(title)
        lines.append("")
    }

    // MARK: Requests

    /// Handles the control line whose text after the `.` is `body`.
    private func request(_ body: ArraySlice<Unicode.Scalar>) {
        var index = body.startIndex
        while index < body.endIndex, body[index] == " " || body[index] == "\t" { index += 1 }
        let nameStart = index
        while index < body.endIndex, body[index] != " ", body[index] != "\t", body[index] != "\\" { index += 1 }
        let name = String(String.UnicodeScalarView(body[nameStart..<index]))
        var rest = body[index...]
        while let first = rest.first, first == " " || first == "\t" { rest = rest.dropFirst() }
        if name.isEmpty {
            // `.\"` comments, `.\}` ends of blocks and lone dots.
            return
        }
        switch name {
        case "if":
            let (holds, end) = condition(rest)
            conditional(holds, rest[end...])
        case "ie":
            let (holds, end) = condition(rest)
            ieResults.append(holds)
            conditional(holds, rest[end...])
        case "el":
            conditional(!(ieResults.popLast() ?? true), rest)
        case "de", "de1", "am", "am1", "dei", "ami":
            let words = arguments(rest).map { String(String.UnicodeScalarView($0)) }
            guard let macro = words.first else { return }
            let existing = name.hasPrefix("am") ? macros[macro] ?? [] : []
            defining = (macro, words.count > 1 ? words[1] : ".", existing)
        case "ig":
            skipUntil = arguments(rest).first.map { String(String.UnicodeScalarView($0)) } ?? "."
        case "ds", "ds1", "as", "as1":
            defineString(rest, appending: name.hasPrefix("as"))
        case "nr":
            let words = arguments(rest)
            guard let register = words.first.map({ String(String.UnicodeScalarView($0)) }) else { return }
            numberRegisters[register] = words.count > 1 ? evaluate(words[1]) : 0
        case "rr":
            if let register = arguments(rest).first { numberRegisters[String(String.UnicodeScalarView(register))] = nil }
        case "tr":
            translate(render(rest))
        case "so":
            includeFile(String(String.UnicodeScalarView(rest)).trimmingTrailingBlanks())
        case "TS":
            paragraph()
            table = .options
            cellSeparator = "\t"
        case "TE":
            table = nil
            paragraph()
        case "T&":
            table = .format
        case "EQ":
            skipUntil = "EN"
        case "PS":
            skipUntil = "PE"
        default:
            if let body = macros[name] {
                call(body, arguments(rest))
            } else if !manRequest(name, arguments(rest)) {
                _ = mdocRequest(name, arguments(rest))
            }
        }
    }

    /// Runs the body of `.if`/`.ie`/`.el` when `holds`, or skips it (and its `\{` block).
    private func conditional(_ holds: Bool, _ body: ArraySlice<Unicode.Scalar>) {
        var rest = body
        while let first = rest.first, first == " " || first == "\t" { rest = rest.dropFirst() }
        let opensBlock = rest.starts(with: ["\\", "{"])
        if opensBlock { rest = rest.dropFirst(2) }
        if holds {
            while let first = rest.first, first == " " || first == "\t" { rest = rest.dropFirst() }
            if !rest.isEmpty { processLine(rest) }
        } else if opensBlock {
            braceSkipDepth = max(1 + Self.count("{", in: rest) - Self.count("}", in: rest), 0)
        }
    }

    /// The arguments of a request: words separated by blanks, or in double quotes (where
    /// `""` is a quote). Escapes are kept, to be interpreted by the caller.
    func arguments(_ rest: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var words: [ArraySlice<Unicode.Scalar>] = []
        var index = rest.startIndex
        while index < rest.endIndex {
            while index < rest.endIndex, rest[index] == " " || rest[index] == "\t" { index += 1 }
            guard index < rest.endIndex else { break }
            if rest[index] == "\\", index + 1 < rest.endIndex, rest[index + 1] == "\"" { break }
            var word: [Unicode.Scalar] = []
            if rest[index] == "\"" {
                index += 1
                while index < rest.endIndex {
                    if rest[index] == "\"" {
                        if index + 1 < rest.endIndex, rest[index + 1] == "\"" {
                            word.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    word.append(rest[index])
                    index += 1
                }
            } else {
                while index < rest.endIndex, rest[index] != " ", rest[index] != "\t" {
                    if rest[index] == "\\", index + 1 < rest.endIndex {
                        word.append(rest[index])
                        index += 1
                    }
                    word.append(rest[index])
                    index += 1
                }
            }
            words.append(word[...])
        }
        return words
    }

    private func defineString(_ rest: ArraySlice<Unicode.Scalar>, appending: Bool) {
        var index = rest.startIndex
        while index < rest.endIndex, rest[index] != " ", rest[index] != "\t" { index += 1 }
        let name = String(String.UnicodeScalarView(rest[rest.startIndex..<index]))
        guard !name.isEmpty else { return }
        while index < rest.endIndex, rest[index] == " " || rest[index] == "\t" { index += 1 }
        if index < rest.endIndex, rest[index] == "\"" { index += 1 }
        let value = String(String.UnicodeScalarView(rest[index...])).replacingOccurrences("\\\\", "\\")
        strings[name] = appending ? (strings[name] ?? "") + value : value
    }

    private func translate(_ pairs: String) {
        let scalars = Array(pairs.unicodeScalars)
        var index = 0
        while index < scalars.count {
            translations[scalars[index]] = index + 1 < scalars.count ? scalars[index + 1] : " "
            index += 2
        }
    }

    /// Runs a macro the page defined, its `\$1`... replaced by `words`.
    private func call(_ body: [String], _ words: [ArraySlice<Unicode.Scalar>]) {
        guard depth < 8 else { return }
        depth += 1
        defer { depth -= 1 }
        let values = words.map { String(String.UnicodeScalarView($0)) }
        for line in body {
            var text = line.replacingOccurrences("\\\\", "\\")
            text = text.replacingOccurrences("\\$*", values.joined(separator: " "))
            text = text.replacingOccurrences("\\$@", values.map { "\"\($0)\"" }.joined(separator: " "))
            text = text.replacingOccurrences("\\n(.$", String(values.count))
            for number in (1...9).reversed() {
                text = text.replacingOccurrences("\\$\(number)", number <= values.count ? values[number - 1] : "")
            }
            processLine(Array(text.unicodeScalars)[...])
        }
    }

    /// `.so FILE`: the file's lines, rendered in place.
    private func includeFile(_ name: String) {
        guard depth < 8, !name.isEmpty, let bytes = include(name) else { return }
        depth += 1
        defer { depth -= 1 }
        let saved = (joinNextLine, continuesPending)
        render(TextDecoding.string(from: bytes.withUnsafeBytes { TextDecoding.normalizedBytes($0) }))
        (joinNextLine, continuesPending) = saved
    }

    // MARK: man(7)

    /// Handles a man(7) macro; `false` when `name` is not one.
    private func manRequest(_ name: String, _ words: [ArraySlice<Unicode.Scalar>]) -> Bool {
        switch name {
        case "TH":
            pageName = words.first.map { render($0) } ?? ""
            pageSection = words.count > 1 ? render(words[1]) : ""
        case "SH", "SS":
            if words.isEmpty { headingNext = true } else { heading(words.map { render($0) }.joined(separator: " ")) }
        case "PP", "LP", "P", "HP", "sp", "bp":
            paragraph()
        case "br", "RS", "RE", "in", "ti", "ce", "YS":
            flush()
        case "TP", "TQ":
            if name == "TP" { paragraph() } else { flush() }
            tagNext = true
        case "IP":
            paragraph()
            if let tag = words.first, !render(tag).isEmpty {
                emit(render(tag))
                flush()
            }
        case "B", "I", "SM", "SB":
            if !words.isEmpty { emit(words.map { render($0) }.joined(separator: " ")) }
        case "BR", "BI", "IB", "IR", "RB", "RI":
            emit(words.map { render($0) }.joined())
        case "nf", "EX":
            setFill(false)
        case "fi", "EE":
            setFill(true)
        case "UR", "MT":
            link = words.first.map { render($0) }
        case "UE", "ME":
            if let target = link { emit("<\(target)>" + words.map { render($0) }.joined()) }
            link = nil
        case "OP":
            emit("[" + words.map { render($0) }.joined(separator: " ") + "]")
        case "SY":
            paragraph()
            emit(words.map { render($0) }.joined(separator: " "))
        case "MR":
            guard words.count >= 2 else { return true }
            emit(render(words[0]) + "(" + render(words[1]) + ")" + (words.count > 2 ? render(words[2]) : ""))
        default:
            return false
        }
        return true
    }

    // MARK: tbl

    /// A line of a table's options (which may set the cell separator) or format, not printed;
    /// the format ends with `.`.
    private func tableLayout(_ line: ArraySlice<Unicode.Scalar>) {
        let text = String(String.UnicodeScalarView(line)).trimmingTrailingBlanks()
        if table == .options, text.hasSuffix(";") {
            if let open = text[...].range(of: "tab("), let separator = text[open.upperBound...].first { cellSeparator = separator }
            table = .format
            return
        }
        table = text.hasSuffix(".") ? .data : .format
    }

    /// A row of a table: its cells, tab-separated, on one line.
    private func tableRow(_ line: ArraySlice<Unicode.Scalar>) {
        let text = String(String.UnicodeScalarView(line))
        if text == "_" || text == "=" { return }
        let cells = text.split(separator: cellSeparator, omittingEmptySubsequences: false).map { cell -> String in
            var raw = String(cell)
            if raw.hasPrefix("T}") { raw.removeFirst(2) }
            if raw.hasSuffix("T{") { raw.removeLast(2) }
            return render(Array(raw.unicodeScalars)[...]).collapsingBlanks()
        }
        let row = cells.filter { !$0.isEmpty && $0 != "_" && $0 != "=" }.joined(separator: " ")
        if !row.isEmpty { emit(row) }
        flush()
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    /// Splits around every `separator`.
    private func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    func trimmingLeadingBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }

    func trimmingTrailingBlanks() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    /// The string with tabs as spaces, runs of blanks collapsed and ends trimmed.
    func collapsingBlanks() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}

extension Substring {
    /// The range of the first occurrence of `target`.
    func range(of target: String) -> Range<Index>? {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return nil }
        var index = utf8.startIndex
        while let start = utf8[index...].firstIndex(of: first) {
            if utf8[start...].starts(with: needle) {
                return start..<utf8.index(start, offsetBy: needle.count)
            }
            index = utf8.index(after: start)
        }
        return nil
    }
}
