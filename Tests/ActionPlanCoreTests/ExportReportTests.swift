import Foundation
import XCTest

@testable import ActionPlanCore

/// The status report's numbers on the real Barnet plan, and movement between reporting cycles.
final class ExportReportTests: XCTestCase {
    private let asOf = TestSupport.day("2019-01-31")
    private let produced = TestSupport.day("2019-02-05")

    func testBarnetHeadlineAsOf31January2019MatchesHandComputedValues() throws {
        let r = try StatusReport.make(try TestSupport.samplePlan(), asOf: asOf, produced: produced)
        let c = r.headline.counts
        XCTAssertEqual([c.total, c.blue, c.green, c.amber, c.red, c.unrated], [57, 0, 51, 6, 0, 0])
        XCTAssertEqual(c.overdue, 28)
        XCTAssertEqual(r.headline.onTime, 29)
        XCTAssertEqual(r.headline.upToOneMonthLate, 3, "2a(viii), 3b(i), 4(iii) at 31 days")
        XCTAssertEqual(r.headline.moreThanOneMonthLate, 25)
        XCTAssertEqual(
            [c.blue, c.green, c.amber, c.red, c.unrated, c.overdue].map(r.headline.percent), [0, 89, 11, 0, 0, 49])
        XCTAssertEqual(r.headline.percent(r.headline.onTime), 51)
        XCTAssertEqual(r.themes.map(\.counts.total), [15, 8, 7, 4, 17, 6])
        XCTAssertEqual(r.themes.map(\.counts.overdue), [4, 4, 2, 4, 11, 3])
        XCTAssertEqual(r.themes.map(\.counts.amber), [1, 0, 0, 0, 4, 1])
        XCTAssertEqual(r.total.counts, c)
        XCTAssertNil(r.comparison)
        XCTAssertNil(r.movement)
        XCTAssertTrue(r.themes.allSatisfy { $0.change == nil })
        XCTAssertEqual(r.title, "Barnet Children's Services Improvement Action Plan September 2018-September 2019")
        XCTAssertEqual(r.asOf, asOf)
        XCTAssertEqual(r.produced, produced)
    }

    func testBarnetDaysLateOfEveryOverdueAction() throws {
        let r = try StatusReport.make(try TestSupport.samplePlan(), asOf: asOf, produced: produced)
        var late: [String: Int] = [:]
        for t in r.exceptions { for l in t.leads { for i in l.items { if let d = i.daysLate { late[i.id] = d } } } }
        var expected: [String: Int] = [
            "6(ii)": 457, "4(iv)": 365, "5(xxii)": 365, "1a(i)": 306, "3c(iv)": 306, "5(xiii)": 276, "5(xix)": 276,
            "1c(ii)": 123, "5(iii)": 92, "5(ix)": 92, "5(x)": 92, "6(i)": 92,
            "2a(viii)": 31, "3b(i)": 31, "4(iii)": 31,
        ]
        let at62 = late.filter { $0.value == 62 }.map(\.key)
        XCTAssertEqual(at62.count, 13, "thirteen actions due 30 November 2018")
        for id in at62 { expected[id] = 62 }
        XCTAssertEqual(late, expected)
        // Every overdue action is an exception, and so is every Amber one.
        XCTAssertEqual(r.exceptionCount, 31, "28 overdue + 3 Amber not overdue (1c(v), 5(xii), 5(xxi))")
        let overdueIDs = Set(ActionFilter.overdue(in: try TestSupport.samplePlan(), asOf: asOf).map(\.action.id))
        XCTAssertEqual(Set(late.keys), overdueIDs)
    }

    func testExceptionsGroupedByThemeThenLeadWithReasons() throws {
        let r = try StatusReport.make(try TestSupport.samplePlan(), asOf: asOf, produced: produced)
        XCTAssertEqual(r.exceptions.map(\.number), [1, 2, 3, 4, 5, 6])
        let t1 = r.exceptions[0]
        XCTAssertEqual(
            t1.leads.map(\.lead), ["Cath Shaw", "Chris Munday", "John Hooton", "Nicola Roberts", "Yogita Popat"])
        let t2 = r.exceptions[1]
        XCTAssertTrue(t2.leads.contains { $0.lead == "Brigitte Jordaan, Tina McElligott" }, "joint leads stay together")
        func item(_ id: String) -> StatusReport.ExceptionItem? {
            r.exceptions.flatMap { $0.leads.flatMap(\.items) }.first { $0.id == id }
        }
        XCTAssertEqual(item("1a(i)")?.reasons, [.greenButOverdue])
        XCTAssertEqual(item("6(ii)")?.reasons, [.amber, .overdue])
        XCTAssertEqual(item("1c(v)")?.reasons, [.amber])
        XCTAssertNil(item("1c(v)")?.daysLate)
        XCTAssertEqual(item("6(ii)")?.originalDelivery, "October 2017")
        XCTAssertEqual(item("6(ii)")?.originalDeadline, TestSupport.day("2017-10-31"))
        XCTAssertNil(item("6(ii)")?.revisedDelivery)
        XCTAssertEqual(item("6(ii)")?.leadNames, ["Donna Swanberg"])
        XCTAssertNil(item("1a(iii)"), "on track and not due is not an exception")
    }

    func testLatenessBucketsAndPercentRounding() {
        XCTAssertEqual(StatusReport.Lateness.of(daysOverdue: nil), .onTime)
        XCTAssertEqual(StatusReport.Lateness.of(daysOverdue: 1), .upToOneMonth)
        XCTAssertEqual(StatusReport.Lateness.of(daysOverdue: 31), .upToOneMonth)
        XCTAssertEqual(StatusReport.Lateness.of(daysOverdue: 32), .moreThanOneMonth)
        XCTAssertEqual(StatusReport.percent(1, of: 8), 13, "12.5 rounds half up")
        XCTAssertEqual(StatusReport.percent(51, of: 57), 89)
        XCTAssertEqual(StatusReport.percent(0, of: 0), 0)
    }

    /// Barnet with a November snapshot and changes recorded in January.
    private func planWithMovement() throws -> Plan {
        var p = try TestSupport.samplePlan()
        try p.takeSnapshot(label: "November 2018 committee", asOf: TestSupport.day("2018-11-15"))
        try p.rate(
            id: "5(xii)", to: .red, note: "Provider withdrew", by: "NH", on: TestSupport.day("2019-01-10"),
            revisedDate: "June 2019")
        try p.rate(id: "1c(v)", to: .green, note: "Back on track", by: "CS", on: TestSupport.day("2019-01-12"))
        try p.rate(id: "2(i)", to: .blue, note: "Delivered", by: "DS", on: TestSupport.day("2019-01-20"))
        try p.rate(id: "1a(iii)", to: .blue, note: "Done early", by: "BT", on: TestSupport.day("2019-01-21"))
        try p.addNote(id: "3a(i)", text: "MASH review under way", by: "SM", on: TestSupport.day("2019-01-15"))
        try p.deleteAction(id: "6(vi)")
        let t6 = p.themes.firstIndex { $0.number == 6 }!
        try p.addAction(
            Action(
                id: "6(vii)", text: "Introduce a new participation forum", leads: ["BT"], deliveryDate: "June 2019",
                rating: .green), theme: t6, group: 0)
        return p
    }

    func testMovementSinceTheLatestSnapshot() throws {
        let r = try StatusReport.make(try planWithMovement(), asOf: asOf, produced: produced)
        XCTAssertEqual(r.comparison?.label, "November 2018 committee")
        XCTAssertEqual(r.comparison?.date, TestSupport.day("2018-11-15"))
        let m = try XCTUnwrap(r.movement)
        XCTAssertEqual(m.added.map(\.id), ["6(vii)"])
        XCTAssertEqual(m.removed.map(\.id), ["6(vi)"])
        XCTAssertEqual(m.removed.first?.before, .green)
        XCTAssertEqual(m.completed.map(\.id), ["1a(iii)", "2(i)"])
        XCTAssertEqual(m.completed.map(\.daysLate), [nil, 51], "2(i) due 30 Nov 2018, Blue on 20 Jan 2019")
        XCTAssertEqual(m.completed.map(\.date), [TestSupport.day("2019-01-21"), TestSupport.day("2019-01-20")])
        XCTAssertEqual(m.ratingUp.map(\.id), ["1c(v)"])
        XCTAssertEqual(m.ratingUp.first.map { [$0.before, $0.after] }, [.amber, .green])
        XCTAssertEqual(m.ratingDown.map(\.id), ["5(xii)"])
        XCTAssertEqual(m.ratingDown.first?.note, "Provider withdrew")
        XCTAssertTrue(m.ratingSetOrCleared.isEmpty)
        XCTAssertEqual(m.deadlinesRevised.map(\.id), ["5(xii)"])
        XCTAssertEqual(m.deadlinesRevised.first?.deadlineBefore, TestSupport.day("2019-02-28"))
        XCTAssertEqual(m.deadlinesRevised.first?.deadlineAfter, TestSupport.day("2019-06-30"))
        // 56 actions in both; 2 are Blue; 5(xii), 1c(v) and 3a(i) were updated.
        XCTAssertEqual(m.notUpdated.count, 51)
        XCTAssertFalse(
            m.notUpdated.contains { ["5(xii)", "1c(v)", "3a(i)", "2(i)", "1a(iii)", "6(vii)"].contains($0.id) })
        XCTAssertEqual(r.themes.map { $0.change?.direction }, [.up, .up, .same, .same, .down, .same])
        XCTAssertEqual(r.themes[0].change?.text, "▲ Up (2 up, 0 down; B+1 A−1)")
        XCTAssertEqual(r.themes[4].change?.text, "▼ Down (0 up, 1 down; A−1 R+1)")
        XCTAssertEqual(r.total.change?.direction, .up)
        XCTAssertEqual(r.total.change?.countsText, "B+2 G−1 A−2 R+1")
        XCTAssertEqual(r.headline.counts.blue, 2)
        XCTAssertEqual(r.headline.counts.red, 1)
    }

    func testReportAsOfAnEarlierDayLeavesOutLaterChanges() throws {
        let p = try planWithMovement()
        let early = try StatusReport.make(p, asOf: TestSupport.day("2019-01-05"), produced: produced)
        let a = early.plan[early.plan.path(of: "5(xii)")!]
        XCTAssertEqual(a.rating, .amber, "the change on 10 January is after the report's day")
        XCTAssertEqual(a.deadline, TestSupport.day("2019-02-28"), "so is the date revision")
        XCTAssertTrue(a.history.isEmpty)
        XCTAssertEqual(early.movement?.ratingDown.count, 0)
        XCTAssertEqual(early.movement?.completed.count, 0)
        let mid = try StatusReport.make(p, asOf: TestSupport.day("2019-01-11"), produced: produced)
        XCTAssertEqual(mid.movement?.ratingDown.map(\.id), ["5(xii)"])
        XCTAssertEqual(mid.movement?.ratingUp.map(\.id), [])
        XCTAssertEqual(mid.plan[mid.plan.path(of: "2(i)")!].rating, .green)
    }

    func testComparisonSnapshotChoiceAndErrors() throws {
        var p = try TestSupport.samplePlan()
        try p.takeSnapshot(label: "September 2018 board", asOf: TestSupport.day("2018-09-20"))
        try p.takeSnapshot(label: "November 2018 committee", asOf: TestSupport.day("2018-11-15"))
        XCTAssertEqual(p.latestSnapshot(before: asOf)?.label, "November 2018 committee")
        XCTAssertEqual(
            p.latestSnapshot(before: TestSupport.day("2018-11-15"))?.label, "September 2018 board",
            "a report on the snapshot's own day compares with the cycle before")
        let since = try StatusReport.make(p, asOf: asOf, produced: produced, since: "September 2018 board")
        XCTAssertEqual(since.comparison?.label, "September 2018 board")
        XCTAssertThrowsError(try StatusReport.make(p, asOf: asOf, produced: produced, since: "March 2019")) { e in
            let e = e as? PlanError
            XCTAssertEqual(e?.path, "--since")
            XCTAssertTrue(e?.message.contains("\"September 2018 board\", \"November 2018 committee\"") ?? false)
        }
        XCTAssertThrowsError(
            try StatusReport.make(
                p, asOf: TestSupport.day("2018-10-01"), produced: produced, since: "November 2018 committee")
        ) { e in XCTAssertEqual((e as? PlanError)?.path, "--since") }
    }

    func testSnapshotsAreFrozenUniqueOrderedAndSaved() throws {
        var p = try TestSupport.samplePlan()
        let s = try p.takeSnapshot(label: "  November   2018 committee ", asOf: TestSupport.day("2018-11-15"))
        XCTAssertEqual(s.label, "November 2018 committee")
        XCTAssertEqual(s.actions.count, 57)
        XCTAssertEqual(s.actions.first?.id, "1a(i)")
        XCTAssertEqual(s.actions.first?.deadline, TestSupport.day("2018-03-31"))
        XCTAssertEqual(s.actions.filter { $0.rating == .amber }.count, 6)
        XCTAssertThrowsError(try p.takeSnapshot(label: "November 2018 committee", asOf: asOf)) { e in
            XCTAssertEqual((e as? PlanError)?.path, "--label")
        }
        XCTAssertThrowsError(try p.takeSnapshot(label: "  ", asOf: asOf)) { e in
            XCTAssertEqual((e as? PlanError)?.path, "--label")
        }
        try p.takeSnapshot(label: "September 2018 board", asOf: TestSupport.day("2018-09-20"))
        XCTAssertEqual(p.snapshots.map(\.label), ["September 2018 board", "November 2018 committee"], "oldest first")
        try p.rate(id: "5(i)", to: .red, note: "Stalled", by: "BJ", on: asOf)
        let frozen = p.snapshot(labelled: "November 2018 committee")!
        XCTAssertEqual(frozen.actions.first { $0.id == "5(i)" }?.rating, .amber, "later edits do not change a snapshot")
        let decoded = try PlanCodec.decode(PlanCodec.encode(p), file: "mem")
        XCTAssertEqual(decoded.snapshots, p.snapshots)
        let listing = SnapshotListing.render(p, format: .tsv)
        XCTAssertEqual(
            listing,
            "label\tdate\tactions\tblue\tgreen\tamber\tred\tunrated\n"
                + "September 2018 board\t2018-09-20\t57\t0\t51\t6\t0\t0\n"
                + "November 2018 committee\t2018-11-15\t57\t0\t51\t6\t0\t0\n")
    }

    func testJSONReportCarriesTheSameNumbersAndIsDeterministic() throws {
        let p = try planWithMovement()
        let r = try StatusReport.make(p, asOf: asOf, produced: produced)
        let bytes = ReportJSON.render(r)
        XCTAssertEqual(bytes, ReportJSON.render(try StatusReport.make(p, asOf: asOf, produced: produced)))
        let obj = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        XCTAssertEqual(obj["asOf"] as? String, "2019-01-31")
        XCTAssertEqual(obj["produced"] as? String, "2019-02-05")
        XCTAssertEqual((obj["comparison"] as? [String: Any])?["label"] as? String, "November 2018 committee")
        let h = obj["headline"] as! [String: Any]
        XCTAssertEqual(h["total"] as? Int, 57)
        XCTAssertEqual((h["overdue"] as? [String: Any])?["count"] as? Int, r.headline.counts.overdue)
        XCTAssertEqual((h["blue"] as? [String: Any])?["count"] as? Int, 2)
        let themes = obj["themes"] as! [[String: Any]]
        XCTAssertEqual(themes.map { $0["number"] as? Int }, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual((themes[4]["change"] as? [String: Any])?["direction"] as? String, "down")
        let m = obj["movement"] as! [String: Any]
        XCTAssertEqual(
            Set(m.keys),
            [
                "new", "removed", "completed", "ratingUp", "ratingDown", "ratingSetOrCleared", "deadlinesRevised",
                "notUpdated",
            ])
        XCTAssertEqual((m["completed"] as? [[String: Any]])?.last?["daysLate"] as? Int, 51)
        XCTAssertEqual((obj["exceptions"] as? [Any])?.count, r.exceptionCount)
        let plain = try JSONSerialization.jsonObject(
            with: Data(
                ReportJSON.render(try StatusReport.make(try TestSupport.samplePlan(), asOf: asOf, produced: produced))))
        XCTAssertTrue((plain as! [String: Any])["movement"] is NSNull)
    }
}
