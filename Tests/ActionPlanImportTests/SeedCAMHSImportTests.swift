import ActionPlanCore
import ActionPlanImport
import XCTest

/// The CAMHS Local Transformation Plan's tables in the January 2019 pack (survey A2–A8): programmes with
/// their leads (organisations) and progress or plans, risks and their controls, priorities rated in words,
/// workforce priorities and tasks, and a risk log. None has an ID column; the actions are numbered by theme.
final class SeedCAMHSImportTests: XCTestCase {
    func testA2ProgressProgrammesAreTheActionsAndTheirProgressAField() throws {
        let (plan, report) = try SeedTables.run("a2-camhs-progress-2017-18")
        XCTAssertEqual(
            SeedTables.columns(report), ["Programme → action", "Lead → lead", "Progress Highlights → field"])
        XCTAssertEqual(plan.allActions.map(\.id), ["1.1", "1.2", "1.3", "1.4", "1.5"])
        XCTAssertEqual(plan.allActions.first?.text, "Online Counselling and Support")
        XCTAssertEqual(
            SeedTables.field(plan.allActions[0], "Progress Highlights"),
            "733 CYP used site in first 7 months 95% Recommend to a friend-94% returned more than once 4000+ Visits to site"
        )
        // Organisations: a name with its brackets is one lead; `/` between two bodies is two.
        XCTAssertEqual(
            plan.allActions.map(\.leads),
            [
                ["Kooth (Xenzone)"], ["Public Health", "Barnet Schools"], ["Barnet Council Families First"],
                ["Rephael House"], ["Barnet Council", "MAC-UK"],
            ])
        XCTAssertTrue(plan.narrative.map(\.text).joined().hasPrefix("1.1 Local transformation 2017/18"))
        try SeedTables.assertAccounted(report, "a2-camhs-progress-2017-18", used: 14, repaired: 0, blank: 4)
    }

    func testA3PlansForTheYearAreTheActionsUnderTheirProgrammes() throws {
        let (plan, report) = try SeedTables.run("a3-camhs-plans-2018-19")
        XCTAssertEqual(SeedTables.columns(report), ["Programme → group", "Lead → lead", "Plans for 2018/19 → action"])
        let rows = try SeedTables.rows("a3-camhs-plans-2018-19").filter { $0.cells[0] != "Programme" }
        XCTAssertEqual(plan.allActions.map(\.text), rows.map { $0.cells[2] })
        // `Resilient Schools Programme` twice in a row: one group of two.
        XCTAssertEqual(plan.themes[0].groups.count, 11)
        XCTAssertEqual(plan.themes[0].groups[3].title, "Resilient Schools Programme")
        XCTAssertEqual(plan.themes[0].groups[3].actions.count, 2)
        let leads = plan.allActions.map(\.leads)
        XCTAssertEqual(leads[0], ["London Borough of Barnet – Family Services"])
        XCTAssertEqual(leads[3], ["London Borough of Barnet - Public Health", "Barnet Schools"])
        XCTAssertEqual(leads[4], ["Xenzone (QWELL / KOOTH)"])
        XCTAssertEqual(leads[6], ["Barnet CCG", "NCL"])
        // The blank line at seed 1123 (a page break with no header) does not end the table.
        XCTAssertEqual(plan.allActions[6].text.prefix(20), "Embed CETRs and admi")
        try SeedTables.assertAccounted(report, "a3-camhs-plans-2018-19", used: 15, repaired: 0, blank: 3)
    }

    func testA4RisksComeInAsTheirObjectivesWithRiskAndControlsKept() throws {
        let (plan, report) = try SeedTables.run("a4-camhs-risks")
        XCTAssertEqual(SeedTables.columns(report), ["Objective → action", "Risk → field", "Controls → field"])
        XCTAssertEqual(
            plan.allActions.map(\.text), ["Successful delivery of CAMHS Transformation Plan", "Financial Management"])
        XCTAssertEqual(SeedTables.field(plan.allActions[1], "Risk"), "Resource pressures")
        XCTAssertEqual(
            SeedTables.field(plan.allActions[1], "Controls"),
            "S75 being developed to provide governance (overseen by the Joint Commissioning Executive Group)")
        XCTAssertEqual(plan.themes[0].narrative.map(\.text), ["See appendix A for more detail."])
        try SeedTables.assertAccounted(report, "a4-camhs-risks", used: 6, repaired: 0, blank: 3)
    }

    func testA5StatusWordsAndAHeaderSplitOverTwoLines() throws {
        let (plan, report) = try SeedTables.run("a5-camhs-eating-disorder-progress")
        XCTAssertEqual(
            SeedTables.columns(report),
            ["Priority → group", "Summary of Actions to Progress → action", "RAG Rating → status"])
        XCTAssertEqual(SeedTables.statusWords(report), ["Achieved → Blue (3)", "Partially achieved → Amber (1)"])
        XCTAssertEqual(plan.allActions.map(\.rating), [.blue, .blue, .amber, .blue])
        XCTAssertEqual(plan.allActions.map(\.status), ["Achieved", "Achieved", "Partially achieved", "Achieved"])
        XCTAssertEqual(
            plan.themes[0].groups.map(\.title).first,
            "1. Increase capacity and reduce waiting times to meet key requirements of NICE Guidance")
        XCTAssertTrue(plan.allActions[0].text.hasPrefix("Additional staffing across MDT achieved"))
        XCTAssertEqual(SeedTables.messages(report, line: 4), ["rule row (a line of dashes under the header) skipped"])
        XCTAssertEqual(
            SeedTables.messages(report, line: 6),
            ["the header row continues on this line (\"Rating\"): read as part of it"])
        try SeedTables.assertAccounted(report, "a5-camhs-eating-disorder-progress", used: 6, repaired: 2, blank: 2)
    }

    func testA6PrioritiesForTheYearWithTheLostRAGColourSaid() throws {
        let (plan, report) = try SeedTables.run("a6-camhs-rfl-eating-disorder")
        XCTAssertEqual(
            SeedTables.columns(report),
            [
                "RFL Eating Disorder Service Progress in 17.18 → field", "RAG → status",
                "NCL Local Transformation Plan-Priorities 2018.19 → action",
            ])
        XCTAssertEqual(plan.actionCount, 8)
        XCTAssertTrue(plan.allActions.allSatisfy { $0.rating == nil })
        XCTAssertTrue(
            SeedTables.messages(report, line: 3).contains { $0.hasPrefix("the \"RAG\" column is empty in every row") })
        XCTAssertEqual(plan.allActions[1].text, "To be monitored in Performance Management meetings.")
        XCTAssertEqual(
            SeedTables.field(plan.allActions[1], "RFL Eating Disorder Service Progress in 17.18"),
            "Needs and provision This is reported as maintained and full compliance.")
        XCTAssertEqual(
            SeedTables.field(plan.allActions[4], "RFL Eating Disorder Service Progress in 17.18"),
            "NICE Concordant treatment standard")
        try SeedTables.assertAccounted(report, "a6-camhs-rfl-eating-disorder", used: 10, repaired: 0, blank: 2)
    }

    func testA7TasksUnderTheirPrioritiesAcrossARepeatedHeaderAndAFootnote() throws {
        let (plan, report) = try SeedTables.run("a7-camhs-workforce")
        XCTAssertEqual(SeedTables.columns(report), ["Priorities → group", "Tasks → action"])
        XCTAssertEqual(plan.actionCount, 7)
        XCTAssertEqual(plan.themes[0].groups.first?.title, "Ensuring equity of access")
        XCTAssertTrue(plan.allActions[0].text.hasPrefix("Each borough to review their own access performance"))
        XCTAssertTrue(plan.allActions.allSatisfy(\.leads.isEmpty))
        // The footnote the page break dropped into the table keeps its link.
        XCTAssertTrue(plan.themes[0].narrative[0].text.hasPrefix("¹⁹ <https://hee.nhs.uk/sites/default/files/"))
        XCTAssertEqual(SeedTables.messages(report, line: 8), ["repeated table header row (page break) skipped"])
        try SeedTables.assertAccounted(report, "a7-camhs-workforce", used: 10, repaired: 2, blank: 3)
    }

    func testA8RiskLogScoresAreFieldsNotRatings() throws {
        let (plan, report) = try SeedTables.run("a8-camhs-risk-log")
        let columns = SeedTables.columns(report)
        XCTAssertEqual(Array(columns.prefix(4)), ["ID → id", "Director → lead", "Objective → action", "Risk → field"])
        XCTAssertEqual(columns[9], "Rating (Current) → field")
        XCTAssertTrue(report.tables[0].columns[9].why.contains("holds only numbers"))
        XCTAssertTrue(report.statusWords.isEmpty)
        XCTAssertEqual(plan.allActions.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(plan.allActions[2].leads, ["Sarah D'Souza", "Collette McCarthy", "Dr Jonathon Stephen"])
        let a = plan.allActions[0]
        XCTAssertEqual(
            a.fields.map(\.name),
            [
                "Risk", "Controls in place", "Evidence of Controls", "Overall Strength of Controls in Place",
                "Consequence",
                "Likelihood", "Rating (Current)", "Risk level",
            ])
        XCTAssertEqual(a.fields.suffix(4).map(\.value), ["3", "2", "6", "Moderate"])
        // The cell the copy cut short is kept as it is.
        XCTAssertTrue(SeedTables.field(a, "Controls in place")?.hasSuffix("CCG, LBB and") ?? false)
        try SeedTables.assertAccounted(report, "a8-camhs-risk-log", used: 6, repaired: 0, blank: 2)
    }
}
