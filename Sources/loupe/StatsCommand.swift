import ArgumentParser
import LoupeIndex

/// `loupe stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show documents, terms and bytes per structure.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let index = try common.openIndex(try common.settings())
        let reader = try index.reader()
        let stats = reader.statistics
        print("index        \(index.path)")
        print("format       \(IndexFormat.version)")
        print("analyzer     \(index.analyzerSettings.preset?.rawValue ?? "custom")")
        print("documents    \(stats.liveDocs) live, \(stats.deletedDocs) deleted")
        print("terms        \(stats.nextTermId)")
        print("problems     \(try reader.problemCount) files could not be read (`loupe problems` lists them)")
        for field in IndexField.allCases {
            print("avg length   \(field.name): " + String(format: "%.1f", stats.averageLength(field)))
        }
        // Live documents per type, from the `type:` label bitmaps.
        var perType: [String] = []
        for label in try reader.labels(.type) {
            let docs = try reader.documents(with: label)
            var count = 0
            var next = docs.first(atOrAfter: 0)
            while let doc = next {
                if !reader.isDeleted(doc) { count += 1 }
                next = doc == UInt32.max ? nil : docs.first(atOrAfter: doc + 1)
            }
            if count > 0 { perType.append("\(label.value) \(count)") }
        }
        print("types        " + (perType.isEmpty ? "none" : perType.joined(separator: ", ")))
        // The data file never shrinks: pages a commit or a compaction frees are reused by later commits.
        let tables = try reader.tableStatistics()
        let tableBytes = tables.reduce(0) { $0 + $1.statistics.bytes }
        print("bytes        \(index.usedBytes) in the data file: \(tableBytes) in tables, "
            + "\(max(0, index.usedBytes - tableBytes)) free for later commits")
        for (name, table) in tables {
            print("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + "\(table.entries) entries, \(table.bytes) bytes")
        }
    }
}
