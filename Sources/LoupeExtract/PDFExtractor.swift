#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Extracts PDF through poppler's `pdftotext`, run as a ``HelperProcess`` within the
/// options' time, memory and size limits.
///
/// `pdftotext -enc UTF-8 -htmlmeta` prints the text inside HTML whose `<title>` is the PDF's
/// Title metadata; the HTML extractor reads it, so the title is that metadata, else the first
/// non-empty line. Pages (form feeds) become line breaks. Encrypted, broken and text-less
/// PDFs, a missing `pdftotext`, and a run over a limit give an ``ExtractionProblem``.
enum PDFExtractor {
    static let program = Extractor.pdf.helperProgram!

    /// Extracts the PDF file at `path`.
    static func extract(fileAt path: String, options: ExtractionOptions) -> Result<ExtractedDocument, ExtractionProblem> {
        var raw = stat()
        guard stat(path, &raw) == 0 else { return .failure(problem(SkipReason.unreadable(SystemError(code: errno).message).description)) }
        guard raw.st_mode & S_IFMT == S_IFREG else { return .failure(problem(SkipReason.notRegularFile.description)) }
        guard Int(raw.st_size) <= options.maxBytes else { return .failure(problem(SkipReason.tooLarge(Int(raw.st_size)).description)) }
        let helper = HelperProcess(
            program: program, arguments: ["-enc", "UTF-8", "-htmlmeta", path, "-"],
            limits: HelperLimits(timeLimit: options.helperTimeLimit, memoryLimit: options.helperMemoryLimit,
                                 maxOutputBytes: options.maxBytes),
            searchPath: options.searchPath)
        let result: HelperResult
        do {
            result = try helper.run()
        } catch .missingProgram(let name) {
            return .failure(ExtractionProblem(reason: "\(name) not found", extractor: .pdf, missingProgram: name))
        } catch {
            return .failure(problem(error.description))
        }
        return document(from: result, options: options)
    }

    /// Extracts a PDF held in memory (decompressed from a `.pdf.gz`, say), through a
    /// temporary file that is removed afterwards.
    static func extract(bytes: [UInt8], options: ExtractionOptions) -> Result<ExtractedDocument, ExtractionProblem> {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/loupe-pdf-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(problem("no temporary file: \(SystemError(code: errno).message)")) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let message = SystemError(code: errno).message
                close(descriptor)
                return .failure(problem("temporary file not written: \(message)"))
            }
            written += count
        }
        close(descriptor)
        return extract(fileAt: path, options: options)
    }

    /// The document, or the problem, that a run of `pdftotext` gave.
    private static func document(from result: HelperResult, options: ExtractionOptions) -> Result<ExtractedDocument, ExtractionProblem> {
        switch result.termination {
        case .exited(0):
            var document = HTMLExtractor.extract(result.output)
            document.text = String(document.text.map { $0 == "\u{0C}" ? "\n" : $0 })
            guard document.text.contains(where: { !$0.isWhitespace }) else {
                return .failure(problem("no text in the PDF (scanned or image-only pages?)"))
            }
            if document.title.isEmpty { document.title = TitleRule.firstNonEmptyLine(of: document.text) }
            return .success(document)
        case .exited(let status):
            let message = firstErrorLine(result.errorOutput)
            if message.contains("Incorrect password") { return .failure(problem("encrypted PDF (needs a password)")) }
            if status == 3 { return .failure(problem("PDF forbids copying its text")) }
            return .failure(problem("broken PDF: " + (message.isEmpty ? "\(program) exited with status \(status)" : message)))
        case .signaled(let signal):
            return .failure(problem("\(program) was killed by signal \(signal) (memory limit \(options.helperMemoryLimit) bytes)"))
        case .timedOut:
            return .failure(problem("\(program) ran over the time limit of \(options.helperTimeLimit) s"))
        case .outputLimit:
            return .failure(problem("extracted text over \(options.maxBytes) bytes"))
        }
    }

    /// The first line of `pdftotext`'s standard error that reports an error, else its first line.
    private static func firstErrorLine(_ bytes: [UInt8]) -> String {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { TitleRule.clean($0) }
        return lines.first { $0.contains("Error") } ?? lines.first ?? ""
    }

    private static func problem(_ reason: String) -> ExtractionProblem {
        ExtractionProblem(reason: reason, extractor: .pdf)
    }
}
