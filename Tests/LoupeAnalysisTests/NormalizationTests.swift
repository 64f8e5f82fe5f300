import LoupeAnalysis
import Testing

/// Case mapping and diacritic folding.
@Suite struct NormalizationTests {
    @Test func accentsAreKeptWithoutDiacriticFolding() {
        #expect(terms(simple, "Café NAÏVE Ångström señor") == ["café", "naïve", "ångström", "señor"])
    }

    @Test func accentsAreFoldedWithDiacriticFolding() {
        #expect(
            terms(englishUnstemmed, "Café NAÏVE Ångström señor Dvořák Łódź Øresund İstanbul")
                == ["cafe", "naive", "angstrom", "senor", "dvorak", "lodz", "oresund", "istanbul"]
        )
    }

    @Test func precomposedAndDecomposedLettersFoldAlike() {
        #expect(englishUnstemmed.normalize("re\u{301}sume\u{301}") == "resume")
        #expect(englishUnstemmed.normalize("résumé") == "resume")
    }

    @Test func fullCaseFoldingForEnglish() {
        #expect(terms(englishUnstemmed, "Straße STRASSE ﬁne") == ["strasse", "strasse", "fine"])
    }

    @Test func plainLowercaseForSimple() {
        #expect(terms(simple, "Straße STRASSE") == ["straße", "strasse"])
        // Rust's char::to_lowercase: İ becomes i + combining dot above.
        #expect(terms(simple, "İstanbul") == ["i\u{307}stanbul"])
    }

    @Test func greekFinalSigma() {
        // No context rule: a capital final sigma lower-cases to σ, and folding maps ς to σ.
        #expect(terms(simple, "ΟΔΟΣ οδός") == ["οδοσ", "οδός"])
        #expect(terms(englishUnstemmed, "ΟΔΟΣ οδός Οδός") == ["οδοσ", "οδοσ", "οδοσ"])
    }

    @Test func cyrillicFolding() {
        #expect(terms(englishUnstemmed, "Ёлка ЙОД") == ["елка", "иод"])
        #expect(terms(simple, "Ёлка ЙОД") == ["ёлка", "йод"])
    }

    @Test func otherScriptsKeepTheirMarks() {
        // Kana voicing marks and Hangul are not diacritics to fold.
        #expect(terms(englishUnstemmed, "ガギグ 한글") == ["ガギグ", "한글"])
    }

    @Test func normalizeFoldsWithoutStemmingOrStopWords() {
        #expect(english.normalize("Running") == "running")
        #expect(english.normalize("THE") == "the")
        #expect(english.normalize("Résumé") == "resume")
        #expect(english.normalize("Straße") == "strasse")
        #expect(english.normalize("İ") == "i")
        #expect(simple.normalize("Straße") == "straße")
        #expect(simple.normalize("Café") == "café")
        #expect(simple.normalize("") == "")
    }

    @Test func normalizeMatchesAnalyzedTerms() {
        for word in ["Ærøskøbing", "ΣΟΦΟΣ", "Ünïcödé", "MIXED123ÄÖÜ", "東京"] {
            #expect(terms(englishUnstemmed, word) == [englishUnstemmed.normalize(word)])
        }
    }
}
