import Foundation
import XCTest

@testable import ActionPlanCore

/// `--version`, `-V` and `version` print the version; a mistyped command says which one was meant instead
/// of being opened as a plan file.
final class CommandLineSlipsTests: SamplePlanTestCase {
    func testVersionFlagsAndCommandPrintTheOneVersion() throws {
        for args in [["--version"], ["-V"], ["version"]] {
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, ProgramVersion.current + "\n", "\(args)")
            XCTAssertEqual(r.stderr, "", "\(args)")
        }
        XCTAssertNotNil(ProgramVersion.current.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/))
    }

    func testTheDocsQuoteTheVersionTheProgramPrints() throws {
        let readme = try String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(
            readme.contains("actionplan --version                          # prints \(ProgramVersion.current)"),
            "README.md's command-line section must quote version \(ProgramVersion.current)")
    }

    /// A command without `commandName` is named by swift-argument-parser from its type with
    /// `String(describing:)`, which costs a scan of every protocol conformance in the (static) binary
    /// on each start: a third of `--version`'s run before every command was named (docs/performance.md).
    func testEveryCommandNamesItselfSoStartUpNeedsNoReflection() throws {
        let sources = TestSupport.root.appendingPathComponent("Sources/actionplan")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path))
        var configurations = 0
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for range in text.ranges(of: "static let configuration = CommandConfiguration(") {
                configurations += 1
                let call = text[range.upperBound...].drop { $0.isWhitespace }
                XCTAssertTrue(
                    call.hasPrefix("commandName:"), "\(file): a CommandConfiguration without commandName first")
            }
        }
        XCTAssertGreaterThan(configurations, 20)
    }

    func testMistypedCommandSaysWhichWasMeantAndExitsSixtyFour() throws {
        for (typed, meant) in [("overdeu", "overdue"), ("lsit", "list"), ("exprot", "export"), ("sumary", "summary")] {
            let r = try run(typed, plan, "--as-of", "2019-01-31")
            XCTAssertEqual(r.status, 64, "\(typed): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("did you mean '\(meant)'?"), "\(typed): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("'\(typed)' is not a command"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        // Alone too (browse would say "Missing expected argument").
        let alone = try run("overdeu")
        XCTAssertEqual(alone.status, 64)
        XCTAssertTrue(alone.stderr.contains("did you mean 'overdue'?"), alone.stderr)
    }

    func testAFileThatIsNotNearACommandIsStillOpenedAsAPlan() throws {
        let r = try run(dir + "/missing.json")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertFalse(r.stderr.contains("did you mean"), r.stderr)
        XCTAssertTrue(r.stderr.contains("missing.json"), r.stderr)
        // A real command is never taken for a slip.
        let ok = try run("overdue", plan, "--as-of", "2019-01-31", "--format", "tsv")
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    func testNearestNamesDistancesAndSlips() {
        XCTAssertEqual(NearestNames.distance("overdeu", "overdue"), 1, "a swap counts one")
        XCTAssertEqual(NearestNames.distance("lst", "list"), 1)
        XCTAssertEqual(NearestNames.distance("ZZ", "BJ"), 2)
        XCTAssertEqual(NearestNames.distance("nh", "NH"), 0, "case is ignored")
        XCTAssertEqual(NearestNames.distance("", "abc"), 3)
        XCTAssertEqual(NearestNames.distance("kitten", "sitting"), 3)
        let commands = [
            "browse", "list", "overdue", "show", "rate", "summary", "leads", "export", "snapshot", "snapshots",
        ]
        XCTAssertEqual(NearestNames.likelySlip(for: "overdeu", among: commands), "overdue")
        XCTAssertEqual(NearestNames.likelySlip(for: "plan.json", among: commands), nil)
        XCTAssertEqual(NearestNames.likelySlip(for: "snapshotx", among: commands), nil, "two commands as near")
        XCTAssertEqual(NearestNames.likelySlip(for: "lxsx", among: commands), nil, "short words: one edit at most")
        XCTAssertEqual(NearestNames.nearest(to: "NHH", among: ["BJ", "NH", "SL", "NH"], limit: 2), ["NH", "BJ"])
    }
}
