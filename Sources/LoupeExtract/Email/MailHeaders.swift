/// The header section of a message or MIME part (RFC 5322): fields in order, folded lines
/// joined. Parsing stops at the first empty line; a line that is neither a field nor a
/// continuation also ends the headers and starts the body, so no text is lost.
struct MailHeaders {
    /// The fields in order: names lowercased, values unfolded and as raw bytes.
    private(set) var fields: [(name: String, value: ArraySlice<UInt8>)] = []

    /// The raw value of the first field named `name` (lowercase), if any.
    func raw(_ name: String) -> ArraySlice<UInt8>? {
        fields.first { $0.name == name }?.value
    }

    /// The value of the first field named `name` as text: encoded words decoded, raw
    /// 8-bit bytes taken as UTF-8 (else Windows-1252), whitespace runs collapsed; `nil` when absent.
    func text(_ name: String) -> String? {
        raw(name).map(HeaderText.decode)
    }

    /// Parses the headers at the start of `bytes` (LF line ends) and returns them with the
    /// index where the body starts.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: MailHeaders, bodyStart: Int) {
        var headers = MailHeaders()
        var index = bytes.startIndex
        var current: (name: String, value: [UInt8])?
        func flush() {
            if let field = current { headers.fields.append((field.name, ArraySlice(field.value))) }
            current = nil
        }
        while index < bytes.endIndex {
            let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[index..<lineEnd]
            let next = min(lineEnd + 1, bytes.endIndex)
            if line.isEmpty {
                flush()
                return (headers, next)
            }
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                if current != nil {
                    current!.value.append(contentsOf: line)
                    index = next
                    continue
                }
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                      line[line.startIndex..<colon].allSatisfy({ $0 > 32 && $0 < 127 }) {
                flush()
                let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
                var valueStart = colon + 1
                while valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") || line[valueStart] == UInt8(ascii: "\t") {
                    valueStart += 1
                }
                current = (name, Array(line[valueStart...]))
                index = next
                continue
            }
            // Neither a field nor a continuation: the body starts here.
            flush()
            return (headers, index)
        }
        flush()
        return (headers, bytes.endIndex)
    }
}
