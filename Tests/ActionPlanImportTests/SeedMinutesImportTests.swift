import ActionPlanCore
import ActionPlanImport
import XCTest

/// The six sets of minutes in the seed packs (survey A1, A11–A15): `# | ITEM | ACTION` tables whose `ACTION`
/// column holds who owns each action, with the actions arising on rows of their own (`ACTION: …`) among the
/// minutes' text. What comes in: those actions, each numbered after its item and owned by the `ACTION`
/// column's names; the minutes' text kept word for word as the theme's `Minutes` block.
final class SeedMinutesImportTests: XCTestCase {
    /// Every fixture's `ACTION:` rows are its actions, in order, and every other table row's words are in the
    /// minutes (checked against the fixture read independently of the importer).
    func testEveryActionRowIsAnActionAndEveryOtherRowIsInTheMinutes() throws {
        let fixtures = [
            ("a1-cc2h-minutes-2018-09-06", 8), ("a11-cc2h-minutes-2018-02-15", 9), ("a12-cc2h-minutes-2018-03-22", 3),
            ("a13-cc2h-minutes-2018-05-03", 4), ("a14-jceg-minutes-2018-01-16", 11), ("a15-jceg-minutes-2018-02-27", 8),
        ]
        for (name, count) in fixtures {
            let (plan, _) = try SeedTables.run(name)
            XCTAssertEqual(plan.actionCount, count, name)
            let minutes = plan.themes.flatMap(\.narrative).filter { $0.heading == "Minutes" }.map(\.text)
                .joined(separator: " ")
            var markers = 0
            for (line, cells) in try SeedTables.rows(name) where cells.count == 3 {
                let item = SourceText.plainText(cells[1])
                if item.uppercased().hasPrefix("ACTION:") || item.uppercased().hasPrefix("ACTIONS:") {
                    markers += 1
                    let text = item.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                    XCTAssertTrue(plan.allActions.contains { text.contains($0.text) }, "\(name):\(line)")
                } else if !item.isEmpty && item != "ITEM" {
                    XCTAssertTrue(minutes.contains(String(item.prefix(40))), "\(name):\(line) in the minutes")
                }
            }
            XCTAssertEqual(markers, name.hasPrefix("a1-") ? 5 : count, name)
        }
    }

    func testA1SeptemberMinutesOwnersBulletsAndAPageBreak() throws {
        let (plan, report) = try SeedTables.run("a1-cc2h-minutes-2018-09-06")
        XCTAssertEqual(SeedTables.columns(report), ["# → id", "ITEM → action", "ACTION → lead"])
        XCTAssertTrue(report.tables[0].columns[2].why.contains("short names beside the ACTION: lines"))
        XCTAssertEqual(plan.allActions.map(\.id), ["5.1", "7.1", "10.1", "10.2", "10.3", "10.4", "10.5", "13.1"])
        XCTAssertEqual(plan.allActions.map(\.leads), [["CD"], ["CW"], [], ["DG"], ["DG"], ["DM"], ["CW"], ["AT"]])
        XCTAssertEqual(plan.allActions[0].text, "CD to send out dates for upcoming quarterly forums")
        // `ACTIONS: • … • …` with the owners `<p>DG</p> <p>DG</p> <p>DM</p> <p>CW</p>`: one action per bullet.
        XCTAssertEqual(plan.allActions[4].text, "Add contact leads to FAQ document - Completed")
        XCTAssertEqual(plan.allActions.map(\.rating), [nil, nil, nil, nil, .blue, nil, .blue, nil])
        XCTAssertEqual(plan.allActions[4].status, "Completed")
        XCTAssertEqual(SeedTables.statusWords(report), ["Completed → Blue (2)"])
        XCTAssertEqual(plan.themes[0].groups.map(\.title), ["CHIN UPDATES", "Governance"])
        // Seed 239–241: "…If passed should be on" | page break | "target for 1st October start." — one sentence.
        let minutes = plan.themes[0].narrative.first { $0.heading == "Minutes" }!.text
        XCTAssertTrue(minutes.contains("If passed should be on target for 1st October start."), minutes)
        XCTAssertEqual(
            SeedTables.messages(report, line: 42), ["text cut by a page break: joined to the minutes' line above"])
        XCTAssertEqual(SeedTables.messages(report, line: 45), ["action 10.1 has no lead"])
        // The meeting's heading and who was present: the plan's text.
        XCTAssertTrue(plan.narrative.map(\.text).joined().contains("CW Colette Wood, Director, Care Closer to Home"))
        try SeedTables.assertAccounted(report, "a1-cc2h-minutes-2018-09-06", used: 42, repaired: 2, blank: 10)
    }

    func testA11FebruaryMinutesActionsAfterAPageBreakBelongToTheItemBefore() throws {
        let (plan, report) = try SeedTables.run("a11-cc2h-minutes-2018-02-15")
        // `\tITEM\tACTION`: the unheaded first column holds the item numbers.
        XCTAssertEqual(SeedTables.columns(report), [" → id", "ITEM → action", "ACTION → lead"])
        XCTAssertEqual(plan.allActions.map(\.id), ["4.1", "4.2", "5.1", "5.2", "6.1", "7.1", "9.1", "9.2", "9.3"])
        XCTAssertEqual(
            plan.allActions.map(\.leads),
            [["JH"], ["DG"], ["JH"], ["JH"], ["DG"], ["CCG Comms"], ["CWO", "AB"], ["JH"], ["TH"]])
        XCTAssertEqual(
            plan.allActions[3].text,
            "Update the CC2H Programme Governance structure chart to include the named workstream leads.")
        XCTAssertEqual(plan.themes[0].groups.map(\.title), [nil, "Strategy and Planning", "Governance"])
        for line in [42, 50, 54, 61] {
            XCTAssertEqual(SeedTables.messages(report, line: line), ["repeated table header row (page break) skipped"])
        }
        try SeedTables.assertAccounted(report, "a11-cc2h-minutes-2018-02-15", used: 51, repaired: 4, blank: 11)
    }

    func testA12MarchMinutesBoldHeaderAndOwnersInParagraphs() throws {
        let (plan, report) = try SeedTables.run("a12-cc2h-minutes-2018-03-22")
        XCTAssertEqual(SeedTables.columns(report), [" → id", "ITEM → action", "ACTION → lead"])
        XCTAssertEqual(plan.allActions.map(\.id), ["8.1", "9.1", "11.1"])
        XCTAssertEqual(plan.allActions.map(\.leads), [["DG", "JH"], ["DG", "JH"], ["DG", "SP", "JH"]])
        // Seed 2528 "…data sharing agreement would" | header | 2531 "be used as the basis…".
        let minutes = plan.themes[0].narrative.first { $0.heading == "Minutes" }!.text
        XCTAssertTrue(minutes.contains("data sharing agreement would be used as the basis"), minutes)
        XCTAssertEqual(
            SeedTables.messages(report, line: 46), ["text cut by a page break: joined to the minutes' line above"])
        try SeedTables.assertAccounted(report, "a12-cc2h-minutes-2018-03-22", used: 47, repaired: 4, blank: 8)
    }

    func testA13MayMinutesAnActionOfAnUnnumberedItemIsNumberedByItsLine() throws {
        let (plan, report) = try SeedTables.run("a13-cc2h-minutes-2018-05-03")
        XCTAssertEqual(plan.allActions.map(\.id), ["4.1", "4.2", "L48", "5.1"])
        XCTAssertEqual(plan.allActions.map(\.leads), [["CM", "TD"], ["JH"], ["DG", "JH"], ["JH"]])
        XCTAssertEqual(SeedTables.messages(report, line: 48), ["action row without an ID; given ID L48"])
        XCTAssertEqual(
            SeedTables.messages(report, line: 38), ["text cut by a page break: joined to the minutes' line above"])
        try SeedTables.assertAccounted(report, "a13-cc2h-minutes-2018-05-03", used: 46, repaired: 5, blank: 9)
    }

    func testA14JanuaryJCEGMinutesNamesBesideCodes() throws {
        let (plan, report) = try SeedTables.run("a14-jceg-minutes-2018-01-16")
        XCTAssertEqual(
            plan.allActions.map(\.id), ["2.1", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "8.1", "8.2"])
        // `RD &amp; Matt Backler`: a code and a name; `JH/NW`: two codes.
        XCTAssertEqual(plan.allActions[1].leads, ["RD", "Matt Backler"])
        XCTAssertEqual(plan.allActions[9].leads, ["JH", "NW"])
        XCTAssertEqual(
            plan.allActions[9].text, "Bring the Health & Wellbeing Strategy action plan to the next JCEG meeting.")
        try SeedTables.assertAccounted(report, "a14-jceg-minutes-2018-01-16", used: 41, repaired: 2, blank: 7)
    }

    func testA15FebruaryJCEGMinutesAnActionWithItsOwnBulletsStaysOne() throws {
        let (plan, report) = try SeedTables.run("a15-jceg-minutes-2018-02-27")
        XCTAssertEqual(plan.allActions.map(\.id), ["4.1", "5.1", "5.2", "5.3", "5.4", "6.1", "8.1", "11.1"])
        // Two bullets and one owner: the bullets are the action's own list.
        XCTAssertTrue(plan.allActions[0].text.hasPrefix("Amend BCF report template to include • Actual expenditure"))
        XCTAssertEqual(plan.allActions[0].leads, ["FB"])
        XCTAssertEqual(plan.allActions[2].leads, ["MA", "JL"])
        try SeedTables.assertAccounted(report, "a15-jceg-minutes-2018-02-27", used: 44, repaired: 3, blank: 8)
    }
}
