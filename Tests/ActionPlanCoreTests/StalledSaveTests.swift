import ActionPlanSynthetic
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// Saves that stall, race programs that ignore the lock, or fail late: none overwrites a later save, none
/// loses a change written meanwhile, and none pushes a real backup out.
final class StalledSaveTests: SamplePlanTestCase {
    private func note(_ plan: Plan, _ id: String) -> [String] { plan[plan.path(of: id)!].notes.map(\.text) }

    private func history(_ plan: Plan, _ id: String) -> [String] { plan[plan.path(of: id)!].history.map(\.note) }

    /// Waits until a temporary file of a save appears beside `plan`, polling fast; false after `timeout`.
    private func waitForTemporaryFile(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if PlanStore.names(in: dir).contains(where: { $0.hasPrefix(".plan.json.tmp-") }) { return true }
            usleep(200)
        }
        return false
    }

    func testAWriterFrozenMidSaveNeverOverwritesALaterSave() throws {
        // Big enough that writing and flushing the new version takes a while.
        let big = SyntheticPlan.make(actions: 30_000, seed: 7)
        try PlanStore.save(big, to: plan)
        let ids = big.allActions.prefix(2).map(\.id)
        var env = ProcessInfo.processInfo.environment
        env["ACTIONPLAN_LOCK_STALE"] = "1"
        env["ACTIONPLAN_LOCK_TIMEOUT"] = "3"
        var frozeMidWrite = false
        var first: ChildProcess!
        for _ in 0..<5 {  // catch it while it writes; retry if it finished too fast
            try PlanStore.save(big, to: plan)
            first = try ChildProcess(
                TestSupport.binary, ["rate", plan, ids[0], "red", "--note", "frozen one", "--as-of", "2019-03-01"],
                environment: env)
            if waitForTemporaryFile(timeout: 60) {
                first.send(SIGSTOP)
                frozeMidWrite = PlanStore.names(in: dir).contains { $0.hasPrefix(".plan.json.tmp-") }
            }
            if frozeMidWrite { break }
            first.send(SIGCONT)
            first.wait(timeout: 60)
        }
        XCTAssertTrue(frozeMidWrite, "the first save was frozen while writing its new version")
        // Longer than the stale age: another lead saves meanwhile.
        sleep(2)
        let second = try TestSupport.run(
            TestSupport.binary, ["rate", plan, ids[1], "green", "--note", "later one", "--as-of", "2019-03-02"],
            environment: env, timeout: 60)
        first.send(SIGCONT)
        let firstOutcome = first.wait(timeout: 120)

        let after = try PlanStore.load(plan)
        // Nothing lost silently: whoever was told "saved" has their change in the file.
        if firstOutcome.status == 0 { XCTAssertEqual(history(after, ids[0]).last, "frozen one") }
        if second.status == 0 { XCTAssertEqual(history(after, ids[1]).last, "later one", "overwritten by a late save") }
        // What happens on one machine: the frozen holder keeps its lock, so the second waits and names it.
        XCTAssertEqual(firstOutcome.status, 0, firstOutcome.stderr)
        XCTAssertEqual(second.status, 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("still running on this machine, stopped (Ctrl-Z?)"), second.stderr)
    }

    func testAWriteThatIgnoresTheLockJustBeforeTheRenameIsMergedNotOverwritten() throws {
        var options = PlanStore.SaveOptions()
        let plan = self.plan
        let sneaked = ErrorBox()
        let stages = StageLog()
        options.stage = { stage in
            stages.add(stage)
            guard case .readyToRename = stage, sneaked.all.isEmpty else { return }
            sneaked.add(PlanError(.invalidValue, message: "once"))
            // A sync client or an editor writes the file without the lock, after the new version was written.
            do {
                var other = try PlanStore.load(plan)
                try other.addNote(id: "2(iii)", text: "written by hand", by: "X", on: TestSupport.day("2019-02-01"))
                try PlanStore.save(other, to: plan)
            } catch { XCTFail("\(error)") }
        }
        try PlanStore.update(plan, options: options) { p in
            try p.addNote(id: "1a(i)", text: "ours", by: "O", on: TestSupport.day("2019-02-02"))
        }
        let after = try PlanStore.load(plan)
        XCTAssertEqual(note(after, "2(iii)").last, "written by hand", "the write made meanwhile survives")
        XCTAssertEqual(note(after, "1a(i)").last, "ours")
        XCTAssertTrue(stages.changedMeanwhile, "noticed right before the rename, and merged")
    }

    func testASaveWhoseLockIsTakenOverJustBeforeTheRenameWritesNothingAndKeepsTheBackups() throws {
        // Three saves make three backups.
        for n in 1...3 {
            try PlanStore.update(plan) {
                try $0.addNote(id: "1a(i)", text: "save \(n)", by: "O", on: TestSupport.day("2019-02-01"))
            }
        }
        let backupsBefore = try PlanBackups.list(for: plan).map { try PlanStore.readFile($0.path) }
        let before = try PlanStore.readFile(plan)
        var options = PlanStore.SaveOptions()
        let owner = PlanLock.paths(for: plan).owner
        options.stage = { stage in
            guard case .readyToRename = stage else { return }
            // Frozen past the stale age on a share: another machine took the lock over.
            let other = LockOwner(host: "other-host.example", pid: 77, start: nil, time: LockClock.wall())
            try? PlanStore.writeAtomically(Array(other.text.utf8), to: owner)
        }
        XCTAssertThrowsError(
            try PlanStore.update(plan, options: options) {
                try $0.addNote(id: "1a(i)", text: "too late", by: "O", on: TestSupport.day("2019-02-02"))
            }
        ) {
            XCTAssertTrue("\($0)".contains("its lock was taken over by another process; nothing was written"), "\($0)")
        }
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        XCTAssertEqual(try PlanBackups.list(for: plan).map { try PlanStore.readFile($0.path) }, backupsBefore)
        XCTAssertFalse(PlanStore.exists(PlanBackups.path(for: plan, number: 0)), "no incoming backup left")
        XCTAssertEqual(PlanStore.names(in: dir).filter { $0.contains(".tmp-") }, [])
    }

    func testAnIncomingBackupLeftByADeadSaveIsKeptNotLost() throws {
        try PlanStore.update(plan) {
            try $0.addNote(id: "1a(i)", text: "one", by: "O", on: TestSupport.day("2019-02-01"))
        }
        // A save died after renaming its new version, before moving its backup into place.
        let orphan = Array("the version before the dead save".utf8)
        try PlanStore.writeAtomically(orphan, to: PlanBackups.path(for: plan, number: 0))
        let current = try PlanStore.readFile(plan)
        try PlanStore.update(plan) {
            try $0.addNote(id: "1a(i)", text: "two", by: "O", on: TestSupport.day("2019-02-02"))
        }
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 1)), current)
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 2)), orphan)
    }

    func testASaveNeverWritesAFileLargerThanTheLoaderReads() throws {
        XCTAssertNoThrow(try PlanStore.refuseOversized([UInt8](repeating: 0x20, count: 1000), file: "p.json"))
        // Sizes are checked, not allocated: a plan whose encoding is over the limit is refused before writing.
        let huge = [UInt8](repeating: 0x20, count: PlanStore.maxFileSize + 1)
        XCTAssertThrowsError(try PlanStore.refuseOversized(huge, file: "p.json")) { e in
            XCTAssertEqual(
                "\(e)",
                "p.json: cannot save: the plan would be 512 MB, larger than the 512 MB actionplan reads, so it was "
                    + "not written; the previous file is unchanged")
        }
        let before = try PlanStore.readFile(plan)
        XCTAssertThrowsError(try PlanStore.replace(plan, with: huge))
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        XCTAssertEqual(PlanStore.names(in: dir).filter { $0.hasPrefix(".plan.json.") }, [])
    }
}

/// The stages a save reported, from the saving thread.
final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stages: [PlanStore.SaveStage] = []
    func add(_ s: PlanStore.SaveStage) { lock.withLock { stages.append(s) } }
    var changedMeanwhile: Bool {
        lock.withLock { stages.contains { if case .changedMeanwhile = $0 { return true } else { return false } } }
    }
}
