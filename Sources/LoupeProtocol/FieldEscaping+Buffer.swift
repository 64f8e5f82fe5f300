import NIOCore

extension FieldEscaping {
    /// Writes `text` escaped (as ``escape(_:spaces:)`` does) at the end of `buffer`, copying the
    /// runs between escapes as they are.
    public static func write(_ text: String, spaces: Bool = false, into buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                guard let letter = escapeLetter(bytes[i], spaces: spaces) else { continue }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run..<i]))
                buffer.writeMultipleIntegers(UInt8(ascii: "\\"), letter)
                run = i + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run...]))
        }
    }

    /// Writes the snippet `text` escaped, with the spans `highlights` (Unicode code-point offsets
    /// into `text`) marked by `\[` and `\]`, at the end of `buffer`: the bytes
    /// ``escapeSnippet(_:highlights:)`` makes. Spans must be sorted, not empty and not
    /// overlapping; others are dropped.
    public static func writeSnippet(_ text: String, highlights: [Range<Int>], into buffer: inout ByteBuffer) {
        guard !highlights.isEmpty else { return write(text, into: &buffer) }
        var marks = highlights.makeIterator()
        var next = marks.next()
        var open: Range<Int>? = nil
        var offset = 0
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                let byte = bytes[i]
                // Marks go before the first byte of a code point; continuation bytes are 10xxxxxx.
                if byte & 0xC0 != 0x80 {
                    if let span = open, span.upperBound == offset {
                        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run..<i]))
                        run = i
                        buffer.writeStaticString("\\]")
                        open = nil
                    }
                    while let span = next, open == nil, span.lowerBound <= offset {
                        if span.lowerBound == offset && span.upperBound > offset {
                            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run..<i]))
                            run = i
                            buffer.writeStaticString("\\[")
                            open = span
                        }
                        next = marks.next()
                    }
                    offset += 1
                }
                guard let letter = escapeLetter(byte, spaces: false) else { continue }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run..<i]))
                buffer.writeMultipleIntegers(UInt8(ascii: "\\"), letter)
                run = i + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run...]))
        }
        if open != nil { buffer.writeStaticString("\\]") }
    }

    /// The letter after `\` that stands for `byte`, or nil when `byte` goes on the wire as it is.
    @inline(__always)
    private static func escapeLetter(_ byte: UInt8, spaces: Bool) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: " ") where spaces: UInt8(ascii: "s")
        default: nil
        }
    }
}
