import Foundation
import XCTest

@testable import ActionPlanCore

/// The report's charts, headline in words, exceptions by severity, and its Recommendations and Measures sections,
/// on the sample plan as at 31 January 2019.
final class ReportChartsTests: XCTestCase {
    private let day = CalendarDay(iso: "2019-01-31")!

    private func report(_ p: Plan) throws -> StatusReport { try StatusReport.make(p, asOf: day, produced: day) }

    private func html(_ p: Plan) throws -> String { String(decoding: HTMLReport.render(try report(p)), as: UTF8.self) }

    private func withMeasure(_ p: Plan) -> Plan {
        var p = p
        p.measures = [
            Measure(
                id: "M1", title: "Average caseload", polarity: .lower, target: "17.3", planIDs: ["T8"],
                subMeasures: [
                    Measure(
                        id: "M1.1", title: "Duty and Assessment", polarity: .lower, target: "17.3",
                        observations: [
                            .init(period: "Feb-18", value: "18.3"), .init(period: "Mar-18", value: "13.3"),
                            .init(period: "Apr-18", value: "21.9"),
                        ])
                ]),
            Measure(id: "M2", title: "Calibration", planIDs: ["T2"], note: "Will be included when available"),
        ]
        return p
    }

    func testTheHeadlineSaysInWordsThatMostOverdueActionsAreRatedGreen() throws {
        let r = try report(try TestSupport.samplePlan())
        XCTAssertEqual(r.headline.counts.overdue, 28)
        XCTAssertEqual(
            r.attention.first,
            "25 of the 28 overdue actions are rated Green: their ratings should have moved or their dates been revised."
        )
        XCTAssertEqual(r.attention.last, "The most overdue is 6(ii), 457 days late.")
        let page = try html(try TestSupport.samplePlan())
        XCTAssertTrue(page.contains("<p class=\"attention\"><strong>25 of the 28 overdue actions are rated Green"))
        XCTAssertTrue(MarkdownReport.render(r).contains("**25 of the 28 overdue actions are rated Green"))
    }

    func testExceptionsAreWorstFirstRedThenAmberThenGreenButOverdueMostOverdueFirst() throws {
        let r = try report(try TestSupport.samplePlan())
        for lead in r.exceptions.flatMap(\.leads) {
            let keys = lead.items.map { i -> [Int] in
                let rank = i.rating == .red ? 0 : i.rating == .amber ? 1 : i.rating == .green ? 2 : 3
                return [rank, -(i.daysLate ?? -1)]
            }
            XCTAssertEqual(keys, keys.sorted { $0.lexicographicallyPrecedes($1) }, lead.lead)
        }
        let mixed = r.exceptions.flatMap(\.leads).first { l in
            Set(l.items.map(\.rating)).count > 1
        }
        let first = try XCTUnwrap(mixed).items.first
        XCTAssertEqual(first?.rating, .amber, "Amber before Green but overdue")
    }

    func testChartsAreInlineSVGWithTextAlternativesAndTheirNumbersInTables() throws {
        let plan = try TestSupport.samplePlan()
        let charts = ReportCharts(try report(plan))
        XCTAssertEqual(charts.themes.count, 6)
        XCTAssertEqual(
            [charts.lateness.upToOneMonth, charts.lateness.oneToThreeMonths, charts.lateness.overThreeMonths],
            [3, 17, 8])
        XCTAssertTrue(charts.history.isEmpty, "no snapshots: no chart of ratings over time")
        let page = try html(plan)
        XCTAssertEqual(page.components(separatedBy: "<svg class=\"chart\" role=\"img\"").count - 1, 2)
        XCTAssertTrue(page.contains("aria-label=\"Overdue actions by lateness: Up to 1 month (1–31 days) 3, "))
        XCTAssertTrue(page.contains("<title>Ratings of each theme"))
        XCTAssertTrue(page.contains("G 14</text>"), "segments carry their letter")
        XCTAssertTrue(page.contains("⚑ 11 overdue"))
        XCTAssertTrue(page.contains("<td>Over 3 months (93 days or more)</td><td class=\"num\">8</td>"))
        XCTAssertTrue(page.contains("<pattern id=\"pA\""), "Amber is hatched for black-and-white print")
        XCTAssertFalse(page.contains("<section id=\"movement\" class=\"newpage\">"), "movement shares page 2")
        XCTAssertTrue(page.contains("<p class=\"none\">No earlier snapshot yet, so no movement;"))
    }

    func testSnapshotsGiveAChartOfRatingsOverTime() throws {
        var plan = try TestSupport.samplePlan()
        try plan.takeSnapshot(label: "November 2018 committee", asOf: CalendarDay(iso: "2018-11-30")!)
        let charts = ReportCharts(try report(plan))
        XCTAssertEqual(charts.history.map(\.label), ["November 2018 committee", "Now"])
        XCTAssertEqual(charts.history.map(\.counts.green), [51, 51])
        let page = try html(plan)
        XCTAssertTrue(page.contains("<h3>Ratings over the reporting cycles</h3>"))
        XCTAssertTrue(page.contains("aria-label=\"Ratings at each snapshot and now: November 2018 committee 0 B, 51 G"))
    }

    func testMeasuresGetATrendLineAgainstTheirTargetAndATable() throws {
        let plan = withMeasure(try TestSupport.samplePlan())
        let charts = ReportCharts(try report(plan))
        XCTAssertEqual(charts.trends.map(\.id), ["M1.1"])
        let page = try html(plan)
        XCTAssertTrue(
            page.contains(
                "aria-label=\"Average caseload: Duty and Assessment: Feb-18 18.3, Mar-18 13.3, Apr-18 21.9; target 17.3, off target\""
            ))
        XCTAssertTrue(page.contains("stroke-dasharray"), "the target is a dashed line")
        XCTAssertTrue(page.contains("<h2>7. Measures of impact</h2>"))
        XCTAssertTrue(page.contains("Calibration (Will be included when available)"))
        let md = MarkdownReport.render(try report(plan))
        XCTAssertTrue(
            md.contains(
                "| M1.1 |   | – Duty and Assessment | 13.3 (Mar-18) | 21.9 (Apr-18) | +8.6 | 17.3 | **off target** | ↑ worse |"
            ), md)
    }

    func testTheRecommendationsSectionFlagsThoseWithNoLiveAction() throws {
        var plan = try TestSupport.samplePlan()
        try plan.link(action: "1a(i)", to: ["1"])
        let page = try html(plan)
        XCTAssertTrue(page.contains("<h2>6. Recommendations</h2>"))
        XCTAssertTrue(page.contains("23 of the 24 recommendations have no live action (2, 3, 4,"))
        XCTAssertTrue(page.contains("<td>1a(i) G"), page)
        let md = MarkdownReport.render(try report(plan))
        XCTAssertTrue(md.contains("| BSCB 5 | Barnet Safeguarding Children Board |"))
        XCTAssertTrue(md.contains("| **NO** |"))
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.render(try report(plan)))) as! [String: Any]
        let recs = json["recommendations"] as! [[String: Any]]
        XCTAssertEqual(recs.count, 24)
        XCTAssertEqual(recs[0]["actions"] as? [String], ["1a(i)"])
        XCTAssertEqual(recs.filter { $0["covered"] as? Bool == false }.count, 23)
        XCTAssertEqual((json["attention"] as? [String])?.count, 2)
    }
}
