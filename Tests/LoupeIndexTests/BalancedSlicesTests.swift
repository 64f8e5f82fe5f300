import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct BalancedSlicesTests {
    /// Documents of very different sizes split into contiguous slices whose bytes differ from an
    /// even share by at most the largest document.
    @Test func slicesHoldAboutTheSameBytes() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let documents = (0..<Int.random(in: 0...300, using: &random)).map { i in
                let big = Int.random(in: 0..<20, using: &random) == 0
                return DocumentInput(id: "d\(i)", title: "", text: String(repeating: "w ", count: Int.random(in: 0...(big ? 5000 : 50), using: &random)))
            }
            let sizes = documents.map { $0.text.utf8.count + $0.title.utf8.count + $0.id.utf8.count + 16 }
            for count in 1...4 {
                let bounds = IndexWriter.balancedSlices(documents, count: count)
                #expect(bounds.count == count + 1 && bounds.first == 0 && bounds.last == documents.count)
                #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 })
                let share = sizes.reduce(0, +) / count, largest = sizes.max() ?? 0
                for slice in 0..<count {
                    let bytes = sizes[bounds[slice]..<bounds[slice + 1]].reduce(0, +)
                    #expect(abs(bytes - share) <= largest + 1, "slice \(slice) of \(count)")
                }
            }
        }
    }
}
