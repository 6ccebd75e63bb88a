import ActionPlanCore

/// Reads an Excel workbook into items: every sheet, in the workbook's order, as a table of its filled rows.
///
/// The workbook part (`xl/workbook.xml`) lists the sheets (name, order, hidden or
/// not) and the date system (`date1904`); its relationships give each sheet's
/// part, the shared strings and the styles (whose cell formats say which numbers
/// are dates). Each sheet is table number N, its position among the workbook's
/// sheets; each filled row is a `.row` located by sheet name and Excel's row
/// number (`XlsxSheet`). Hidden sheets are read too, with a note; chart sheets
/// have no cells and get a note.
enum XlsxReader {
    /// The most cells laid out in one workbook: far beyond a plan, and a bound on the memory a hostile sheet
    /// (a cell at XFD in every row, merges over a million rows) can take.
    static let maxCells = 2_000_000

    /// The items and notes of the workbook whose main part is `path` in `package`.
    static func read(_ package: OfficePackage, workbook path: String) throws -> ([SourceItem], [SourceNote]) {
        let found = try XMLElements.read(["sheet", "workbookPr"], path: path, in: package)
        let date1904 = found.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"]) }
        let relationships = try package.relationships(of: path)
        let linked = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func part(_ type: String, else fallback: String) -> String {
            relationships.first { $0.type == type && !$0.target.isEmpty }?.target ?? fallback
        }
        let strings = XlsxSharedStrings()
        try package.parse(part("sharedStrings", else: "xl/sharedStrings.xml"), into: strings)
        let styles = try cellFormats(package, path: part("styles", else: "xl/styles.xml"))

        var items: [SourceItem] = []
        var notes: [SourceNote] = []
        if strings.truncated {
            notes.append(SourceNote(message: "only the first \(XlsxSharedStrings.limit) shared strings were read"))
        }
        var budget = maxCells
        for (n, sheet) in found.filter({ $0.name == "sheet" }).enumerated() {
            let name = sheet.attributes["name"] ?? "Sheet\(n + 1)"
            let link = sheet.attributes["id"].flatMap { linked[$0] }
            if let state = sheet.attributes["state"], state != "visible" {
                notes.append(SourceNote(message: "sheet '\(name)' is hidden and was read too"))
            }
            guard let link, link.type == "worksheet", !link.target.isEmpty else {
                let what = link?.type == "chartsheet" ? "is a chart" : "has no cells"
                notes.append(SourceNote(message: "sheet '\(name)' \(what) and was not read"))
                continue
            }
            let reader = XlsxSheet(shared: strings.strings, styles: styles, date1904: date1904, budget: budget)
            guard try package.parse(link.target, into: reader) else {
                notes.append(SourceNote(message: "sheet '\(name)' has no part \(link.target) and was not read"))
                continue
            }
            if reader.tooLarge {
                throw PlanError(
                    .invalidSource,
                    file: package.file,
                    message: "is too large: it has more than \(maxCells) filled cells; expected a plan")
            }
            let rows = try reader.layout(
                table: n + 1, sheet: name, ordinal: items.count, budget: &budget, file: package.file)
            if reader.missingStrings > 0 {
                let n = reader.missingStrings
                notes.append(
                    SourceNote(
                        location: rows.first { $0.location.row == reader.firstMissingRow }?.location,
                        message: "\(n) \(n == 1 ? "cell" : "cells") of sheet '\(name)' (the first in row "
                            + "\(reader.firstMissingRow)) \(n == 1 ? "refers" : "refer") to a shared string that "
                            + "does not exist, read as empty"))
            }
            items += rows
        }
        return (items, notes)
    }

    /// The number format kind of each cell format (`cellXfs/xf`, by index) in the styles part at `path`.
    static func cellFormats(_ package: OfficePackage, path: String) throws -> [XlsxValues.Kind] {
        let found = try XMLElements.read(["numFmt", "xf"], path: path, in: package)
        var codes: [Int: String] = [:]
        for f in found where f.name == "numFmt" {
            if let id = f.attributes["numFmtId"].flatMap({ Int($0) }) { codes[id] = f.attributes["formatCode"] }
        }
        return found.filter { $0.name == "xf" && $0.parent == "cellXfs" }.map { xf in
            let id = xf.attributes["numFmtId"].flatMap { Int($0) } ?? 0
            return XlsxValues.kind(formatID: id, code: codes[id])
        }
    }
}
