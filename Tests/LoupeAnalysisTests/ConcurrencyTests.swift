import LoupeAnalysis
import Testing

/// One analyzer used from many tasks at once gives the same results as used alone.
@Suite struct ConcurrencyTests {
    @Test func concurrentUseAgreesWithSequentialUse() async {
        let analyzer = english
        let texts = (0..<64).map { "Document \($0): Ünïcödé tëxt, the RUNNING dogs of \($0 * 7) wars; 東京" }
        let expected = texts.map { analyzer.tokens($0) }
        let results = await withTaskGroup(of: (Int, [AnalyzedToken]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, analyzer.tokens(text)) }
            }
            var results = [[AnalyzedToken]](repeating: [], count: texts.count)
            for await (index, tokens) in group {
                results[index] = tokens
            }
            return results
        }
        #expect(results == expected)
    }
}
