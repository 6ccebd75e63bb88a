import ActionPlanCore

/// The bottom of the screen: the prompt line of a modal step, and the message or key hint line.
///
/// The hint is generated from ``KeyTable`` for the current context, so it always
/// names the keys that work right now.
extension Renderer {
    static func drawPromptLine(_ state: AppState, y: Int, _ grid: inout Grid) {
        let width = grid.width
        switch state.mode {
        case .prompt(let prompt):
            let label = DisplayWidth.truncate(SafeText.line(prompt.purpose.label), to: max(0, width / 2))
            let x = grid.put(label, x: 0, y: y, style: .strong, maxWidth: width)
            let window = prompt.editor.window(width: width - x)
            grid.put(window.text, x: x, y: y, maxWidth: width - x)
            let cursorX = x + window.cursorColumn
            grid.restyle(Rect(x: cursorX, y: y, width: 1, height: 1)) { $0 = UIStyle.cursor }
        case .ratingPicker(let id):
            let now =
                state.path(of: id, hint: state.selectedActionPath).map {
                    state.plan.level(of: state.plan[$0])?.name ?? "unrated"
                } ?? "?"
            var text = "Rate \(id) (now \(now)) as:"
            if let scale = state.plan.scale {
                text += " " + scale.levels.map { "\($0.letter) \($0.name)" }.joined(separator: "  ")
            }
            grid.put(SafeText.line(text), x: 0, y: y, style: .strong, maxWidth: width)
        case .editPicker(let id):
            grid.put(SafeText.line("Edit \(id):"), x: 0, y: y, style: .strong, maxWidth: width)
        case .conflict:
            let text = "The file changed on disk since it was read; your edits are not saved."
            grid.put(SafeText.line(text), x: 0, y: y, style: UIStyle.error, maxWidth: width)
        case .chooseClash(_, let index):
            let clashes = state.clashes.conflicts
            guard clashes.indices.contains(index) else { break }
            let c = clashes[index]
            let text = "Clash \(index + 1)/\(clashes.count) \(c.key): yours \"\(c.ours)\" │ saved \"\(c.theirs)\""
            grid.put(SafeText.line(text), x: 0, y: y, style: .strong, maxWidth: width)
        case .question(let q):
            grid.put(SafeText.line(q.text), x: 0, y: y, style: .strong, maxWidth: width)
        case .browse, .help, .measures:
            break
        }
    }

    static func drawHintLine(_ state: AppState, y: Int, _ grid: inout Grid) {
        let width = grid.width
        var error: String?
        if case .prompt(let p) = state.mode { error = p.error }
        if let message = state.message {
            let style = message.isError ? UIStyle.error : Style.plain
            grid.put(
                SafeText.line((message.isError ? "! " : "") + message.text), x: 0, y: y, style: style, maxWidth: width)
            return
        }
        if let error {
            grid.put(SafeText.line("! " + error), x: 0, y: y, style: UIStyle.error, maxWidth: width)
            return
        }
        var x = 0
        for (i, h) in KeyTable.hint(for: state.mode.keyContext).enumerated() {
            let entry = (i == 0 ? "" : "  ") + h.key
            let need = DisplayWidth.of(entry) + 1 + DisplayWidth.of(h.label)
            if x + need > width { break }
            x += grid.put(entry, x: x, y: y, style: .strong)
            x += grid.put(" " + h.label, x: x, y: y, style: UIStyle.muted)
        }
    }
}
