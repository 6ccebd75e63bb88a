import ActionPlanStore
import Foundation
import XCTest

@testable import ActionPlanCore

/// `export --format pdf` prints the committee report through the installed Chromium, without the
/// browser's own date/title header and URL footer; without Chromium it says what it looked for.
final class ExportPDFTests: SamplePlanTestCase {
    func testPDFHasTheReportTextAndNoBrowserHeaderOrFooter() throws {
        let chromium = try ExternalTools.chromium()
        _ = try ExternalTools.poppler()
        let pdf = dir + "/report.pdf"
        let r = try TestSupport.run(
            ["export", plan, "--format", "pdf", "--output", pdf, "--as-of", "2019-01-31", "--produced", "2019-02-05"],
            environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "ACTIONPLAN_CHROMIUM": chromium])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("Wrote \(pdf) (pdf, position as at 2019-01-31"), r.stdout)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: pdf))
        XCTAssertTrue(bytes.starts(with: Array("%PDF".utf8)))
        let pages = try ExternalTools.pageCount(pdf)
        XCTAssertGreaterThan(pages, 10)
        let text = try ExternalTools.pdfText(pdf)
        for fragment in ["2. Headline", "5. Exceptions", "Page 1 of \(pages)", "Position as at 31 January 2019"] {
            XCTAssertTrue(text.contains(fragment), fragment)
        }
        // Chromium's own header prints the date and time ("11/30/26, 11:13 AM") and the page's title; its
        // footer the file's URL and "1/14".
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let stamp = /[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{2,4},? +[0-9]{1,2}:[0-9]{2}/
        XCTAssertEqual(lines.filter { $0.contains(stamp) }, [], "a print-date header line")
        XCTAssertEqual(lines.filter { $0.contains("file://") || $0.contains(".html") }, [], "a URL footer line")
        XCTAssertEqual(lines.filter { $0.wholeMatch(of: /[0-9]+\/[0-9]+/) != nil }, [], "a 1/14 page footer")
        XCTAssertFalse(text.contains("position as at 31 January 2019"), "the HTML <title> printed as a header")
    }

    func testNarrowColumnsKeepWordsAndIDsWhole() throws {
        let chromium = try ExternalTools.chromium()
        _ = try ExternalTools.poppler()
        var p = try ExportOfficeTests.impactReport().plan
        p.measures[0].subMeasures.append(
            Measure(
                id: "M15.12", title: "Children seen alone", target: "90%",
                observations: [.init(period: "Mar-18", value: "80%")]))
        try PlanStore.save(p, to: plan)
        let pdf = dir + "/report.pdf"
        let r = try TestSupport.run(
            ["export", plan, "--format", "pdf", "--output", pdf, "--as-of", "2019-01-31", "--produced", "2019-02-05"],
            environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "ACTIONPLAN_CHROMIUM": chromium])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try ExternalTools.pdfText(pdf).split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" })
        // The recommendations' source ("Barnet Safeguarding Children Board") and a sub-measure's ID were cut
        // mid-word by their columns ("Safeguardin" / "g", "M15." / "12").
        XCTAssertFalse(lines.filter { $0.contains("Safeguardin") }.isEmpty)
        XCTAssertEqual(lines.filter { $0.contains("Safeguardin") && !$0.contains("Safeguarding") }, [])
        XCTAssertTrue(lines.contains { $0.contains("M15.12") }, "the sub-measure's ID on one line")
    }

    func testPDFOutputIsChosenByExtensionToo() throws {
        let chromium = try ExternalTools.chromium()
        let pdf = dir + "/by-extension.pdf"
        let r = try TestSupport.run(
            ["export", plan, "-o", pdf, "--as-of", "2019-01-31"],
            environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "ACTIONPLAN_CHROMIUM": chromium])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.contents(atPath: pdf)?.starts(with: Array("%PDF".utf8)) == true)
    }

    func testNoChromiumExitsTwoNamingWhatWasSearched() throws {
        let empty = dir + "/empty-bin"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let pdf = dir + "/report.pdf"
        let r = try TestSupport.run(
            ["export", plan, "--format", "pdf", "--output", pdf, "--as-of", "2019-01-31"],
            environment: ["PATH": empty, "HOME": dir])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("actionplan: at --format pdf: no Chromium to print the PDF with"), r.stderr)
        for searched in ["$ACTIONPLAN_CHROMIUM is not set", "chromium, chromium-browser, google-chrome", empty] {
            XCTAssertTrue(r.stderr.contains(searched), "\(searched) in \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf))

        let notAProgram = try TestSupport.run(
            ["export", plan, "--format", "pdf", "--output", pdf],
            environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "ACTIONPLAN_CHROMIUM": dir + "/plan.json"])
        XCTAssertEqual(notAProgram.status, 2)
        XCTAssertTrue(
            notAProgram.stderr.contains("$ACTIONPLAN_CHROMIUM is \(dir)/plan.json, which is not an executable file"),
            notAProgram.stderr)
    }
}
