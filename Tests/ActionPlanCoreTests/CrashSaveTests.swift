import ActionPlanStore
import ActionPlanSynthetic
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore

/// Killing a save at any moment leaves the previous version or the new one, complete and valid.
///
/// Each test overwrites the sample copy `plan` with its own synthetic plan before the first save.
final class CrashSaveTests: SamplePlanTestCase {
    /// Starts `actionplan debug-save-loop` with `args`, kills it with SIGKILL after a random delay of up to
    /// `maxDelay` seconds, and returns the numbers it printed (`saved N`).
    private func killSaveLoop(_ args: [String], maxDelay: Double) throws -> [Int] {
        let p = try ChildProcess(TestSupport.binary, ["debug-save-loop", plan] + args)
        usleep(UInt32.random(in: 0...UInt32(maxDelay * 1_000_000)))
        p.send(SIGKILL)
        let o = p.wait(timeout: 60)
        XCTAssertEqual(o.signal, SIGKILL, "killed, not failed: \(o.stderr)")
        let printed = o.stdout
        return printed.split(separator: "\n").compactMap { $0.hasPrefix("saved ") ? Int($0.dropFirst(6)) : nil }
    }

    /// Byte-for-byte equality at memcmp speed (a debug build compares 10 MB arrays slowly).
    private func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count
            && a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 }
            }
    }

    private func temporaryFiles() throws -> [String] {
        let fm = FileManager.default
        let backups = PlanBackups.directory(for: plan)
        let names = try fm.contentsOfDirectory(atPath: dir) + ((try? fm.contentsOfDirectory(atPath: backups)) ?? [])
        return names.filter { $0.contains(".tmp-") }
    }

    func testKillingSavesOfA10000ActionPlan200TimesLeavesTheOldOrTheNewVersion() throws {
        var big = SyntheticPlan.make(actions: 10_000)
        var versions: [[UInt8]] = []
        var files: [String] = []
        for v in 1...3 {
            big.version = "crash test version \(v)"
            versions.append(PlanCodec.encode(big))
            files.append(dir + "/version-\(v).json")
            try PlanStore.writeAtomically(versions[v - 1], to: files[v - 1])
        }
        XCTAssertEqual(try PlanCodec.decode(versions[0], file: "version 1").allActions.count, 10_000)
        XCTAssertEqual(Set(versions.map(\.count)).count, 1, "same size: a torn file could not be told by its size")
        try PlanStore.writeAtomically(versions[2], to: plan)
        var current = 3
        var midWrite = 0
        var saves = 0
        let args = files.flatMap { ["--bytes", $0] }
        var rounds = 0
        // 200 kills; more (up to 800) on a machine so fast or so busy that few kills land mid-write (the backup
        // is a hard link, not a copy, so the only write a kill can cut short is the new version's).
        for round in 1...800 where round <= 200 || midWrite < 10 {
            rounds = round
            let printed = try killSaveLoop(args, maxDelay: 0.15)
            saves += printed.count
            // The file must be the version last reported saved, or the one being saved when killed.
            let allowed: Set<Int> = printed.last.map { [$0, $0 % 3 + 1] } ?? [current, 1]
            let bytes = try PlanStore.readFile(plan)
            guard let k = versions.firstIndex(where: { same($0, bytes) }).map({ $0 + 1 }) else {
                XCTFail("round \(round): the file is none of the versions (\(bytes.count) bytes)")
                return
            }
            XCTAssertTrue(allowed.contains(k), "round \(round): version \(k), expected one of \(allowed.sorted())")
            current = k
            if try !temporaryFiles().isEmpty { midWrite += 1 }
        }
        print(
            "crash test: \(rounds) kills, \(saves) completed saves, \(midWrite) kills left a half-written temporary file"
        )
        XCTAssertGreaterThanOrEqual(midWrite, 10, "enough kills landed in the middle of writing")

        // Backups are whole versions too, and a normal save afterwards is not blocked by the killed processes'
        // locks and sweeps their temporary files away.
        for b in PlanBackups.list(for: plan) {
            let backup = try PlanStore.readFile(b.path)
            XCTAssertTrue(versions.contains { same($0, backup) }, "backup \(b.number) is a whole version")
        }
        let start = Date()
        let r = try TestSupport.run(["debug-save-loop", plan, "--count", "1"] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 25, "not held up for the 30 s stale age")
        XCTAssertEqual(try temporaryFiles(), [])
        XCTAssertFalse(PlanStore.exists(PlanLock.paths(for: plan).owner))
    }

    func testKillingFullUpdatesLeavesAValidPlanAtTheLastOrNextVersion() throws {
        try PlanStore.save(SyntheticPlan.make(actions: 1_000, seed: 3), to: plan)
        var current = 0
        for round in 1...30 {
            let printed = try killSaveLoop([], maxDelay: 0.4)
            let bytes = try PlanStore.readFile(plan)
            let p = try PlanCodec.decode(bytes, file: plan)
            XCTAssertEqual(PlanCodec.encode(p), bytes, "round \(round): complete")
            XCTAssertEqual(p.allActions.count, 1_000)
            let n = p.version.hasPrefix("debug save ") ? Int(p.version.dropFirst(11))! : 0
            let last = printed.last ?? current
            XCTAssertTrue([last, last + 1].contains(n), "round \(round): version \(n), last reported \(last)")
            current = n
        }
    }
}
