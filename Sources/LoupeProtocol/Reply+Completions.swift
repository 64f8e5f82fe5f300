import NIOCore

extension Reply {
    /// The answer to `SUGGEST`: `COMPLETIONS <n> took_us=<t>`, then per completion, best first,
    /// `word<TAB>text<TAB>docs<TAB>together` (together empty when the text has no preceding word
    /// the index knows), then `END`.
    public struct Completions: Sendable, Equatable {
        /// The server's time to find them, in microseconds.
        public var tookMicroseconds: Int
        /// The completions, best first.
        public var items: [Item]

        /// One completion line.
        public struct Item: Sendable, Equatable {
            /// The completed last word.
            public var word: String
            /// The whole text with its last word completed.
            public var text: String
            /// Documents holding the word.
            public var docs: Int
            /// Documents counted that hold the preceding words and this one, or nil.
            public var together: Int?

            public init(word: String, text: String, docs: Int, together: Int?) {
                self.word = word
                self.text = text
                self.docs = docs
                self.together = together
            }
        }

        public init(tookMicroseconds: Int, items: [Item]) {
            self.tookMicroseconds = tookMicroseconds
            self.items = items
        }

        func encode(into buffer: inout ByteBuffer) {
            buffer.writeStaticString("COMPLETIONS ")
            Reply.write(items.count, into: &buffer)
            buffer.writeStaticString(" took_us=")
            Reply.write(tookMicroseconds, into: &buffer)
            buffer.writeStaticString("\n")
            for item in items {
                FieldEscaping.write(item.word, into: &buffer)
                buffer.writeStaticString("\t")
                FieldEscaping.write(item.text, into: &buffer)
                buffer.writeStaticString("\t")
                Reply.write(item.docs, into: &buffer)
                buffer.writeStaticString("\t")
                if let together = item.together { Reply.write(together, into: &buffer) }
                buffer.writeStaticString("\n")
            }
            buffer.writeStaticString("END\n")
        }

        init(decodingHead head: [String: String], body: [String]) throws(ReplyDecodingError) {
            tookMicroseconds = head["took_us"].flatMap { Int($0) } ?? 0
            items = []
            for line in body {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 4, let docs = Int(fields[2]), fields[3].isEmpty || Int(fields[3]) != nil else {
                    throw ReplyDecodingError(line: line, reason: "a completion line is word, text, docs, together")
                }
                items.append(Item(
                    word: FieldEscaping.unescape(fields[0]), text: FieldEscaping.unescape(fields[1]), docs: docs,
                    together: fields[3].isEmpty ? nil : Int(fields[3])))
            }
        }
    }
}
