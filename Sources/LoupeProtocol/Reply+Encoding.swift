extension Reply {
    /// The reply as it goes on the wire: its lines, each ending in `\n`.
    public var encoded: String {
        var out = ""
        encode(into: &out)
        return out
    }

    /// Appends the wire form of the reply to `out`.
    public func encode(into out: inout String) {
        switch self {
        case .hello(let g):
            out += "HELLO protocol=\(g.protocolVersion) max_line=\(g.maxLineBytes) auth=\(g.authRequired ? "required" : "none") server=\(FieldEscaping.escape(g.serverVersion, spaces: true))\n"
        case .results(let r):
            out += "RESULTS \(r.hits.count) total=\(r.total) took_us=\(r.tookMicroseconds)"
            if let suggestion = r.suggestion { out += " suggestion=" + FieldEscaping.escape(suggestion, spaces: true) }
            out += "\n"
            for hit in r.hits {
                out += String(hit.rank)
                out += "\t"
                out += Self.number(hit.score)
                out += "\t"
                out += FieldEscaping.escape(hit.id)
                out += "\t"
                out += FieldEscaping.escape(hit.title)
                out += "\t"
                out += FieldEscaping.escapeSnippet(hit.snippet, highlights: hit.highlights)
                out += "\n"
            }
            out += "END\n"
        case .count(let total, let took):
            out += "COUNT \(total) took_us=\(took)\n"
        case .completions(let c): c.encode(into: &out)
        case .explanation(let e):
            out += "EXPLAIN \(e.parts.count) matched=\(e.matched ? 1 : 0) score=\(Self.number(e.score))\n"
            for part in e.parts {
                let fields = [Self.number(part.score), FieldEscaping.escape(part.field), FieldEscaping.escape(part.clause)]
                    + part.numbers.map(Self.number)
                out += fields.joined(separator: "\t") + "\n"
            }
            out += "END\n"
        case .document(let fields): Self.block("DOC", fields, into: &out)
        case .info(let fields): Self.block("INFO", fields, into: &out)
        case .help(let lines):
            out += "HELP \(lines.count)\n"
            for line in lines { out += FieldEscaping.escape(line) + "\n" }
            out += "END\n"
        case .ok(let fields):
            out += "OK"
            for field in fields { out += " \(field.name)=\(FieldEscaping.escape(field.value, spaces: true))" }
            out += "\n"
        case .pong: out += "PONG\n"
        case .bye: out += "BYE\n"
        case .error(let error):
            out += "ERR \(error.code.name) \(FieldEscaping.escape(error.message))\n"
        }
    }

    /// A `Double` in the shortest form that reads back to the same value (`12.5`, `0.0`).
    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "0.0" }

    private static func block(_ word: String, _ fields: [Field], into out: inout String) {
        out += "\(word) \(fields.count)\n"
        for field in fields { out += "\(FieldEscaping.escape(field.name))\t\(FieldEscaping.escape(field.value))\n" }
        out += "END\n"
    }
}
