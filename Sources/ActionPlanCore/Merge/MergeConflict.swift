import Foundation

/// Two different new values for the same field of the same thing, found by a three-way merge.
///
/// Only a real clash is a conflict: both sides changed one field of one action
/// (or of the plan's header, a theme, a snapshot) to different values. The
/// values are given as display text so the CLI can print them and the terminal
/// UI can show them side by side; the ``key`` identifies the field across
/// merges of the same edits, so a choice made by the user can be passed back to
/// ``PlanMerge/merge(base:ours:theirs:choices:)`` or
/// ``PlanStore/saveMerging(_:base:baseFingerprint:to:choices:options:)``.
public struct MergeConflict: Hashable, Sendable, CustomStringConvertible {
    /// What a conflict is about.
    public enum Scope: Hashable, Sendable, CustomStringConvertible {
        /// The plan's header: title, organisation, version, period, RAG key.
        case plan
        /// The theme with this number (its title, leads, narrative, or the theme itself).
        case theme(Int)
        /// The action with this ID (one of its fields, its place, or the action itself).
        case action(String)
        /// The snapshot with this label.
        case snapshot(String)

        /// `plan`, `theme 3`, `action 5(xii)` or `snapshot "November 2018 committee"`.
        public var description: String {
            switch self {
            case .plan: return "plan"
            case .theme(let n): return "theme \(n)"
            case .action(let id): return "action \(id)"
            case .snapshot(let label): return "snapshot \"\(label)\""
            }
        }
    }

    /// Identifies one conflicting field: where, and which field.
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        /// The thing the field belongs to.
        public var scope: Scope
        /// The field, e.g. `rating`, `text`, `leads`, `delivery date`, `position`, or `action` for
        /// a change on one side to something the other side deleted.
        public var field: String

        /// A key.
        public init(scope: Scope, field: String) {
            self.scope = scope
            self.field = field
        }

        /// `action 5(xii) rating`.
        public var description: String { "\(scope) \(field)" }
    }

    /// Which field of what.
    public var key: Key
    /// The value both sides started from, or nil when there was no common version.
    public var base: String?
    /// Our new value, as display text.
    public var ours: String
    /// Their new value, as display text.
    public var theirs: String

    /// A conflict.
    public init(key: Key, base: String?, ours: String, theirs: String) {
        self.key = key
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// The action's ID when the conflict is about an action, else nil.
    public var actionID: String? {
        if case .action(let id) = key.scope { return id }
        return nil
    }

    /// The field's name.
    public var field: String { key.field }

    /// `action 5(xii) rating: ours "Red", theirs "Amber" (was "Green")`.
    public var description: String { describe(ours: "ours", theirs: "theirs") }

    /// Like ``description`` with other names for the two sides, e.g. `yours` and `saved by someone else`.
    public func describe(ours oursName: String, theirs theirsName: String) -> String {
        var s = "\(key): \(oursName) \(quoted(ours)), \(theirsName) \(quoted(theirs))"
        if let base { s += " (was \(quoted(base)))" }
        return s
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
