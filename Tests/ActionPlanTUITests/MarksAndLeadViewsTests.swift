import ActionPlanCore
import ActionPlanTUI
import XCTest

/// Marking actions and rating them together; the "mine" view and the workload per lead.
final class MarksAndLeadViewsTests: XCTestCase {
    func testMarkedActionsAreRatedTogetherWithOneNoteEachWithItsOwnHistoryEntry() {
        var d = Driver()
        d.select("1a(i)")
        d.press(.char(" "))
        XCTAssertEqual(d.selectedID, "1a(ii)", "marking moves on, as in tig and mutt")
        d.press(.char("m"))
        d.select("2(i)")
        d.press(.char("m"))
        XCTAssertEqual(d.state.view.marked, ["1a(i)", "1a(ii)", "2(i)"])
        XCTAssertTrue(d.frame().lines()[0].contains("3 marked"), d.frame().lines()[0])
        XCTAssertTrue(d.frame().lines().contains { $0.contains("*1a(ii)") }, "a marked row shows *")
        d.press(.char("r"))
        XCTAssertEqual(d.state.mode, .markedRatingPicker(ids: ["1a(i)", "1a(ii)", "2(i)"]))
        d.press(.char("r"))
        d.press(.enter)
        XCTAssertNotNil(d.promptError, "a note is required")
        d.type("Budget cut")
        d.press(.enter)
        XCTAssertEqual(d.state.mode, .browse)
        for id in ["1a(i)", "1a(ii)", "2(i)"] {
            let a = d.action(id)!
            XCTAssertEqual(a.rating, .red, id)
            XCTAssertEqual(a.history.last?.note, "Budget cut", id)
            XCTAssertEqual(a.history.last?.to, .red, id)
        }
        XCTAssertEqual(d.action("1b(i)")?.rating, .green, "unmarked actions are untouched")
        XCTAssertEqual(d.state.view.marked, [], "the marks are cleared")
        XCTAssertEqual(d.state.undoStack.count, 1, "one undo step")
        d.press(.char("u"))
        XCTAssertEqual(d.state.plan, TUIFixtures.small())
    }

    func testSpaceOnAHeadingStillFoldsAndMUnmarks() {
        var d = Driver()
        d.press(.char(" "))
        XCTAssertEqual(d.state.view.foldedThemes, [0])
        d.press(.char(" "))
        d.select("1a(i)")
        d.press(.char("m"), .up, .char("m"))
        XCTAssertEqual(d.state.view.marked, [])
    }

    func testMineShowsTheActionsTheUserLeads() {
        var d = Driver(TUIFixtures.state(user: "BT"))
        d.press(.char("i"))
        XCTAssertEqual(Set(d.shownIDs), ["1a(ii)", "1a(iii)", "2(i)", "2(iii)"])
        XCTAssertTrue(d.frame().lines()[0].contains("mine (BT)"), d.frame().lines()[0])
        d = Driver(TUIFixtures.state(user: "alice"))
        d.press(.char("i"))
        XCTAssertEqual(d.shownIDs, [])
        XCTAssertEqual(d.state.message?.isError, true)
        XCTAssertTrue(d.state.message?.text.contains("--user CODE") ?? false)
    }

    func testWorkloadCountsEachLeadsActionsOverdueAndStale80x24() throws {
        var plan = try TUIFixtures.barnet()
        try plan.takeSnapshot(label: "December committee", asOf: CalendarDay(year: 2018, month: 12, day: 1)!)
        try plan.addNote(id: "2(i)", text: "On it", by: "DS", on: CalendarDay(year: 2019, month: 1, day: 10)!)
        var d = Driver(TUIFixtures.state(plan, user: "BJ"))
        d.press(.char("W"))
        guard case .workload(let screen) = d.state.mode else { return XCTFail("no workload screen") }
        let ds = try XCTUnwrap(screen.leads.first { $0.code == "DS" })
        let led = plan.allActions.filter { $0.leads.contains("DS") }
        XCTAssertEqual(ds.counts.total, led.count)
        XCTAssertEqual(ds.counts.overdue, led.filter { $0.daysOverdue(asOf: TUIFixtures.asOf) != nil }.count)
        XCTAssertEqual(ds.notUpdated, led.filter { $0.rating != .blue }.count - 1, "2(i) has a note since")
        XCTAssertEqual(
            screen.leads.first?.counts.overdue, screen.leads.map(\.counts.overdue).max(), "most overdue first")
        SnapshotAssert.check(d.frame(width: 80, height: 24), named: "barnet-80x24-workload")
        let row = screen.leads.firstIndex { $0.code == "DS" }!
        for _ in 0..<row { d.press(.down) }
        d.press(.enter)
        XCTAssertEqual(d.state.mode, .browse)
        XCTAssertEqual(Set(d.shownIDs), Set(led.map(\.id)))
        d.press(.escape)
        XCTAssertEqual(d.state.view.mode, .all)
    }
}
