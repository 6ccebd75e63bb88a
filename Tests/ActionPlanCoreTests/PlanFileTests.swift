import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

final class PlanFileTests: XCTestCase {
    func testRoundTripIsExactAndDeterministic() throws {
        var plan = try TestSupport.samplePlan()
        try plan.rate(
            id: "5(xii)", to: .red, note: "Évaluation delayed — 例え 📋 \"quoted\"\nnext line\t tab", by: "NH",
            on: TestSupport.day("2019-01-31"))
        try plan.addNote(id: "1a(i)", text: "Briefing held", by: "CM", on: TestSupport.day("2019-01-15"))
        try plan.reviseDate(
            id: "1a(i)", to: "Q1 2019/20", reason: "new board", by: "CM", on: TestSupport.day("2019-01-16"))
        let bytes = PlanCodec.encode(plan)
        let back = try PlanCodec.decode(bytes, file: "mem")
        XCTAssertEqual(back, plan)
        XCTAssertEqual(PlanCodec.encode(back), bytes)
        XCTAssertEqual(bytes.last, 0x0A, "trailing newline")
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"schemaVersion\": 2,\n  \"title\": "), "the sample has recommendations")
        XCTAssertTrue(text.contains("\"note\": \"Évaluation delayed — 例え 📋 \\\"quoted\\\"\\nnext line\\t tab\""))
    }

    func testOneEditChangesOnlyTheLinesOfThatAction() throws {
        var plan = try TestSupport.samplePlan()
        let before = String(decoding: PlanCodec.encode(plan), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        try plan.rate(id: "3a(ii)", to: .blue, note: "done", by: "SM", on: TestSupport.day("2019-01-31"))
        let after = String(decoding: PlanCodec.encode(plan), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let diff = after.count - before.count
        XCTAssertEqual(diff, 8, "history entry adds 8 lines (the empty [] becomes a 7-line array)")
        let prefix = zip(before, after).prefix { $0 == $1 }.count
        let suffix = zip(before.reversed(), after.reversed()).prefix { $0 == $1 }.count
        XCTAssertLessThanOrEqual(after.count - prefix - suffix, 10, "only the edited action's lines change")
    }

    private func decodeError(_ json: String, file: String = "plan.json") -> PlanError? {
        do {
            _ = try PlanCodec.decode(Array(json.utf8), file: file)
            return nil
        } catch let e as PlanError {
            XCTAssertEqual(e.kind, .invalidPlan, "\(e)")
            return e
        } catch { return nil }
    }

    private let minimal = """
        {
          "schemaVersion": 1,
          "title": "T",
          "themes": [
            {
              "number": 1,
              "title": "One",
              "groups": [
                {
                  "title": null,
                  "actions": [
                    { "id": "1(i)", "text": "Do", "leads": ["BT"], "deliveryDate": "March 2019", "rating": "green" }
                  ]
                }
              ]
            }
          ]
        }
        """

    func testMinimalHandWrittenFileLoads() throws {
        let plan = try PlanCodec.decode(Array(minimal.utf8), file: "m.json")
        XCTAssertEqual(plan.allActions.first?.deadline?.description, "2019-03-31")
        XCTAssertEqual(plan.ragKey, .standard)
    }

    func testBadFilesNameLineColumnPathAndExpectation() {
        let truncated = decodeError(String(minimal.prefix(120)))
        XCTAssertNotNil(truncated?.line)
        XCTAssertTrue(truncated?.message.contains("expected") ?? false, "\(String(describing: truncated))")

        let wrongType = decodeError(minimal.replacingOccurrences(of: "\"number\": 1", with: "\"number\": \"one\""))
        XCTAssertEqual(wrongType?.line, 6)
        XCTAssertEqual(wrongType?.column, 17)
        XCTAssertEqual(wrongType?.path, "$.themes[0].number")
        XCTAssertEqual(wrongType?.message, "expected a whole number, found a string")
        XCTAssertEqual(
            wrongType?.description, "plan.json:6:17: at $.themes[0].number: expected a whole number, found a string")

        let rating = decodeError(minimal.replacingOccurrences(of: "\"green\"", with: "\"purple\""))
        XCTAssertEqual(rating?.path, "$.themes[0].groups[0].actions[0].rating")
        XCTAssertTrue(rating?.message.contains("unknown rating \"purple\"") ?? false)

        let newer = decodeError(minimal.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 3"))
        XCTAssertEqual(newer?.line, 2)
        XCTAssertTrue(newer?.message.contains("newer") ?? false)

        let dup = decodeError(
            minimal.replacingOccurrences(
                of: "\"rating\": \"green\" }",
                with: "\"rating\": \"green\" }, { \"id\": \"1(i)\", \"text\": \"Again\" }"))
        XCTAssertEqual(dup?.path, "$.themes[0].groups[0].actions[1].id")
        XCTAssertTrue(dup?.message.contains("duplicate action ID \"1(i)\"") ?? false)

        let unknownField = decodeError(minimal.replacingOccurrences(of: "\"title\": \"T\"", with: "\"titel\": \"T\""))
        XCTAssertTrue(unknownField?.message.contains("unknown field \"titel\"") ?? false)

        let dupKey = decodeError(
            minimal.replacingOccurrences(of: "\"title\": \"T\"", with: "\"title\": \"T\", \"title\": \"U\""))
        XCTAssertTrue(dupKey?.message.contains("duplicate field \"title\"") ?? false)

        let deadline = decodeError(
            minimal.replacingOccurrences(of: "\"rating\": \"green\"", with: "\"deadline\": \"2019-03-30\""))
        XCTAssertTrue(deadline?.message.contains("does not match its delivery date (expected 2019-03-31)") ?? false)

        XCTAssertTrue(decodeError("")?.message.contains("expected an object, found the end of the file") ?? false)
        XCTAssertTrue(decodeError("[1, 2]")?.message.contains("expected an object, found an array") ?? false)
        XCTAssertTrue(decodeError(minimal + "x")?.message.contains("after the end") ?? false)
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        XCTAssertTrue(
            decodeError("{\"schemaVersion\": 1, \"title\": \(deep)}")?.message.contains(
                "expected a string, found an array") ?? false)
        let nul = decodeError(minimal.replacingOccurrences(of: "\"Do\"", with: "\"D\u{0}o\""))
        XCTAssertTrue(nul?.message.contains("control character") ?? false)
        var bad = Array(minimal.utf8)
        let at = bad.firstIndex(of: UInt8(ascii: "D"))!
        bad[at] = 0xC3
        do {
            _ = try PlanCodec.decode(bad, file: "u.json")
            XCTFail("invalid UTF-8 accepted")
        } catch let e as PlanError {
            XCTAssertTrue(e.message.contains("invalid UTF-8"))
            XCTAssertEqual(e.line, 12)
        } catch { XCTFail("\(error)") }
    }

    func testSaveIsAtomicKeepsPermissionsAndLeavesNoTemporaryFiles() throws {
        let dir = try TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/plan.json"
        var plan = try TestSupport.samplePlan()
        try PlanStore.save(plan, to: path)
        XCTAssertEqual(try PlanStore.readFile(path), try PlanStore.readFile(TestSupport.samplePlanPath))
        chmod(path, 0o640)
        try plan.rate(id: "1a(i)", to: .blue, note: "done", by: "JH", on: TestSupport.day("2019-01-31"))
        try PlanStore.save(plan, to: path)
        var st = stat()
        stat(path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o640)
        XCTAssertEqual(try PlanStore.load(path), plan)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["plan.json"])
    }

    func testFailedSaveLeavesThePreviousFileUntouched() throws {
        if getuid() == 0 {
            // root ignores directory permissions; use a path whose parent is a file instead.
            let dir = try TestSupport.tempDir()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8))
            XCTAssertThrowsError(try PlanStore.save(try TestSupport.samplePlan(), to: dir + "/file/plan.json")) { e in
                XCTAssertTrue("\(e)".contains("cannot save"), "\(e)")
            }
            return
        }
        let dir = try TestSupport.tempDir()
        defer {
            chmod(dir, 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        let path = dir + "/plan.json"
        try PlanStore.save(try TestSupport.samplePlan(), to: path)
        let before = try PlanStore.readFile(path)
        chmod(dir, 0o555)
        var plan = try TestSupport.samplePlan()
        plan.title = "changed"
        XCTAssertThrowsError(try PlanStore.save(plan, to: path))
        XCTAssertEqual(try PlanStore.readFile(path), before)
    }

    func testMissingFileAndDirectoryErrorsNameTheFile() {
        XCTAssertThrowsError(try PlanStore.load("/nonexistent/plan.json")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/plan.json: cannot open: No such file or directory")
        }
        XCTAssertThrowsError(try PlanStore.load("/tmp")) { e in
            XCTAssertTrue("\(e)".contains("is a directory"))
        }
    }

    func testCheckFindsEachKindOfProblem() throws {
        var plan = try TestSupport.samplePlan()
        try plan.editAction(id: "1a(iii)", deliveryDate: "TBC")
        plan[plan.path(of: "1b(v)")!].deliveryDate = "Spring 2019"
        plan[plan.path(of: "6(vi)")!].rating = .blue
        let findings = PlanCheck.run(plan, asOf: TestSupport.day("2019-01-31"))
        let rules = Dictionary(grouping: findings, by: \.rule).mapValues { $0.map(\.id) }
        XCTAssertEqual(
            rules["unknown-lead"]?.sorted(),
            ["1a(iv)", "1b(iv)", "2a(vi)", "3c(iv)", "5(ii)", "5(xix)", "5(xx)"].sorted())
        XCTAssertEqual(rules["no-deadline"], ["1a(iii)"])
        XCTAssertEqual(rules["bad-date"], ["1b(v)"])
        XCTAssertEqual(rules["blue-unrecorded"], ["6(vi)"])
        XCTAssertTrue(rules["green-overdue"]?.contains("1c(ii)") ?? false)
        XCTAssertFalse(rules["green-overdue"]?.contains("1c(v)") ?? true, "Amber is not Green")
        XCTAssertEqual(findings.filter { $0.rule == "duplicate-officer" }.count, 1)
    }

    func testCheckReportsARatingThatItsLastHistoryEntryContradicts() throws {
        var plan = try TestSupport.samplePlan()
        let p = try XCTUnwrap(plan.path(of: "2(i)"))
        plan[p].rating = .green
        plan[p].history.append(
            RatingChange(date: TestSupport.day("2019-01-10"), from: .amber, to: .red, by: "BJ", note: "Escalated"))
        let found = PlanCheck.run(plan, asOf: TestSupport.day("2019-01-31")).filter { $0.rule == "history-disagrees" }
        XCTAssertEqual(found.map(\.id), ["2(i)"])
        XCTAssertEqual(
            found.first?.message,
            "rated Green but its last history entry (2019-01-10, BJ) changes it to Red — rate it again with a note")
    }

    func testOverdueOnTheCommitteeDateMostOverdueFirst() throws {
        let plan = try TestSupport.samplePlan()
        let today = TestSupport.day("2019-01-31")
        let overdue = ActionFilter.overdue(in: plan, asOf: today)
        // Hand-computed: deadlines before 31 Jan 2019 that are not Blue.
        let expected: [(String, Int)] = [
            ("6(ii)", 457), ("1a(i)", 306), ("3c(iv)", 306), ("4(iv)", 365), ("5(xxii)", 365),
            ("5(xiii)", 276), ("5(xix)", 276), ("1c(ii)", 123), ("5(iii)", 92), ("5(ix)", 92), ("5(x)", 92),
            ("6(i)", 92),
            ("1a(ii)", 62), ("1c(iii)", 62), ("2(i)", 62), ("2(ii)", 62), ("2(iv)", 62), ("4(i)", 62), ("4(ii)", 62),
            ("5(i)", 62), ("5(ii)", 62), ("5(iv)", 62), ("5(viii)", 62), ("5(xi)", 62), ("6(iv)", 62),
            ("2a(viii)", 31), ("3b(i)", 31), ("4(iii)", 31),
        ]
        let sorted = expected.enumerated().sorted { x, y in
            x.element.1 != y.element.1
                ? x.element.1 > y.element.1 : plan.path(of: x.element.0)! < plan.path(of: y.element.0)!
        }.map(\.element)
        XCTAssertEqual(overdue.map(\.action.id), sorted.map(\.0))
        XCTAssertEqual(overdue.map { $0.action.daysOverdue(asOf: today)! }, sorted.map(\.1))
        XCTAssertFalse(overdue.contains { $0.action.id == "1c(i)" }, "due 31 January is not overdue on 31 January")
    }
}
