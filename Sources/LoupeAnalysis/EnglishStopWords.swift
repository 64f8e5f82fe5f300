// The English stop-word list.
//
// Source: the Snowball project's English stop word list, https://snowballstem.org/algorithms/english/stop.txt
// (snowballstem/snowball-website, algorithms/english/stop.txt), by Martin Porter, distributed
// under the Snowball project's BSD 3-Clause license (the same terms as the stemmer test data in
// Tests/LoupeAnalysisTests/Resources/stemmer/COPYING). The list is data; the 124 words below are
// every entry of it without an apostrophe. Its contracted forms ("don't", "i'm", …) are left out
// because the tokenizer splits at apostrophes, so they never occur as tokens.

/// English stop words, matched against case-folded, unstemmed tokens.
enum EnglishStopWords {
    /// The words, in the order of the source list.
    static let words: [StaticString] = [
        // Pronouns.
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "what", "which", "who", "whom", "this", "that", "these", "those",
        // Verb forms.
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "would", "should", "could", "ought", "cannot",
        // Articles.
        "a", "an", "the",
        // Prepositions, conjunctions, adverbs and the rest.
        "and", "but", "if", "or", "because", "as", "until", "while",
        "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during",
        "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off",
        "over", "under", "again", "further", "then", "once", "here", "there", "when", "where",
        "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such",
        "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
    ]
}
