import LoupeQuery
import Testing

/// SplitMix64: a small seeded generator, so every run fuzzes the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

@Suite("Randomized inputs")
struct FuzzTests {
    /// Pieces that exercise the syntax, glued together with or without spaces.
    static let pieces = [
        "a", "b", "War", "c++", "don't", "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "(", ")", "\"",
        "^", "^2", "^1.5", "~", "~3", "*", "x*", ":", "title:", "Body:", "path:", "foo:", "\\", "\\:",
        " ", " ", " ", "\t", "\n", "é", "e\u{301}", "😀", "👍🏽", "東京", "\u{301}", "0", "1.", ".",
    ]

    static func randomQuery(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...24, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func randomScalars(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...30, using: &generator)
        var text = String.UnicodeScalarView()
        for _ in 0..<count {
            let value = Bool.random(using: &generator)
                ? UInt32.random(in: 0x20...0x7E, using: &generator)
                : UInt32.random(in: 0...0x2FFFF, using: &generator)
            text.append(Unicode.Scalar(value) ?? "?")
        }
        return String(text)
    }

    static func fuzzInputs() -> [String] {
        var generator = SeededGenerator(seed: 0x5EED_1234)
        return (0..<3000).map { index in
            index % 4 == 3 ? randomScalars(&generator) : randomQuery(&generator)
        }
    }

    /// The normalization the parser promises: no boolean with one optional clause or none,
    /// no `matchNone` below the root, no leaf without text.
    static func isNormalized(_ node: QueryNode, isRoot: Bool = true) -> Bool {
        switch node {
        case .term(let text, _, _), .prefix(let text, _, _):
            return !text.isEmpty
        case .fuzzy(let text, let maxEdits, _, _):
            return !text.isEmpty && (0...2).contains(maxEdits ?? 0)
        case .phrase(let words, let slop, _, _):
            return !words.isEmpty && slop >= 0
        case .boolean(let clauses, let boost):
            let shapeOK = clauses.count > 1 || (clauses.count == 1 && clauses[0].occur != .should)
            return shapeOK && boost > 0 && clauses.allSatisfy { isNormalized($0.node, isRoot: false) }
        case .filter(let filter):
            if case .ext(let ext) = filter { return !ext.isEmpty }
            return true
        case .matchNone:
            return isRoot
        }
    }

    @Test func lenientModeNeverFailsAndGivesANormalizedTree() throws {
        for defaultOperator in [DefaultOperator.or, .and] {
            let parser = QueryParser(QueryParserOptions(defaultOperator: defaultOperator))
            for text in Self.fuzzInputs() {
                let node = try parser.parse(text)
                #expect(Self.isNormalized(node), "\(text.debugDescription) → \(node)")
            }
        }
    }

    @Test func strictModeParsesAsLenientOrReportsAColumnInTheInput() throws {
        let strictParser = QueryParser(QueryParserOptions(strict: true))
        var accepted = 0
        for text in Self.fuzzInputs() {
            switch Result(catching: { () throws(QuerySyntaxError) in try strictParser.parse(text) }) {
            case .success(let node):
                accepted += 1
                #expect(try lenient(text) == node, "\(text.debugDescription)")
            case .failure(.invalidSyntax(_, let column)):
                #expect((1...max(text.count, 1)).contains(column), "\(text.debugDescription): column \(column)")
            case .failure(let error):
                Issue.record("unexpected \(error) for \(text.debugDescription)")
            }
        }
        #expect(accepted > 100)
    }

    @Test func descriptionReadsBackAsTheSameTree() throws {
        for text in Self.fuzzInputs() {
            let node = try lenient(text)
            #expect(try strict(node.description) == node, "\(text.debugDescription) → \(node)")
        }
    }
}
