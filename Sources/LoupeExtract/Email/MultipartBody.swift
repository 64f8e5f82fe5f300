/// Splitting the body of a `multipart/*` entity (RFC 2046) at its boundary lines.
enum MultipartBody {
    /// The parts of `body` (LF line ends) delimited by `--boundary` lines, in order: the
    /// preamble before the first delimiter and the epilogue after `--boundary--` are not
    /// parts, and the line end before each delimiter belongs to the delimiter. A body cut
    /// off before its closing delimiter ends its last part at the end of the input.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let isClosing = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let restIsBlank = rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                if isClosing || restIsBlank {
                    if let start = partStart {
                        parts.append(body[start..<max(start, lineStart - 1)])
                    }
                    if isClosing { return parts }
                    partStart = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start <= body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }
}
