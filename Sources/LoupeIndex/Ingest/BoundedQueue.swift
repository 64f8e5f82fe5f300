import Foundation

/// A first-in, first-out hand-over of at most ``capacity`` elements from one producing thread to
/// one consuming thread: the producer waits while it is full, the consumer while it is empty.
///
/// Either side may end it. The producer calls ``finish()`` when it has nothing more (always, even
/// when it fails: the consumer's ``take()`` returns `nil` once the queue is finished and empty).
/// The consumer calls ``cancel()`` when it stops early: queued elements are dropped, and every
/// later ``put(_:)`` returns `false` at once (a waiting one too), so the producer stops its work;
/// ``waitUntilFinished()`` then waits for it to call ``finish()``. All state is guarded by one
/// condition variable, which is what makes the unchecked sendability sound.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    /// The most elements held at once.
    let capacity: Int
    private let condition = NSCondition()
    /// The queued elements, oldest first (at most ``capacity``, so taking the first is cheap).
    private var elements: [Element] = []
    private var finished = false
    private var cancelled = false

    /// Creates an empty queue holding at most `capacity` (at least 1) elements.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Appends `element`, waiting while the queue is full. Returns `false`, without queuing it,
    /// once the consumer has cancelled.
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && elements.count >= capacity { condition.wait() }
        guard !cancelled else { return false }
        elements.append(element)
        condition.broadcast()
        return true
    }

    /// Marks the end of the elements: the consumer takes what is queued, then `nil`.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
    }

    /// The next element, waiting while the queue is empty and not finished; `nil` once it is
    /// finished and empty, or cancelled.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && elements.isEmpty && !finished { condition.wait() }
        guard !cancelled, !elements.isEmpty else { return nil }
        condition.broadcast()
        return elements.removeFirst()
    }

    /// Stops the hand-over from the consumer's side: drops what is queued and makes every later
    /// ``put(_:)`` fail.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        elements.removeAll()
        condition.broadcast()
    }

    /// Waits until the producer has called ``finish()``.
    func waitUntilFinished() {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
    }
}
