import Foundation
import LoupeEngine
import LoupeProtocol

/// `loupe search --server`: the same search asked of a daemon, printed exactly as a local search.
struct RemoteSearch {
    let command: SearchCommand

    func run(_ address: ServerAddress) throws {
        let connection = try ServerOptions.connect(address)
        let request = SearchRequest(
            query: command.query, limit: command.limit, offset: command.offset, snippets: !command.noSnippets,
            options: QueryOptions(
                defaultOperator: command.defaultAnd ? .and : nil, strict: command.strict, k1: command.k1, b: command.b))
        guard case .results(let reply) = try ServerOptions.call(connection, .search(request)) else {
            throw CLIError("louped answered SEARCH with something else")
        }
        let results = SearchResults(total: reply.total, tookMicroseconds: reply.tookMicroseconds, hits: reply.hits.map { hit in
            SearchHit(
                rank: hit.rank, score: hit.score, doc: 0, id: hit.id, title: hit.title,
                snippet: command.noSnippets ? nil : Snippet(text: hit.snippet, highlights: hit.highlights))
        })
        print(command.json ? ResultsJSON.render(results) : HumanResults.render(results, styled: isatty(STDOUT_FILENO) != 0))
    }
}
