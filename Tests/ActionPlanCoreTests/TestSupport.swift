import ActionPlanStore
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore

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

/// Asserts, byte by byte, that `bytes` holds nothing a terminal or a bidi-aware viewer would obey: no C0
/// control but tab, line feed and carriage return (so no ESC, BEL), no DEL, no C1 control (UTF-8 `C2 80`–`C2 9F`)
/// and no bidi override or isolate (U+202A–U+202E `E2 80 AA`–`AE`, U+2066–U+2069 `E2 81 A6`–`A9`).
///
/// Written on bytes, independently of `TerminalSafe`, so it checks the escaping rather than repeating it.
func assertTerminalSafe(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    var problems: [String] = []
    for (i, b) in bytes.enumerated() {
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        let third = i + 2 < bytes.count ? bytes[i + 2] : 0
        if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F {
            problems.append("control byte 0x\(String(b, radix: 16)) at \(i)")
        } else if b == 0xC2, (0x80...0x9F).contains(next) {
            problems.append("C1 control U+00\(String(next, radix: 16, uppercase: true)) at \(i)")
        } else if b == 0xE2,
            (next == 0x80 && (0xAA...0xAE).contains(third)) || (next == 0x81 && (0xA6...0xA9).contains(third))
        {
            problems.append("bidi control E2 \(String(next, radix: 16)) \(String(third, radix: 16)) at \(i)")
        }
    }
    XCTAssertTrue(problems.isEmpty, "\(what): \(problems.prefix(5).joined(separator: "; "))", file: file, line: line)
}
