/// Extracts email files: a file that starts with an mbox `From ` line is an mbox and gives
/// one document per message, in file order (``FileExtraction/isMultipart``); any other email
/// file (`.eml`) is one message, unless its content is binary (a problem). See
/// ``MailMessageExtractor`` for what a message gives.
enum EmailExtractor {
    /// Whether `bytes` are an mbox: they start with a valid `From ` line.
    static func isMbox(_ bytes: [UInt8]) -> Bool {
        Mbox.startsWithFromLine(bytes[...])
    }

    static func extract(_ bytes: [UInt8]) -> FileExtraction {
        let normalized = bytes.withUnsafeBytes { TextDecoding.normalizedBytes($0) }
        guard isMbox(normalized) else {
            guard TextSniffer.looksLikeText(bytes) else {
                return .failed(.email, ExtractionProblem(reason: SkipReason.binary.description, extractor: .email))
            }
            return FileExtraction(type: .email, extractor: .email,
                                  documents: [MailMessageExtractor.extract(normalized[...])])
        }
        let documents = Mbox.messages(normalized).map(MailMessageExtractor.extract)
        return FileExtraction(type: .email, extractor: .email, documents: documents, isMultipart: true)
    }
}
