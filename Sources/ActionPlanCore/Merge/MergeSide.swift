/// Which side of a three-way merge to take for a conflicting field.
///
/// "Ours" is the version being saved (this editor's, or the current branch's);
/// "theirs" is the other one (what someone else saved meanwhile, or the branch
/// being merged in).
public enum MergeSide: String, Sendable, CaseIterable {
    /// The version being saved or merged into.
    case ours
    /// The other version.
    case theirs
}
