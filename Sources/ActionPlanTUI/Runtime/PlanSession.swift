import ActionPlanCore
import ActionPlanPackage
import ActionPlanStore
import Foundation

/// A terminal UI session on one plan file: holds the ``AppState``, runs ``Update`` and performs its effects.
///
/// The only part of the UI that touches files, always through the store: saving
/// merges this user's edits into whatever the file holds by then
/// (`PlanStore.saveMerging`, from the ``Document``'s base), "save elsewhere"
/// replaces another file only when asked and never the plan itself, and when
/// the program is interrupted with unsaved changes they are written, with the
/// base they were made on, to a recovery file next to the plan
/// (`RecoveryFiles`), which the next session offers to merge back in.
public final class PlanSession: TerminalProgram {
    /// The current state (read it in tests; change it only through ``handle(_:)`` and ``send(_:)``).
    public private(set) var state: AppState
    /// The plan file being edited.
    public private(set) var path: String
    /// How saves wait for the lock, keep backups and report warnings.
    public var saveOptions: PlanStore.SaveOptions
    /// The recovery file this session restored or wrote: written again (not a second one) on the next
    /// interruption, and deleted once a save holds everything it held.
    private var ownRecovery: String?
    /// The editor command for E (`$VISUAL`, else `$EDITOR`, as the executable found them), or nil.
    public var editor: String?
    /// The backend's way to run the editor with the terminal handed back, once it gave one.
    var suspend: ((() -> Void) -> Void)?
    /// Whether Ctrl-L asked for the terminal to be cleared and drawn again, not yet taken by the backend.
    var redrawRequested = false
    /// The real day, read once per key press (edits are dated with it).
    private let clock: () -> CalendarDay
    /// The whole plan being read behind a first frame drawn from its listing; nil once taken (or never needed).
    private(set) var reading: PlanReading?
    /// The size of the last frame drawn, to lay out the state the whole plan replaces the listing with.
    private var lastFrameSize: (width: Int, height: Int)?
    /// What to print on stderr, and the exit status, when the session ended because the plan could not be read.
    private var ending: (status: Int32, message: String)?

    /// The fingerprint of the file's bytes as last read or written, or nil when not known.
    public var fingerprint: UInt64? { state.document.baseFingerprint }

    /// The first recovery file's path for a plan at `path`.
    public static func recoveryPath(for path: String) -> String { RecoveryFiles.primaryPath(for: path) }

    /// Plans of this many bytes or more are shown from their listing first (see ``init(path:asOf:user:mouse:saveOptions:clock:listingFirstFrom:)``).
    public static let listingFirstSize = 4 << 20

    /// Opens the plan at `path` as of `asOf`, recording edits as `user`.
    ///
    /// Throws the `PlanError` of an unreadable or invalid file. When a recovery
    /// file exists, the first frame asks whether to restore it; an unreadable
    /// recovery file is reported and left alone.
    /// `clock` says the real day; it is read once per key press, and edits are dated with it.
    ///
    /// A plan of `listingFirstFrom` bytes or more laid out as an encoding (as actionplan writes it) is first
    /// shown from its listing — every action without its logs, what the first frame shows — while the whole
    /// plan is read and checked on another thread; the session takes it before it handles the first key (or
    /// when a frame is drawn after it is read), so no key ever acts on the listing. A file that cannot be
    /// read in full then ends the session with the error (``ending``), as opening it would have.
    public convenience init(
        path: String, asOf: CalendarDay, user: String, mouse: Bool = false,
        saveOptions: PlanStore.SaveOptions = .standard, clock: @escaping () -> CalendarDay = SystemDay.today,
        listingFirstFrom: Int = PlanSession.listingFirstSize
    ) throws {
        if RecoveryFiles.find(for: path).isEmpty,
            let listing = try PlanStore.listingToShow(path, ifAtLeast: listingFirstFrom)
        {
            self.init(
                listing: listing, reading: PlanReading(path: path), path: path, asOf: asOf, user: user, mouse: mouse,
                saveOptions: saveOptions, clock: clock)
            return
        }
        let loaded = try PlanStore.loadWithFingerprint(path)
        self.init(
            plan: loaded.plan, path: path, fingerprint: loaded.fingerprint, asOf: asOf, user: user, mouse: mouse,
            saveOptions: saveOptions, clock: clock)
    }

    /// A session on `plan`, as if read from `path` with `fingerprint` (for tests and benchmarks).
    public init(
        plan: Plan, path: String, fingerprint: UInt64?, asOf: CalendarDay, user: String, mouse: Bool = false,
        saveOptions: PlanStore.SaveOptions = .standard, clock: @escaping () -> CalendarDay = SystemDay.today
    ) {
        self.path = path
        self.clock = clock
        self.saveOptions = saveOptions
        state = AppState(plan: plan, filePath: path, fingerprint: fingerprint, asOf: asOf, user: user)
        state.mouseEnabled = mouse
        checkRecovery()
    }

    /// A session showing `listing` (the plan at `path` without its logs) until `reading` of that plan ends.
    convenience init(
        listing: Plan, reading: PlanReading, path: String, asOf: CalendarDay, user: String, mouse: Bool = false,
        saveOptions: PlanStore.SaveOptions = .standard, clock: @escaping () -> CalendarDay = SystemDay.today
    ) {
        self.init(
            plan: listing, path: path, fingerprint: nil, asOf: asOf, user: user, mouse: mouse, saveOptions: saveOptions,
            clock: clock)
        self.reading = reading
    }

    private func checkRecovery() {
        guard let recovery = RecoveryFiles.find(for: path).first else { return }
        do {
            state.clashes.pendingRecovery = try RecoveryFiles.read(recovery)
            state.mode = .question(.restoreRecovery(path: recovery))
        } catch {
            state.message = StatusMessage("Cannot read the recovery file: \(error)", isError: true)
        }
    }

    // MARK: TerminalProgram

    /// Draws the state at `width` × `height` and remembers the layout for scrolling and the mouse.
    public func frame(width: Int, height: Int) -> Grid {
        lastFrameSize = (width, height)
        if let done = reading?.finished { take(done) }
        let (grid, layout) = Renderer.frame(state, width: width, height: height)
        state.remember(layout)
        return grid
    }

    /// Handles a key, read on the day the clock says now; returns false when the user quit.
    public func handle(_ key: KeyEvent) -> Bool {
        waitUntilRead()
        guard ending == nil else { return false }
        return send(.keyOn(key, today: clock()))
    }

    /// Waits until the whole plan is read when the first frame came from its listing, and takes it.
    public func waitUntilRead() {
        guard let reading else { return }
        take(reading.wait())
        // The key about to be handled needs the layout of the whole plan's frame (scrolling, the mouse).
        if let size = lastFrameSize {
            state.remember(Renderer.frame(state, width: size.width, height: size.height).1)
        }
    }

    /// The exit status and the message to print once the terminal is restored, when the session ended because
    /// the whole plan could not be read after its listing was shown; nil otherwise.
    public func farewell() -> (status: Int32, message: String)? { ending }

    /// Replaces the listing shown first by the plan read in full (nothing was edited meanwhile: keys wait for
    /// it), keeping what the screen showed; or, when it could not be read, says so and ends at the next key.
    private func take(_ read: Result<PlanStore.Loaded, any Error>) {
        reading = nil
        switch read {
        case .success(let loaded):
            let shown = state
            state = AppState(
                plan: loaded.plan, filePath: path, fingerprint: loaded.fingerprint, asOf: shown.asOf, user: shown.user)
            state.mouseEnabled = shown.mouseEnabled
            checkRecovery()  // one written since the listing was read (none was there then)
        case .failure(let error):
            let message = "actionplan: \(error)"
            ending = (2, message)
            state.message = StatusMessage(
                "Cannot read the whole plan: \(error). Press any key to leave.", isError: true)
        }
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

    /// Saves the plan and its base to this session's recovery file; returns its path.
    private func writeRecovery() -> Result<String, PlanError> {
        do {
            let written = try RecoveryFiles.write(
                plan: state.plan, base: state.document.base, for: path, reuse: ownRecovery)
            ownRecovery = written
            return .success(written)
        } catch let error as PlanError {
            return .failure(error)
        } catch {
            return .failure(PlanError(.notSaved, file: path, message: "\(error)"))
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

    /// What performing an effect led to.
    enum Outcome {
        case none
        case quit
        case event(AppEvent)
    }

    private func perform(_ effect: Effect) -> Outcome {
        switch effect {
        case .quit:
            return .quit
        case .redraw:
            redrawRequested = true
            return .none
        case .editInEditor(let id, let text):
            return editInEditor(id: id, text: text)
        case .save(let quitAfter):
            return save(quitAfter: quitAfter)
        case .saveWithChoices(let choices, let quitAfter):
            return save(quitAfter: quitAfter, choices: choices)
        case .saveAs(let newPath, let quitAfter, let overwrite):
            return saveElsewhere(to: newPath, quitAfter: quitAfter, overwrite: overwrite)
        case .export(let target):
            return export(to: target)
        case .reloadFromDisk:
            do {
                let loaded = try PlanStore.loadWithFingerprint(path)
                return .event(.reloaded(loaded.plan, fingerprint: loaded.fingerprint))
            } catch {
                return .event(.reloadFailed("Cannot reload: \(error)"))
            }
        case .writeRecovery:
            switch writeRecovery() {
            case .success(let recovery):
                return .event(.notice("Unsaved changes written to \(recovery)", isError: false))
            case .failure(let error): return .event(.notice("Cannot write the recovery file: \(error)", isError: true))
            }
        case .restoreRecovery(let recovered, let choices):
            return restore(recovered, choices: choices)
        case .deleteRecovery(let recovery):
            if let why = RecoveryFiles.delete(recovery) {
                return .event(.notice("Cannot delete \(recovery): \(why)", isError: true))
            }
            return .event(.notice("Deleted the recovery file \(recovery); the plan is as saved", isError: false))
        }
    }

    /// Merges an interrupted session's edits (its plan against its base) into the plan as the file holds it now.
    private func restore(_ recovered: RecoveryFiles.Recovered, choices: [MergeConflict.Key: MergeSide]) -> Outcome {
        let now: PlanStore.Loaded
        do {
            now = try PlanStore.loadWithFingerprint(path)
        } catch {
            return .event(.notice("Not restored: cannot read the plan: \(error)", isError: true))
        }
        let merged = PlanMerge.merge(
            base: recovered.base, ours: recovered.plan, theirs: now.plan, choices: choices, recordingChoices: true)
        guard merged.isClean else { return .event(.recoveryClashes(merged.conflicts)) }
        ownRecovery = recovered.path
        return .event(.recoveryRestored(plan: merged.plan, base: now.plan, fingerprint: now.fingerprint))
    }

    /// Writes the committee report of the plan as edited (saved or not) to `target`, atomically.
    ///
    /// The same `Exporter.bytes` as `actionplan export` (Word and Excel zipped by ActionPlanPackage), so the
    /// screen and the CLI never disagree (PDF, which needs a browser, is refused by the update).
    private func export(to target: String) -> Outcome {
        guard let format = ExportFormat.inferred(fromPath: target) else {
            return .event(.notice("Not exported: unknown format for \(target)", isError: true))
        }
        if PlanStore.isSameFile(target, path) {
            return .event(.notice("Not exported: \(target) is the plan itself", isError: true))
        }
        do {
            let bytes = try Exporter.bytes(state.plan, format: format, asOf: state.asOf, produced: state.asOf)
            try PlanStore.writeAtomically(bytes, to: target)
        } catch {
            return .event(.notice("Not exported: \(error)", isError: true))
        }
        return .event(.notice("Exported the \(format.rawValue) report to \(target)", isError: false))
    }

    /// Saves under the plan's lock, merging this user's edits (the document's base to its plan) into what
    /// the file holds; only a real clash stops the save and is shown for choice.
    private func save(quitAfter: Bool, choices: [MergeConflict.Key: MergeSide] = [:]) -> Outcome {
        let doc = state.document
        let result: PlanStore.MergedSave
        let (options, warnings) = optionsCollectingWarnings()
        do {
            result = try PlanStore.saveMerging(
                doc.plan, base: doc.base, baseFingerprint: doc.baseFingerprint, to: path, choices: choices,
                options: options)
        } catch {
            return .event(.saveFailed("Not saved: \(error)"))
        }
        guard result.conflicts.isEmpty, let newFingerprint = result.fingerprint else {
            return .event(.fileChangedOnDisk(quitAfter: quitAfter, conflicts: result.conflicts))
        }
        removeRecoveryFile()
        return .event(
            .saved(
                path: path, plan: result.plan, fingerprint: newFingerprint, merged: result.mergedOthersChanges,
                warnings: warnings.all, quitAfter: quitAfter))
    }

    /// Saves the plan to `target`, which then becomes the file being edited. Refuses the plan itself
    /// (whatever the path's spelling: `./plan.json`, an absolute path, a link to it) — `w` saves that, with
    /// the merge; asks before replacing any other existing file, which is then replaced under its lock
    /// with a backup.
    private func saveElsewhere(to target: String, quitAfter: Bool, overwrite: Bool) -> Outcome {
        if PlanStore.isSameFile(target, path) {
            return .event(
                .saveFailed(
                    "Not saved: \(target) is the plan itself; press w to save it (merging with what others saved), "
                        + "or save elsewhere to another file"))
        }
        if PlanStore.exists(target) && !overwrite { return .event(.saveAsExists(path: target, quitAfter: quitAfter)) }
        let bytes = PlanCodec.encode(state.plan)
        let (options, warnings) = optionsCollectingWarnings()
        do {
            try PlanStore.replace(target, with: bytes, mustNotExist: !overwrite, options: options)
        } catch let e as PlanError where !overwrite && PlanStore.exists(target) {
            _ = e  // created meanwhile: ask
            return .event(.saveAsExists(path: target, quitAfter: quitAfter))
        } catch {
            return .event(.saveFailed("Not saved: \(error)"))
        }
        removeRecoveryFile()
        path = target
        ownRecovery = nil
        return .event(
            .saved(
                path: target, plan: state.plan, fingerprint: PlanStore.fingerprint(of: bytes), merged: false,
                warnings: warnings.all, quitAfter: quitAfter))
    }

    /// The session's save options with warnings collected for the status line (not printed over the screen).
    private func optionsCollectingWarnings() -> (PlanStore.SaveOptions, Warnings) {
        let warnings = Warnings()
        var options = saveOptions
        options.warn = { warnings.add($0) }
        return (options, warnings)
    }

    /// After a successful save, removes the recovery file this session restored or wrote: the saved plan
    /// holds everything it held.
    private func removeRecoveryFile() {
        if let ownRecovery { RecoveryFiles.delete(ownRecovery) }
        ownRecovery = nil
    }
}

/// Warnings a save reports, collected from its callback.
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    /// Adds one.
    func add(_ text: String) { lock.withLock { items.append(text) } }
    /// All so far.
    var all: [String] { lock.withLock { items } }
}
