import ActionPlanStore
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore

/// Several leads saving one plan at the same moment: nothing anyone saves is lost (docs/concurrency.md).
final class ConcurrentSaveTests: SamplePlanTestCase {

    private static let ratings = ["blue", "green", "amber", "red"]

    /// The rating worker applies at step `i` (1-based).
    private static func rating(_ i: Int) -> String { ratings[i % 4] }

    func testTenProcessesRatingAtOnceLoseNothing() throws {
        let base = try PlanStore.load(plan)
        let shared = "5(xii)"
        let own = Array(base.allActions.map(\.id).filter { $0 != shared }.prefix(8))
        let before = Dictionary(uniqueKeysWithValues: base.allActions.map { ($0.id, $0.history.count) })
        var workers: [ChildProcess] = []
        for k in 0..<10 {
            let id = k < 8 ? own[k] : shared
            // Each worker: 50 `rate` commands one after another; any non-zero exit is recorded.
            let script = """
                i=1
                while [ $i -le 50 ]; do
                  case $((i % 4)) in 0) r=blue;; 1) r=green;; 2) r=amber;; 3) r=red;; esac
                  "$BIN" rate "$PLAN" "$ID" "$r" --note "w$K-$i" --by "w$K" --as-of 2019-03-01 \
                    >/dev/null 2>>"$DIR/stderr-$K" \
                    || echo "worker $K step $i exit $?" >> "$DIR/failures"
                  i=$((i + 1))
                done
                """
            var env = ProcessInfo.processInfo.environment
            env["BIN"] = TestSupport.binary
            env["PLAN"] = plan
            env["ID"] = id
            env["K"] = String(k)
            env["DIR"] = dir
            workers.append(try ChildProcess("/bin/sh", ["-c", script], environment: env))
        }
        let outcomes = workers.map { $0.wait(timeout: 600) }
        XCTAssertEqual(outcomes.filter(\.timedOut).count, 0, "every worker finished")
        XCTAssertEqual(outcomes.map(\.status), Array(repeating: 0, count: 10))
        let failures = (try? String(contentsOfFile: dir + "/failures", encoding: .utf8)) ?? ""
        XCTAssertEqual(failures, "", "every command exited 0")

        let after = try PlanStore.load(plan)  // a valid file
        var total = 0
        for k in 0..<10 {
            let id = k < 8 ? own[k] : shared
            let a = after[after.path(of: id)!]
            let mine = a.history.filter { $0.by == "w\(k)" }
            XCTAssertEqual(
                mine.map(\.note), (1...50).map { "w\(k)-\($0)" }, "worker \(k): all 50, in the order applied")
            XCTAssertEqual(mine.map { $0.to?.rawValue }, (1...50).map { ConcurrentSaveTests.rating($0) })
            total += mine.count
            if k < 8 {
                XCTAssertEqual(a.history.count, before[id]! + 50)
                XCTAssertEqual(a.rating?.rawValue, ConcurrentSaveTests.rating(50), "the last rating applied")
            }
        }
        XCTAssertEqual(total, 500)
        let s = after[after.path(of: shared)!]
        XCTAssertEqual(s.history.count, before[shared]! + 100)
        XCTAssertEqual(s.rating, s.history.last?.to, "the shared action holds the last rating applied to it")
        XCTAssertTrue(["w8-50", "w9-50"].contains(s.history.last!.note))
        // Each change starts from the one before it: no save overwrote another.
        for (prev, next) in zip(s.history.suffix(100).dropLast(), s.history.suffix(100).dropFirst()) {
            XCTAssertEqual(next.from, prev.to)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".plan.json.") }
        XCTAssertEqual(leftovers, [".plan.json.backups"], "no lock or temporary files left behind")
        XCTAssertEqual(PlanBackups.list(for: plan).map(\.number), [1, 2, 3, 4, 5])
    }

    func testAPlanKeptOpenMergesOthersChangesAndOffersARealConflict() throws {
        let opened = try PlanStore.loadWithFingerprint(plan)
        // Others save while it is open.
        for args in [
            ["rate", plan, "2(iii)", "red", "--note", "other lead", "--by", "DS", "--as-of", "2019-02-04"],
            ["rate", plan, "5(xii)", "blue", "--note", "done, says NH", "--by", "NH", "--as-of", "2019-02-05"],
            ["rate", plan, "1a(i)", "amber", "--note", "slipping", "--by", "JH", "--as-of", "2019-02-06"],
        ] {
            XCTAssertEqual(try TestSupport.run(args).status, 0)
        }
        let others = try PlanStore.readFile(plan)

        var mine = opened.plan
        try mine.rate(
            id: "5(xii)", to: .red, note: "not done, says the board", by: "CM", on: TestSupport.day("2019-02-03"))
        try mine.addNote(id: "4(i)", text: "Board reviewed", by: "CM", on: TestSupport.day("2019-02-03"))

        let first = try PlanStore.saveMerging(mine, base: opened.plan, baseFingerprint: opened.fingerprint, to: plan)
        XCTAssertFalse(first.saved)
        XCTAssertEqual(first.conflicts.count, 1)
        let c = first.conflicts[0]
        XCTAssertEqual([c.actionID, c.field, c.ours, c.theirs], ["5(xii)", "rating", "Red", "Blue"])
        XCTAssertEqual(try PlanStore.readFile(plan), others, "a conflict is offered, never decided: nothing written")

        let second = try PlanStore.saveMerging(
            mine, base: opened.plan, baseFingerprint: opened.fingerprint, to: plan, choices: [c.key: .ours])
        XCTAssertTrue(second.saved)
        XCTAssertTrue(second.mergedOthersChanges)
        XCTAssertEqual(second.fingerprint, PlanStore.currentFingerprint(plan))
        let after = try PlanStore.load(plan)
        XCTAssertEqual(after, second.plan)
        XCTAssertEqual(after[after.path(of: "2(iii)")!].rating, .red, "others' change survives")
        XCTAssertEqual(after[after.path(of: "1a(i)")!].rating, .amber, "others' change survives")
        XCTAssertEqual(after[after.path(of: "4(i)")!].notes.last?.text, "Board reviewed", "ours survives")
        let s = after[after.path(of: "5(xii)")!]
        XCTAssertEqual(s.rating, .red, "the user's choice")
        XCTAssertEqual(
            s.history.suffix(3).map(\.note),
            [
                "not done, says the board", "done, says NH",
                "not done, says the board (kept over the change to Blue by NH saved meanwhile)",
            ],
            "both, by date, then the choice: the history ends at the rating kept")
        XCTAssertEqual(s.history.last?.to, .red)

        // The saved plan is the new base: saving again does not merge.
        var again = second.plan
        try again.addNote(id: "4(i)", text: "Follow-up", by: "CM", on: TestSupport.day("2019-02-07"))
        let third = try PlanStore.saveMerging(again, base: second.plan, baseFingerprint: second.fingerprint, to: plan)
        XCTAssertTrue(third.saved)
        XCTAssertFalse(third.mergedOthersChanges)
        XCTAssertEqual(try PlanStore.load(plan), again)
    }

    func testUpdateMergesAWriteThatIgnoredTheLockAndRefusesAClash() throws {
        // Someone writes the file without the lock (an editor) while an update is in progress.
        func sneak(_ id: String, _ rating: Rating) throws {
            var other = try PlanStore.load(plan)
            try other.rate(id: id, to: rating, note: "edited by hand", by: "X", on: TestSupport.day("2019-02-01"))
            try PlanStore.save(other, to: plan)
        }
        try PlanStore.update(plan) { p in
            try p.rate(id: "1a(i)", to: .red, note: "ours", by: "O", on: TestSupport.day("2019-02-02"))
            try sneak("2(iii)", .blue)
        }
        var p = try PlanStore.load(plan)
        XCTAssertEqual(p[p.path(of: "1a(i)")!].rating, .red)
        XCTAssertEqual(p[p.path(of: "2(iii)")!].rating, .blue)

        var thrown: Error?
        do {
            try PlanStore.update(plan) { p in
                try p.rate(id: "1a(ii)", to: .red, note: "ours", by: "O", on: TestSupport.day("2019-02-02"))
                try sneak("1a(ii)", .amber)
            }
        } catch { thrown = error }
        let e = try XCTUnwrap(thrown as? PlanConflictError)
        XCTAssertEqual(e.conflicts.map(\.key.description), ["action 1a(ii) rating"])
        XCTAssertTrue(e.description.contains("yours \"Red\", on disk \"Amber\""), e.description)
        p = try PlanStore.load(plan)
        XCTAssertEqual(p[p.path(of: "1a(ii)")!].rating, .amber, "the file is as the other writer left it")
    }

    func testThreadsOfOneProcessQueueForTheLock() throws {
        let ids = Array(try PlanStore.load(plan).allActions.map(\.id).prefix(4))
        let errors = ErrorBox()
        let plan = self.plan
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for i in 0..<15 {
                do {
                    try PlanStore.update(plan) { p in
                        try p.addNote(id: ids[t], text: "t\(t)-\(i)", by: "T", on: TestSupport.day("2019-02-01"))
                    }
                } catch { errors.add(error) }
            }
        }
        XCTAssertEqual(errors.all.map { "\($0)" }, [])
        let p = try PlanStore.load(plan)
        for (t, id) in ids.enumerated() {
            XCTAssertEqual(
                p[p.path(of: id)!].notes.map(\.text).filter { $0.hasPrefix("t\(t)-") }, (0..<15).map { "t\(t)-\($0)" })
        }
    }
}

/// Errors collected from several threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ e: Error) { lock.withLock { errors.append(e) } }
    var all: [Error] { lock.withLock { errors } }
}
