import LoupeTestSupport

/// Random small documents over a tiny vocabulary, so that terms, phrases and prefixes match
/// often and the match sets of random queries are neither empty nor everything.
///
/// The vocabulary exercises what the analyzers do differently: case (`Wind`/`wind`), stemming
/// (`model`/`models`/`modeling`, `run`/`running`), diacritics (`café`), stop words (`the`, `of`,
/// `and`, which the English preset drops while keeping their positions), and separators inside
/// a word (`alpha-beta` is two adjacent tokens).
enum RandomCorpus {
    /// The words documents are made of.
    static let vocabulary = [
        "alpha", "beta", "gamma", "delta", "model", "models", "modeling", "Wind", "wind", "tunnel",
        "the", "of", "and", "café", "run", "running",
    ]

    /// Folders of the document ids; an id is `folder/word-n.txt`, so `path:` has words to find.
    static let folders = ["notes", "drafts", "alpha"]

    /// Separators between words of a generated text: mostly spaces, sometimes punctuation.
    private static let separators = [" ", " ", " ", " ", " ", ", ", ". ", "-", " (", ") "]

    /// `count` words of the vocabulary joined by random separators.
    static func text(words count: Int, using rng: inout SeededGenerator) -> String {
        var text = ""
        for i in 0..<count {
            if i > 0 { text += separators.randomElement(using: &rng)! }
            text += vocabulary.randomElement(using: &rng)!
        }
        return text
    }

    /// A body of 3–25 words.
    static func body(using rng: inout SeededGenerator) -> String {
        text(words: Int.random(in: 3...25, using: &rng), using: &rng)
    }

    /// A title: empty about a third of the time, else 1–4 words.
    static func title(using rng: inout SeededGenerator) -> String {
        Int.random(in: 0..<3, using: &rng) == 0 ? "" : text(words: Int.random(in: 1...4, using: &rng), using: &rng)
    }

    /// A fresh external id, unique through `serial`.
    static func id(serial: Int, using rng: inout SeededGenerator) -> String {
        "\(folders.randomElement(using: &rng)!)/\(vocabulary.randomElement(using: &rng)!)-\(serial).txt"
    }
}
