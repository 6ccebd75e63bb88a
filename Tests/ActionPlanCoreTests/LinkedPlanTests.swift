import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// A plan reached through a symbolic link is saved where it really is; one with several hard links is
/// refused rather than split.
final class LinkedPlanTests: SamplePlanTestCase {
    private var real = ""
    private var link = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(atPath: dir + "/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        real = dir + "/shared/plan.json"
        link = dir + "/home/plan.json"
        try FileManager.default.moveItem(atPath: plan, toPath: real)
        XCTAssertEqual(symlink("../shared/plan.json", link), 0)
    }

    private func names(_ sub: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir + "/" + sub).sorted()
    }

    private func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func testSavingThroughASymbolicLinkChangesTheSharedPlanAndKeepsTheLink() throws {
        let r = try run("rate", link, "1a(i)", "red", "--note", "via my link", "--as-of", "2019-02-01")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(isLink(link), "the link is still a link")
        let shared = try PlanStore.load(real)
        XCTAssertEqual(shared[shared.path(of: "1a(i)")!].history.last?.note, "via my link", "the shared plan has it")
        XCTAssertEqual(try names("home"), ["plan.json"], "no lock or backups beside the link")
        XCTAssertEqual(try names("shared"), [".plan.json.backups", "plan.json"], "backups beside the real plan")

        // Someone using the real path and someone using the link exclude each other: the same lock.
        let lock = try PlanLock.acquire(for: real, timeout: 5)
        let blocked = try TestSupport.run(
            TestSupport.binary, ["rate", link, "1a(ii)", "red", "--note", "waits", "--as-of", "2019-02-01"],
            environment: ProcessInfo.processInfo.environment.merging(["ACTIONPLAN_LOCK_TIMEOUT": "1"]) { $1 })
        XCTAssertEqual(blocked.status, 2, "the lock taken through the real path holds against the link")
        XCTAssertTrue(blocked.stderr.contains("locked by process \(getpid())"), blocked.stderr)
        lock.release()
    }

    func testAnEditorSavingThroughALinkMergesWithSavesMadeThroughTheRealPath() throws {
        let opened = try PlanStore.loadWithFingerprint(link)
        XCTAssertEqual(
            try run("rate", real, "2(iii)", "red", "--note", "other lead", "--as-of", "2019-02-02").status, 0)
        var mine = opened.plan
        try mine.addNote(id: "4(i)", text: "mine", by: "CM", on: TestSupport.day("2019-02-03"))
        let saved = try PlanStore.saveMerging(mine, base: opened.plan, baseFingerprint: opened.fingerprint, to: link)
        XCTAssertTrue(saved.saved)
        XCTAssertTrue(isLink(link))
        let p = try PlanStore.load(real)
        XCTAssertEqual(p[p.path(of: "2(iii)")!].history.last?.note, "other lead")
        XCTAssertEqual(p[p.path(of: "4(i)")!].notes.last?.text, "mine")
    }

    func testARelativeChainOfLinksAndADanglingLinkResolve() throws {
        let second = dir + "/home/second.json"
        XCTAssertEqual(symlink("plan.json", second), 0)  // second -> plan.json -> ../shared/plan.json
        XCTAssertEqual(try SaveTarget.resolve(second).path, dir + "/home/../shared/plan.json")
        let dangling = dir + "/home/new.json"
        XCTAssertEqual(symlink("../shared/new.json", dangling), 0)
        try PlanStore.writeAtomically(Array("{}".utf8), to: dangling)
        XCTAssertTrue(isLink(dangling), "writing through a dangling link creates its target")
        XCTAssertEqual(try String(contentsOfFile: dir + "/shared/new.json", encoding: .utf8), "{}")
    }

    func testAPlanWithSeveralHardLinksIsRefusedNotSplit() throws {
        let other = dir + "/home/hard.json"
        XCTAssertEqual(Glibc.link(real, other), 0)
        let before = try PlanStore.readFile(real)
        let r = try run("rate", other, "1a(i)", "red", "--note", "split?", "--as-of", "2019-02-01")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(
            r.stderr.contains("\(other): has 2 hard links (other names for the same file); saving gives this name"),
            r.stderr)
        XCTAssertEqual(try PlanStore.readFile(real), before)
        XCTAssertEqual(try PlanStore.readFile(other), before)
        var a = stat()
        var b = stat()
        XCTAssertEqual(stat(real, &a), 0)
        XCTAssertEqual(stat(other, &b), 0)
        XCTAssertEqual(a.st_ino, b.st_ino, "still one file under two names")
    }

    func testAnExportToADeviceOrAPipeIsWrittenIntoNeverReplaced() throws {
        // As root, `--output /dev/null` once replaced the device with a file. A private device node (the same
        // device as /dev/null) shows it safely.
        if getuid() == 0 {
            let null = dir + "/home/null"
            XCTAssertEqual(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)), 0)  // major 1, minor 3
            let r = try run("export", real, "--format", "csv", "--output", null, "--as-of", "2019-02-01")
            XCTAssertEqual(r.status, 0, r.stderr)
            var st = stat()
            XCTAssertEqual(lstat(null, &st), 0)
            XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "still the device")
        }
        // A pipe with a reader gets the report; one without a reader is an error, not a hang.
        let fifo = dir + "/home/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let none = try run("export", real, "--format", "csv", "--output", fifo, "--as-of", "2019-02-01")
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no program is reading from this pipe"), none.stderr)
        let reader = try ChildProcess("/bin/sh", ["-c", "cat '\(fifo)' > '\(dir)/home/received.csv'"])
        var r = try run("export", real, "--format", "csv", "--output", fifo, "--as-of", "2019-02-01")
        for _ in 0..<50 where r.status != 0 {  // until the reader has opened the pipe
            usleep(100_000)
            r = try run("export", real, "--format", "csv", "--output", fifo, "--as-of", "2019-02-01")
        }
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(reader.wait(timeout: 30).status, 0)
        let received = try String(contentsOfFile: dir + "/home/received.csv", encoding: .utf8)
        XCTAssertTrue(received.contains("theme,group,id,cross_refs,action,leads,"), String(received.prefix(60)))
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "still the pipe")
        // A plan cannot be a pipe: saving one is refused.
        let save = try run("rate", fifo, "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01")
        XCTAssertEqual(save.status, 2)
    }
}
