import Foundation
import XCTest

/// Runs the real readers of exported files: headless Chromium, poppler's pdftotext/pdfinfo, Python's icalendar.
///
/// Each test that needs one skips with a message naming the package to install
/// when it is absent (CI installs them: see .ci/run).
enum ExternalTools {
    /// The full path of the first of `names` found on `PATH`, or nil.
    static func which(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for n in names {
            for dir in path.split(separator: ":") {
                let p = "\(dir)/\(n)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }

    /// Chromium, or a skip explaining how to install it.
    static func chromium() throws -> String {
        guard let c = which("chromium", "chromium-browser", "google-chrome", "google-chrome-stable") else {
            throw XCTSkip(
                "headless Chromium is not installed (apt-get install chromium); the PDF print check is skipped")
        }
        return c
    }

    /// Prints `html` to `pdf` with headless Chromium, without the browser's own header and footer
    /// (the report draws its own running footer with CSS @page margin boxes).
    static func printToPDF(html: String, pdf: String, profile: String) throws {
        let chrome = try chromium()
        let r = try TestSupport.run(
            chrome,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile)",
                "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString,
            ])
        guard FileManager.default.fileExists(atPath: pdf) else {
            XCTFail("chromium wrote no PDF (status \(r.status)): \(r.stderr.suffix(2000))")
            throw XCTSkip("no PDF")
        }
    }

    /// pdftotext and pdfinfo, or a skip.
    static func poppler() throws -> (pdftotext: String, pdfinfo: String) {
        guard let t = which("pdftotext"), let i = which("pdfinfo") else {
            throw XCTSkip("poppler-utils (pdftotext, pdfinfo) is not installed (apt-get install poppler-utils)")
        }
        return (t, i)
    }

    /// The number of pages of `pdf`, from pdfinfo.
    static func pageCount(_ pdf: String) throws -> Int {
        let r = try TestSupport.run(try poppler().pdfinfo, [pdf])
        let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// The text of `pdf` (pages separated by form feeds), from pdftotext.
    static func pdfText(_ pdf: String) throws -> String {
        try TestSupport.run(try poppler().pdftotext, ["-enc", "UTF-8", pdf, "-"]).stdout
    }

    /// One event as Python's icalendar read it.
    struct Event {
        var uid: String
        var summary: String
        var description: String
        var start: String
        /// The day after the event, or empty when the event has no DTEND (a one-day event).
        var end: String
        /// DTSTAMP, as an ISO date and time.
        var stamp: String
    }

    /// Parses the calendar `bytes` with Python's icalendar (through a temporary file), or skips when it is missing.
    static func parseICS(_ bytes: [UInt8]) throws -> [Event] {
        let dir = try TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/export.ics"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return try parseICS(file)
    }

    /// Parses `ics` with Python's icalendar (a real RFC 5545 parser), or skips when it is missing.
    static func parseICS(_ ics: String) throws -> [Event] {
        guard let python = which("python3") else { throw XCTSkip("python3 is not installed; ICS parser check skipped") }
        let probe = try TestSupport.run(python, ["-c", "import icalendar"])
        if probe.status != 0 {
            throw XCTSkip("Python's icalendar is not installed (python3 -m pip install icalendar); ICS check skipped")
        }
        let script = """
            import json, sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for e in cal.walk('VEVENT'):
                out.append({'uid': str(e.get('UID')), 'summary': str(e.get('SUMMARY')),
                             'description': str(e.get('DESCRIPTION')),
                             'start': e.get('DTSTART').dt.isoformat(),
                             'end': e.get('DTEND').dt.isoformat() if 'DTEND' in e else '',
                             'stamp': e.get('DTSTAMP').dt.isoformat()})
            print(json.dumps(out))
            """
        let r = try TestSupport.run(python, ["-c", script, ics])
        guard r.status == 0 else {
            XCTFail("icalendar could not parse \(ics): \(r.stderr)")
            return []
        }
        let arr = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: String]] ?? []
        return arr.map {
            Event(
                uid: $0["uid"] ?? "", summary: $0["summary"] ?? "", description: $0["description"] ?? "",
                start: $0["start"] ?? "", end: $0["end"] ?? "", stamp: $0["stamp"] ?? "")
        }
    }

    /// The cells of the CSV `bytes` that a spreadsheet could run as a formula, as Python's csv module reads
    /// them: a cell, or a part of one after a `;`, starting with `=`, `+`, `-` or `@` once white space is
    /// trimmed. Skips when python3 is missing.
    static func csvCellsStartingWithFormula(_ bytes: [UInt8]) throws -> [String] {
        guard let python = which("python3") else { throw XCTSkip("python3 is not installed; CSV reader check skipped") }
        let dir = try TestSupport.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/export.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let script = """
            import csv, json, sys
            bad = []
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                for row in csv.reader(f):
                    bad += [c for c in row if any(p.strip()[:1] in ('=', '+', '-', '@') for p in c.split(';'))]
            print(json.dumps(bad))
            """
        let r = try TestSupport.run(python, ["-c", script, file])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String] ?? ["(unreadable: \(r.stdout))"]
    }
}
