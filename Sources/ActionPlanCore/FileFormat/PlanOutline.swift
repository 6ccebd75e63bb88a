/// A plan read without the text of its logs, for the commands that list or count the actions of a large
/// plan (`overdue`, `list`, `summary`).
///
/// The whole file is read and checked exactly as ``PlanCodec/decode(_:file:allowDuplicateIDs:)`` checks it —
/// the same reader, the same errors — but the text of each action's logs (its history notes, progress notes,
/// the reasons and authors of its date revisions, its own fields) and a snapshot's latest notes are not kept:
/// those strings are empty in ``plan``. Everything a list needs is there: IDs, texts, leads, dates and revisions,
/// ratings, statuses, and the dates and ratings of every history entry and note. ``action(at:)`` reads one
/// action again, in full, from its bytes.
public struct PlanOutline: Sendable {
    /// The plan without the text of its logs.
    public let plan: Plan
    /// The file's bytes, kept to read printed actions in full.
    let bytes: [UInt8]
    /// The file's name, for errors.
    private let file: String
    /// Each action's bytes, in plan order.
    let ranges: [Range<Int>]
    /// The plan-order index of the first action of each group, by theme then group.
    let firstOfGroup: [[Int]]

    /// Reads the outline of the plan in `bytes`; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws {
        let (plan, ranges) = try PlanCodec.decode(bytes, file: file, keepText: false, ranges: true)
        self.plan = plan
        self.bytes = bytes
        self.file = file
        self.ranges = ranges
        var next = 0
        firstOfGroup = plan.themes.map { t in
            t.groups.map { g in
                defer { next += g.actions.count }
                return next
            }
        }
    }

    /// The action at `path` with all its text (the text of its logs too).
    public func action(at path: ActionPath) throws -> Action {
        let range = ranges[firstOfGroup[path.theme][path.group] + path.action]
        return try bytes.withUnsafeBufferPointer { buffer in
            var r = JSONReader(bytes: UnsafeBufferPointer(rebasing: buffer[range]), file: file)
            return try PlanCodec.readAction(&r)
        }
    }
}
