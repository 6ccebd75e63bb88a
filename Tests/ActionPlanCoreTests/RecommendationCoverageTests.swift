import XCTest

@testable import ActionPlanCore

/// Links from actions to the sample plan's 24 recommendations (Ofsted's 19, the Safeguarding Board's 5), coverage,
/// `check`, and the merge of links made by two people.
final class RecommendationCoverageTests: XCTestCase {
    private let day = CalendarDay(iso: "2019-01-31")!

    func testTheSamplePlansRecommendationsAreAllUncoveredUntilLinked() throws {
        var plan = try TestSupport.samplePlan()
        XCTAssertEqual(plan.recommendations.count, 24)
        XCTAssertEqual(RecommendationCoverage.of(plan, asOf: day).filter(\.isUncovered).count, 24)
        XCTAssertEqual(PlanCheck.run(plan, asOf: day).filter { $0.rule == "uncovered-recommendation" }.count, 24)
        let actions = plan.allActions
        XCTAssertEqual(try plan.link(action: actions[0].id, to: ["1", "BSCB 1"]), ["1", "BSCB 1"])
        XCTAssertEqual(try plan.link(action: actions[0].id, to: ["1"]), [], "linking again changes nothing")
        try plan.link(action: actions[1].id, to: ["1"])
        let coverage = RecommendationCoverage.of(plan, asOf: day)
        XCTAssertEqual(coverage.filter(\.isUncovered).count, 22)
        XCTAssertEqual(coverage[0].actions.map(\.action.id), [actions[0].id, actions[1].id])
        XCTAssertEqual(PlanCheck.run(plan, asOf: day).filter { $0.rule == "uncovered-recommendation" }.count, 22)
        XCTAssertThrowsError(try plan.link(action: actions[0].id, to: ["99"])) {
            XCTAssertEqual(($0 as! PlanError).kind, .notFound)
            XCTAssertTrue("\($0)".contains("no recommendation \"99\" in this plan (nearest: 9"), "\($0)")
        }
        XCTAssertThrowsError(try plan.link(action: "nope", to: ["1"])) {
            XCTAssertEqual(($0 as! PlanError).kind, .notFound)
        }
    }

    func testCoverageListingsAndTheFileKeepLinks() throws {
        var plan = try TestSupport.samplePlan()
        let a = plan.allActions[2]
        try plan.link(action: a.id, to: ["2"])
        plan.recommendations[3].actions = ["gone"]
        let back = try PlanCodec.decode(PlanCodec.encode(plan), file: "p.json")
        XCTAssertEqual(back.recommendations[1].actions, [a.id])
        let table = CoverageListing.render(plan, asOf: day, format: .table)
        XCTAssertTrue(table.contains("1 of 24 recommendations have a live action; 23 have none (!!)"), table)
        XCTAssertTrue(table.contains("none (not in the plan: gone)"), table)
        let json = CoverageListing.render(plan, asOf: day, format: .json)
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.count, 24)
        XCTAssertEqual(rows[1]["covered"] as? Bool, true)
        XCTAssertEqual((rows[1]["actions"] as! [[String: Any]])[0]["id"] as? String, a.id)
        XCTAssertEqual(rows[3]["missingActions"] as? [String], ["gone"])
        XCTAssertTrue(PlanCheck.run(plan, asOf: day).contains { $0.rule == "stale-link" })
        let tsv = CoverageListing.render(plan, asOf: day, format: .tsv).split(separator: "\n")
        XCTAssertEqual(tsv.count, 25)
        XCTAssertTrue(tsv[2].hasPrefix("2\tOfsted\tyes\t\(a.id) "), String(tsv[2]))
    }

    func testLinksMadeByTwoPeopleAreBothKept() throws {
        let base = try TestSupport.samplePlan()
        let ids = base.allActions.map(\.id)
        var ours = base
        var theirs = base
        try ours.link(action: ids[0], to: ["5"])
        try theirs.link(action: ids[1], to: ["5"])
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        XCTAssertEqual(r.plan.recommendations[4].actions, [ids[0], ids[1]])
    }
}
