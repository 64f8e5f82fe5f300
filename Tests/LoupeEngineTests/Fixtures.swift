import LoupeAnalysis
import LoupeIndex
import LoupeTestSupport

/// Builds a small index in a temporary directory from (id, title, text) triples.
func makeIndex(
    _ dir: TemporaryDirectory, _ docs: [(String, String, String)], analyzer: AnalyzerPreset = .simple
) throws -> Index {
    let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(analyzer))
    let writer = try IndexWriter(index: index)
    for (id, title, text) in docs { try writer.add(DocumentInput(id: id, title: title, text: text)) }
    try writer.commit()
    return index
}
