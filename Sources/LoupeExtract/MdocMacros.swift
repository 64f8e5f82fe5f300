/// The basic mdoc(7) macros of BSD-style man pages: the prologue (`.Dd .Dt .Os`), sections
/// (`.Sh .Ss`), the name and description (`.Nm .Nd`), paragraphs, lists and displays (`.Pp
/// .Bl .It .El .Bd .Ed .D1 .Dl`), and the callable in-line macros (`.Fl`, `.Ar`, `.Xr`, `.Op`,
/// quotes and brackets, `.Ns`, ...), rendered as `mandoc -T ascii` would without fonts.
extension RoffRenderer {
    /// The in-line macros recognised inside a line's arguments.
    static let mdocCallable: Set<String> = [
        "Ac", "Ad", "An", "Ao", "Aq", "Ar", "At", "Bc", "Bo", "Bq", "Brc", "Bro", "Brq", "Bsx", "Bx",
        "Cd", "Cm", "Dc", "Do", "Dq", "Dv", "Dx", "Em", "Er", "Ev", "Fa", "Fl", "Fn", "Ft", "Fx", "Ic",
        "In", "Li", "Lk", "Ms", "Mt", "Nm", "No", "Ns", "Nx", "Oc", "Oo", "Op", "Ox", "Pa", "Pc", "Pf",
        "Po", "Pq", "Qc", "Ql", "Qo", "Qq", "Sc", "So", "Sq", "St", "Sx", "Sy", "Ta", "Tn", "Ux", "Va",
        "Vt", "Xr",
    ]

    private static let openers: [String: (open: String, close: String)] = [
        "Op": ("[", "]"), "Oo": ("[", "]"), "Dq": ("“", "”"), "Do": ("“", "”"), "Sq": ("‘", "’"),
        "So": ("‘", "’"), "Pq": ("(", ")"), "Po": ("(", ")"), "Aq": ("<", ">"), "Ao": ("<", ">"),
        "Bq": ("[", "]"), "Bo": ("[", "]"), "Brq": ("{", "}"), "Bro": ("{", "}"), "Qq": ("\"", "\""),
        "Qo": ("\"", "\""),
    ]
    private static let closers: [String: String] = [
        "Oc": "]", "Dc": "”", "Sc": "’", "Pc": ")", "Ac": ">", "Bc": "]", "Brc": "}", "Qc": "\"",
    ]
    private static let systems: [String: String] = [
        "At": "AT&T UNIX", "Bx": "BSD", "Bsx": "BSD/OS", "Fx": "FreeBSD", "Nx": "NetBSD", "Ox": "OpenBSD",
        "Dx": "DragonFly", "Ux": "UNIX",
    ]

    /// Handles an mdoc macro line; `false` when `name` is not one.
    func mdocRequest(_ name: String, _ words: [ArraySlice<Unicode.Scalar>]) -> Bool {
        switch name {
        case "Dd", "Os", "Bf", "Ef", "Bk", "Ek", "Sm", "Rs":
            break
        case "Dt":
            pageName = words.first.map { render($0) } ?? ""
            pageSection = words.count > 1 ? render(words[1]) : ""
        case "Sh", "Ss":
            heading(words.map { render($0) }.joined(separator: " "))
        case "Pp", "Lp", "Bl", "El", "Re":
            paragraph()
        case "Nd":
            let description = mdocLine(words)
            if mdocDescription == nil { mdocDescription = description }
            emit("— " + description)
        case "It":
            flush()
            let tag = mdocLine(words)
            if !tag.isEmpty {
                emit(tag)
                flush()
            }
        case "Bd":
            paragraph()
            if words.contains(where: { ["-literal", "-unfilled"].contains(render($0)) }) { setFill(false) }
        case "Ed":
            setFill(true)
            paragraph()
        case "D1", "Dl":
            flush()
            emit(mdocLine(words))
            flush()
        case "Rv":
            let function = words.last.map { render($0) } ?? ""
            emit("The \(function)() function returns the value 0 if successful; otherwise the value -1 is "
                + "returned and the global variable errno is set to indicate the error.")
        case "Ex":
            let utility = words.count > 1 ? render(words[words.count - 1]) : mdocName
            emit("The \(utility) utility exits 0 on success, and >0 if an error occurs.")
        case "%A", "%B", "%C", "%D", "%I", "%J", "%N", "%O", "%P", "%Q", "%R", "%T", "%U", "%V":
            emit(mdocLine(words) + ",")
        default:
            guard Self.mdocCallable.contains(name) else { return false }
            emit(mdocLine([Array(name.unicodeScalars)[...]] + words))
        }
        return true
    }

    /// A line of in-line macros and words, rendered.
    func mdocLine(_ words: [ArraySlice<Unicode.Scalar>]) -> String {
        var out = ""
        var noSpace = false
        var pendingClosers: [String] = []
        func word(_ text: String, attach: Bool = false) {
            guard !text.isEmpty else { return }
            let punctuation = text.count == 1 && ".,;:?!)]".contains(text)
            if punctuation, !attach, let closer = pendingClosers.popLast() {
                out += closer
                pendingClosers.removeAll()
            }
            if out.isEmpty || noSpace || attach || punctuation || out.last == "(" || out.last == "[" {
                out += text
            } else {
                out += " " + text
            }
            noSpace = false
        }
        var index = 0
        func isMacro(_ position: Int) -> Bool {
            position < words.count && Self.mdocCallable.contains(String(String.UnicodeScalarView(words[position])))
        }
        func nextWord() -> String? {
            guard index < words.count, !isMacro(index) else { return nil }
            defer { index += 1 }
            return render(words[index])
        }
        while index < words.count {
            let raw = String(String.UnicodeScalarView(words[index]))
            let macro = isMacro(index)
            index += 1
            guard macro else {
                word(render(words[index - 1]))
                continue
            }
            if let pair = Self.openers[raw] {
                word(pair.open)
                noSpace = true
                if raw.hasSuffix("q") || raw == "Op" { pendingClosers.append(pair.close) }
                continue
            }
            if let closer = Self.closers[raw] {
                word(closer, attach: true)
                continue
            }
            if let system = Self.systems[raw] {
                word(system)
                continue
            }
            switch raw {
            case "Fl":
                var any = false
                while let flag = nextWord() {
                    if flag.count == 1, ".,;:?!)]|".contains(flag) {
                        word(flag)
                    } else {
                        word("-" + flag)
                    }
                    any = true
                }
                if !any { word("-") }
            case "Xr":
                let page = nextWord() ?? ""
                let section = nextWord().map { "(\($0))" } ?? ""
                word(page + section)
            case "Ns":
                noSpace = true
            case "Nm":
                if index < words.count, !isMacro(index) {
                    let name = render(words[index])
                    if mdocName.isEmpty, !(name.count == 1 && ".,;:".contains(name)) { mdocName = name }
                } else {
                    word(mdocName)
                }
            case "Ar":
                if index >= words.count || isMacro(index) { word("file ...") }
            case "Fn":
                let function = nextWord() ?? ""
                var parameters: [String] = []
                while let parameter = nextWord() { parameters.append(parameter) }
                word(function + "(" + parameters.joined(separator: ", ") + ")")
            case "Pf":
                if let prefix = nextWord() {
                    word(prefix)
                    noSpace = true
                }
            default:
                break
            }
        }
        for closer in pendingClosers.reversed() { out += closer }
        return out
    }
}
