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
}
