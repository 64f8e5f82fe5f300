/// Extracts one email message (RFC 5322 with MIME): the Subject is the title; From, To and
/// Date become fields, and Date the document's date; the text is the readable body.
///
/// The MIME tree is walked in order: `multipart/alternative` gives its `text/plain` part,
/// else its HTML (or a multipart holding it), else its first part; other multiparts give all
/// their parts; a forwarded `message/rfc822` gives its own text; inline `text/*` parts are
/// decoded (quoted-printable or base64, then their charset to UTF-8), `text/html` through
/// ``HTMLExtractor``. The names of attachments (and of any named part) end the text on a
/// line `Attachments: a.pdf, b.docx`; their content is not read. At most ``maxParts`` parts
/// and ``maxDepth`` levels of nesting are walked.
enum MailMessageExtractor {
    static let maxParts = 1000
    static let maxDepth = 32

    /// Extracts `message`, whose line ends are LF.
    static func extract(_ message: ArraySlice<UInt8>) -> ExtractedDocument {
        let (headers, bodyStart) = MailHeaders.parse(message)
        var walker = Walker()
        walker.walk(headers, body: message[bodyStart...], depth: 0)
        var text = walker.text
        if !walker.attachments.isEmpty {
            if !text.isEmpty { text.append(contentsOf: "\n\n".utf8) }
            text.append(contentsOf: ("Attachments: " + walker.attachments.joined(separator: ", ")).utf8)
        }
        let body = TextDecoding.string(from: text)
        var fields: [DocumentField] = []
        for name in ["from", "to", "date"] {
            if let value = headers.text(name), !value.isEmpty { fields.append(DocumentField(name: name, value: value)) }
        }
        let subject = TitleRule.clean(headers.text("subject") ?? "")
        return ExtractedDocument(title: subject.isEmpty ? TitleRule.firstNonEmptyLine(of: body) : subject,
                                 text: body, fields: fields, date: headers.text("date").flatMap(MailDate.parse))
    }

    /// Walks a MIME tree, gathering text and attachment names.
    private struct Walker {
        var text: [UInt8] = []
        var attachments: [String] = []
        private var parts = 0

        mutating func walk(_ headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int) {
            parts += 1
            guard parts <= MailMessageExtractor.maxParts, depth <= MailMessageExtractor.maxDepth else { return }
            let contentType = headers.raw("content-type").map(HeaderParameters.init)
            var mediaType = contentType?.value ?? ""
            // No type, or a multipart without a boundary: the body is read as plain text.
            if !mediaType.contains("/") || (mediaType.hasPrefix("multipart/") && (contentType?["boundary"] ?? "").isEmpty) {
                mediaType = "text/plain"
            }
            let disposition = headers.raw("content-disposition").map(HeaderParameters.init)
            let name = disposition?["filename"] ?? contentType?["name"]
            if let name, !name.isEmpty { attachments.append(name) }
            if mediaType.hasPrefix("multipart/"), let boundary = contentType?["boundary"] {
                let children = MultipartBody.parts(of: body, boundary: boundary).map { part in
                    let (headers, start) = MailHeaders.parse(part)
                    return (headers: headers, body: part[start...])
                }
                if mediaType == "multipart/alternative" {
                    if let chosen = children.min(by: { rank($0.headers) < rank($1.headers) }) {
                        walk(chosen.headers, body: chosen.body, depth: depth + 1)
                    }
                } else {
                    for child in children { walk(child.headers, body: child.body, depth: depth + 1) }
                }
                return
            }
            let encoding = headers.text("content-transfer-encoding")
            if mediaType == "message/rfc822" || mediaType == "message/global" {
                let inner = TransferDecoding.decode(body, encoding: encoding)
                let (innerHeaders, start) = MailHeaders.parse(inner)
                if let subject = innerHeaders.text("subject"), !subject.isEmpty { append(Array(subject.utf8)) }
                walk(innerHeaders, body: inner[start...], depth: depth + 1)
                return
            }
            guard mediaType.hasPrefix("text/"), disposition?.value != "attachment" else { return }
            let decoded = TransferDecoding.decode(body, encoding: encoding)
            let utf8 = CharsetDecoder.utf8(decoded, charset: contentType?["charset"])
            let normalized = utf8.withUnsafeBytes { TextDecoding.normalizedBytes($0) }
            if mediaType == "text/html" || mediaType == "text/xhtml" {
                append(Array(HTMLExtractor.extract(normalized).text.utf8))
            } else {
                append(normalized)
            }
        }

        /// Appends a piece of text, apart from the one before.
        private mutating func append(_ piece: [UInt8]) {
            var end = piece.endIndex
            while end > 0, piece[end - 1] == UInt8(ascii: "\n") || piece[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end > 0 else { return }
            if !text.isEmpty { text.append(contentsOf: "\n\n".utf8) }
            text.append(contentsOf: piece[..<end])
        }

        /// How well an alternative suits the index: plain text first, then HTML or a
        /// multipart that may hold it, then anything else.
        private func rank(_ headers: MailHeaders) -> Int {
            let type = headers.raw("content-type").map(HeaderParameters.init)?.value ?? "text/plain"
            switch type {
            case "text/plain", "": return 0
            case "text/html": return 1
            case _ where type.hasPrefix("multipart/"): return 1
            default: return 2
            }
        }
    }
}
