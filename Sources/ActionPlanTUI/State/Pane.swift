/// One of the two panes of the browser: the plan tree or the selected row's details.
///
/// `Tab` moves the focus between them; the arrow keys move the selection in the
/// plan pane and scroll the detail pane.
public enum Pane: Hashable, Sendable {
    /// The list of themes, groups and actions.
    case plan
    /// Everything about the selected row.
    case detail
}
