import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `actionplan leads` lists who leads what; `list --lead` warns about a code the plan does not have.
final class LeadsCommandTests: SamplePlanTestCase {
    func testUnknownLeadWarnsOnStderrListingTheNearestCodes() throws {
        let r = try run("list", plan, "--lead", "NHH", "--as-of", "2019-01-31")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "(no actions)\n")
        XCTAssertTrue(r.stderr.hasPrefix("actionplan: warning: at --lead: 'NHH' is not a lead of this plan"), r.stderr)
        XCTAssertTrue(r.stderr.contains("; nearest codes: NH, "), r.stderr)
        XCTAssertTrue(r.stderr.contains("'actionplan leads \(plan)' lists them all"), r.stderr)
        let zz = try run("list", plan, "--lead", "ZZ", "--as-of", "2019-01-31")
        XCTAssertTrue(zz.stderr.contains("'ZZ' is not a lead of this plan; nearest codes: "), zz.stderr)
    }

    func testKnownLeadsGiveNoWarning() throws {
        for code in ["nh", "NH", "All HoS", "TMc", "KM"] {
            let r = try run("list", plan, "--lead", code, "--as-of", "2019-01-31", "--format", "tsv")
            XCTAssertEqual(r.status, 0)
            XCTAssertEqual(r.stderr, "", code)
        }
    }

    func testLeadSummaryPutsTheRegisterFirstThenOtherLeadsWithCounts() throws {
        let p = try TestSupport.samplePlan()
        let s = LeadSummary(p, asOf: TestSupport.day("2019-01-31"))
        let codes = s.leads.map(\.code)
        XCTAssertEqual(LeadSummary.codes(p), codes, "the codes alone, in the same order")
        XCTAssertEqual(codes.count, 31, "26 codes in the register (KM twice) and 5 others")
        XCTAssertEqual(Array(codes.prefix(3)), ["JH", "CS", "JMcA"])
        XCTAssertEqual(Set(codes.suffix(5)), ["TMc", "CMc", "SR", "SMc", "All HoS"])
        let bt = try XCTUnwrap(s.leads.first { $0.code == "BT" })
        XCTAssertEqual(bt.counts.total, 9)
        XCTAssertEqual(bt.kind, "officer")
        let km = try XCTUnwrap(s.leads.first { $0.code == "KM" })
        XCTAssertEqual(km.kind, "shared")
        XCTAssertTrue(km.name.contains(" or "), km.name)
        XCTAssertEqual(s.leads.first { $0.code == "TMc" }?.kind, "unknown")
        XCTAssertEqual(s.leads.first { $0.code == "All HoS" }?.kind, "group")
        // Every action is counted once for each of its leads.
        let actions = p.themes.flatMap { $0.groups.flatMap(\.actions) }
        XCTAssertEqual(s.leads.map(\.counts.total).reduce(0, +), actions.map { Set($0.leads).count }.reduce(0, +))
        XCTAssertEqual(
            s.leads.map(\.counts.overdue).reduce(0, +),
            actions.filter { $0.daysOverdue(asOf: TestSupport.day("2019-01-31")) != nil }
                .map { Set($0.leads).count }.reduce(0, +))
    }

    func testLeadsCommandInEveryFormat() throws {
        let tsv = try run("leads", plan, "--format", "tsv", "--as-of", "2019-01-31")
        XCTAssertEqual(tsv.status, 0, tsv.stderr)
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(
            rows[0],
            [
                "code", "name", "role", "kind", "total", "blue", "green", "amber", "red", "unrated", "overdue",
                "not_updated", "not_updated_since",
            ])
        XCTAssertEqual(rows.count, 32)
        let nh = try XCTUnwrap(rows.first { $0.first == "NH" })
        XCTAssertEqual(nh[3], "officer")
        XCTAssertEqual(nh[4], "6")
        XCTAssertEqual(Array(nh.suffix(2)), ["", ""], "no snapshot: nothing counts as not updated")

        let json = try run("leads", plan, "--format", "json", "--as-of", "2019-01-31")
        let arr = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(arr.count, 31)
        let bt = try XCTUnwrap(arr.first { $0["code"] as? String == "BT" })
        XCTAssertEqual(bt["total"] as? Int, 9)
        XCTAssertNotNil(bt["overdue"] as? Int)
        XCTAssertNotNil(bt["percentComplete"] as? Int)
        XCTAssertEqual(bt["kind"] as? String, "officer")
        XCTAssertTrue(bt["notUpdated"] is NSNull, "no snapshot")
        XCTAssertTrue(bt["notUpdatedSince"] is NSNull, "no snapshot")

        let table = try run("leads", plan, "--as-of", "2019-01-31")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("CODE"), lines[0])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, table.stdout)
        XCTAssertTrue(lines[0].hasSuffix("LATE STALE"), lines[0])
        XCTAssertTrue(lines[lines.count - 2].hasPrefix("As of 2019-01-31: 31 leads, "), table.stdout)
        XCTAssertEqual(lines.last, "STALE: no snapshot before 2019-01-31, so nothing counts as not updated.")
    }

    func testLeadsCountWhatIsNotUpdatedSinceTheLastSnapshotInEveryFormat() throws {
        let snap = try run("snapshot", plan, "--label", "December committee", "--as-of", "2018-12-01")
        XCTAssertEqual(snap.status, 0, snap.stderr)
        let rate = try run("rate", plan, "2(i)", "A", "--note", "On it", "--by", "DS", "--as-of", "2019-01-10")
        XCTAssertEqual(rate.status, 0, rate.stderr)
        let p = try PlanStore.load(plan)
        let led = p.allActions.filter { $0.leads.contains("DS") }
        let stale = led.filter { $0.rating != .blue }.count - 1

        let summary = LeadSummary(p, asOf: TestSupport.day("2019-01-31"))
        XCTAssertEqual(summary.since?.label, "December committee")
        let ds = try XCTUnwrap(summary.leads.first { $0.code == "DS" })
        XCTAssertEqual(ds.notUpdated, stale, "2(i) was rated since the snapshot")
        XCTAssertEqual(summary.mostOverdueFirst.first?.counts.overdue, summary.leads.map(\.counts.overdue).max())
        XCTAssertFalse(summary.mostOverdueFirst.contains { $0.counts.total == 0 }, "only leads of some action")

        let tsv = try run("leads", plan, "--format", "tsv", "--as-of", "2019-01-31")
        let row = try XCTUnwrap(tsv.stdout.split(separator: "\n").first { $0.hasPrefix("DS\t") })
        XCTAssertTrue(row.hasSuffix("\t\(stale)\tDecember committee (2018-12-01)"), String(row))

        let json = try run("leads", plan, "--format", "json", "--as-of", "2019-01-31")
        let arr = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let dsJSON = try XCTUnwrap(arr.first { $0["code"] as? String == "DS" })
        XCTAssertEqual(dsJSON["notUpdated"] as? Int, stale)
        let since = try XCTUnwrap(dsJSON["notUpdatedSince"] as? [String: String])
        XCTAssertEqual(since, ["label": "December committee", "date": "2018-12-01"])

        let table = try run("leads", plan, "--as-of", "2019-01-31")
        XCTAssertTrue(
            table.stdout.hasSuffix("STALE: not updated since snapshot December committee (2018-12-01).\n"),
            table.stdout)
        let dsLine = try XCTUnwrap(table.stdout.split(separator: "\n").first { $0.hasPrefix("DS ") })
        XCTAssertTrue(dsLine.hasSuffix(" \(stale)"), String(dsLine))
    }
}
