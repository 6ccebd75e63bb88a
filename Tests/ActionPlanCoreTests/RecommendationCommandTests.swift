import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `actionplan recommendation add|edit|remove` on a copy of the sample plan: the register kept by hand, saved
/// through the store, with clear refusals.
final class RecommendationCommandTests: SamplePlanTestCase {
    func testAddEditAndRemoveARecommendation() throws {
        let add = try run(
            "recommendation", "add", plan, "LSCB 9", "--text", "  Audit  the front door ", "--source", "LSCB")
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertTrue(add.stdout.hasPrefix("LSCB 9: added; saved"), add.stdout)
        var r = try PlanStore.load(plan).recommendations.last!
        XCTAssertEqual([r.id, r.source, r.text], ["LSCB 9", "LSCB", "Audit the front door"])

        let again = try run("recommendation", "add", plan, "LSCB 9", "--text", "x")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("recommendation \"LSCB 9\" is already in the register"), again.stderr)
        let empty = try run("recommendation", "add", plan, "LSCB 10", "--text", "  ")
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.contains("--text: the recommendation's text must not be empty"), empty.stderr)

        let edit = try run("recommendation", "edit", plan, "LSCB 9", "--text", "Audit the MASH")
        XCTAssertEqual(edit.status, 0, edit.stderr)
        r = try PlanStore.load(plan).recommendations.last!
        XCTAssertEqual([r.id, r.source, r.text], ["LSCB 9", "LSCB", "Audit the MASH"])
        let nothing = try run("recommendation", "edit", plan, "LSCB 9")
        XCTAssertEqual(nothing.status, 64)
        XCTAssertTrue(nothing.stderr.contains("Give --text, --source or both."), nothing.stderr)
        let unknown = try run("recommendation", "edit", plan, "LSCB 8", "--source", "x")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(
            unknown.stderr.contains("no recommendation \"LSCB 8\" in this plan (nearest: LSCB 9"), unknown.stderr)

        let remove = try run("recommendation", "remove", plan, "LSCB 9")
        XCTAssertEqual(remove.status, 0, remove.stderr)
        XCTAssertTrue(remove.stdout.hasPrefix("LSCB 9: removed; saved"), remove.stdout)
        XCTAssertFalse(try PlanStore.load(plan).recommendations.contains { $0.id == "LSCB 9" })
    }

    func testRemovingALinkedRecommendationNeedsForceAndSaysWhichActions() throws {
        XCTAssertEqual(try run("link", plan, "1a(i)", "1").status, 0)
        XCTAssertEqual(try run("link", plan, "1a(ii)", "1").status, 0)
        let refused = try run("recommendation", "remove", plan, "1")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(
            refused.stderr.contains("recommendation \"1\" is linked to actions 1a(i), 1a(ii); unlink them first"),
            refused.stderr)
        XCTAssertTrue(try PlanStore.load(plan).recommendations.contains { $0.id == "1" }, "nothing removed")
        let forced = try run("recommendation", "remove", plan, "1", "--force")
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.hasPrefix("1: removed (unlinked 1a(i), 1a(ii)); saved"), forced.stdout)
        XCTAssertFalse(try PlanStore.load(plan).recommendations.contains { $0.id == "1" })
    }

    func testSetLinksReplacesTheWholeListAndChecksEveryIDFirst() throws {
        var p = try PlanStore.load(plan)
        try p.link(action: "1a(i)", to: ["1", "2"])
        try p.setLinks(action: "1a(i)", to: ["2", "BSCB 1"])
        XCTAssertEqual(p.recommendationIDs(linkedTo: "1a(i)"), ["2", "BSCB 1"])
        let before = p
        XCTAssertThrowsError(try p.setLinks(action: "1a(i)", to: ["3", "BSCB 11"])) {
            XCTAssertEqual(($0 as! PlanError).kind, .notFound)
            XCTAssertTrue("\($0)".contains("no recommendation \"BSCB 11\" in this plan (nearest: BSCB 1"), "\($0)")
        }
        XCTAssertEqual(p, before, "nothing changed by a refused list")
        try p.setLinks(action: "1a(i)", to: [])
        XCTAssertEqual(p.recommendationIDs(linkedTo: "1a(i)"), [])
    }
}
