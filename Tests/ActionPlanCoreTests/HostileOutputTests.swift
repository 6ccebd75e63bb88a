import ActionPlanStore
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore

/// A plan received from someone else drives nothing (issue 8): every command's output, in every format, is
/// checked byte by byte for terminal controls; file names in messages are escaped; and an action of 100,000
/// characters with no space neither hangs `show` nor loses any of its text.
final class HostileOutputTests: SamplePlanTestCase {
    /// On one line: retitle the window, write the clipboard (OSC 52), recolour, ring the bell; a C1 CSI, NEL and
    /// DCS; a right-to-left override, an isolate, and a C0 control.
    static let inLine =
        "\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[31m\u{9B}31m\u{85}\u{90}\u{202E}rlo\u{2066}iso\u{2069}\u{01}"
    /// `inLine` with a tab and a line break, which TSV cells must not keep either.
    static let evil = inLine + "\ttab\r\nnext line"

    /// Writes the hostile strings into every field of the sample plan that a listing or report prints,
    /// adds a note, a revision and a snapshot carrying them, saves it and returns it.
    @discardableResult
    private func makeHostile() throws -> Plan {
        let e = Self.evil
        var p = try PlanStore.load(plan)
        p.title += e
        p.organisation += e
        p.officers[0].name += e
        for ti in p.themes.indices {
            p.themes[ti].title += e
            for gi in p.themes[ti].groups.indices {
                p.themes[ti].groups[gi].title = p.themes[ti].groups[gi].title.map { $0 + e }
                for ai in p.themes[ti].groups[gi].actions.indices {
                    p.themes[ti].groups[gi].actions[ai].id += Self.inLine
                    p.themes[ti].groups[gi].actions[ai].text += e
                    p.themes[ti].groups[gi].actions[ai].leads += ["X" + Self.inLine]
                }
            }
        }
        let first = p.allActions[0].id
        try p.addNote(id: first, text: "note " + e, by: "by " + Self.inLine, on: TestSupport.day("2019-01-02"))
        try p.reviseDate(id: first, to: "June 2019", reason: e, by: e, on: TestSupport.day("2019-01-03"))
        p.themes[0].groups[0].actions[1].deliveryDate = "31/02/2019 " + Self.inLine  // quoted in "not understood"
        try p.takeSnapshot(label: "Snap" + Self.inLine, asOf: TestSupport.day("2018-11-15"))
        try PlanStore.save(p, to: plan)
        return p
    }

    /// All the strings in the JSON `text`, as Python's json module decodes them (an independent reader).
    private func stringsDecodedByPython(_ text: String) throws -> [String] {
        guard let python = ExternalTools.which("python3") else { throw XCTSkip("python3 is not installed") }
        let file = dir + "/out.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let script = """
            import json, sys
            def walk(v):
                if isinstance(v, str): yield v
                elif isinstance(v, dict):
                    for k, x in v.items(): yield k; yield from walk(x)
                elif isinstance(v, list):
                    for x in v: yield from walk(x)
            print(json.dumps(list(walk(json.load(open(sys.argv[1], encoding='utf-8'))))))
            """
        let r = try TestSupport.run(python, ["-c", script, file])
        XCTAssertEqual(r.status, 0, "python3's json module rejects the output: \(r.stderr)")
        XCTAssertTrue(r.stdout.utf8.allSatisfy { $0 < 0x80 }, "json.dumps escapes everything")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String] ?? []
    }

    func testEveryListingAndExportIsTerminalSafeInEveryFormat() throws {
        let p = try makeHostile()
        let overdue = try XCTUnwrap(p.allActions.first { $0.id.hasPrefix("6(ii)") })
        let asOf = ["--as-of", "2019-01-31"]
        var runs: [(args: [String], shows: String)] = []
        for f in ["table", "tsv", "json"] {
            runs += [
                (["list", plan, "--format", f] + asOf, p.allActions[0].text),
                (["overdue", plan, "--format", f] + asOf, overdue.text),
                (["summary", plan, "--format", f] + asOf, p.themes[0].title),
                (["snapshots", plan, "--format", f], p.snapshots[0].label),
            ]
        }
        for f in ["table", "json"] {
            runs += [p.allActions[0], p.allActions[1]].map { (["show", plan, $0.id, "--format", f] + asOf, $0.text) }
        }
        for f in ["html", "markdown", "csv", "ics", "json"] {
            runs.append((["export", plan, "--format", f, "-o", "-"] + asOf, p.title))
        }
        runs.append((["check", plan] + asOf, p.allActions[0].id))
        for (args, shows) in runs {
            let what = TerminalSafe.escape(args.filter { $0 != plan }.joined(separator: " "))
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, args[0] == "check" ? 1 : 0, "\(what): \(r.stderr)")
            assertTerminalSafe(Array(r.stdout.utf8), "stdout of \(what)")
            assertTerminalSafe(Array(r.stderr.utf8), "stderr of \(what)")
            if args.contains("json") {
                XCTAssertTrue(
                    try stringsDecodedByPython(r.stdout).contains(shows), "\(what): decodes to the plan's text")
            } else if !args.contains("markdown") {  // Markdown backslash-escapes ^ and [ as well
                XCTAssertTrue(r.stdout.contains("^["), "\(what): controls are shown, not dropped")
            }
            if args.contains("tsv") {
                let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                let columns = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).count
                XCTAssertTrue(
                    lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == columns })
                let overdueCount = ActionFilter.overdue(in: p, asOf: TestSupport.day("2019-01-31")).count
                let records = ["list": 58, "overdue": overdueCount + 1, "summary": 8, "snapshots": 2][args[0]]
                XCTAssertEqual(lines.count, records, "\(what): one record per line")
            }
        }
    }

    func testTSVCellsWriteControlCharactersVisiblyOnOneLine() {
        let row = ActionListing.Row(
            id: "1" + Self.inLine, theme: 1, lead: "BT", due: nil, dueText: "", rating: "G", daysOverdue: nil,
            action: "a\tb\nc\r\nd\re\u{2028}f\u{2029}g\u{0B}h" + Self.inLine)
        let tsv = ActionListing.render([row], format: .tsv)
        // NEL (U+0085) breaks a line, so it becomes a space like a tab or a line feed; other controls are visible.
        let visible = "^[]0;pwned^G^[]52;c;ZXZpbA==^G^[[31m\\u{9B}31m \\u{90}\\u{202E}rlo\\u{2066}iso\\u{2069}^A"
        XCTAssertEqual(tsv.split(separator: "\n").count, 2, "a header and one record")
        XCTAssertEqual(tsv.split(separator: "\n").last, "1\(visible)\t1\tBT\t\tG\t\ta b c d e f g h\(visible)")
    }

    func testFileNamesInMessagesAreEscaped() throws {
        let name = "plan\u{1B}]0;pwned\u{07}\u{9B}\u{202E}"
        let shown = "plan^[]0;pwned^G\\u{9B}\\u{202E}"
        let hostile = dir + "/" + name + ".json"
        try FileManager.default.copyItem(atPath: plan, toPath: hostile)
        let runs: [(args: [String], status: Int32)] = [
            (["rate", hostile, "1a(i)", "red", "--note", "n", "--as-of", "2019-01-31"], 0),
            (["snapshot", hostile, "--label", "L", "--as-of", "2018-11-15"], 0),
            (["export", hostile, "-o", dir + "/" + name + ".csv", "--as-of", "2019-01-31"], 0),
            (
                [
                    "export", hostile, "-o", dir + "/" + name + ".html", "--as-of", "2019-01-31", "--produced",
                    "2019-02-05",
                ], 0
            ),
            (["import", dir + "/" + name + ".csv", "-o", dir + "/" + name + "-new.json"], 0),
            (["import", dir + "/" + name + ".csv", "--dry-run"], 0),
            (["check", hostile, "--as-of", "2019-01-31"], 1),
            (["restore", hostile, "--list"], 0),
            (["restore", hostile, "--from", "1"], 0),
            (["restore", dir + "/" + name + "-new.json", "--list"], 0),
            (["list", dir + "/" + name + "-missing.json"], 2),
        ]
        for (args, status) in runs {
            let what = TerminalSafe.escape(args.prefix(2).joined(separator: " "))
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, status, "\(what): \(r.stderr)")
            assertTerminalSafe(Array(r.stdout.utf8), "stdout of \(what)")
            assertTerminalSafe(Array(r.stderr.utf8), "stderr of \(what)")
            XCTAssertTrue((r.stdout + r.stderr).contains(shown), "\(what) names the file visibly: \(r.stdout)")
        }
    }

    func testShowOfAHundredThousandCharactersWithoutASpaceIsQuickAndKeepsThemAll() throws {
        let text = String(repeating: "社", count: 100_000)
        var p = try PlanStore.load(plan)
        try p.editAction(id: "1a(i)", text: text)
        try PlanStore.save(p, to: plan)
        // Wrapping used to re-measure the rest of the word for every line: about 30 s here. Now well under 1 s.
        let o = try ChildProcess.run(TestSupport.binary, ["show", plan, "1a(i)", "--as-of", "2019-01-31"], timeout: 10)
        XCTAssertFalse(o.timedOut, "show did not finish within 10 s: wrapping is not linear in the text's length")
        XCTAssertEqual(o.status, 0, o.stderr)
        let lines = o.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "every line within 80 columns")
        let body = lines.dropFirst().prefix { !$0.isEmpty }
        XCTAssertEqual(body.count, 2_500, "40 double-width characters a line")
        XCTAssertTrue(body.joined() == text, "every character, in order")
    }
}
