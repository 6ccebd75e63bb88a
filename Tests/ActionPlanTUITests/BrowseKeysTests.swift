import ActionPlanCore
import ActionPlanTUI
import XCTest

/// The keys users of tig, lazygit and taskwarrior-tui expect: h/l to fold and go up, Esc and q to leave a
/// view, Q to quit, Ctrl-L, z to zoom; and the due-soon and theme columns.
final class BrowseKeysTests: XCTestCase {
    func testHAndLFoldUnfoldAndMoveToTheParent() {
        var d = Driver()
        d.select("1a(ii)")
        d.press(.char("h"))
        XCTAssertEqual(d.state.selectedItem, .group(theme: 0, group: 0), "h on an action goes to its group")
        d.press(.left)
        XCTAssertTrue(d.state.view.foldedGroups.contains(GroupKey(theme: 0, group: 0)), "h on an open group folds it")
        d.press(.char("h"))
        XCTAssertEqual(d.state.selectedItem, .theme(0), "h on a folded group goes to its theme")
        d.press(.char("h"))
        XCTAssertTrue(d.state.view.foldedThemes.contains(0))
        d.press(.char("l"))
        XCTAssertFalse(d.state.view.foldedThemes.contains(0), "l unfolds")
        d.press(.right)
        XCTAssertEqual(d.state.selectedItem, .group(theme: 0, group: 0), "l on an open theme goes into it")
        d.press(.right)
        XCTAssertFalse(d.state.view.foldedGroups.contains(GroupKey(theme: 0, group: 0)))
        d.press(.right)
        XCTAssertEqual(d.selectedID, "1a(i)")
        d.select("2(ii)")
        d.press(.char("h"))
        XCTAssertEqual(d.state.selectedItem, .theme(1), "an action of an untitled group goes to its theme")
    }

    func testEscAndQLeaveAViewAndCapitalQQuits() {
        var d = Driver()
        d.press(.char("o"))
        XCTAssertEqual(d.state.view.mode, .overdue)
        d.press(.escape)
        XCTAssertEqual(d.state.view.mode, .all)
        XCTAssertEqual(d.state.view.sort, .plan)
        d.press(.char("f"))
        d.type("lead BT")
        d.press(.enter, .char("q"))
        XCTAssertEqual(d.effects, [], "q in a filter goes back instead of quitting")
        XCTAssertEqual(d.state.view.mode, .all)
        d.press(.char("S"), .char("Q"))
        XCTAssertEqual(d.effects, [.quit], "Q quits from a sorted view")
        d = Driver()
        d.press(.char("q"))
        XCTAssertEqual(d.effects, [.quit], "q quits from all actions")
        d = Driver()
        d.press(.char("/"))
        d.type("audit")
        d.press(.enter, .escape)
        XCTAssertNil(d.state.view.search, "Esc with nothing else to leave clears the search")
    }

    func testCtrlLAsksForARedraw() {
        var d = Driver()
        d.press(.ctrl("l"))
        XCTAssertEqual(d.effects, [.redraw])
    }

    func testZGivesTheListTheWholeScreen80x24() {
        var d = Driver(TUIFixtures.state(try! TUIFixtures.barnet(), user: "BJ"))
        XCTAssertTrue(d.frame().lines().contains { $0.hasPrefix("─ Details") })
        d.press(.char("z"))
        let grid = d.frame(width: 80, height: 24)
        XCTAssertFalse(grid.lines().contains { $0.hasPrefix("─ Details") }, "no detail pane")
        XCTAssertEqual(d.state.layout.planRect.height, 22, "the list has every row but the status and bottom lines")
        SnapshotAssert.check(grid, named: "barnet-80x24-zoomed")
        d.press(.char("z"))
        XCTAssertTrue(d.frame().lines().contains { $0.hasPrefix("─ Details") })
    }

    func testTheDueSoonViewSaysInHowManyDays() {
        var d = Driver()
        d.press(.char("d"))
        let row = d.frame().lines().first { $0.contains("1b(ii)") } ?? ""
        XCTAssertTrue(row.contains("in 15d"), "15/02/2019 is 15 days after 31 Jan 2019: \(row)")
    }

    func testThemeCountsLineUpInColumns() throws {
        var d = Driver(TUIFixtures.state(try TUIFixtures.barnet(), user: "BJ"))
        d.press(.char("-"))
        let themes = d.frame(width: 80, height: 24).lines().filter { $0.hasPrefix("▸ ") }
        XCTAssertGreaterThan(themes.count, 5)
        for letter in ["G", "A", "R"] {
            let columns = Set(
                themes.map { $0.range(of: " \(letter)", options: .backwards)!.lowerBound.utf16Offset(in: $0) })
            XCTAssertEqual(columns.count, 1, "\(letter) in one column: \(themes.joined(separator: "\n"))")
        }
    }
}
