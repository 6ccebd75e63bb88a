import Foundation
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

#if canImport(Glibc)
    import Glibc
#endif

/// Every save keeps the version it replaces; `restore --list` shows them and `restore --from N` puts one back.
final class BackupTests: SamplePlanTestCase {

    private func rate(_ n: Int, env: [String: String]? = nil) throws {
        let r = try TestSupport.run(
            ["rate", plan, "1a(i)", n % 2 == 0 ? "red" : "amber", "--note", "save \(n)", "--as-of", "2019-02-01"],
            environment: env)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testEachSaveKeepsTheReplacedVersionNewestFirstUpToFive() throws {
        var versions = [try PlanStore.readFile(plan)]
        for n in 1...7 {
            try rate(n)
            versions.append(try PlanStore.readFile(plan))
        }
        let backups = PlanBackups.list(for: plan)
        XCTAssertEqual(backups.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(backups.map(\.path), (1...5).map { dir + "/.plan.json.backups/plan.json.\($0)" })
        for b in backups {
            XCTAssertEqual(try PlanStore.readFile(b.path), versions[7 - b.number], "backup \(b.number)")
        }
        XCTAssertEqual(backups.map(\.modified), backups.map(\.modified).sorted(by: >), "newest first, by when saved")
    }

    func testBackupsAreConfigurable() throws {
        try rate(1, env: ["ACTIONPLAN_BACKUPS": "2"])
        try rate(2, env: ["ACTIONPLAN_BACKUPS": "2"])
        try rate(3, env: ["ACTIONPLAN_BACKUPS": "2"])
        XCTAssertEqual(PlanBackups.list(for: plan).map(\.number), [1, 2])
        try FileManager.default.removeItem(atPath: PlanBackups.directory(for: plan))
        try rate(4, env: ["ACTIONPLAN_BACKUPS": "0"])
        XCTAssertFalse(PlanStore.exists(PlanBackups.directory(for: plan)))
        XCTAssertEqual(PlanStore.SaveOptions(environment: ["ACTIONPLAN_BACKUPS": "x"]), .standard)
    }

    func testABackupPushedOutWaitsUnderAnotherNameAndTheNextSaveRemovesIt() throws {
        let env = ["ACTIONPLAN_BACKUPS": "2"]
        for n in 1...2 { try rate(n, env: env) }
        let oldest = try PlanStore.readFile(PlanBackups.path(for: plan, number: 2))
        let names = { PlanStore.names(in: PlanBackups.directory(for: self.plan)).sorted() }
        XCTAssertFalse(names().contains { $0.contains("dropped") })
        // The third save pushes the oldest out: not a backup any more (restore does not list it), removed later.
        try rate(3, env: env)
        XCTAssertEqual(PlanBackups.list(for: plan).map(\.number), [1, 2])
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.droppedPath(for: plan, number: 2)), oldest)
        let listed = try TestSupport.run(["restore", plan, "--list"])
        XCTAssertFalse(listed.stdout.contains("dropped"), listed.stdout)
        // The next save removes it while it writes, whichever way it saves, and pushes the next one out.
        let pushed = try PlanStore.readFile(PlanBackups.path(for: plan, number: 2))
        try rate(4, env: env)
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.droppedPath(for: plan, number: 2)), pushed)
        // A save in full (five backups kept by default) removes it too, and pushes nothing out.
        try PlanStore.update(plan) { $0.version = "saved in full" }
        XCTAssertEqual(names().filter { $0.contains("dropped") }, [])
        XCTAssertEqual(PlanBackups.list(for: plan).map(\.number), [1, 2, 3])
    }

    func testTheNextSaveWritesIntoTheBackupPushedOutOnlyWhenNoOneElseCouldSeeIt() throws {
        let env = ["ACTIONPLAN_BACKUPS": "1"]
        let dropped = PlanBackups.droppedPath(for: plan, number: 1)
        /// The bytes of the file open as `fd`, from its start.
        func contents(_ fd: Int32) -> [UInt8] {
            lseek(fd, 0, SEEK_SET)
            return PlanStore.readAll(fd, chunk: 1 << 16, maxBytes: 1 << 26) ?? []
        }
        for n in 1...2 { try rate(n, env: env) }
        XCTAssertTrue(PlanStore.exists(dropped))
        // Written over, its own file: a descriptor left open on it sees the new version.
        let mine = open(dropped, O_RDONLY)
        defer { close(mine) }
        let before = contents(mine)
        try rate(3, env: env)
        XCTAssertTrue(contents(mine) == (try PlanStore.readFile(plan)), "the new version was written into it")
        XCTAssertFalse(contents(mine) == before)

        // With a second name elsewhere (someone kept the old version): left as it is.
        let keep = dir + "/kept-by-someone.json"
        XCTAssertEqual(link(dropped, keep), 0)
        let kept = try PlanStore.readFile(keep)
        try rate(4, env: env)
        XCTAssertTrue(try PlanStore.readFile(keep) == kept, "another name's contents are never written over")

        // Another user's file: left as it is (only root can make one here).
        if geteuid() == 0 {
            XCTAssertEqual(chown(dropped, 65534, 65534), 0)
            let theirs = open(dropped, O_RDONLY)
            defer { close(theirs) }
            let was = contents(theirs)
            try rate(5, env: env)
            XCTAssertTrue(contents(theirs) == was, "not this user's file: not written over")
        }

        // A pipe or a link under that name: the save neither hangs nor writes through it.
        unlink(dropped)
        XCTAssertEqual(mkfifo(dropped, 0o600), 0)
        try rate(6, env: env)
        let target = dir + "/elsewhere.json"
        try PlanStore.writeAtomically(Array("elsewhere".utf8), to: target)
        unlink(dropped)
        XCTAssertEqual(symlink(target, dropped), 0)
        try rate(7, env: env)
        XCTAssertEqual(try PlanStore.readFile(target), Array("elsewhere".utf8))
        XCTAssertEqual(PlanBackups.list(for: plan).map(\.number), [1])
        XCTAssertEqual(try PlanStore.load(plan).allActions.first { $0.id == "1a(i)" }?.history.last?.note, "save 7")
        XCTAssertEqual(PlanStore.names(in: dir).filter { $0.contains(".tmp-") }, [], "no temporary file left")
    }

    func testRestoreListsAndRestoresAndCanBeUndone() throws {
        let original = try PlanStore.readFile(plan)
        try rate(1)
        let afterOne = try PlanStore.readFile(plan)
        try rate(2)
        let afterTwo = try PlanStore.readFile(plan)

        let list = try TestSupport.run(["restore", plan, "--list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "Backups of \(plan), newest first (in \(dir)/.plan.json.backups):")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].hasPrefix("  1  saved "), String(lines[1]))
        XCTAssertTrue(lines[2].contains("  57 actions  \"Barnet Children"), String(lines[2]))

        let r = try TestSupport.run(["restore", plan, "--from", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("Restored \(plan) from backup 2 (saved "), r.stdout)
        XCTAssertEqual(try PlanStore.readFile(plan), original)
        XCTAssertEqual(
            try PlanStore.readFile(PlanBackups.path(for: plan, number: 1)), afterTwo, "the restore is undoable")
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 2)), afterOne)

        XCTAssertEqual(try TestSupport.run(["restore", plan, "--from", "1"]).status, 0)
        XCTAssertEqual(try PlanStore.readFile(plan), afterTwo)
    }

    func testRestoreRefusesAMissingOrInvalidBackupAndChangesNothing() throws {
        try rate(1)
        let current = try PlanStore.readFile(plan)
        let missing = try TestSupport.run(["restore", plan, "--from", "9"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(
            missing.stderr, "actionplan: \(plan): at --from: no backup 9; backups are numbered 1 (see restore --list)\n"
        )
        try PlanStore.writeAtomically(
            Array("{\"schemaVersion\": 1, \"title\": ".utf8), to: PlanBackups.path(for: plan, number: 1))
        let torn = try TestSupport.run(["restore", plan, "--from", "1"])
        XCTAssertEqual(torn.status, 2)
        XCTAssertTrue(
            torn.stderr.contains("plan.json.1:1:31: at $.title: expected a string, found the end of the file"),
            torn.stderr)
        XCTAssertTrue(try TestSupport.run(["restore", plan, "--list"]).stdout.contains("not a valid plan"))
        XCTAssertEqual(try PlanStore.readFile(plan), current)
        XCTAssertEqual(try TestSupport.run(["restore", plan]).status, 64, "--list or --from is required")
    }

    func testABackupThatCannotBeKeptIsAWarningNotASilentSkip() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/.plan.json.backups", contents: Data("x".utf8)))
        let r = try TestSupport.run(["rate", plan, "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01"])
        XCTAssertEqual(r.status, 0, "the save itself goes ahead")
        XCTAssertTrue(
            r.stderr.hasPrefix("actionplan: warning: \(plan): no backup kept of the version replaced: cannot "),
            r.stderr)
        XCTAssertEqual(try PlanStore.load(plan).allActions.first?.history.last?.note, "n")
    }

    func testImportForceKeepsTheReplacedPlan() throws {
        try rate(1)  // so the import (the sample as published) replaces a different version
        let before = try PlanStore.readFile(plan)
        let r = try TestSupport.run(["import", TestSupport.fixture("barnet-2018-19-plan.txt"), "-o", plan, "--force"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 1)), before)
    }
}
