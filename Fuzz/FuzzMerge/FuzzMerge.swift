import ActionPlanCore

/// libFuzzer entry point for the three-way merge (built only by scripts/fuzz.sh).
///
/// The input is three plan files separated by NUL bytes: base, ours, theirs.
/// When all three load, the merge must not crash, must give a plan that saves
/// and loads (unique IDs), must keep every action both sides kept, and must
/// agree with the trivial cases (one side unchanged, both sides equal).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMerge(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3,
        let base = try? PlanCodec.decode(Array(parts[0]), file: "base.json"),
        let ours = try? PlanCodec.decode(Array(parts[1]), file: "ours.json"),
        let theirs = try? PlanCodec.decode(Array(parts[2]), file: "theirs.json")
    else { return 0 }
    for b in [base, nil] {
        let m = PlanMerge.merge(base: b, ours: ours, theirs: theirs)
        guard let again = try? PlanCodec.decode(PlanCodec.encode(m.plan), file: "merged.json") else {
            fatalError("a merged plan saved to a file that does not load")
        }
        precondition(again == m.plan, "save and load changed the merged plan")
        let kept = Set(ours.allActions.map(\.id)).intersection(theirs.allActions.map(\.id))
        precondition(kept.isSubset(of: m.plan.allActions.map(\.id)), "an action both sides kept was lost")
        var allTheirs: [MergeConflict.Key: MergeSide] = [:]
        for c in m.conflicts { allTheirs[c.key] = .theirs }
        let t = PlanMerge.merge(base: b, ours: ours, theirs: theirs, choices: allTheirs)
        precondition(t.conflicts.isEmpty, "choices did not settle every conflict")
        _ = ConflictMarkers.render(ours: PlanCodec.encode(m.plan), theirs: PlanCodec.encode(t.plan))
    }
    precondition(PlanMerge.merge(base: base, ours: base, theirs: theirs).plan == theirs)
    precondition(PlanMerge.merge(base: base, ours: ours, theirs: ours).plan == ours)
    return 0
}
