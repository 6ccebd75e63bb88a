import Foundation

/// Imports a plan from a CSV or TSV file with a header row.
///
/// Header names are matched loosely (`Date of Delivery`, `due`, `deadline`;
/// `RAG`, `rating`, `BRAG`), so spreadsheets kept by different teams import
/// without editing. The CSV that `actionplan export --format csv` writes imports
/// back to the same actions: when the header row is exactly `CSVExport.header`,
/// cells are read literally (no HTML clean-up or white-space collapsing), the
/// `'` that neutralised a formula-like cell (or part after a `;`) is removed, themes are `N. Title`,
/// leads are separated by `;` and cross-references by spaces.
struct PlanTableImporter {
    enum Column: CaseIterable {
        case theme, themeTitle, group, id, crossRefs, action, lead, delivery, deadline, rating
    }

    static func column(for header: String) -> Column? {
        let k = header.lowercased().filter { $0.isLetter || $0.isNumber }
        switch k {
        case "theme", "themeno", "themenumber", "priority", "prioritynumber", "themenum": return .theme
        case "themetitle", "themename", "prioritytitle", "prioritytheme": return .themeTitle
        case "group", "subheading", "area", "subarea", "section": return .group
        case "id", "ref", "reference", "actionid", "actionref", "no", "number": return .id
        case "crossrefs", "crossreferences", "crossreference", "refs", "previousids", "previousid", "previousplan":
            return .crossRefs
        case "action", "actions", "description", "actiontext", "text", "task": return .action
        case "lead", "leads", "owner", "owners", "responsible", "leadofficer", "responsibleofficer": return .lead
        case "due", "dateofdelivery", "deliverydate", "duedate", "date", "target", "targetdate", "timescale",
            "timescales", "by", "when":
            return .delivery
        case "deadline": return .deadline
        case "rating", "rag", "brag", "ragrating", "status", "bragrating", "ragstatus": return .rating
        default: return nil
        }
    }

    /// The theme cell of an exported CSV, `N. Title`, as number and title; nil when it is not one.
    static func exportedTheme(_ cell: String) -> (Int, String)? {
        let digits = cell.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 6, let n = Int(digits) else { return nil }
        let rest = cell.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest == "." else { return nil }
        return (n, String(rest.dropFirst(rest == "." ? 1 : 2)))
    }

    static func run(lines: [String], separator: Unicode.Scalar, file: String, title: String?) throws -> (
        Plan, ImportReport
    ) {
        let table = try DelimitedTable(lines: lines, separator: separator, file: file)
        guard let header = table.records.first else {
            throw PlanError(file: file, message: "is empty; expected a header row and one row per action")
        }
        let exported = header.fields == CSVExport.header
        var map: [Column: Int] = [:]
        for (i, h) in header.fields.enumerated() {
            if let c = column(for: h), map[c] == nil { map[c] = i }
        }
        if map[.delivery] == nil, let d = map[.deadline] { map[.delivery] = d }
        guard map[.id] != nil, map[.action] != nil else {
            let found = header.fields.map { "\"\($0)\"" }.joined(separator: ", ")
            throw PlanError(
                file: file, line: header.line,
                message: "header row needs at least an ID column and an action column "
                    + "(such as id, action, lead, due, rating); found \(found)")
        }
        var report = ImportReport()
        report.firstLine = header.line
        report.lastLine = table.records.last?.line ?? header.line
        var plan = Plan(title: title ?? "")
        if plan.title.isEmpty {
            let base = (file as NSString).lastPathComponent
            plan.title = (base as NSString).deletingPathExtension
        }
        var seen: [String: Int] = [:]
        var themeByKey: [String: Int] = [:]
        for record in table.records.dropFirst() {
            let n = record.line
            func cell(_ c: Column) -> String {
                guard let i = map[c], i < record.fields.count else { return "" }
                if exported { return CSVExport.unneutralise(record.fields[i]) }
                return SourceText.plainText(record.fields[i])
            }
            if record.fields.count != header.fields.count {
                report.warn(n, "row has \(record.fields.count) cells, the header has \(header.fields.count)")
            }
            let themeCell = cell(.theme)
            let themeTitleCell = cell(.themeTitle)
            var number: Int?
            var themeTitle = themeTitleCell
            if exported, let (n, t) = exportedTheme(themeCell) {
                number = n
                themeTitle = t
            } else if let h = PlanTextImporter.themeHeading(themeCell) {
                number = h.number
                if themeTitle.isEmpty { themeTitle = h.title }
            } else if let v = Int(themeCell.prefix(while: \.isNumber)), !themeCell.isEmpty {
                number = v
                let rest = themeCell.drop(while: { $0.isNumber || $0 == "." || $0 == ":" || $0 == " " })
                if themeTitle.isEmpty && !rest.isEmpty { themeTitle = String(rest) }
            }
            let tkey = number.map { "#\($0)" } ?? (themeCell.isEmpty ? "#?" : themeCell.lowercased())
            let ti: Int
            if let existing = themeByKey[tkey] {
                ti = existing
            } else {
                let num = number ?? (plan.themes.map(\.number).max() ?? 0) + 1
                if number == nil && !themeCell.isEmpty { themeTitle = themeCell }
                plan.themes.append(Theme(number: num, title: themeTitle.isEmpty ? "Theme \(num)" : themeTitle))
                ti = plan.themes.count - 1
                themeByKey[tkey] = ti
            }
            let groupTitle = cell(.group)
            let gt: String? = groupTitle.isEmpty ? nil : groupTitle
            if plan.themes[ti].groups.last.map({ $0.title != gt }) ?? true {
                if let existing = plan.themes[ti].groups.firstIndex(where: { $0.title == gt }),
                    existing == plan.themes[ti].groups.count - 1
                {
                    _ = existing
                } else {
                    plan.themes[ti].groups.append(ActionGroup(title: gt))
                }
            }
            var (id, refs) = exported ? (cell(.id), []) : PlanTextImporter.splitIDCell(cell(.id))
            let refsCell = cell(.crossRefs)
            if exported {
                refs = refsCell.split(separator: " ").map(String.init)
            } else if !refsCell.isEmpty {
                refs += refsCell.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
            }
            let text = cell(.action)
            if id.isEmpty && text.isEmpty { continue }
            if id.isEmpty {
                id = "L\(n)"
                report.warn(n, "row without an ID; given ID \(id)")
            }
            if let first = seen[id] {
                let newID = id + "#\(n)"
                report.repair(n, "duplicate action ID \(id) (first at line \(first)) renamed \(newID)")
                id = newID
            }
            seen[id] = n
            let date = exported ? cell(.delivery) : DeliveryDate.normalise(cell(.delivery))
            if case .unrecognised(let why) = DeliveryDate.parse(date) {
                report.warn(n, "action \(id): date \"\(date)\" kept as written with no deadline (\(why))")
            }
            let ragCell = cell(.rating)
            var rating: Rating?
            if !ragCell.isEmpty {
                rating = Rating(parsing: ragCell)
                if rating == nil {
                    report.warn(n, "action \(id): rating \"\(ragCell)\" is not B, G, A or R; left unrated")
                }
            }
            let leads =
                exported
                ? cell(.lead).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                : Plan.splitLeads(cell(.lead), knownCodes: [])
            let a = Action(id: id, crossReferences: refs, text: text, leads: leads, deliveryDate: date, rating: rating)
            plan.themes[ti].groups[plan.themes[ti].groups.count - 1].actions.append(a)
        }
        if plan.themes.isEmpty {
            throw PlanError(file: file, line: header.line, message: "has a header row but no actions")
        }
        return (plan, report)
    }
}
