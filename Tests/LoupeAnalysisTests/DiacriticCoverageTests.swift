import Foundation
import LoupeAnalysis
import Testing

/// Diacritic folding leaves no Combining Diacritical Marks on any letter of the Basic
/// Multilingual Plane (checked against Foundation's canonical decomposition).
@Suite struct DiacriticCoverageTests {
    private static func isDiacriticMark(_ scalar: Unicode.Scalar) -> Bool {
        [0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F]
            .contains { $0.contains(scalar.value) }
    }

    @Test(arguments: [true, false])
    func noLetterKeepsADiacritic(caseFolding: Bool) {
        let analyzer = custom(caseFolding: caseFolding, foldDiacritics: true)
        var failures: [String] = []
        for value in UInt32(0x80)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let folded = analyzer.normalize(String(scalar))
            if folded.decomposedStringWithCanonicalMapping.unicodeScalars.contains(where: Self.isDiacriticMark) {
                failures.append("U+\(String(value, radix: 16, uppercase: true)) → \(folded)")
            }
        }
        let examples = failures.prefix(20).joined(separator: ", ")
        #expect(failures.count == 0, "letters that keep a diacritic, e.g. \(examples)")
    }
}
