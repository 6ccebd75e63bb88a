import ActionPlanCore
import ActionPlanStore
import ActionPlanTUI
import Foundation
import TestProcess
import XCTest

/// The session: saving atomically, refusing to overwrite a changed file, reloading, recovery files.
final class PlanSessionTests: XCTestCase {
    var dir = ""
    var path = ""

    override func setUpWithError() throws {
        dir = try temporaryDirectory()
        path = dir + "/plan.json"
        try PlanStore.save(TUIFixtures.small(), to: path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func open() throws -> PlanSession {
        let s = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "tester", clock: { TUIFixtures.asOf })
        _ = s.frame(width: 80, height: 24)
        return s
    }

    /// Adds a progress note to the first action (an unsaved edit).
    func edit(_ s: PlanSession, note: String = "progress") {
        for k: KeyEvent in [.home, .down, .down, .char("p")] { XCTAssertTrue(s.handle(k)) }
        for c in note { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        XCTAssertTrue(s.state.isModified)
    }

    func testXExportsTheReportOfThePlanAsEditedToTheFileTyped() throws {
        let s = try open()
        edit(s, note: "export me")
        XCTAssertTrue(s.handle(.char("x")))
        guard case .prompt(let p) = s.state.mode else { return XCTFail("x should ask for a file") }
        XCTAssertEqual(p.editor.text, dir + "/plan-report-\(TUIFixtures.asOf).html")
        // A name without a known extension is refused and the prompt stays open.
        for _ in 0..<5 { XCTAssertTrue(s.handle(.backspace)) }
        for c in ".txt" { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        guard case .prompt = s.state.mode else { return XCTFail("a .txt name should be refused") }
        for _ in 0..<4 { XCTAssertTrue(s.handle(.backspace)) }
        for c in ".csv" { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        let report = try String(contentsOfFile: dir + "/plan-report-\(TUIFixtures.asOf).csv", encoding: .utf8)
        XCTAssertTrue(report.contains("export me"), "the report includes unsaved edits")
        XCTAssertTrue(s.state.isModified, "exporting does not save the plan")
    }

    /// Rates the first action Red with a note (an unsaved edit of its rating field).
    func rateRed(_ s: PlanSession) {
        for k: KeyEvent in [.home, .down, .down, .char("r"), .char("r")] { XCTAssertTrue(s.handle(k)) }
        for c in "slipped" { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        XCTAssertEqual(s.state.plan.allActions.first?.rating, .red)
    }

    /// Someone else's save that rates the first action Blue (clashing with `rateRed`) and renames the plan.
    func saveClashingChange(title: String) throws {
        var theirs = TUIFixtures.small()
        theirs.title = title
        try theirs.rate(id: theirs.allActions[0].id, to: .blue, note: "done", by: "other", on: TUIFixtures.asOf)
        try PlanStore.save(theirs, to: path)
    }

    func testSaveMergesChangesOthersSavedMeanwhile() throws {
        let s = try open()
        edit(s, note: "mine")
        var theirs = TUIFixtures.small()
        theirs.title = "Renamed by someone else"
        try theirs.rate(id: "2(i)", to: .amber, note: "theirs", by: "other", on: TUIFixtures.asOf)
        try PlanStore.save(theirs, to: path)
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertEqual(s.state.mode, .browse)
        XCTAssertFalse(s.state.isModified)
        let saved = try PlanStore.load(path)
        XCTAssertEqual(saved.title, "Renamed by someone else", "their change survives")
        XCTAssertEqual(saved.allActions.first { $0.id == "2(i)" }?.rating, .amber)
        XCTAssertEqual(saved.allActions.first?.notes.last?.text, "mine", "my change survives")
        XCTAssertEqual(s.state.plan, saved, "the screen shows the merged plan")
    }

    func testAClashIsShownSideBySideAndSettledByTheUsersChoiceThenSaved() throws {
        for (key, expected) in [(Character("m"), Rating.red), (Character("t"), Rating.blue)] {
            try PlanStore.save(TUIFixtures.small(), to: path)
            let s = try open()
            rateRed(s)
            try saveClashingChange(title: "Theirs")
            XCTAssertTrue(s.handle(.char("w")))
            XCTAssertEqual(s.state.mode, .conflict(quitAfter: false))
            XCTAssertEqual(s.state.clashes.conflicts.map(\.field), ["rating"], "only the rating really clashes")
            XCTAssertEqual(try PlanStore.load(path).title, "Theirs", "nothing written yet")
            XCTAssertTrue(s.handle(.char("c")))
            XCTAssertEqual(s.state.mode, .chooseClash(.save(quitAfter: false), index: 0))
            let screen = s.frame(width: 100, height: 24).lines().joined(separator: "\n")
            XCTAssertTrue(screen.contains("Clash 1/1"), screen)
            XCTAssertTrue(screen.contains("yours \"Red\" │ saved \"Blue\""), screen)
            XCTAssertTrue(s.handle(.char(key)))
            XCTAssertEqual(s.state.mode, .browse)
            XCTAssertFalse(s.state.isModified)
            let saved = try PlanStore.load(path)
            XCTAssertEqual(saved.title, "Theirs", "their other change survives")
            XCTAssertEqual(saved.allActions.first?.rating, expected)
            let history = saved.allActions.first?.history ?? []
            XCTAssertTrue(Set(history.map(\.note)).isSuperset(of: ["done", "slipped"]), "both entries kept")
            XCTAssertEqual(history.last?.to, expected, "whatever is chosen, the history ends at the rating kept")
            XCTAssertEqual(s.state.plan, saved)
        }
    }

    func testOpeningAMissingOrInvalidFileThrows() throws {
        XCTAssertThrowsError(try PlanSession(path: dir + "/none.json", asOf: TUIFixtures.asOf, user: "t")) {
            XCTAssertEqual(($0 as? PlanError)?.kind, .fileNotFound, "\($0)")
        }
        try PlanStore.writeAtomically(Array("{\"schemaVersion\": 1, \"title\": ".utf8), to: dir + "/torn.json")
        XCTAssertThrowsError(try PlanSession(path: dir + "/torn.json", asOf: TUIFixtures.asOf, user: "t")) {
            XCTAssertEqual(($0 as? PlanError)?.kind, .invalidPlan, "\($0)")
            XCTAssertEqual(($0 as? PlanError)?.line, 1, "\($0)")
        }
    }

    func testSaveWritesThePlanAndClearsTheUnsavedMarker() throws {
        let s = try open()
        edit(s)
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertFalse(s.state.isModified)
        XCTAssertEqual(s.state.message?.text, "Saved \(path)")
        XCTAssertEqual(try PlanStore.load(path), s.state.plan)
        XCTAssertEqual(try PlanStore.load(path).themes[0].groups[0].actions[0].notes.first?.text, "progress")
    }

    func testQuitWithUnsavedChangesSavesOnYes() throws {
        let s = try open()
        edit(s)
        XCTAssertTrue(s.handle(.char("q")))
        XCTAssertFalse(s.handle(.char("y")), "saved, then quit")
        XCTAssertEqual(try PlanStore.load(path), s.state.plan)
    }

    func testQuitWithoutSavingOnNo() throws {
        let s = try open()
        edit(s)
        XCTAssertTrue(s.handle(.char("q")))
        XCTAssertFalse(s.handle(.char("n")))
        XCTAssertEqual(try PlanStore.load(path), TUIFixtures.small())
    }

    func testSaveRefusesToOverwriteAFileChangedOnDisk() throws {
        let s = try open()
        rateRed(s)
        try saveClashingChange(title: "Changed by someone else")

        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertEqual(s.state.mode, .conflict(quitAfter: false))
        XCTAssertTrue(s.state.message?.text.contains("rating") ?? false, "the clash is named")
        XCTAssertEqual(try PlanStore.load(path).title, "Changed by someone else", "not overwritten")

        // Save elsewhere.
        XCTAssertTrue(s.handle(.char("s")))
        XCTAssertTrue(s.handle(.ctrl("u")))
        for c in dir + "/mine.json" { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        XCTAssertEqual(s.path, dir + "/mine.json")
        XCTAssertEqual(try PlanStore.load(dir + "/mine.json"), s.state.plan)
        XCTAssertFalse(s.state.isModified)
        XCTAssertEqual(try PlanStore.load(path).title, "Changed by someone else")
    }

    func testReloadAfterAConflictDiscardsEditsAfterConfirmationAndUndoBringsThemBack() throws {
        let s = try open()
        rateRed(s)
        let mine = s.state.plan
        try saveClashingChange(title: "Theirs")
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertTrue(s.handle(.char("r")))
        XCTAssertEqual(s.state.mode, .question(.reloadDiscarding))
        XCTAssertTrue(s.handle(.char("y")))
        XCTAssertEqual(s.state.plan.title, "Theirs")
        XCTAssertFalse(s.state.isModified)
        XCTAssertTrue(s.handle(.char("u")))
        XCTAssertEqual(s.state.plan, mine, "the edits are back, unsaved")
        XCTAssertTrue(s.state.isModified)
        // Saving them merges with the file as it is: the clash comes back to be chosen, and the other
        // lead's change (the title) is never undone by the undo.
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertEqual(s.state.mode, .conflict(quitAfter: false))
        XCTAssertEqual(try PlanStore.load(path).title, "Theirs", "nothing written yet")
        for k: KeyEvent in [.char("c"), .char("m")] { XCTAssertTrue(s.handle(k)) }
        let saved = try PlanStore.load(path)
        XCTAssertEqual(saved.title, "Theirs")
        XCTAssertEqual(saved.allActions.first?.rating, .red, "kept mine, as chosen")
        let history = saved.allActions.first?.history ?? []
        XCTAssertEqual(
            history.map(\.note),
            ["slipped", "done", "slipped (kept over the change to Blue by other saved meanwhile)"],
            "both entries kept, then the choice, so the history ends at the rating kept")
        XCTAssertEqual(history.last?.to, .red)
        XCTAssertEqual(history.last?.from, .blue)
    }

    func testInterruptWritesARecoveryFileOnlyWithUnsavedChanges() throws {
        let clean = try open()
        XCTAssertNil(clean.interrupted(by: 2))
        XCTAssertFalse(PlanStore.exists(PlanSession.recoveryPath(for: path)))

        let s = try open()
        edit(s, note: "unsaved work")
        let message = s.interrupted(by: 2)
        let recovery = path + ".actionplan-recovery"
        XCTAssertEqual(message, "actionplan: unsaved changes written to \(recovery)")
        XCTAssertEqual(try PlanStore.load(recovery), s.state.plan)
        XCTAssertEqual(try PlanStore.load(path), TUIFixtures.small(), "the plan itself is untouched")
    }

    func testRecoveryIsOfferedAndRestoredAsUnsavedChanges() throws {
        let s = try open()
        edit(s, note: "unsaved work")
        let edited = s.state.plan
        _ = s.interrupted(by: 15)

        let next = try open()
        let recovery = PlanSession.recoveryPath(for: path)
        XCTAssertEqual(next.state.mode, .question(.restoreRecovery(path: recovery)))
        let screen = next.frame(width: 80, height: 24).lines().joined(separator: "\n")
        XCTAssertTrue(
            screen.contains("Restore an interrupted session's unsaved edits? (y; n deletes them; Esc: later)"), screen)
        XCTAssertTrue(next.handle(.char("y")))
        XCTAssertEqual(next.state.plan, edited)
        XCTAssertTrue(next.state.isModified)
        XCTAssertTrue(PlanStore.exists(recovery), "kept until saved")
        XCTAssertTrue(next.handle(.char("w")))
        XCTAssertFalse(PlanStore.exists(recovery), "a successful save removes it")
        XCTAssertEqual(try PlanStore.load(path), edited)
    }

    func testDecliningRecoveryDeletesItAndKeepsTheFile() throws {
        let s = try open()
        edit(s)
        _ = s.interrupted(by: 1)
        let next = try open()
        XCTAssertTrue(next.handle(.char("n")))
        XCTAssertFalse(PlanStore.exists(PlanSession.recoveryPath(for: path)))
        XCTAssertEqual(next.state.plan, TUIFixtures.small())
        XCTAssertFalse(next.state.isModified)
    }

    func testABackupThatCannotBeKeptIsSaidOnTheStatusLine() throws {
        // Something that is not a directory where the backups go.
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/.plan.json.backups", contents: Data("x".utf8)))
        let s = try open()
        edit(s, note: "saved without a backup")
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertFalse(s.state.isModified, "saved all the same")
        let message = try XCTUnwrap(s.state.message)
        XCTAssertTrue(message.isError)
        XCTAssertTrue(
            message.text.hasPrefix("Saved \(path); but: \(path): no backup kept of the version replaced"), message.text)
    }

    func testSaveFailureIsReportedAndEditsKept() throws {
        let s = try open()
        edit(s)
        try FileManager.default.removeItem(atPath: dir)
        XCTAssertTrue(s.handle(.char("w")))
        XCTAssertTrue(s.state.message?.isError ?? false)
        XCTAssertTrue(s.state.isModified)
    }
}

/// Unsaved work of a plan in a directory that cannot be written goes to the home directory, and comes back.
final class RecoveryFallbackTests: XCTestCase {
    func testARecoveryFileThatCannotGoBesideThePlanGoesToTheHomeDirectory() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a read-only file system needs root (CI runs as root)") }
        let dir = try temporaryDirectory()
        let mnt = dir + "/mnt"
        let home = dir + "/home"
        try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        func sh(_ command: String) throws -> Int32 {
            try ChildProcess.run("/bin/sh", ["-c", command], timeout: 30).status
        }
        guard try sh("mount -t tmpfs -o size=1m tmpfs '\(mnt)'") == 0 else {
            throw XCTSkip("cannot mount a tmpfs here")
        }
        let oldHome = getenv("HOME").map { String(cString: $0) }
        setenv("HOME", home, 1)
        defer {
            if let oldHome { setenv("HOME", oldHome, 1) } else { unsetenv("HOME") }
            _ = try? sh("umount '\(mnt)'")
            try? FileManager.default.removeItem(atPath: dir)
        }
        let path = mnt + "/plan.json"
        try PlanStore.save(TUIFixtures.small(), to: path)
        let s = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "t")
        for k: KeyEvent in [.down, .down, .char("p")] { XCTAssertTrue(s.handle(k)) }
        for c in "typed on a read-only share" { XCTAssertTrue(s.handle(.char(c))) }
        XCTAssertTrue(s.handle(.enter))
        XCTAssertEqual(try sh("mount -o remount,ro '\(mnt)'"), 0)
        let message = try XCTUnwrap(s.interrupted(by: SIGHUP))
        XCTAssertTrue(
            message.hasPrefix("actionplan: unsaved changes written to \(home)/.actionplan/recovery/plan.json-"), message
        )
        let next = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "t")
        guard case .question(.restoreRecovery) = next.state.mode else { return XCTFail("the recovery is offered") }
        XCTAssertTrue(next.handle(.char("y")))
        XCTAssertEqual(next.state.plan.allActions.first?.notes.last?.text, "typed on a read-only share")
    }
}

/// New files holding the plan (recovery, save elsewhere) get the plan file's permissions.
final class PlanSessionPermissionTests: XCTestCase {
    func testRecoveryFileKeepsAPrivatePlanPrivate() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/private.json"
        try PlanStore.save(TUIFixtures.small(), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let s = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "t")
        for k: KeyEvent in [.down, .down, .char("p"), .char("x"), .enter] { XCTAssertTrue(s.handle(k)) }
        XCTAssertNotNil(s.interrupted(by: 2))
        let attributes = try FileManager.default.attributesOfItem(atPath: PlanSession.recoveryPath(for: path))
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }
}
