import LoupeAnalysis
import Testing

/// Positions count every token, emitted or not, so phrase queries see the gaps.
@Suite struct PositionTests {
    @Test func stopWordsLeaveGaps() {
        #expect(positioned(english, "war of the worlds") == ["war@0", "world@3"])
        #expect(positioned(english, "The Running Dogs") == ["run@1", "dog@2"])
    }

    @Test func withoutDroppedTokensPositionsAreConsecutive() {
        #expect(positioned(simple, "war of the worlds") == ["war@0", "of@1", "the@2", "worlds@3"])
    }

    @Test func separatorsDoNotTakePositions() {
        #expect(positioned(simple, "  ...a -- b!!! ") == ["a@0", "b@1"])
    }

    @Test func overLongTokensAreDroppedButCounted() {
        let long = String(repeating: "a", count: 41)
        let limit = String(repeating: "b", count: 40)
        #expect(positioned(simple, "short \(long) \(limit) next") == ["short@0", "\(limit)@2", "next@3"])
        #expect(positioned(english, "short \(long) next") == ["short@0", "next@2"])
    }

    @Test func lengthLimitAppliesToTheNormalizedToken() {
        // 21 × "é" is 42 bytes: too long as is, 21 bytes once folded to "e".
        let accented = String(repeating: "é", count: 21)
        #expect(positioned(simple, "x \(accented) y") == ["x@0", "y@2"])
        let folded = String(repeating: "e", count: 21)
        #expect(positioned(englishUnstemmed, "x \(accented) y") == ["x@0", "\(folded)@1", "y@2"])
        // 20 × "é" is exactly 40 bytes: kept.
        #expect(terms(simple, String(repeating: "é", count: 20)).count == 1)
    }

    @Test func customLengthLimit() {
        #expect(positioned(custom(maxTokenLength: 3), "abc abcd ab") == ["abc@0", "ab@2"])
        #expect(custom(maxTokenLength: 0).tokens("a b c").isEmpty)
    }
}
