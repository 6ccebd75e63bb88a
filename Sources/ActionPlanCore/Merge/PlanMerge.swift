/// Three-way merge of two versions of a plan that grew from a common one, at the level of actions and fields.
///
/// In a council several leads update their own actions in the same week, in the
/// same file. Merging whole files (or lines of text) would either overwrite one
/// lead's work or report clashes that are not clashes, so plans are merged the
/// way people think about them (docs/concurrency.md):
///
/// - Actions are matched by ID. A change to 2(iii) on one side and to 5(xii) on
///   the other both survive; so do two changes to different fields of one action.
/// - Rating history, progress notes and date revisions are append-only logs,
///   merged as sets: entries added on either side all survive, in date order
///   (an entry added on both sides is kept once).
/// - A field (text, leads, delivery date, cross-references, rating, a header
///   field, a theme's title, leads or narrative) changed on one side takes that
///   side's value; changed to the same value on both, that value.
/// - Only two different new values for the same field are a conflict; so is a
///   change on one side to an action, theme or snapshot the other side deleted,
///   and an action moved to two different places.
/// - Added actions, groups, themes and snapshots survive; an action keeps our
///   order, with actions added or moved by the other side placed after the
///   action they follow there. Officers are merged as a set.
///
/// Conflicts are never decided silently: each is returned with both values,
/// and the merged plan holds our value until a choice says otherwise.
public enum PlanMerge {
    /// Merges `ours` and `theirs`, both grown from `base` (nil when there is no
    /// common version: then every field that differs is a conflict and nothing is
    /// taken as deleted); `choices` settle conflicts found by an earlier merge. With `recordingChoices` (a
    /// save that settles clashes as the user chose), a settled rating clash whose merged history would end
    /// at the other side's rating gets one more history entry recording the choice, so the rating always
    /// equals its last history entry's `to`.
    public static func merge(
        base: Plan?, ours: Plan, theirs: Plan, choices: [MergeConflict.Key: MergeSide] = [:],
        recordingChoices: Bool = false
    ) -> MergeResult {
        if let plan = resolvedTrivially(base: base, ours: ours, theirs: theirs) {
            return MergeResult(plan: plan, conflicts: [])
        }
        var merger = PlanMerger(choices: choices, recordingChoices: recordingChoices)
        let plan = merger.mergePlan(base: base, ours: ours, theirs: theirs)
        return MergeResult(plan: plan, conflicts: merger.conflicts)
    }

    /// The three-way result when no more than one side changed: the shared value when `ours` equals
    /// `theirs`, else the side that differs from `base` while the other still equals it; nil when both
    /// changed (or, `base` nil, when they differ).
    static func resolvedTrivially<T: Equatable>(base: T?, ours: T, theirs: T) -> T? {
        if ours == theirs { return ours }
        if let base {
            if base == ours { return theirs }
            if base == theirs { return ours }
        }
        return nil
    }
}
