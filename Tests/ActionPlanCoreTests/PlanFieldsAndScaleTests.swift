import ActionPlanImport
import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// What other councils' plans carry beyond Barnet's: their own rating words, statuses as written, columns of
/// their own, a recommendations register and plan-level text — kept in the file, merged, shown and exported.
final class PlanFieldsAndScaleTests: SamplePlanTestCase {
    /// Red/Amber/Yellow/Green plus Complete: five levels, Yellow counting as Amber.
    static let rayg = RatingScale(levels: [
        .init(name: "Complete", letter: "C", definition: "Done", rating: .blue),
        .init(name: "Green", letter: "G", definition: "On track", rating: .green),
        .init(name: "Yellow", letter: "Y", definition: "Minor slippage", rating: .amber),
        .init(name: "Amber", letter: "A", definition: "Significant slippage", rating: .amber),
        .init(name: "Red", letter: "R", definition: "Will not be delivered", rating: .red),
    ])

    /// The sample with a scale, recommendations, narrative, a status and fields on 1a(i).
    private func richPlan() throws -> Plan {
        var p = try TestSupport.samplePlan()
        p.scale = Self.rayg
        p.recommendations = [
            Recommendation(id: "1", source: "Ofsted", text: "Improve the quality of supervision"),
            Recommendation(id: "LSCB 2", source: "Safeguarding Board", text: "Audit thresholds"),
        ]
        p.narrative = [NarrativeBlock(heading: "Governance", text: "Progress goes to the board monthly.")]
        let path = p.path(of: "1a(i)")!
        p[path].status = "Yellow"
        p[path].rating = .amber
        p[path].fields = [
            ActionField(name: "Success measure", value: "90% of staff trained"),
            ActionField(name: "Progress update", value: "Sessions booked"),
        ]
        return p
    }

    func testPlainPlansStayVersion1AndTheNewPartsRoundTripAsVersion2() throws {
        var plainPlan = try TestSupport.samplePlan()
        plainPlan.recommendations = []
        plainPlan.narrative = []
        let plain = PlanCodec.encode(plainPlan)
        XCTAssertTrue(String(decoding: plain.prefix(40), as: UTF8.self).contains("\"schemaVersion\": 1"))
        let rich = try richPlan()
        let bytes = PlanCodec.encode(rich)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"schemaVersion\": 2"))
        XCTAssertTrue(text.contains("\"ratingScale\": ["))
        XCTAssertTrue(text.contains("\"status\": \"Yellow\""))
        XCTAssertTrue(text.contains("\"name\": \"Success measure\""))
        XCTAssertEqual(try PlanCodec.decode(bytes, file: "rich.json"), rich)
        XCTAssertEqual(PlanCodec.encode(try PlanCodec.decode(bytes, file: "rich.json")), bytes, "deterministic")
    }

    func testMergeKeepsFieldsByNameAndTheStatusWithItsRating() throws {
        let base = try richPlan()
        var ours = base
        var theirs = base
        let p = base.path(of: "1a(i)")!
        ours[p].fields[0].value = "95% of staff trained"
        theirs[p].fields.append(ActionField(name: "Risk", value: "Low"))
        theirs.recommendations.append(Recommendation(id: "3", source: "Ofsted", text: "Track plans"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertTrue(m.isClean, "\(m.conflicts)")
        XCTAssertEqual(m.plan[p].fields.map(\.value), ["95% of staff trained", "Sessions booked", "Low"])
        XCTAssertEqual(m.plan.recommendations.map(\.id), ["1", "LSCB 2", "3"])

        // Two different values of one field, and two different statuses of one rating, are clashes.
        theirs = base
        theirs[p].fields[0].value = "All staff trained"
        try theirs.rate(
            id: "1a(i)", to: .amber, note: "worse", by: "t", on: TestSupport.day("2019-02-01"), status: "Amber")
        let c = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(
            c.conflicts.map { "\($0.key): \($0.ours) / \($0.theirs)" }.sorted(),
            [
                "action 1a(i) field Success measure: Success measure: 95% of staff trained / Success measure: All staff trained"
            ])
        var ours2 = base
        try ours2.rate(
            id: "1a(i)", to: .amber, note: "mine", by: "o", on: TestSupport.day("2019-02-01"), status: "Yellow")
        try ours2.rate(id: "1a(i)", to: .red, note: "mine", by: "o", on: TestSupport.day("2019-02-02"), status: "Red")
        let r = PlanMerge.merge(base: base, ours: ours2, theirs: theirs)
        XCTAssertEqual(
            r.conflicts.map { [$0.key.description, $0.ours, $0.theirs] }, [["action 1a(i) rating", "Red", "Amber"]])
    }

    func testCSVCarriesStatusAndFieldsColumnsOnlyWhenTheyAreUsed() throws {
        let plain = String(
            decoding: CSVExport.render(try TestSupport.samplePlan(), asOf: TestSupport.day("2019-01-31")), as: UTF8.self
        )
        XCTAssertTrue(
            plain.hasPrefix(CSVExport.header.joined(separator: ",") + "\r\n"), "unchanged for plans without them")
        let rich = String(
            decoding: CSVExport.render(try richPlan(), asOf: TestSupport.day("2019-01-31")), as: UTF8.self)
        XCTAssertTrue(
            rich.hasPrefix(CSVExport.header.joined(separator: ",") + ",status,Success measure,Progress update\r\n"))
        XCTAssertTrue(rich.contains(",Yellow,90% of staff trained,Sessions booked\r\n"), rich)
    }

    func testShowAndTheReportShowTheScaleTheStatusAndTheFields() throws {
        try PlanStore.save(try richPlan(), to: plan)
        let show = try run("show", plan, "1a(i)", "--as-of", "2019-01-31")
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.hasPrefix("1a(i)  Y Yellow (counts as Amber)\n"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Rating:      Y Yellow (counts as Amber) — Minor slippage"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Also:        Success measure: 90% of staff trained"), show.stdout)
        XCTAssertTrue(show.stdout.contains("             Progress update: Sessions booked"), show.stdout)
        let json = try run("show", plan, "1a(i)", "--format", "json", "--as-of", "2019-01-31")
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(obj["level"] as? String, "Yellow")
        XCTAssertEqual(obj["status"] as? String, "Yellow")
        XCTAssertEqual((obj["fields"] as? [[String: String]])?.first?["value"], "90% of staff trained")

        let html = try run("export", plan, "--format", "html", "--output", dir + "/r.html", "--as-of", "2019-01-31")
        XCTAssertEqual(html.status, 0, html.stderr)
        let page = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<td>Yellow (counts as Amber)</td><td class=\"prose\">Minor slippage</td>"))
        XCTAssertTrue(page.contains("<dt>Success measure</dt><dd>90% of staff trained</dd>"))
        XCTAssertTrue(page.contains("<td class=\"r rA\" title=\"Yellow\">Y</td>"))
    }

    func testRatingWithThePlansOwnWordsRecordsTheLevel() throws {
        try PlanStore.save(try richPlan(), to: plan)
        let r = try run("rate", plan, "1a(ii)", "y", "--note", "slipping a little", "--as-of", "2019-02-01")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("1a(ii): G → Y (Yellow) on 2019-02-01"), r.stdout)
        let p = try PlanStore.load(plan)
        let a = p[p.path(of: "1a(ii)")!]
        XCTAssertEqual([a.rating, a.history.last?.to], [.amber, .amber])
        XCTAssertEqual([a.status, a.history.last?.status], ["Yellow", "Yellow"])
        let bad = try run("rate", plan, "1a(ii)", "blue", "--note", "x", "--as-of", "2019-02-01")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(
            bad.stderr.contains(
                "\"blue\" is not a rating of this plan; expected C (Complete), G (Green), Y (Yellow), A (Amber), R (Red)"
            ),
            bad.stderr)
    }
}

extension PlanFieldsAndScaleTests {
    func testTheCSVExportImportsBackWithStatusesAndFields() throws {
        let rich = try PlanFieldsAndScaleTestsSupport.richPlanForRoundTrip()
        let bytes = CSVExport.render(rich, asOf: TestSupport.day("2019-01-31"))
        let (back, report) = try PlanImport.run(bytes, file: "export.csv", options: .init(title: rich.title))
        XCTAssertEqual(back.allActions.map(\.fields), rich.allActions.map(\.fields))
        XCTAssertEqual(back.allActions.map(\.status), rich.allActions.map(\.status))
        XCTAssertEqual(back.allActions.map(\.rating), rich.allActions.map(\.rating))
        XCTAssertEqual(report.skipped, 0)
    }
}

/// The rich plan of ``PlanFieldsAndScaleTests`` for tests in extensions.
enum PlanFieldsAndScaleTestsSupport {
    static func richPlanForRoundTrip() throws -> Plan {
        var p = try TestSupport.samplePlan()
        let path = p.path(of: "1a(i)")!
        p[path].status = "At risk"
        p[path].rating = .amber
        p[path].fields = [
            ActionField(name: "Success measure", value: "90% of staff trained"),
            ActionField(name: "Progress update", value: "Sessions booked"),
        ]
        return p
    }
}
