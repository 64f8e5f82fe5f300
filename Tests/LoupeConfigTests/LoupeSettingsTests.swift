import Foundation
import LoupeTestSupport
import Testing
@testable import LoupeConfig

@Suite struct LoupeSettingsTests {
    @Test func theShippedFileStatesTheDefaults() throws {
        let shipped = try LoupeSettings(contentsOf: repositoryRoot + "/config/loupe.toml")
        let defaults = LoupeSettings()
        #expect(shipped.indexPath == defaults.indexPath)
        #expect(shipped.analyzer == defaults.analyzer)
        #expect(shipped.indexing.maxFileSize == defaults.indexing.maxFileSize)
        #expect(shipped.indexing.memoryBudget == defaults.indexing.memoryBudget)
        #expect(shipped.indexing.includeHidden == defaults.indexing.includeHidden)
        #expect(shipped.indexing.followSymlinks == defaults.indexing.followSymlinks)
        #expect(shipped.indexing.compactDeletedRatio == defaults.indexing.compactDeletedRatio)
        #expect(shipped.bm25 == defaults.bm25)
        #expect(shipped.search.fields == defaults.search.fields)
        #expect(shipped.search.limit == defaults.search.limit)
        #expect(shipped.search.defaultOperator == defaults.search.defaultOperator)
        #expect(shipped.search.maxClauses == defaults.search.maxClauses)
        #expect(shipped.search.maxExpansions == defaults.search.maxExpansions)
        #expect(shipped.search.snippetLength == defaults.search.snippetLength)
    }

    @Test func valuesAreRead() throws {
        let dir = TemporaryDirectory("config")
        let path = try dir.write(
            "c.toml", "[search]\nk1 = 0.9\nb = 0.4\ndefault_operator = \"and\"\n[index]\nanalyzer = \"simple\"\nfollow_symlinks = true\n")
        let settings = try LoupeSettings(contentsOf: path)
        #expect(settings.indexing.followSymlinks)
        #expect(settings.bm25.k1 == 0.9 && settings.bm25.b == 0.4)
        #expect(settings.search.defaultOperator == .and)
        #expect(settings.analyzer == .simple)
    }

    @Test(arguments: [
        "[search]\nk2 = 1\n",                 // unknown option
        "[search]\nb = 2\n",                  // out of range
        "[index]\nanalyzer = \"klingon\"\n",  // not a choice
        "[search]\nlimit = \"ten\"\n",        // wrong type
        "[index]\nfollow_symlinks = 1\n",     // not a boolean
        "[search\n",                          // not TOML
        "k1 = 1\n",                           // not in a section
    ])
    func badFilesAreRejectedWithTheReason(text: String) throws {
        let dir = TemporaryDirectory("config")
        let path = try dir.write("bad.toml", text)
        #expect(throws: ConfigError.self) { try LoupeSettings(contentsOf: path) }
    }
}
