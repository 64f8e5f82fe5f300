/// Assembles the visible text of an HTML document: collapses whitespace runs, turns the
/// breaks that block elements ask for into spaces, newlines or blank lines, and can copy
/// the text of one element (the first `<h1>`) aside.
struct HTMLTextWriter {
    /// How strongly two pieces of text are separated; the strongest request wins.
    enum Break: Int, Comparable {
        case none, space, line, paragraph

        static func < (lhs: Break, rhs: Break) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The text written so far, as UTF-8.
    private(set) var output: [UInt8] = []
    /// The separation owed before the next visible character.
    private var pending = Break.none
    /// While set, visible text is also copied here, with breaks as single spaces.
    private(set) var capture: [UInt8]?
    /// Depth of preformatted elements (`<pre>`, `<textarea>`, `<listing>`) around the
    /// current position; inside one, whitespace is kept as written.
    private(set) var preformattedDepth = 0
    /// Set just after a preformatted element's start tag, whose first newline HTML drops.
    private var atPreformattedStart = false

    /// Asks for at least `separation` before the next visible character. A break at the
    /// very start or end of the text is dropped.
    mutating func requestBreak(_ separation: Break) {
        pending = max(pending, separation)
    }

    /// Writes one byte of text content, collapsing it if it is whitespace outside
    /// preformatted content.
    mutating func write(_ byte: UInt8) {
        if atPreformattedStart {
            atPreformattedStart = false
            if byte == UInt8(ascii: "\n") { return }
        }
        if preformattedDepth == 0, Self.isWhitespace(byte) {
            requestBreak(.space)
            return
        }
        flushPending()
        output.append(byte)
        capture?.append(byte)
    }

    /// Writes decoded text (a character reference's replacement); U+00A0 NO-BREAK SPACE
    /// counts as an ordinary space.
    mutating func write(contentsOf bytes: [UInt8]) {
        if bytes == [0xC2, 0xA0] {
            write(UInt8(ascii: " "))
            return
        }
        for byte in bytes { write(byte) }
    }

    /// Enters a preformatted element.
    mutating func startPreformatted() {
        preformattedDepth += 1
        atPreformattedStart = true
    }

    /// Leaves a preformatted element; an end tag without a start tag does nothing.
    mutating func endPreformatted() {
        preformattedDepth = max(0, preformattedDepth - 1)
        atPreformattedStart = false
    }

    /// Starts copying visible text aside.
    mutating func startCapture() {
        capture = []
    }

    /// Stops copying and returns what was copied.
    mutating func endCapture() -> [UInt8] {
        defer { capture = nil }
        return capture ?? []
    }

    private mutating func flushPending() {
        defer { pending = .none }
        guard !output.isEmpty, pending != .none else { return }
        capture?.append(UInt8(ascii: " "))
        // Preformatted text may already have ended the line.
        var newlines = 0
        while newlines < 2, output.count > newlines, output[output.count - 1 - newlines] == UInt8(ascii: "\n") {
            newlines += 1
        }
        switch pending {
        case .none: break
        case .space: if newlines == 0 { output.append(UInt8(ascii: " ")) }
        case .line: if newlines == 0 { output.append(UInt8(ascii: "\n")) }
        case .paragraph: output.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: 2 - newlines))
        }
    }

    /// HTML's ASCII whitespace: space, tab, LF, FF and CR.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
