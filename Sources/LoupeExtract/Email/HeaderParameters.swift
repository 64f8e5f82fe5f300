/// A structured MIME header (`Content-Type`, `Content-Disposition`): its main value
/// lowercased (`text/plain`, `attachment`) and its parameters.
///
/// Parameter names are lowercased; quoted values are unquoted; RFC 2231 extended values
/// (`filename*=utf-8''na%C3%AFve.txt`) and continuations (`name*0`, `name*1*`) are joined
/// and decoded; encoded words inside values (`name="=?utf-8?B?...?="`, common though not
/// standard) are decoded.
struct HeaderParameters {
    let value: String
    private let parameters: [String: String]

    subscript(name: String) -> String? { parameters[name] }

    init(_ raw: ArraySlice<UInt8>) {
        let text = Array(raw)
        var index = 0
        func skipSpace() {
            while index < text.count, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t")
                || text[index] == UInt8(ascii: "\n") { index += 1 }
        }
        skipSpace()
        let valueStart = index
        while index < text.count, text[index] != UInt8(ascii: ";") { index += 1 }
        value = String(decoding: text[valueStart..<index], as: UTF8.self).lowercased().trimmingASCIISpaces.description
        // name → (section → (value, extended))
        var pieces: [String: [Int: (bytes: [UInt8], extended: Bool)]] = [:]
        while index < text.count {
            index += 1  // the `;`
            skipSpace()
            let nameStart = index
            while index < text.count, text[index] != UInt8(ascii: "="), text[index] != UInt8(ascii: ";") { index += 1 }
            var name = String(decoding: text[nameStart..<index], as: UTF8.self).lowercased().trimmingASCIISpaces.description
            guard index < text.count, text[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipSpace()
            var valueBytes = [UInt8]()
            if index < text.count, text[index] == UInt8(ascii: "\"") {
                index += 1
                while index < text.count, text[index] != UInt8(ascii: "\"") {
                    if text[index] == UInt8(ascii: "\\"), index + 1 < text.count { index += 1 }
                    valueBytes.append(text[index])
                    index += 1
                }
                index += 1
                while index < text.count, text[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                while index < text.count, text[index] != UInt8(ascii: ";") {
                    valueBytes.append(text[index])
                    index += 1
                }
                while let last = valueBytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { valueBytes.removeLast() }
            }
            var extended = false
            if name.hasSuffix("*") {
                extended = true
                name.removeLast()
            }
            var section = 0
            if let star = name.lastIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                section = number
                name = String(name[..<star])
            }
            if pieces[name, default: [:]][section] == nil { pieces[name, default: [:]][section] = (valueBytes, extended) }
        }
        var parameters: [String: String] = [:]
        for (name, sections) in pieces {
            parameters[name] = Self.join(sections)
        }
        self.parameters = parameters
    }

    /// The value of a parameter from its sections in order: extended sections are
    /// percent-decoded, the first one's `charset'language'` prefix naming their charset.
    private static func join(_ sections: [Int: (bytes: [UInt8], extended: Bool)]) -> String {
        var charset: String?
        var bytes = [UInt8]()
        var anyExtended = false
        for number in sections.keys.sorted() {
            let (piece, extended) = sections[number]!
            guard extended else {
                bytes.append(contentsOf: piece)
                continue
            }
            anyExtended = true
            var body = piece[...]
            if number == sections.keys.min(), let first = piece.firstIndex(of: UInt8(ascii: "'")),
               let second = piece[(first + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                charset = String(decoding: piece[..<first], as: UTF8.self)
                body = piece[(second + 1)...]
            }
            var index = body.startIndex
            while index < body.endIndex {
                if body[index] == UInt8(ascii: "%"), index + 2 < body.endIndex,
                   let high = TransferDecoding.hexValue(body[index + 1]), let low = TransferDecoding.hexValue(body[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                } else {
                    bytes.append(body[index])
                    index += 1
                }
            }
        }
        if anyExtended { return TextDecoding.string(from: CharsetDecoder.utf8(bytes[...], charset: charset)) }
        return HeaderText.decode(bytes[...])
    }
}
