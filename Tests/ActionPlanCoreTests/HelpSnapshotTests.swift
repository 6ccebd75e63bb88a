import Foundation
import TestProcess
import XCTest

/// `actionplan --help` and `actionplan SUBCOMMAND --help` are the command line's spec: each is compared
/// with a committed snapshot in `Tests/ActionPlanCoreTests/HelpSnapshots/`, so any change to an option,
/// a default or a sentence of help shows up in review as a change to a snapshot.
///
/// After a deliberate change, re-record them and read the diff:
///
///     ACTIONPLAN_RECORD_SNAPSHOTS=1 swift test --disable-swift-testing --filter HelpSnapshotTests
///     git diff Tests/ActionPlanCoreTests/HelpSnapshots
///
/// The help is produced at 80 columns (`COLUMNS=80`), so its wrapping does not depend on the terminal.
final class HelpSnapshotTests: XCTestCase {
    /// Every subcommand, hidden ones included (`debug-save-loop`), in the order `--help` lists them.
    static let subcommands = [
        "browse", "list", "overdue", "show", "rate", "summary", "leads", "check", "import", "export", "measures",
        "record", "set-measure", "import-measures", "link", "recommendation", "coverage", "snapshot", "snapshots",
        "restore", "version", "merge-driver", "debug-save-loop",
    ]

    /// Subcommands of subcommands, each with its own snapshot (`recommendation-add.txt`).
    static let nestedSubcommands = [
        ["recommendation", "add"], ["recommendation", "edit"], ["recommendation", "remove"],
    ]

    static let directory = TestPaths.root.appendingPathComponent("Tests/ActionPlanCoreTests/HelpSnapshots")

    /// The help `args` print, with its exit status checked.
    private func help(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try TestSupport.run(
            args, environment: ["COLUMNS": "80", "PATH": "/usr/bin:/bin"], file: file, line: line)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        return r.stdout
    }

    private func check(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        if let m = TextSnapshot.mismatch(text, storedAt: Self.directory.appendingPathComponent(name + ".txt")) {
            XCTFail(m, file: file, line: line)
        }
    }

    func testTopLevelHelpMatchesItsSnapshotAndEveryListedSubcommandHasOne() throws {
        let text = try help(["--help"])
        check(text, "actionplan")
        // The names in the SUBCOMMANDS section: a new subcommand needs a snapshot (and a line above).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let section = lines.drop { $0 != "SUBCOMMANDS:" }.dropFirst().prefix { !$0.isEmpty }
        // A name starts its line after two spaces; a wrapped abstract's lines start further in.
        let listed = section.filter { !$0.hasPrefix("   ") }.compactMap { $0.split(separator: " ").first }
            .map(String.init)
        XCTAssertFalse(listed.isEmpty, "no SUBCOMMANDS section in:\n\(text)")
        XCTAssertEqual(listed.filter { !Self.subcommands.contains($0) }, [], "subcommands without a help snapshot")
    }

    func testEverySubcommandsHelpMatchesItsSnapshot() throws {
        for name in Self.subcommands {
            check(try help([name, "--help"]), name)
        }
        for names in Self.nestedSubcommands {
            check(try help(names + ["--help"]), names.joined(separator: "-"))
        }
    }

    func testHelpSubcommandPrintsTheSameAsDashDashHelp() throws {
        for name in ["list", "export"] {
            XCTAssertEqual(try help(["help", name]), try help([name, "--help"]), name)
        }
    }
}
