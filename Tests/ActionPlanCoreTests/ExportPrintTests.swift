import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// Prints the HTML report with headless Chromium and reads the PDF back as a reader would:
/// A4 pages, the running footer on every page, sections starting on new pages, plan text as text.
final class ExportPrintTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        _ = try ExternalTools.chromium()
        _ = try ExternalTools.poppler()
        dir = try TestSupport.tempDir()
    }

    override func tearDownWithError() throws { if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) } }

    /// Prints `report` and returns the page count and each page's text.
    private func print(_ report: StatusReport, name: String) throws -> (pages: Int, text: [String]) {
        let html = dir + "/\(name).html"
        let pdf = dir + "/\(name).pdf"
        try PlanStore.writeAtomically(HTMLReport.render(report), to: html)
        try ExternalTools.printToPDF(html: html, pdf: pdf, profile: dir + "/profile-\(name)")
        let pages = try ExternalTools.pageCount(pdf)
        let text = try ExternalTools.pdfText(pdf).components(separatedBy: "\u{0C}").filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        return (pages, text)
    }

    func testBarnetReportPrintsOnA4WithFooterAndSectionBreaks() throws {
        var p = try TestSupport.samplePlan()
        try p.takeSnapshot(label: "November 2018 committee", asOf: TestSupport.day("2018-11-15"))
        try p.rate(id: "2(i)", to: .blue, note: "Delivered", by: "DS", on: TestSupport.day("2019-01-20"))
        try p.rate(id: "5(xii)", to: .red, note: "Provider withdrew", by: "NH", on: TestSupport.day("2019-01-10"))
        let report = try StatusReport.make(
            p, asOf: TestSupport.day("2019-01-31"), produced: TestSupport.day("2019-02-05"))
        let (pages, text) = try print(report, name: "barnet")
        XCTAssertEqual(text.count, pages)
        XCTAssertTrue((12...40).contains(pages), "\(pages) pages")
        let info = try TestSupport.run(try ExternalTools.poppler().pdfinfo, [dir + "/barnet.pdf"]).stdout
        XCTAssertTrue(info.contains("(A4)"), info)
        for (i, page) in text.enumerated() {
            XCTAssertTrue(page.contains("Page \(i + 1) of \(pages)"), "footer on page \(i + 1)")
            XCTAssertTrue(
                page.contains("Barnet Children's Services Improvement Action Plan September 2018-September 2019"))
            XCTAssertTrue(page.contains("Position as at 31 January 2019"))
        }
        func firstLine(_ page: String) -> String {
            page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        }
        XCTAssertTrue(text[0].contains("2. Headline"), "header, key and headline share the first page")
        XCTAssertTrue(text[0].contains("1. Key to ratings"))
        for heading in [
            "3. Summary by theme", "5. Exceptions", "6. Recommendations", "8. The full plan",
            "Appendix: named officers",
        ] {
            XCTAssertTrue(text.contains { firstLine($0) == heading }, "\(heading) starts a page")
        }
        // Page 2 is full: the summary by theme, its charts and the movement share it.
        let summaryPage = try XCTUnwrap(text.firstIndex { firstLine($0) == "3. Summary by theme" })
        for fragment in ["How late the overdue actions are", "Over 3 months", "4. Movement since the last report"] {
            XCTAssertTrue(text[summaryPage].contains(fragment), fragment)
        }
        let all = text.joined(separator: "\n")
        for fragment in [
            "November 2018 committee", "LATE by 51", "457", "Green but overdue", "Donna Swanberg",
            "Action will not be delivered in timescales and no plan in place to mitigate",
        ] {
            XCTAssertTrue(all.contains(fragment), fragment)
        }
        // Table headers repeat: the exceptions' header row is on more than one page.
        XCTAssertGreaterThan(text.filter { $0.contains("Original") && $0.contains("Latest note") }.count, 1)
    }

    func testHostileTextPrintsAsText() throws {
        let p = try ExportHostileTextTests.hostilePlan()
        let report = try StatusReport.make(
            p, asOf: TestSupport.day("2019-01-31"), produced: TestSupport.day("2019-01-31"))
        let (_, text) = try print(report, name: "hostile")
        let all = text.joined(separator: "\n")
        XCTAssertTrue(all.contains("<script>alert(1)</script></td></tr></table>"), "markup is shown, not run")
        XCTAssertTrue(all.contains("=HYPERLINK("))
    }
}
