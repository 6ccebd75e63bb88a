import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// A plan on a shared drive, saved by several leads (separate user accounts, run with `setpriv`): every
/// save keeps the plan's group and mode whatever the saver's umask, so no lead locks out the others; a
/// frozen (read-only) plan is refused; and a lock that cannot be judged or removed is waited for, not spun
/// on, and reported by name.
///
/// The multi-user tests need root (to act as other users); elsewhere they are skipped.
final class SharedDriveTests: SamplePlanTestCase {
    /// Alice and Bob: each their own user and primary group, both in the `leads` group.
    private let alice: (uid: uid_t, gid: gid_t) = (41001, 41001)
    private let bob: (uid: uid_t, gid: gid_t) = (41002, 41002)
    private let leads: gid_t = 42000
    private var shared = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        shared = dir + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    }

    /// Skips unless running as root with `setpriv`, and makes `shared` Alice's, group `leads`, mode 0770
    /// (no setgid bit: new files get their creator's primary group unless the program sets it).
    private func makeSharedDrive() throws -> String {
        guard getuid() == 0 else { throw XCTSkip("acting as other users needs root (CI runs as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("no setpriv") }
        chmod(dir, 0o755)
        XCTAssertEqual(chown(shared, alice.uid, leads), 0)
        XCTAssertEqual(chmod(shared, 0o770), 0)
        let p = shared + "/plan.json"
        try FileManager.default.copyItem(atPath: TestSupport.samplePlanPath, toPath: p)
        XCTAssertEqual(chown(p, alice.uid, leads), 0)
        XCTAssertEqual(chmod(p, 0o660), 0)
        return p
    }

    /// Runs `actionplan args` as `user` (in the `leads` group) with umask 077, as a lead with a private umask would.
    private func run(
        as user: (uid: uid_t, gid: gid_t), _ args: [String], env: [String: String] = [:], timeout: Double = 60
    ) throws -> TestSupport.Run {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(env) { $1 }
        return try TestSupport.run(
            "/usr/bin/setpriv",
            [
                "--reuid=\(user.uid)", "--regid=\(user.gid)", "--groups=\(leads)", "/bin/sh", "-c",
                "umask 077; exec \"$0\" \"$@\"", TestSupport.binary,
            ] + args, environment: environment, timeout: timeout)
    }

    private func rate(as user: (uid: uid_t, gid: gid_t), _ plan: String, _ id: String, _ note: String) throws
        -> TestSupport.Run
    {
        try run(as: user, ["rate", plan, id, "amber", "--note", note, "--by", "u\(user.uid)", "--as-of", "2019-02-01"])
    }

    private func status(_ path: String) -> stat {
        var st = stat()
        XCTAssertEqual(lstat(path, &st), 0, path)
        return st
    }

    func testLeadsTakingTurnsKeepThePlansGroupAndModeWhateverTheirUmask() throws {
        let plan = try makeSharedDrive()
        let b = try rate(as: bob, plan, "1a(i)", "Bob's rating")
        XCTAssertEqual(b.status, 0, b.stderr)
        var st = status(plan)
        XCTAssertEqual(st.st_gid, leads, "the plan keeps its group")
        XCTAssertEqual(st.st_mode & 0o777, 0o660, "and its mode, despite Bob's umask 077")
        XCTAssertEqual(st.st_uid, bob.uid, "the owner changes to the saver: only root may give a file away")

        let backups = PlanBackups.directory(for: plan)
        let dirStat = status(backups)
        XCTAssertEqual(dirStat.st_gid, leads)
        XCTAssertEqual(dirStat.st_mode & 0o777, 0o770, "the backups directory is the leads' too")
        let backup = status(PlanBackups.path(for: plan, number: 1))
        XCTAssertEqual([backup.st_gid, gid_t(backup.st_mode & 0o777)], [leads, 0o660])

        let a = try rate(as: alice, plan, "1a(ii)", "Alice's rating")
        XCTAssertEqual(a.status, 0, "Alice is not locked out by Bob's save: \(a.stderr)")
        XCTAssertEqual(try rate(as: bob, plan, "1a(iii)", "Bob again").status, 0)
        let list = try run(as: alice, ["restore", plan, "--list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("  2  saved "), list.stdout)
        XCTAssertEqual(
            try run(as: alice, ["restore", plan, "--from", "1"]).status, 0, "Alice may restore Bob's backup")

        st = status(plan)
        XCTAssertEqual([st.st_gid, gid_t(st.st_mode & 0o777)], [leads, 0o660])
        let left = try FileManager.default.contentsOfDirectory(atPath: shared).sorted()
        XCTAssertEqual(left, [".plan.json.backups", "plan.json"], "no lock file left behind")
        let p = try PlanStore.load(plan)
        XCTAssertEqual(p[p.path(of: "1a(ii)")!].history.last?.note, "Alice's rating")
    }

    func testALeadsSaveWritesOnlyIntoABackupItsOwnSavePushedOut() throws {
        let plan = try makeSharedDrive()
        let one = ["ACTIONPLAN_BACKUPS": "1"]
        let dir = PlanBackups.directory(for: plan)
        let dropped = { PlanStore.names(in: dir).filter { $0.contains("dropped") } }
        // Turns of Alice and Bob, keeping one backup: every save but the first pushes one out, written by the
        // other lead, so the next save (the other lead's) may not write into it; every save still succeeds.
        for (n, user) in [alice, bob, alice, bob, bob, alice, alice].enumerated() {
            let r = try run(
                as: user, ["rate", plan, "1a(i)", n % 2 == 0 ? "red" : "amber", "--note", "turn \(n)", "--by", "u"],
                env: one)
            XCTAssertEqual(r.status, 0, "turn \(n): \(r.stderr)")
            let st = status(plan)
            XCTAssertEqual([st.st_uid, st.st_gid, gid_t(st.st_mode & 0o777)], [user.uid, leads, 0o660], "turn \(n)")
            XCTAssertLessThanOrEqual(dropped().count, 1, "turn \(n)")
        }
        XCTAssertEqual(PlanBackups.list(for: plan).map(\.number), [1])
        XCTAssertEqual(PlanStore.names(in: shared).filter { $0.contains(".tmp-") }, [], "no temporary file left")
        let p = try PlanStore.load(plan)
        XCTAssertEqual(p[p.path(of: "1a(i)")!].history.map(\.note).suffix(7), (0..<7).map { "turn \($0)" })
    }

    func testRootSavingALeadsPlanKeepsItsOwner() throws {
        let plan = try makeSharedDrive()
        let r = try TestSupport.run(["rate", plan, "1a(i)", "red", "--note", "admin", "--as-of", "2019-02-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let st = status(plan)
        XCTAssertEqual([st.st_uid, st.st_gid, st.st_mode & 0o777], [alice.uid, leads, 0o660])
    }

    func testLockFilesAreUsableByTheWholeGroupWhateverTheUmask() throws {
        let plan = try makeSharedDrive()
        let old = umask(0o077)
        defer { umask(old) }
        let lock = try PlanLock.acquire(for: plan, timeout: 5)
        defer { lock.release() }
        for path in [lock.lockPath, lock.ownerPath] {
            let st = status(path)
            XCTAssertEqual(st.st_gid, leads, path)
            XCTAssertEqual(st.st_mode & 0o777, 0o660, path)
        }
    }

    func testAReadOnlyPlanIsRefusedAndLeftAsItWas() throws {
        chmod(plan, 0o444)
        let before = try PlanStore.readFile(plan)
        let r = try run("rate", plan, "1a(i)", "red", "--note", "frozen?", "--as-of", "2019-02-01")
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr,
            "actionplan: \(plan): is read-only (mode 0444), so it was not changed; if it should change, make it "
                + "writable first (chmod u+w \(plan))\n")
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        XCTAssertEqual(status(plan).st_mode & 0o777, 0o444)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["plan.json", "shared"],
            "nothing left beside it")
    }

    func testAPlanTheUserMayNotWriteIsRefusedThoughTheDirectoryIsWritable() throws {
        let plan = try makeSharedDrive()
        chmod(plan, 0o640)  // leads may read, only Alice may write
        let before = try PlanStore.readFile(plan)
        let r = try rate(as: bob, plan, "1a(i)", "Bob")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("cannot save: you may not write this file (41001:42000 0640)"), r.stderr)
        XCTAssertEqual(try PlanStore.readFile(plan), before)
    }

    // MARK: - Waiting for a lock never spins

    /// Runs `rate` with a 2-second lock timeout and checks it gave up in time, naming `expected`, without
    /// spinning (processor time well under the time waited).
    private func assertGivesUpCleanly(
        _ r: TestSupport.Run, naming expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertFalse(r.timedOut, "it ended by itself", file: file, line: line)
        XCTAssertEqual(r.status, 2, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(expected), r.stderr, file: file, line: line)
        XCTAssertLessThan(r.cpuSeconds, 1.2, "waited without spinning", file: file, line: line)
    }

    func testAnUnreadableLockFileIsWaitedForThenNamed() throws {
        let plan = try makeSharedDrive()
        let owner = PlanLock.paths(for: plan).owner
        XCTAssertTrue(FileManager.default.createFile(atPath: owner, contents: Data("x".utf8)))
        chown(owner, alice.uid, alice.gid)
        chmod(owner, 0o600)
        let r = try run(
            as: bob, ["rate", plan, "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01"],
            env: ["ACTIONPLAN_LOCK_TIMEOUT": "2"], timeout: 20)
        assertGivesUpCleanly(
            r, naming: "cannot read the lock file \(owner) (Permission denied; owned by 41001:41001 0600)")
    }

    func testAStaleLockThatCannotBeRemovedIsWaitedForThenNamed() throws {
        let plan = try makeSharedDrive()
        chmod(shared, 0o1777)  // sticky: only a file's owner may remove or rename it
        let owner = PlanLock.paths(for: plan).owner
        let dead = try ChildProcess("/bin/true", [])
        dead.wait(timeout: 30)
        let text = LockOwner(host: ProcessProbe.hostName, pid: dead.pid, start: nil, time: LockClock.wall()).text
        XCTAssertTrue(FileManager.default.createFile(atPath: owner, contents: Data(text.utf8)))
        chown(owner, alice.uid, alice.gid)
        chmod(owner, 0o644)
        let r = try run(
            as: bob, ["rate", plan, "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01"],
            env: ["ACTIONPLAN_LOCK_TIMEOUT": "2"], timeout: 20)
        assertGivesUpCleanly(r, naming: "cannot be removed: Operation not permitted")
        XCTAssertTrue(r.stderr.contains("left by process \(dead.pid) on \(ProcessProbe.hostName), which has ended"))
    }

    func testADirectoryAtTheLockPathIsReportedAtOnce() throws {
        for path in [PlanLock.paths(for: plan).owner, PlanLock.paths(for: plan).lock] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let r = try TestSupport.run(
                TestSupport.binary, ["rate", plan, "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01"],
                environment: ProcessInfo.processInfo.environment.merging(["ACTIONPLAN_LOCK_TIMEOUT": "2"]) { $1 },
                timeout: 20)
            assertGivesUpCleanly(r, naming: "\(path) is a directory, where actionplan keeps")
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
