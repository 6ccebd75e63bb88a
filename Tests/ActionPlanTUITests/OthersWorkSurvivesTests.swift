import ActionPlanCore
import ActionPlanStore
import ActionPlanTUI
import Foundation
import TestProcess
import XCTest

/// A lead keeps the plan open in the terminal UI while other leads save it with `actionplan rate`: no key
/// press — undo, redo, reload, restoring a recovery file, saving elsewhere — ever loses what the others saved.
final class OthersWorkSurvivesTests: XCTestCase {
    var dir = ""
    var path = ""

    override func setUpWithError() throws {
        dir = try temporaryDirectory()
        path = dir + "/plan.json"
        try PlanStore.save(TUIFixtures.small(), to: path)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func open(_ p: String? = nil) throws -> PlanSession {
        let s = try PlanSession(path: p ?? path, asOf: TUIFixtures.asOf, user: "me")
        _ = s.frame(width: 100, height: 30)
        return s
    }

    /// Another lead rates `id` from the command line (a separate process, through the real binary).
    private func otherLeadRates(_ id: String, _ rating: String, note: String, at p: String? = nil) throws {
        let o = try ChildProcess.run(
            TestPaths.actionplan,
            // Today, as the session's own changes are dated: a change cannot be dated before the latest.
            ["rate", p ?? path, id, rating, "--note", note, "--by", "other"], timeout: 60)
        XCTAssertEqual(o.status, 0, o.stderr)
    }

    private func keys(_ s: PlanSession, _ keys: KeyEvent...) {
        for k in keys { XCTAssertTrue(s.handle(k), "\(k) quit the session") }
    }

    private func type(_ s: PlanSession, _ text: String) {
        for c in text { XCTAssertTrue(s.handle(.char(c))) }
    }

    /// Selects `id` and rates it (Red, Green or Blue: no revised-date step) with `note`.
    private func rate(_ s: PlanSession, _ id: String, _ letter: Character, note: String) {
        keys(s, .home)
        while s.state.selectedAction?.id != id { keys(s, .down) }
        keys(s, .char("r"), .char(letter))
        type(s, note)
        keys(s, .enter)
    }

    private func onDisk(_ id: String, at p: String? = nil) throws -> Action {
        let plan = try PlanStore.load(p ?? path)
        return plan[plan.path(of: id)!]
    }

    // MARK: - Undo (issue 8, item 2)

    func testUndoAfterAMergedSaveTakesBackOnlyMyEdit() throws {
        let s = try open()
        rate(s, "1a(i)", "r", note: "mine")
        try otherLeadRates("2(ii)", "red", note: "theirs")
        keys(s, .char("w"))
        XCTAssertTrue(s.state.message?.text.contains("merged with changes others saved") ?? false)
        keys(s, .char("u"))
        XCTAssertEqual(s.state.message?.text, "Undid: rate 1a(i) Red (nothing more to undo)")
        keys(s, .char("w"))
        XCTAssertEqual(s.state.message?.text, "Saved \(path)")
        let theirs = try onDisk("2(ii)")
        XCTAssertEqual(theirs.rating, .red, "the other lead's rating survives my undo")
        XCTAssertEqual(theirs.history.last?.note, "theirs", "and so does their history entry")
        let mine = try onDisk("1a(i)")
        XCTAssertEqual(mine.rating, .green, "my rating is taken back")
        XCTAssertFalse(mine.history.contains { $0.note == "mine" }, "with its history entry")
        // Redo puts my edit back, still without touching theirs.
        keys(s, .ctrl("r"), .char("w"))
        XCTAssertEqual(try onDisk("1a(i)").rating, .red)
        XCTAssertEqual(try onDisk("2(ii)").history.last?.note, "theirs")
    }

    func testUndoIsRefusedWhenOthersChangedTheSameFieldSince() throws {
        let s = try open()
        rate(s, "1a(i)", "r", note: "mine")
        keys(s, .char("w"))
        try otherLeadRates("1a(i)", "blue", note: "done, says the other lead")
        rate(s, "2(ii)", "r", note: "second")
        keys(s, .char("w"))  // merges the other lead's Blue in
        XCTAssertEqual(s.state.plan.allActions.first?.rating, .blue)
        keys(s, .char("u"))  // takes back "second": fine
        keys(s, .char("u"))  // would take 1a(i) back to Green over the other lead's Blue
        let message = try XCTUnwrap(s.state.message)
        XCTAssertTrue(message.isError)
        XCTAssertTrue(
            message.text.contains("Cannot undo rate 1a(i) Red: saved changes since then touch the same field"),
            message.text)
        XCTAssertTrue(message.text.contains("action 1a(i) rating is now \"Blue\""), message.text)
        keys(s, .char("w"))
        XCTAssertEqual(try onDisk("1a(i)").rating, .blue, "their change stands")
        XCTAssertEqual(try onDisk("1a(i)").history.suffix(2).map(\.note), ["mine", "done, says the other lead"])
    }

    // MARK: - Recovery files (item 5)

    func testRestoringARecoveryFileKeepsWhatOthersSavedSince() throws {
        let first = try open()
        rate(first, "1a(i)", "r", note: "unsaved when the terminal closed")
        XCTAssertNotNil(first.interrupted(by: SIGHUP))
        try otherLeadRates("2(ii)", "amber", note: "saved meanwhile")

        let next = try open()
        keys(next, .char("y"))
        XCTAssertTrue(next.state.isModified)
        XCTAssertEqual(next.state.plan.allActions.first?.rating, .red, "my recovered edit")
        keys(next, .char("w"))
        XCTAssertEqual(try onDisk("1a(i)").history.last?.note, "unsaved when the terminal closed")
        XCTAssertEqual(try onDisk("2(ii)").rating, .amber, "the other lead's save is not reverted")
        XCTAssertEqual(try onDisk("2(ii)").history.last?.note, "saved meanwhile")
        XCTAssertEqual(RecoveryFiles.find(for: path), [], "the recovery file and its base are gone once saved")
        XCTAssertFalse(PlanStore.exists(RecoveryFiles.basePath(of: PlanSession.recoveryPath(for: path))))
    }

    func testARecoveredEditThatClashesIsChosenNotDecided() throws {
        let first = try open()
        rate(first, "1a(i)", "r", note: "red, unsaved")
        _ = first.interrupted(by: SIGTERM)
        try otherLeadRates("1a(i)", "blue", note: "blue, saved")
        let next = try open()
        keys(next, .char("y"))
        guard case .chooseClash(.restore, 0) = next.state.mode else {
            return XCTFail("expected the clash to be shown, got \(next.state.mode)")
        }
        XCTAssertEqual(next.state.clashes.conflicts.map(\.field), ["rating"])
        let screen = next.frame(width: 100, height: 30).lines().joined(separator: "\n")
        XCTAssertTrue(screen.contains("yours \"Red\" │ saved \"Blue\""), screen)
        keys(next, .char("t"))  // take the saved value
        XCTAssertEqual(next.state.mode, .browse)
        keys(next, .char("w"))
        let a = try onDisk("1a(i)")
        XCTAssertEqual(a.rating, .blue)
        XCTAssertTrue(Set(a.history.map(\.note)).isSuperset(of: ["blue, saved", "red, unsaved"]), "both entries kept")
        XCTAssertEqual(a.history.last?.to, .blue, "the history ends at the rating chosen")
    }

    func testTwoInterruptedSessionsKeepTwoRecoveryFiles() throws {
        let a = try open()
        let b = try open()
        rate(a, "1a(i)", "r", note: "from a")
        rate(b, "2(ii)", "r", note: "from b")
        let ma = try XCTUnwrap(a.interrupted(by: SIGHUP))
        let mb = try XCTUnwrap(b.interrupted(by: SIGHUP))
        XCTAssertNotEqual(ma, mb)
        let files = RecoveryFiles.find(for: path)
        XCTAssertEqual(files.count, 2, "neither overwrote the other")
        let recovered = try files.map { try RecoveryFiles.read($0) }
        XCTAssertEqual(recovered.map { $0.plan.allActions.first { $0.id == "1a(i)" }?.rating }, [.red, .green])
        XCTAssertEqual(recovered.map { $0.plan.allActions.first { $0.id == "2(ii)" }?.rating }, [.green, .red])
    }

    // MARK: - Save elsewhere (item 6)

    func testSaveElsewhereToThePlanItselfIsRefusedHoweverItIsSpelled() throws {
        let link = dir + "/link.json"
        XCTAssertEqual(symlink(path, link), 0)
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        for spelling in ["./plan.json", path, dir + "/../" + PlanStore.fileName(of: dir) + "/plan.json", link] {
            let s = try open()
            rate(s, "1a(i)", "r", note: "mine")
            try otherLeadRates("2(ii)", "amber", note: "theirs \(spelling)")
            s.send(.fileChangedOnDisk(quitAfter: false))  // as when a save found a clash
            keys(s, .char("s"), .ctrl("u"))
            type(s, spelling)
            keys(s, .enter)
            XCTAssertTrue(s.state.message?.isError ?? false, spelling)
            XCTAssertTrue(
                s.state.message?.text.contains("is the plan itself") ?? false,
                "\(spelling): \(String(describing: s.state.message))")
            XCTAssertEqual(try onDisk("2(ii)").history.last?.note, "theirs \(spelling)", "not overwritten")
            XCTAssertTrue(s.state.isModified, "my edits are kept, unsaved")
        }
    }

    func testSaveElsewhereAsksBeforeReplacingAnotherFileAndKeepsABackup() throws {
        let other = dir + "/other.json"
        var otherPlan = TUIFixtures.small()
        otherPlan.title = "Someone's other plan"
        try PlanStore.save(otherPlan, to: other)
        let before = try PlanStore.readFile(other)
        let s = try open()
        rate(s, "1a(i)", "r", note: "mine")
        s.send(.fileChangedOnDisk(quitAfter: false))
        keys(s, .char("s"), .ctrl("u"))
        type(s, other)
        keys(s, .enter)
        XCTAssertEqual(s.state.mode, .question(.overwrite(path: other, quitAfter: false)))
        keys(s, .char("n"))
        XCTAssertEqual(try PlanStore.readFile(other), before, "not replaced")
        guard case .prompt = s.state.mode else { return XCTFail("back to the path prompt") }
        keys(s, .enter, .char("y"))
        XCTAssertEqual(s.path, other)
        XCTAssertEqual(try PlanStore.load(other), s.state.plan)
        XCTAssertEqual(
            try PlanStore.readFile(PlanBackups.path(for: other, number: 1)), before, "the replaced file is kept")
        XCTAssertEqual(try PlanStore.load(path), TUIFixtures.small(), "the plan itself untouched")
    }

    // MARK: - The day a change is recorded

    func testARatingDatedBeforeTheActionsLatestChangeIsRefusedWithTheDaysAndNothingChanges() throws {
        // Another lead recorded a change on 1 March 2019 (their clock, or `rate --as-of`); this session's clock
        // says 31 January 2019: its rating would come before theirs in the history.
        try PlanStore.update(path) {
            try $0.rate(
                id: "1a(i)", to: .amber, note: "theirs, in March", by: "other",
                on: CalendarDay(year: 2019, month: 3, day: 1)!)
        }
        let s = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "me", clock: { TUIFixtures.asOf })
        _ = s.frame(width: 100, height: 30)
        rate(s, "1a(i)", "r", note: "mine, in January")
        // The note's prompt stays open with the reason (Esc gives up), as for any change the plan refuses.
        guard case .prompt(let prompt) = s.state.mode else { return XCTFail("no prompt: \(s.state.mode)") }
        let why = try XCTUnwrap(prompt.error)
        XCTAssertTrue(why.contains("1a(i) was last rated on 2019-03-01") && why.contains("2019-01-31 given"), why)
        keys(s, .escape)
        XCTAssertEqual(s.state.selectedAction?.rating, .amber, "the rating is as it was")
        XCTAssertEqual(s.state.selectedAction?.history.last?.note, "theirs, in March")
        XCTAssertFalse(s.state.isModified, "nothing to save")
    }
}
