import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `actionplan export`, `snapshot` and `snapshots` run as a user would.
final class ExportCommandLineTests: SamplePlanTestCase {
    func testExportsEveryFormat() throws {
        for (format, ext, start) in [
            ("html", "html", "<!DOCTYPE html>"), ("markdown", "md", "# Barnet"), ("csv", "csv", "theme,group,id,"),
            ("ics", "ics", "BEGIN:VCALENDAR\r\n"), ("json", "json", "{\n  \"reportFormat\": 1,"),
        ] {
            let out = dir + "/report." + ext
            let r = try run("export", plan, "--format", format, "--output", out, "--as-of", "2019-01-31")
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.hasPrefix("Wrote \(out) (\(format), position as at 2019-01-31"), r.stdout)
            let text = String(decoding: try PlanStore.readFile(out), as: UTF8.self)
            XCTAssertTrue(text.hasPrefix(start), format)
        }
        // The format follows from the extension when --format is left out; '-' writes to standard output.
        let inferred = try run("export", plan, "-o", dir + "/x.md", "--as-of", "2019-01-31")
        XCTAssertEqual(inferred.status, 0, inferred.stderr)
        XCTAssertTrue(inferred.stdout.hasPrefix("Wrote \(dir)/x.md (markdown, "), inferred.stdout)
        let inferredText = String(decoding: try PlanStore.readFile(dir + "/x.md"), as: UTF8.self)
        XCTAssertTrue(inferredText.hasPrefix("# Barnet Children's Services Improvement Action Plan"), inferredText)
        let stdout = try run(
            "export", plan, "--format", "json", "-o", "-", "--as-of", "2019-01-31", "--produced", "2019-02-05")
        let obj = try JSONSerialization.jsonObject(with: Data(stdout.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(obj["produced"] as? String, "2019-02-05")
        XCTAssertEqual(((obj["headline"] as! [String: Any])["overdue"] as! [String: Any])["count"] as? Int, 28)
    }

    func testBadInputNamesTheOptionAndExitsTwo() throws {
        let before = try PlanStore.readFile(plan)
        let cases: [([String], String)] = [
            (["export", plan, "--format", "xps", "-o", dir + "/r.xps"], "--format"),
            (["export", plan, "-o", dir + "/r.odt"], "--format"),
            (["export", plan, "-o", dir + "/r.html", "--as-of", "2019-02-30"], "--as-of"),
            (["export", plan, "-o", dir + "/r.html", "--produced", "yesterday"], "--produced"),
            (["export", plan, "-o", dir + "/r.html", "--since", "No such meeting"], "--since"),
            (["export", plan, "--format", "html", "-o", plan], "--output"),
            (["export", plan, "--format", "csv", "-o", dir + "/./plan.json"], "--output"),
            (["snapshot", plan, "--label", " "], "--label"),
        ]
        for (args, option) in cases {
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertTrue(r.stderr.contains("at \(option):"), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try PlanStore.readFile(plan), before, "the plan is never overwritten")
        XCTAssertFalse(PlanStore.exists(dir + "/r.html"))
    }

    func testSnapshotThenReportShowsMovement() throws {
        let s = try run("snapshot", plan, "--label", "November 2018 committee", "--as-of", "2018-11-15")
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertEqual(s.stdout, "Snapshot \"November 2018 committee\" of 57 actions as at 2018-11-15; saved \(plan)\n")
        let dup = try run("snapshot", plan, "--label", "November 2018 committee")
        XCTAssertEqual(dup.status, 2)
        XCTAssertTrue(dup.stderr.contains("already exists"), dup.stderr)
        let list = try run("snapshots", plan)
        XCTAssertTrue(list.stdout.contains("2018-11-15 November 2018 committee"), list.stdout)
        let json = try run("snapshots", plan, "--format", "json")
        let arr = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(arr.first?["amber"] as? Int, 6)
        XCTAssertEqual(
            try run("rate", plan, "5(xii)", "red", "--note", "Provider withdrew", "--by", "NH", "--as-of", "2019-01-10")
                .status, 0)
        let out = dir + "/report.md"
        let r = try run("export", plan, "-o", out, "--as-of", "2019-01-31")
        XCTAssertTrue(r.stdout.contains("compared with snapshot \"November 2018 committee\""), r.stdout)
        let md = String(decoding: try PlanStore.readFile(out), as: UTF8.self)
        XCTAssertTrue(md.contains("### Rating moved down (1)"))
        XCTAssertTrue(md.contains("| 5(xii) |"))
        // A later snapshot is what a report compares with by default; --since picks the earlier one.
        XCTAssertEqual(try run("snapshot", plan, "--label", "January 2019", "--as-of", "2019-01-20").status, 0)
        let since = try run(
            "export", plan, "-o", dir + "/s.json", "--as-of", "2019-01-31", "--since", "November 2018 committee")
        XCTAssertEqual(since.status, 0, since.stderr)
        XCTAssertTrue(since.stdout.contains("compared with snapshot \"November 2018 committee\""), since.stdout)
        let sinceJSON = try JSONSerialization.jsonObject(with: Data(try PlanStore.readFile(dir + "/s.json")))
        let comparison = (sinceJSON as? [String: Any])?["comparison"] as? [String: Any]
        XCTAssertEqual(comparison?["label"] as? String, "November 2018 committee")
        XCTAssertEqual(comparison?["date"] as? String, "2018-11-15")
    }

    func testCSVExportImportsBackToTheSameActions() throws {
        let csv = dir + "/plan.csv"
        XCTAssertEqual(try run("export", plan, "-o", csv, "--as-of", "2019-01-31").status, 0)
        let back = dir + "/back.json"
        let r = try run("import", csv, "-o", back)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("6 themes, 57 actions (15, 8, 7, 4, 17, 6)"), r.stdout)
        XCTAssertEqual(
            ExportFormatsTests.essentials(try PlanStore.load(back)),
            ExportFormatsTests.essentials(try PlanStore.load(plan)))
    }
}
