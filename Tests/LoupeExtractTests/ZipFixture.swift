import Foundation
import ZIPFoundation

/// Builds zip archives in memory for the tests, through ZIPFoundation's writer.
enum ZipFixture {
    /// A zip archive of `entries` (path, content), deflated, in the order given.
    static func make(_ entries: [(String, String)]) throws -> [UInt8] {
        try make(bytes: entries.map { ($0.0, Array($0.1.utf8)) })
    }

    /// A zip archive of `entries` (path, bytes), deflated, in the order given.
    static func make(bytes entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, content) in entries {
            let data = Data(content)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    /// A zip archive of one entry of `size` bytes: `head`, then `unit` over and over. It is
    /// deflated in 1 MiB steps without ever holding the whole entry.
    static func make(path: String, head: [UInt8], repeating unit: [UInt8], size: Int) throws -> [UInt8] {
        let step = 1 << 20
        var cycle = [UInt8]()
        while cycle.count < step + unit.count { cycle += unit }
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
                             bufferSize: step) { position, count in
            let start = Int(position)
            if start >= head.count {
                let offset = (start - head.count) % unit.count
                return Data(cycle[offset..<offset + count])
            }
            let fromHead = Array(head[start...].prefix(count))
            return Data(fromHead + cycle[0..<(count - fromHead.count)])
        }
        return [UInt8](archive.data!)
    }

    /// `zip` with every uncompressed size declared in its local and central headers set to
    /// `size`: the archive then lies about how much its entries inflate to.
    static func declaringUncompressedSize(_ size: UInt32, in zip: [UInt8]) -> [UInt8] {
        var bytes = zip
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        var index = 0
        while index + 46 <= bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
                if bytes[index + 2] == 3, bytes[index + 3] == 4 { put(size, at: index + 22) }
                if bytes[index + 2] == 1, bytes[index + 3] == 2 { put(size, at: index + 24) }
            }
            index += 1
        }
        return bytes
    }
}
