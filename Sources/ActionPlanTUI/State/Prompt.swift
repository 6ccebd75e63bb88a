import ActionPlanCore

/// A line-editor prompt: what it is for, the text being typed and any error from the last Enter.
///
/// When Enter is refused (an empty note, a date the deadline rules cannot read)
/// the prompt stays open with the text intact and the reason in `error`.
public struct Prompt: Hashable, Sendable {
    /// What the answer will be used for (and what earlier steps collected).
    public var purpose: PromptPurpose
    /// The text being typed.
    public var editor: LineEditor
    /// Why the last Enter was refused, or nil.
    public var error: String?
    /// While stepping through earlier entries with Up and Down: which one is shown (an index into the
    /// history), and the text typed before the first Up.
    public var history: (index: Int, draft: String)? {
        get { historyIndex.map { ($0, historyDraft) } }
        set {
            historyIndex = newValue?.index
            historyDraft = newValue?.draft ?? ""
        }
    }
    private var historyIndex: Int?
    private var historyDraft = ""

    /// A prompt, optionally pre-filled with `text`.
    public init(_ purpose: PromptPurpose, text: String = "") {
        self.purpose = purpose
        self.editor = LineEditor(text)
        self.error = nil
    }
}

/// What a prompt's answer is for, carrying the answers of earlier steps.
public enum PromptPurpose: Hashable, Sendable {
    /// A search query.
    case search
    /// A filter such as `lead BT rating A,R`.
    case filter
    /// The required note for changing `id` to `rating` (`status`: the level of the plan's own scale, or empty).
    case rateNote(id: String, rating: Rating, status: String = "")
    /// The one note for rating every action of `ids` `rating` (each gets its own history entry).
    case rateMarkedNote(ids: [String], rating: Rating, status: String = "")
    /// The optional revised date when rating `id` Amber.
    case rateRevisedDate(id: String, rating: Rating, note: String, status: String = "")
    /// New action text.
    case editText(id: String)
    /// New lead codes.
    case editLeads(id: String)
    /// A corrected delivery date as written.
    case editDeliveryDate(id: String)
    /// A revised delivery date (the original is kept).
    case reviseDate(id: String)
    /// Why the date of `id` is revised to `date`.
    case reviseReason(id: String, date: String)
    /// A progress note.
    case addNote(id: String)
    /// The IDs of the recommendations `id` answers, separated by commas (the whole list: empty unlinks all).
    case linkRecommendations(id: String)
    /// Step 1 of adding an action: its ID.
    case addID(theme: Int, group: Int)
    /// Step 2: its text.
    case addText(theme: Int, group: Int, id: String)
    /// Step 3: its leads.
    case addLeads(theme: Int, group: Int, id: String, text: String)
    /// Step 4: its delivery date.
    case addDate(theme: Int, group: Int, id: String, text: String, leads: [String])
    /// Where to save when the file changed on disk.
    case saveAsPath(quitAfter: Bool)
    /// Where to export the committee report (the format follows the extension); `unsaved` when the plan has
    /// edits not saved yet (the report includes them, and the prompt says so).
    case exportPath(unsaved: Bool = false)

    /// The label shown before the text.
    public var label: String {
        switch self {
        case .search: return "Search: "
        case .filter: return "Filter (lead BT · rating A,R · theme 5 · overdue): "
        case .rateNote(let id, let r, let status):
            return "Note for \(id) → \(status.isEmpty ? r.name : status) (required): "
        case .rateMarkedNote(let ids, let r, let status):
            return "Note for the \(ids.count) marked → \(status.isEmpty ? r.name : status) (required): "
        case .rateRevisedDate(let id, _, _, _): return "Revised date for \(id) (Enter to keep): "
        case .editText(let id): return "Text of \(id): "
        case .editLeads(let id): return "Leads of \(id): "
        case .editDeliveryDate(let id): return "Delivery date of \(id): "
        case .reviseDate(let id): return "Revised date for \(id): "
        case .reviseReason(let id, _): return "Reason for revising \(id) (required): "
        case .addNote(let id): return "Progress note for \(id): "
        case .linkRecommendations(let id): return "Recommendations \(id) answers (IDs, commas; empty = none): "
        case .addID: return "New action ID (e.g. 3c(v)): "
        case .addText(_, _, let id): return "Text of \(id): "
        case .addLeads(_, _, let id, _): return "Leads of \(id) (e.g. BJ TMcE): "
        case .addDate(_, _, let id, _, _): return "Delivery date of \(id) (e.g. March 2019, empty = TBC): "
        case .saveAsPath: return "Save to: "
        case .exportPath(let unsaved):
            return "Export" + (unsaved ? " WITH UNSAVED EDITS" : "") + " to .html .md .xlsx .docx .csv .ics .json: "
        }
    }
}
