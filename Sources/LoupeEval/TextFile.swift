import Foundation

/// Reading a qrels or run file as UTF-8 text, the way trec_eval.py opens it (`encoding="utf-8"`).
///
/// The bytes are decoded strictly: invalid UTF-8 is an error naming the line that holds it. A
/// byte-order mark is kept as part of the text (Python's `utf-8` codec keeps it too).
enum TextFile {
    /// The contents of the file at `path`, or an error naming the path (and line, for bad bytes).
    static func read(_ path: String) throws(TrecFileError) -> String {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TrecFileError(source: path, line: nil, message: "cannot read file (\(error.localizedDescription))")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw TrecFileError(source: path, line: firstInvalidLine(bytes), message: "invalid UTF-8")
    }

    /// The 1-based number of the first line whose bytes are not valid UTF-8, counting lines as
    /// ``FieldSplitting`` does. CR and LF bytes never occur inside a multi-byte UTF-8 sequence,
    /// so splitting the raw bytes at them gives the same lines as splitting the decoded text.
    private static func firstInvalidLine(_ bytes: Data) -> Int? {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var number = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index <= bytes.endIndex {
            let atEnd = index == bytes.endIndex
            if atEnd || bytes[index] == cr || bytes[index] == lf {
                if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return number }
                if atEnd { return nil }
                if bytes[index] == cr, index + 1 < bytes.endIndex, bytes[index + 1] == lf { index += 1 }
                number += 1
                lineStart = index + 1
            }
            index += 1
        }
        return nil
    }
}
