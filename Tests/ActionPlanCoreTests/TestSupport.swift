import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore
import ActionPlanStore

/// Paths and helpers shared by the core tests.
enum TestSupport {
    /// The package's root directory.
    static var root: URL { TestPaths.root }

    /// The committed sample plan.
    static var samplePlanPath: String { root.appendingPathComponent("Data/barnet-2018-19.json").path }

    /// The committed sample plan, parsed once per test run (a `Plan` is a value: each caller gets its own copy).
    static func samplePlan() throws -> Plan { try sample.get() }

    private static let sample = Result { try PlanStore.load(samplePlanPath) }

    /// A fixture file's path.
    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/ActionPlanCoreTests/Fixtures/\(name)").path
    }

    /// The bytes of a fixture.
    static func fixtureBytes(_ name: String) throws -> [UInt8] { try PlanStore.readFile(fixture(name)) }

    /// A fresh temporary directory, removed at process exit is not guaranteed: tests remove it.
    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// The built `actionplan` executable.
    static var binary: String { TestPaths.actionplan }

    /// The result of running the binary.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Processor time used, in seconds.
        var cpuSeconds: Double = 0
        /// Whether it ran past its deadline and was killed.
        var timedOut = false
    }

    /// Runs `actionplan` with `args`, returning its status and output (failing the test if it hangs).
    @discardableResult
    static func run(
        _ args: [String], environment: [String: String]? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Run {
        try run(binary, args, environment: environment, file: file, line: line)
    }

    /// Runs any program with `args` (a path, or a name on `PATH`), failing the test if it does not
    /// end within `timeout` seconds.
    @discardableResult
    static func run(
        _ program: String, _ args: [String], environment: [String: String]? = nil, timeout: Double = 120,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> Run {
        let o = try ChildProcess.run(program, args, environment: environment, timeout: timeout)
        if o.timedOut {
            XCTFail("\(o.commandLine) did not finish within \(Int(timeout)) s; killed", file: file, line: line)
        }
        return Run(status: o.status, stdout: o.stdout, stderr: o.stderr, cpuSeconds: o.cpuSeconds, timedOut: o.timedOut)
    }

    /// A day from `YYYY-MM-DD`.
    static func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }
}

/// Asserts that every line feed in `bytes` ends a CRLF pair (as CSV and ICS lines must).
func assertCRLF(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
    for (i, b) in bytes.enumerated() where b == 0x0A {
        XCTAssertTrue(i > 0 && bytes[i - 1] == 0x0D, "LF without CR at byte \(i)", file: file, line: line)
    }
}

/// A test case working on its own copy of the sample plan, `plan`, in a fresh temporary directory `dir`.
///
/// The CLI, backup, lock, concurrency, crash, bad-input, merge-driver and export tests all change a
/// plan file; each test gets a new copy so no test sees another's saves, backups or lock files.
class SamplePlanTestCase: XCTestCase {
    /// The test's temporary directory (removed after the test).
    var dir = ""
    /// The copy of `Data/barnet-2018-19.json` in `dir`.
    var plan = ""

    override func setUpWithError() throws {
        dir = try TestSupport.tempDir()
        plan = dir + "/plan.json"
        try FileManager.default.copyItem(atPath: TestSupport.samplePlanPath, toPath: plan)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs `actionplan` with `args` (a hang fails the calling line).
    func run(_ args: String..., file: StaticString = #filePath, line: UInt = #line) throws -> TestSupport.Run {
        try TestSupport.run(args, file: file, line: line)
    }
}
