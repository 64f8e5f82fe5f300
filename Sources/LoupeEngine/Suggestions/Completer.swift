import LoupeIndex

/// Search as you type: completions of the last word of what a user is typing, ranked by how many
/// documents hold them, and by the words typed before it.
///
/// The input's last word is its trailing run of letters and digits (``prefix(of:)``); it is
/// normalized as the index normalizes words (case and diacritic folding, no stemming) and matched
/// against the start of the terms of the searched fields (``TermDictionary``). A completion's
/// document frequency is its largest over those fields.
///
/// - Without preceding words, the completions are the `limit` most frequent terms with the prefix.
/// - With preceding words (analyzed as the documents were: stop words dropped, stems under the
///   English analyzer), the ``candidates`` most frequent terms with the prefix are ranked by the
///   number of documents whose text (the body field) holds every preceding word and the
///   completion, then by frequency; completions that occur with none of them are dropped. This is
///   the co-occurrence ranking of a contextual suggester (Lucene's AnalyzingInfixSuggester with
///   the preceding words as a required context, Meilisearch's prefix search over the documents
///   that match the words before it), bounded so that it costs about a millisecond: the documents
///   counted are the first ``contextSample`` (in index order) that hold the preceding words, which
///   is every such document when they are fewer, found among the first ``contextProposals``
///   documents of the rarest preceding word (when none of those holds them all, completions rank
///   by frequency alone). A preceding word no document holds (a typo, a
///   word not finished) is left out of the context rather than emptying it.
public struct Completer {
    public let reader: IndexReader
    /// The longest input, in UTF-8 bytes.
    public static let maxInputBytes = 1024
    /// Completions returned when the caller does not say.
    public static let defaultLimit = 10
    /// The most completions one call returns.
    public static let maxLimit = 100
    /// Terms with the prefix considered when there are preceding words: the most frequent ones.
    public static let candidates = 64
    /// Documents holding the preceding words over which co-occurrence is counted.
    public static let contextSample = 1024
    /// Documents of the rarest preceding word tried against the others while looking for the
    /// sample: a bound on the work when the preceding words rarely occur together.
    public static let contextProposals = 16_384
    /// Documents read to find how a completion is spelt under a stemming analyzer.
    static let spellingSamples = 2

    /// One completion of the input.
    public struct Completion: Sendable, Equatable {
        /// The completed last word: the dictionary's term, or under a stemming analyzer its most
        /// frequent spelling in the documents (see ``TermSpelling``).
        public var word: String
        /// The input with its last word completed.
        public var text: String
        /// Documents holding the word (the largest count over the fields).
        public var docFreq: Int
        /// Documents of the context sample that hold the preceding words and this one; nil when
        /// the input has no preceding word the index knows.
        public var together: Int?

        public init(word: String, text: String, docFreq: Int, together: Int?) {
            self.word = word
            self.text = text
            self.docFreq = docFreq
            self.together = together
        }
    }

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// The input split into the text before its last word and the last word (the trailing run of
    /// letters and digits, empty when the input ends in anything else).
    public static func prefix(of input: String) -> (before: Substring, word: Substring) {
        let start = input.unicodeScalars.lastIndex { !($0.properties.isAlphabetic || $0.properties.numericType != nil) }
            .map { input.unicodeScalars.index(after: $0) } ?? input.startIndex
        return (input[..<start], input[start...])
    }

    /// At most `limit` completions of `input`'s last word over `fields`, best first.
    /// - Throws: ``SearchError/invalidOption(_:)`` for an input over ``maxInputBytes``, an input
    ///   that does not end in a word, or a `limit` outside 1...``maxLimit``.
    public func complete(_ input: String, limit: Int, fields: [IndexField]) throws -> [Completion] {
        guard input.utf8.count <= Self.maxInputBytes else {
            throw SearchError.invalidOption("the text to complete is \(input.utf8.count) bytes long; at most \(Self.maxInputBytes) are read")
        }
        guard (1...Self.maxLimit).contains(limit) else {
            throw SearchError.invalidOption("limit must be between 1 and \(Self.maxLimit), got \(limit)")
        }
        let (before, typed) = Self.prefix(of: input)
        let prefix = reader.analyzer.normalize(String(typed))
        guard !prefix.isEmpty else {
            throw SearchError.invalidOption("nothing to complete: the text must end in the start of a word, got '\(input.suffix(40))'")
        }
        // The most frequent terms with the prefix in each field, merged by their largest frequency.
        let pool = before.isEmpty ? limit : max(limit, Self.candidates)
        var docFreqs: [String: Int] = [:]
        for field in Set(fields) {
            let dictionary = try reader.termDictionary(field)
            for i in dictionary.mostFrequent(in: dictionary.range(prefix: prefix), limit: pool) {
                docFreqs[dictionary.term(i), default: 0] = max(docFreqs[dictionary.term(i)] ?? 0, Int(dictionary.docFreq(i)))
            }
        }
        var ranked = docFreqs.map { (word: $0.key, docFreq: $0.value, together: Int?.none) }
        ranked.sort(by: Self.byFrequency)
        ranked = Array(ranked.prefix(pool))
        if let context = try contextDocuments(String(before)) {
            for i in ranked.indices { ranked[i].together = try together(ranked[i].word, context) }
            ranked.removeAll { $0.together == 0 }
            ranked.sort { a, b in a.together != b.together ? a.together! > b.together! : Self.byFrequency(a, b) }
        }
        return try ranked.prefix(limit).map { completion in
            let word = try shown(completion.word, fields: fields)
            return Completion(word: word, text: before + word, docFreq: completion.docFreq, together: completion.together)
        }
    }

    /// The word a user sees for `term`: the term itself, or under a stemming analyzer the way the
    /// documents most often spell it (``TermSpelling``: `computer`, not the stem `comput`), read
    /// from the first field of `fields` that holds it.
    private func shown(_ term: String, fields: [IndexField]) throws -> String {
        guard reader.analyzer.settings.stem else { return term }
        let spelling = TermSpelling(reader: reader, samples: Self.spellingSamples)
        for field in fields {
            guard let info = try reader.termInfo(field, term), info.docFreq > 0 else { continue }
            if let word = try spelling.spelling(of: term, info: info, in: field) { return word }
        }
        return term
    }

    private static func byFrequency(_ a: (word: String, docFreq: Int, together: Int?), _ b: (word: String, docFreq: Int, together: Int?)) -> Bool {
        a.docFreq != b.docFreq ? a.docFreq > b.docFreq : a.word.utf8.lexicographicallyPrecedes(b.word.utf8)
    }

    /// The first ``contextSample`` live documents whose body holds every known term of `text`, in
    /// doc-id order, among the first ``contextProposals`` documents of its rarest term; nil when
    /// `text` has no term the body holds, or when those documents hold none.
    private func contextDocuments(_ text: String) throws -> [UInt32]? {
        var lists: [TermPostings] = []
        for token in Set(reader.analyzer.tokens(text).map(\.term)) {
            guard let info = try reader.termInfo(.body, token), info.docFreq > 0 else { continue }
            lists.append(TermPostings(chunks: try reader.postingsChunks(info), info: info, frequencies: false))
        }
        guard !lists.isEmpty else { return nil }
        lists.sort { $0.info.docFreq < $1.info.docFreq }
        var docs: [UInt32] = []
        var candidate = lists[0].doc
        var proposals = 1
        // Leapfrog: the rarest list proposes, the others advance to it or past it.
        search: while candidate != terminatedDoc, docs.count < Self.contextSample, proposals <= Self.contextProposals {
            for list in lists.dropFirst() {
                let doc = list.advance(to: candidate)
                if doc != candidate {
                    candidate = lists[0].advance(to: doc)
                    proposals += 1
                    continue search
                }
            }
            proposals += 1
            if !reader.isDeleted(candidate) { docs.append(candidate) }
            candidate = lists[0].next()
        }
        // Words that did not meet within the bound rank by frequency, as if there were none.
        return docs.isEmpty && proposals > Self.contextProposals ? nil : docs
    }

    /// How many of `context` (sorted doc ids) hold `word` in the body.
    private func together(_ word: String, _ context: [UInt32]) throws -> Int {
        guard let info = try reader.termInfo(.body, word), info.docFreq > 0, let last = context.last else { return 0 }
        let postings = TermPostings(chunks: try reader.postingsChunks(info), info: info, frequencies: false)
        var count = 0
        for doc in context {
            let found = postings.advance(to: doc)
            if found == terminatedDoc || found > last { break }
            if found == doc { count += 1 }
        }
        return count
    }
}
