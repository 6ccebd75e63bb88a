/// A save that found a clash with changes someone else saved meanwhile; nothing was written.
///
/// The CLI prints it with both values of every conflicting field and exits
/// with status 3, leaving the file as it was.
public struct PlanConflictError: Error, CustomStringConvertible, Sendable {
    /// The plan file.
    public var file: String
    /// The clashing fields (ours = this save, theirs = the file on disk).
    public var conflicts: [MergeConflict]

    /// An error.
    public init(file: String, conflicts: [MergeConflict]) {
        self.file = file
        self.conflicts = conflicts
    }

    /// A header line, then one line per conflict.
    public var description: String {
        let n = conflicts.count
        var s = "\(file): not saved: \(n) conflict\(n == 1 ? "" : "s") with changes saved to the file meanwhile "
        s += "(the file is unchanged):"
        for c in conflicts { s += "\n  " + c.describe(ours: "yours", theirs: "on disk") }
        return s
    }
}
