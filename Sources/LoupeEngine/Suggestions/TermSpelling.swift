import LoupeIndex

/// How the documents spell a term. The dictionary holds analyzed terms (stems, under the English
/// analyzer: `comput` for "computer" and "computing"); a word shown to a user is read back from
/// the first few documents that hold the term, and its most frequent spelling there, lowercased,
/// wins (ties: the alphabetically first).
struct TermSpelling {
    let reader: IndexReader
    /// Documents read for one term.
    let samples: Int

    /// The most frequent spelling of `term` (whose entry is `info`) in `field` among the first
    /// ``samples`` live documents holding it; `nil` when none of them spells it (an emptied field).
    func spelling(of term: String, info: TermInfo, in field: IndexField) throws -> String? {
        let postings = TermPostings(chunks: try reader.postingsChunks(info), info: info)
        var counts: [String: Int] = [:]
        var doc = postings.doc
        var read = 0
        while doc != terminatedDoc, read < samples {
            defer { doc = postings.next() }
            guard !reader.isDeleted(doc) else { continue }
            read += 1
            let content: String? = switch field {
            case .body: try reader.text(doc)
            case .title: try reader.document(doc)?.title
            case .path: try reader.document(doc)?.id
            }
            guard let content else { continue }
            let utf8 = Array(content.utf8)
            for token in reader.analyzer.tokens(content) where token.term == term {
                counts[String(decoding: utf8[token.range], as: UTF8.self).lowercased(), default: 0] += 1
            }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
}
