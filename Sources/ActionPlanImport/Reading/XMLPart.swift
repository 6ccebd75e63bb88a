import ActionPlanCore
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What receives the events of one XML part of an Office file, read by Foundation's `XMLParser`.
///
/// Element and attribute names come without their namespace prefix (`w:p` → `p`,
/// `r:id` → `id`): Office files use fixed prefixes in practice, but the
/// transitional and strict schemas differ in namespace URI and some writers use
/// other prefixes, so the local name is what identifies an element.
protocol XMLPartHandler: AnyObject {
    /// An element `name` starts, with `attributes` by local name.
    func start(_ name: String, _ attributes: [String: String])
    /// The element `name` ends.
    func end(_ name: String)
    /// Character data inside the current element (may come in several pieces).
    func characters(_ text: String)
}

/// Reads an XML part with Foundation's `XMLParser` (libxml2 on Linux) into an `XMLPartHandler`.
///
/// Before parsing, a part must be valid UTF-8 (as Office writes every part: no
/// NUL byte, no other encoding declared) and must not have a document type
/// declaration (ECMA-376 forbids one). Refusing those shuts out entity expansion
/// ("billion laughs") and external entities whatever the parser's settings, and
/// makes the byte search for `<!DOCTYPE` sure to find one. Valid UTF-8 also
/// matters for safety: swift-corelibs-foundation's `XMLParser` traps (kills the
/// process) on an element or attribute name that is not valid UTF-8 (found by
/// fuzz-reader; swiftlang/swift-corelibs-foundation#5534). Nesting deeper than
/// `maxDepth` elements stops the parse.
enum XMLPart {
    /// The deepest nesting read; Word's deepest real documents (tables in tables) are far shallower.
    static let maxDepth = 256

    /// Parses `bytes`, the part at `path` of `file` (a `container` such as "Word document"), into `handler`.
    static func parse(_ bytes: [UInt8], path: String, file: String, container: String, into handler: XMLPartHandler)
        throws
    {
        let refusal =
            !isUTF8(bytes)
            ? "is not in UTF-8, as Office writes every part"
            : contains(bytes, Array("<!DOCTYPE".utf8))
                ? "has a document type declaration, which Office files never have" : nil
        if let refusal {
            throw PlanError(
                .invalidSource,
                file: file, message: "is not a \(container) as Office saves it: its part \(path) \(refusal)")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        let adapter = Adapter(handler)
        parser.delegate = adapter
        // On Linux, parse() returns true after recoverable errors and for a document cut off inside its root
        // element: the delegate's error calls, and the depth at the end, tell.
        let parsed = parser.parse()
        if !parsed || adapter.tooDeep || adapter.failed || parser.parserError != nil || adapter.depth != 0
            || !adapter.rooted
        {
            let why = adapter.tooDeep ? "elements nested more than \(maxDepth) deep" : "not well-formed XML"
            throw PlanError(
                .invalidSource,
                file: file,
                message: "is damaged: its part \(path) is \(why) (line \(max(1, parser.lineNumber))); "
                    + "expected a \(container) as Word or Excel saves it")
        }
    }

    /// Whether `bytes` are XML in UTF-8: valid UTF-8 without a NUL, and an XML declaration, if any, naming no
    /// other encoding.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil { return false }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") else {
            return true
        }
        let declaration = head[..<end.lowerBound].lowercased()
        guard let e = declaration.range(of: "encoding") else { return true }
        let value = declaration[e.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
    }

    /// Whether `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first && bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// The name without its namespace prefix.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Passes `XMLParser`'s delegate calls on to a handler, by local name, counting depth.
    private final class Adapter: NSObject, XMLParserDelegate {
        /// Where the events go.
        let handler: XMLPartHandler
        /// Current nesting depth.
        var depth = 0
        /// Whether the parse was stopped for nesting too deep, whether the parser reported an error, and
        /// whether a root element was seen.
        var tooDeep = false, failed = false, rooted = false

        /// An adapter feeding `handler`.
        init(_ handler: XMLPartHandler) { self.handler = handler }

        /// An element starts.
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            depth += 1
            rooted = true
            if depth > XMLPart.maxDepth {
                tooDeep = true
                parser.abortParsing()
                return
            }
            var attributes: [String: String] = [:]
            for (k, v) in attributeDict { attributes[XMLPart.localName(k)] = v }
            handler.start(XMLPart.localName(elementName), attributes)
        }

        /// An element ends.
        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            depth -= 1
            if !tooDeep { handler.end(XMLPart.localName(elementName)) }
        }

        /// Character data.
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !tooDeep { handler.characters(string) }
        }

        /// A parse error, recovered from or not: the part is damaged.
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }

        /// A CDATA section: character data too.
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if !tooDeep { handler.characters(String(decoding: CDATABlock, as: UTF8.self)) }
        }
    }
}
