/// External ids (UTF-8 strings) kept for a whole bulk load, in one byte arena with their end
/// offsets: about the ids' bytes and 4 bytes each, where a `[String]` keeps a heap object per id
/// longer than 15 bytes (48 bytes or more for a 24-byte path) scattered among the freed texts of
/// the batches it came with, whose pages it then keeps resident.
struct ExternalIdList {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    /// The number of ids.
    var count: Int { ends.count }

    /// Appends `id`; returns its index.
    @discardableResult
    mutating func append(_ id: String) -> Int {
        var id = id
        id.withUTF8 { bytes.append(contentsOf: $0) }
        precondition(bytes.count <= Int(UInt32.max), "external ids over 4 GiB")
        ends.append(UInt32(bytes.count))
        return ends.count - 1
    }

    /// Calls `body` with the UTF-8 bytes of id `index`.
    func withId<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
    }

    /// The UTF-8 bytes of id `index`.
    func key(_ index: Int) -> [UInt8] { withId(index) { Array($0) } }

    /// The indices of the ids in the byte order of their UTF-8 (the order of LMDB keys), equal ids
    /// in index order.
    func sortedIndices() -> [UInt32] {
        var order = (0..<UInt32(ends.count)).map { $0 }
        bytes.withUnsafeBytes { bytes in
            ends.withUnsafeBufferPointer { ends in
                func id(_ index: UInt32) -> UnsafeRawBufferPointer {
                    let start = index == 0 ? 0 : Int(ends[Int(index) - 1])
                    return UnsafeRawBufferPointer(rebasing: bytes[start..<Int(ends[Int(index)])])
                }
                order.sort { a, b in
                    let c = IndexFormat.compareKeys(id(a), id(b))
                    return c != 0 ? c < 0 : a < b
                }
            }
        }
        return order
    }

    /// True when ids `a` and `b` are the same bytes.
    func equal(_ a: Int, _ b: Int) -> Bool {
        withId(a) { x in withId(b) { y in x.count == y.count && IndexFormat.compareKeys(x, y) == 0 } }
    }

    /// Empties the list, freeing its memory.
    mutating func removeAll() {
        bytes = []
        ends = []
    }
}
