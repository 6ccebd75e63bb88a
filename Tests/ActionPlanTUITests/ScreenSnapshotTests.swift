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
