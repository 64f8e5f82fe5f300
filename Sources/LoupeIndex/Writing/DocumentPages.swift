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
            metadata.forEach(limit: onPage) { values in seen.formUnion(metadata.labelSets[values.labelSet]) }
            var labels: [DocumentLabel: [UInt8]] = [:]
            for label in seen {
                if let page = try txn.get(tables.labels, key: IndexFormat.labelKey(label, page: labelPage)) { labels[label] = Array(page) }
            }
            self.init(norms: norms, columns: columns, labels: labels)
        }
    }

    /// The pages of the documents at batch places 0, 1, ... (doc ids from `base` on), whose
    /// lengths are `lengths` (per field, by place) and whose labels and columns `metadata` holds;
    /// `begun` has the pages holding `base`. Each page is filled where it lies, a page after the
    /// other, with no look-up per document.
    init(base: UInt32, lengths: [[UInt32]], metadata: PendingMetadata, begun: Begun) {
        for field in IndexField.allCases {
            let slot = Int(field.rawValue)
            lengths[slot].withUnsafeBufferPointer { column in
                var place = 0
                var page = base >> IndexFormat.normsShift
                var total: UInt64 = 0
                while place < column.count {
                    var bytes = (place == 0 ? begun.norms[slot] : nil) ?? [UInt8](repeating: 0, count: IndexFormat.normsPageSize)
                    let offset = Int((base + UInt32(place)) & UInt32(IndexFormat.normsPageSize - 1))
                    let end = min(column.count, place + IndexFormat.normsPageSize - offset)
                    bytes.withUnsafeMutableBufferPointer { bytes in
                        for i in place..<end {
                            total += UInt64(column[i])
                            bytes[offset + i - place] = FieldNorm.encode(column[i])
                        }
                    }
                    norms.append((IndexFormat.normsKey(field, page: page), bytes))
                    place = end
                    page += 1
                }
                totalLengths[slot] = total
            }
        }
        guard metadata.count > 0 else { return }

        // Labels by a number per distinct label; a label page's bitmaps are made on first use.
        var labelNumbers: [DocumentLabel: Int] = [:]
        var numbered: [DocumentLabel] = []
        let sets = metadata.labelSets.map { set in
            set.map { label in
                if let number = labelNumbers[label] { return number }
                labelNumbers[label] = numbered.count
                numbered.append(label)
                return numbered.count - 1
            }
        }
        var bitmaps = [[UInt8]?](repeating: nil, count: numbered.count)
        var labelPuts: [Put] = []
        var labelPage = base >> LabelPage.shift
        func endLabelPage() {
            for number in bitmaps.indices {
                guard let bitmap = bitmaps[number] else { continue }
                labelPuts.append((IndexFormat.labelKey(numbered[number], page: labelPage), bitmap))
                bitmaps[number] = nil
            }
        }
        var columnPage = base >> ColumnPage.shift
        var pages = DocumentColumn.allCases.map { begun.columns[Int($0.rawValue)] ?? ColumnPage.empty() }
        var columnPuts = [[Put]](repeating: [], count: DocumentColumn.allCases.count)
        func endColumnPage() {
            for column in DocumentColumn.allCases { columnPuts[Int(column.rawValue)].append((IndexFormat.columnKey(column, page: columnPage), pages[Int(column.rawValue)])) }
        }
        var doc = base
        metadata.forEach { values in
            if doc >> ColumnPage.shift != columnPage {
                endColumnPage()
                columnPage = doc >> ColumnPage.shift
                pages = DocumentColumn.allCases.map { _ in ColumnPage.empty() }
            }
            for column in DocumentColumn.allCases { ColumnPage.store(values.value(column), for: doc, in: &pages[Int(column.rawValue)]) }
            if doc >> LabelPage.shift != labelPage {
                endLabelPage()
                labelPage = doc >> LabelPage.shift
            }
            for number in sets[values.labelSet] {
                if bitmaps[number] == nil {
                    bitmaps[number] = (doc >> LabelPage.shift == base >> LabelPage.shift ? begun.labels[numbered[number]] : nil) ?? LabelPage.empty()
                }
                LabelPage.set(doc, in: &bitmaps[number]!)
            }
            doc += 1
        }
        endColumnPage()
        endLabelPage()
        columns = columnPuts.flatMap { $0 }
        labels = labelPuts.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }
}

/// A commit's ``DocumentPages`` built on a thread of their own (``BackgroundWork``), put into the
/// transaction by the committing thread between two rounds of the term merge once they are built,
/// or at the latest after the merge: their arrays, allocated on another thread, are then freed
/// while the merge's workers still allocate, rather than held to its end.
struct DocumentPagesHandOver {
    private var work: BackgroundWork<DocumentPages>?
    /// The put pages' length totals, once they are put.
    private(set) var totalLengths: [UInt64]?

    /// Starts building `build` in the background.
    init(_ build: @escaping @Sendable () -> DocumentPages) {
        work = BackgroundWork(build)
    }

    /// Puts the pages into `txn` if they are built and not put yet; never waits. Returns whether
    /// it put them.
    mutating func putIfBuilt(_ txn: borrowing WriteTransaction, _ tables: Index.Tables) throws -> Bool {
        guard let work, work.isFinished else { return false }
        _ = try put(txn, tables)
        return true
    }

    /// Puts the pages into `txn` unless they are, waiting for them; returns their length totals.
    mutating func put(_ txn: borrowing WriteTransaction, _ tables: Index.Tables) throws -> [UInt64] {
        if let work {
            let pages = try work.result()
            self.work = nil
            for (key, page) in pages.labels { try txn.put(tables.labels, key: key, value: page) }
            for (key, page) in pages.columns { try txn.put(tables.columns, key: key, value: page) }
            for (key, page) in pages.norms { try txn.put(tables.norms, key: key, value: page) }
            totalLengths = pages.totalLengths
        }
        return totalLengths!
    }
}
