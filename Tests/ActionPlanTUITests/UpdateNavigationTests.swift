import ActionPlanCore
import ActionPlanTUI
import XCTest

/// Moving, paging, folding and switching panes, driven by keys without a terminal.
final class UpdateNavigationTests: XCTestCase {
    func testRowsAreATreeOfThemesGroupsAndActions() {
        let d = Driver()
        XCTAssertEqual(
            d.state.derived.visible.rows.map(\.item),
            [
                .theme(0), .group(theme: 0, group: 0),
                .action(ActionPath(theme: 0, group: 0, action: 0)), .action(ActionPath(theme: 0, group: 0, action: 1)),
                .action(ActionPath(theme: 0, group: 0, action: 2)), .group(theme: 0, group: 1),
                .action(ActionPath(theme: 0, group: 1, action: 0)), .action(ActionPath(theme: 0, group: 1, action: 1)),
                .theme(1),
                .action(ActionPath(theme: 1, group: 0, action: 0)), .action(ActionPath(theme: 1, group: 0, action: 1)),
                .action(ActionPath(theme: 1, group: 0, action: 2)),
            ])
        XCTAssertEqual(d.state.view.selectedRow, 0)
    }

    func testArrowsAndVimKeysMoveAndStopAtTheEnds() {
        var d = Driver()
        d.press(.up)
        XCTAssertEqual(d.state.view.selectedRow, 0)
        d.press(.down, .char("j"), .down)
        XCTAssertEqual(d.state.view.selectedRow, 3)
        XCTAssertEqual(d.selectedID, "1a(ii)")
        d.press(.char("k"))
        XCTAssertEqual(d.selectedID, "1a(i)")
        d.press(.end)
        XCTAssertEqual(d.selectedID, "2(iii)")
        d.press(.down)
        XCTAssertEqual(d.selectedID, "2(iii)")
        d.press(.char("g"))
        XCTAssertEqual(d.state.view.selectedRow, 0)
        d.press(.char("G"))
        XCTAssertEqual(d.state.view.selectedRow, 11)
        d.press(.home)
        XCTAssertEqual(d.state.view.selectedRow, 0)
    }

    func testPageKeysMoveByThePaneHeight() throws {
        var d = Driver(TUIFixtures.state(try TUIFixtures.barnet()))
        let page = d.state.layout.planRect.height
        XCTAssertGreaterThan(page, 5)
        d.press(.pageDown)
        XCTAssertEqual(d.state.view.selectedRow, page - 1)
        d.press(.pageDown)
        XCTAssertEqual(d.state.view.selectedRow, 2 * (page - 1))
        d.press(.pageUp)
        XCTAssertEqual(d.state.view.selectedRow, page - 1)
        // The selection stays on screen.
        XCTAssertTrue(d.state.layout.planTop <= d.state.view.selectedRow)
        XCTAssertTrue(d.state.view.selectedRow < d.state.layout.planTop + page)
    }

    func testEnterAndSpaceFoldAndUnfoldThemesAndGroups() {
        var d = Driver()
        d.press(.enter)  // fold theme 1
        XCTAssertEqual(d.state.view.foldedThemes, [0])
        XCTAssertEqual(d.state.derived.visible.rows.map(\.item)[0...1], [.theme(0), .theme(1)])
        d.press(.char(" "))  // unfold
        XCTAssertEqual(d.state.view.foldedThemes, [])
        d.press(.down, .enter)  // fold group Governance
        XCTAssertEqual(d.state.view.foldedGroups, [GroupKey(theme: 0, group: 0)])
        XCTAssertEqual(d.shownIDs, ["1b(i)", "1b(ii)", "2(i)", "2(ii)", "2(iii)"])
        XCTAssertEqual(d.state.selectedItem, .group(theme: 0, group: 0))
    }

    func testFoldingOnAnActionFoldsItsParentAndSelectsIt() {
        var d = Driver()
        d.select("1b(ii)")
        d.press(.enter)
        XCTAssertEqual(d.state.selectedItem, .group(theme: 0, group: 1))
        XCTAssertFalse(d.shownIDs.contains("1b(ii)"))
        d.select("2(ii)")  // in an untitled group: folds the theme
        d.press(.enter)
        XCTAssertEqual(d.state.selectedItem, .theme(1))
        XCTAssertEqual(d.state.view.foldedThemes, [1])
    }

    func testFoldAllAndUnfoldAll() {
        var d = Driver()
        d.select("2(ii)")
        d.press(.char("-"))
        XCTAssertEqual(d.state.derived.visible.rows.map(\.item), [.theme(0), .theme(1)])
        XCTAssertEqual(d.state.selectedItem, .theme(1))
        d.press(.char("+"))
        XCTAssertEqual(d.state.derived.visible.rows.count, 12)
        XCTAssertEqual(d.state.selectedItem, .theme(1))
    }

    func testTabSwitchesPaneAndArrowsThenScrollTheDetails() throws {
        var d = Driver(TUIFixtures.state(try TUIFixtures.barnet()))
        d.press(.down, .down)
        let selected = d.state.view.selectedRow
        d.press(.tab)
        XCTAssertEqual(d.state.view.focus, .detail)
        d.press(.down, .down)
        XCTAssertEqual(d.state.view.selectedRow, selected, "arrows scroll the details, not the selection")
        XCTAssertEqual(d.state.layout.detailScroll, 2)
        d.press(.up)
        XCTAssertEqual(d.state.layout.detailScroll, 1)
        d.press(.tab)
        XCTAssertEqual(d.state.view.focus, .plan)
        d.press(.down)
        XCTAssertEqual(d.state.view.selectedRow, selected + 1)
        XCTAssertEqual(d.state.layout.detailScroll, 0, "a new selection starts its details at the top")
    }

    func testUnknownKeySaysHowToGetHelp() {
        var d = Driver()
        d.press(.char("Z"))
        XCTAssertEqual(d.state.message?.text, "Z does nothing here; press ? for the keys")
        d.press(.char("?"))
        XCTAssertEqual(d.state.mode, .help)
        d.press(.down, .pageDown)
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .browse)
    }

    func testMouseClickSelectsAndWheelScrollsOnlyWhenEnabled() {
        var d = Driver()
        let rect = d.state.layout.planRect
        d.press(.mouse(x: 5, y: rect.y + 3, kind: .press))
        XCTAssertEqual(d.state.view.selectedRow, 0, "mouse is off by default")
        d.state.mouseEnabled = true
        d.press(.mouse(x: 5, y: rect.y + 3, kind: .press))
        XCTAssertEqual(d.state.view.selectedRow, 3)
        d.press(.mouse(x: 5, y: rect.y + 3, kind: .wheelDown))
        XCTAssertEqual(d.state.view.selectedRow, 6)
        d.press(.mouse(x: 5, y: rect.y + 3, kind: .wheelUp))
        XCTAssertEqual(d.state.view.selectedRow, 3)
        let detail = d.state.layout.detailRect
        d.press(.mouse(x: detail.x + 2, y: detail.y + 1, kind: .press))
        XCTAssertEqual(d.state.view.focus, .detail)
        XCTAssertEqual(d.state.view.selectedRow, 3)
    }
}
