import ActionPlanCore
import ActionPlanStore
import XCTest

@testable import ActionPlanTUI

/// `L` links the selected action to the recommendations it answers: one prompt with the whole list, checked by
/// the core, undoable, merged on save; the detail pane lists what the action answers.
final class RecommendationLinksTests: XCTestCase {
    /// The small plan with a register of three recommendations; 1a(i) answers 1.
    static func plan() -> Plan {
        var p = TUIFixtures.small()
        p.recommendations = [
            Recommendation(
                id: "1", source: "Ofsted", text: "Ensure that senior leaders know the quality of practice well",
                actions: ["1a(i)"]),
            Recommendation(id: "2", source: "Ofsted", text: "Improve supervision so that it challenges practice"),
            Recommendation(id: "LSCB 2", source: "", text: "Audit the front door"),
        ]
        return p
    }

    private func links(_ d: Driver, _ id: String) -> [String] { d.state.plan.recommendationIDs(linkedTo: id) }

    func testLLinksUndoRedoAndAnUnknownIDIsRefusedWithTheNearest() throws {
        var d = Driver(TUIFixtures.state(Self.plan()))
        d.select("1a(i)")
        d.press(.char("L"))
        XCTAssertEqual(d.promptPurpose, .linkRecommendations(id: "1a(i)"))
        guard case .prompt(let prompt) = d.state.mode else { return XCTFail("no prompt") }
        XCTAssertEqual(prompt.editor.text, "1", "pre-filled with the current links")

        d.type(", LSCB 3")
        d.press(.enter)
        XCTAssertEqual(d.promptPurpose, .linkRecommendations(id: "1a(i)"), "the prompt stays open")
        XCTAssertEqual(
            d.promptError, "no recommendation \"LSCB 3\" in this plan (nearest: LSCB 2, 1, 2; 3 in the register)")
        XCTAssertEqual(links(d, "1a(i)"), ["1"], "nothing changed")

        d.press(.backspace)
        d.type("2, LSCB 2")
        d.press(.enter)
        XCTAssertEqual(d.state.mode, .browse)
        XCTAssertEqual(links(d, "1a(i)"), ["1", "LSCB 2"])
        XCTAssertEqual(d.state.message?.text, "Link 1a(i) to 1, LSCB 2 (u to undo)")
        XCTAssertTrue(d.state.isModified)

        d.press(.char("L"), .ctrl("u"), .enter)
        XCTAssertEqual(links(d, "1a(i)"), [], "an empty list unlinks it from all")
        XCTAssertEqual(d.state.plan.recommendations.map(\.actions), [[], [], []])

        d.press(.char("u"))
        XCTAssertEqual(links(d, "1a(i)"), ["1", "LSCB 2"])
        XCTAssertEqual(d.state.message?.text, "Undid: unlink 1a(i) from every recommendation")
        d.press(.char("u"))
        XCTAssertEqual(links(d, "1a(i)"), ["1"])
        d.press(.ctrl("r"))
        XCTAssertEqual(links(d, "1a(i)"), ["1", "LSCB 2"])
        XCTAssertEqual(d.state.message?.text, "Redid: link 1a(i) to 1, LSCB 2")

        d.press(.char("L"), .enter)
        XCTAssertEqual(d.state.message?.text, "Links of 1a(i) unchanged")
        d.press(.char("L"), .escape)
        XCTAssertEqual(d.state.mode, .browse)

        var empty = Driver(TUIFixtures.state())
        empty.select("1a(i)")
        empty.press(.char("L"))
        XCTAssertEqual(empty.state.mode, .browse)
        XCTAssertEqual(empty.state.message?.isError, true)
        XCTAssertTrue(empty.state.message?.text.contains("no recommendations to link to") == true)
    }

    func testTheDetailPaneListsTheLinkedRecommendations() throws {
        var d = Driver(TUIFixtures.state(Self.plan()))
        d.select("1a(i)")
        d.press(.char("L"), .ctrl("u"))
        d.type("1, LSCB 2")
        d.press(.enter)
        d.press(.tab, .down, .down, .down, .down, .down)  // scroll the detail pane to the recommendations
        SnapshotAssert.check(d.frame(width: 80, height: 24), named: "small-80x24-recommendations")
        d.press(.tab)
        let text = DetailLines.lines(d.state, width: 60).map(\.text)
        let start = try XCTUnwrap(text.firstIndex(of: "Recommendations"))
        XCTAssertEqual(
            Array(text[(start + 1)...].prefix(2)),
            ["  1 (Ofsted) Ensure that senior leaders know the quality of…", "  LSCB 2 Audit the front door"])
        d.select("1a(ii)")
        let other = DetailLines.lines(d.state, width: 60).map(\.text)
        let at = try XCTUnwrap(other.firstIndex(of: "Recommendations"))
        XCTAssertEqual(other[at + 1], "  none linked (L to link)")
        XCTAssertFalse(
            DetailLines.lines(TUIFixtures.state(), width: 60).map(\.text).contains("Recommendations"),
            "no heading when the plan has no register")
    }

    func testAnotherLeadsLinkOfADifferentActionSurvivesMySave() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/plan.json"
        try PlanStore.save(Self.plan(), to: path)
        let s = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "tester", clock: { TUIFixtures.asOf })
        _ = s.frame(width: 80, height: 24)
        for k: KeyEvent in [.home, .down, .down, .char("L"), .ctrl("u")] { XCTAssertTrue(s.handle(k)) }
        for c in "2" { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        XCTAssertTrue(s.state.isModified)
        XCTAssertEqual(s.state.plan.recommendationIDs(linkedTo: "1a(i)"), ["2"])

        try PlanStore.update(path) { p in try p.link(action: "2(i)", to: ["2", "LSCB 2"]) }
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertEqual(s.state.mode, .browse)
        XCTAssertFalse(s.state.isModified)
        let saved = try PlanStore.load(path)
        XCTAssertEqual(saved.recommendationIDs(linkedTo: "1a(i)"), ["2"], "my links, 1 unlinked")
        XCTAssertEqual(saved.recommendationIDs(linkedTo: "2(i)"), ["2", "LSCB 2"], "their links survive")
        XCTAssertEqual(saved.recommendations.first { $0.id == "2" }?.actions, ["1a(i)", "2(i)"])
        XCTAssertEqual(s.state.plan, saved, "the screen shows the merged plan")
    }
}
