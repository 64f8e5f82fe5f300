import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an ``XMLStreamParser`` reports, in document order.
///
/// Names are local names (the part after the prefix), as UTF-8 bytes valid only during the
/// call; attributes are read through the ``XMLElementStart`` passed to ``startElement(_:)``.
protocol XMLEventHandler: AnyObject {
    func startElement(_ element: XMLElementStart)
    func endElement(_ localName: XMLName)
    /// Character data (text and CDATA), already decoded to UTF-8, in pieces of any size.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// A local element or attribute name, as bytes valid during one callback.
struct XMLName {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ pointer: UnsafePointer<xmlChar>?) {
        guard let pointer else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        bytes = UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    /// Whether the name is `rhs` (ASCII, compared exactly).
    static func == (lhs: XMLName, rhs: StaticString) -> Bool {
        let count = rhs.utf8CodeUnitCount
        guard lhs.bytes.count == count else { return false }
        return count == 0 || memcmp(lhs.bytes.baseAddress!, rhs.utf8Start, count) == 0
    }
}

/// The start of an element: its local name and its attributes, valid during the callback.
struct XMLElementStart {
    let name: XMLName
    /// libxml2's attribute array: five pointers per attribute (local name, prefix, URI,
    /// value start, value end).
    fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let attributeCount: Int

    /// The value of the attribute whose local name is `localName`, with entities and
    /// character references already decoded; `nil` when it is absent. With `namespaced`, only
    /// an attribute in a namespace matches (`r:id`, not `id`), else any.
    func attribute(_ localName: StaticString, namespaced: Bool = false) -> String? {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            let base = index * 5
            guard XMLName(attributes[base]) == localName, !namespaced || attributes[base + 2] != nil,
                  let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}

/// Why an XML stream could not be parsed.
struct XMLStreamError: Error {
    /// libxml2's message, trimmed, with the line it was found on.
    let message: String
}

/// A streaming XML parser over libxml2's push parser: bytes are fed in chunks of any size
/// (as they come out of a zip entry), and events reach the handler as soon as they are
/// parsed, so that memory holds only what the handler keeps.
///
/// The parser never touches the network and never loads external entities or DTDs; the
/// predefined and character entities are decoded, and libxml2's own guards stop entity
/// expansion loops ("billion laughs"). Errors are not printed: the first fatal one ends the
/// parse and is thrown by ``feed(_:)`` or ``finish()``.
final class XMLStreamParser {
    private let handler: XMLEventHandler
    private var context: xmlParserCtxtPtr?
    private var error: XMLStreamError?

    /// libxml2's one-time global set-up, which is not safe to race: done once, before the
    /// first parser, whichever thread gets there first.
    private static let libraryReady: Void = xmlInitParser()

    init(handler: XMLEventHandler) {
        Self.libraryReady
        self.handler = handler
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            let parser = XMLStreamParser.from(context)
            parser.handler.startElement(XMLElementStart(name: XMLName(localName), attributes: attributes,
                                                        attributeCount: Int(attributeCount)))
        }
        sax.endElementNs = { context, localName, _, _ in
            XMLStreamParser.from(context).handler.endElement(XMLName(localName))
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let text, length > 0 else { return }
            XMLStreamParser.from(context).handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.serror = { context, error in
            guard let context, let error, error.pointee.level == XML_ERR_FATAL else { return }
            let parser = Unmanaged<XMLStreamParser>.fromOpaque(context).takeUnretainedValue()
            guard parser.error == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
            while message.last?.isWhitespace == true { message.removeLast() }
            parser.error = XMLStreamError(message: "\(message) at line \(error.pointee.line)")
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, me, nil, 0, nil)
        if let context {
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
                                             | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue))
        }
    }

    deinit {
        if let context {
            xmlFreeDoc(context.pointee.myDoc)
            xmlFreeParserCtxt(context)
        }
    }

    /// Parses the next `chunk` of the document.
    func feed(_ chunk: UnsafeRawBufferPointer) throws(XMLStreamError) {
        try push(chunk, terminate: false)
    }

    /// Ends the document: whatever is still open is an error.
    func finish() throws(XMLStreamError) {
        try push(UnsafeRawBufferPointer(start: nil, count: 0), terminate: true)
    }

    private func push(_ chunk: UnsafeRawBufferPointer, terminate: Bool) throws(XMLStreamError) {
        guard let context else { throw XMLStreamError(message: "the XML parser could not be created") }
        if let error { throw error }
        var offset = 0
        repeat {
            // xmlParseChunk takes an Int32 length.
            let length = min(chunk.count - offset, 1 << 24)
            let base = chunk.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            let last = terminate && offset + length == chunk.count
            let status = xmlParseChunk(context, base, Int32(length), last ? 1 : 0)
            if let error { throw error }
            // A non-zero status alone may be a recoverable error (an undeclared prefix); only
            // a parse that libxml2 stopped is a failure.
            if status != 0, context.pointee.disableSAX != 0 {
                throw XMLStreamError(message: "malformed XML (libxml2 error \(status))")
            }
            offset += length
        } while offset < chunk.count
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> XMLStreamParser {
        Unmanaged<XMLStreamParser>.fromOpaque(context!).takeUnretainedValue()
    }
}
