#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turning text in a MIME charset into UTF-8.
///
/// UTF-8 and US-ASCII are checked and kept; ISO-8859-1 is read as Windows-1252, its superset
/// that mail labelled Latin-1 really uses; every other charset goes through the C library's
/// `iconv` (ISO-8859-x, Windows-125x, KOI8-R, GB2312 read as GB18030, Shift_JIS,
/// ISO-2022-JP, EUC-KR, Big5, UTF-16…). A byte sequence invalid in its charset becomes
/// U+FFFD and decoding goes on (so does ill-formed UTF-8). An unknown or missing charset, or
/// US-ASCII with 8-bit bytes, is read as UTF-8 when the bytes are valid UTF-8, else as
/// Windows-1252.
enum CharsetDecoder {
    /// The UTF-8 text of `bytes`, written in `charset` (a MIME charset name, any case).
    static func utf8(_ bytes: ArraySlice<UInt8>, charset: String?) -> [UInt8] {
        let name = (charset ?? "").lowercased().trimmingASCIISpaces
        switch name {
        case "utf-8", "utf8":
            return Array(String(decoding: bytes, as: UTF8.self).utf8)
        case "us-ascii", "ascii", "":
            return validUTF8(bytes) ?? windows1252(bytes)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252":
            return windows1252(bytes)
        default:
            return convert(bytes, from: iconvName(for: String(name))) ?? validUTF8(bytes) ?? windows1252(bytes)
        }
    }

    /// The name iconv knows for the MIME charset `name`, where the two differ.
    private static func iconvName(for name: String) -> String {
        switch name {
        case "gb2312", "gbk", "x-gbk", "cp936", "euc-cn": "GB18030"
        case "ks_c_5601-1987", "ks_c_5601", "euc-kr": "CP949"
        case "x-sjis", "sjis", "shift-jis", "ms_kanji", "windows-31j", "cp932": "CP932"
        case "shift_jis": "CP932"
        case "iso-8859-8-i": "ISO-8859-8"
        case "big5", "big5-hkscs": "BIG5-HKSCS"
        default: name.uppercased()
        }
    }

    /// `bytes` when they are valid UTF-8, else `nil`.
    private static func validUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        let valid = bytes.withUnsafeBytes { raw in
            var index = 0
            while index < raw.count {
                if raw[index] < 0x80 {
                    index += 1
                    continue
                }
                guard case .valid(let count) = UTF8Sequence.length(in: raw, at: index) else { return false }
                index += count
            }
            return true
        }
        return valid ? Array(bytes) : nil
    }

    /// Windows-1252 to UTF-8; its five unassigned bytes map to the C1 controls, as in Latin-1.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            switch byte {
            case 0..<0x80: out.append(byte)
            case 0x80..<0xA0: CharacterReference.appendScalar(windows1252High[Int(byte - 0x80)], to: &out)
            default: CharacterReference.appendScalar(UInt32(byte), to: &out)
            }
        }
        return out
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// `bytes` converted by iconv from `charset`, invalid sequences as U+FFFD; `nil` when
    /// iconv does not know the charset.
    private static func convert(_ bytes: ArraySlice<UInt8>, from charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        input.withUnsafeMutableBufferPointer { source in
            var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = source.count
            while true {
                let (status, failure, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBufferPointer { target in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let status = inLeft == 0 ? iconv(converter, nil, nil, &outPointer, &outLeft)
                                             : iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, errno, target.count - outLeft)
                }
                out.append(contentsOf: chunk[0..<produced])
                if status != -1 {
                    if inLeft == 0 { break }
                    continue
                }
                switch failure {
                case E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    // An invalid or cut-off sequence: one byte becomes U+FFFD and the rest goes on.
                    CharacterReference.appendScalar(0xFFFD, to: &out)
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                    if inLeft == 0 { return }
                default:
                    return
                }
            }
        }
        return out
    }
}
