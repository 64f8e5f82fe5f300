import Foundation
import LoupeAnalysis
import Testing

/// Presets and the JSON form stored in index metadata.
@Suite struct AnalyzerSettingsTests {
    @Test func presetContents() {
        let english = AnalyzerSettings.preset(.english)
        #expect(english.caseFolding && english.foldDiacritics && english.stopWords && english.stem)
        #expect(english.maxTokenLength == 40)
        let simple = AnalyzerSettings.preset(.simple)
        #expect(!simple.caseFolding && !simple.foldDiacritics && !simple.stopWords && !simple.stem)
        #expect(simple.maxTokenLength == 40)
    }

    @Test(arguments: AnalyzerPreset.allCases)
    func presetRoundTripsThroughJSON(preset: AnalyzerPreset) throws {
        let settings = AnalyzerSettings.preset(preset)
        let data = try JSONEncoder().encode(settings)
        let decoded = try JSONDecoder().decode(AnalyzerSettings.self, from: data)
        #expect(decoded == settings)
        #expect(decoded.preset == preset)
    }

    @Test func jsonUsesPlainKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(AnalyzerSettings.preset(.english)), as: UTF8.self)
        #expect(json == #"{"caseFolding":true,"foldDiacritics":true,"maxTokenLength":40,"stem":true,"stopWords":true}"#)
        let simple = #"{"caseFolding":false,"foldDiacritics":false,"maxTokenLength":40,"stem":false,"stopWords":false}"#
        #expect(try JSONDecoder().decode(AnalyzerSettings.self, from: Data(simple.utf8)).preset == .simple)
    }

    @Test func presetNamesRoundTrip() throws {
        #expect(AnalyzerPreset(rawValue: "english") == .english)
        #expect(AnalyzerPreset(rawValue: "simple") == .simple)
        let data = try JSONEncoder().encode([AnalyzerPreset.english, .simple])
        #expect(try JSONDecoder().decode([AnalyzerPreset].self, from: data) == [.english, .simple])
    }

    @Test func customSettingsHaveNoPreset() {
        var settings = AnalyzerSettings.preset(.english)
        settings.maxTokenLength = 64
        #expect(settings.preset == nil)
        #expect(AnalyzerSettings(foldDiacritics: true, stopWords: false, stem: true).preset == nil)
        #expect(AnalyzerSettings(foldDiacritics: true, stopWords: true, stem: true).preset == .english)
    }
}
