// What the tokenizer's byte loop needs to know about each byte, in one table lookup.

/// A 256-entry table over single bytes for the tokenizer's ASCII path: an ASCII letter or digit
/// maps to its lower-cased form (1…0x7F), any other ASCII byte (a separator) to 0, and every byte
/// from 0x80 on (part of a multi-byte character, or ill-formed) to 0x80. So one lookup both
/// classifies a byte and gives the byte to store in the term, which is what the loop over the
/// letters of a token needs; the same facts as ``ScalarTraits/isASCIIAlphanumeric(_:)`` and
/// ``ASCIILowercase/map(_:)``.
enum TokenByteTable {
    /// The table's entry for bytes that start or continue a multi-byte sequence.
    static let nonASCII: UInt8 = 0x80

    /// The table, built once and never freed (a pointer, so the loops read it without bounds
    /// checks). Never written after it is built, which makes sharing it between threads sound.
    nonisolated(unsafe) static let entries: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            let value = UInt8(byte)
            if value >= 0x80 {
                table[byte] = nonASCII
            } else {
                table[byte] = ScalarTraits.isASCIIAlphanumeric(value) ? ASCIILowercase.map(value) : 0
            }
        }
        return UnsafePointer(table)
    }()
}
