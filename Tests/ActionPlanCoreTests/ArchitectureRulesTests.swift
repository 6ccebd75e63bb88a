import Foundation
import TestProcess
import XCTest

/// The dependency rules of docs/architecture.md, checked on the sources so a change that breaks one fails CI.
///
/// The compiler already keeps the model from calling the store (ActionPlanCore does not depend on it) and
/// the UI logic from calling curses (only NcursesBackend depends on CNcursesw). What it cannot see is
/// Foundation's own reach: on Linux `import Foundation` also brings in the C library, the clock and the
/// file manager. So the model's files are read here for the calls that would read the clock, the
/// environment or the disk.
final class ArchitectureRulesTests: XCTestCase {
    private func sources(_ folder: String) throws -> [(name: String, text: String)] {
        let root = TestPaths.root.appendingPathComponent(folder).path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [(String, String)] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            out.append((folder + "/" + relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8)))
        }
        XCTAssertFalse(out.isEmpty, "no sources under \(folder)")
        return out
    }

    /// Whether `line` holds `word` not as the tail of a longer name (`reopen(`, `ChildProcess.run`, `.open(`).
    private func containsWord(_ line: Substring, _ word: String) -> Bool {
        var from = line.startIndex
        while let r = line.range(of: word, range: from..<line.endIndex) {
            let before: Character = r.lowerBound == line.startIndex ? " " : line[line.index(before: r.lowerBound)]
            if !(before.isLetter || before.isNumber || before == "." || before == "_") { return true }
            from = r.upperBound
        }
        return false
    }

    /// Lines of `text` outside comments.
    private func code(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
    }

    /// Calls that would reach the clock, the environment or the disk.
    private let forbidden = [
        "import Glibc", "import Darwin", "import ActionPlanStore", "FileManager", "FileHandle", "Date()",
        "Date(timeIntervalSince", "ProcessInfo", "Calendar.current", "TimeZone.current", "clock_gettime",
        "gettimeofday", "ContinuousClock", "SuspendingClock", "getenv", "fopen", "contentsOfFile",
        "Data(contentsOf", "String(contentsOf", "open(", "stat(", "unlink(", "rename(",
    ]

    func testTheModelImportsFoundationOnlyAndNeverTouchesTheClockTheEnvironmentOrTheDisk() throws {
        for (name, text) in try sources("Sources/ActionPlanCore") {
            for line in code(text) {
                for f in forbidden where containsWord(line, f) {
                    XCTFail(
                        "\(name): \"\(f)\" in the model (docs/architecture.md): \(line.trimmingCharacters(in: .whitespaces))"
                    )
                }
            }
            for line in code(text) where line.hasPrefix("import ") {
                XCTAssertEqual(line, "import Foundation", "\(name) imports more than Foundation")
            }
        }
    }

    /// The reading layer takes bytes, as the core does: ZIPFoundation reads its archives in memory
    /// (`Archive(data:)`, never `Archive(url:)`), and no reader opens a file or reads the clock.
    func testTheReadingLayerTakesBytesAndNeverTouchesTheClockTheEnvironmentOrTheDisk() throws {
        let allowed: Set<Substring> = [
            "import Foundation", "import FoundationXML", "import ActionPlanCore", "import ZIPFoundation",
        ]
        for (name, text) in try sources("Sources/ActionPlanImport") {
            for line in code(text) {
                for f in forbidden + ["Archive(url", "URL(fileURLWithPath"] where containsWord(line, f) {
                    XCTFail("\(name): \"\(f)\" in the reading layer: \(line.trimmingCharacters(in: .whitespaces))")
                }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("import ") {
                    XCTAssertTrue(allowed.contains(Substring(trimmed)), "\(name): \(trimmed)")
                }
            }
        }
    }

    /// The zip step of the Word and Excel exports takes parts and returns bytes, as the core does: the
    /// archive is made in memory (`Archive(data:)`), dated by the export's day, never the clock.
    func testThePackageTargetZipsInMemoryAndNeverTouchesTheClockTheEnvironmentOrTheDisk() throws {
        let allowed: Set<Substring> = ["import Foundation", "import ActionPlanCore", "import ZIPFoundation"]
        for (name, text) in try sources("Sources/ActionPlanPackage") {
            for line in code(text) {
                for f in forbidden + ["Archive(url", "URL(fileURLWithPath"] where containsWord(line, f) {
                    XCTFail("\(name): \"\(f)\" in the package step: \(line.trimmingCharacters(in: .whitespaces))")
                }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("import ") {
                    XCTAssertTrue(allowed.contains(Substring(trimmed)), "\(name): \(trimmed)")
                }
            }
        }
    }

    /// The terminal UI's pure parts (state, update, render) import the core and the store's types only; the
    /// zip step of the Word and Excel exports (ActionPlanPackage) is linked for the runtime, which performs
    /// the effects, and for nothing else.
    func testTheTerminalUIZipsExportsOnlyInItsRuntime() throws {
        let allowed: Set<Substring> = ["import ActionPlanCore", "import ActionPlanStore", "import ActionPlanPackage"]
        var runtimeZips = false
        for (name, text) in try sources("Sources/ActionPlanTUI") {
            for line in code(text) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("import ActionPlan") || trimmed.hasPrefix("import ZIP") else { continue }
                XCTAssertTrue(allowed.contains(Substring(trimmed)), "\(name): \(trimmed)")
                if trimmed == "import ActionPlanPackage" {
                    XCTAssertTrue(name.hasPrefix("Sources/ActionPlanTUI/Runtime/"), "\(name) zips outside Runtime/")
                    runtimeZips = true
                }
            }
        }
        XCTAssertTrue(runtimeZips, "the runtime writes .xlsx/.docx through ActionPlanPackage")
    }

    func testOnlyTheBackendTalksToTheTerminal() throws {
        for folder in [
            "Sources/ActionPlanCore", "Sources/ActionPlanStore", "Sources/ActionPlanTUI", "Sources/ActionPlanImport",
            "Sources/actionplan",
        ] {
            for (name, text) in try sources(folder) {
                XCTAssertFalse(text.contains("import CNcursesw"), "\(name) imports curses")
            }
        }
    }

    func testTestsStartProgramsOnlyThroughChildProcess() throws {
        for folder in ["Tests/ActionPlanCoreTests", "Tests/ActionPlanTUITests", "Tests/ActionPlanImportTests"] {
            for (name, text) in try sources(folder) where !name.hasSuffix("ArchitectureRulesTests.swift") {
                for line in code(text) {
                    XCTAssertFalse(
                        containsWord(line, "Process()") || containsWord(line, "Process.run"),
                        "\(name): Foundation's Process hangs on a daemon's inherited socket; use ChildProcess: \(line)")
                }
            }
        }
    }
}
