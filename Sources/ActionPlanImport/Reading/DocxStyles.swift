/// The paragraph styles of a Word document (`word/styles.xml`): which are headings, of what level, and which are lists.
///
/// A heading is recognised by the style's id (`Title`, `Heading1`…`Heading9`), by
/// its name (`title`, `heading 1`: Word keeps the English names of built-in styles
/// in every language, while a localised Word gives ids such as `berschrift1`), or
/// by an outline level (`w:outlineLvl` 0–8 is heading level 1–9), following
/// `basedOn` as Word does. A paragraph style with numbering (`w:numPr`, as
/// `List Bullet` has) makes its paragraphs list items.
final class DocxStyles: XMLPartHandler {
    /// What matters of one paragraph style.
    struct Style {
        /// The style's name (`heading 1`).
        var name = ""
        /// The id of the style it is based on.
        var basedOn: String?
        /// Its outline level (0 = level 1), when it sets one.
        var outlineLevel: Int?
        /// Whether it numbers its paragraphs (a numbering id other than 0), when it says.
        var numbered: Bool?
    }

    /// The paragraph styles by id.
    private(set) var styles: [String: Style] = [:]
    /// The style being read and its id.
    private var current: (id: String, style: Style)?
    /// The names of the open elements.
    private var stack: [String] = []

    /// The heading level of paragraphs in style `id` (Title 0, Heading 1 = 1…), or nil when it is no heading.
    func headingLevel(_ id: String) -> Int? {
        var next: String? = id
        for _ in 0..<10 {
            guard let id = next else { return nil }
            if let level = Self.level(named: id) { return level }
            guard let style = styles[id] else { return nil }
            if let level = Self.level(named: style.name) { return level }
            if let outline = style.outlineLevel { return (0..<9).contains(outline) ? outline + 1 : nil }
            next = style.basedOn
        }
        return nil
    }

    /// Whether paragraphs in style `id` are list items (numbered or bulleted by the style).
    func isList(_ id: String) -> Bool {
        var next: String? = id
        for _ in 0..<10 {
            guard let id = next, let style = styles[id] else { return false }
            if let numbered = style.numbered { return numbered }
            next = style.basedOn
        }
        return false
    }

    /// The heading level a style id or name gives by itself: `Title` 0, `Heading3`/`heading 3` 3.
    static func level(named name: String) -> Int? {
        let key = name.lowercased().filter { $0 != " " }
        if key == "title" { return 0 }
        guard key.hasPrefix("heading"), let n = Int(key.dropFirst(7)), (1...9).contains(n) else { return nil }
        return n
    }

    /// An element starts.
    func start(_ name: String, _ attributes: [String: String]) {
        let parent = stack.last
        stack.append(name)
        if name == "style" {
            current = attributes["type"] == "paragraph" ? (attributes["styleId"] ?? "", Style()) : nil
            return
        }
        guard current != nil else { return }
        let value = attributes["val"]
        switch (name, parent) {
        case ("name", "style"): current?.style.name = value ?? ""
        case ("basedOn", "style"): current?.style.basedOn = value
        case ("outlineLvl", "pPr"): current?.style.outlineLevel = value.flatMap { Int($0) }
        case ("numId", "numPr"): current?.style.numbered = value != nil && value != "0"
        default: break
        }
    }

    /// An element ends: a style is complete.
    func end(_ name: String) {
        _ = stack.popLast()
        if name == "style", let (id, style) = current {
            if styles[id] == nil { styles[id] = style }
            current = nil
        }
    }

    /// Character data: not needed.
    func characters(_ text: String) {}
}
