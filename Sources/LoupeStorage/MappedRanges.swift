import Glibc

/// This process's memory mappings of one file, read from `/proc/self/maps` (Linux).
enum MappedRanges {
    /// The address ranges mapping the file with device `device` and inode `inode` (as `stat`
    /// gives them); empty when `/proc/self/maps` cannot be read.
    static func of(device: UInt64, inode: UInt64) -> [Range<UInt>] {
        guard let maps = fopen("/proc/self/maps", "r") else { return [] }
        defer { fclose(maps) }
        // Each line: start-end perms offset major:minor inode [path], numbers in hex but the inode.
        let major = (device >> 8) & 0xfff | (device >> 32) & ~0xfff
        let minor = device & 0xff | (device >> 12) & ~0xff
        var ranges: [Range<UInt>] = []
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, maps) > 0 {
            let fields = String(cString: line!).split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, UInt64(fields[4]) == inode else { continue }
            let device = fields[3].split(separator: ":")
            let bounds = fields[0].split(separator: "-")
            guard device.count == 2, UInt64(device[0], radix: 16) == major, UInt64(device[1], radix: 16) == minor,
                  bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16), start < end
            else { continue }
            ranges.append(start..<end)
        }
        return ranges
    }
}
