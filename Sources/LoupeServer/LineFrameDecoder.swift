import NIOCore

/// What the framing layer hands on: a line, or the news that one was too long.
enum InboundLine {
    /// A line's bytes, without its `\n` and a `\r` before it.
    case line(ByteBuffer)
    /// A line longer than the maximum; its bytes were discarded up to and including its `\n`.
    case tooLong
}

/// Splits the byte stream at `\n` (dropping a `\r` before it), with a maximum line length.
///
/// A line longer than ``maxLineBytes`` is reported once as ``InboundLine/tooLong`` and its bytes are
/// discarded up to the next `\n`, without buffering them, so the connection stays usable. A partial
/// line at end of stream is dropped.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = InboundLine

    /// The longest line accepted, in bytes, not counting `\n` and a `\r` before it.
    let maxLineBytes: Int
    private var discarding = false
    /// Bytes of the current partial line already searched for `\n`.
    private var scanned = 0

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        let newlineByte = UInt8(ascii: "\n")
        if discarding {
            guard let newline = view.firstIndex(of: newlineByte) else {
                buffer.moveReaderIndex(forwardBy: view.count)
                return .needMoreData
            }
            discarding = false
            buffer.moveReaderIndex(forwardBy: newline - view.startIndex + 1)
            return .continue
        }
        let from = view.startIndex + min(scanned, view.count)
        let window = view.startIndex + min(view.count, maxLineBytes + 2)
        guard let newline = view[from..<window].firstIndex(of: newlineByte) else {
            scanned = view.count
            guard view.count > maxLineBytes + 1 else { return .needMoreData }
            // Longer than any acceptable line even with a \r: report it once, then skip to its end.
            scanned = 0
            discarding = true
            context.fireChannelRead(Self.wrapInboundOut(.tooLong))
            return .continue
        }
        scanned = 0
        var line = buffer.readSlice(length: newline - view.startIndex)!
        buffer.moveReaderIndex(forwardBy: 1)
        if line.readableBytes > 0, line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == UInt8(ascii: "\r") {
            line.moveWriterIndex(to: line.writerIndex - 1)
        }
        context.fireChannelRead(Self.wrapInboundOut(line.readableBytes > maxLineBytes ? .tooLong : .line(line)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }
}
