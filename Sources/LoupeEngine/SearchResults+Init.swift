extension SearchResults {
    /// Results assembled outside a ``Searcher``, such as from a `louped` reply, so that they print
    /// exactly as local results do.
    public init(total: Int, tookMicroseconds: Int, hits: [SearchHit]) {
        self.total = total
        self.hits = hits
        self.tookMicroseconds = tookMicroseconds
    }
}
