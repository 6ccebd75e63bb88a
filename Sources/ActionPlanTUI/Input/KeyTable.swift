/// The one table of keys: it dispatches key presses, draws the `?` help screen and generates docs/keys.md.
///
/// Keeping bindings as data in one place means the help a user reads can never
/// disagree with what the keys do; a test fails when docs/keys.md differs from
/// ``markdown()``.
public enum KeyTable {
    /// Every binding, grouped by context in the order the help screen shows them.
    public static let bindings: [KeyBinding] =
        browse + ratingPicker + editPicker + conflict + clashChoice + question + lineEditor + help + workload

    private static let browse: [KeyBinding] = [
        KeyBinding(
            [.up, .char("k")], .moveUp, .browse, "Select the row above (scroll up when the detail pane has the focus)"),
        KeyBinding([.down, .char("j")], .moveDown, .browse, "Select the row below (scroll down in the detail pane)"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, .browse, "Move up one screenful"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, .browse, "Move down one screenful"),
        KeyBinding([.home, .char("g")], .top, .browse, "Go to the first row"),
        KeyBinding([.end, .char("G")], .bottom, .browse, "Go to the last row"),
        KeyBinding(
            [.enter], .toggleFold, .browse,
            "Fold or unfold the theme or group (on an action: fold the group or theme it is in)", hint: "fold"),
        KeyBinding(
            [.char(" "), .char("m")], .toggleMark, .browse,
            "Mark or unmark the action (r then rates every marked action with one note); Space on a heading folds it",
            hint: "mark"),
        KeyBinding(
            [.left, .char("h")], .foldOrParent, .browse,
            "Fold the theme or group; on an action or a folded group, go to the heading it is under"),
        KeyBinding(
            [.right, .char("l")], .unfoldOrChild, .browse,
            "Unfold the theme or group; when it is open, go to its first row"),
        KeyBinding([.char("-")], .foldAll, .browse, "Fold every theme"),
        KeyBinding([.char("+"), .char("=")], .unfoldAll, .browse, "Unfold every theme and group"),
        KeyBinding(
            [.tab, .backTab], .switchPane, .browse, "Switch the focus between the plan and detail panes", hint: "pane"),
        KeyBinding(
            [.char("z")], .zoom, .browse, "Zoom: give the list the whole screen (hide the detail pane); again to undo",
            hint: "zoom"),
        KeyBinding(
            [.char("/")], .search, .browse, "Search IDs, text and leads (Enter jumps to the first match)",
            hint: "search"),
        KeyBinding([.char("n")], .nextMatch, .browse, "Go to the next search match"),
        KeyBinding([.char("N")], .previousMatch, .browse, "Go to the previous search match"),
        KeyBinding(
            [.char("o")], .viewOverdue, .browse, "Show only overdue actions, most overdue first", hint: "overdue"),
        KeyBinding([.char("d")], .viewDueSoon, .browse, "Show only actions due within 30 days, soonest first"),
        KeyBinding(
            [.char("f")], .filter, .browse,
            "Filter by lead, rating or theme: e.g. lead BT, rating A,R, theme 5, or lead BT rating R", hint: "filter"),
        KeyBinding(
            [.char("i")], .viewMine, .browse,
            "Show only the actions I lead, mine (your code: --user, else $ACTIONPLAN_USER, else $USER)"),
        KeyBinding(
            [.char("W")], .viewWorkload, .browse,
            "Workload per lead: actions, overdue, not updated since the last snapshot (Enter lists a lead's actions)"),
        KeyBinding([.char("a")], .viewAll, .browse, "Show all actions again, in plan order"),
        KeyBinding([.char("S")], .cycleSort, .browse, "Cycle the sort: plan order, deadline, rating severity, lead"),
        KeyBinding([.char("r")], .rate, .browse, "Rate the action (B/G/A/R), with a required note", hint: "rate"),
        KeyBinding(
            [.char("e")], .edit, .browse, "Edit the action's text, leads or delivery date, or revise its date",
            hint: "edit"),
        KeyBinding(
            [.char("E")], .editInEditor, .browse,
            "Edit the action's text in $VISUAL or $EDITOR (the screen comes back after; the text is checked as e t)"),
        KeyBinding([.char("p")], .addNote, .browse, "Add a dated progress note to the action"),
        KeyBinding(
            [.char("L")], .linkRecommendations, .browse,
            "Link the action to the recommendations it answers: their IDs, separated by commas (empty: none)"),
        KeyBinding([.char("A")], .addAction, .browse, "Add an action to the current theme or group"),
        KeyBinding([.char("D")], .deleteAction, .browse, "Delete the action (asks first)"),
        KeyBinding([.char("u")], .undo, .browse, "Undo the last edit (any number of times)", hint: "undo"),
        KeyBinding([.ctrl("r")], .redo, .browse, "Redo the last undone edit"),
        KeyBinding(
            [.char("w"), .ctrl("s")], .save, .browse, "Save the plan (refuses to overwrite a file changed on disk)",
            hint: "save"),
        KeyBinding(
            [.char("x")], .export, .browse,
            "Export the committee report (asks for a file: .html .md .xlsx .docx .csv .ics .json)"),
        KeyBinding(
            [.escape], .back, .browse,
            "Leave the view, filter or sort (back to all actions in plan order), else clear the search"),
        KeyBinding(
            [.char("q")], .quit, .browse,
            "In a view or filter: back to all actions; else quit (asks to save when there are unsaved changes)",
            hint: "quit"),
        KeyBinding([.char("Q")], .quitNow, .browse, "Quit from any view (asks to save when there are unsaved changes)"),
        KeyBinding([.ctrl("l")], .redraw, .browse, "Redraw the whole screen"),
        KeyBinding([.char("?"), .function(1)], .help, .browse, "Show this help", hint: "help"),
        KeyBinding([.char("M")], .showMeasures, .browse, "Show the measures of impact, off target first"),
    ]

    private static let ratingPicker: [KeyBinding] = [
        KeyBinding([.char("b"), .char("B")], .pickBlue, .ratingPicker, "Blue: action completed", hint: "Blue"),
        KeyBinding([.char("g"), .char("G")], .pickGreen, .ratingPicker, "Green: on track", hint: "Green"),
        KeyBinding(
            [.char("a"), .char("A")], .pickAmber, .ratingPicker,
            "Amber: unlikely to meet timescales, plan in place (also asks for a revised date)", hint: "Amber"),
        KeyBinding(
            [.char("r"), .char("R")], .pickRed, .ratingPicker, "Red: will not be delivered in timescales", hint: "Red"),
        KeyBinding([.escape], .cancel, .ratingPicker, "Cancel the rating", hint: "cancel"),
    ]

    private static let editPicker: [KeyBinding] = [
        KeyBinding([.char("t")], .editText, .editPicker, "Edit the action text", hint: "text"),
        KeyBinding(
            [.char("l")], .editLeads, .editPicker,
            "Edit the leads: codes separated by spaces (BJ TMcE), names or roles by commas (Sarah D'Souza, CM)",
            hint: "leads"),
        KeyBinding(
            [.char("d")], .editDeliveryDate, .editPicker, "Correct the delivery date as written (e.g. March 2019)",
            hint: "date"),
        KeyBinding(
            [.char("v")], .reviseDate, .editPicker, "Revise the delivery date, keeping the original, with a reason",
            hint: "revise"),
        KeyBinding([.escape], .cancel, .editPicker, "Cancel", hint: "cancel"),
    ]

    private static let conflict: [KeyBinding] = [
        KeyBinding(
            [.char("r")], .reload, .conflict, "Reload the file from disk, discarding your edits (asks first)",
            hint: "reload"),
        KeyBinding(
            [.char("s")], .saveElsewhere, .conflict, "Save your version to another file (asks for a path)",
            hint: "save elsewhere"),
        KeyBinding(
            [.char("c")], .chooseEach, .conflict,
            "Choose clash by clash: keep your value or take the saved one, then save the merge",
            hint: "choose"),
        KeyBinding([.escape], .cancel, .conflict, "Cancel: keep your edits unsaved", hint: "cancel"),
    ]

    private static let clashChoice: [KeyBinding] = [
        KeyBinding([.char("m")], .keepMine, .clashChoice, "Keep your value for this field", hint: "mine"),
        KeyBinding([.char("t")], .takeTheirs, .clashChoice, "Take the value saved by someone else", hint: "theirs"),
        KeyBinding([.escape], .cancel, .clashChoice, "Cancel: nothing is saved, your edits are kept", hint: "cancel"),
    ]

    private static let question: [KeyBinding] = [
        KeyBinding([.char("y"), .char("Y")], .yes, .question, "Yes", hint: "yes"),
        KeyBinding([.char("n"), .char("N")], .no, .question, "No (when quitting: quit without saving)", hint: "no"),
        KeyBinding([.escape], .cancel, .question, "Cancel: go back without doing anything", hint: "cancel"),
    ]

    private static let lineEditor: [KeyBinding] = [
        KeyBinding(
            [.enter], .confirm, .lineEditor, "Accept the text (refused with the reason when it is invalid)",
            hint: "OK"),
        KeyBinding(
            [.escape], .cancel, .lineEditor,
            "Go back one step, keeping what was typed there (at the first step: cancel the operation)",
            hint: "back"),
        KeyBinding(
            [.up], .historyPrevious, .lineEditor, "In the search and filter prompts: the previous earlier entry"),
        KeyBinding([.down], .historyNext, .lineEditor, "In the search and filter prompts: the next later entry"),
        KeyBinding([.left, .ctrl("b")], .cursorLeft, .lineEditor, "Move the cursor left one character"),
        KeyBinding([.right, .ctrl("f")], .cursorRight, .lineEditor, "Move the cursor right one character"),
        KeyBinding([.home, .ctrl("a")], .cursorHome, .lineEditor, "Move the cursor to the start"),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, .lineEditor, "Move the cursor to the end"),
        KeyBinding([.backspace], .deleteBackward, .lineEditor, "Delete the character before the cursor"),
        KeyBinding([.delete, .ctrl("d")], .deleteForward, .lineEditor, "Delete the character under the cursor"),
        KeyBinding([.ctrl("u")], .deleteToStart, .lineEditor, "Delete from the start to the cursor"),
        KeyBinding([.ctrl("k")], .deleteToEnd, .lineEditor, "Delete from the cursor to the end"),
    ]

    private static let help: [KeyBinding] = [
        KeyBinding([.escape, .char("q"), .char("?"), .enter], .closeHelp, .help, "Close the help", hint: "close"),
        KeyBinding([.up, .char("k")], .moveUp, .help, "Scroll up"),
        KeyBinding([.down, .char("j")], .moveDown, .help, "Scroll down"),
        KeyBinding([.pageUp], .pageUp, .help, "Scroll up one screenful"),
        KeyBinding([.pageDown, .char(" ")], .pageDown, .help, "Scroll down one screenful"),
        KeyBinding([.home, .char("g")], .top, .help, "Go to the top"),
        KeyBinding([.end, .char("G")], .bottom, .help, "Go to the bottom"),
    ]

    private static let workload: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .workload, "Select the lead above"),
        KeyBinding([.down, .char("j")], .moveDown, .workload, "Select the lead below"),
        KeyBinding([.enter], .confirm, .workload, "List the selected lead's actions", hint: "their actions"),
        KeyBinding([.escape, .char("q")], .cancel, .workload, "Back to the plan", hint: "back"),
    ]

    /// Bindings by context and key, built once.
    private static let index: [KeyContext: [KeyEvent: Command]] = {
        var out: [KeyContext: [KeyEvent: Command]] = [:]
        for b in bindings {
            for k in b.keys where out[b.context, default: [:]][k] == nil {
                out[b.context, default: [:]][k] = b.command
            }
        }
        return out
    }()

    /// The command `key` runs in `context`, or nil when the key is not bound there.
    public static func command(for key: KeyEvent, in context: KeyContext) -> Command? {
        index[context]?[key]
    }

    /// The bindings of `context`, in table order.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// The binding of `command` in `context`, if any.
    public static func binding(of command: Command, in context: KeyContext) -> KeyBinding? {
        bindings.first { $0.command == command && $0.context == context }
    }

    /// The order of the browse hints: most needed first, since a narrow terminal shows only the first few.
    private static let browseHintOrder: [Command] = [
        .help, .quit, .save, .search, .rate, .edit, .undo, .viewOverdue, .filter, .switchPane, .toggleFold,
    ]

    /// A compact list of the hinted keys of `context`, such as `? help  / search  r rate`, for the bottom line.
    public static func hint(for context: KeyContext) -> [(key: String, label: String)] {
        var hinted = bindings(in: context).filter { $0.hint != nil }
        if context == .browse {
            hinted.sort {
                (browseHintOrder.firstIndex(of: $0.command) ?? 99) < (browseHintOrder.firstIndex(of: $1.command) ?? 99)
            }
        }
        return hinted.map { (key: $0.keys[0].name, label: $0.hint!) }
    }

    /// Notes that are not key bindings but belong in the help (typing, the mouse).
    public static let notes: [KeyContext: String] = [
        .lineEditor:
            "Any other key types its character at the cursor (any Unicode text; wide characters take two columns).",
        .browse: "An action row shows its ID, rating badge (B G A R, or · when unrated), leads, delivery date "
            + "(* when revised), days overdue (!92d) and text; a theme row counts its actions by rating, · unrated "
            + "and ! overdue; * before an ID marks it (Space or m). The top line keeps the view or filter "
            + "(5 of 57 shown) and, at the right, the position of the selected action in it (12/28). With --mouse, a click selects a row and the wheel scrolls. Ctrl-C writes unsaved "
            + "changes to a recovery file (PLAN.json.actionplan-recovery) and exits; the next start offers to "
            + "restore it.",
    ]

    /// docs/keys.md: every context as a Markdown table of keys, command and description.
    public static func markdown() -> String {
        var s = "# Keys of `actionplan browse`\n\n"
        s +=
            "<!-- Generated from KeyTable (Sources/ActionPlanTUI/KeyTable.swift) by KeyTable.markdown(); do not edit.\n"
        s += "     The tests fail when this file and the table differ. -->\n\n"
        s += "The same table drives the keys, the `?` help screen and this page.\n"
        for context in KeyContext.allCases {
            s += "\n## \(context.title)\n\n"
            s += "| Keys | Command | What it does |\n"
            s += "|------|---------|--------------|\n"
            for b in bindings(in: context) {
                let keys = b.keyLabels.map { "`" + $0 + "`" }.joined(separator: ", ")
                s +=
                    "| \(keys) | \(b.command.rawValue) | "
                    + b.description.replacingOccurrences(of: "|", with: "\\|") + " |\n"
            }
            if let note = notes[context] { s += "\n" + note + "\n" }
        }
        return s
    }
}
