import LoupeStorage

/// Document rounds encoded one ahead of their puts: each round handed in is encoded in the
/// background (``BackgroundWork``: its runs packed into blocks on the workers, its record groups
/// encoded and compressed) while the caller puts the round handed in before. How a flush's staging
/// transaction and a commit's document pass write their blocks and record groups.
struct DocumentRoundPipeline {
    private let layout: PageLayout
    private let threads: Int
    private var encoding: BackgroundWork<DocumentRound.Encoded>?

    /// A pipeline packing blocks for tables of `layout` on `threads` workers.
    init(layout: PageLayout, threads: Int) {
        self.layout = layout
        self.threads = threads
    }

    /// Starts encoding `round` unless it is empty, and empties it; returns the round handed in
    /// before, encoded (waiting for it), or nil when there is none. Handing in an empty round
    /// drains the pipeline.
    mutating func hand(_ round: inout DocumentRound) throws -> DocumentRound.Encoded? {
        var next: BackgroundWork<DocumentRound.Encoded>?
        if !round.runs.isEmpty || !round.groups.isEmpty {
            let work = round, layout = layout, threads = threads
            next = BackgroundWork { work.encoded(layout: layout, threads: threads) }
            round = DocumentRound()
        }
        let encoded = try encoding?.result()
        encoding = next
        return encoded
    }
}
