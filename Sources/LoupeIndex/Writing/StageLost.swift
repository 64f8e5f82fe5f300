/// Thrown by an ``IndexWriter`` that keeps no fallback spill (``IndexWriter/fallbackSpill``) when
/// its stage was given up (another writer took doc ids or compacted during the load): the
/// documents it flushed are in no spill, so it cannot commit them. Nothing of the load is in the
/// index; `JSONLIndexer` loads the file again with a writer that keeps the fallback.
struct StageLost: Error, CustomStringConvertible {
    var description: String { "another writer changed the index during the bulk load; it starts again" }
}
