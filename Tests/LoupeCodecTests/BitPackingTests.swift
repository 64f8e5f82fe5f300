import LoupeTestSupport
import Testing
@testable import LoupeCodec

@Suite struct BitPackingTests {
    @Test(arguments: 0...32)
    func roundTripsEveryWidth(bits: Int) {
        var rng = SeededGenerator(seed: UInt64(bits) &+ 1)
        let mask: UInt32 = bits == 32 ? .max : (1 << UInt32(bits)) - 1
        var values = (0..<128).map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) & mask }
        if bits > 0 { values[77] = mask }  // the widest value must survive
        var packed = [UInt8](repeating: 0, count: BitPacking.packedSize(bits: bits))
        values.withUnsafeBufferPointer { v in
            packed.withUnsafeMutableBytes { BitPacking.pack(v.baseAddress!, bits: bits, into: $0.baseAddress!) }
        }
        var unpacked = [UInt32](repeating: 99, count: 128)
        packed.withUnsafeBytes { p in
            unpacked.withUnsafeMutableBufferPointer { BitPacking.unpack(p.baseAddress!, bits: bits, into: $0.baseAddress!) }
        }
        #expect(unpacked == values)
        #expect(values.withUnsafeBufferPointer { BitPacking.bitWidth($0.baseAddress!) } == bits)
    }

    @Test(arguments: 0...32)
    func unpacksAnyRunOfRowsAlone(bits: Int) {
        var rng = SeededGenerator(seed: UInt64(bits) &+ 100)
        let mask: UInt32 = bits == 32 ? .max : (1 << UInt32(bits)) - 1
        let values = (0..<128).map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) & mask }
        var packed = [UInt8](repeating: 0, count: BitPacking.packedSize(bits: bits))
        values.withUnsafeBufferPointer { v in
            packed.withUnsafeMutableBytes { BitPacking.pack(v.baseAddress!, bits: bits, into: $0.baseAddress!) }
        }
        for rows in [0..<1, 31..<32, 0..<32, 5..<9, 17..<18, 12..<12] + (0..<20).map({ _ in
            let a = Int.random(in: 0..<32, using: &rng)
            return a..<Int.random(in: (a + 1)...32, using: &rng)
        }) {
            var out = [UInt32](repeating: 99, count: 4 * rows.count + 4)
            packed.withUnsafeBytes { p in
                out.withUnsafeMutableBufferPointer { BitPacking.unpack(p.baseAddress!, bits: bits, rows: rows, into: $0.baseAddress!) }
            }
            #expect(Array(out[0..<(4 * rows.count)]) == Array(values[(4 * rows.lowerBound)..<(4 * rows.upperBound)]), "rows \(rows)")
            #expect(out.suffix(4) == [99, 99, 99, 99], "rows \(rows) wrote past their values")
        }
    }

    /// Value `i` of a packed block read bit by bit from the layout's definition (lane `i % 4`, row
    /// `i / 4`, lane words interleaved by 16-byte groups): the generic reading every width-specific
    /// routine must agree with.
    static func referenceValue(_ packed: [UInt8], bits: Int, index i: Int) -> UInt32 {
        let lane = i % 4, row = i / 4
        var value: UInt32 = 0
        for b in 0..<bits {
            let bit = row * bits + b
            let word = bit / 32
            let byte = packed[16 * word + 4 * lane + (bit % 32) / 8]
            if (byte >> UInt8(bit % 8)) & 1 == 1 { value |= 1 << UInt32(b) }
        }
        return value
    }

    /// Random values of at most `bits` bits (width 0: zeros), packed, and the block's generic reading.
    static func randomBlock(bits: Int, seed: UInt64) -> (packed: [UInt8], values: [UInt32]) {
        var rng = SeededGenerator(seed: seed)
        let mask: UInt32 = bits == 32 ? .max : (1 << UInt32(bits)) - 1
        // Mixed magnitudes: full-width values, small ones, and the widest value somewhere.
        var values = (0..<128).map { i in UInt32.random(in: 0...UInt32.max, using: &rng) & (i % 3 == 0 ? mask : mask >> UInt32(bits / 2)) }
        if bits > 0 { values[Int.random(in: 0..<128, using: &rng)] = mask }
        var packed = [UInt8](repeating: 0, count: BitPacking.packedSize(bits: bits))
        values.withUnsafeBufferPointer { v in
            packed.withUnsafeMutableBytes { BitPacking.pack(v.baseAddress!, bits: bits, into: $0.baseAddress!) }
        }
        let read = (0..<128).map { referenceValue(packed, bits: bits, index: $0) }
        return (packed, read)
    }

    @Test(arguments: 0...32)
    func widthSpecificUnpackingMatchesTheGenericReading(bits: Int) {
        for round in 0..<20 {
            let (packed, values) = Self.randomBlock(bits: bits, seed: UInt64(bits * 1000 + round))
            var rng = SeededGenerator(seed: UInt64(round) &+ 7)
            let offset = round == 0 ? UInt32.max : UInt32.random(in: 0...UInt32.max, using: &rng)
            let base = round == 1 ? UInt32.max - 5 : UInt32.random(in: 0...UInt32.max, using: &rng)
            var plain = [UInt32](repeating: 99, count: 129)
            var shifted = [UInt32](repeating: 99, count: 129)
            var sums = [UInt32](repeating: 99, count: 129)
            packed.withUnsafeBytes { p in
                plain.withUnsafeMutableBufferPointer { BitPacking.unpack(p.baseAddress!, bits: bits, into: $0.baseAddress!) }
                shifted.withUnsafeMutableBufferPointer { BitPacking.unpack(p.baseAddress!, bits: bits, adding: offset, into: $0.baseAddress!) }
                sums.withUnsafeMutableBufferPointer { BitPacking.unpackPrefixSums(p.baseAddress!, bits: bits, base: base, into: $0.baseAddress!) }
            }
            #expect(Array(plain.prefix(128)) == values, "width \(bits) round \(round)")
            #expect(Array(shifted.prefix(128)) == values.map { $0 &+ offset }, "width \(bits) round \(round) + \(offset)")
            var running = base
            let expectedSums = values.map { running &+= $0; return running }
            #expect(Array(sums.prefix(128)) == expectedSums, "width \(bits) round \(round) sums from \(base)")
            #expect(plain[128] == 99 && shifted[128] == 99 && sums[128] == 99, "width \(bits) wrote past 128 values")
        }
    }

    @Test(arguments: 0...32)
    func readsEachValueAloneAsTheGenericReadingDoes(bits: Int) {
        for round in 0..<10 {
            let (packed, values) = Self.randomBlock(bits: bits, seed: UInt64(bits * 1000 + round) &+ 500)
            // Read from the block's own bytes, with no slack after them: a read must not pass the block.
            let read = packed.withUnsafeBytes { p in
                (0..<128).map { BitPacking.value(at: $0, in: p.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, bits: bits) }
            }
            #expect(read == values, "width \(bits) round \(round)")
        }
    }
}
