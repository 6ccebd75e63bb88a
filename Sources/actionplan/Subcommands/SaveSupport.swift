import ActionPlanCore
import ActionPlanStore
import Foundation

/// How saves behave for this run: the defaults, overridden by `ACTIONPLAN_BACKUPS`,
/// `ACTIONPLAN_LOCK_TIMEOUT` and `ACTIONPLAN_LOCK_STALE`.
func saveOptions() -> PlanStore.SaveOptions {
    PlanStore.SaveOptions(environment: ProcessInfo.processInfo.environment)
}

/// Prints a save's conflicts on stderr, one line each with both values (made safe for the terminal).
func printConflicts(_ e: PlanConflictError) {
    for (i, line) in e.description.split(separator: "\n").enumerated() {
        printError((i == 0 ? "actionplan: " : "") + TerminalSafe.escape(String(line)))
    }
}
