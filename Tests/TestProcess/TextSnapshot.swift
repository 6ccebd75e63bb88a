import Foundation

/// Compares text a test produced with a snapshot committed under `Tests/`, or records it.
///
/// A missing or different snapshot is a failure whose message names the first line that differs and
/// where the actual text was written; run the tests with `ACTIONPLAN_RECORD_SNAPSHOTS=1` to (re)write
/// the snapshots instead, then review them with `git diff`. No XCTest here: the caller fails the test
/// with the message returned.
public enum TextSnapshot {
    /// Whether this run records snapshots instead of comparing (`ACTIONPLAN_RECORD_SNAPSHOTS=1`).
    public static var recording: Bool { ProcessInfo.processInfo.environment["ACTIONPLAN_RECORD_SNAPSHOTS"] == "1" }

    /// Nil when `actual` equals the text stored at `url` (or was just recorded there), else what differs.
    public static func mismatch(_ actual: String, storedAt url: URL) -> String? {
        let root = TestPaths.root.path + "/"
        let name = url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
        if recording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "could not record snapshot \(name): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing snapshot \(name); record it with ACTIONPLAN_RECORD_SNAPSHOTS=1"
        }
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let got = FileManager.default.temporaryDirectory.appendingPathComponent(
            url.deletingPathExtension().lastPathComponent + ".actual." + url.pathExtension)
        try? actual.write(to: got, atomically: true, encoding: .utf8)
        return """
            snapshot \(name) differs at line \(i + 1):
            expected: \(i < e.count ? String(e[i]) : "(end)")
            actual:   \(i < a.count ? String(a[i]) : "(end)")
            (actual written to \(got.path); re-record with ACTIONPLAN_RECORD_SNAPSHOTS=1)
            """
    }
}
