/// An error about bad input, naming the file and where in it, and what was expected.
///
/// Every failure a user can cause (an invalid plan file, an unreadable source, an
/// unknown ID, a bad date) is one of these, so the CLI can print it on one line
/// and exit with status 2, and the TUI can show it in its status line.
public struct PlanError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of failure it is, for callers and tests that must tell them apart (the message says it to people).
    public enum Kind: String, Sendable, CaseIterable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but cannot be read (permissions, a directory, too large).
        case cannotRead
        /// A plan file whose contents are not a valid plan (JSON, fields, IDs, conflict markers).
        case invalidPlan
        /// An import source that cannot be read or holds no plan.
        case invalidSource
        /// A value given by the user is not valid (a rating, a date, an option, an empty note).
        case invalidValue
        /// What was named does not exist: an action ID, a backup, a snapshot label.
        case notFound
        /// The plan's lock could not be taken (held, or a lock file that cannot be used).
        case locked
        /// A save could not be made (disk full, permissions, a read-only or hard-linked file, a lock taken over).
        case notSaved
        /// A file that must not be replaced already exists.
        case alreadyExists
    }

    /// What kind of failure it is.
    public var kind: Kind
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

    /// An error of `kind`.
    public init(
        _ kind: Kind, file: String = "", line: Int? = nil, column: Int? = nil, path: String? = nil, message: String
    ) {
        self.kind = kind
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
