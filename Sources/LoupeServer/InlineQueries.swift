import Dispatch
import LoupeEngine
import LoupeProtocol

/// Which queries an event loop answers itself instead of handing them to the query pool, and
/// for how long it may try.
///
/// Handing a query to the pool and its reply back costs two thread wake-ups, which on the bench
/// corpus cost more than a typical query (see ARCHITECTURE.md, "Where queries run"). So an event
/// loop runs a query itself for at most the slice (``sliceNanoseconds``): the engine checks that shortened deadline as
/// it checks the budget, and a query that overruns it stops and starts again on the pool under
/// its full budget. An event loop is thus never held by a query for much longer than the slice.
/// Only requests whose cost outside retrieval is small are tried, since parsing, planning,
/// records and snippets are not checked against the deadline: SEARCH loading at most
/// ``maxHits`` hits, COUNT and EXPLAIN, whose query text is at most ``maxQueryBytes`` long and
/// has no `~` or `*` (fuzzy words and prefixes walk the term dictionary while planning), and
/// no SEARCH with `expand=1` (RM3 reads its feedback documents before the second pass).
/// GET (a whole document's text) and INFO always go to the pool.
struct InlineQueries: Sendable {
    /// How long an event loop may spend on one query before handing it to the pool, in nanoseconds.
    var sliceNanoseconds: UInt64 = 1_000_000
    /// The most hits a SEARCH may ask for (`limit=`) to be tried on the event loop.
    var maxHits = 20
    /// The longest query text tried on the event loop, in bytes (planning grows with the words).
    var maxQueryBytes = 512

    /// Whether `request` may be tried on the event loop; a SEARCH without `limit=` asks for
    /// `defaultLimit` hits, and without `expand=` is expanded when `expandsByDefault`.
    func admits(_ request: Request, defaultLimit: Int, expandsByDefault: Bool) -> Bool {
        switch request {
        case .search(let search):
            (search.limit ?? defaultLimit) <= maxHits && !(search.expand ?? expandsByDefault) && plansQuickly(search.query)
        case .count(let query, _), .explain(_, let query, _): plansQuickly(query)
        default: false
        }
    }

    /// Whether planning `query` is bounded by its few words: short, no fuzzy word, no prefix.
    private func plansQuickly(_ query: String) -> Bool {
        query.utf8.count <= maxQueryBytes && !query.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "*") }
    }

    /// The deadline of an inline try: a slice from now, or `budget` when it comes first.
    func deadline(within budget: Deadline) -> Deadline {
        Deadline(uptimeNanoseconds: min(budget.uptimeNanoseconds, DispatchTime.now().uptimeNanoseconds &+ sliceNanoseconds))
    }
}

/// What came of trying a query on the event loop.
enum InlineOutcome {
    /// The reply (an `ERR` one included, `ERR TIMEOUT` when the budget itself ran out).
    case answered(Reply)
    /// The query ran past the inline slice and stopped; it is to start again on the pool.
    case overran
    /// The query is not one an event loop tries; it goes to the pool.
    case notAdmitted
}
