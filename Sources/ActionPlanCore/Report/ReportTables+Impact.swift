/// The tables of the report's impact sections and charts — recommendations, measures, lateness, ratings over
/// the snapshots — shared by the HTML and Markdown renderers.
extension ReportTables {
    /// A measure or sub-measure as a row of the measures table.
    struct MeasureRow: Sendable {
        var measure: Measure
        var depth: Int
        var status: MeasureStatus
    }

    /// Every measure and sub-measure of `r`'s plan, in plan order.
    static func measureRows(_ r: StatusReport) -> [MeasureRow] {
        r.plan.allMeasures.map { MeasureRow(measure: $0.measure, depth: $0.depth, status: MeasureStatus($0.measure)) }
    }

    /// Recommendation, source, its text, linked actions with rating and lateness, covered or not.
    static let recommendationColumns: [ReportColumn<RecommendationCoverage>] = [
        ReportColumn(title: "Rec", width: 7) { .text($0.recommendation.id) },
        ReportColumn(title: "Source", width: 16) { .text($0.recommendation.source) },
        ReportColumn(title: "Recommendation", width: nil) { .prose($0.recommendation.text) },
        ReportColumn(title: "Actions (rating, lateness)", width: 22) { .text($0.actionsText) },
        ReportColumn(title: "Covered", width: 9) { $0.isUncovered ? .strong("NO") : .text("Yes") },
    ]

    /// Measure, plan IDs, previous and latest figures, change, target, status and trend.
    static let measureColumns: [ReportColumn<MeasureRow>] = [
        ReportColumn(title: "ID", width: 8) { .text($0.measure.id) },
        ReportColumn(title: "Plan IDs", width: 7) { .text($0.measure.planIDs.joined(separator: " ")) },
        ReportColumn(title: "Measure", width: nil) { row in
            let note = row.status.figures.isEmpty && !row.measure.note.isEmpty ? " (\(row.measure.note))" : ""
            return .text(String(repeating: "– ", count: row.depth) + row.measure.title + note)
        },
        ReportColumn(title: "Previous", width: 11) { .text(figure($0.status.previous, $0.status)) },
        ReportColumn(title: "Latest", width: 11) { .text(figure($0.status.latest, $0.status)) },
        .number("Change", width: 10) { $0.status.changeText },
        ReportColumn(title: "Target", width: 7) { .text($0.measure.target ?? "") },
        ReportColumn(title: "Against target", width: 10) { row in
            let s = row.status.targetStatus
            return s.rating == nil ? .text(s == .unknown ? "" : s.rawValue) : .strong(s.rawValue)
        },
        ReportColumn(title: "Trend", width: 8) { .text(MeasureListing.trend($0.status)) },
    ]

    private static func figure(
        _ f: (observation: MeasureObservation, value: MeasureValue)?, _ s: MeasureStatus
    ) -> String {
        guard let f else { return "" }
        return "\(s.show(f.value)) (\(f.observation.period))"
    }

    /// The lateness chart's numbers: bucket and actions.
    static let latenessColumns: [ReportColumn<(label: String, count: Int)>] = [
        ReportColumn(title: "Overdue by", width: nil) { .text($0.label) },
        .number("Actions", width: 15) { String($0.count) },
    ]

    /// The ratings-over-time chart's numbers: snapshot, B, G, A, R, unrated.
    static let historyColumns: [ReportColumn<ReportCharts.Bar>] = [
        ReportColumn(title: "Position", width: nil) { .text($0.label) },
        .number("B", width: 8) { String($0.counts.blue) },
        .number("G", width: 8) { String($0.counts.green) },
        .number("A", width: 8) { String($0.counts.amber) },
        .number("R", width: 8) { String($0.counts.red) },
        .number("Unrated", width: 10) { String($0.counts.unrated) },
    ]
}

extension StatusReport {
    /// How the plan covers each recommendation on the report's day.
    public var coverage: [RecommendationCoverage] { RecommendationCoverage.of(plan, asOf: asOf) }
}
