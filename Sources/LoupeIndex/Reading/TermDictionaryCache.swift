import Synchronization

/// The ``TermDictionary`` of each field for the newest commit a reader asked about, kept by the
/// ``Index`` so that every reader of that commit shares one (a daemon builds each once per
/// commit, not once per request). A reader of another commit builds its own and, when its commit
/// is newer, replaces the kept one; an older reader's dictionary lives as long as it is used.
final class TermDictionaryCache: Sendable {
    /// What identifies the state of the index a dictionary describes.
    struct Version: Equatable {
        var commit: UInt64
        var statistics: [UInt64]
    }

    private let kept = Mutex<[IndexField: (version: Version, dictionary: TermDictionary)]>([:])

    /// The dictionary of `field` at `version`, made with `build` unless one is kept.
    func dictionary(_ field: IndexField, at version: Version, build: () throws -> TermDictionary) rethrows -> TermDictionary {
        if let entry = kept.withLock({ $0[field] }), entry.version == version { return entry.dictionary }
        let built = try build()
        kept.withLock { kept in
            if let entry = kept[field], entry.version.commit > version.commit { return }
            kept[field] = (version, built)
        }
        return built
    }
}
