/// The report's tables, shared by the HTML and Markdown renderers so both print the same columns.
enum ReportTables {
    typealias Item = StatusReport.MovementItem

    static func day(_ d: CalendarDay?) -> ReportCell { .text(d?.humanDescription ?? "—") }

    /// The summary by theme: theme, B, G, A, R, unrated, overdue, per cent complete, change.
    static let themeColumns: [ReportColumn<StatusReport.ThemeRow>] = [
        ReportColumn(title: "Theme", width: nil) { .text(ReportText.themeLabel($0)) },
        .number("B", width: 5) { String($0.counts.blue) },
        .number("G", width: 5) { String($0.counts.green) },
        .number("A", width: 5) { String($0.counts.amber) },
        .number("R", width: 5) { String($0.counts.red) },
        .number("Unrated", width: 9) { String($0.counts.unrated) },
        .number("Overdue", width: 9) { String($0.counts.overdue) },
        .percent("% complete", width: 10) { $0.counts.percentComplete },
        ReportColumn(title: "Change since snapshot", width: 25) { .text(ReportText.change($0.change)) },
    ]

    private static let idColumn = ReportColumn<Item>(title: "ID", width: 9) { .text($0.id) }
    private static let actionColumn = ReportColumn<Item>(title: "Action", width: nil) { .prose($0.text) }
    private static let leadsColumn = ReportColumn<Item>(title: "Leads", width: 15) {
        .text($0.leadNames.isEmpty ? "—" : $0.leadNames.joined(separator: ", "))
    }

    /// The columns of movement list `key` (see `StatusReport.Movement.sections`).
    static func movementColumns(_ key: String) -> [ReportColumn<Item>] {
        switch key {
        case "new":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Rating", width: 7) { .rating($0.after) },
                ReportColumn(title: "Deadline", width: 12) { day($0.deadlineAfter) },
            ]
        case "removed":
            return [
                idColumn,
                ReportColumn(title: "Rating then", width: 8) { .rating($0.before) },
                ReportColumn(title: "Deadline then", width: 14) { day($0.deadlineBefore) },
                ReportColumn(title: "Latest note then", width: nil) { .prose($0.note.isEmpty ? "—" : $0.note) },
            ]
        case "completed":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Completed", width: 12) { day($0.date) },
                ReportColumn(title: "Deadline", width: 12) { day($0.deadlineAfter) },
                ReportColumn(title: "Timeliness", width: 12) {
                    $0.daysLate != nil ? .strong(ReportText.completion($0)) : .text(ReportText.completion($0))
                },
            ]
        case "deadlinesRevised":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Deadline then", width: 11) { day($0.deadlineBefore) },
                ReportColumn(title: "Deadline now", width: 11) { day($0.deadlineAfter) },
                .number("Shift", width: 11) { ReportText.shift($0) },
                ReportColumn(title: "Reason", width: 17) { .prose($0.note.isEmpty ? "—" : $0.note) },
            ]
        case "notUpdated":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Rating", width: 7) { .rating($0.after) },
                ReportColumn(title: "Deadline", width: 12) { day($0.deadlineAfter) },
                ReportColumn(title: "Last updated", width: 12) { .text($0.date?.humanDescription ?? "never") },
            ]
        default:  // ratingUp, ratingDown, ratingSetOrCleared
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Then", width: 7) { .rating($0.before) },
                ReportColumn(title: "Now", width: 7) { .rating($0.after) },
                ReportColumn(title: "Changed", width: 11) { day($0.date) },
                ReportColumn(title: "Note", width: 20) { .prose($0.note.isEmpty ? "—" : $0.note) },
            ]
        }
    }

    /// The exceptions table (the lead is the heading of each group of rows).
    static let exceptionColumns: [ReportColumn<StatusReport.ExceptionItem>] = [
        ReportColumn(title: "ID", width: 7) { .text($0.id) },
        ReportColumn(title: "Action", width: nil) { .prose($0.text) },
        ReportColumn(title: "Rating", width: 7) { .rating($0.rating) },
        ReportColumn(title: "Why", width: 10) { .text($0.reasons.map(\.label).joined(separator: ", ")) },
        ReportColumn(title: "Original deadline", width: 10) {
            .text(ReportText.deadline($0.originalDelivery, $0.originalDeadline))
        },
        ReportColumn(title: "Revised deadline", width: 10) { item in
            .text(item.revisedDelivery.map { ReportText.deadline($0, item.revisedDeadline) } ?? "—")
        },
        .number("Days late", width: 7) { $0.daysLate.map(String.init) ?? "—" },
        ReportColumn(title: "Latest note", width: 20) { item in
            .prose(item.latestNote.map { (item.latestNoteDate.map { "\($0.humanDescription): " } ?? "") + $0 } ?? "—")
        },
    ]

    /// The full plan's action table; lead names come from `report`.
    static func planColumns(_ report: StatusReport) -> [ReportColumn<Action>] {
        [
            ReportColumn(title: "ID", width: 8) { .text($0.id) },
            ReportColumn(title: "Cross-refs", width: 10) {
                .text($0.crossReferences.isEmpty ? "—" : $0.crossReferences.joined(separator: ", "))
            },
            ReportColumn(title: "Action", width: nil) { a in
                let level = report.plan.level(of: a)
                var extra = a.fields
                if !a.status.isEmpty && a.status.lowercased() != (level?.name.lowercased() ?? "") {
                    extra.insert(ActionField(name: "Status as written", value: a.status), at: 0)
                }
                return extra.isEmpty ? .prose(a.text) : .proseWithFields(a.text, extra)
            },
            ReportColumn(title: "Leads", width: 16) {
                let n = report.leadNames(of: $0)
                return .text(n.isEmpty ? "—" : n.joined(separator: ", "))
            },
            ReportColumn(title: "Delivery date", width: 12) { .text(ReportText.delivery(of: $0)) },
            ReportColumn(title: "Rating", width: 7) {
                report.plan.scale == nil ? .rating($0.rating) : .level(report.plan.level(of: $0))
            },
        ]
    }

    /// The officers appendix.
    static let officerColumns: [ReportColumn<Officer>] = [
        ReportColumn(title: "Code", width: 12) { .text($0.code) },
        ReportColumn(title: "Name", width: 30) { .text($0.name) },
        ReportColumn(title: "Role", width: nil) { .text($0.role) },
    ]
}
