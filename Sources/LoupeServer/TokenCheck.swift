/// Compares an offered token with the configured one in time that depends only on their lengths,
/// never on where they first differ.
struct TokenCheck: Sendable {
    private let expected: [UInt8]

    init(token: String) { expected = Array(token.utf8) }

    /// True when `offered` equals the configured token.
    func accepts(_ offered: String) -> Bool {
        let given = Array(offered.utf8)
        var difference = UInt8(truncatingIfNeeded: given.count ^ expected.count)
        for i in 0..<expected.count {
            difference |= expected[i] ^ (i < given.count ? given[i] : ~expected[i])
        }
        return difference == 0
    }
}
