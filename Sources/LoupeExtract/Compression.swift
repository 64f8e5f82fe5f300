/// A stream compression that a file name's suffix announces.
public enum Compression: String, Sendable, Equatable, CaseIterable {
    case gzip, bzip2, xz, zstd

    /// The compression of files ending in `.ext`: `gz`, `bz2`, `xz` or `zst`.
    public init?(fileExtension ext: some StringProtocol) {
        switch ext.lowercased() {
        case "gz": self = .gzip
        case "bz2": self = .bzip2
        case "xz": self = .xz
        case "zst": self = .zstd
        default: return nil
        }
    }
}
