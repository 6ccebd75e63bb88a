import ActionPlanCore
import ActionPlanTUI
import XCTest

/// Search with n/N, the overdue / due-soon / filter / all views and sort cycling.
final class UpdateSearchAndViewTests: XCTestCase {
    func testSearchJumpsToTheFirstMatchAndNAndShiftNCycle() {
        var d = Driver()
        d.press(.char("/"))
        XCTAssertEqual(d.promptPurpose, .search)
        d.type("SUPERVIS")
        d.press(.enter)
        XCTAssertEqual(d.state.mode, .browse)
        XCTAssertEqual(d.selectedID, "2(i)")
        XCTAssertEqual(d.state.message?.text, "Match 1 of 2 for \"SUPERVIS\" (n next, N previous)")
        d.press(.char("n"))
        XCTAssertEqual(d.selectedID, "2(iii)")
        d.press(.char("n"))
        XCTAssertEqual(d.selectedID, "2(i)")
        XCTAssertEqual(d.state.message?.text, "Match 1 of 2 for \"SUPERVIS\" (wrapped to the top)")
        d.press(.char("N"))
        XCTAssertEqual(d.selectedID, "2(iii)")
        XCTAssertEqual(d.state.message?.text, "Match 2 of 2 for \"SUPERVIS\" (wrapped to the bottom)")
        d.press(.char("N"))
        XCTAssertEqual(d.selectedID, "2(i)")
    }

    func testSearchMatchesIDsAndLeadsAndUnfoldsToReachAMatch() {
        var d = Driver()
        d.press(.char("-"))  // fold everything
        d.press(.char("/"))
        d.type("1b(ii)")
        d.press(.enter)
        XCTAssertEqual(d.selectedID, "1b(ii)")
        XCTAssertFalse(d.state.view.foldedThemes.contains(0))
        d.press(.char("/"))
        d.press(.ctrl("u"))
        d.type("zz")
        d.press(.enter)
        XCTAssertEqual(d.selectedID, "1b(i)", "lead codes are searched")
    }

    func testSearchWithoutMatchesSaysSo() {
        var d = Driver()
        d.press(.char("n"))
        XCTAssertEqual(d.state.message?.text, "No search yet: press / to search")
        d.press(.char("/"))
        d.type("nothing like this")
        d.press(.enter)
        XCTAssertEqual(d.state.message, StatusMessage("No match for \"nothing like this\" in this view", isError: true))
        XCTAssertEqual(d.state.view.selectedRow, 0)
    }

    func testOverdueViewListsMostOverdueFirstLikeActionFilter() throws {
        var d = Driver()
        d.press(.char("o"))
        XCTAssertEqual(d.shownIDs, ["1a(ii)", "2(iii)", "2(i)"])
        XCTAssertEqual(d.state.view.sort, .deadline)
        XCTAssertEqual(d.state.view.mode, .overdue)
        XCTAssertEqual(d.state.message?.text, "3 overdue as of 31 Jan 2019, most overdue first")

        let plan = try TUIFixtures.barnet()
        var b = Driver(TUIFixtures.state(plan))
        b.press(.char("o"))
        let expected = ActionFilter.overdue(in: plan, asOf: TUIFixtures.asOf).map(\.action.id)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(b.shownIDs, expected)
    }

    func testDueSoonAndAllViews() {
        var d = Driver()
        d.press(.char("d"))
        XCTAssertEqual(d.shownIDs, ["1b(ii)"])
        d.press(.char("a"))
        XCTAssertEqual(d.state.view.mode, .all)
        XCTAssertEqual(d.state.view.sort, .plan)
        XCTAssertEqual(d.shownIDs.count, 8)
    }

    func testFilterByLeadRatingAndTheme() {
        var d = Driver()
        d.press(.char("f"))
        d.type("lead bt")
        d.press(.enter)
        XCTAssertEqual(d.shownIDs, ["1a(ii)", "1a(iii)", "2(i)", "2(iii)"])
        XCTAssertEqual(d.state.message?.text, "4 actions match lead bt")
        d.press(.char("f"))
        XCTAssertEqual(d.promptPurpose, .filter)
        d.press(.ctrl("u"))
        d.type("rating A,R")
        d.press(.enter)
        XCTAssertEqual(d.shownIDs, ["1a(ii)", "2(i)"])
        d.press(.char("f"), .ctrl("u"))
        d.type("theme 2 rating g")
        d.press(.enter)
        XCTAssertEqual(d.shownIDs, ["2(ii)", "2(iii)"])
        d.press(.char("f"), .ctrl("u"))
        d.type("rating unrated")
        d.press(.enter)
        XCTAssertEqual(d.shownIDs, ["1b(ii)"])
        d.press(.char("f"), .ctrl("u"))
        d.type("lead All HoS")
        d.press(.enter)
        XCTAssertEqual(d.shownIDs, ["1b(ii)"])
    }

    func testBadFilterIsRefusedWithTheReasonAndKeptForCorrection() {
        var d = Driver()
        d.press(.char("f"))
        d.type("colour red")
        d.press(.enter)
        XCTAssertEqual(d.promptPurpose, .filter)
        XCTAssertEqual(d.promptError, "\"colour\" is not lead, rating, theme, overdue or due; e.g. lead BT")
        d.press(.escape)
        XCTAssertEqual(d.state.mode, .browse)
        XCTAssertEqual(d.state.view.mode, .all)
    }

    func testFilterParserLanguage() throws {
        XCTAssertEqual(try FilterParser.parse("lead BT"), ActionFilter(lead: "BT"))
        XCTAssertEqual(try FilterParser.parse("rating a, r"), ActionFilter(ratings: [.amber, .red]))
        XCTAssertEqual(try FilterParser.parse("theme 5 overdue"), ActionFilter(theme: 5, overdueOnly: true))
        XCTAssertEqual(try FilterParser.parse("due 14"), ActionFilter(dueWithin: 14))
        var unrated = ActionFilter(ratings: [.red])
        unrated.includeUnrated = true
        XCTAssertEqual(try FilterParser.parse("rating red unrated"), unrated)
        XCTAssertThrowsError(try FilterParser.parse("theme five"))
        XCTAssertThrowsError(try FilterParser.parse("rating purple"))
        XCTAssertThrowsError(try FilterParser.parse(""))
        XCTAssertThrowsError(try FilterParser.parse("lead"))
    }

    func testSortCyclesThroughDeadlineSeverityLeadAndBack() {
        var d = Driver()
        d.press(.char("S"))
        XCTAssertEqual(d.state.view.sort, .deadline)
        XCTAssertFalse(d.state.derived.visible.isTree)
        XCTAssertEqual(d.shownIDs, ["1a(iii)", "1a(ii)", "2(iii)", "2(i)", "1b(ii)", "1a(i)", "1b(i)", "2(ii)"])
        d.press(.char("S"))
        XCTAssertEqual(d.state.view.sort, .severity)
        XCTAssertEqual(d.shownIDs, ["2(i)", "1a(ii)", "1a(i)", "1b(i)", "2(ii)", "2(iii)", "1a(iii)", "1b(ii)"])
        d.press(.char("S"))
        XCTAssertEqual(d.state.view.sort, .lead)
        XCTAssertEqual(d.shownIDs, ["1a(ii)", "1a(iii)", "2(i)", "2(iii)", "1a(i)", "2(ii)", "1b(ii)", "1b(i)"])
        d.press(.enter)
        XCTAssertEqual(d.state.message?.text, "Folding works in plan order (press a, or S until plan order)")
        d.press(.char("S"))
        XCTAssertEqual(d.state.view.sort, .plan)
        XCTAssertTrue(d.state.derived.visible.isTree)
    }

    func testANewSortOrViewStartsAtItsTopAndAllKeepsTheSelection() {
        var d = Driver()
        d.select("2(i)")
        d.press(.char("S"))
        XCTAssertEqual(d.state.view.selectedRow, 0, "a new sort starts at its top")
        XCTAssertEqual(d.state.layout.planTop, 0)
        d.select("2(iii)")
        d.press(.char("o"))
        XCTAssertEqual(d.state.view.selectedRow, 0, "a new view starts at its top")
        d.select("1a(ii)")
        d.press(.char("a"))
        XCTAssertEqual(d.selectedID, "1a(ii)", "back to all actions keeps the selection")
    }

    func testTheSearchPromptStartsEmptyWithEarlierSearchesOnUpAndDown() {
        var d = Driver()
        d.press(.char("/"))
        d.type("SUPERVIS")
        d.press(.enter, .char("/"))
        guard case .prompt(let empty) = d.state.mode else { return XCTFail("no search prompt") }
        XCTAssertEqual(empty.editor.text, "", "the prompt starts empty")
        d.type("audit")
        d.press(.enter, .char("/"))
        d.type("dra")
        d.press(.up)
        guard case .prompt(let last) = d.state.mode else { return XCTFail("no search prompt") }
        XCTAssertEqual(last.editor.text, "audit")
        d.press(.up, .up)
        guard case .prompt(let first) = d.state.mode else { return XCTFail("no search prompt") }
        XCTAssertEqual(first.editor.text, "SUPERVIS", "Up stops at the oldest")
        d.press(.down, .down)
        guard case .prompt(let draft) = d.state.mode else { return XCTFail("no search prompt") }
        XCTAssertEqual(draft.editor.text, "dra", "Down past the newest brings back what was typed")
        d.press(.escape, .char("/"), .up, .enter)
        XCTAssertEqual(d.selectedID, "2(ii)")
        XCTAssertEqual(d.state.view.searchHistory, ["SUPERVIS", "audit"], "an entry is kept once")
    }

    func testTheStatusLineSaysWhichMatchIsSelected() {
        var d = Driver()
        d.press(.char("/"))
        d.type("SUPERVIS")
        d.press(.enter)
        XCTAssertTrue(d.frame().lines()[0].contains("/SUPERVIS: match 1/2"), d.frame().lines()[0])
        d.press(.char("n"))
        XCTAssertTrue(d.frame().lines()[0].contains("/SUPERVIS: match 2/2"), d.frame().lines()[0])
        d.press(.up)
        XCTAssertTrue(d.frame().lines()[0].contains("/SUPERVIS: 2 matches"), d.frame().lines()[0])
    }

    func testTheMatchIsHighlightedInTheListedText() throws {
        var d = Driver()
        d.press(.char("/"))
        d.type("supervis")
        d.press(.enter, .down)
        let grid = d.frame(width: 80, height: 24)
        let lines = grid.lines()
        let y = try XCTUnwrap(lines.firstIndex { $0.contains("Train managers in supervision") })
        let x = try XCTUnwrap(lines[y].range(of: "supervis")).lowerBound.utf16Offset(in: lines[y])
        XCTAssertEqual(grid.cell(x: x, y: y)?.style.underline, true, "the match is underlined")
        XCTAssertEqual(grid.cell(x: x + 7, y: y)?.style.underline, true)
        XCTAssertEqual(grid.cell(x: x + 8, y: y)?.style.underline, false, "only the match")
        XCTAssertEqual(grid.cell(x: x - 2, y: y)?.style.underline, false)
    }
}
