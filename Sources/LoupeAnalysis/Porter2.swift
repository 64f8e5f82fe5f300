// The Porter2 (Snowball English) stemming algorithm, written from the Snowball project's
// description "The English (Porter2) stemming algorithm", including the Snowball 3 revisions
// (exceptional R1 prefixes, -ogist, the -eed/-ing exceptions, no undoubling after a lone a/e/o).
// Checked against the project's official vocabulary in the tests.

/// The Porter2 algorithm over a word in a byte buffer.
enum Porter2 {
    /// Stems the lower-case word in `bytes[0..<count]` in place and returns the stem's length
    /// (never more than `count`). ASCII letters are letters; any byte ≥ 0x80 is treated as a
    /// consonant, so a caller stands one such byte in for each non-ASCII character.
    static func stem(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var word = Porter2Word(bytes: bytes, count: count)
        if word.applyWordException() || count < 3 {
            return word.count
        }
        let markedY = word.prepare()
        word.markRegions()
        word.step1a()
        word.step1b()
        word.step1c()
        word.step2()
        word.step3()
        word.step4()
        word.step5()
        if markedY {
            for index in 0..<word.count where bytes[index] == UInt8(ascii: "Y") {
                bytes[index] = UInt8(ascii: "y")
            }
        }
        return word.count
    }
}
