import ActionPlanCore
import Foundation

/// What a column of a plan's action table holds, found from its header by meaning, never by position.
///
/// Each role has the header words councils use for it (docs/import.md lists them; a test checks the two
/// agree). A header that names no role is a column of the plan's own: its cells are kept as named fields
/// of each action. `--column "HEADER=ROLE"` overrides the reading of a header (or of a column number).
public enum ColumnRole: String, CaseIterable, Sendable {
    /// The action's ID (`1a(iii)`, `3.2`); cross-references may follow it in the same cell.
    case id
    /// The theme (a number, `Theme 2: Title`, or a title).
    case theme
    /// The theme's title, beside a theme number column.
    case themeTitle = "theme-title"
    /// A sub-heading grouping actions within a theme.
    case group
    /// What will be done.
    case action
    /// Who leads it: codes, names or roles.
    case lead
    /// The date of delivery as written.
    case due
    /// A revised date of delivery (kept as a revision; the original stays).
    case revised
    /// The rating or status as written (`G`, `On track`, `Achieved`).
    case status
    /// IDs of a previous plan this action continues.
    case refs
    /// Kept as a named field of each action (the default for a header that names no role).
    case field
    /// Left out on purpose (only by `--column`); said in the report.
    case skip

    /// The header words of each role, as people write them; matched after ``key(_:)``.
    public static let synonyms: [(role: ColumnRole, headers: [String])] = [
        (
            .id,
            [
                "ID", "Ref", "Ref.", "Ref No", "Ref no.", "Reference", "No", "No.", "Number", "#", "Action ID",
                "Action ref", "Action no", "Item", "Item no", "Plan ID",
            ]
        ),
        (.theme, ["Theme", "Theme no", "Theme number", "Priority number", "Improvement theme"]),
        (.themeTitle, ["Theme title", "Theme name", "Priority title"]),
        (
            .group,
            [
                "Group", "Sub-heading", "Subheading", "Area", "Sub-area", "Section", "Workstream", "Priority",
                "Programme", "Objective area", "Priorities", "Workstreams", "Programmes",
            ]
        ),
        (
            .action,
            [
                "Action", "Actions", "What", "What?", "What will we do", "What we will do", "Objective",
                "Objectives", "Activity", "Activities", "Task", "Tasks", "Description", "Action text",
                "Key actions", "Action to be taken", "Summary of actions to progress", "Recommendation",
                "Next steps", "Next step",
            ] + measureHeaders
        ),
        (
            .lead,
            [
                "Lead", "Leads", "Lead officer", "Lead officers", "Who", "Who?", "Owner", "Owners",
                "Action owner", "Responsible", "Responsible officer", "Responsibility", "Accountable",
                "Lead person", "By whom", "Director",
            ]
        ),
        (
            .due,
            [
                "Date of delivery", "Delivery date", "Due", "Due date", "Due by", "Date", "Target date",
                "Target", "Timescale", "Timescales", "By when", "When", "Deadline", "End date",
                "Completion date", "Target completion", "Timeline",
            ]
        ),
        (.revised, ["Revised date", "Revised timescale", "Revised deadline", "New date", "Revised due date"]),
        (
            .status,
            [
                "RAG", "BRAG", "Rating", "RAG rating", "RAG status", "Status", "Current status",
                "Progress rating", "Rating (current)", "Overall RAG",
            ]
        ),
        (
            .refs,
            [
                "Cross refs", "Cross-references", "Cross references", "Refs", "Previous ID", "Previous IDs",
                "Previous plan", "Links to previous plan",
            ]
        ),
    ]

    /// Headers of a column of measures (a dashboard's or a strategy's indicators): read as the action; a row
    /// with no ID under a measure is its breakdown (docs/import.md, "How the seed documents' tables import").
    public static let measureHeaders = [
        "Measure", "Measures", "Indicator", "Indicators", "KPI", "KPIs", "Performance measure", "Performance indicator",
    ]

    /// Headers that name the action only when no other column does (`Description` beside `Next steps` describes
    /// it; the next steps are what will be done).
    public static let fallbackActionHeaders = ["Description", "Descriptions"]

    /// Whether `header` names a column of measures (``measureHeaders``).
    static func isMeasure(_ header: String) -> Bool { measureHeaders.contains { key($0) == key(header) } }

    /// Whether `header` names the action only when no other column does (``fallbackActionHeaders``).
    static func isFallbackAction(_ header: String) -> Bool {
        fallbackActionHeaders.contains { key($0) == key(header) }
    }

    /// A header reduced for matching: lower case, letters and digits only (`Ref No.` → `refno`).
    public static func key(_ header: String) -> String {
        header.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "#" }
    }

    private static let byKey: [String: ColumnRole] = {
        var out: [String: ColumnRole] = [:]
        for (role, headers) in synonyms {
            for h in headers where out[key(h)] == nil { out[key(h)] = role }
        }
        return out
    }()

    /// The role `header` names: a listed header word, else one whose words say it (`Lead officer(s)`,
    /// `RAG (Q2)`, `Target date for completion`, `Risk ID`, `Plans for 2018/19`), else nil (a field of the
    /// plan's own).
    public static func named(_ header: String) -> ColumnRole? {
        let k = key(header)
        if k.isEmpty { return nil }
        if let r = byKey[k] { return r }
        let ordered = header.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let words = Set(ordered)
        if words.contains("revised") && !words.isDisjoint(with: ["date", "timescale", "deadline", "due"]) {
            return .revised
        }
        if !words.isDisjoint(with: ["rag", "brag"]) || words == ["status"] { return .status }
        if words.count <= 4 && !words.isDisjoint(with: ["lead", "owner", "responsible"]) { return .lead }
        if words.count <= 5 && !words.isDisjoint(with: ["deadline", "timescale", "timescales"]) { return .due }
        if words.count <= 4 && words.contains("date") && !words.isDisjoint(with: ["target", "delivery", "due"]) {
            return .due
        }
        if ordered.count <= 3 && ordered.last == "id" { return .id }
        // What is planned for a period is what will be done: `Plans for 2018/19`, `Priorities 2018.19`.
        if ordered.count <= 8, !words.isDisjoint(with: ["plans", "priorities"]),
            words.contains(where: { $0.first?.isNumber == true })
        {
            return .action
        }
        return nil
    }

    /// Parses a `--column` role name (`id`, `action`, `lead`, `due`, `revised`, `status`, `refs`, `theme`,
    /// `theme-title`, `group`, `field`, `skip`).
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// A `--column "HEADER=ROLE"` given on the command line: how to read a column whatever its header says.
public struct ColumnOverride: Hashable, Sendable {
    /// The header as written (matched ignoring case and punctuation), or a column number from 1.
    public var header: String
    /// How to read it.
    public var role: ColumnRole

    /// An override.
    public init(header: String, role: ColumnRole) {
        self.header = header
        self.role = role
    }

    /// Parses `HEADER=ROLE`, with an error naming what was expected.
    public init(argument: String) throws {
        guard let eq = argument.lastIndex(of: "=") else {
            throw PlanError(
                .invalidValue, path: "--column", message: "\"\(argument)\" is not HEADER=ROLE, e.g. \"Who?=lead\"")
        }
        let header = argument[..<eq].trimmingCharacters(in: .whitespaces)
        let roleName = argument[argument.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !header.isEmpty, let role = ColumnRole(argument: roleName) else {
            let roles = ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")
            throw PlanError(
                .invalidValue,
                path: "--column", message: "\"\(argument)\": expected HEADER=ROLE with ROLE one of \(roles)")
        }
        self.init(header: header, role: role)
    }

    /// Whether it applies to the column numbered `number` (from 1) headed `header`.
    func matches(header other: String, number: Int) -> Bool {
        if let n = Int(header) { return n == number }
        return ColumnRole.key(header) == ColumnRole.key(other) && !ColumnRole.key(other).isEmpty
    }
}

/// The vocabulary of the importer as Markdown tables, for docs/import.md (a test checks the document holds
/// exactly these, so the documentation never drifts from the code).
public enum ImportVocabulary {
    /// The column roles with their header words.
    public static var columnsTable: String {
        var out = "| role (`--column`) | header words (any case; punctuation ignored) |\n| --- | --- |\n"
        for (role, headers) in ColumnRole.synonyms {
            out += "| `\(role.rawValue)` | " + headers.map { "`\($0)`" }.joined(separator: ", ") + " |\n"
        }
        return out
    }

    /// The status words with the rating each counts as.
    public static var statusTable: String {
        var out = "| rating | status words |\n| --- | --- |\n"
        for (rating, words) in StatusWords.table {
            out += "| \(rating.name) | " + words.map { "`\($0)`" }.joined(separator: ", ") + " |\n"
        }
        out += "| unrated | " + StatusWords.unratedWords.map { "`\($0)`" }.joined(separator: ", ") + " |\n"
        return out
    }
}
