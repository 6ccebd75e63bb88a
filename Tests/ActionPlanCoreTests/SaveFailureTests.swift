import Foundation
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// A full disk or a read-only directory makes a save fail with a clear message and leaves the plan untouched.
final class SaveFailureTests: XCTestCase {
    private var dir = ""
    private var mounted = false

    override func setUpWithError() throws {
        dir = try TestSupport.tempDir()
    }

    override func tearDownWithError() throws {
        if mounted { _ = try? shell("umount '\(dir)/mnt'") }
        try? FileManager.default.removeItem(atPath: dir)
    }

    @discardableResult
    private func shell(_ command: String) throws -> TestSupport.Run {
        try TestSupport.run("/bin/sh", ["-c", command], timeout: 60)
    }

    /// A small tmpfs at `dir/mnt` holding a copy of the sample plan (needs root; skipped otherwise).
    private func mountSmallDisk(size: String) throws -> String {
        let mnt = dir + "/mnt"
        try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        let r = try shell("mount -t tmpfs -o size=\(size) tmpfs '\(mnt)'")
        if r.status != 0 { throw XCTSkip("cannot mount a tmpfs here (\(r.stderr)); see docs/reliability.md") }
        mounted = true
        try FileManager.default.copyItem(atPath: TestSupport.samplePlanPath, toPath: mnt + "/plan.json")
        return mnt + "/plan.json"
    }

    private func rate(_ plan: String) throws -> TestSupport.Run {
        try TestSupport.run(["rate", plan, "5(xii)", "red", "--note", "late", "--by", "NH", "--as-of", "2019-02-01"])
    }

    func testAFullDiskFailsClearlyAndLeavesThePlanUntouched() throws {
        let plan = try mountSmallDisk(size: "1m")
        let before = try PlanStore.readFile(plan)
        // Fill the disk, then free two pages: enough for the lock files, not for the plan.
        let mnt = PlanStore.directory(of: plan)
        try shell("dd if=/dev/zero of='\(mnt)/filler' bs=4096 2>/dev/null; truncate -s -8192 '\(mnt)/filler'")
        let r = try rate(plan)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr, "actionplan: \(plan): cannot save: No space left on device; the previous file is unchanged\n")
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        let left = try FileManager.default.contentsOfDirectory(atPath: mnt).filter {
            !$0.hasPrefix(".plan.json.backups")
        }
        XCTAssertEqual(left.sorted(), ["filler", "plan.json"], "no temporary or lock files left")
        // With space again, the same command works.
        try FileManager.default.removeItem(atPath: mnt + "/filler")
        XCTAssertEqual(try rate(plan).status, 0)
    }

    func testAReadOnlyFileSystemFailsClearlyAndLeavesThePlanUntouched() throws {
        let plan = try mountSmallDisk(size: "1m")
        let before = try PlanStore.readFile(plan)
        let mnt = PlanStore.directory(of: plan)
        XCTAssertEqual(try shell("mount -o remount,ro '\(mnt)'").status, 0)
        let r = try rate(plan)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr,
            "actionplan: \(plan): cannot save: cannot create files in \(mnt) (Read-only file system); "
                + "the plan is unchanged\n")
        XCTAssertEqual(try PlanStore.readFile(plan), before)
    }

    func testADirectoryTheUserCannotWriteFailsClearly() throws {
        let sub = dir + "/readonly"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let plan = sub + "/plan.json"
        try FileManager.default.copyItem(atPath: TestSupport.samplePlanPath, toPath: plan)
        let before = try PlanStore.readFile(plan)
        // The file itself may be written by anyone; only the directory stops the save.
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: plan)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: sub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sub) }
        let command = "'\(TestSupport.binary)' rate '\(plan)' '5(xii)' red --note late --by NH --as-of 2019-02-01"
        let r: TestSupport.Run
        if getuid() == 0 {
            // Root ignores permissions: run as nobody (who can read the plan and the binary, not write the directory).
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("no setpriv") }
            r = try shell("/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups \(command)")
            if r.stderr.contains("Permission denied") && r.stderr.contains(TestSupport.binary) {
                throw XCTSkip("nobody cannot run \(TestSupport.binary)")
            }
        } else {
            r = try shell(command)
        }
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(
            r.stderr,
            "actionplan: \(plan): cannot save: cannot create files in \(sub) (Permission denied); "
                + "the plan is unchanged\n")
        XCTAssertEqual(try PlanStore.readFile(plan), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sub), ["plan.json"])
    }
}
