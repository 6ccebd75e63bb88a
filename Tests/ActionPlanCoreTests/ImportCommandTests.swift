import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `actionplan import` as a user runs it on other councils' files: columns by meaning with `--column` to
/// override, `--dry-run` saying how each column was read, `--strict`, encodings, and the accounting line.
final class ImportCommandTests: SamplePlanTestCase {
    private func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testDryRunSaysHowEveryColumnWasReadAndKeepsUnknownOnes() throws {
        let src = try write(
            "plan.csv",
            "Ref,Objective,Owner,Target date,RAG status,Success measure,Risk score\n"
                + "1.1,Recruit social workers,Sarah D'Souza/ Collette McCarthy,Jan-19,On track,Vacancies under 10%,4\n"
                + "1.2,Audit cases,Head of Service,End of March 2019,Achieved,,2\n")
        let r = try run("import", src, "--dry-run", "--as-of", "2019-01-31")
        XCTAssertEqual(r.status, 0, r.stderr)
        for line in [
            "  \"Ref\" → id", "  \"Objective\" → action", "  \"Owner\" → lead", "  \"Target date\" → due",
            "  \"RAG status\" → status", "  \"Success measure\" → field (not a known header, kept as a field)",
            "  \"Risk score\" → field (not a known header, kept as a field)",
            "Status words: \"On track\" → Green (1), \"Achieved\" → Blue (1)",
            "Accounted for: 3 lines: 3 used, 0 repaired, 0 skipped, 0 blank", "Dry run: nothing written",
        ] {
            XCTAssertTrue(r.stdout.contains(line), "missing \(line) in:\n\(r.stdout)")
        }
        let out = dir + "/out.json"
        XCTAssertEqual(try run("import", src, "-o", out).status, 0)
        let p = try PlanStore.load(out)
        let a = p.allActions
        XCTAssertEqual(a[0].leads, ["Sarah D'Souza", "Collette McCarthy"], "names kept whole")
        XCTAssertEqual(a[1].leads, ["Head of Service"])
        XCTAssertEqual(a.map { $0.deadline?.description }, ["2019-01-31", "2019-03-31"])
        XCTAssertEqual(a.map(\.rating), [.green, .blue])
        XCTAssertEqual(a.map(\.status), ["On track", "Achieved"])
        XCTAssertEqual(a[0].fields.map(\.name), ["Success measure", "Risk score"])
        XCTAssertEqual(a[1].fields, [ActionField(name: "Risk score", value: "2")], "empty cells are not fields")
        let check = try run("check", out, "--as-of", "2019-01-31")
        XCTAssertFalse(check.stdout.contains("unknown"), "names and roles are not unknown codes:\n\(check.stdout)")
    }

    func testColumnOverridesReadAColumnAsTheUserSays() throws {
        let src = try write("plan.csv", "Ref,Task,Champion,Notes\nA1,Do it,BJ,first\nA2,Do more,TMcE,second\n")
        let plain = try run("import", src, "--dry-run")
        XCTAssertTrue(plain.stdout.contains("\"Champion\" → field"), plain.stdout)
        let r = try run(
            "import", src, "-o", dir + "/o.json", "--column", "Champion=lead", "--column", "4=skip")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"Champion\" → lead (--column)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"Notes\" → skip (--column)"), r.stdout)
        let p = try PlanStore.load(dir + "/o.json")
        XCTAssertEqual(p.allActions.map(\.leads), [["BJ"], ["TMcE"]])
        XCTAssertEqual(p.allActions.map(\.fields), [[], []], "the skipped column is not kept")
        let bad = try run("import", src, "--dry-run", "--column", "Champion=boss")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("expected HEADER=ROLE with ROLE one of id, theme"), bad.stderr)
    }

    func testStrictRefusesASourceWithContentThatWouldBeLeftOut() throws {
        let pack = TestSupport.fixture("hwb-2019-01-17-pack.txt")
        let r = try run("import", pack, "-o", dir + "/strict.json", "--strict")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--strict:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("before the plan's title"), r.stderr)
        XCTAssertFalse(PlanStore.exists(dir + "/strict.json"), "nothing written")
        let plain = try run(
            "import", TestSupport.fixture("barnet-2018-19-plan.txt"), "-o", dir + "/ok.json", "--strict")
        XCTAssertEqual(plain.status, 0, "the plan on its own leaves nothing out: \(plain.stderr)")
        let whole = try run("import", pack, "--dry-run")
        XCTAssertTrue(
            whole.stdout.contains(":lines 3–2922 (1781 items): skipped: before the plan's title"),
            "the pack's other pages are said once:\n\(whole.stdout.prefix(3000))")
        XCTAssertTrue(whole.stdout.contains("Accounted for: 6187 lines: 325 used, 12 repaired,"), whole.stdout)
    }

    func testWindows1252AndUTF16AreReadAndSaid() throws {
        var bytes = Array("ID\tAction\tLead\tDue\n1\tCaf".utf8) + [0xE9] + Array(" plan \u{2013} ".utf8)
        bytes += [0x96] + Array(" review\tBJ\tMarch 2019\n".utf8)
        let path = dir + "/cp1252.txt"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        // The UTF-8 en dash above is deliberately mixed in: a file that is not valid UTF-8 is read as Windows-1252.
        let r = try run("import", path, "-o", dir + "/w.json")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("read as Windows-1252 text"), r.stdout)
        XCTAssertTrue(try PlanStore.load(dir + "/w.json").allActions[0].text.hasPrefix("Café plan"))
    }
}
