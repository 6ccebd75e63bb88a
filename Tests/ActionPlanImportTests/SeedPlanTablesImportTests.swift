import ActionPlanCore
import ActionPlanImport
import XCTest

/// The seed packs' other plans (survey A9, A10, A16, A17): the Children and Young People Plan's "What we are
/// doing" tables, the Data Dashboard of measures keyed to the 2017-18 plan's IDs, and the Healthy Weight
/// workstreams and project timeline. (The main plan, T0, is `ImportTests` in ActionPlanCoreTests.)
final class SeedPlanTablesImportTests: XCTestCase {
    /// Each objective heads its own table (`<objective> | Responsible | How we will monitor the priority`): the
    /// objectives are groups, every other row an action, its lead kept whole and its monitoring a field.
    func testA9ChildrenAndYoungPeoplePlanEveryRowUnderItsObjective() throws {
        let (plan, report) = try SeedTables.run("a9-cyp-plan-2019-2023")
        XCTAssertEqual(
            SeedTables.columns(report),
            [
                "Provide support that encourages and builds resilience → action", "Responsible → lead",
                "How we will monitor the priority → field",
            ])
        XCTAssertTrue(report.tables[0].columns[0].why.contains("titles a group"))
        // Read independently: a header row starts a group, any other row is an action.
        var groups: [(title: String, rows: [[String]])] = []
        for (_, cells) in try SeedTables.rows("a9-cyp-plan-2019-2023") where cells.count == 3 {
            if cells[1] == "Responsible" {
                groups.append((cells[0], []))
            } else {
                groups[groups.count - 1].rows.append(cells)
            }
        }
        XCTAssertEqual(groups.count, 22)
        XCTAssertEqual(plan.actionCount, 74)
        XCTAssertEqual(plan.themes[0].groups.map(\.title), groups.map(\.title))
        XCTAssertEqual(plan.themes[0].groups.map(\.actions.count), groups.map(\.rows.count))
        let rows = groups.flatMap(\.rows)
        for (a, row) in zip(plan.allActions, rows) {
            XCTAssertEqual(a.text, row[0].trimmingCharacters(in: .whitespaces), a.id)
            XCTAssertEqual(
                SeedTables.field(a, "How we will monitor the priority"), row[2].trimmingCharacters(in: .whitespaces))
        }
        // Bodies written one after another with spaces cannot be told apart: kept whole, never cut wrongly.
        let leads = Dictionary(plan.allActions.map { ($0.text, $0.leads) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(
            leads["Create community spaces that are open when children need them"],
            ["Community Participation Family Services Cambridge Education"])
        XCTAssertEqual(
            plan.allActions.first { $0.text.hasPrefix("Promote, grow and strengthen opportunities") }?.leads,
            ["YBF & partners Fit & Healthy Barnet (FAB)"])
        // Blank lines inside a block (a page break with no header repeated) do not end it.
        for line in [60, 70, 71, 72, 175] {
            XCTAssertTrue(
                SeedTables.messages(report, line: line).contains(
                    "row above the table's header row: continues the table before it (page break)"), "line \(line)")
        }
        XCTAssertEqual(
            plan.themes[0].groups[3].actions.last?.text,
            "Deliver Care Quality Commission Action Plan across the whole system")
        try SeedTables.assertAccounted(report, "a9-cyp-plan-2019-2023", used: 156, repaired: 5, blank: 75)
    }

    /// A measure's row (with an ID) is an action; the rows under it with no ID are its breakdown, kept as its
    /// fields; the arrows are directions, not ratings.
    func testA10DataDashboardMeasuresWithTheirBreakdowns() throws {
        let (plan, report) = try SeedTables.run("a10-data-dashboard")
        XCTAssertEqual(plan.title, "Data Dashboard")
        XCTAssertEqual(
            SeedTables.columns(report),
            [
                "Plan ID → id", "Measure → action", "Previous Period → field", "Latest Position → field",
                "Change → field",
                "Change since Ofsted → field", "Target → field", "Rating → status", " → field",
            ])
        XCTAssertTrue(report.tables[0].columns[6].why.contains("holds figures and no date"))
        XCTAssertEqual(report.tables.count, 1, "the three page blocks are one table")
        XCTAssertEqual(plan.actionCount, 23)
        XCTAssertEqual(
            plan.themes[0].groups.map(\.title),
            [
                "To drive sustainable practice improvement at pace", "Strengthened systems leadership for children",
                "Effective MASH", "Effective decision making", "Strengthen assessment", "Child centred plans",
                "Plans achieving best outcomes",
            ])
        // IDs repeat for different measures: the second and later are renamed by their line.
        XCTAssertEqual(
            plan.allActions.prefix(5).map(\.id), ["T1", "T2", "T6", "T6#14", "T8"])
        XCTAssertEqual(plan.allActions[4].crossReferences, ["2a(i)"])
        func a(_ id: String) -> Action { plan.allActions.first { $0.id == id }! }
        XCTAssertEqual(
            a("T1").fields.map(\.name),
            [
                "Previous Period", "Latest Position", "Regular Audits", "Inadequate",
                "Requires Improvement", "Good", "Thematic Audits",
            ])
        XCTAssertEqual(SeedTables.field(a("T1"), "Inadequate"), "Feb-18: 7/ 50.0%; Mar-18: 2/16.67%")
        XCTAssertEqual(
            SeedTables.field(a("T8"), "Duty and Assessment"),
            "Feb-18: 18.3; Mar-18: 13.3; Change: -5; Change since Ofsted: ↓; Target: 28.3; Rating: ↓")
        XCTAssertEqual(
            SeedTables.field(a("T2"), "Previous Period"),
            "Will be included when the Essex Triple Loop Audit data is available")
        // A breakdown with no label holds the measure's own figures, and its rating arrow is the measure's status.
        let preProceedings = a("4b(ii)")
        XCTAssertEqual(SeedTables.field(preProceedings, "Feb-18"), "31.2 weeks*")
        XCTAssertEqual(SeedTables.field(preProceedings, "Target"), "23 weeks")
        XCTAssertEqual(preProceedings.status, "↓")
        XCTAssertNil(preProceedings.rating)
        XCTAssertEqual(SeedTables.statusWords(report), ["↓ → unrated (1)", "↑ → unrated (2)"])
        XCTAssertFalse(report.warnings.contains { $0.message.contains("not a rating word") })
        // A page reference printed once for each of four rows it stands for: kept once.
        XCTAssertEqual(
            a("4b(ii)#52").fields.filter { $0.name == "Measure" }.map(\.value), ["Performance Matters Page 15"])
        for line in [54, 55, 56, 61, 62, 63] {
            XCTAssertEqual(
                SeedTables.messages(report, line: line), ["repeats the breakdown row above word for word: kept once"])
        }
        // The key of the arrows (its colours lost) is kept as the theme's text.
        XCTAssertTrue(plan.themes[0].narrative.map(\.text).joined().contains("↑ Negative upward change"))
        try SeedTables.assertAccounted(report, "a10-data-dashboard", used: 88, repaired: 8, blank: 3)
    }

    func testA16WorkstreamsNextStepsAreTheActions() throws {
        let (plan, report) = try SeedTables.run("a16-healthy-weight-workstreams")
        XCTAssertEqual(
            SeedTables.columns(report), ["Workstream → group", "Description → field", "Next Steps → action"])
        XCTAssertEqual(plan.actionCount, 9)
        XCTAssertEqual(plan.themes[0].groups[1].title, "Mayor’s Golden Kilometre & Resilient Schools")
        XCTAssertEqual(
            plan.allActions[1].text, "Embedding Mayor’s Golden Kilometre into the wider resilient schools programme.")
        XCTAssertTrue(
            SeedTables.field(plan.allActions[0], "Description")?.hasPrefix("Drafting a healthy weight care pathway")
                ?? false)
        XCTAssertEqual(plan.themes[0].groups.last?.title, "Planning Policy")
        try SeedTables.assertAccounted(report, "a16-healthy-weight-workstreams", used: 11, repaired: 0, blank: 2)
    }

    /// A Gantt chart: the last month marked is the date of delivery; a status word in a month is the status.
    func testA17ProjectTimelineMonthsAreDatesAndFields() throws {
        let (plan, report) = try SeedTables.run("a17-healthy-weight-project-plan")
        XCTAssertEqual(SeedTables.columns(report).first, " → action")
        XCTAssertEqual(SeedTables.columns(report).last, "Nov 2018 → field")
        XCTAssertEqual(plan.actionCount, 6)
        XCTAssertEqual(
            plan.allActions.map(\.deliveryDate), ["Jan 2018", "Aug 2018", "Sept 2018", "Aug 2018", "Aug 2018", ""])
        XCTAssertEqual(plan.allActions[0].rating, .blue)
        XCTAssertEqual(plan.allActions[0].status, "Completed")
        XCTAssertEqual(plan.allActions[1].fields.map(\.name), ["May 2018", "Jun 2018", "Jul 2018", "Aug 2018"])
        XCTAssertEqual(plan.allActions[5].text, "Draft Action Plan")
        XCTAssertTrue(plan.allActions[1].text.hasPrefix("Joint Adult/Children' Care Pathway Create a pathway"))
        // The two rows after the page break have 10 cells, not 12: read by position, and said.
        for line in [9, 10] {
            XCTAssertTrue(SeedTables.messages(report, line: line).contains { $0.hasPrefix("the row has 10 cells") })
        }
        try SeedTables.assertAccounted(report, "a17-healthy-weight-project-plan", used: 8, repaired: 0, blank: 2)
    }
}
