import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// Hostile and broken input, as the CLI meets it: each case exits 2 with a message naming where and what,
/// and nothing is written (docs/reliability.md has the same table).
final class BadInputTests: SamplePlanTestCase {
    /// The sample plan as file format version 1 wrote it (a fixture, so the lines and columns named in the
    /// messages below stay put whatever the sample gains; it also shows version-1 files still load).
    private var sample: [UInt8] { get throws { try TestSupport.fixtureBytes("barnet-2018-19-v1.json") } }

    /// `bytes` with the first occurrence of `old` replaced by `new`.
    private func replacing(_ bytes: [UInt8], _ old: String, _ new: [UInt8]) -> [UInt8] {
        let o = Array(old.utf8)
        guard let i = (0...(bytes.count - o.count)).first(where: { bytes[$0..<($0 + o.count)].elementsEqual(o) }) else {
            XCTFail("\(old) not found")
            return bytes
        }
        return Array(bytes[..<i]) + new + Array(bytes[(i + o.count)...])
    }

    private func replacing(_ bytes: [UInt8], _ old: String, _ new: String) -> [UInt8] {
        replacing(bytes, old, Array(new.utf8))
    }

    /// One row: a file given to a command, and the exact message expected (`FILE` stands for the file's path).
    private struct Case {
        var name: String
        var bytes: [UInt8]
        var fileName = "plan.json"
        var args: [String] = ["rate", "FILE", "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01"]
        var message: String
    }

    private func cases() throws -> [Case] {
        let s = try sample
        let deep =
            Array("{\"schemaVersion\": 1, \"title\": \"T\", \"themes\": ".utf8)
            + Array(repeating: UInt8(ascii: "["), count: 1000)
            + Array(repeating: UInt8(ascii: "]"), count: 1000) + [UInt8(ascii: "}")]
        let deepObject = Array(
            ("{\"schemaVersion\": 1, \"title\": \"T\", \"themes\": [{\"number\": 1, \"title\": \"x\", \"groups\": "
                + "[{\"title\": null, \"actions\": [{\"id\": \"1\", \"text\": "
                + String(repeating: "{\"a\": ", count: 1000)
                + "1" + String(repeating: "}", count: 1000) + "}]}]}]}").utf8)
        return [
            Case(
                name: "truncated JSON", bytes: Array(s.prefix(1000)),
                message: "FILE:35:7: at $.officers[4]: expected a field name in quotes, found the end of the file"),
            Case(
                name: "wrong type (number for a rating)", bytes: replacing(s, "\"rating\": \"amber\"", "\"rating\": 3"),
                message: "FILE:359:25: at $.themes[0].groups[2].actions[4].rating: expected a string, found a number"),
            Case(
                name: "wrong type (text for a theme number)",
                bytes: replacing(s, "\"number\": 1,", "\"number\": \"1\","),
                message: "FILE:152:17: at $.themes[0].number: expected a whole number, found a string"),
            Case(
                name: "newer schemaVersion", bytes: replacing(s, "\"schemaVersion\": 1", "\"schemaVersion\": 3"),
                message:
                    "FILE:2:21: at $.schemaVersion: schemaVersion 3 is newer than this actionplan understands (2); "
                    + "upgrade actionplan to read this file"),
            Case(
                name: "duplicate IDs", bytes: replacing(s, "\"id\": \"1a(ii)\"", "\"id\": \"1a(i)\""),
                message: "FILE: at $.themes[0].groups[0].actions[1].id: duplicate action ID \"1a(i)\" (first used at "
                    + "$.themes[0].groups[0].actions[0].id); IDs must be unique"),
            Case(
                name: "invalid UTF-8",
                bytes: replacing(s, "\"title\": \"Barnet", Array("\"title\": \"Bar".utf8) + [0xFF, 0xFE]),
                message: "FILE:3:16: at $.title: invalid UTF-8 in string"),
            Case(
                name: "1,000-deep nesting (arrays)", bytes: deep,
                message: "FILE:1:47: at $.themes[0]: expected an object, found an array"),
            Case(
                name: "1,000-deep nesting (objects)", bytes: deepObject,
                message: "FILE:1:134: at $.themes[0].groups[0].actions[0].text: expected a string, found an object"),
            Case(
                name: "NUL byte in a string",
                bytes: replacing(s, "\"title\": \"Barnet", Array("\"title\": \"Bar".utf8) + [0]),
                message: "FILE:3:16: at $.title: control character 0x0 must be escaped in a string"),
            Case(
                name: "NUL byte before the document", bytes: [0] + s,
                message: "FILE:1:1: at $: expected an object, found byte 0x0"),
            Case(
                name: "empty file", bytes: [],
                message: "FILE:1:1: at $: expected an object, found the end of the file"),
            Case(
                name: "not JSON at all (a PNG)", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
                message: "FILE:1:1: at $: expected an object, found byte 0x89"),
            Case(
                name: "terminal escape in a field name",
                bytes: replacing(s, "\"organisation\"", "\"org\\u001b]0;pwned\\u0007\""),
                message: "FILE:4:29: at $.org^[]0;pwned^G: unknown field \"org^[]0;pwned^G\" (expected one of: "
                    + "schemaVersion, title, organisation, version, period, ragKey, ratingScale, recommendations, "
                    + "narrative, officers, themes, snapshots, measures)"),
            Case(
                name: "unresolved git conflict",
                bytes: replacing(
                    s, "\n          \"title\": \"Effective MASH",
                    "\n<<<<<<< ours\n          \"title\": \"MASH\",\n=======\n          \"title\": \"Effective MASH"),
                message: "FILE:509: unresolved merge conflict (git conflict markers <<<<<<< ======= >>>>>>>): keep one "
                    + "side of each conflict and delete the marker lines, then git add the file"),
            Case(
                name: "date 31/02/2019", bytes: s,
                args: ["rate", "FILE", "1a(i)", "red", "--note", "n", "--revised-date", "31/02/2019"],
                message: "at --revised-date: revised date \"31/02/2019\" is not understood: 31/02/2019 is not a day of "
                    + "the calendar (dates are day/month/year)"),
            Case(
                name: "unknown action ID", bytes: s, args: ["rate", "FILE", "9z(ix)", "red", "--note", "n"],
                message: "at id: no action with ID \"9z(ix)\" in this plan"),
            Case(
                name: "CSV with unbalanced quotes",
                bytes: Array(
                    "id,action,lead,date\n1(i),\"Do the thing,BT,March 2019\n1(ii),Other,BT,April 2019\n".utf8),
                fileName: "source.csv", args: ["import", "FILE", "-o", "OUT"],
                message: "FILE:2: unbalanced quote: the quoted field starting here never ends (expected a closing \")"),
        ]
    }

    func testEachBadInputExitsTwoNamingWhereAndWhatAndWritesNothing() throws {
        for c in try cases() {
            let caseDir = dir + "/" + c.name.filter { $0.isLetter || $0.isNumber }
            try FileManager.default.createDirectory(atPath: caseDir, withIntermediateDirectories: true)
            let file = caseDir + "/" + c.fileName
            try PlanStore.writeAtomically(c.bytes, to: file)
            let args = c.args.map { $0 == "FILE" ? file : $0 == "OUT" ? caseDir + "/out.json" : $0 }
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, 2, "\(c.name): \(r.stderr)")
            XCTAssertEqual(
                r.stderr, "actionplan: " + c.message.replacingOccurrences(of: "FILE", with: file) + "\n", c.name)
            XCTAssertEqual(r.stdout, "", c.name)
            XCTAssertEqual(try PlanStore.readFile(file), c.bytes, "\(c.name): the file is untouched")
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: caseDir), [c.fileName], "\(c.name): nothing written"
            )
            XCTAssertFalse(r.stderr.utf8.contains(0x1B), "\(c.name): no raw escape reaches the terminal")
        }
    }

    func testATenMegabyteActionTextLoadsAndSavesIntact() throws {
        let text = String(repeating: "Long text 例え. ", count: 10 * 1024 * 1024 / 18)
        var p = try PlanStore.load(plan)
        try p.editAction(id: "1a(i)", text: text)
        let file = plan
        try PlanStore.save(p, to: file)
        XCTAssertGreaterThan(try PlanStore.readFile(file).count, 10_000_000)
        let r = try TestSupport.run(["rate", file, "1a(i)", "red", "--note", "n", "--as-of", "2019-02-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let back = try PlanStore.load(file)
        let stored = back[back.path(of: "1a(i)")!].text
        XCTAssertTrue(stored == p[p.path(of: "1a(i)")!].text, "intact (not printed: 10 MB)")
        XCTAssertEqual(stored.utf8.count, text.utf8.count - 1, "all of it but the trailing space editing trims")
    }

    func testAFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws {
        let file = dir + "/huge.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: nil))
        XCTAssertEqual(truncate(file, off_t(PlanStore.maxFileSize + 1)), 0)  // sparse: no disk used
        let r = try TestSupport.run(["list", file])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr,
            "actionplan: \(file): is 512 MB; actionplan reads files of up to 512 MB "
                + "(a plan of 100,000 actions is about 60 MB)\n")
    }
}
