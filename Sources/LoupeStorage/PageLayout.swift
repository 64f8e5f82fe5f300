/// How LMDB lays values out on its pages, for writers that size values so that little of a page
/// goes to waste.
///
/// A leaf page holds its nodes (an 8-byte header, the key, the value) after a 16-byte page
/// header, at most half a page's worth each. A larger value goes to overflow pages of its own:
/// whole pages, the first with a 16-byte header, and only its page number stays in the leaf. So
/// a value of just over half a page takes a whole page, and one of just over a page two.
public struct PageLayout: Sendable, Equatable {
    /// LMDB's page size in bytes (the operating system's page size when the file was created).
    public let pageSize: Int

    private static let pageHeader = 16
    private static let nodeHeader = 8

    public init(pageSize: Int) {
        precondition(pageSize >= 512 && pageSize.nonzeroBitCount == 1, "LMDB pages are a power of two of 512 bytes or more")
        self.pageSize = pageSize
    }

    /// The largest value stored in the leaf page itself under a key of `keySize` bytes (LMDB's
    /// `me_nodemax` less the node's header and key): 2026 bytes under a 4-byte key on 4 KiB pages.
    public func largestInlineValue(keySize: Int) -> Int {
        let nodeMax = (((pageSize - Self.pageHeader) / 2) & ~1) - 2
        return nodeMax - Self.nodeHeader - keySize
    }

    /// The overflow pages a value of `size` bytes takes when it does not fit in the leaf.
    public func overflowPages(valueSize size: Int) -> Int {
        (Self.pageHeader + size + pageSize - 1) / pageSize
    }

    /// The largest value that `pages` overflow pages hold.
    public func largestValue(inOverflowPages pages: Int) -> Int {
        pages * pageSize - Self.pageHeader
    }

    /// The largest value under a key of `keySize` bytes that takes no more of the file than a
    /// value of `size` bytes does: the inline limit while `size` is within it, else the capacity
    /// of the overflow pages `size` needs.
    public func capacity(forValueSize size: Int, keySize: Int) -> Int {
        let inline = largestInlineValue(keySize: keySize)
        return size <= inline ? inline : largestValue(inOverflowPages: overflowPages(valueSize: size))
    }
}
