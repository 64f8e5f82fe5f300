/// The documents that carry one label, read from its `labels` pages (valid while the reader
/// lives): membership is one bit test, and iteration skips empty pages and words.
public struct LabelDocs {
    @usableFromInline let pages: [UnsafeRawPointer?]
    /// Doc ids are below this.
    public let docLimit: UInt32

    init(pages: [UnsafeRawPointer?], docLimit: UInt32) {
        self.pages = pages
        self.docLimit = docLimit
    }

    /// Whether `doc` has the label (deleted documents included).
    @inlinable @inline(__always)
    public func contains(_ doc: UInt32) -> Bool {
        let page = Int(doc >> LabelPage.shift)
        guard page < pages.count, let base = pages[page] else { return false }
        return LabelPage.contains(doc, base)
    }

    /// The first document at or after `target` that has the label, or nil.
    public func first(atOrAfter target: UInt32) -> UInt32? {
        var page = Int(target >> LabelPage.shift)
        var slot = Int(target & UInt32(LabelPage.docsPerPage - 1))
        while page < pages.count {
            if let base = pages[page], let found = LabelPage.nextSet(from: slot, base) {
                return UInt32(page) << LabelPage.shift | UInt32(found)
            }
            page += 1
            slot = 0
        }
        return nil
    }
}
