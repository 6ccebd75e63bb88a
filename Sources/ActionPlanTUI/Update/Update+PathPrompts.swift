import ActionPlanCore

/// The prompts that name a file: where to export the report (`x`) and where to save elsewhere (after a clash).
extension Update {
    /// Exports to `text` when its extension names a format and it is not the plan itself; a `.pdf` is refused
    /// saying the CLI prints it (it starts a browser, which the terminal UI never does).
    static func submitExportPath(_ text: String, _ prompt: Prompt, _ s: inout AppState) -> [Effect] {
        if text.lowercased().hasSuffix(".pdf") {
            refuse(prompt, "PDF is printed by 'actionplan export --format pdf' (a browser, not started here)", &s)
            return []
        }
        guard ExportFormat.inferred(fromPath: text) != nil else {
            refuse(prompt, "End the name with .html, .md, .xlsx, .docx, .csv, .ics or .json", &s)
            return []
        }
        guard text != s.filePath else {
            refuse(prompt, "That is the plan itself", &s)
            return []
        }
        s.mode = .browse
        return [.export(path: text)]
    }

    /// Saves the plan to `text` (the session refuses the plan itself and asks before replacing a file).
    static func submitSaveAsPath(_ text: String, quitAfter: Bool, _ prompt: Prompt, _ s: inout AppState) -> [Effect] {
        guard !text.isEmpty else {
            refuse(prompt, "Type a path to save to", &s)
            return []
        }
        s.mode = .browse
        return [.saveAs(path: text, quitAfter: quitAfter, overwrite: false)]
    }
}
