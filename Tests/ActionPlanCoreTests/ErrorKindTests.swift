import Foundation
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// Callers tell failures apart by `PlanError.kind`, not by the words of the message: each storage
/// failure a user can meet carries the kind that says what happened.
final class ErrorKindTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws { dir = try TestSupport.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func kind(_ body: () throws -> Void, line: UInt = #line) -> PlanError.Kind? {
        do {
            try body()
            XCTFail("no error", line: line)
        } catch let e as PlanError {
            XCTAssertFalse(e.message.isEmpty, line: line)
            return e.kind
        } catch {
            XCTFail("not a PlanError: \(error)", line: line)
        }
        return nil
    }

    private func copyOfSample(_ name: String = "plan.json") throws -> String {
        let path = dir + "/" + name
        try FileManager.default.copyItem(atPath: TestSupport.samplePlanPath, toPath: path)
        return path
    }

    func testAMissingFileIsNotFoundAndADirectoryCannotBeRead() {
        XCTAssertEqual(kind { _ = try PlanStore.load(dir + "/absent.json") }, .fileNotFound)
        XCTAssertEqual(kind { try PlanStore.update(dir + "/absent.json") { _ in } }, .fileNotFound)
        XCTAssertEqual(kind { _ = try PlanStore.load(dir) }, .cannotRead)
    }

    func testAFileThatIsNotAPlanIsAnInvalidPlan() throws {
        let path = dir + "/notes.json"
        try PlanStore.writeAtomically(Array("{\"schemaVersion\": 1}".utf8), to: path)
        XCTAssertEqual(kind { _ = try PlanStore.load(path) }, .invalidPlan)
    }

    func testARefusedSaveIsNotSaved() throws {
        let plan = try copyOfSample()
        chmod(plan, 0o444)
        XCTAssertEqual(kind { try PlanStore.update(plan) { $0.title += " (edited)" } }, .notSaved)
        chmod(plan, 0o644)
        let other = dir + "/other-name.json"
        XCTAssertEqual(link(plan, other), 0)
        XCTAssertEqual(kind { try PlanStore.update(plan) { $0.title += " (edited)" } }, .notSaved, "hard-linked")
    }

    func testALockHeldByAnotherSaveIsLocked() throws {
        let plan = try copyOfSample()
        let held = try PlanLock.acquire(for: plan)
        defer { held.release() }
        var options = PlanStore.SaveOptions.standard
        options.lockTimeout = 0.2
        XCTAssertEqual(kind { try PlanStore.update(plan, options: options) { $0.title += " (edited)" } }, .locked)
    }

    func testReplacingWhatMustNotExistIsAlreadyExists() throws {
        let plan = try copyOfSample()
        XCTAssertEqual(kind { try PlanStore.replace(plan, with: [0x7B, 0x7D], mustNotExist: true) }, .alreadyExists)
    }

    func testAnUnknownActionIsNotFoundAndAnEmptyNoteIsInvalid() throws {
        var plan = try TestSupport.samplePlan()
        let day = TestSupport.day("2019-02-01")
        XCTAssertEqual(kind { try plan.rate(id: "99(z)", to: .red, note: "late", by: "NH", on: day) }, .notFound)
        XCTAssertEqual(kind { try plan.rate(id: "5(xii)", to: .red, note: "  ", by: "NH", on: day) }, .invalidValue)
    }
}
