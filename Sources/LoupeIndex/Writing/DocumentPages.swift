import LoupeCodec
import LoupeStorage

/// The `norms`, `labels` and `columns` pages a commit's documents fill, and the sums of their
/// field lengths: everything of the document pass that needs neither the records nor the texts,
/// built from the writer's per-document lengths and ``PendingMetadata`` alone.
///
/// It needs no transaction, so a commit builds it on a thread of its own while it merges the
/// terms (an LMDB write transaction stays on the thread that began it): only the pages an earlier
/// commit began, those holding doc id `base` (``Begun``), are read from the transaction first.
/// Every page after them is new: a table has no page beyond the one of the last committed doc id
/// (norms and columns stop there, and label bits are set only for committed documents).
struct DocumentPages: Sendable {
    typealias Put = (key: [UInt8], page: [UInt8])

    /// The pages to put, per table, in key order.
    private(set) var norms: [Put] = []
    private(set) var labels: [Put] = []
    private(set) var columns: [Put] = []
    /// The documents' token count per field (raw-value order), summed.
    private(set) var totalLengths = [UInt64](repeating: 0, count: IndexField.allCases.count)

    /// The pages holding doc id `base` as the transaction has them (nil: none yet), read before the
    /// pages are built elsewhere.
    struct Begun: Sendable {
        var norms: [[UInt8]?]
        var columns: [[UInt8]?]
        var labels: [DocumentLabel: [UInt8]]

        /// The pages as given: per field its norms page, per column its page, and per label its page.
        init(norms: [[UInt8]?], columns: [[UInt8]?], labels: [DocumentLabel: [UInt8]]) {
            self.norms = norms
            self.columns = columns
            self.labels = labels
        }

        /// Reads, from `txn`, the pages that documents from doc id `base` on continue: per field its
        /// norms page, per column its page, and for each label that `metadata` gives a document of
        /// `base`'s label page, that label's page.
        init(_ txn: borrowing WriteTransaction, _ tables: Index.Tables, base: UInt32, metadata: PendingMetadata) throws {
            let normsPage = base >> IndexFormat.normsShift
            let norms = try IndexField.allCases.map { field -> [UInt8]? in
                guard let stored = try txn.get(tables.norms, key: IndexFormat.normsKey(field, page: normsPage)).map(Array.init) else { return nil }
                guard stored.count == IndexFormat.normsPageSize else {
                    throw IndexError.corrupt("norms: the \(field.name) page of doc \(base) holds \(stored.count) bytes, not \(IndexFormat.normsPageSize)")
                }
                return stored
            }
            let columnPage = base >> ColumnPage.shift
            let columns = try DocumentColumn.allCases.map { column -> [UInt8]? in
                try txn.get(tables.columns, key: IndexFormat.columnKey(column, page: columnPage)).map(Array.init)
            }
            let labelPage = base >> LabelPage.shift
            let onPage = Int(((UInt64(labelPage) + 1) << UInt64(LabelPage.shift)) - UInt64(base))
            var seen = Set<DocumentLabel>()
            metadata.forEach(limit: onPage) { values in seen.formUnion(values.labels) }
            var labels: [DocumentLabel: [UInt8]] = [:]
            for label in seen {
                if let page = try txn.get(tables.labels, key: IndexFormat.labelKey(label, page: labelPage)) { labels[label] = Array(page) }
            }
            self.init(norms: norms, columns: columns, labels: labels)
        }
    }

    /// The pages of the documents at batch places 0, 1, ... (doc ids from `base` on), whose
    /// lengths are `lengths` (per field, by place) and whose labels and columns `metadata` holds;
    /// `begun` has the pages holding `base`.
    init(base: UInt32, lengths: [[UInt32]], metadata: PendingMetadata, begun: Begun) {
        var norms = PageEdits<UInt32>(slots: IndexField.allCases.count)
        var labels = PageEdits<LabelPageName>(slots: DocumentLabel.Kind.allCases.count)
        var columns = PageEdits<UInt32>(slots: DocumentColumn.allCases.count)
        let emptyNorms: () -> [UInt8] = { [UInt8](repeating: 0, count: IndexFormat.normsPageSize) }
        let firstNorms = base >> IndexFormat.normsShift, firstColumns = base >> ColumnPage.shift, firstLabels = base >> LabelPage.shift
        for field in IndexField.allCases {
            let slot = Int(field.rawValue)
            var doc = base
            for length in lengths[slot] {
                totalLengths[slot] += UInt64(length)
                let page = doc >> IndexFormat.normsShift
                let offset = Int(doc & UInt32(IndexFormat.normsPageSize - 1))
                let norm = FieldNorm.encode(length)
                norms.edit(
                    slot: slot, page, key: { IndexFormat.normsKey(field, page: page) },
                    load: { _ in page == firstNorms ? begun.norms[slot] : nil }, empty: emptyNorms
                ) { $0[offset] = norm }
                doc += 1
            }
        }
        var doc = base
        metadata.forEach { values in
            for label in values.labels {
                let page = doc >> LabelPage.shift
                labels.edit(
                    slot: Int(label.kind.rawValue), LabelPageName(label: label, page: page), key: { IndexFormat.labelKey(label, page: page) },
                    load: { _ in page == firstLabels ? begun.labels[label] : nil }, empty: LabelPage.empty
                ) { LabelPage.set(doc, in: &$0) }
            }
            for column in DocumentColumn.allCases {
                let page = doc >> ColumnPage.shift
                let value = values.value(column)
                columns.edit(
                    slot: Int(column.rawValue), page, key: { IndexFormat.columnKey(column, page: page) },
                    load: { _ in page == firstColumns ? begun.columns[Int(column.rawValue)] : nil }, empty: ColumnPage.empty
                ) { ColumnPage.store(value, for: doc, in: &$0) }
            }
            doc += 1
        }
        self.norms = norms.removeAll()
        self.labels = labels.removeAll()
        self.columns = columns.removeAll()
    }
}
