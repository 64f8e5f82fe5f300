/// The pages of one table a commit's documents edit in place (norms, label bitmaps, column
/// values): each read from the transaction (or made empty) on first use, and put once, in key
/// order, at the end.
///
/// Documents come in doc-id order, so consecutive ones nearly always edit the same page of a slot
/// (a field's norms, a label kind, a column). Each slot keeps the page it edited last at hand, with
/// the `Identity` that names it (a page number, or a label and a page number): a document whose
/// page is that one costs a comparison, not a key built and hashed into the set.
struct PageEdits<Identity: Equatable> {
    private var pages: [[UInt8]: [UInt8]] = [:]
    private var current: [(identity: Identity, key: [UInt8], page: [UInt8])?]

    /// An empty set whose slots are 0..<`slots`.
    init(slots: Int) {
        current = Array(repeating: nil, count: slots)
    }

    /// Calls `body` with the page that `identity` names in `slot`. When it is not the slot's page
    /// at hand, that one goes back to the set, and this one is taken from the set, or else from
    /// `load` with its `key` (nil: no such page in the table yet, so `empty()`).
    mutating func edit(
        slot: Int, _ identity: Identity, key: () -> [UInt8], load: ([UInt8]) throws -> [UInt8]?, empty: () -> [UInt8],
        _ body: (inout [UInt8]) -> Void
    ) rethrows {
        if current[slot]?.identity != identity {
            if let previous = current[slot] { pages[previous.key] = previous.page }
            current[slot] = nil
            let key = key()
            let page = try pages.removeValue(forKey: key) ?? load(key) ?? empty()
            current[slot] = (identity, key, page)
        }
        body(&current[slot]!.page)
    }

    /// Every page edited, in key order; the set is empty afterwards.
    mutating func removeAll() -> [(key: [UInt8], page: [UInt8])] {
        for case let (_, key, page)? in current { pages[key] = page }
        current = Array(repeating: nil, count: current.count)
        defer { pages = [:] }
        return pages.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { (key: $0.key, page: $0.value) }
    }
}

/// What names a page of the `labels` table: its label and its page number (``LabelPage``).
struct LabelPageName: Equatable {
    let label: DocumentLabel
    let page: UInt32
}
