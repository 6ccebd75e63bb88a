/// A one-line message for the bottom of the screen, shown until the next key.
///
/// Errors (a refused date, a failed save) are shown in red and with a leading
/// `!` so they read in monochrome too.
public struct StatusMessage: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Whether it reports a problem.
    public var isError: Bool

    /// A message.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
