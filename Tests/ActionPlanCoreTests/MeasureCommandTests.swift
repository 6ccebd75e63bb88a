import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `actionplan import-measures`, `measures`, `record`, `set-measure`, `link` and `coverage` on a copy of the
/// sample plan and the seed dashboard.
final class MeasureCommandTests: SamplePlanTestCase {
    private var dashboard: String {
        TestSupport.root.appendingPathComponent("Tests/ActionPlanImportTests/Fixtures/seeds/a10-data-dashboard.txt")
            .path
    }

    func testImportMeasuresThenListRecordAndSetATarget() throws {
        let dry = try run("import-measures", dashboard, "--into", plan, "--dry-run")
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("Imported 23 measures (40 sub-measures)"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Accounted for: 99 rows and lines"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Dry run: nothing written"), dry.stdout)
        XCTAssertTrue(try PlanStore.load(plan).measures.isEmpty)
        let r = try run("import-measures", dashboard, "--into", plan)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("new to the plan: 23 measures"), r.stdout)
        XCTAssertEqual(try PlanStore.load(plan).measures.count, 23)
        let again = try run("import-measures", dashboard, "--into", plan)
        XCTAssertTrue(again.stdout.contains("new to the plan: 0 measures, 0 observations"), again.stdout)

        let set = try run("set-measure", plan, "M5.1", "--polarity", "lower")
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.hasPrefix("M5.1: on target"), set.stdout)
        let rec = try run("record", plan, "Duty and Assessment", "35.1", "--period", "Apr-18")
        XCTAssertEqual(rec.status, 0, rec.stderr)
        let tsv = try run("measures", plan, "--format", "tsv").stdout.split(separator: "\n")
        XCTAssertEqual(tsv.count, 1 + 63)
        XCTAssertEqual(
            tsv.first { $0.hasPrefix("M5.1\t") }.map(String.init),
            "M5.1\t\tDuty and Assessment\tMar-18\t13.3\tApr-18\t35.1\t+21.8\t28.3\toff target\t↑ worse")
        let json = try run("measures", plan, "--format", "json").stdout
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.count, 63)
        let duty = rows.first { $0["id"] as? String == "M5.1" }!
        XCTAssertEqual(duty["parent"] as? String, "M5")
        XCTAssertEqual(duty["latest"] as? Double, 35.1)
        XCTAssertEqual(duty["targetStatus"] as? String, "off target")
        XCTAssertEqual((duty["observations"] as! [[String: String]]).count, 3)
        let table = try run("measures", plan).stdout
        XCTAssertTrue(table.contains("(Will be included when the Essex Triple Loop Audit data is available)"), table)

        let bad = try run("record", plan, "M5.1", "lots", "--period", "May-18")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("\"lots\" is not a figure"), bad.stderr)
        let missing = try run("record", plan, "M99", "1", "--period", "May-18")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no measure with ID or title \"M99\""), missing.stderr)
    }

    func testLinkAndCoverageOfTheSamplePlansRecommendations() throws {
        let l = try run("link", plan, "1a(i)", "1", "BSCB 1")
        XCTAssertEqual(l.status, 0, l.stderr)
        XCTAssertTrue(l.stdout.hasPrefix("1a(i): linked to 1, BSCB 1; saved"), l.stdout)
        let c = try run("coverage", plan, "--as-of", "2019-01-31")
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertTrue(c.stdout.contains("2 of 24 recommendations have a live action; 22 have none (!!)"), c.stdout)
        let check = try run("check", plan, "--as-of", "2019-01-31")
        XCTAssertTrue(check.stdout.contains("22 uncovered-recommendation"), check.stdout)
        let bad = try run("link", plan, "1a(i)", "99")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("no recommendation \"99\""), bad.stderr)
    }
}
