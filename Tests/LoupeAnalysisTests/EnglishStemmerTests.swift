import LoupeAnalysis
import Testing

/// Spot checks of the Porter2 stemmer beyond the reference vocabulary.
@Suite struct EnglishStemmerTests {
    private let stemmer = EnglishStemmer()

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cats", "cat"), ("gas", "gas"),
        ("running", "run"), ("hopping", "hop"), ("hoped", "hope"), ("luxuriated", "luxuri"),
        ("generously", "generous"), ("generate", "generat"), ("communication", "communic"),
        ("dying", "die"), ("lying", "lie"), ("herring", "herring"), ("evening", "evening"),
        ("skies", "sky"), ("news", "news"), ("succeeded", "succeed"), ("proceeds", "proceed"),
        ("geologist", "geolog"), ("universal", "universal"), ("universe", "univers"),
        ("pasted", "paste"), ("international", "internat"), ("emergency", "emergenc"),
        ("adding", "add"), ("agreed", "agre"), ("dog's", "dog"), ("'quoted'", "quot"),
    ])
    func stems(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test func shortWordsAreUnchanged() {
        #expect(stemmer.stem("") == "")
        #expect(stemmer.stem("a") == "a")
        #expect(stemmer.stem("is") == "is")
        #expect(stemmer.stem("as") == "as")
    }

    @Test func nonASCIILettersAreKeptAsConsonants() {
        #expect(stemmer.stem("cafés") == "café")
        #expect(stemmer.stem("naïvely") == "naïv")
        #expect(stemmer.stem("привет") == "привет")
        #expect(stemmer.stem("東京") == "東京")
    }

    @Test func analyzerStemsLikeTheStandaloneStemmer() {
        let words = ["Generously", "running", "cafés", "Consolidated", "knightly", "1990s", "mp3s"]
        for word in words {
            #expect(terms(custom(stem: true), word) == [stemmer.stem(word.lowercased())])
        }
    }
}
