/// The doc ids compaction gives the live documents: 0, 1, 2, ... in the byte order of their
/// external ids, the order a fresh build of an id-sorted source (a folder walk, a sorted export)
/// gives them. Deleted documents get none.
///
/// Renumbering puts documents that were re-indexed (and so appended at the end of the id space)
/// back among their neighbours, which keeps the postings of a compacted index laid out like those
/// of a fresh one: same block boundaries, same block-max bounds, so the same pruning.
struct DocIdRenumbering {
    /// For each new doc id, the old one.
    private(set) var oldIds: [UInt32] = []
    /// For each old doc id, the new one, or `UInt32.max` for a document that has none.
    private var newIds: [UInt32]

    /// An empty renumbering of old doc ids below `oldIdLimit`.
    init(oldIdLimit: UInt32) {
        newIds = [UInt32](repeating: .max, count: Int(oldIdLimit))
    }

    /// Gives `old` the next new id and returns it.
    /// - Throws: ``IndexError/corrupt(_:)`` when `old` is out of range or already numbered.
    mutating func number(_ old: UInt32) throws -> UInt32 {
        guard Int(old) < newIds.count else { throw IndexError.corrupt("ids: doc id \(old) beyond the next doc id \(newIds.count)") }
        guard newIds[Int(old)] == .max else { throw IndexError.corrupt("ids: doc id \(old) belongs to two external ids") }
        let new = UInt32(oldIds.count)
        newIds[Int(old)] = new
        oldIds.append(old)
        return new
    }

    /// The new id of `old`, or nil when it was deleted.
    @inline(__always)
    func newId(_ old: UInt32) -> UInt32? {
        let new = newIds[Int(old)]
        return new == .max ? nil : new
    }

    /// Documents numbered.
    var count: Int { oldIds.count }
}
