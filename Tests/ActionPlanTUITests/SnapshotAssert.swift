import ActionPlanTUI
import Foundation
import XCTest

/// Compares a rendered grid with a stored text snapshot (content and style layers).
///
/// Snapshots live in Tests/ActionPlanTUITests/Snapshots. A missing or different
/// snapshot fails the test; set ACTIONPLAN_RECORD_SNAPSHOTS=1 to (re)write them.
enum SnapshotAssert {
    static let directory = TUIFixtures.root.appendingPathComponent("Tests/ActionPlanTUITests/Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["ACTIONPLAN_RECORD_SNAPSHOTS"] == "1" }

    /// The snapshot text of `grid`: each row between `|` marks, then the style layer (see `Style.legendCode`).
    static func text(of grid: Grid) -> String {
        var s = "size \(grid.width)x\(grid.height)\ntext:\n"
        for line in grid.lines() { s += "|" + line + "|\n" }
        s += "style:\n"
        for line in grid.styleLines() { s += "|" + line + "|\n" }
        return s
    }

    /// Compares `grid` with the snapshot `name` (or records it).
    static func check(_ grid: Grid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        check(text: text(of: grid), at: directory.appendingPathComponent(name + ".txt"), file: file, line: line)
    }

    /// Compares `actual` with the text stored at `url` (or, when recording, writes it there), failing
    /// with the first line that differs.
    static func check(text actual: String, at url: URL, file: StaticString = #filePath, line: UInt = #line) {
        let root = TUIFixtures.root.path + "/"
        let name = url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
        if recording {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail(
                "missing snapshot \(url.path); record it with ACTIONPLAN_RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let got = FileManager.default.temporaryDirectory.appendingPathComponent(
            url.deletingPathExtension().lastPathComponent + ".actual." + url.pathExtension)
        try? actual.write(to: got, atomically: true, encoding: .utf8)
        XCTFail(
            """
            snapshot \(name) differs at line \(i + 1):
            expected: \(i < e.count ? String(e[i]) : "(end)")
            actual:   \(i < a.count ? String(a[i]) : "(end)")
            (actual written to \(got.path); re-record with ACTIONPLAN_RECORD_SNAPSHOTS=1)
            """, file: file, line: line)
    }
}
