// The public English stemmer.

/// The Snowball English ("Porter2") stemmer, usable on its own.
///
/// Implements the current Snowball English algorithm and reproduces the Snowball project's
/// reference vocabulary exactly. Words are expected in lower case (as the analyzer produces them);
/// an upper-case `Y` in the input is read as a consonant y and comes back lower-case. Apostrophes
/// are handled as the algorithm describes (`"'s"` endings are removed). Non-ASCII characters count
/// as consonants and are kept as they are. Words of fewer than three characters are returned
/// unchanged. A value type without state: safe to use from any thread.
public struct EnglishStemmer: Sendable {
    /// Creates a stemmer.
    public init() {}

    /// Returns the stem of `word`, e.g. "running" → "run", "generously" → "generous".
    public func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let count = bytes.count
        guard count > 0 else { return word }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * count) { scratch in
            bytes.withUnsafeMutableBufferPointer { term in
                let length = Porter2.stemUTF8(term.baseAddress!, count: count, scratch: scratch.baseAddress!)
                return String(decoding: UnsafeBufferPointer(rebasing: term[0..<length]), as: UTF8.self)
            }
        }
    }
}
