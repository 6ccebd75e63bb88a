import ActionPlanCore
import ActionPlanStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `export --format pdf`: the HTML report printed to PDF by the installed Chromium, headless, without the
/// browser's own header and footer (the file's URL, the print date and the page title): the report draws
/// its own running footer (docs/export.md, "Print to PDF").
enum PDFPrinting {
    /// The names looked for on `PATH`, in this order, when `$ACTIONPLAN_CHROMIUM` is not set.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The longest a print may take before the browser is stopped.
    static let timeout: Double = 180

    /// The browser to print with: `$ACTIONPLAN_CHROMIUM` when set (it must be an executable file), else the
    /// first of `browserNames` on `PATH`; otherwise an error naming what was searched.
    static func findBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let given = environment["ACTIONPLAN_CHROMIUM"], !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else {
                throw PlanError(
                    .notFound, path: "--format pdf",
                    message: "$ACTIONPLAN_CHROMIUM is \(given), which is not an executable file; "
                        + "set it to the Chromium program that prints the PDF")
            }
            return given
        }
        let path = environment["PATH"] ?? ""
        for name in browserNames {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        throw PlanError(
            .notFound, path: "--format pdf",
            message: "no Chromium to print the PDF with: $ACTIONPLAN_CHROMIUM is not set and none of "
                + browserNames.joined(separator: ", ") + " is on PATH (\(path)); install Chromium "
                + "(apt-get install chromium), set ACTIONPLAN_CHROMIUM to its path, or export --format html "
                + "and print that")
    }

    /// The PDF of the HTML report `html`, printed by `browser` in a temporary directory removed afterwards.
    static func print(html: [UInt8], with browser: String) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actionplan-pdf-\(getpid())-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = dir + "/report.html"
        let pdf = dir + "/report.pdf"
        try PlanStore.writeAtomically(html, to: page)
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--user-data-dir=\(dir)/profile", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString,
        ]
        let (status, log) = try run(browser, arguments, log: dir + "/browser.log")
        guard let bytes = FileManager.default.contents(atPath: pdf), bytes.starts(with: Array("%PDF".utf8)) else {
            let tail = log.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw PlanError(
                .notSaved, file: browser,
                message: "Chromium printed no PDF (\(status)); its last words: \(TerminalSafe.escape(tail))")
        }
        return Array(bytes)
    }

    /// Runs `program` with `arguments`, its output in the file `log`, and waits for it alone (not for the
    /// helpers a browser leaves behind), at most `timeout` seconds, after which its process group is killed.
    /// Returns how it ended, as words, and what it wrote.
    private static func run(_ program: String, _ arguments: [String], log: String) throws -> (String, String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, program, &actions, &attributes, argv, environ)
        guard rc == 0 else {
            throw PlanError(
                .notSaved, file: program, message: "cannot start Chromium: \(String(cString: strerror(rc)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var outcome = ""
        while outcome.isEmpty {
            let r = waitpid(child, &status, WNOHANG)
            if r == child || (r < 0 && errno != EINTR) {
                let signal = status & 0x7f
                outcome = signal == 0 ? "exit status \((status >> 8) & 0xff)" : "ended by signal \(signal)"
            } else if Date() >= deadline {
                kill(-child, SIGKILL)
                while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                outcome = "stopped after \(Int(timeout)) s"
            } else {
                usleep(20_000)
            }
        }
        // Helpers the browser started in its group (a crash handler) must not outlive the print.
        kill(-child, SIGTERM)
        let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        return (outcome, text)
    }
}
