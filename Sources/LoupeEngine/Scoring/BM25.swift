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

/// The part of a BM25 score fixed for one term in one field of one query: everything but tf and dl.
public struct TermWeight: Sendable, Equatable {
    /// `boost · idf · (k1 + 1)`.
    public let factor: Double
    /// `k1 · (1 - b)`.
    public let lengthBase: Double
    /// `k1 · b / avgdl`.
    public let lengthSlope: Double
    public let idf: Double
    public let boost: Double
    public let parameters: BM25Parameters
    public let averageLength: Double

    public init(idf: Double, boost: Double, parameters: BM25Parameters, averageLength: Double) {
        self.idf = idf
        self.boost = boost
        self.parameters = parameters
        self.averageLength = averageLength
        factor = boost * idf * (parameters.k1 + 1)
        lengthBase = parameters.k1 * (1 - parameters.b)
        lengthSlope = averageLength > 0 ? parameters.k1 * parameters.b / averageLength : 0
    }

    /// The score of a document with term frequency `tf` and field length `length`.
    @inline(__always)
    public func score(tf: UInt32, length: UInt32) -> Double {
        score(frequency: Double(tf), length: length)
    }

    /// The largest score any posting dominated by `impacts` can have.
    @inline(__always)
    public func bound(_ impacts: Impacts) -> Double {
        max(score(tf: impacts.tf1, length: impacts.length1), score(tf: impacts.tf2, length: impacts.length2))
    }

    /// The score for a fractional frequency (sloppy phrase matches count less than 1 each).
    @inline(__always)
    public func score(frequency f: Double, length: UInt32) -> Double {
        factor * f / (f + lengthBase + lengthSlope * Double(length))
    }
}
