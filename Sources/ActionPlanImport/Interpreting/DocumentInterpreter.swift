import ActionPlanCore
import Foundation

/// Turns a source document — whatever its container — into a plan, accounting for every item.
///
/// It reads what council documents hold: a title and version, introduction and governance sections, the
/// recommendations the plan answers, a RAG key, theme headings (`Theme 1:`, `Priority 2:`, or headings
/// styled as such in Word) with narrative blocks and `Lead:` lines, action tables whose columns are read by
/// meaning (``TableLayout``) with group rows, page-break artefacts (repeated header rows, theme rows repeated
/// inside a table, headings printed twice or glued together), appendices, and a named-officers register.
/// Each item of the source is recorded as used, repaired, skipped (with why) or blank.
struct DocumentInterpreter {
    let doc: SourceDocument
    let file: String
    let options: PlanImport.Options
    var report = ImportReport()
    var assembler = PlanAssembler()
    /// What happened to each item, by index.
    var outcome: [Outcome?]
    /// Each table's layout and the index of its header row (nil: read without one).
    var tables: [Int: (layout: TableLayout, header: Int?)] = [:]
    /// Tables that are a named-officers register (Code | Name | Role), with their header row's index.
    var officerTables: [Int: Int] = [:]
    var mode = Mode.preamble
    /// The narrative block text goes into: of the plan (theme nil) or of the current theme.
    var block: Int?
    /// Themes (by index; -1 before any) in which a table header row was already met (to tell page-break
    /// repeats).
    var headerSeen: Set<Int> = []
    /// Whether the last non-blank item was a table row (a table interrupted by blank lines goes on).
    var inTable = false
    /// The item used as the plan's title, if any.
    var titleIndex: Int?
    /// The previous row of the table being read (for cells merged from above).
    var rowAbove: [String] = []
    var ragLines: [(SourceLocation, String)] = []
    var officerCodes: [String: SourceLocation] = [:]
    var statuses: [String: (rating: Rating?, count: Int)] = [:]
    var statusOrder: [String] = []
    /// The last heading met that was not a theme (a docx/markdown heading), to title an implicit theme.
    var lastHeading: String?
    /// Recommendations: the body whose list is being read, the number expected next, and the ID prefix.
    var register: (source: String, next: Int, prefix: String)?
    var pendingRegisterSource: String?
    /// The number of the last numbered section heading of the plan's text (`4. Driving Improvement`).
    var lastSection: Int?
    var registers = 0
    /// Why each table that is not an action table is not one (by table number).
    var notActionTables: [Int: String] = [:]
    /// Rows continuing a header row on a second line, with the repair to report (by item index).
    var headerLines: [Int: String] = [:]
    /// Warnings about a table's columns found while laying tables out, by the index of the table's header row:
    /// said when that row is read (so tables outside the plan say nothing).
    var tableWarnings: [Int: [String]] = [:]
    /// The layout of the table row read last (a block without its header after a page break continues it).
    var lastLayout: TableLayout?
    /// Whether a page break (a blank line or a repeated header row) came since the last table row.
    var breakBefore = false
    /// In an action log: the number of the item the next actions arose from, and how many it has had.
    var logItem: String?
    var logCount = 0
    /// In a table of measures: the last measure's row (its cells label its breakdown's) and the last breakdown.
    var measureRow: [String]?
    var lastBreakdown: [String]?

    /// What became of one item of the source.
    enum Outcome { case used, repaired, skipped, blank }

    /// Where in the document the walk is.
    enum Mode: Equatable { case preamble, ragKey, themes, appendix, officers, after }

    init(doc: SourceDocument, file: String, options: PlanImport.Options) {
        self.doc = doc
        self.file = file
        self.options = options
        outcome = Array(repeating: nil, count: doc.items.count)
    }

    // MARK: - Recording

    mutating func mark(_ i: Int, _ o: Outcome) {
        if outcome[i] == nil || outcome[i] == .used && o == .repaired { outcome[i] = o }
    }

    mutating func skip(_ i: Int, _ why: String) {
        mark(i, .skipped)
        report.skip(doc.items[i].location, why)
    }

    mutating func repair(_ i: Int, _ what: String) {
        mark(i, .repaired)
        report.repair(doc.items[i].location, what)
    }

    func location(_ i: Int) -> SourceLocation { doc.items[i].location }

    // MARK: - The walk

    mutating func run() throws -> (Plan, ImportReport) {
        try layOutTables()
        let start = try findStart()
        for i in 0..<start {
            if isBlank(i) { mark(i, .blank) } else { skip(i, "before the plan's title: not part of the plan") }
        }
        if let line = location(start).line { report.firstLine = line }
        var i = start
        while i < doc.items.count {
            if mode == .after {
                if isBlank(i) { mark(i, .blank) } else { skip(i, "after the plan's named-officers register") }
            } else {
                switch doc.items[i].content {
                case .text(let raw, let heading): readText(raw, heading: heading, at: i)
                case .row(let cells, let table): try readRow(cells, table: table, at: i)
                }
            }
            if outcome[i] == .used || outcome[i] == .repaired, let line = location(i).line { report.lastLine = line }
            i += 1
        }
        return try finish()
    }

    func isBlank(_ i: Int) -> Bool {
        switch doc.items[i].content {
        case .text(let t, _): return t.trimmingCharacters(in: .whitespaces).isEmpty
        case .row(let cells, _): return cells.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    // MARK: - Narrative

    /// Appends `text` to the current narrative block (of the theme, or of the plan before any theme), opening
    /// one headed `heading` when asked or when there is none.
    mutating func narrate(_ text: String, heading: String? = nil, at i: Int) {
        let clean = SourceText.plainText(text)
        if let t = assembler.theme, mode == .themes {
            if heading != nil || block == nil {
                assembler.plan.themes[t].narrative.append(NarrativeBlock(heading: heading ?? "", text: ""))
                block = assembler.plan.themes[t].narrative.count - 1
                if heading == nil {
                    report.warn(
                        location(i),
                        "text outside a narrative block in theme \(assembler.plan.themes[t].number) kept as a note block"
                    )
                }
            }
            if heading == nil { append(clean, raw: text, to: &assembler.plan.themes[t].narrative[block!]) }
        } else {
            if heading != nil || block == nil || assembler.plan.narrative.isEmpty {
                assembler.plan.narrative.append(NarrativeBlock(heading: heading ?? "", text: ""))
                block = assembler.plan.narrative.count - 1
            }
            if heading == nil { append(clean, raw: text, to: &assembler.plan.narrative[block!]) }
        }
        mark(i, .used)
    }

    private func append(_ clean: String, raw: String, to b: inout NarrativeBlock) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let prefix = trimmed.hasPrefix("- ") && !clean.hasPrefix("- ") ? "- " : ""
        b.text += (b.text.isEmpty ? "" : "\n") + prefix + clean
    }
}
