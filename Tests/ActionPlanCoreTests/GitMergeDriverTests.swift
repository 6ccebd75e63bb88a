import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `actionplan merge-driver` under a real `git merge`: two leads' branches merge field by field.
final class GitMergeDriverTests: SamplePlanTestCase {
    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            throw XCTSkip("git is not installed")
        }
        try super.setUpWithError()
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Test Lead")
        try git("config", "user.email", "lead@example.org")
        // As docs/concurrency.md sets it up.
        try git("config", "merge.actionplan.driver", "'\(TestSupport.binary)' merge-driver %O %A %B %P")
        try "*.json merge=actionplan\n".write(toFile: dir + "/.gitattributes", atomically: true, encoding: .utf8)
        try ".*.backups/\n.*.lock\n.*.lock.owner\n".write(
            toFile: dir + "/.gitignore", atomically: true, encoding: .utf8)
        try git("add", ".")
        try git("commit", "-q", "-m", "plan as approved")
    }

    @discardableResult
    private func git(_ args: String...) throws -> TestSupport.Run {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = dir
        env["GIT_EDITOR"] = "true"
        let r = try TestSupport.run("git", ["-C", dir] + args, environment: env, timeout: 120)
        if args.first != "merge" && r.status != 0 { XCTFail("git \(args.joined(separator: " ")): \(r.stderr)") }
        return r
    }

    private func rate(_ id: String, _ rating: String, _ note: String, on day: String) throws {
        let r = try TestSupport.run(["rate", plan, id, rating, "--note", note, "--by", "lead", "--as-of", day])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    private func action(_ id: String) throws -> Action {
        let p = try PlanStore.load(plan)
        return p[try p.requirePath(id)]
    }

    func testTwoLeadsBranchesMergeFieldByField() throws {
        try git("checkout", "-q", "-b", "lead-ds")
        try rate("2(iii)", "red", "DS: recruitment stalled", on: "2019-02-01")
        try rate("3a(i)", "amber", "DS view", on: "2019-02-03")
        try git("commit", "-q", "-am", "DS updates")
        try git("checkout", "-q", "main")
        try rate("5(xii)", "blue", "NH: done", on: "2019-02-02")
        try rate("3a(i)", "amber", "NH view", on: "2019-02-02")
        try git("commit", "-q", "-am", "NH updates")

        let m = try git("merge", "--no-edit", "lead-ds")
        XCTAssertEqual(m.status, 0, m.stdout + m.stderr)
        XCTAssertEqual(try git("status", "--porcelain").stdout, "", "merged and committed")
        XCTAssertEqual(try git("log", "-1", "--format=%p").stdout.split(separator: " ").count, 2, "a merge commit")
        XCTAssertEqual(try action("2(iii)").rating, .red)
        XCTAssertEqual(try action("5(xii)").rating, .blue)
        let shared = try action("3a(i)")
        XCTAssertEqual(shared.rating, .amber)
        XCTAssertEqual(shared.history.suffix(2).map(\.note), ["NH view", "DS view"], "both entries, in time order")
        let bytes = try PlanStore.readFile(plan)
        XCTAssertEqual(PlanCodec.encode(try PlanCodec.decode(bytes, file: plan)), bytes, "written by the plan writer")
    }

    func testAClashIsAConflictGitReportsWithMarkersAroundTheClashOnly() throws {
        try git("checkout", "-q", "-b", "lead-jh")
        try rate("1a(i)", "red", "JH: late", on: "2019-02-01")
        try rate("2(iii)", "red", "JH also rated this", on: "2019-02-01")
        try git("commit", "-q", "-am", "JH")
        try git("checkout", "-q", "main")
        try rate("1a(i)", "amber", "CM: plan in place", on: "2019-02-02")
        try rate("5(xii)", "blue", "NH: done", on: "2019-02-02")
        try git("commit", "-q", "-am", "CM")

        let m = try git("merge", "--no-edit", "lead-jh")
        XCTAssertNotEqual(m.status, 0)
        XCTAssertTrue(m.stdout.contains("CONFLICT (content): Merge conflict in plan.json"), m.stdout)
        XCTAssertTrue(
            m.stderr.contains("plan.json: 1 conflict")
                && m.stderr.contains("action 1a(i) rating: ours \"Amber\", theirs \"Red\""),
            m.stderr)
        XCTAssertEqual(try git("diff", "--name-only", "--diff-filter=U").stdout, "plan.json\n")

        let text = try String(contentsOfFile: plan, encoding: .utf8)
        XCTAssertTrue(
            text.contains(
                "<<<<<<< ours\n              \"rating\": \"amber\",\n=======\n              \"rating\": \"red\",\n"
                    + ">>>>>>> theirs\n"), text)
        XCTAssertEqual(text.components(separatedBy: "<<<<<<<").count, 2, "only the clash is marked")
        let list = try TestSupport.run(["list", plan])
        XCTAssertEqual(list.status, 2)
        XCTAssertTrue(list.stderr.contains("unresolved merge conflict (git conflict markers"), list.stderr)

        // Keep theirs: delete our hunk and the markers. Everything else from both branches is there.
        var kept: [Substring] = []
        var side = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<<<<<<<") {
                side = "ours"
                continue
            }
            if line.hasPrefix("=======") && side == "ours" {
                side = "theirs"
                continue
            }
            if line.hasPrefix(">>>>>>>") {
                side = ""
                continue
            }
            if side != "ours" { kept.append(line) }
        }
        try kept.joined(separator: "\n").write(toFile: plan, atomically: true, encoding: .utf8)
        XCTAssertEqual(try action("1a(i)").rating, .red)
        XCTAssertEqual(try action("1a(i)").history.suffix(2).map(\.note), ["JH: late", "CM: plan in place"])
        XCTAssertEqual(try action("2(iii)").rating, .red)
        XCTAssertEqual(try action("5(xii)").rating, .blue)
        try git("add", "plan.json")
        try git("commit", "-q", "--no-edit")
    }

    func testAnInvalidVersionLeavesOursAsItWasAndFails() throws {
        let ours = dir + "/ours.json"
        let theirs = dir + "/theirs.json"
        try FileManager.default.copyItem(atPath: plan, toPath: ours)
        try "{ \"schemaVersion\": 1, \"title\": 5 }".write(toFile: theirs, atomically: true, encoding: .utf8)
        let before = try PlanStore.readFile(ours)
        let r = try TestSupport.run(["merge-driver", plan, ours, theirs, "plan.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr, "actionplan: plan.json (theirs):1:32: at $.title: expected a string, found a number\n")
        XCTAssertEqual(try PlanStore.readFile(ours), before)
    }

    func testWithoutACommonAncestorBothAdditionsAreKept() throws {
        let base = dir + "/empty"
        let ours = dir + "/ours.json"
        let theirs = dir + "/theirs.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: base, contents: Data()))
        var a = try PlanStore.load(plan)
        var b = a
        try a.addAction(Action(id: "7(i)", text: "Ours", deliveryDate: "May 2019"), theme: 0, group: 0)
        try b.addAction(Action(id: "7(ii)", text: "Theirs", deliveryDate: "May 2019"), theme: 0, group: 0)
        try PlanStore.save(a, to: ours)
        try PlanStore.save(b, to: theirs)
        let r = try TestSupport.run(["merge-driver", base, ours, theirs])
        XCTAssertEqual(r.status, 0, r.stderr)
        let merged = try PlanStore.load(ours)
        XCTAssertNotNil(merged.path(of: "7(i)"))
        XCTAssertNotNil(merged.path(of: "7(ii)"))
    }
}
