import Testing
@testable import LoupeIndex

@Suite struct GrowingBufferTests {
    /// Appends through several doublings of a one-element buffer, writes in place, and empties it:
    /// the elements read back as an array holding the same would.
    @Test func behavesAsAnArrayThroughGrowth() {
        let buffer = GrowingBuffer<UInt32>(capacity: 1)
        var expected: [UInt32] = []
        for value in 0..<1000 as Range<UInt32> {
            buffer.append(value &* 7)
            expected.append(value &* 7)
        }
        buffer[10] = 5
        expected[10] = 5
        buffer.base[11] += 1
        expected[11] += 1
        #expect(buffer.count == expected.count)
        #expect(buffer.capacity >= 1000)
        #expect((0..<buffer.count).map { buffer[$0] } == expected)
        let capacity = buffer.capacity
        buffer.removeAll()
        #expect(buffer.count == 0)
        #expect(buffer.capacity == capacity)
        buffer.append(9)
        #expect(buffer[0] == 9 && buffer.count == 1)
    }
}
