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

    /// Puts the pages if they are built, and the next share of the ids; never waits.
    mutating func put(_ txn: borrowing WriteTransaction, _ tables: Index.Tables) throws {
        try pages?.putIfBuilt(txn, tables)
        try ids?.put(txn, upTo: idsPerRound)
    }
}
