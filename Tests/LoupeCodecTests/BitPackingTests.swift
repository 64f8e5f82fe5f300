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
}
