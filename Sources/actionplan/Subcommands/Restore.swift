import ActionPlanCore
import ActionPlanStore
import ArgumentParser
import Foundation

/// `actionplan restore`: list the backups kept beside a plan, or put one back.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "List the plan's backups (the versions replaced by the last saves), or restore one.",
        discussion: """
            Every save keeps the version it replaces in .PLAN.backups/ beside the plan (the last 5; set \
            ACTIONPLAN_BACKUPS to change, 0 for none). Backup 1 is the newest. Restoring keeps the version it \
            replaces as backup 1, so a restore can itself be undone.
            """)

    @Argument(help: "The plan file (JSON).") var plan: String
    @Flag(help: "List the backups, newest first.") var list = false
    @Option(help: "Restore backup N (1 = the newest).") var from: Int?

    func validate() throws {
        if list == (from != nil) { throw ValidationError("Give either --list or --from N") }
    }

    func run() throws {
        try reportingBadInput {
            if list {
                printOut(listing())
                return
            }
            guard let from, from >= 1 else {
                throw PlanError(.invalidValue, path: "--from", message: "expected a backup number of 1 or more")
            }
            let b = try PlanBackups.restore(plan, from: from, options: saveOptions())
            printOut(
                "Restored \(TerminalSafe.escape(plan)) from backup \(b.number) (saved \(Restore.time(b.modified))); "
                    + "the version it replaced is now backup 1\n")
        }
    }

    private func listing() -> String {
        let backups = PlanBackups.list(for: plan)
        let shownPlan = TerminalSafe.escape(plan)
        let shownDirectory = TerminalSafe.escape(PlanBackups.directory(for: plan))
        if backups.isEmpty { return "\(shownPlan): no backups in \(shownDirectory)\n" }
        var out = "Backups of \(shownPlan), newest first (in \(shownDirectory)):\n"
        for b in backups {
            var line = "  \(b.number)  saved \(Restore.time(b.modified))  \(Restore.size(b.size))"
            if let bytes = try? PlanStore.readFile(b.path) {
                do {
                    let p = try PlanCodec.decode(bytes, file: b.path)
                    line += "  \(p.allActions.count) actions  \"\(TerminalSafe.escape(p.title))\""
                } catch {
                    line += "  not a valid plan: \(TerminalSafe.escape(String(describing: error)))"
                }
            }
            out += line + "\n"
        }
        return out
    }

    /// `2019-01-31 14:05:09` in local time.
    static func time(_ seconds: Double) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// `812 bytes`, `48.2 KB`, `6.1 MB`.
    static func size(_ n: Int) -> String {
        if n < 1024 { return "\(n) bytes" }
        if n < 1 << 20 { return String(format: "%.1f KB", Double(n) / 1024) }
        return String(format: "%.1f MB", Double(n) / Double(1 << 20))
    }
}
