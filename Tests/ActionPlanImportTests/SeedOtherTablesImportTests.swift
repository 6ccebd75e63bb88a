import ActionPlanCore
import ActionPlanImport
import XCTest

/// The seed packs' tables that are like plans but are not action tables (survey B1–B8): work programmes,
/// committee priorities, a savings table, "you said, we did", the named-officers register, and two tables of
/// indicators. The first six are refused with the reason; the indicators come in as measures, like the
/// dashboard's.
final class SeedOtherTablesImportTests: XCTestCase {
    /// Each refused source says which table it looked at and why it is not an action table.
    func testTablesThatAreNotActionTablesAreRefusedWithTheReason() throws {
        let refused = [
            ("b1-hwbb-work-programme-2019-01", "line 8", "its header \"Subject | Decision requested | Report Of |"),
            ("b2-hwbb-work-programme-2018-07", "line 9", "its header \"Subject | Decision requested | Report Of |"),
            (
                "b3-hwb-committee-priorities", "line 3",
                "its header \"Corporate priority | How we will deliver this by 2024\""
            ),
            ("b4-public-health-savings", "line 3", "its header \"Line ref | 6898395600 | Theme | Service Area |"),
            ("b5-camhs-parents-said", "line 5", "its header \"Parents said... | BEH MHT are ...\""),
            (
                "b6-named-officers", "line 3",
                "it is the named-officers register (code, name, role), which holds no actions"
            ),
        ]
        for (name, place, why) in refused {
            guard let e = try SeedTables.refusal(name) else { continue }
            XCTAssertTrue(e.message.hasPrefix("no action table found"), "\(name): \(e.message)")
            XCTAssertTrue(e.message.contains("the table at \(place) is not one: \(why)"), "\(name): \(e.message)")
            if !name.hasPrefix("b6") {
                XCTAssertTrue(
                    e.message.contains("names no action or ID column; --column \"HEADER=ROLE\" reads it"), name)
            }
        }
    }

    /// What the refusal advises works: naming the action column imports the table, the rest kept as fields.
    func testB5ComesInWhenTheUserNamesItsActionColumn() throws {
        let options = PlanImport.Options(columns: [ColumnOverride(header: "BEH MHT are ...", role: .action)])
        let (plan, report) = try SeedTables.run("b5-camhs-parents-said", options: options)
        XCTAssertEqual(SeedTables.columns(report), ["Parents said... → field", "BEH MHT are ... → action"])
        XCTAssertEqual(
            plan.allActions.map(\.text).first,
            "Planning to be able to take self re-referrals 4 – 6 months following discharge")
        XCTAssertEqual(
            SeedTables.field(plan.allActions[0], "Parents said..."),
            "Accessing CAMHS again after discharge is difficult")
        try SeedTables.assertAccounted(report, "b5-camhs-parents-said", used: 5, repaired: 0, blank: 2)
    }

    /// Indicators are measures: each comes in with its figures; the colour key above the table, whose colours
    /// were lost, is not a table of actions and is skipped with the reason.
    func testB7IndicatorsComeInAsMeasuresAndTheColourKeyIsSkipped() throws {
        let (plan, report) = try SeedTables.run("b7-are-we-on-track")
        XCTAssertEqual(
            SeedTables.columns(report),
            [
                "Indicator → action", "Latest performance → field", "Year(s) → field",
                "Recent trend (based on Trends in Public Health England profiles) → field", "Barnet v London → field",
            ])
        XCTAssertEqual(
            plan.allActions.map(\.text),
            [
                "Childhood vaccination Coverage % Year 1", "Childhood vaccination Coverage % Year 5",
                "School readiness Prevalence %", "Missing, decayed or filled tooth in 5 year old children",
            ])
        XCTAssertEqual(SeedTables.field(plan.allActions[0], "Latest performance"), "90.2%")
        XCTAssertEqual(SeedTables.field(plan.allActions[0], "Year(s)"), "2016 - 2017")
        XCTAssertEqual(
            SeedTables.field(plan.allActions[2], "Recent trend (based on Trends in Public Health England profiles)"),
            "Better")
        XCTAssertEqual(report.skips.map(\.line), [3, 4, 5])
        XCTAssertTrue(report.skips.allSatisfy { $0.message.contains("its cells hold no IDs, dates or statuses") })
        try SeedTables.assertAccounted(report, "b7-are-we-on-track", used: 6, repaired: 0, skipped: 3, blank: 2)
    }

    func testB8IndicatorsWithAHeaderOnTwoLines() throws {
        let (plan, report) = try SeedTables.run("b8-ces-indicators")
        XCTAssertEqual(
            SeedTables.columns(report),
            [
                "Indicator → action", "Polarity → field", "17/18 EOY → field", "18/19 Target → field",
                "Q2 18/19 Target → field", "Q2 18/19 Result → field", "Q2 18/19 DOT → field", "Q2 17/18 Result → field",
                "Benchmarking → field",
            ])
        XCTAssertEqual(plan.actionCount, 2)
        let a = plan.allActions[0]
        XCTAssertEqual(a.text, "The percentage of all schools rated as good or better")
        XCTAssertEqual(SeedTables.field(a, "Q2 18/19 Result"), "94.3%")
        XCTAssertEqual(SeedTables.field(a, "Benchmarking"), "No benchmark available")
        XCTAssertEqual(
            SeedTables.messages(report, line: 8),
            ["the header row continues on this line (\"Target | Result | DOT | Result\"): read as part of it"])
        try SeedTables.assertAccounted(report, "b8-ces-indicators", used: 6, repaired: 1, blank: 3)
    }
}
