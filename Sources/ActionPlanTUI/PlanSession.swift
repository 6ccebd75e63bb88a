import ActionPlanCore
import ActionPlanStore
import Foundation

/// A terminal UI session on one plan file: holds the ``AppState``, runs ``Update`` and performs its effects.
///
/// The only part of the UI that touches files. Saving is atomic (``PlanStore``)
/// and refuses to overwrite a file that changed on disk since it was read,
/// offering to reload or save elsewhere instead. When the program is
/// interrupted with unsaved changes they are written to a recovery file next to
/// the plan (`PLAN.json.actionplan-recovery`), which the next session offers to
/// restore.
public final class PlanSession: TerminalProgram {
    /// The current state (read it in tests; change it only through ``handle(_:)`` and ``send(_:)``).
    public private(set) var state: AppState
    /// The plan file being edited.
    public private(set) var path: String
    /// The fingerprint of the file's bytes as last read or written, or nil for a file never saved.
    public private(set) var fingerprint: UInt64?
    /// The plan as the file held it when last read or written: the base of a three-way merge on save.
    private var basePlan: Plan

    /// The recovery file kept next to the plan at `path`.
    public static func recoveryPath(for path: String) -> String { path + ".actionplan-recovery" }

    /// Opens the plan at `path` as of `asOf`, recording edits as `user`.
    ///
    /// Throws the `PlanError` of an unreadable or invalid file. When a recovery
    /// file exists, the first frame asks whether to restore it; an unreadable
    /// recovery file is reported and left alone.
    public convenience init(path: String, asOf: CalendarDay, user: String, mouse: Bool = false) throws {
        let loaded = try PlanStore.loadWithFingerprint(path)
        self.init(plan: loaded.plan, path: path, fingerprint: loaded.fingerprint, asOf: asOf, user: user, mouse: mouse)
    }

    /// A session on `plan`, as if read from `path` with `fingerprint` (for tests and benchmarks).
    public init(plan: Plan, path: String, fingerprint: UInt64?, asOf: CalendarDay, user: String, mouse: Bool = false) {
        self.path = path
        self.fingerprint = fingerprint
        self.basePlan = plan
        state = AppState(plan: plan, filePath: path, asOf: asOf, user: user)
        state.mouseEnabled = mouse
        checkRecovery()
    }

    private func checkRecovery() {
        let recovery = PlanSession.recoveryPath(for: path)
        guard PlanStore.exists(recovery) else { return }
        do {
            let plan = try PlanStore.load(recovery)
            state.pendingRecovery = plan
            state.mode = .question(.restoreRecovery(path: recovery))
        } catch {
            state.message = StatusMessage("Cannot read the recovery file: \(error)", isError: true)
        }
    }

    // MARK: TerminalProgram

    /// Draws the state at `width` × `height` and remembers the layout for scrolling and the mouse.
    public func frame(width: Int, height: Int) -> Grid {
        let (grid, layout) = Renderer.frame(state, width: width, height: height)
        state.remember(layout)
        return grid
    }

    /// Handles a key; returns false when the user quit.
    public func handle(_ key: KeyEvent) -> Bool {
        send(.key(key))
    }

    /// Writes unsaved changes to the recovery file and says where, or nil when there were none.
    public func interrupted(by signal: Int32) -> String? {
        let (next, effects) = Update.update(state, .interrupted)
        state = next
        guard effects.contains(.writeRecovery) else { return nil }
        switch writeRecovery() {
        case .success(let recovery): return "actionplan: unsaved changes written to \(recovery)"
        case .failure(let error): return "actionplan: unsaved changes lost: \(error)"
        }
    }

    /// The permissions of the plan file, for new files holding the same plan (a recovery file, "save
    /// elsewhere"), so a private plan does not leave a world-readable copy; 0600 when it cannot be read.
    private func planFileMode() -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : 0o600
    }

    /// Saves the plan to the recovery file next to the plan file; returns its path.
    private func writeRecovery() -> Result<String, PlanError> {
        let recovery = PlanSession.recoveryPath(for: path)
        do {
            try PlanStore.writeAtomically(PlanCodec.encode(state.plan), to: recovery, newFileMode: planFileMode())
            return .success(recovery)
        } catch let error as PlanError {
            return .failure(error)
        } catch {
            return .failure(PlanError(file: recovery, message: "\(error)"))
        }
    }

    // MARK: Running the update loop

    /// Feeds `event` through ``Update`` and performs the resulting effects; returns false after a quit.
    @discardableResult
    public func send(_ event: AppEvent) -> Bool {
        var pending: [AppEvent] = [event]
        while !pending.isEmpty {
            let (next, effects) = Update.update(state, pending.removeFirst())
            state = next
            for effect in effects {
                switch perform(effect) {
                case .quit: return false
                case .event(let e): pending.append(e)
                case .none: break
                }
            }
        }
        return true
    }

    private enum Outcome {
        case none
        case quit
        case event(AppEvent)
    }

    private func perform(_ effect: Effect) -> Outcome {
        switch effect {
        case .quit:
            return .quit
        case .save(let quitAfter):
            return save(quitAfter: quitAfter)
        case .saveAs(let newPath, let quitAfter):
            return write(to: newPath, quitAfter: quitAfter)
        case .saveWithChoices(let choices, let quitAfter):
            return save(quitAfter: quitAfter, choices: choices)
        case .export(let target):
            return export(to: target)
        case .reloadFromDisk:
            do {
                let loaded = try PlanStore.loadWithFingerprint(path)
                fingerprint = loaded.fingerprint
                basePlan = loaded.plan
                return .event(.reloaded(loaded.plan))
            } catch {
                return .event(.reloadFailed("Cannot reload: \(error)"))
            }
        case .writeRecovery:
            switch writeRecovery() {
            case .success(let recovery):
                return .event(.notice("Unsaved changes written to \(recovery)", isError: false))
            case .failure(let error): return .event(.notice("Cannot write the recovery file: \(error)", isError: true))
            }
        case .deleteRecovery:
            let recovery = PlanSession.recoveryPath(for: path)
            if unlink(recovery) == 0 || errno == ENOENT {
                return .event(.notice("Deleted the recovery file \(recovery); the plan is as saved", isError: false))
            }
            return .event(.notice("Cannot delete \(recovery): \(String(cString: strerror(errno)))", isError: true))
        }
    }

    /// Writes the committee report of the plan as edited (saved or not) to `target`, atomically.
    ///
    /// The same `Exporter` as `actionplan export`, so the screen and the CLI never disagree.
    private func export(to target: String) -> Outcome {
        guard let format = ExportFormat.inferred(fromPath: target) else {
            return .event(.notice("Not exported: unknown format for \(target)", isError: true))
        }
        if PlanStore.isSameFile(target, path) {
            return .event(.notice("Not exported: \(target) is the plan itself", isError: true))
        }
        do {
            let bytes = try Exporter.render(state.plan, format: format, asOf: state.asOf, produced: state.asOf)
            try PlanStore.writeAtomically(bytes, to: target)
        } catch {
            return .event(.notice("Not exported: \(error)", isError: true))
        }
        return .event(.notice("Exported the \(format.rawValue) report to \(target)", isError: false))
    }

    /// Saves under the plan's lock as a compare-and-swap: when someone else saved meanwhile, their
    /// changes are merged field by field (clashes resolved by `choices`); only a real clash stops the
    /// save and is shown for choice.
    private func save(quitAfter: Bool, choices: [MergeConflict.Key: MergeSide] = [:]) -> Outcome {
        // A file that is gone cannot lose anything by being written; one with other bytes can.
        guard let baseFingerprint = fingerprint else { return write(to: path, quitAfter: quitAfter) }
        let result: PlanStore.MergedSave
        do {
            result = try PlanStore.saveMerging(
                state.plan, base: basePlan, baseFingerprint: baseFingerprint, to: path, choices: choices)
        } catch {
            return .event(.saveFailed("Not saved: \(error)"))
        }
        guard result.conflicts.isEmpty, let newFingerprint = result.fingerprint else {
            return .event(.fileChangedOnDisk(quitAfter: quitAfter, conflicts: result.conflicts))
        }
        removeRecoveryFile()
        fingerprint = newFingerprint
        basePlan = result.plan
        if result.mergedOthersChanges {
            return .event(.savedMerged(plan: result.plan, path: path, quitAfter: quitAfter))
        }
        return .event(.saved(path: path, quitAfter: quitAfter))
    }

    /// Saves the plan to `target` atomically; on success it becomes the file being edited.
    private func write(to target: String, quitAfter: Bool) -> Outcome {
        let bytes = PlanCodec.encode(state.plan)
        do {
            try PlanStore.writeAtomically(bytes, to: target, newFileMode: planFileMode())
        } catch {
            return .event(.saveFailed("Not saved: \(error)"))
        }
        removeRecoveryFile()
        path = target
        fingerprint = PlanStore.fingerprint(of: bytes)
        basePlan = state.plan
        return .event(.saved(path: target, quitAfter: quitAfter))
    }

    /// After a successful save, removes the recovery file next to the file at ``path`` (still the old
    /// path when saving elsewhere): the saved plan holds everything it held.
    private func removeRecoveryFile() {
        let recovery = PlanSession.recoveryPath(for: path)
        if PlanStore.exists(recovery) { unlink(recovery) }
    }
}
