import LoupeCodec

/// The layout of the `problems` table: the files that could not be read, keyed by path.
///
/// Key (``IndexFormat/problemKey(path:)``): the file's absolute path, UTF-8 (paths are unique and never empty, where a document
/// id can be empty: a single root that is itself unreadable). Value: u8 version (1),
/// varint-prefixed strings `id`, `reason`, `extractor`; varint extractor version; u8 1 and a
/// string when a helper program was missing, else u8 0; varint size; varint mtime in
/// nanoseconds (the i64's bit pattern).
///
/// Writers change the table through ``IndexWriter/recordProblem(_:)`` and
/// ``IndexWriter/clearProblem(path:)``, in the same transaction as the documents; compaction
/// leaves it as it is.
enum ProblemLedger {
    static func encoded(_ problem: FileProblem) -> [UInt8] {
        var out: [UInt8] = [1]
        out.appendString(problem.id)
        out.appendString(problem.reason)
        out.appendString(problem.extractor)
        VarInt.append64(UInt64(max(0, problem.extractorVersion)), to: &out)
        if let program = problem.missingProgram {
            out.append(1)
            out.appendString(program)
        } else {
            out.append(0)
        }
        VarInt.append64(problem.size, to: &out)
        VarInt.append64(UInt64(bitPattern: problem.mtimeNanoseconds), to: &out)
        return out
    }

    /// Decodes the entry at `key`.
    /// - Throws: ``IndexError/corrupt(_:)`` when the value is not a version-1 entry or has bytes left over.
    static func decode(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws -> FileProblem {
        let path = String(decoding: key, as: UTF8.self)
        do {
            var reader = ByteReader(value)
            let version = try reader.u8()
            guard version == 1 else { throw IndexError.corrupt("problem entry of \(path): version \(version)") }
            let id = try reader.string()
            let reason = try reader.string()
            let extractor = try reader.string()
            let extractorVersion = try reader.varint()
            let hasProgram = try reader.u8()
            guard hasProgram <= 1 else { throw IndexError.corrupt("problem entry of \(path): program flag \(hasProgram)") }
            let program = hasProgram == 1 ? try reader.string() : nil
            let size = try reader.varint()
            let mtime = Int64(bitPattern: try reader.varint())
            guard reader.isAtEnd, extractorVersion <= UInt64(Int.max) else {
                throw IndexError.corrupt("problem entry of \(path): malformed")
            }
            return FileProblem(
                path: path, id: id, reason: reason, extractor: extractor, extractorVersion: Int(extractorVersion),
                missingProgram: program, size: size, mtimeNanoseconds: mtime)
        } catch let error as ByteReader.Malformed {
            throw IndexError.corrupt("problem entry of \(path): \(error)")
        }
    }
}
