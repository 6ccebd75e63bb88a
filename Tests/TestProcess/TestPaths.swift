import Foundation

/// Where the package and the built `actionplan` are, for both test targets.
public enum TestPaths {
    /// The package's root directory, found from this file's path (`Tests/TestProcess/TestPaths.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built `actionplan` executable: `$ACTIONPLAN_TEST_BINARY` when set, else next to the test bundle
    /// (as `swift test` lays out the build directory), or else `.build/debug/actionplan`.
    public static var actionplan: String {
        // To run the CLI tests against another build (an older one, to see a new test fail there).
        if let given = ProcessInfo.processInfo.environment["ACTIONPLAN_TEST_BINARY"], !given.isEmpty { return given }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("actionplan").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("actionplan").path,
            root.appendingPathComponent(".build/debug/actionplan").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }
}
