import ActionPlanCore
import ActionPlanStore
import ArgumentParser
import Foundation

#if canImport(NcursesBackend)
    import ActionPlanTUI
    import NcursesBackend
#endif

/// `actionplan browse` (the default): the full-screen terminal UI.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the plan in the terminal UI (the default command).")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(help: "Who is making changes (default: $ACTIONPLAN_USER, else $USER, else your login name).")
    var user: String?
    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Enable the mouse: click selects, wheel scrolls.") var mouse = false
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        #if canImport(NcursesBackend)
            try runTerminalUI()
        #else
            // Built without the terminal UI (a core-only build used while developing).
            try reportingBadInput { throw PlanError(.invalidValue, message: "this build has no terminal UI") }
        #endif
    }

    #if canImport(NcursesBackend)
        private func runTerminalUI() throws {
            let session = try reportingBadInput {
                try PlanSession(
                    path: plan, asOf: try asOf.day(), user: currentUser(user), mouse: mouse, saveOptions: saveOptions(),
                    clock: SystemDay.today)
            }
            let env = ProcessInfo.processInfo.environment
            session.editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
            let status = NcursesTerminal.run(session, options: .resolved(noColorFlag: noColor, mouse: mouse))
            if status != 0 { throw ExitCode(status) }
        }
    #endif
}
