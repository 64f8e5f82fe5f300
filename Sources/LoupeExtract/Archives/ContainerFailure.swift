/// Why a zip-based document (office file, EPUB) could not be read, in words for the ledger:
/// `"not a zip archive"`, `"missing part word/document.xml"`, `"uncompressed size over 64 MiB"`.
struct ContainerFailure: Error, Equatable {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
