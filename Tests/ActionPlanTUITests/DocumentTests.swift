import ActionPlanCore
import ActionPlanTUI
import XCTest

/// The document model on its own (no files): undo and redo patch the plan as it is now, and the base moves
/// only with saves, reloads and restores.
final class DocumentTests: XCTestCase {
    private let day = TUIFixtures.asOf

    private func rated(_ p: Plan, _ id: String, _ r: Rating, _ note: String, by: String = "me") throws -> Plan {
        var q = p
        try q.rate(id: id, to: r, note: note, by: by, on: day)
        return q
    }

    private func rating(_ p: Plan, _ id: String) -> Rating? { p[p.path(of: id)!].rating }

    func testUndoWithNothingSinceRestoresThePlanBeforeExactly() throws {
        let start = TUIFixtures.small()
        var d = Document(plan: start, fingerprint: 1)
        d.edit(try rated(start, "1a(i)", .red, "mine"), label: "rate", change: .unknown)
        XCTAssertTrue(d.isModified)
        guard case .done = d.undo() else { return XCTFail() }
        XCTAssertEqual(d.plan, start)
        XCTAssertFalse(d.isModified, "back to the saved plan")
        guard case .done = d.redo() else { return XCTFail() }
        XCTAssertEqual(rating(d.plan, "1a(i)"), .red)
    }

    func testUndoAfterAMergedSaveRevertsOnlyTheEdit() throws {
        let start = TUIFixtures.small()
        var d = Document(plan: start, fingerprint: 1)
        let mine = try rated(start, "1a(i)", .red, "mine")
        d.edit(mine, label: "rate 1a(i)", change: .unknown)
        // The save merged another lead's change in.
        let merged = try rated(mine, "2(ii)", .amber, "theirs", by: "other")
        d.saved(merged, fingerprint: 2)
        XCTAssertFalse(d.isModified)
        guard case .done = d.undo() else { return XCTFail() }
        XCTAssertEqual(rating(d.plan, "1a(i)"), .green, "mine taken back")
        XCTAssertEqual(rating(d.plan, "2(ii)"), .amber, "theirs kept")
        XCTAssertEqual(d.plan[d.plan.path(of: "2(ii)")!].history.last?.note, "theirs")
        XCTAssertTrue(d.isModified)
        XCTAssertEqual(d.base, merged, "the base stays what the file holds")
    }

    func testUndoIsRefusedWhenTheSameFieldChangedSinceAndNothingMoves() throws {
        let start = TUIFixtures.small()
        var d = Document(plan: start, fingerprint: 1)
        let mine = try rated(start, "1a(i)", .red, "mine")
        d.edit(mine, label: "rate 1a(i) Red", change: .unknown)
        d.saved(try rated(mine, "1a(i)", .blue, "theirs", by: "other"), fingerprint: 2)
        let before = d.plan
        guard case .refused(let label, let conflicts) = d.undo() else { return XCTFail("expected a refusal") }
        XCTAssertEqual(label, "rate 1a(i) Red")
        XCTAssertEqual(
            conflicts.map { [$0.key.description, $0.ours, $0.theirs] }, [["action 1a(i) rating", "Blue", "Green"]])
        XCTAssertEqual(d.plan, before)
        XCTAssertEqual(d.undoStack.count, 1, "still there to undo once the clash is gone")
    }

    func testUndoingAReloadBringsBackTheDiscardedEditsOnTheirOldBase() throws {
        let start = TUIFixtures.small()
        var d = Document(plan: start, fingerprint: 1)
        let mine = try rated(start, "1a(i)", .red, "mine")
        d.edit(mine, label: "rate", change: .unknown)
        let disk = try rated(start, "1a(i)", .blue, "theirs", by: "other")
        d.replace(plan: disk, base: disk, fingerprint: 3, saved: true, label: "reload from disk")
        XCTAssertFalse(d.isModified)
        guard case .done = d.undo() else { return XCTFail() }
        XCTAssertEqual(d.plan, mine)
        XCTAssertEqual(d.base, start, "the old base: saving merges with the file and shows the clash")
        XCTAssertEqual(d.baseFingerprint, 1)
        XCTAssertTrue(d.isModified)
    }

    func testUndoingARestoreAfterItWasSavedTakesTheRestoredEditsOutAndIsUnsaved() throws {
        // Found by the model test: the undo once put the old base back too, so the screen said "saved" while
        // the file still held the restored edits.
        let disk = TUIFixtures.small()
        var d = Document(plan: disk, fingerprint: 1)
        let restored = try rated(disk, "1a(i)", .red, "recovered")
        d.replace(plan: restored, base: disk, fingerprint: 1, saved: false, label: "restore unsaved changes")
        d.saved(restored, fingerprint: 2)
        guard case .done = d.undo() else { return XCTFail() }
        XCTAssertEqual(rating(d.plan, "1a(i)"), .green)
        XCTAssertFalse(d.plan[d.plan.path(of: "1a(i)")!].history.contains { $0.note == "recovered" })
        XCTAssertEqual(d.base, restored, "the file holds the restored edits")
        XCTAssertTrue(d.isModified, "so taking them out is an unsaved change")
    }
}
