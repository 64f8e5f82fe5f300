/// Extracts plain text: the text is the file's content as it is (after the normalization
/// of ``TextDecoding``); the title is chosen by ``PlainTextTitle``: front matter, else the first
/// line that is not markup.
enum PlainTextExtractor {
    /// Extracts `bytes`, normalized UTF-8 text.
    static func extract(_ bytes: [UInt8]) -> ExtractedDocument {
        let text = TextDecoding.string(from: bytes)
        return ExtractedDocument(title: PlainTextTitle.of(text), text: text)
    }
}
