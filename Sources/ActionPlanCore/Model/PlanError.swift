/// An error about bad input, naming the file and where in it, and what was expected.
///
/// Every failure a user can cause (an invalid plan file, an unreadable source, an
/// unknown ID, a bad date) is one of these, so the CLI can print it on one line
/// and exit with status 2, and the TUI can show it in its status line.
public struct PlanError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file concerned, as the user named it (may be empty).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column (in characters), when known.
    public var column: Int?
    /// A JSON path such as `$.themes[0].groups[1].actions[2].rating`, or a field name, when known.
    public var path: String?
    /// What is wrong and what was expected.
    public var message: String

    /// An error.
    public init(file: String = "", line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: at PATH: message`, leaving out what is unknown.
    public var description: String {
        var s = file
        if let line { s += (s.isEmpty ? "line " : ":") + "\(line)" }
        if let column { s += ":\(column)" }
        if let path { s += (s.isEmpty ? "" : ": ") + "at \(path)" }
        return s.isEmpty ? message : s + ": " + message
    }
}
