/// Recognising man pages by name: `ls.1`, `printf.3p`, `git-log.1.gz`.
enum ManPageName {
    /// The section (1–9) that the name `name` (compression suffix already removed) ends
    /// with, or `nil`: the extension must start with a digit from 1 to 9, optionally followed
    /// by letters (`3p`, `1ssl`, `3perl`, `3readline`: ten characters at most), and something
    /// must come before the dot.
    static func section(ofFileName name: some StringProtocol) -> Int? {
        let ext = FileName(name).extensionLowercased
        guard let first = ext.unicodeScalars.first, ("1"..."9").contains(first),
              ext.unicodeScalars.dropFirst().allSatisfy({ ("a"..."z").contains($0) }), ext.count <= 10
        else { return nil }
        return Int(String(first))
    }
}
