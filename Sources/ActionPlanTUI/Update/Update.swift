import ActionPlanCore

/// The terminal UI's logic as a pure function: `(state, event) → (state, effects)`.
///
/// The Elm/Bubble Tea architecture: nothing here reads files, the clock or the
/// terminal. Keys are turned into ``Command``s through ``KeyTable``; edits go
/// through the core's `Plan` editing functions so the UI records changes exactly
/// as the CLI does; saving and reloading are ``Effect``s the session performs.
///
/// This file dispatches: an event to its handler, a key to its command, a command
/// to the handler of the current ``Mode``. The handlers live in files named after
/// what they handle: Update+Browse (browsing commands), +Navigation, +Search,
/// +Pickers, +Questions, +Clashes, +Prompts (and one file per kind of prompt),
/// +Outcomes (what the session reports back).
public enum Update {
    /// The next state and the effects to perform after `event`.
    public static func update(_ state: AppState, _ event: AppEvent) -> (AppState, [Effect]) {
        var s = state
        let effects = apply(event, to: &s)
        return (s, effects)
    }

    /// The next state and effects after the key `key`.
    public static func update(_ state: AppState, key: KeyEvent) -> (AppState, [Effect]) {
        update(state, .key(key))
    }

    /// The next state and effects after `command`, as if its key was pressed.
    public static func update(_ state: AppState, command: Command) -> (AppState, [Effect]) {
        update(state, .command(command))
    }

    /// Applies `event` to `s` in place and returns the effects.
    static func apply(_ event: AppEvent, to s: inout AppState) -> [Effect] {
        switch event {
        case .key(let key):
            s.message = nil
            return handleKey(key, &s)
        case .keyOn(let key, let today):
            s.today = today
            s.message = nil
            return handleKey(key, &s)
        case .command(let command):
            s.message = nil
            return run(command, &s)
        case .saved(let path, let plan, let fingerprint, let merged, let warnings, let quitAfter):
            saved(path: path, plan: plan, fingerprint: fingerprint, merged: merged, warnings: warnings, &s)
            return quitAfter ? [.quit] : []
        case .saveFailed(let why), .reloadFailed(let why):
            s.mode = .browse
            s.message = StatusMessage(why, isError: true)
        case .fileChangedOnDisk(let quitAfter, let conflicts):
            saveClashed(quitAfter: quitAfter, conflicts: conflicts, &s)
        case .saveAsExists(let path, let quitAfter):
            s.mode = .question(.overwrite(path: path, quitAfter: quitAfter))
        case .reloaded(let plan, let fingerprint):
            reloaded(plan, fingerprint: fingerprint, &s)
        case .recoveryRestored(let plan, let base, let fingerprint):
            recoveryRestored(plan: plan, base: base, fingerprint: fingerprint, &s)
        case .recoveryClashes(let conflicts):
            recoveryClashed(conflicts, &s)
        case .editedInEditor(let id, let text):
            editedInEditor(id: id, text: text, &s)
        case .interrupted:
            return s.isModified ? [.writeRecovery] : []
        case .notice(let text, let isError):
            s.message = StatusMessage(text, isError: isError)
        }
        return []
    }

    /// A key: the mouse, a letter of the plan's own rating scale, a command of the key table, or a
    /// character typed into a prompt.
    static func handleKey(_ key: KeyEvent, _ s: inout AppState) -> [Effect] {
        switch key {
        case .resize:
            return []
        case .mouse(let x, let y, let kind):
            handleMouse(x: x, y: y, kind: kind, &s)
            return []
        default:
            break
        }
        if pickOwnScaleLevel(key, &s) { return [] }
        let context = s.mode.keyContext
        if let command = KeyTable.command(for: key, in: context) { return run(command, &s) }
        if case .prompt(var prompt) = s.mode, case .char(let c) = key {
            prompt.editor.insert(String(c))
            prompt.error = nil
            s.mode = .prompt(prompt)
        } else if context == .browse {
            s.message = StatusMessage("\(key.name) does nothing here; press ? for the keys")
        }
        return []
    }

    /// Runs `command` in the current mode.
    static func run(_ command: Command, _ s: inout AppState) -> [Effect] {
        switch s.mode {
        case .browse: return browse(command, &s)
        case .help, .measures: helpCommand(command, &s)
        case .workload(let screen): workloadCommand(command, screen, &s)
        case .ratingPicker(let id): pickRating(command, id: id, &s)
        case .markedRatingPicker(let ids): pickMarkedRating(command, ids: ids, &s)
        case .editPicker(let id): pickField(command, id: id, &s)
        case .conflict(let quitAfter): conflictCommand(command, quitAfter: quitAfter, &s)
        case .chooseClash(let purpose, let index): return chooseClash(command, purpose, index: index, &s)
        case .question(let question): return answer(question, command, &s)
        case .prompt(let prompt): return promptCommand(command, prompt, &s)
        }
        return []
    }

    /// Back to browsing, saying `text`.
    static func cancel(_ s: inout AppState, _ text: String) {
        s.mode = .browse
        s.message = StatusMessage(text)
    }

    /// An error as one line for the status line.
    static func describe(_ error: Error) -> String {
        if let e = error as? PlanError { return e.message }
        return "\(error)"
    }
}
