import ActionPlanCore

/// The bottom of the screen: the prompt of a modal step, the message, and the key hint.
///
/// A long message or prompt wraps onto more lines (up to ``maximumMessageLines``)
/// instead of being cut. The hint is generated from ``KeyTable`` for the current
/// context, so it always names the keys that work right now; while a choice is
/// pending (a prompt, a picker, a question, a refused save) it is never hidden by
/// a message. Only while browsing does a message take the hint's place.
extension Renderer {
    /// The most lines a message takes; a longer one ends in `…`.
    static let maximumMessageLines = 3

    /// The lines above the hint line, top to bottom: the prompt's (label, text and cursor) and the message's.
    struct BottomLines {
        /// Lines of text before the editor line (a prompt label too long to share its line, a picker, a question).
        var lines: [(text: String, style: Style)] = []
        /// The prompt being typed, drawn on the line after `lines`, with the label that fits before it.
        var editor: (label: String, prompt: Prompt)?
        /// The message or the prompt's refusal, wrapped.
        var message: [(text: String, style: Style)] = []
        /// Whether the key hint line is drawn at the very bottom.
        var hint: Bool

        /// How many lines the bottom takes.
        var count: Int { lines.count + (editor == nil ? 0 : 1) + message.count + (hint ? 1 : 0) }
    }

    /// What the bottom shows for `state` at `width` columns, in at most `room` lines.
    static func bottomLines(_ state: AppState, width: Int, room: Int) -> BottomLines {
        var b = BottomLines(hint: true)
        var modal = state.mode != .browse && state.mode != .help && state.mode != .measures
        if case .workload = state.mode { modal = false }
        switch state.mode {
        case .prompt(let prompt):
            let label = SafeText.line(prompt.purpose.label)
            if DisplayWidth.of(label) + 20 > width {
                b.lines = DisplayWidth.wrap(label, width: width).prefix(2).map { ($0, Style.strong) }
                b.editor = ("", prompt)
            } else {
                b.editor = (label, prompt)
            }
        case .browse, .help, .workload, .measures:
            break
        default:
            let (text, style) = choiceText(state)
            b.lines = lines(of: SafeText.line(text), width: width).prefix(2).map { ($0, style) }
        }
        var error: (String, Style)?
        if let message = state.message {
            error = ((message.isError ? "! " : "") + message.text, message.isError ? UIStyle.error : Style.plain)
        } else if case .prompt(let p) = state.mode, let e = p.error {
            error = ("! " + e, UIStyle.error)
        }
        if let (text, style) = error {
            if !modal { b.hint = false }
            let left = max(1, min(maximumMessageLines, room - b.count))
            var lines = lines(of: SafeText.line(text), width: width)
            if lines.count > left {
                lines = Array(lines.prefix(left))
                lines[left - 1] = DisplayWidth.truncate(lines[left - 1] + " …", to: width)
            }
            b.message = lines.map { ($0, style) }
        }
        return b
    }

    /// `text` as one line when it fits `width` (its spacing kept: pickers align their choices with two
    /// spaces), else wrapped at spaces onto as many lines as it needs.
    static func lines(of text: String, width: Int) -> [String] {
        DisplayWidth.of(text) <= width ? [text] : DisplayWidth.wrap(text, width: width)
    }

    /// The line a picker, question or refused save shows, and its style.
    static func choiceText(_ state: AppState) -> (String, Style) {
        switch state.mode {
        case .ratingPicker(let id):
            let now =
                state.path(of: id, hint: state.selectedActionPath).map {
                    state.plan.level(of: state.plan[$0])?.name ?? "unrated"
                } ?? "?"
            var text = "Rate \(id) (now \(now)) as:"
            if let scale = state.plan.scale {
                text += " " + scale.levels.map { "\($0.letter) \($0.name)" }.joined(separator: "  ")
            }
            return (text, .strong)
        case .markedRatingPicker(let ids):
            return ("Rate the \(ids.count) marked (" + ids.joined(separator: " ") + ") as:", .strong)
        case .editPicker(let id):
            return ("Edit \(id):", .strong)
        case .conflict:
            return ("The file changed on disk since it was read; your edits are not saved.", UIStyle.error)
        case .chooseClash(_, let index):
            let clashes = state.clashes.conflicts
            guard clashes.indices.contains(index) else { return ("", .plain) }
            let c = clashes[index]
            return (
                "Clash \(index + 1)/\(clashes.count) \(c.key): yours \"\(c.ours)\" │ saved \"\(c.theirs)\"", .strong
            )
        case .question(let q):
            return (q.text, .strong)
        case .browse, .help, .prompt, .workload, .measures:
            return ("", .plain)
        }
    }

    /// Draws `b` from row `y` down to the last row.
    static func drawBottom(_ state: AppState, _ b: BottomLines, from top: Int, _ grid: inout Grid) {
        let width = grid.width
        var y = top
        for line in b.lines {
            grid.put(line.text, x: 0, y: y, style: line.style, maxWidth: width)
            y += 1
        }
        if let (label, prompt) = b.editor {
            let x = grid.put(label, x: 0, y: y, style: .strong, maxWidth: width)
            let window = prompt.editor.window(width: width - x)
            grid.put(window.text, x: x, y: y, maxWidth: width - x)
            let cursorX = x + window.cursorColumn
            grid.restyle(Rect(x: cursorX, y: y, width: 1, height: 1)) { $0 = UIStyle.cursor }
            y += 1
        }
        for line in b.message {
            grid.put(line.text, x: 0, y: y, style: line.style, maxWidth: width)
            y += 1
        }
        if b.hint { drawHintLine(state, y: y, &grid) }
    }

    static func drawHintLine(_ state: AppState, y: Int, _ grid: inout Grid) {
        let width = grid.width
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
