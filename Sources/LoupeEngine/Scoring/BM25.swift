import Foundation
import LoupeCodec

/// BM25's free parameters.
public struct BM25Parameters: Sendable, Equatable, Codable {
    /// Term-frequency saturation; 0 makes tf irrelevant. Must be ≥ 0.
    public var k1: Double
    /// Length normalization, from 0 (none) to 1 (full).
    public var b: Double

    public init(k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
    }

    /// Checks the ranges BM25 is defined for.
    public func validated() throws -> BM25Parameters {
        guard k1.isFinite, k1 >= 0 else { throw SearchError.invalidOption("k1 must be a finite number ≥ 0, got \(k1)") }
        guard b.isFinite, (0...1).contains(b) else { throw SearchError.invalidOption("b must be between 0 and 1, got \(b)") }
        return self
    }
}

/// BM25 as Lucene defines its parts: `idf = ln(1 + (N - df + 0.5) / (df + 0.5))` and
/// `score = boost · idf · tf · (k1 + 1) / (tf + k1 · (1 - b + b · dl / avgdl))`.
public enum BM25 {
    /// Inverse document frequency of a term found in `docFreq` of `docCount` documents.
    @inline(__always)
    public static func idf(docFreq: Double, docCount: Double) -> Double {
        log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5))
    }
}

/// The part of a BM25 score fixed for one term in one field of one query: everything but tf and
/// the document's length code. The length part comes from the field's ``NormTable``, so
/// `score = factor · tf / (tf + norms[code])`.
public struct TermWeight: Sendable, Equatable {
    /// `boost · idf · (k1 + 1)`.
    public let factor: Double
    public let idf: Double
    public let boost: Double
    public let parameters: BM25Parameters
    /// The exact average length (from the statistics' totals), which ``norms`` was built with.
    public let averageLength: Double
    /// `k1 · (1 − b + b · dl / avgdl)` for each length code (``NormTable/bm25(_:averageLength:)``).
    public let norms: NormTable
    /// ``norms``'s values, read directly in the scoring loops (immutable, and kept alive by ``norms``).
    @usableFromInline nonisolated(unsafe) let lengthPart: UnsafePointer<Double>

    /// `norms` must be ``NormTable/bm25(_:averageLength:)`` of `parameters` and `averageLength`.
    public init(idf: Double, boost: Double, parameters: BM25Parameters, averageLength: Double, norms: NormTable) {
        self.idf = idf
        self.boost = boost
        self.parameters = parameters
        self.averageLength = averageLength
        self.norms = norms
        lengthPart = norms.values
        factor = boost * idf * (parameters.k1 + 1)
    }

    /// The score of a document with term frequency `tf` and length code `norm`.
    @inline(__always)
    public func score(tf: UInt32, norm: UInt8) -> Double {
        score(frequency: Double(tf), norm: norm)
    }

    /// The largest score any posting dominated by `impacts` can have: the impacts' exact lengths
    /// are encoded as the postings' lengths were, and the code is monotone, so the bound holds
    /// for the scores of the postings' codes.
    @inline(__always)
    public func bound(_ impacts: Impacts) -> Double {
        max(score(tf: impacts.tf1, norm: FieldNorm.encode(impacts.length1)),
            score(tf: impacts.tf2, norm: FieldNorm.encode(impacts.length2)))
    }

    /// The score for a fractional frequency (sloppy phrase matches count less than 1 each).
    @inline(__always)
    public func score(frequency f: Double, norm: UInt8) -> Double {
        factor * f / (f + lengthPart[Int(norm)])
    }

    /// Equal when built from the same statistics and parameters (the norm table is a function of them).
    public static func == (a: TermWeight, b: TermWeight) -> Bool {
        a.factor == b.factor && a.idf == b.idf && a.boost == b.boost && a.parameters == b.parameters
            && a.averageLength == b.averageLength && (a.norms === b.norms || (0...255).allSatisfy { a.norms.values[$0] == b.norms.values[$0] })
    }
}
