import LoupeCodec
import LoupeIndex

/// A value for each of the 256 one-byte length codes (``FieldNorm``) of one field, computed once
/// per query: scoring a posting is then one code load, one table load and one division.
///
/// The table is a function of the decoded length, so it is monotone in the code whenever the
/// formula is monotone in the length; block-max bounds look their impacts' exact lengths up
/// through ``FieldNorm/encode(_:)``, which keeps them above every posting's score.
public final class NormTable: @unchecked Sendable {
    /// `values[code]`; written in `init` only, so the table may be shared between threads.
    public let values: UnsafePointer<Double>

    /// Every code's decoded length (``FieldNorm/decode(_:)``), computed once per process.
    private static let decodedLengths: [Double] = (0...255).map { Double(FieldNorm.decode(UInt8($0))) }

    /// The table of `base + slope · dl` for each code's decoded length `dl`, or of its reciprocal.
    private init(base: Double, slope: Double, reciprocal: Bool) {
        let storage = UnsafeMutablePointer<Double>.allocate(capacity: 256)
        Self.decodedLengths.withUnsafeBufferPointer { lengths in
            for code in 0..<256 { storage[code] = base + slope * lengths[code] }
            if reciprocal { for code in 0..<256 { storage[code] = 1 / storage[code] } }
        }
        values = UnsafePointer(storage)
    }

    deinit { values.deallocate() }

    /// BM25's length part `k1 · (1 − b + b · dl / avgdl)` (`k1 · (1 − b)` when avgdl is 0: an empty field).
    public static func bm25(_ parameters: BM25Parameters, averageLength: Double) -> NormTable {
        NormTable(
            base: parameters.k1 * (1 - parameters.b), slope: averageLength > 0 ? parameters.k1 * parameters.b / averageLength : 0,
            reciprocal: false)
    }

    /// BM25F's per-field normalization `1 / (1 − b + b · dl / avgdl)`, a factor of the field's
    /// weighted frequency.
    public static func bm25f(_ parameters: BM25Parameters, averageLength: Double) -> NormTable {
        NormTable(base: 1 - parameters.b, slope: averageLength > 0 ? parameters.b / averageLength : 0, reciprocal: true)
    }
}

/// The norm tables of one query, built on first use for each field (all leaves of a field share
/// them). Used by the planner's thread only.
final class NormTables {
    let reader: IndexReader
    let parameters: BM25Parameters
    /// By ``IndexField/rawValue``.
    private var bm25: [NormTable?] = IndexField.allCases.map { _ in nil }
    private var bm25f: [NormTable?] = IndexField.allCases.map { _ in nil }

    init(reader: IndexReader, parameters: BM25Parameters) {
        self.reader = reader
        self.parameters = parameters
    }

    /// BM25's length part for `field` (``NormTable/bm25(_:averageLength:)``).
    func bm25(_ field: IndexField) -> NormTable {
        if let table = bm25[Int(field.rawValue)] { return table }
        let table = NormTable.bm25(parameters, averageLength: reader.statistics.averageLength(field))
        bm25[Int(field.rawValue)] = table
        return table
    }

    /// BM25F's normalization for `field` (``NormTable/bm25f(_:averageLength:)``).
    func bm25f(_ field: IndexField) -> NormTable {
        if let table = bm25f[Int(field.rawValue)] { return table }
        let table = NormTable.bm25f(parameters, averageLength: reader.statistics.averageLength(field))
        bm25f[Int(field.rawValue)] = table
        return table
    }
}
