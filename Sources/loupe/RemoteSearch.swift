import Foundation
import LoupeEngine
import LoupeExtract
import LoupeIndex
import LoupeProtocol

/// `loupe search --server`: the same search asked of a daemon, printed exactly as a local search.
struct RemoteSearch {
    let command: SearchCommand

    func run(_ address: ServerAddress) throws {
        let flags = command.expansion
        guard flags.docs == nil, flags.terms == nil, flags.weight == nil else {
            throw CLIError("--expand-docs, --expand-terms and --expand-weight are not sent to louped: it expands with search.expand_docs, expand_terms and expand_weight of its engine settings")
        }
        let connection = try ServerOptions.connect(address)
        let request = SearchRequest(
            query: command.query, limit: command.limit, offset: command.offset, snippets: !command.noSnippets,
            sort: SearchRequest.Sort(rawValue: command.sort.rawValue), expand: command.expansion.expand,
            options: QueryOptions(
                defaultOperator: command.defaultAnd ? .and : nil, strict: command.strict, k1: command.k1, b: command.b))
        guard case .results(let reply) = try ServerOptions.call(connection, .search(request)) else {
            throw CLIError("louped answered SEARCH with something else")
        }
        var results = ShownResults(reply, snippets: !command.noSnippets)
        if command.metadata {
            // SEARCH replies carry no metadata: GET gives it, one hit at a time.
            for i in results.hits.indices {
                guard case .document(let fields) = try ServerOptions.call(connection, .get(id: results.hits[i].id)) else {
                    throw CLIError("louped answered GET with something else")
                }
                (results.hits[i].size, results.hits[i].metadata) = Self.metadata(fields)
            }
        }
        print(command.json
            ? ResultsJSON.render(results, suggestion: reply.suggestion, metadata: command.metadata)
            : HumanResults.render(results, suggestion: reply.suggestion, styled: isatty(STDOUT_FILENO) != 0, metadata: command.metadata))
    }

    /// The size and metadata in a `GET` reply's fields.
    static func metadata(_ fields: [Reply.Field]) -> (UInt64, DocumentMetadata) {
        var size: UInt64 = 0
        var metadata = DocumentMetadata()
        for field in fields {
            switch field.name {
            case "size": size = UInt64(field.value) ?? 0
            case "type": metadata.type = DocumentType(rawValue: field.value) ?? .other
            case "ext": metadata.ext = field.value
            case "modified": metadata.modified = Int64(field.value) ?? 0
            case let name where name.hasPrefix("field_"):
                metadata.fields.append(DocumentField(name: String(name.dropFirst(6)), value: field.value))
            default: break
            }
        }
        return (size, metadata)
    }
}
