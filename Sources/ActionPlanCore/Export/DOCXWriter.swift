/// Writes a `WordDocument` as the parts of a Word document (WordprocessingML, ECMA-376), for
/// `ActionPlanPackage.ZipPackage` to put in a zip: A4 portrait, Word's own Title and Heading 1–4 styles
/// (so headings survive pasting into a committee template and feed its table of contents), and real
/// tables with a repeated header row, rows that do not split across pages, and coloured rating cells
/// that carry their letter.
public enum DOCXWriter {
    /// The parts of `document`.
    public static func parts(_ document: WordDocument) -> [PackagePart] {
        [
            contentTypes,
            OfficeXML.packageRelationships(main: "word/document.xml", type: "officeDocument"),
            OfficeXML.appProperties(),
            PackagePart(
                "word/_rels/document.xml.rels",
                OfficeXML.declaration
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/styles\" Target=\"styles.xml\"/></Relationships>"),
            PackagePart("word/styles.xml", styles),
            PackagePart(path: "word/document.xml", bytes: body(document)),
        ]
    }

    /// The page's text width in twentieths of a point: A4 (11906) less two 2 cm margins (1134 each).
    static let textWidth = 11906 - 2 * 1134

    private static func body(_ document: WordDocument) -> [UInt8] {
        var x = HTMLBuffer(capacity: 65_536)
        x.raw(OfficeXML.declaration)
        x.raw("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
        for block in document.blocks {
            switch block {
            case .title(let s): paragraph(s, style: "Title", &x)
            case .heading(let level, let s): paragraph(s, style: "Heading\(min(4, max(1, level)))", &x)
            case .paragraph(let s, let italic, let bold): paragraph(s, style: nil, italic: italic, bold: bold, &x)
            case .bullet(let s): paragraph("• " + s, style: "ListParagraph", &x)
            case .table(let t):
                table(t, &x)
                paragraph("", style: nil, &x)
            }
        }
        x.raw("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
        x.raw("<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" ")
        x.raw("w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>")
        return x.bytes
    }

    /// A paragraph of `text` in `style`: line breaks become `<w:br/>`.
    private static func paragraph(
        _ text: String, style: String?, italic: Bool = false, bold: Bool = false, right: Bool = false,
        _ x: inout HTMLBuffer
    ) {
        x.raw("<w:p>")
        if style != nil || right {
            x.raw("<w:pPr>" + (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""))
            x.raw((right ? "<w:jc w:val=\"right\"/>" : "") + "</w:pPr>")
        }
        let props = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "")
        x.raw("<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"))
        if !text.utf8.contains(0x0A) {
            x.raw("<w:t xml:space=\"preserve\">")
            OfficeXML.append(text, to: &x)
            x.raw("</w:t>")
        } else {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { x.raw("<w:br/>") }
                x.raw("<w:t xml:space=\"preserve\">")
                OfficeXML.append(String(line), to: &x)
                x.raw("</w:t>")
            }
        }
        x.raw("</w:r></w:p>")
    }

    /// Each column's width in twentieths of a point: the given per cents, the rest shared equally, each
    /// at least as wide as the longest word of its title in table text (8 pt bold, plus the cell's margins),
    /// the room that takes coming out of the widest columns. A character is counted at 115 twips, what the
    /// widest font a reader may see in Calibri's place takes (DejaVu Sans Bold, where LibreOffice has neither
    /// Calibri nor Carlito): at 100, "Overdue" broke inside the word there.
    static func widths(_ t: WordTable) -> [Int] {
        let given = t.widths.compactMap { $0 }.reduce(0, +)
        let free = t.widths.filter { $0 == nil }.count
        let share = free == 0 ? 0 : max(8, 100 - given) / free
        let total = max(1, given + share * free)
        var w = t.widths.map { textWidth * ($0 ?? share) / total }
        let least = t.columns.map { title in
            (title.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0) * 115 + 160
        }
        for i in w.indices where w[i] < least[i] {
            let need = least[i] - w[i]
            w[i] = least[i]
            // Take the room from the widest column that can spare it.
            if let j = w.indices.filter({ $0 != i && w[$0] - need >= least[$0] }).max(by: { w[$0] < w[$1] }) {
                w[j] -= need
            }
        }
        return w
    }

    private static func table(_ t: WordTable, _ x: inout HTMLBuffer) {
        let w = widths(t)
        x.raw("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/>")
        x.raw("<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>")
        for cw in w { x.raw("<w:gridCol w:w=\"\(cw)\"/>") }
        x.raw("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for (i, title) in t.columns.enumerated() {
            cell(width: w[i], fill: "DCDCDC", &x) { paragraph(title, style: "TableText", bold: true, &$0) }
        }
        x.raw("</w:tr>")
        for row in t.rows {
            x.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for (i, c) in row.enumerated() where i < w.count {
                let right = i < t.numeric.count && t.numeric[i]
                switch c {
                case .rating(let r, let label):
                    cell(width: w[i], fill: OfficeXML.fill(r), &x) {
                        paragraph(label, style: "TableText", bold: true, &$0)
                    }
                case .strong(let s):
                    cell(width: w[i], fill: nil, &x) { paragraph(s, style: "TableText", bold: true, &$0) }
                default:
                    cell(width: w[i], fill: nil, &x) { paragraph(c.shown, style: "TableText", right: right, &$0) }
                }
            }
            x.raw("</w:tr>")
        }
        x.raw("</w:tbl>")
    }

    private static func cell(
        width: Int, fill: String?, _ x: inout HTMLBuffer, _ content: (inout HTMLBuffer) -> Void
    ) {
        x.raw("<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>")
        if let fill { x.raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>") }
        x.raw("</w:tcPr>")
        content(&x)
        x.raw("</w:tc>")
    }

    private static let contentTypes = PackagePart(
        "[Content_Types].xml",
        OfficeXML.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.extended-properties+xml\"/></Types>")

    /// Normal (Calibri 10 pt), Title, Heading 1–4 (Word's built-in names, with outline levels), List
    /// Paragraph, Table Text (8 pt) and Table Grid.
    private static let styles: String = {
        var x = OfficeXML.declaration
        x += "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        x += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" "
        x += "w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr>"
        x += "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"80\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        let headings: [(id: String, name: String, size: Int, level: Int?)] = [
            ("Title", "Title", 36, nil), ("Heading1", "heading 1", 30, 0), ("Heading2", "heading 2", 26, 1),
            ("Heading3", "heading 3", 23, 2), ("Heading4", "heading 4", 21, 3),
        ]
        for h in headings {
            x += "<w:style w:type=\"paragraph\" w:styleId=\"\(h.id)\"><w:name w:val=\"\(h.name)\"/>"
            x += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
            x += "<w:spacing w:before=\"240\" w:after=\"120\"/>"
            x += (h.level.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "") + "</w:pPr>"
            x += "<w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"\(h.size)\"/></w:rPr></w:style>"
        }
        x += "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
        x += "<w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"360\"/></w:pPr></w:style>"
        x += "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
        x += "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/></w:rPr>"
        x += "</w:style>"
        x += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr>"
        x += "<w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            x += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
        }
        x += "</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/>"
        x += "</w:tblCellMar></w:tblPr></w:style>"
        return x + "</w:styles>"
    }()
}
