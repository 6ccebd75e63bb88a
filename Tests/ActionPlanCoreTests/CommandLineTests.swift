import ActionPlanStore
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore

/// Runs the built `actionplan` binary as a user would and checks output and exit status.
final class CommandLineTests: SamplePlanTestCase {
    func testOverdueTableFitsEightyColumnsMostOverdueFirst() throws {
        let r = try run("overdue", plan, "--as-of", "2019-01-31")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 29)
        XCTAssertTrue(lines[0].hasPrefix("ID"))
        XCTAssertTrue(lines[1].hasPrefix("6(ii)    A DS      2017-10-31   457d Ensure all staff"), String(lines[1]))
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    /// Output to a full disk (`/dev/full`) is refused in words with status 74, in both builds — not a crash with a
    /// stack trace, and not a listing cut short in silence; the same for an export to standard output.
    func testOutputThatCannotBeWrittenIsReportedNotACrash() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        for binary in [TestSupport.binary, try ReleaseBuild.actionplan()] {
            for args in [["list", plan, "--as-of", "2019-01-31"], ["export", plan, "-o", "-", "--format", "csv"]] {
                let line = ([binary] + args).map { "'\($0)'" }.joined(separator: " ") + " > /dev/full"
                let r = try TestSupport.run("/bin/sh", ["-c", line])
                XCTAssertEqual(r.status, 74, "\(args[0]): \(r.stderr)")
                XCTAssertTrue(r.stderr.hasPrefix("actionplan: cannot write the output: "), r.stderr)
                XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
            }
        }
    }

    func testTSVColumnsAndJSON() throws {
        let tsv = try run("list", plan, "--theme", "3", "--format", "tsv", "--as-of", "2019-01-31")
        XCTAssertEqual(tsv.status, 0)
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows[0], ["id", "theme", "lead", "due", "rating", "days_overdue", "action"])
        XCTAssertEqual(rows.count, 8)
        XCTAssertEqual(Array(rows[3].prefix(6)), ["3b(i)", "3", "SM", "2018-12-31", "G", "31"])
        XCTAssertEqual(Array(rows[4].prefix(6)), ["3c(i)", "3", "BT", "", "G", ""])
        let json = try run("overdue", plan, "--format", "json", "--as-of", "2019-01-31")
        let arr = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(arr.count, 28)
        XCTAssertEqual(arr[0]["id"] as? String, "6(ii)")
        XCTAssertEqual(arr[0]["daysOverdue"] as? Int, 457)
        XCTAssertEqual(arr[0]["due"] as? String, "2017-10-31")
        XCTAssertEqual(arr[0]["rating"] as? String, "A")
        XCTAssertEqual(arr[0]["theme"] as? Int, 6)
    }

    func testListFilters() throws {
        let r = try run("list", plan, "--lead", "nh", "--rating", "A,red", "--format", "tsv", "--as-of", "2019-01-31")
        XCTAssertEqual(
            r.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }, ["5(xii)"])
        let soon = try run("list", plan, "--due-within", "28", "--format", "tsv", "--as-of", "2019-01-31")
        let ids = soon.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
        XCTAssertTrue(ids.contains("1c(i)"), "due on the day counts as due within")
        XCTAssertTrue(ids.contains("5(xii)"), "due 28 Feb is within 28 days of 31 Jan")
        XCTAssertFalse(ids.contains("3c(ii)"))
        let bad = try run("list", plan, "--rating", "purple")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--rating"), bad.stderr)
    }

    func testRateAppendsHistorySavesAndShowReportsIt() throws {
        let r = try TestSupport.run(
            [
                "rate", plan, "5(xii)", "red", "--note", "Provider withdrew", "--revised-date", "June 2019", "--as-of",
                "2019-01-31",
            ],
            environment: ["ACTIONPLAN_USER": "NH", "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("5(xii): A → R (Red) on 2019-01-31 by NH; deadline now 2019-06-30"), r.stdout)
        let show = try run("show", plan, "5(xii)", "--format", "json", "--as-of", "2019-01-31")
        let obj = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(obj["rating"] as? String, "red")
        let h = (obj["history"] as! [[String: Any]]).last!
        XCTAssertEqual(h["note"] as? String, "Provider withdrew")
        XCTAssertEqual(h["from"] as? String, "amber")
        XCTAssertEqual(h["by"] as? String, "NH")
        XCTAssertEqual(obj["deliveryDate"] as? String, "February 2019")
        XCTAssertEqual(obj["deadline"] as? String, "2019-06-30")
        let text = try run("show", plan, "5(xii)", "--as-of", "2019-01-31")
        XCTAssertTrue(text.stdout.contains("History:     2019-01-31 A → R by NH: Provider withdrew"), text.stdout)
        XCTAssertTrue(text.stdout.contains("NH — Nikki Hale, Head of Service Children in Care & Permanence"))
    }

    func testRateRefusesADayBeforeTheActionsLatestChangeOrAfterTodayAndChangesNothing() throws {
        let march = try run(
            "rate", plan, "5(xii)", "red", "--note", "March board", "--by", "NH", "--as-of", "2019-03-01")
        XCTAssertEqual(march.status, 0, march.stderr)
        let saved = try PlanStore.readFile(plan)
        // A January rating entered after March's would say the action went from Red in January, and leave it rated
        // other than its latest entry says: refused, naming both days.
        let january = try run(
            "rate", plan, "5(xii)", "amber", "--note", "January board", "--by", "NH", "--as-of", "2019-01-31")
        XCTAssertEqual(january.status, 2)
        XCTAssertTrue(january.stderr.contains("--as-of"), january.stderr)
        XCTAssertTrue(
            january.stderr.contains("5(xii) was last rated on 2019-03-01")
                && january.stderr.contains("2019-01-31 given"), january.stderr)
        let future = try run("rate", plan, "5(xii)", "amber", "--note", "next year", "--as-of", "2999-01-01")
        XCTAssertEqual(future.status, 2)
        XCTAssertTrue(future.stderr.contains("2999-01-01 is after today"), future.stderr)
        XCTAssertEqual(try PlanStore.readFile(plan), saved, "nothing written")
        // The same day as the latest change is not before it.
        let sameDay = try run("rate", plan, "5(xii)", "amber", "--note", "later that day", "--as-of", "2019-03-01")
        XCTAssertEqual(sameDay.status, 0, sameDay.stderr)
    }

    func testRateRecordsTheUserFromEnvironmentElseTheLoginName() throws {
        var env = ProcessInfo.processInfo.environment
        env["ACTIONPLAN_USER"] = nil
        env["USER"] = "lead-from-env"
        XCTAssertEqual(
            try TestSupport.run(["rate", plan, "1a(i)", "amber", "--note", "a"], environment: env).status, 0)
        env["USER"] = nil
        XCTAssertEqual(try TestSupport.run(["rate", plan, "1a(i)", "red", "--note", "b"], environment: env).status, 0)
        env["ACTIONPLAN_USER"] = "BT"
        XCTAssertEqual(
            try TestSupport.run(["rate", plan, "1a(i)", "green", "--note", "c"], environment: env).status, 0)
        let login = String(cString: getpwuid(getuid())!.pointee.pw_name)
        let saved = try PlanStore.load(plan)
        let history = saved[saved.path(of: "1a(i)")!].history
        XCTAssertEqual(history.suffix(3).map(\.by), ["lead-from-env", login, "BT"])
    }

    func testBadInputExitsTwoWithAMessageAndWritesNothing() throws {
        let before = try PlanStore.readFile(plan)
        let cases: [([String], String)] = [
            (["rate", plan, "9(ix)", "G", "--note", "x"], "no action with ID \"9(ix)\""),
            (["rate", plan, "5(xii)", "purple", "--note", "x"], "\"purple\" is not a rating"),
            (["rate", plan, "5(xii)", "A", "--note", "  "], "a note explaining the rating change is required"),
            (
                ["rate", plan, "5(xii)", "A", "--note", "x", "--revised-date", "31/02/2019"],
                "not a day of the calendar"
            ),
            (["show", plan, "nope"], "no action with ID"),
            (["overdue", plan, "--as-of", "31/01/2019"], "expected YYYY-MM-DD"),
            (["overdue", dir + "/missing.json"], "missing.json: cannot open: No such file or directory"),
        ]
        for (args, fragment) in cases {
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertTrue(r.stderr.contains(fragment), "\(args): \(r.stderr)")
            XCTAssertTrue(r.stdout.isEmpty)
        }
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        let broken = dir + "/broken.json"
        try Data("{\n  \"schemaVersion\": 1,\n  \"title\": 7\n}\n".utf8).write(to: URL(fileURLWithPath: broken))
        let r = try run("summary", broken)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "actionplan: \(broken):3:12: at $.title: expected a string, found a number\n")
        let usage = try run("rate", plan, "5(xii)", "A")
        XCTAssertNotEqual(usage.status, 0)
        XCTAssertNotEqual(usage.status, 2, "usage mistakes keep ArgumentParser's status")
        XCTAssertTrue(usage.stderr.contains("--note"))
    }

    func testSummaryFormats() throws {
        let t = try run("summary", plan, "--as-of", "2019-01-31")
        XCTAssertTrue(
            t.stdout.contains("Total                                      0  51   6   0   0    28    0%"), t.stdout)
        let tsv = try run("summary", plan, "--format", "tsv", "--as-of", "2019-01-31")
        let rows = tsv.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 8)
        XCTAssertEqual(rows[7], "total\tAll themes\t57\t0\t51\t6\t0\t0\t28\t0")
        XCTAssertEqual(rows[5], "5\tStrengthening Planning for Children\t17\t0\t13\t4\t0\t0\t11\t0")
        let json = try run("summary", plan, "--format", "json", "--as-of", "2019-01-31")
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((obj["total"] as! [String: Any])["green"] as? Int, 51)
    }

    func testCheckExitsOneWithFindingsAndZeroWhenClean() throws {
        let r = try run("check", plan, "--as-of", "2019-01-31")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("2a(vi): unknown-lead: lead code TMc is not in the officers register"))
        XCTAssertTrue(
            r.stdout.contains(
                "57 problems: 1 duplicate-officer, 25 green-overdue, 24 uncovered-recommendation, 7 unknown-lead"),
            r.stdout)
        var clean = Plan(
            title: "Clean",
            themes: [
                Theme(
                    number: 1, title: "T",
                    groups: [
                        ActionGroup(
                            title: nil,
                            actions: [
                                Action(id: "1", text: "x", leads: ["BT"], deliveryDate: "March 2030", rating: .green)
                            ])
                    ])
            ])
        clean.officers = [Officer(code: "BT", name: "Ben Thomas", role: "Lead")]
        try PlanStore.save(clean, to: dir + "/clean.json")
        let ok = try run("check", dir + "/clean.json", "--as-of", "2019-01-31")
        XCTAssertEqual(ok.status, 0)
        XCTAssertEqual(ok.stdout, "\(dir)/clean.json: no problems found\n")
    }

    func testCheckReportsARatingItsLastHistoryEntryContradicts() throws {
        var p = try PlanStore.load(plan)
        let path = try XCTUnwrap(p.path(of: "5(xii)"))
        p[path].rating = .green
        p[path].history.append(
            RatingChange(date: TestSupport.day("2019-01-20"), from: .amber, to: .red, by: "BJ", note: "Escalated"))
        try PlanStore.save(p, to: dir + "/contradicts.json")
        let r = try run("check", dir + "/contradicts.json", "--as-of", "2019-01-31")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.stdout.contains(
                "5(xii): history-disagrees: rated Green but its last history entry (2019-01-20, BJ) changes it to Red"),
            r.stdout)
    }

    func testImportDryRunRefusesToOverwriteAndForce() throws {
        let source = TestSupport.fixture("barnet-2018-19-plan.txt")
        let dry = try run("import", source, "--dry-run")
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("6 themes, 57 actions (15, 8, 7, 4, 17, 6)"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("0 Blue, 51 Green, 6 Amber, 0 Red, 0 unrated"))
        XCTAssertTrue(dry.stdout.contains("27 named officers"))
        XCTAssertTrue(dry.stdout.contains("12 repairs"))
        XCTAssertTrue(dry.stdout.contains(":line 203: warning: action 2a(vi): lead code TMc"))
        let before = try PlanStore.readFile(plan)
        let refused = try run("import", source, "--output", plan)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("already exists"))
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        let out = dir + "/new.json"
        XCTAssertEqual(try run("import", source, "--output", out).status, 0)
        XCTAssertEqual(try PlanStore.readFile(out), try PlanStore.readFile(TestSupport.samplePlanPath))
        XCTAssertEqual(try run("import", source, "--output", plan, "--force", "--title", "Renamed").status, 0)
        XCTAssertEqual(try PlanStore.load(plan).title, "Renamed")
        let missing = try run("import", dir + "/nope.txt", "--output", dir + "/x.json")
        XCTAssertEqual(missing.status, 2)
        XCTAssertFalse(PlanStore.exists(dir + "/x.json"))
    }

    func testTableOutputEscapesControlCharactersFromThePlan() throws {
        var p = try PlanStore.load(plan)
        try p.editAction(id: "1a(i)", text: "Evil \u{1B}]0;pwned\u{07} \u{1B}]52;c;SGVsbG8=\u{07} text")
        try PlanStore.save(p, to: plan)
        let r = try run("list", plan, "--theme", "1")
        XCTAssertFalse(r.stdout.contains("\u{1B}"))
        XCTAssertFalse(r.stdout.contains("\u{07}"))
        XCTAssertTrue(r.stdout.contains("Evil ^[]0;pwned^G"), r.stdout)
        let s = try run("show", plan, "1a(i)")
        XCTAssertFalse(s.stdout.contains("\u{1B}"))
    }
}
