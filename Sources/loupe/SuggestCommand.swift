import ArgumentParser
import Dispatch
import Foundation
import LoupeEngine
import LoupeIndex
import LoupeProtocol

/// `loupe suggest`: search as you type, completions of the last word of the text given.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Complete the last word of a text, as a search box does while the user types.",
        discussion: """
            The completions are words of the index that start with the text's last word, the most \
            frequent first; when words come before it, those the documents hold together with them \
            come first, ranked by how many documents hold them all (docs/suggestions.md).
            """)

    @OptionGroup var common: CommonOptions

    @OptionGroup var remote: ServerOptions

    @Argument(help: "The text typed so far; its last word is completed.")
    var text: String

    @Option(name: .long, help: "Completions to show (1 to \(Completer.maxLimit)).")
    var limit: Int = Completer.defaultLimit

    @Flag(name: .long, help: "Print JSON: {\"took_us\", \"completions\": [{\"text\", \"word\", \"docs\", \"together\"}]}.")
    var json = false

    func validate() throws {
        guard (1...Completer.maxLimit).contains(limit) else { throw ValidationError("--limit must be between 1 and \(Completer.maxLimit)") }
    }

    func run() throws {
        let reply: Reply.Completions
        if let address = try remote.address() {
            let connection = try ServerOptions.connect(address)
            guard case .completions(let answer) = try ServerOptions.call(connection, .suggest(SuggestRequest(text: text, limit: limit))) else {
                throw CLIError("louped answered SUGGEST with something else")
            }
            reply = answer
        } else {
            let settings = try common.settings()
            let index = try common.openIndex(settings)
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                let completions = try Completer(reader: try index.reader())
                    .complete(text, limit: limit, fields: settings.search.fields.keys.sorted { $0.rawValue < $1.rawValue })
                reply = Reply.Completions(
                    tookMicroseconds: Int((DispatchTime.now().uptimeNanoseconds - started) / 1000),
                    items: completions.map { Reply.Completions.Item(word: $0.word, text: $0.text, docs: $0.docFreq, together: $0.together) })
            } catch let error as SearchError {
                throw CLIError("\(error)")
            }
        }
        print(json ? Self.json(reply) : Self.human(reply))
    }

    /// `{"took_us": T, "completions": [{"text": …, "word": …, "docs": N, "together": N or null}]}`.
    static func json(_ reply: Reply.Completions) -> String {
        JSONValue.object([
            ("took_us", .int(reply.tookMicroseconds)),
            ("completions", .array(reply.items.map { item in
                .object([
                    ("text", .string(item.text)), ("word", .string(item.word)), ("docs", .int(item.docs)),
                    ("together", item.together.map { .int($0) } ?? .null),
                ])
            })),
        ]).text
    }

    /// A header line, then one line per completion: the completed text, and how many documents
    /// hold the word (and, with preceding words, how many of those counted hold them together).
    static func human(_ reply: Reply.Completions) -> String {
        var lines = ["\(reply.items.count) completion\(reply.items.count == 1 ? "" : "s") (\(reply.tookMicroseconds) µs)"]
        for item in reply.items {
            lines.append(item.text + "  (\(item.docs) docs" + (item.together.map { ", \($0) with the words before" } ?? "") + ")")
        }
        return lines.joined(separator: "\n")
    }
}
