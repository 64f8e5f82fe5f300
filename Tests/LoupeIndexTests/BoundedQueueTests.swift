import Foundation
import Synchronization
import Testing
@testable import LoupeIndex

@Suite struct BoundedQueueTests {
    /// A producer thread far ahead of its consumer: every element arrives once, in order, and the
    /// queue never holds more than its capacity.
    @Test func elementsArriveInOrderThroughASmallQueue() {
        let queue = BoundedQueue<Int>(capacity: 2)
        let thread = Thread {
            for i in 0..<10_000 { _ = queue.put(i) }
            queue.finish()
        }
        thread.start()
        var taken: [Int] = []
        while let element = queue.take() { taken.append(element) }
        #expect(taken == Array(0..<10_000))
    }

    /// A consumer that stops early releases a producer waiting on a full queue: its `put` fails,
    /// it stops and finishes, and nothing more is handed out.
    @Test func cancellingReleasesAWaitingProducer() {
        let queue = BoundedQueue<Int>(capacity: 1)
        let refused = Mutex(-1)
        let thread = Thread {
            for i in 0..<1_000_000 where !queue.put(i) {
                refused.withLock { $0 = i }
                break
            }
            queue.finish()
        }
        thread.start()
        #expect(queue.take() == 0)
        #expect(queue.take() == 1)
        queue.cancel()
        queue.waitUntilFinished()
        #expect(refused.withLock { $0 } >= 2)
        #expect(queue.take() == nil)
    }
}
