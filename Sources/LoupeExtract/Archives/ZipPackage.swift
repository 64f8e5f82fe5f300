import Foundation
import ZIPFoundation

/// A zip archive held in memory, read through ZIPFoundation with the limits of
/// ``ExtractionOptions``: at most `maxArchiveEntries` entries are listed, and all the entries
/// read from one package together inflate to at most `maxBytes` bytes. The bytes are counted
/// as they come out of the inflater, whatever sizes the archive declares, so a zip bomb stops
/// at the limit with a ``ContainerFailure`` and never fills memory.
final class ZipPackage {
    private let archive: Archive
    /// The file entries by path; the first entry wins when a path repeats.
    private var entries: [String: Entry] = [:]
    /// The entries' paths in archive order.
    private(set) var paths: [String] = []
    private let maxBytes: Int
    /// Bytes inflated so far, over every entry read.
    private var inflated = 0

    /// The signature of an OLE2 compound file: what Office writes for an encrypted
    /// (password-protected) OOXML document, and for the legacy binary formats.
    private static let ole2Signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Opens `bytes` as a zip archive and lists its entries.
    ///
    /// - Throws: ``ContainerFailure`` when the bytes are an OLE2 file (encrypted office
    ///   document), not a zip archive, a damaged one, or one of more than
    ///   `options.maxArchiveEntries` entries.
    init(bytes: [UInt8], options: ExtractionOptions) throws(ContainerFailure) {
        if bytes.starts(with: Self.ole2Signature) {
            throw ContainerFailure("an OLE2 compound file, not a zip archive: encrypted (password-protected) or a legacy binary office format")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw ContainerFailure("not a zip archive") }
        maxBytes = options.maxBytes
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ContainerFailure("damaged zip archive (no readable central directory)")
        }
        for entry in archive {
            guard paths.count < options.maxArchiveEntries else {
                throw ContainerFailure("more than \(options.maxArchiveEntries) entries in the archive")
            }
            guard entry.type == .file else { continue }
            let path = entry.path
            paths.append(path)
            if entries[path] == nil { entries[path] = entry }
        }
    }

    /// Whether the archive holds a file at `path`.
    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// Inflates the entry at `path`, handing its bytes to `consumer` in chunks as they come.
    ///
    /// - Throws: ``ContainerFailure`` when the entry is missing, damaged (bad data or
    ///   checksum), or takes the package over its byte limit; what `consumer` throws, as a
    ///   failure naming the entry.
    func read(_ path: String, consumer: (UnsafeRawBufferPointer) throws -> Void) throws(ContainerFailure) {
        guard let entry = entries[path] else { throw ContainerFailure("missing part \(path)") }
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10) { data in
                inflated += data.count
                guard inflated <= maxBytes else { throw SizeLimitReached() }
                try data.withUnsafeBytes { try consumer($0) }
            }
        } catch is SizeLimitReached {
            throw ContainerFailure("uncompressed size over \(ByteCount(maxBytes))")
        } catch let error as XMLStreamError {
            throw ContainerFailure("malformed XML in \(path): \(error.message)")
        } catch let error as ContainerFailure {
            throw error
        } catch Archive.ArchiveError.invalidCRC32 {
            throw ContainerFailure("damaged zip entry \(path) (checksum mismatch)")
        } catch {
            throw ContainerFailure("damaged zip entry \(path) (\(error))")
        }
    }

    /// The whole content of the entry at `path`, under the same limits as ``read(_:consumer:)``.
    func bytes(of path: String) throws(ContainerFailure) -> [UInt8] {
        var bytes = [UInt8]()
        try read(path) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Streams the entry at `path` through an XML parser that reports to `handler`.
    func parseXML(_ path: String, into handler: XMLEventHandler) throws(ContainerFailure) {
        let parser = XMLStreamParser(handler: handler)
        try read(path) { try parser.feed($0) }
        do {
            try parser.finish()
        } catch {
            throw ContainerFailure("malformed XML in \(path): \(error.message)")
        }
    }

    private struct SizeLimitReached: Error {}
}

/// A byte count for messages: `64 MiB`, `1.5 KiB`, `300 bytes`.
struct ByteCount: CustomStringConvertible {
    let bytes: Int

    init(_ bytes: Int) {
        self.bytes = bytes
    }

    var description: String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value == value.rounded() ? "\(Int(value)) \(unit)" : "\((value * 10).rounded() / 10) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
