import LoupeClient
import LoupeProtocol

/// A connection driven with raw lines, as a person typing into `nc` would, keeping the raw
/// reply lines for exact comparisons.
final class RawSession {
    let connection: LoupeConnection
    private var decoder = ReplyDecoder()

    init(_ connection: LoupeConnection) { self.connection = connection }

    /// Sends `line` and a newline, and returns the raw lines of its reply.
    func exchange(_ line: String) throws -> [String] {
        try connection.sendRaw(Array((line + "\n").utf8))
        return try replyLines()
    }

    /// The raw lines of the next reply.
    func replyLines() throws -> [String] {
        var lines: [String] = []
        while let line = try connection.readLine() {
            lines.append(line)
            if try decoder.feed(line[...]) != nil { return lines }
        }
        throw ClientError.connectionLost("closed after \(lines)")
    }
}

extension Array where Element == String {
    /// The lines with every `took_us=N` replaced by `took_us=T`, for exact comparisons.
    var maskingTimes: [String] {
        map { line in
            guard let range = line.range(of: "took_us=") else { return line }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            return line.replacingCharacters(in: range.upperBound..<digits.endIndex, with: "T")
        }
    }
}
