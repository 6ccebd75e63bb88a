import Foundation

/// Writes a `Workbook` as the parts of an Excel workbook (SpreadsheetML, ECMA-376), for
/// `ActionPlanPackage.ZipPackage` to put in a zip.
///
/// Every sheet has its header row frozen and filterable and columns as wide as their content (within
/// 8 to 60 characters; longer text wraps). Text is written as inline strings, never as a formula: a cell
/// whose text a spreadsheet would run (`=`, `+`, `-`, `@` first, `CSVExport.isFormulaLike`) is also
/// marked quote-prefixed, so editing it in Excel keeps it text. Ratings are coloured cells that carry
/// their letter and name, so they read in black and white.
public enum XLSXWriter {
    /// The parts of `workbook`.
    public static func parts(_ workbook: Workbook) -> [PackagePart] {
        let sheets = workbook.sheets.isEmpty ? [Sheet(name: "Sheet1", columns: [], rows: [])] : workbook.sheets
        let names = sheetNames(sheets.map(\.name))
        var parts = [
            contentTypes(sheets.count), OfficeXML.packageRelationships(main: "xl/workbook.xml", type: "officeDocument"),
        ]
        parts.append(OfficeXML.appProperties())
        parts.append(workbookPart(names))
        parts.append(workbookRelationships(sheets.count))
        parts.append(PackagePart("xl/styles.xml", styles))
        for (i, sheet) in sheets.enumerated() {
            parts.append(PackagePart(path: "xl/worksheets/sheet\(i + 1).xml", bytes: sheetXML(sheet)))
        }
        return parts
    }

    /// The cell styles (`cellXfs` indexes) the sheets use.
    enum Style: Int {
        /// No format.
        case plain = 0
        /// A header cell: bold on grey, wrapped.
        case header
        /// Text, wrapped, top-aligned.
        case text
        /// Text a spreadsheet would run as a formula: text, quote-prefixed.
        case quoted
        /// A whole number.
        case number
        /// Bold text.
        case strong
        /// A Blue rating.
        case blue
        /// A Green rating.
        case green
        /// An Amber rating.
        case amber
        /// A Red rating.
        case red
        /// No rating.
        case unrated
        /// A figure with decimals (General format).
        case figure
        /// A whole per cent (`0%`).
        case percent
    }

    /// The `s` attribute of `cell`.
    static func style(_ cell: SheetCell) -> Style {
        switch cell {
        case .text(let s): return CSVExport.isFormulaLike(s.unicodeScalars[...]) ? .quoted : .text
        case .strong: return .strong
        case .number: return .number
        case .figure: return .figure
        case .percent: return .percent
        case .rating(let r, _):
            switch r {
            case .blue?: return .blue
            case .green?: return .green
            case .amber?: return .amber
            case .red?: return .red
            case nil: return .unrated
            }
        }
    }

    /// Whole per cent `p` as the number it stands for, exactly (`49` → `0.49`, `100` → `1`, `-5` → `-0.05`):
    /// a measure's figures are written the same way (`MeasureValue.plain`).
    static func hundredths(_ p: Int) -> String { MeasureValue.plain(Double(p) / 100) }

    /// `A`, `B`, … `Z`, `AA`, … for 0-based column `index`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Names Excel accepts: `[ ] : * ? / \` replaced by spaces, at most 31 characters, never empty,
    /// unique (a repeat gets ` (2)`), compared without regard to case as Excel compares them.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.map { w in
            let bad: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
            var base = Whitespace.collapse(ReportText.singleLine(String(w.map { bad.contains($0) ? " " : $0 })))
            if base.isEmpty { base = "Sheet" }
            var name = String(base.prefix(31))
            var n = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// The width of each column in characters: its longest line, header included, plus two, within 8…60.
    static func widths(_ sheet: Sheet) -> [Int] {
        widths(sheet, measured(sheet))
    }

    /// The display width of each line of each cell of `sheet`'s rows (measured once per export).
    static func measured(_ sheet: Sheet) -> [[[Int]]] {
        sheet.rows.map { $0.map { lineWidths($0.shown) } }
    }

    /// The display width of each line of `text`; all-ASCII text (most of a plan) is counted byte by byte.
    static func lineWidths(_ text: String) -> [Int] {
        var out: [Int] = []
        var n = 0
        for b in text.utf8 {
            if b == 0x0A {
                out.append(n)
                n = 0
            } else if b >= 0x20 && b < 0x7F {
                n += 1
            } else {
                return text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of($0) }
            }
        }
        out.append(n)
        return out
    }

    private static func widths(_ sheet: Sheet, _ measured: [[[Int]]]) -> [Int] {
        var w = sheet.columns.map { DisplayWidth.of($0) }
        for row in measured {
            for (i, cell) in row.enumerated() {
                let longest = cell.max() ?? 0
                if i < w.count { w[i] = max(w[i], longest) } else { w.append(longest) }
            }
        }
        return w.map { min(60, max(8, $0 + 2)) }
    }

    private static func sheetXML(_ sheet: Sheet) -> [UInt8] {
        let measured = measured(sheet)
        let widths = widths(sheet, measured)
        let names = (0..<max(widths.count, sheet.columns.count)).map(columnName)
        var x = HTMLBuffer(capacity: 4096 + sheet.rows.count * widths.count * 96)
        x.raw(OfficeXML.declaration)
        x.raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        x.raw("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
        x.raw("<sheetViews><sheetView workbookViewId=\"0\">")
        x.raw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
        x.raw("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
        x.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
        if !widths.isEmpty {
            x.raw("<cols>")
            for (i, w) in widths.enumerated() {
                x.raw("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>")
            }
            x.raw("</cols>")
        }
        x.raw("<sheetData>")
        let header = sheet.columns.map { SheetCell.text($0) }
        row(1, header, header.map { lineWidths($0.shown) }, isHeader: true, widths, names, &x)
        for (i, cells) in sheet.rows.enumerated() {
            row(i + 2, cells, measured[i], isHeader: false, widths, names, &x)
        }
        x.raw("</sheetData>")
        if !widths.isEmpty {
            x.raw("<autoFilter ref=\"A1:\(columnName(widths.count - 1))\(sheet.rows.count + 1)\"/>")
        }
        x.raw("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>")
        // Printed on A4 landscape, as wide as the page and as many pages long as it takes.
        x.raw("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
        x.raw("</worksheet>")
        return x.bytes
    }

    /// How many lines the tallest cell of `cells` wraps to in columns `widths` wide (at least one).
    static func lines(_ cells: [SheetCell], widths: [Int]) -> Int {
        lines(cells.map { lineWidths($0.shown) }, widths: widths)
    }

    private static func lines(_ measured: [[Int]], widths: [Int]) -> Int {
        var most = 1
        for (i, cell) in measured.enumerated() {
            // A column of width w holds about 1.15 w characters of Calibri text (w counts the digit 0).
            let room = max(1, (i < widths.count ? widths[i] : 8) * 115 / 100 - 1)
            most = max(most, cell.reduce(0) { $0 + max(1, ($1 + room - 1) / room) })
        }
        return most
    }

    /// A row, its height set to fit its wrapped text (spreadsheets do not grow rows when they open a file).
    private static func row(
        _ number: Int, _ cells: [SheetCell], _ measured: [[Int]], isHeader: Bool, _ widths: [Int],
        _ names: [String], _ x: inout HTMLBuffer
    ) {
        let n = lines(measured, widths: widths)
        x.raw(n == 1 ? "<row r=\"\(number)\">" : "<row r=\"\(number)\" ht=\"\(n * 15)\" customHeight=\"1\">")
        let r = String(number)
        for (i, cell) in cells.enumerated() {
            let s = String((isHeader ? Style.header : style(cell)).rawValue)
            let ref = (i < names.count ? names[i] : columnName(i)) + r
            if case .number(let n) = cell {
                x.raw("<c r=\"" + ref + "\" s=\"" + s + "\"><v>" + String(n) + "</v></c>")
            } else if case .figure(let f) = cell {
                x.raw("<c r=\"" + ref + "\" s=\"" + s + "\"><v>" + MeasureValue.plain(f) + "</v></c>")
            } else if case .percent(let p) = cell {
                x.raw("<c r=\"" + ref + "\" s=\"" + s + "\"><v>" + hundredths(p) + "</v></c>")
            } else {
                x.raw("<c r=\"" + ref + "\" s=\"" + s + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                OfficeXML.append(cell.shown, to: &x)
                x.raw("</t></is></c>")
            }
        }
        x.raw("</row>")
    }

    private static func contentTypes(_ sheetCount: Int) -> PackagePart {
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var x = OfficeXML.declaration
        x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        x += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(main).sheet.main+xml\"/>"
        x += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
        for i in 1...max(1, sheetCount) {
            x += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"\(main).worksheet+xml\"/>"
        }
        x += "<Override PartName=\"/docProps/app.xml\" "
        x += "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return PackagePart("[Content_Types].xml", x + "</Types>")
    }

    private static func workbookPart(_ names: [String]) -> PackagePart {
        var x = OfficeXML.declaration
        x += "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        x += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        for (i, name) in names.enumerated() {
            x += "<sheet name=\"\(OfficeXML.text(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        // The header row repeats at the top of every printed page.
        x += "</sheets><definedNames>"
        for (i, name) in names.enumerated() {
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            x += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
            x += OfficeXML.text(quoted) + "!$1:$1</definedName>"
        }
        return PackagePart("xl/workbook.xml", x + "</definedNames></workbook>")
    }

    private static func workbookRelationships(_ sheetCount: Int) -> PackagePart {
        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var x = OfficeXML.declaration
        x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1...max(1, sheetCount) {
            x += "<Relationship Id=\"rId\(i)\" Type=\"\(r)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        x += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(r)/styles\" Target=\"styles.xml\"/>"
        return PackagePart("xl/_rels/workbook.xml.rels", x + "</Relationships>")
    }

    /// Fonts (plain, bold), fills (the two Excel reserves, the header's grey, the four ratings) and the
    /// cell formats in `Style`'s order.
    private static let styles: String = {
        let fills = ["DCDCDC"] + Rating.allCases.map { OfficeXML.fill($0) ?? "FFFFFF" }
        var x = OfficeXML.declaration
        x += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        x += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        x += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        x += "<fills count=\"\(2 + fills.count)\"><fill><patternFill patternType=\"none\"/></fill>"
        x += "<fill><patternFill patternType=\"gray125\"/></fill>"
        for rgb in fills {
            x += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(rgb)\"/><bgColor indexed=\"64\"/>"
            x += "</patternFill></fill>"
        }
        x += "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        x += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        let top = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        let centre = "<alignment horizontal=\"center\" vertical=\"top\"/>"
        // plain, header, text, quoted, number, strong, then blue, green, amber, red, unrated, figure, percent.
        var xfs = [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
                + "applyAlignment=\"1\">\(top)</xf>",
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
                + "applyAlignment=\"1\">\(top)</xf>",
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
                + "applyAlignment=\"1\" quotePrefix=\"1\">\(top)</xf>",
            "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
                + "applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>",
            "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
                + "applyAlignment=\"1\">\(top)</xf>",
        ]
        for fill in 3...6 {
            xfs.append(
                "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
                    + "applyFill=\"1\" applyAlignment=\"1\">\(centre)</xf>")
        }
        xfs.append(
            "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
                + "applyAlignment=\"1\">\(centre)</xf>")
        xfs.append(
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
                + "applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>")
        xfs.append(
            "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
                + "applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>")
        x += "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
        x += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return x + "</styleSheet>"
    }()
}
