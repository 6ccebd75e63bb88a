import Foundation
import XCTest

@testable import ActionPlanCore

/// The shell completes export formats, lead codes, action IDs and ratings: the generated bash and zsh
/// scripts call back into actionplan for them, and the call-back (`---completion`) answers from the plan
/// named on the command line.
final class ShellCompletionTests: SamplePlanTestCase {
    private func script(_ shell: String) throws -> String {
        let r = try run("--generate-completion-script", shell)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    func testBashAndZshScriptsCallBackForLeadsIDsAndRatingsAndListExportFormats() throws {
        for shell in ["bash", "zsh"] {
            let s = try script(shell)
            for call in [
                "---completion list -- --lead", "---completion list -- --rating", "---completion show -- positional@1",
                "---completion rate -- positional@1", "---completion rate -- positional@2",
            ] {
                XCTAssertTrue(s.contains(call), "\(shell) script lacks the call \(call)")
            }
        }
        // export --format's values, as each shell lists them.
        XCTAssertTrue(
            try script("bash").contains(
                "-W 'html'$'\\n''markdown'$'\\n''csv'$'\\n''ics'$'\\n''json'$'\\n''xlsx'$'\\n''docx'$'\\n''pdf'"))
        XCTAssertTrue(try script("zsh").contains("=('html' 'markdown' 'csv' 'ics' 'json' 'xlsx' 'docx' 'pdf')"))
    }

    /// What bash offers, with the generated script loaded, for the last of `words` (the program's name first).
    private func bashCompletes(_ words: [String]) throws -> [String] {
        let file = dir + "/actionplan.bash"
        try Data(try script("bash").utf8).write(to: URL(fileURLWithPath: file))
        let quoted = ([TestSupport.binary] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let line = """
            source '\(file)'; COMP_WORDS=(\(quoted.joined(separator: " "))); COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _actionplan actionplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try TestSupport.run(
            "bash", ["--norc", "-c", line], environment: ["PATH": "/usr/bin:/bin", "HOME": dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.split(separator: "\n").map(String.init)
    }

    func testBashWithTheGeneratedScriptCompletesLeadsIDsRatingsAndFormats() throws {
        XCTAssertEqual(try bashCompletes(["list", plan, "--lead", "N"]), ["NH"])
        XCTAssertEqual(try bashCompletes(["show", plan, "5(xi"]), ["5(xi)", "5(xii)", "5(xiii)", "5(xix)"])
        XCTAssertEqual(try bashCompletes(["rate", plan, "5(xii)", "a"]), ["amber"])
        XCTAssertEqual(try bashCompletes(["export", plan, "--format", "p"]), ["pdf"])
        XCTAssertEqual(try bashCompletes(["export", plan, "--format", "x"]), ["xlsx"])
    }

    /// What the shell's call-back prints for the word at `index` of `words` (`actionplan` first).
    private func complete(_ subcommand: String, _ argument: String, _ words: [String], at index: Int) throws -> [String]
    {
        let cursor = words[index].count
        let r = try TestSupport.run(
            ["---completion", subcommand, "--", argument, String(index), String(cursor)] + words,
            environment: ["PATH": "/usr/bin:/bin", "HOME": dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.split(separator: "\n").map(String.init)
    }

    func testCompletionCallBackAnswersLeadCodesFromThePlan() throws {
        let all = try complete("list", "--lead", ["actionplan", "list", plan, "--lead", ""], at: 4)
        XCTAssertEqual(all.count, 31, "\(all)")
        XCTAssertEqual(Array(all.prefix(3)), ["JH", "CS", "JMcA"])
        XCTAssertTrue(all.contains("All HoS"))
        let n = try complete("list", "--lead", ["actionplan", "list", "--lead", "N", plan], at: 3)
        XCTAssertEqual(n, ["NH"])
        // With the plan given as ~/…, as the shell passes it before expanding.
        let home = try complete("list", "--lead", ["actionplan", "list", "~/plan.json", "--lead", "TM"], at: 4)
        XCTAssertEqual(home, ["TMcE", "TMc"])
        // No plan on the line: nothing, and no error.
        XCTAssertEqual(try complete("list", "--lead", ["actionplan", "list", "--lead", ""], at: 3), [])
    }

    func testCompletionCallBackAnswersActionIDsAndRatings() throws {
        let ids = try complete("show", "positional@1", ["actionplan", "show", plan, "5(x"], at: 3)
        XCTAssertEqual(ids.first, "5(x)")
        XCTAssertTrue(ids.contains("5(xii)") && ids.allSatisfy { $0.hasPrefix("5(x") }, "\(ids)")
        let rateID = try complete("rate", "positional@1", ["actionplan", "rate", plan, "2(", "B"], at: 3)
        XCTAssertEqual(rateID.first, "2(i)")
        let rating = try complete("rate", "positional@2", ["actionplan", "rate", plan, "2(i)", ""], at: 4)
        XCTAssertEqual(rating, ["B", "G", "A", "R", "blue", "green", "amber", "red"])
        let list = try complete("list", "--rating", ["actionplan", "list", plan, "--rating", "A,"], at: 4)
        XCTAssertEqual(list, ["A,B", "A,G", "A,R", "A,none"])
    }

    func testCandidatesFromAPlanWithItsOwnScale() throws {
        var p = try TestSupport.samplePlan()
        p.scale = RatingScale(levels: [
            .init(name: "Complete", letter: "C", definition: "Done", rating: .blue),
            .init(name: "On track", letter: "O", definition: "Fine", rating: .green),
        ])
        XCTAssertEqual(CompletionCandidates.rating(p, prefix: ""), ["C", "O", "Complete", "On track"])
        XCTAssertEqual(CompletionCandidates.rating(p, prefix: "o"), ["O", "On track"])
        XCTAssertEqual(CompletionCandidates.ratingList(prefix: "B, g"), ["B, G"])
    }
}
