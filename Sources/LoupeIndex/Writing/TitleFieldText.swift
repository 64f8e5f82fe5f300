/// What the `title` field indexes for a document: its title, and for a file the words of its
/// name, so that a name such as `asyncio-eventloop.rst.txt` counts like title words.
///
/// The name (the last component of the id) is split on `-`, `_`, `.` and case changes
/// (`EventLoop` → `Event Loop`, `HTMLParser` → `HTML Parser`). Only documents read from files
/// (an absolute `source`) get their name's words; JSON-lines documents, whose ids are keys
/// rather than names, index their title alone. The writer and the deletion of a document both
/// build the text here, so they analyze the same tokens.
enum TitleFieldText {
    static func of(title: String, id: String, source: String) -> String {
        guard source.hasPrefix("/") else { return title }
        let words = nameWords(String(id.split(separator: "/").last ?? ""))
        return words.isEmpty ? title : title + "\n" + words
    }

    /// `name` with separators turned into spaces and a space at every case change.
    static func nameWords(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(name.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "-" || scalar == "_" || scalar == "." {
                out.append(" ")
                continue
            }
            if i > 0, scalar.properties.isUppercase {
                let previous = scalars[i - 1]
                let nextIsLower = i + 1 < scalars.count && scalars[i + 1].properties.isLowercase
                // camelCase → camel Case; HTMLParser → HTML Parser (the last capital starts a word).
                if previous.properties.isLowercase || previous.properties.numericType != nil
                    || (previous.properties.isUppercase && nextIsLower) {
                    out.append(" ")
                }
            }
            out.append(scalar)
        }
        return String(out)
    }
}
