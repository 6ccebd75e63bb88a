import ActionPlanCore
import ActionPlanStore
import Foundation

/// How saves behave for this run: the defaults, overridden by `ACTIONPLAN_BACKUPS`,
/// `ACTIONPLAN_LOCK_TIMEOUT` and `ACTIONPLAN_LOCK_STALE`; what a save could not do but did not stop it
/// (a backup it could not keep) is printed on stderr as a warning.
func saveOptions() -> PlanStore.SaveOptions {
    PlanStore.SaveOptions(environment: ProcessInfo.processInfo.environment) { warning in
        printError("actionplan: warning: \(TerminalSafe.escape(warning))")
    }
}

/// Prints a save's conflicts on stderr, one line each with both values (made safe for the terminal).
func printConflicts(_ e: PlanConflictError) {
    for (i, line) in e.description.split(separator: "\n").enumerated() {
        printError((i == 0 ? "actionplan: " : "") + TerminalSafe.escape(String(line)))
    }
}
