/// The attributes of chosen elements of an XML part, with their parents: for the small parts of an Office file
/// (relationships, content types, the workbook, styles) where a list of elements is all that is needed.
final class XMLElements: XMLPartHandler {
    /// One element found: its local name, its parent's local name, its attributes by local name.
    struct Element {
        /// The element's local name.
        let name: String
        /// Its parent's local name ("" at the root).
        let parent: String
        /// Its attributes, by local name.
        let attributes: [String: String]
    }

    /// The local names collected.
    private let names: Set<String>
    /// The names of the open elements.
    private var stack: [String] = []
    /// The elements found, in document order.
    private(set) var found: [Element] = []

    /// A collector of the elements named `names`.
    init(_ names: Set<String>) { self.names = names }

    /// Collects `names` from the part at `path` of `package`; an empty list when the part is missing.
    static func read(_ names: Set<String>, path: String, in package: OfficePackage) throws -> [Element] {
        let collector = XMLElements(names)
        try package.parse(path, into: collector)
        return collector.found
    }

    /// An element starts: kept when its name is wanted.
    func start(_ name: String, _ attributes: [String: String]) {
        if names.contains(name) { found.append(Element(name: name, parent: stack.last ?? "", attributes: attributes)) }
        stack.append(name)
    }

    /// An element ends.
    func end(_ name: String) { _ = stack.popLast() }

    /// Character data: not needed.
    func characters(_ text: String) {}
}
