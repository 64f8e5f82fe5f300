import LoupeStorage

/// What a commit puts between two rounds of its term merge, on the committing thread while the
/// workers encode the next round: the documents' norms, labels and columns pages once they are
/// built (``DocumentPagesHandOver``), and a bulk load's added ids, a share each round
/// (``AddedIdPuts``). What is left goes in after the merge.
struct BetweenRounds {
    var pages: DocumentPagesHandOver?
    var ids: AddedIdPuts?
    /// The ids put after each round.
    private var idsPerRound = Int.max

    init(pages: DocumentPagesHandOver?, ids: AddedIdPuts?) {
        self.pages = pages
        self.ids = ids
    }

    /// Spreads the ids over the `rounds` the merge expects (at least one).
    mutating func spread(over rounds: Int) {
        idsPerRound = (ids?.count ?? 0) / max(1, rounds) + 1
    }

    /// Puts the pages if they are built, and the next share of the ids; never waits. Returns
    /// whether it read the tables beyond the pages it appends to: it put the pages (into the pages
    /// an earlier commit began), or looked ids up.
    mutating func put(_ txn: borrowing WriteTransaction, _ tables: Index.Tables) throws -> Bool {
        let pagesPut = try pages?.putIfBuilt(txn, tables) ?? false
        let idsLookedUp = try ids?.put(txn, upTo: idsPerRound) ?? false
        return pagesPut || idsLookedUp
    }
}
