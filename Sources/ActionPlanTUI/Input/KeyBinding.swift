/// One row of the key table: the keys that run a command in a context, and what it does.
///
/// A binding is data, not code, so the help screen, the one-line key hint and
/// docs/keys.md are all generated from the same rows that dispatch keys.
public struct KeyBinding: Hashable, Sendable {
    /// The keys, most memorable first; the first is the one shown in hints.
    public var keys: [KeyEvent]
    /// What the keys ask for.
    public var command: Command
    /// Where the keys mean this.
    public var context: KeyContext
    /// A sentence for the help screen and docs.
    public var description: String
    /// A one- or two-word label for the one-line key hint, or nil to leave it out of the hint.
    public var hint: String?

    /// A binding.
    public init(
        _ keys: [KeyEvent], _ command: Command, _ context: KeyContext, _ description: String, hint: String? = nil
    ) {
        self.keys = keys
        self.command = command
        self.context = context
        self.description = description
        self.hint = hint
    }

    /// The keys as shown to people, e.g. `Up, k`.
    public var keyLabels: [String] { keys.map(\.name) }
}
