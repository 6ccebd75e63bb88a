import ActionPlanCore

/// The plan a session edits, kept so that nothing anyone else saved can be lost by a key press.
///
/// A document is three things: the **base** (the plan as the file held it when
/// this session last read or wrote it), the **plan** shown (the base plus this
/// user's unsaved edits), and this user's **own edits**, newest last. Two rules
/// follow, and every operation keeps them:
///
/// 1. *The difference between base and plan is only this user's doing.* Saving
///    merges that difference into whatever the file holds by then
///    (`PlanStore.saveMerging`), so others' saves survive a save.
/// 2. *Undo and redo apply this user's own edits as patches to the plan as it
///    is now*, never swap in an older whole plan. Undoing an edit reverts just
///    what it changed (a three-way merge: base = the plan right after the edit,
///    theirs = right before it, ours = now); anything saved by others since —
///    merged in by a save — stays. When others have since changed the very
///    field the edit changed, the undo is refused with the clash named, rather
///    than undoing their work. Redo re-applies an edit the same way.
///
/// When nothing happened since an edit (the plan is still exactly the one it
/// produced), undo simply puts back the plan before it: the same result,
/// without the merge. Reloading the file and restoring a recovery file replace
/// the base; undoing them brings back the plan and base as they were (or, when
/// more happened since, re-applies the unsaved edits they discarded).
/// docs/concurrency.md explains the model and how it is tested.
public struct Document: Sendable {
    /// The plan as shown and edited: the base plus this user's unsaved edits.
    public private(set) var plan: Plan
    /// The plan as the file held it when this session last read or wrote it: the base of the merge on save.
    public private(set) var base: Plan
    /// The fingerprint of the file's bytes `base` came from; nil when unknown (a restored recovery file's
    /// base), so the next save always merges.
    public private(set) var baseFingerprint: UInt64?
    /// This user's own edits, oldest first.
    public private(set) var undoStack: [Edit] = []
    /// Edits undone, most recently undone last; cleared by a new edit.
    public private(set) var redoStack: [Edit] = []
    /// Identifies the plan's content within this session: equal generations, equal plans.
    public private(set) var generation = 0
    /// The generation the file holds (as last read or written).
    public private(set) var savedGeneration = 0
    private var nextGeneration = 1

    /// A document on `plan`, read from bytes with `fingerprint`.
    public init(plan: Plan, fingerprint: UInt64?) {
        self.plan = plan
        base = plan
        baseFingerprint = fingerprint
    }

    /// Whether the plan differs from what the file held when last read or written.
    public var isModified: Bool { generation != savedGeneration }

    /// What an undo or redo did to the plan.
    public enum Outcome: Sendable {
        /// Nothing to undo or redo.
        case nothing
        /// Done: `label` names the edit; `change` says how the plan changed (for updating derived data).
        case done(label: String, change: PlanChange)
        /// Refused, the plan unchanged: others' saved changes clash with the edit (each conflict names the
        /// field, what the edit would make it and what it is now).
        case refused(label: String, conflicts: [MergeConflict])
    }

    // MARK: - Edits

    /// Records an edit of this user's that turned the plan into `newPlan`.
    public mutating func edit(_ newPlan: Plan, label: String, change: PlanChange) {
        let before = Snapshot(self)
        plan = newPlan
        generation = takeGeneration()
        undoStack.append(Edit(label: label, kind: .change(before: before, after: Snapshot(self), change: change)))
        redoStack.removeAll()
    }

    /// Records that the file now holds `filePlan` (this plan as saved, merged with what others saved
    /// meanwhile), with `fingerprint`: it becomes the base and the plan shown. Not an edit: undo does not
    /// take it back.
    public mutating func saved(_ filePlan: Plan, fingerprint: UInt64?) {
        if filePlan != plan {
            plan = filePlan
            generation = takeGeneration()
        }
        base = filePlan
        baseFingerprint = fingerprint
        savedGeneration = generation
    }

    /// Replaces the document's base and plan, discarding unsaved edits (a reload) or bringing in edits
    /// from elsewhere (a restored recovery file): undoable as one step, which brings the previous plan and
    /// base back.
    ///
    /// - Parameters:
    ///   - plan: the new plan shown.
    ///   - base: what the file held that `plan`'s unsaved edits were made on.
    ///   - fingerprint: the fingerprint of `base`'s bytes, nil when unknown.
    ///   - saved: whether `plan` is what the file holds (a reload) or has unsaved edits.
    public mutating func replace(
        plan newPlan: Plan, base newBase: Plan, fingerprint: UInt64?, saved: Bool, label: String
    ) {
        let before = Snapshot(self)
        plan = newPlan
        base = newBase
        baseFingerprint = fingerprint
        generation = takeGeneration()
        if saved { savedGeneration = generation } else { savedGeneration = takeGeneration() }
        undoStack.append(Edit(label: label, kind: .replace(before: before, after: Snapshot(self))))
        redoStack.removeAll()
    }

    // MARK: - Undo and redo

    /// Takes back this user's last edit (see the type's summary).
    public mutating func undo() -> Outcome { move(undo: true) }

    /// Applies again the edit last undone.
    public mutating func redo() -> Outcome { move(undo: false) }

    /// Steps across the newest edit of the undo stack backwards (`undo`) or of the redo stack forwards, and
    /// moves it to the other stack.
    private mutating func move(undo: Bool) -> Outcome {
        guard let e = undo ? undoStack.last : redoStack.last else { return .nothing }
        let (from, to) = undo ? (e.after, e.before) : (e.before, e.after)
        guard let change = step(e, from: from, to: to) else {
            return .refused(label: e.label, conflicts: patch(e, from: from, to: to).conflicts)
        }
        if undo {
            undoStack.removeLast()
            redoStack.append(e)
        } else {
            redoStack.removeLast()
            undoStack.append(e)
        }
        return .done(label: e.label, change: change)
    }

    /// Moves the document across edit `e` from its state `from` to its state `to`; returns how the plan
    /// changed, or nil (document unchanged) when the patch clashes with what changed since.
    private mutating func step(_ e: Edit, from: Snapshot, to: Snapshot) -> PlanChange? {
        if isUnchanged(since: from, e) {
            // Nothing happened since: put the other state back as it was.
            plan = to.plan
            generation = to.generation
            if case .replace = e.kind {
                base = to.base
                baseFingerprint = to.baseFingerprint
                savedGeneration = to.savedGeneration
            }
            if case .change(_, _, let change) = e.kind {
                return from.generation == e.after.generation ? change.inverse : change
            }
            return .unknown
        }
        let m = patch(e, from: from, to: to)
        guard m.isClean else { return nil }
        plan = m.plan
        generation = takeGeneration()
        return .unknown
    }

    /// Whether the document is still exactly in state `from` of step `e`: the same plan and, for a step that
    /// replaced the base, the same base (no save since).
    private func isUnchanged(since from: Snapshot, _ e: Edit) -> Bool {
        guard generation == from.generation else { return false }
        if case .replace = e.kind {
            return savedGeneration == from.savedGeneration && baseFingerprint == from.baseFingerprint
        }
        return true
    }

    /// The plan now with the edit's difference between `from` and `to` applied, as three-way merges.
    ///
    /// For an edit, the difference is what the user did (or, undoing, its reverse). For a replacement
    /// (reload, restore), the user's own edits are the difference between each state's base and plan:
    /// stepping takes out the edits `from` had over its base and puts in those `to` had over its own (a
    /// reload's undo brings back the unsaved edits it discarded; a restore's undo takes the recovered
    /// edits out again).
    private func patch(_ e: Edit, from: Snapshot, to: Snapshot) -> MergeResult {
        switch e.kind {
        case .change:
            return PlanMerge.merge(base: from.plan, ours: plan, theirs: to.plan)
        case .replace:
            let without = PlanMerge.merge(base: from.plan, ours: plan, theirs: from.base)
            guard without.isClean else { return without }
            return PlanMerge.merge(base: to.base, ours: without.plan, theirs: to.plan)
        }
    }

    private mutating func takeGeneration() -> Int {
        defer { nextGeneration += 1 }
        return nextGeneration
    }
}

extension Document {
    /// One of this user's steps, as undo and redo see it.
    public struct Edit: Sendable {
        /// What it did, e.g. `rate 1a(iii) Amber`.
        public var label: String
        /// The document around it.
        var kind: Kind

        /// The document just before the step.
        var before: Snapshot {
            switch kind {
            case .change(let b, _, _), .replace(let b, _): return b
            }
        }

        /// The document just after it.
        var after: Snapshot {
            switch kind {
            case .change(_, let a, _), .replace(_, let a): return a
            }
        }

        enum Kind: Sendable {
            /// An edit of the plan; `change` says how `after.plan` differs from `before.plan`.
            case change(before: Snapshot, after: Snapshot, change: PlanChange)
            /// The base and plan replaced (reload, restored recovery file).
            case replace(before: Snapshot, after: Snapshot)
        }
    }

    /// The parts of a document an undo step may put back.
    struct Snapshot: Sendable {
        var plan: Plan
        var base: Plan
        var baseFingerprint: UInt64?
        var generation: Int
        var savedGeneration: Int

        init(_ d: Document) {
            plan = d.plan
            base = d.base
            baseFingerprint = d.baseFingerprint
            generation = d.generation
            savedGeneration = d.savedGeneration
        }
    }
}
