import ActionPlanCore
import ActionPlanStore
import ActionPlanSynthetic
import Foundation
import TestProcess
import XCTest

/// Drives the real `actionplan` binary in tmux, as a lead would: search, rate, save, quit, resize, and
/// end it with Ctrl-C, SIGTERM or a closed terminal (in EndToEndTmuxTests+Signals.swift).
///
/// Test what users run: every scenario runs twice, against the debug binary `swift test` built
/// (`test…_debug`) and the release binary (`test…_release`, built once per run by ``ReleaseBuild``),
/// and every failure message starts with the build it came from. A bug once lived in the release
/// build alone (signals were ignored: the optimiser gave the signal flag two copies).
final class EndToEndTmuxTests: XCTestCase {
    /// The tmux pane the current test drives actionplan in.
    var pane: TmuxSession!
    /// The build the current test drives, named at the start of each failure message.
    var build: TmuxSession.Build?
    /// The test's own directory, holding `plan.json` (a copy of the Barnet plan).
    var dir = ""

    override func setUpWithError() throws {
        guard (try? TmuxSession.sh(["tmux", "-V"]).0) == 0 else {
            throw XCTSkip("tmux is not installed (CI installs it)")
        }
        dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: TUIFixtures.barnetPath, toPath: dir + "/plan.json")
        pane = try TmuxSession(dir: dir)
    }

    override func tearDownWithError() throws {
        pane?.close()
        pane = nil
        build = nil
        if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// Prefixes every failure with the build under test, so a report says which binary failed.
    override func recordFailure(
        withDescription description: String, inFile filePath: String, atLine lineNumber: Int,
        expected: Bool
    ) {
        let prefix = build.map { "[\($0.rawValue) build] " } ?? ""
        super.recordFailure(
            withDescription: prefix + description, inFile: filePath, atLine: lineNumber, expected: expected)
    }

    /// Opens `plan.json` with `build`'s binary in the test's tmux session.
    func start(
        _ build: TmuxSession.Build, width: Int = 80, height: Int = 24, detached: Bool = false,
        environment: [String: String] = [:]
    ) throws {
        self.build = build
        try pane.start(build, width: width, height: height, detached: detached, environment: environment)
    }

    // MARK: Each scenario against each build

    func testSearchRateSaveQuitThenShowSeesTheChange_debug() throws { try searchRateSaveQuit(.debug) }
    func testSearchRateSaveQuitThenShowSeesTheChange_release() throws { try searchRateSaveQuit(.release) }
    func testResizeToTinyAndBackKeepsRunning_debug() throws { try resizeToTinyAndBack(.debug) }
    func testResizeToTinyAndBackKeepsRunning_release() throws { try resizeToTinyAndBack(.release) }
    func testHostileTextDoesNotChangeThePaneTitleOrTheClipboard_debug() throws { try hostileText(.debug) }
    func testHostileTextDoesNotChangeThePaneTitleOrTheClipboard_release() throws { try hostileText(.release) }

    func testALargePlanShownFromItsListingFirstTakesKeysOnTheWholePlan_debug() throws {
        try largePlanListingFirst(.debug)
    }
    func testALargePlanShownFromItsListingFirstTakesKeysOnTheWholePlan_release() throws {
        try largePlanListingFirst(.release)
    }

    // MARK: Scenarios

    private func searchRateSaveQuit(_ build: TmuxSession.Build) throws {
        try start(build)
        try pane.waitFor("1a(i)")  // the first frame shows the plan
        try pane.keys("/")
        try pane.keys("-l", "5(xii)")
        try pane.keys("Enter")
        try pane.waitFor("Evaluate the Life skills project")
        try pane.keys("r")
        try pane.keys("r")  // Red
        try pane.keys("-l", "Provider withdrew; no mitigation")
        try pane.keys("Enter")
        try pane.waitFor("[unsaved]")
        try pane.keys("w")
        try pane.waitUntilGone("[unsaved]")
        try pane.keys("q")
        let s = try pane.waitFor("EXITED:")
        XCTAssertTrue(s.contains("EXITED:0"), s)
        let show = try TmuxSession.sh([try build.binary(), "show", dir + "/plan.json", "5(xii)", "--format", "json"])
        XCTAssertEqual(show.0, 0, show.1)
        let obj = try JSONSerialization.jsonObject(with: Data(show.1.utf8)) as! [String: Any]
        XCTAssertEqual(obj["rating"] as? String, "red")
        let last = (obj["history"] as! [[String: Any]]).last
        XCTAssertEqual(last?["note"] as? String, "Provider withdrew; no mitigation")
        XCTAssertEqual(last?["from"] as? String, "amber")
        XCTAssertEqual(last?["by"] as? String, "NH")
        XCTAssertEqual(last?["date"] as? String, TUIFixtures.realToday(), "dated by the clock, not by --as-of")
    }

    /// A plan of more than 4 MiB that actionplan saved before opens from its listing while the whole plan is read
    /// behind it; keys typed at once (search, rate with a note, save, quit) act on the whole plan, and the save
    /// keeps every action's history and notes.
    private func largePlanListingFirst(_ build: TmuxSession.Build) throws {
        let plan = SyntheticPlan.longHistory(actions: 150, years: 10)
        let path = dir + "/plan.json"
        try PlanStore.save(plan, to: path)
        let target = plan.allActions[100]
        try PlanStore.updateAction(path, id: plan.allActions[0].id) { _, action in
            try action.rate(to: .amber, note: "saved once", by: "NH", on: TUIFixtures.asOf)
        }
        XCTAssertGreaterThan(try PlanStore.readFile(path).count, 4 << 20)
        XCTAssertNotNil(try PlanStore.listingToShow(path, ifAtLeast: 0), "shown from its listing first")
        let before = try PlanStore.load(path)
        try start(build)
        // Typed before the first frame may even be drawn.
        try pane.keys("/")
        try pane.keys("-l", target.id)
        try pane.keys("Enter")
        try pane.keys("r")
        try pane.keys("b")  // Blue
        try pane.keys("-l", "Delivered at last")
        try pane.keys("Enter")
        try pane.waitFor("[unsaved]", timeout: 30)
        try pane.keys("w")
        try pane.waitUntilGone("[unsaved]")
        try pane.keys("q")
        let s = try pane.waitFor("EXITED:")
        XCTAssertTrue(s.contains("EXITED:0"), s)
        let after = try PlanStore.load(path)
        for (old, new) in zip(before.allActions, after.allActions) where old.id != target.id {
            XCTAssertEqual(old, new, old.id)
        }
        let was = try XCTUnwrap(before.allActions.first { $0.id == target.id })
        let rated = try XCTUnwrap(after.allActions.first { $0.id == target.id })
        XCTAssertEqual(rated.rating, .blue)
        XCTAssertEqual(rated.notes, was.notes)
        XCTAssertEqual(Array(rated.history.dropLast()), was.history)
        XCTAssertEqual(rated.history.last?.note, "Delivered at last")
    }

    private func resizeToTinyAndBack(_ build: TmuxSession.Build) throws {
        try start(build)
        try pane.waitFor("1a(i)")
        // Each size is waited for until the program has drawn a frame only that size gives, so a
        // program that died on a resize fails here (a sleep and a look for "EXITED" could look too soon).
        _ = try pane.tmux("resize-window", "-t", pane.name, "-x", "30", "-y", "8")
        try pane.waitForLine(" plan.json               -/57")  // only the name and the position fit
        try pane.waitForLine("? help  q quit  w save")
        _ = try pane.tmux("resize-window", "-t", pane.name, "-x", "1", "-y", "1")
        try pane.pollScreen(timeout: 15, failure: "the 1×1 screen never showed T", file: #filePath, line: #line) {
            $0.trimmingCharacters(in: .whitespacesAndNewlines) == "T"  // "Terminal too small", as far as it fits
        }
        _ = try pane.tmux("resize-window", "-t", pane.name, "-x", "80", "-y", "24")
        try pane.waitForLine(" plan.json │ B0 G51 A6 R0 │ 28 overdue │ as of 31 Jan 2019                 -/57")
        try pane.waitFor("1a(i)")
        try pane.keys("q")
        let s = try pane.waitFor("EXITED:")
        XCTAssertTrue(s.contains("EXITED:0"), s)
    }

    private func hostileText(_ build: TmuxSession.Build) throws {
        let p = dir + "/plan.json"
        var text = try String(contentsOfFile: p, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "Implement the BSCP Business and Improvement plan",
            with: "Evil \\u001b]2;PWNED\\u0007 \\u001b]52;c;SGVsbG8=\\u0007 \\u001b[31mred")
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        try start(build, width: 100, height: 30)
        try pane.waitFor("1a(iii)")
        try pane.keys("/")
        try pane.keys("-l", "1a(iii)")
        try pane.keys("Enter")
        let s = try pane.waitFor("Evil ^[]2;PWNED^G")
        XCTAssertFalse(s.contains("PWNED\u{07}"))
        XCTAssertEqual(try pane.tmux("list-buffers"), "", "the OSC 52 in the plan did not set the clipboard")
        XCTAssertEqual(try pane.format("#{pane_title}"), TmuxSession.title)
        try pane.keys("q")
        try pane.keys("n")
        try pane.waitFor("EXITED:")
    }

    func testTheRecoveryNoticeNamesAHostileFileWithoutObeyingIt_debug() throws { try hostileRecoveryNotice(.debug) }
    func testTheRecoveryNoticeNamesAHostileFileWithoutObeyingIt_release() throws {
        try hostileRecoveryNotice(.release)
    }

    /// Interrupted with unsaved changes, the UI writes a recovery file and names it on stderr once the
    /// terminal is restored; a plan named to retitle the pane must not do so there either.
    private func hostileRecoveryNotice(_ build: TmuxSession.Build) throws {
        let name = "plan\u{1B}]2;PWNED\u{07}.json"
        try FileManager.default.moveItem(atPath: dir + "/plan.json", toPath: dir + "/" + name)
        self.build = build
        try pane.start(build, plan: name)
        try pane.waitFor("1a(i)", timeout: 30)
        try pane.keys("/")
        try pane.keys("-l", "5(xii)")
        try pane.keys("Enter")
        try pane.waitFor("Evaluate the Life skills project")
        try pane.keys("r")
        try pane.keys("r")
        try pane.keys("-l", "Provider withdrew")
        try pane.keys("Enter")
        try pane.waitFor("[unsaved]")
        let pid = try XCTUnwrap(pane.actionplanPID(), "the actionplan process")
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        let s = try pane.waitFor("EXITED:")
        XCTAssertTrue(s.contains("unsaved changes written to plan^[]2;PWNED^G.json.actionplan-recovery"), s)
        XCTAssertEqual(try pane.format("#{pane_title}"), TmuxSession.title, "the file name did not retitle the pane")
    }
}
