import ActionPlanCore
import ActionPlanTUI
import XCTest

/// Screens of the real Barnet plan as text (content and style), at 80×24, 120×40 and tiny sizes.
final class ScreenSnapshotTests: XCTestCase {
    func barnet() throws -> Driver {
        Driver(TUIFixtures.state(try TUIFixtures.barnet(), user: "BJ"))
    }

    func testBrowse80x24() throws {
        var d = try barnet()
        SnapshotAssert.check(d.frame(width: 80, height: 24), named: "barnet-80x24-browse")
    }

    func testActionWithTwoLeads80x24() throws {
        var d = try barnet()
        d.select("2(ii)")
        SnapshotAssert.check(d.frame(width: 80, height: 24), named: "barnet-80x24-action")
    }

    func testRatingPrompt80x24() throws {
        var d = try barnet()
        d.select("1c(v)")
        d.press(.char("r"), .char("a"))
        d.type("Review delayed by restructure")
        SnapshotAssert.check(d.frame(width: 80, height: 24), named: "barnet-80x24-rate-note")
        d.press(.enter)
        d.type("May 2019")
        d.press(.enter)
        SnapshotAssert.check(d.frame(width: 80, height: 24), named: "barnet-80x24-rated")
    }

    func testOverdueSideBySide120x40() throws {
        var d = try barnet()
        d.press(.char("o"), .down, .down)
        SnapshotAssert.check(d.frame(width: 120, height: 40), named: "barnet-120x40-overdue")
    }

    func testOverdueViewOpensAtItsTopWithThePosition80x24() throws {
        var d = try barnet()
        d.press(.char("/"))
        d.type("1c(ii)")
        d.press(.enter)
        XCTAssertEqual(d.selectedID, "1c(ii)")
        d.press(.char("o"))
        XCTAssertEqual(d.state.view.selectedRow, 0)
        XCTAssertEqual(d.state.layout.planTop, 0)
        let grid = d.frame(width: 80, height: 24)
        let top = grid.lines()[0]
        XCTAssertTrue(top.contains("overdue, by deadline │ 28 of 57 shown"), top)
        XCTAssertTrue(top.hasSuffix(" 1/28 "), top)
        XCTAssertTrue(grid.lines()[1].contains("6(ii)"), "the most overdue action first: \(grid.lines()[1])")
        SnapshotAssert.check(grid, named: "barnet-80x24-overdue")
        d.press(.down, .down)
        XCTAssertTrue(d.frame(width: 80, height: 24).lines()[0].hasSuffix(" 3/28 "))
        d.press(.char("S"))
        XCTAssertEqual(d.state.view.selectedRow, 0, "a new sort starts at its top")
        XCTAssertEqual(d.state.layout.planTop, 0)
    }

    func testAFilterStaysVisibleWithShownCounts80x24() throws {
        var d = try barnet()
        d.press(.char("f"))
        d.type("lead DS rating G")
        d.press(.enter, .down)
        let grid = d.frame(width: 80, height: 24)
        let top = grid.lines()[0]
        XCTAssertTrue(top.contains("filter: lead DS rating G, by plan order │ 5 of 57 shown"), top)
        XCTAssertEqual(d.state.message, nil, "the status message is gone after a key; the header still says it")
        SnapshotAssert.check(grid, named: "barnet-80x24-filter")
    }

    func testALongRefusalWrapsAndTheHintStays80x24() throws {
        var d = try barnet()
        d.select("1c(v)")
        d.press(.char("r"), .char("a"))
        d.type("Review delayed")
        d.press(.enter)
        d.type("end of March")
        d.press(.enter)
        let error = try XCTUnwrap(d.promptError)
        XCTAssertGreaterThan(error.count, 80)
        let grid = d.frame(width: 80, height: 24)
        let lines = grid.lines().map { $0.trimmingCharacters(in: .whitespaces) }
        let editor = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("Revised date for 1c(v)") })
        let bottom = Array(lines[(editor + 1)...])
        XCTAssertEqual(bottom.dropLast().joined(separator: " "), "! " + error, "the whole refusal is on screen")
        XCTAssertTrue(bottom.last!.hasPrefix("Enter OK  Esc back"), bottom.last!)
        SnapshotAssert.check(grid, named: "barnet-80x24-refused-date")
    }

    func testTheChoicesOfARefusedSaveStayWithTheClashMessage80x24() throws {
        var d = try barnet()
        let clash = MergeConflict(
            key: MergeConflict.Key(scope: .action("1a(i)"), field: "rating"), base: "Amber", ours: "Green",
            theirs: "Red")
        d.send(.fileChangedOnDisk(quitAfter: false, conflicts: [clash]))
        let lines = d.frame(width: 80, height: 24).lines()
        let choice = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("The file changed on disk") })
        XCTAssertTrue(lines[choice + 1].hasPrefix("! 1 clash(es)"), lines[choice + 1])
        XCTAssertEqual(choice + 3, 23, "the clash message wraps onto two lines")
        XCTAssertTrue(lines[23].hasPrefix("r reload  s save elsewhere  c choose  Esc cancel"), lines[23])
    }

    func testThemeDetailsAndFolding120x40() throws {
        var d = try barnet()
        d.press(.down, .enter, .char("G"), .char("k"), .enter, .char("g"))
        SnapshotAssert.check(d.frame(width: 120, height: 40), named: "barnet-120x40-folded")
    }

    func testHelp120x40() throws {
        var d = try barnet()
        d.press(.char("?"))
        SnapshotAssert.check(d.frame(width: 120, height: 40), named: "barnet-120x40-help")
    }

    func testTiny30x8() throws {
        var d = try barnet()
        d.select("1a(iii)")
        SnapshotAssert.check(d.frame(width: 30, height: 8), named: "barnet-30x8-plan")
        d.press(.tab)
        SnapshotAssert.check(d.frame(width: 30, height: 8), named: "barnet-30x8-detail")
        d.press(.tab, .char("/"))
        d.type("MASH")
        SnapshotAssert.check(d.frame(width: 30, height: 8), named: "barnet-30x8-search")
    }

    func testTooSmall() throws {
        var d = try barnet()
        SnapshotAssert.check(d.frame(width: 19, height: 8), named: "barnet-19x8-too-small")
        SnapshotAssert.check(d.frame(width: 1, height: 1), named: "barnet-1x1")
        let empty = d.frame(width: 0, height: 0)
        XCTAssertEqual(empty.lines(), [])
    }
}
