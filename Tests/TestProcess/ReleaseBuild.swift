import Foundation

/// The optimised `actionplan` that users run, built once per test process for the tests that drive it.
///
/// `swift test` builds only the debug binary, and a bug can live in one build alone: the signal
/// flag once had a copy per object file, which the optimiser made visible in the release build
/// only. So the end-to-end tests run the release binary too, built here with
/// `swift build -c release --static-swift-stdlib --product actionplan --scratch-path <root>/.build-release`
/// (the Swift runtime and Foundation linked in, as docs/performance.md says to build it: a command starts in
/// half the time).
///
/// The scratch path is separate because `swift test` holds the lock on `.build` while the tests
/// run: a nested `swift build` there would wait for ever for the run that started it. The build
/// is incremental, so after the first one (a few minutes on two cores) a run pays a few seconds.
/// `.build-release/` is ignored by git (`.build-*/` in `.gitignore`).
public enum ReleaseBuild {
    /// The longest the build may take before it is killed and the tests fail (seconds).
    public static let deadline: Double = 1_800

    /// The build's scratch directory, `<package root>/.build-release`.
    public static let scratchPath = TestPaths.root.appendingPathComponent(".build-release").path

    /// The release binary, `<scratch>/release/actionplan`.
    public static let binaryPath = scratchPath + "/release/actionplan"

    /// How the one build of this process went: the binary's path, or why there is none.
    private static let outcome: Result<String, ChildProcessError> = build()

    /// The path of the release `actionplan`, building it the first time this process asks.
    ///
    /// Throws (so the calling test fails) with the build's own output when the build fails or
    /// runs past ``deadline``; later calls throw the same error without building again.
    public static func actionplan() throws -> String {
        try outcome.get()
    }

    /// Runs `swift build` once and checks that it left an executable behind.
    private static func build() -> Result<String, ChildProcessError> {
        let arguments = [
            "build", "-c", "release", "--static-swift-stdlib", "--product", "actionplan",
            "--package-path", TestPaths.root.path, "--scratch-path", scratchPath,
        ]
        let started = Date()
        let result: ProcessOutcome
        do {
            result = try ChildProcess.run("swift", arguments, timeout: deadline)
        } catch let error as ChildProcessError {
            return .failure(error)
        } catch {
            return .failure(ChildProcessError(message: "cannot start swift build: \(error)"))
        }
        let seconds = Int(Date().timeIntervalSince(started).rounded())
        print("ReleaseBuild: \(result.commandLine): status \(result.status) after \(seconds) s")
        let output = result.stdout + result.stderr
        if result.timedOut {
            return .failure(
                ChildProcessError(message: "\(result.commandLine) took over \(Int(deadline)) s; killed:\n\(output)"))
        }
        guard result.status == 0 else {
            return .failure(
                ChildProcessError(message: "\(result.commandLine) failed (status \(result.status)):\n\(output)"))
        }
        guard FileManager.default.isExecutableFile(atPath: binaryPath) else {
            return .failure(
                ChildProcessError(message: "\(result.commandLine) succeeded but left no \(binaryPath):\n\(output)"))
        }
        return .success(binaryPath)
    }
}
