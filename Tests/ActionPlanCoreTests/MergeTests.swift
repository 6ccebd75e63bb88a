import ActionPlanSynthetic
import Foundation
import XCTest

@testable import ActionPlanCore

/// The three-way merge rules of docs/concurrency.md, one rule per test.
final class MergeTests: XCTestCase {
    private func day(_ s: String) -> CalendarDay { TestSupport.day(s) }

    func testChangesToDifferentActionsBothSurvive() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        try ours.rate(id: "2(iii)", to: .red, note: "slipping", by: "DS", on: day("2019-02-01"))
        try theirs.rate(id: "5(xii)", to: .blue, note: "done", by: "NH", on: day("2019-02-02"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [])
        XCTAssertEqual(m.plan[m.plan.path(of: "2(iii)")!], ours[ours.path(of: "2(iii)")!])
        XCTAssertEqual(m.plan[m.plan.path(of: "5(xii)")!], theirs[theirs.path(of: "5(xii)")!])
        XCTAssertEqual(m.plan.allActions.map(\.id), base.allActions.map(\.id), "order and membership unchanged")
    }

    func testChangesToDifferentFieldsOfOneActionBothSurvive() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        try ours.editAction(id: "1a(ii)", text: "Rewritten by the lead")
        try theirs.editAction(id: "1a(ii)", leads: ["CM", "BT"])
        try theirs.addNote(id: "1a(ii)", text: "Workshop held", by: "CM", on: day("2019-01-20"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [])
        let a = m.plan[m.plan.path(of: "1a(ii)")!]
        XCTAssertEqual(a.text, "Rewritten by the lead")
        XCTAssertEqual(a.leads, ["CM", "BT"])
        XCTAssertEqual(a.notes.last?.text, "Workshop held")
    }

    func testHistoryAppendedOnBothSidesSurvivesInTimeOrder() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        // Ours is later in time but merged first: the result is still in date order.
        try ours.rate(id: "3a(i)", to: .amber, note: "ours, 12 Feb", by: "SM", on: day("2019-02-12"))
        try ours.addNote(id: "3a(i)", text: "ours note", by: "SM", on: day("2019-02-12"))
        try theirs.rate(id: "3a(i)", to: .amber, note: "theirs, 10 Feb", by: "BT", on: day("2019-02-10"))
        try theirs.reviseDate(id: "3a(i)", to: "June 2019", reason: "board", by: "BT", on: day("2019-02-10"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [], "same new rating on both sides is no conflict")
        let a = m.plan[m.plan.path(of: "3a(i)")!]
        let baseCount = base[base.path(of: "3a(i)")!].history.count
        XCTAssertEqual(a.history.count, baseCount + 2)
        XCTAssertEqual(a.history.suffix(2).map(\.note), ["theirs, 10 Feb", "ours, 12 Feb"])
        XCTAssertEqual(a.history.map(\.date), a.history.map(\.date).sorted())
        XCTAssertEqual(a.notes.last?.text, "ours note")
        XCTAssertEqual(a.revisions.last?.date, "June 2019")
        XCTAssertEqual(a.deadline, day("2019-06-30"), "derived deadline follows the merged revisions")
        XCTAssertEqual(a.rating, .amber)
    }

    func testTwoNewValuesForOneFieldAreAConflictWithBothValuesAndAChoiceSettlesIt() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        let id = "5(xii)"
        let was = base[base.path(of: id)!].rating
        try ours.rate(id: id, to: .red, note: "ours", by: "NH", on: day("2019-02-01"))
        try theirs.rate(id: id, to: .blue, note: "theirs", by: "BJ", on: day("2019-02-03"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts.count, 1)
        let c = m.conflicts[0]
        XCTAssertEqual(c.actionID, id)
        XCTAssertEqual(c.field, "rating")
        XCTAssertEqual(c.ours, "Red")
        XCTAssertEqual(c.theirs, "Blue")
        XCTAssertEqual(c.base, was?.name ?? "unrated")
        XCTAssertEqual(c.description, "action 5(xii) rating: ours \"Red\", theirs \"Blue\" (was \"\(c.base!)\")")
        XCTAssertEqual(m.plan[m.plan.path(of: id)!].rating, .red, "unsettled: ours kept, never decided silently")
        XCTAssertEqual(
            m.plan[m.plan.path(of: id)!].history.suffix(2).map(\.note), ["ours", "theirs"], "both entries kept")

        let settled = PlanMerge.merge(base: base, ours: ours, theirs: theirs, choices: [c.key: .theirs])
        XCTAssertEqual(settled.conflicts, [])
        XCTAssertEqual(settled.plan[settled.plan.path(of: id)!].rating, .blue)
    }

    func testKeepingMineInARatingClashLeavesTheHistoryEndingAtTheRatingKept() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        let id = "5(xii)"
        try ours.rate(id: id, to: .green, note: "Back on track", by: "NH", on: day("2019-02-01"))
        try theirs.rate(id: id, to: .red, note: "Escalated", by: "BJ", on: day("2019-02-03"))
        let key = try XCTUnwrap(PlanMerge.merge(base: base, ours: ours, theirs: theirs).conflicts.first?.key)
        for side in [MergeSide.ours, .theirs] {
            let m = PlanMerge.merge(
                base: base, ours: ours, theirs: theirs, choices: [key: side], recordingChoices: true)
            let a = m.plan[m.plan.path(of: id)!]
            XCTAssertEqual(a.rating, side == .ours ? .green : .red)
            XCTAssertEqual(a.history.last?.to, a.rating, "the history ends at the rating kept (\(side))")
            XCTAssertEqual(PlanCheck.run(m.plan, asOf: day("2019-02-03")).filter { $0.rule == "history-disagrees" }, [])
        }
        let plain = PlanMerge.merge(base: base, ours: ours, theirs: theirs, choices: [key: .ours])
        XCTAssertEqual(plain.plan[plain.plan.path(of: id)!].history.last?.note, "Escalated", "only a save records it")
        let mine = PlanMerge.merge(
            base: base, ours: ours, theirs: theirs, choices: [key: .ours], recordingChoices: true)
        let last = try XCTUnwrap(mine.plan[mine.plan.path(of: id)!].history.last)
        XCTAssertEqual(last.from, .red)
        XCTAssertEqual(last.by, "NH")
        XCTAssertEqual(last.date, day("2019-02-03"))
        XCTAssertEqual(last.note, "Back on track (kept over the change to Red by BJ saved meanwhile)")
    }

    func testTextConflictAndIdenticalChangesOnBothSides() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        try ours.editAction(id: "4(i)", text: "Ours")
        try theirs.editAction(id: "4(i)", text: "Theirs")
        try ours.editAction(id: "4(ii)", deliveryDate: "July 2019")
        try theirs.editAction(id: "4(ii)", deliveryDate: "July 2019")
        ours.title = "New title"
        theirs.title = "New title"
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts.map(\.key.description), ["action 4(i) text"])
        XCTAssertEqual(m.plan.title, "New title")
        XCTAssertEqual(m.plan[m.plan.path(of: "4(ii)")!].deliveryDate, "July 2019")
    }

    func testActionsAddedOnEitherSideSurviveInPlace() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        let g = base.path(of: "3c(ii)")!
        try ours.addAction(
            Action(id: "3c(v)", text: "Ours added", deliveryDate: "May 2019"), theme: g.theme, group: g.group)
        try theirs.addAction(
            Action(id: "3c(vi)", text: "Theirs added", deliveryDate: "June 2019"), theme: g.theme, group: g.group)
        // Theirs also inserts one at the start of the group.
        theirs.themes[g.theme].groups[g.group].actions.insert(Action(id: "3c(0)", text: "First"), at: 0)
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [])
        let ids = m.plan.themes[g.theme].groups[g.group].actions.map(\.id)
        XCTAssertEqual(ids.first, "3c(0)")
        XCTAssertEqual(Array(ids.suffix(2)), ["3c(v)", "3c(vi)"])
        XCTAssertEqual(m.plan.allActions.count, base.allActions.count + 3)
    }

    func testDeletionWinsOverNoChangeAndClashesWithAChange() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        try theirs.deleteAction(id: "6(i)")
        try theirs.deleteAction(id: "6(ii)")
        try ours.rate(id: "6(ii)", to: .red, note: "still needed", by: "DS", on: day("2019-02-01"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertNil(m.plan.path(of: "6(i)"), "deleted there, untouched here: deleted")
        XCTAssertEqual(m.conflicts.count, 1)
        XCTAssertEqual(m.conflicts[0].key, MergeConflict.Key(scope: .action("6(ii)"), field: "action"))
        XCTAssertEqual(m.conflicts[0].ours, "changed: rating, history")
        XCTAssertEqual(m.conflicts[0].theirs, "deleted")
        XCTAssertNotNil(m.plan.path(of: "6(ii)"), "ours kept until someone chooses")
        let settled = PlanMerge.merge(base: base, ours: ours, theirs: theirs, choices: [m.conflicts[0].key: .theirs])
        XCTAssertNil(settled.plan.path(of: "6(ii)"))
    }

    func testMovedActionFollowsTheMoveAndEditsStillApply() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        let from = base.path(of: "2(v)")!
        let moved = try theirs.deleteAction(id: "2(v)")
        try theirs.addAction(moved, theme: 4, group: 0)
        try ours.rate(id: "2(v)", to: .amber, note: "moved or not", by: "SL", on: day("2019-02-01"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [])
        let p = m.plan.path(of: "2(v)")!
        XCTAssertNotEqual(p.theme, from.theme)
        XCTAssertEqual(m.plan.themes[p.theme].number, base.themes[4].number)
        XCTAssertEqual(m.plan[p].rating, .amber)
    }

    func testHeaderThemeAndSnapshotMerge() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        ours.period = "2018-2020"
        theirs.version = "Revised February 2019"
        ours.themes[0].title = "Ours theme title"
        theirs.themes[0].leads = ["Someone else"]
        try ours.takeSnapshot(label: "January board", asOf: day("2019-01-31"))
        try theirs.takeSnapshot(label: "December board", asOf: day("2018-12-20"))
        theirs.officers.append(Officer(code: "ZZ", name: "New Officer", role: "Head"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [])
        XCTAssertEqual(m.plan.period, "2018-2020")
        XCTAssertEqual(m.plan.version, "Revised February 2019")
        XCTAssertEqual(m.plan.themes[0].title, "Ours theme title")
        XCTAssertEqual(m.plan.themes[0].leads, ["Someone else"])
        XCTAssertEqual(m.plan.snapshots.map(\.label), ["December board", "January board"], "by date")
        XCTAssertEqual(m.plan.officers.last?.code, "ZZ")

        var clash = base
        try clash.takeSnapshot(label: "January board", asOf: day("2019-01-15"))
        let c = PlanMerge.merge(base: base, ours: ours, theirs: clash)
        XCTAssertEqual(
            c.conflicts.map(\.key), [MergeConflict.Key(scope: .snapshot("January board"), field: "snapshot")])
    }

    func testWithoutACommonVersionEveryDifferenceIsAConflict() throws {
        let base = try TestSupport.samplePlan()
        var ours = base
        var theirs = base
        try ours.editAction(id: "1a(i)", text: "A")
        try theirs.editAction(id: "1a(i)", text: "B")
        try theirs.addAction(Action(id: "9(i)", text: "Only theirs"), theme: 0, group: 0)
        let m = PlanMerge.merge(base: nil, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts.map(\.key.description), ["action 1a(i) text"])
        XCTAssertNil(m.conflicts[0].base)
        XCTAssertNotNil(m.plan.path(of: "9(i)"), "nothing is taken as deleted without a base")
    }

    func testDisjointRandomEditsOnALargePlanAllSurvive() throws {
        let base = SyntheticPlan.make(actions: 2000, seed: 7)
        var ours = base
        var theirs = base
        let ids = base.allActions.map(\.id)
        for (i, id) in ids.enumerated() where i % 3 != 2 {
            if i % 3 == 0 {
                try ours.rate(id: id, to: .red, note: "ours \(i)", by: "O", on: day("2019-03-01"))
            } else {
                try theirs.addNote(id: id, text: "theirs \(i)", by: "T", on: day("2019-03-02"))
            }
        }
        try theirs.rate(id: ids[2], to: .blue, note: "shared", by: "T", on: day("2019-03-03"))
        try ours.addNote(id: ids[2], text: "shared note", by: "O", on: day("2019-03-03"))
        let m = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(m.conflicts, [])
        XCTAssertEqual(m.plan.allActions.map(\.id), ids)
        for (i, a) in m.plan.allActions.enumerated() {
            if i % 3 == 0 { XCTAssertEqual(a.history.last?.note, "ours \(i)") }
            if i % 3 == 1 { XCTAssertEqual(a.notes.last?.text, "theirs \(i)") }
        }
        XCTAssertEqual(m.plan.allActions[2].rating, .blue)
        XCTAssertEqual(m.plan.allActions[2].notes.last?.text, "shared note")
        XCTAssertEqual(PlanMerge.merge(base: base, ours: theirs, theirs: ours).plan.allActions, m.plan.allActions)
    }

    func testConflictMarkersSurroundOnlyTheDifferingLines() {
        let ours = Array("a\nb\nrating: red\nc\nd\nx\n".utf8)
        let theirs = Array("a\nb\nrating: amber\nc\nd\n".utf8)
        let out = String(decoding: ConflictMarkers.render(ours: ours, theirs: theirs), as: UTF8.self)
        XCTAssertEqual(
            out,
            "a\nb\n<<<<<<< ours\nrating: red\n=======\nrating: amber\n>>>>>>> theirs\nc\nd\n<<<<<<< ours\nx\n"
                + "=======\n>>>>>>> theirs\n")
        XCTAssertEqual(ConflictMarkers.firstMarkerLine(in: Array(out.utf8)), 3)
        XCTAssertEqual(LineDiff.hunks([1, 2, 3], [1, 2, 3]), [])
        XCTAssertEqual(
            LineDiff.hunks([1, 2, 3, 4], [1, 5, 3, 4, 6]).map { [$0.a, $0.b] }, [[1..<2, 1..<2], [4..<4, 4..<5]])
        XCTAssertEqual(LineDiff.hunks(Array(0..<50), Array(50..<100), maxEdits: 10).count, 1, "coarse beyond the limit")
    }
}
