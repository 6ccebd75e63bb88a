import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// The plan lock: exclusive, gone after release, and never blocked for long by a dead or vanished holder.
final class PlanLockTests: SamplePlanTestCase {

    private func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    /// An owner file as another holder would leave it.
    private func writeOwner(host: String, pid: Int32, age: Double) throws {
        let o = LockOwner(host: host, pid: pid, start: nil, time: LockClock.wall() - age)
        try PlanStore.writeAtomically(Array(o.text.utf8), to: PlanLock.paths(for: plan).owner)
    }

    /// The ID of a process that has exited.
    private func deadPID() throws -> Int32 {
        let p = try ChildProcess("/bin/true", [])
        p.wait(timeout: 30)
        return p.pid
    }

    func testLockNamesItsHolderAndLeavesNothingBehind() throws {
        let lock = try PlanLock.acquire(for: plan)
        XCTAssertEqual(try files(), [".plan.json.lock", ".plan.json.lock.owner", "plan.json"])
        let owner = LockOwner(text: try String(contentsOfFile: lock.ownerPath, encoding: .utf8))
        XCTAssertEqual(owner?.pid, getpid())
        XCTAssertEqual(owner?.host, ProcessProbe.hostName)
        XCTAssertTrue(lock.isStillHeld)
        XCTAssertTrue(lock.usesFlock)
        lock.release()
        lock.release()
        XCTAssertEqual(try files(), ["plan.json"])
    }

    func testASecondHolderWaitsForTheFirst() throws {
        let first = try PlanLock.acquire(for: plan)
        let got = expectation(description: "second lock")
        let order = ErrorBox()
        let plan = self.plan
        Thread.detachNewThread {
            if let second = try? PlanLock.acquire(for: plan, timeout: 10) {
                order.add(PlanError(.invalidValue, message: "second"))
                second.release()
            }
            got.fulfill()
        }
        usleep(300_000)
        XCTAssertTrue(order.all.isEmpty, "still waiting while the first holds it")
        first.release()
        wait(for: [got], timeout: 10)
        XCTAssertEqual(order.all.count, 1)
    }

    func testAWaiterGivesUpNamingTheHolder() throws {
        try writeOwner(host: "other-host.example", pid: 4242, age: 1)
        let start = Date()
        XCTAssertThrowsError(try PlanLock.acquire(for: plan, timeout: 0.3)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("locked by process 4242 on other-host.example"), text)
            XCTAssertTrue(text.contains("delete \(self.dir)/.plan.json.lock.owner"), text)
        }
        // Upper bounds only catch a timeout that is ignored; they leave room for a busy machine.
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
        XCTAssertEqual(try files(), [".plan.json.lock.owner", "plan.json"], "the other host's lock is left alone")
    }

    func testALockOfADeadProcessOnThisHostIsTakenOverAtOnce() throws {
        try writeOwner(host: ProcessProbe.hostName, pid: try deadPID(), age: 0)
        let start = Date()
        let lock = try PlanLock.acquire(for: plan, timeout: 5)
        XCTAssertLessThan(Date().timeIntervalSince(start), 4, "well before the 5 s timeout")
        XCTAssertTrue(lock.isStillHeld)
        lock.release()
        XCTAssertEqual(try files(), ["plan.json"])
    }

    func testALockOfALiveProcessOnThisHostIsNeverTakenOverHoweverOld() throws {
        // A holder that is alive here may only be frozen (Ctrl-Z, a stalled disk): taking its lock would let
        // its late write overwrite a newer save. Waiters time out instead, naming it.
        try writeOwner(host: ProcessProbe.hostName, pid: getppid(), age: 3600)
        let start = Date()
        XCTAssertThrowsError(try PlanLock.acquire(for: plan, timeout: 1, staleAfter: 0.2)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("locked by process \(getppid()) on \(ProcessProbe.hostName)"), text)
            XCTAssertTrue(text.contains("still running on this machine"), text)
        }
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.9, "waited for the whole timeout")
        XCTAssertEqual(try files(), [".plan.json.lock.owner", "plan.json"], "the live holder's lock is left alone")
    }

    func testALockFromAnotherHostIsTakenOverOnceStale() throws {
        try writeOwner(host: "other-host.example", pid: 4242, age: 0)
        XCTAssertThrowsError(try PlanLock.acquire(for: plan, timeout: 0.2, staleAfter: 30))
        try writeOwner(host: "other-host.example", pid: 4242, age: 0)
        let start = Date()
        let lock = try PlanLock.acquire(for: plan, timeout: 5, staleAfter: 0.5)
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.4, "waited until it was stale")
        lock.release()
    }

    func testAnOldLockFromAnotherHostAndAnEmptyLockFileAreTakenOver() throws {
        try writeOwner(host: "other-host.example", pid: 4242, age: 120)
        try PlanLock.acquire(for: plan, timeout: 1).release()
        // Its creator died between creating and writing it.
        XCTAssertTrue(FileManager.default.createFile(atPath: PlanLock.paths(for: plan).owner, contents: Data()))
        let start = Date()
        try PlanLock.acquire(for: plan, timeout: 10).release()
        let waited = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(waited, 1.5, "an empty owner file is given time to be written")
        XCTAssertLessThan(waited, 9.5, "taken over before the 10 s timeout")
    }

    func testASaveWhoseLockWasTakenOverDoesNotWrite() throws {
        let before = try PlanStore.readFile(plan)
        XCTAssertThrowsError(
            try PlanStore.update(plan) { p in
                try p.addNote(id: "1a(i)", text: "too slow", by: "X", on: TestSupport.day("2019-02-01"))
                // Meanwhile another machine judged this lock stale and took it over.
                let other = LockOwner(host: "other-host.example", pid: 77, start: nil, time: LockClock.wall())
                try PlanStore.writeAtomically(Array(other.text.utf8), to: PlanLock.paths(for: self.plan).owner)
            }
        ) { e in XCTAssertTrue("\(e)".contains("lock was taken over"), "\(e)") }
        XCTAssertEqual(try PlanStore.readFile(plan), before)
    }

    func testOwnerRecordRoundTripsAndRejectsGarbage() {
        let o = LockOwner(host: "h", pid: 12, start: 345, time: 1_700_000_000.5)
        XCTAssertEqual(LockOwner(text: o.text), o)
        XCTAssertNil(LockOwner(text: ""))
        XCTAssertNil(LockOwner(text: "hello\npid 3\n"))
        XCTAssertFalse(ProcessProbe.isAlive(0, startedAt: nil))
        XCTAssertTrue(ProcessProbe.isAlive(getpid(), startedAt: ProcessProbe.startTime(of: getpid())))
        XCTAssertFalse(ProcessProbe.isAlive(getpid(), startedAt: 1), "same ID, different start: a reused ID")
    }
}
