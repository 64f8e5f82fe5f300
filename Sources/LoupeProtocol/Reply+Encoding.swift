import NIOCore

extension Reply {
    /// Writes the reply's wire form (its lines, each ending in `\n`) at the end of `buffer`.
    ///
    /// This is the one encoder of replies: the daemon calls it on the buffer it hands to the
    /// socket, so a reply's fields go from their values to the outbound bytes in one pass, with no
    /// whole-reply `String` in between.
    public func encode(into buffer: inout ByteBuffer) {
        switch self {
        case .hello(let g):
            buffer.writeStaticString("HELLO protocol=")
            Self.write(g.protocolVersion, into: &buffer)
            buffer.writeStaticString(" max_line=")
            Self.write(g.maxLineBytes, into: &buffer)
            buffer.writeStaticString(g.authRequired ? " auth=required server=" : " auth=none server=")
            FieldEscaping.write(g.serverVersion, spaces: true, into: &buffer)
            buffer.writeStaticString("\n")
        case .results(let r):
            buffer.writeStaticString("RESULTS ")
            Self.write(r.hits.count, into: &buffer)
            buffer.writeStaticString(" total=")
            Self.write(r.total, into: &buffer)
            buffer.writeStaticString(" took_us=")
            Self.write(r.tookMicroseconds, into: &buffer)
            if let suggestion = r.suggestion {
                buffer.writeStaticString(" suggestion=")
                FieldEscaping.write(suggestion, spaces: true, into: &buffer)
            }
            buffer.writeStaticString("\n")
            for hit in r.hits {
                Self.write(hit.rank, into: &buffer)
                buffer.writeStaticString("\t")
                Self.write(hit.score, into: &buffer)
                buffer.writeStaticString("\t")
                FieldEscaping.write(hit.id, into: &buffer)
                buffer.writeStaticString("\t")
                FieldEscaping.write(hit.title, into: &buffer)
                buffer.writeStaticString("\t")
                FieldEscaping.writeSnippet(hit.snippet, highlights: hit.highlights, into: &buffer)
                buffer.writeStaticString("\n")
            }
            buffer.writeStaticString("END\n")
        case .count(let total, let took):
            buffer.writeStaticString("COUNT ")
            Self.write(total, into: &buffer)
            buffer.writeStaticString(" took_us=")
            Self.write(took, into: &buffer)
            buffer.writeStaticString("\n")
        case .completions(let c): c.encode(into: &buffer)
        case .explanation(let e):
            buffer.writeStaticString("EXPLAIN ")
            Self.write(e.parts.count, into: &buffer)
            buffer.writeStaticString(e.matched ? " matched=1 score=" : " matched=0 score=")
            Self.write(e.score, into: &buffer)
            buffer.writeStaticString("\n")
            for part in e.parts {
                Self.write(part.score, into: &buffer)
                buffer.writeStaticString("\t")
                FieldEscaping.write(part.field, into: &buffer)
                buffer.writeStaticString("\t")
                FieldEscaping.write(part.clause, into: &buffer)
                for number in part.numbers {
                    buffer.writeStaticString("\t")
                    Self.write(number, into: &buffer)
                }
                buffer.writeStaticString("\n")
            }
            buffer.writeStaticString("END\n")
        case .document(let fields): Self.block("DOC ", fields, into: &buffer)
        case .info(let fields): Self.block("INFO ", fields, into: &buffer)
        case .help(let lines):
            buffer.writeStaticString("HELP ")
            Self.write(lines.count, into: &buffer)
            buffer.writeStaticString("\n")
            for line in lines {
                FieldEscaping.write(line, into: &buffer)
                buffer.writeStaticString("\n")
            }
            buffer.writeStaticString("END\n")
        case .ok(let fields):
            buffer.writeStaticString("OK")
            for field in fields {
                buffer.writeStaticString(" ")
                buffer.writeString(field.name)
                buffer.writeStaticString("=")
                FieldEscaping.write(field.value, spaces: true, into: &buffer)
            }
            buffer.writeStaticString("\n")
        case .pong: buffer.writeStaticString("PONG\n")
        case .bye: buffer.writeStaticString("BYE\n")
        case .error(let error):
            buffer.writeStaticString("ERR ")
            buffer.writeString(error.code.name)
            buffer.writeStaticString(" ")
            FieldEscaping.write(error.message, into: &buffer)
            buffer.writeStaticString("\n")
        }
    }

    /// The reply's wire form as text, for tools and tests; it is ``encode(into:)``'s bytes.
    public var encoded: String {
        var buffer = ByteBufferAllocator().buffer(capacity: 256)
        encode(into: &buffer)
        return String(buffer: buffer)
    }

    /// Writes `n` in decimal (its text fits a small string: no allocation).
    static func write(_ n: Int, into buffer: inout ByteBuffer) {
        buffer.writeString(String(n))
    }

    /// Writes `x` in the shortest form that reads back to the same `Double` (`12.5`, `0.0`);
    /// a value that is not finite is written `0.0`.
    static func write(_ x: Double, into buffer: inout ByteBuffer) {
        buffer.writeString(x.isFinite ? x.description : "0.0")
    }

    private static func block(_ word: StaticString, _ fields: [Field], into buffer: inout ByteBuffer) {
        buffer.writeStaticString(word)
        write(fields.count, into: &buffer)
        buffer.writeStaticString("\n")
        for field in fields {
            FieldEscaping.write(field.name, into: &buffer)
            buffer.writeStaticString("\t")
            FieldEscaping.write(field.value, into: &buffer)
            buffer.writeStaticString("\n")
        }
        buffer.writeStaticString("END\n")
    }
}
