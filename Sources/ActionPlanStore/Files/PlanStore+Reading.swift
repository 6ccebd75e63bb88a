import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading plans: whole (`load`, `decode`), as the listing commands need them (`loadListing`), without their
/// themes (`loadOutsideThemes`), and a listing to show while the whole plan is read (`listingToShow`). Large
/// files are mapped, not copied (`MappedFile`), and read side by side on the machine's processors when laid out
/// as an encoding (docs/performance.md).
extension PlanStore {
    /// Reads and validates the plan at `path` (every check of `PlanCodec.decode`; with `allowDuplicateIDs`, all
    /// but the one that IDs are unique, for `check`, which reports them): ``mappedSideBySide(_:allowDuplicateIDs:keepingLogText:)``
    /// when it can be read so, else read and decoded, which names any error.
    public static func load(_ path: String, allowDuplicateIDs: Bool = false) throws -> Plan {
        if let whole = try mappedSideBySide(path, allowDuplicateIDs: allowDuplicateIDs) { return whole }
        return try PlanCodec.decode(readFile(path), file: path, allowDuplicateIDs: allowDuplicateIDs)
    }

    /// The plan in the file at `path`, of a megabyte or more, read mapped (no copy) and side by side
    /// (``sideBySide(_:of:allowDuplicateIDs:keepingLogText:)``, every check); nil for a smaller file, one that
    /// does not read so, and one written while it was mapped: the caller reads it again, which names any error.
    static func mappedSideBySide(_ path: String, allowDuplicateIDs: Bool = false, keepingLogText: Bool = true) throws
        -> Plan?
    {
        let read = try MappedFile.withBytes(path, ifAtLeast: MappedFile.mapFrom) {
            sideBySide($0, of: path, allowDuplicateIDs: allowDuplicateIDs, keepingLogText: keepingLogText)
        }
        return read ?? nil
    }

    /// The plan in `bytes`, read from `path`, with every check (`PlanCodec.decode`): read side by side when it
    /// can be (``sideBySide(_:of:allowDuplicateIDs:keepingLogText:)``), by the plan reader otherwise; the same plan, and for bytes
    /// that do not read, the plan reader's error.
    public static func decode(_ bytes: [UInt8], of path: String, allowDuplicateIDs: Bool = false) throws -> Plan {
        let whole = bytes.withUnsafeBufferPointer { sideBySide($0, of: path, allowDuplicateIDs: allowDuplicateIDs) }
        return try whole ?? PlanCodec.decode(bytes, file: path, allowDuplicateIDs: allowDuplicateIDs)
    }

    /// The plan in `bytes` of a megabyte or more laid out as an encoding — whoever wrote it — with its themes read
    /// side by side on the machine's processors (``EncodedPlan/View/wholePlan(file:workers:allowDuplicateIDs:)``);
    /// nil for smaller bytes and any that do not read so. It makes every check the plan reader makes and gives
    /// its plan, so it needs no stamp (the fuzzer and `SideBySideLoadTests` hold it to that).
    /// Without `keepingLogText`, the plan ``PlanOutline`` reads.
    static func sideBySide(
        _ bytes: UnsafeBufferPointer<UInt8>, of path: String, allowDuplicateIDs: Bool, keepingLogText: Bool = true
    ) -> Plan? {
        let workers = workers(for: bytes.count)
        guard workers > 1 else { return nil }
        return EncodedPlan.View(bytes: bytes)?.wholePlan(
            file: path, workers: workers, allowDuplicateIDs: allowDuplicateIDs, keepingLogText: keepingLogText)
    }

    /// The plan at `path` as the commands that list and count actions need it: from a file this store wrote
    /// itself and no one has changed since (its `EncodingStamp` matches), ``EncodedPlan/listing(file:)`` —
    /// IDs, texts, leads, dates, ratings and statuses, without the logs, read in a fraction of the time;
    /// from any other file, the outline (``PlanOutline``: every check), read side by side when it can be
    /// (``mappedSideBySide(_:allowDuplicateIDs:keepingLogText:)``).
    /// With `keeping`, a stamped file's listing holds only the actions whose deadline and rating it keeps
    /// (and any other file's all of them), so `keeping` must keep every action the caller's own filter would.
    public static func loadListing(
        _ path: String, keeping: PlanCodec.ListingFilter? = nil
    ) throws -> Plan {
        let listed = try readingStamped(path) { encoded, workers in
            try? encoded.listing(file: path, keeping: keeping, workers: workers)
        }
        if let listed { return listed }
        if let outline = try mappedSideBySide(path, keepingLogText: false) { return outline }
        // Read, not mapped (the outline would otherwise hold the file twice: the mapping and its copy).
        return try PlanOutline(bytes: readFile(path), file: path).plan
    }

    /// The plan at `path` as `show` needs it: ``loadListing(_:keeping:)``'s plan with the action `id` read in
    /// full (its cross-references, fields, history and notes too), and where that action is. An `id` not in
    /// the plan is refused as ``Plan/requirePath(_:)`` refuses it.
    public static func loadListing(_ path: String, withAllOf id: String) throws -> (plan: Plan, at: ActionPath) {
        let found = try readingStamped(path) { encoded, workers -> (Plan, ActionPath)? in
            guard var plan = try? encoded.listing(file: path, workers: workers), let at = plan.path(of: id),
                let place = encoded.place(of: id), let action = try? encoded.action(at: place, file: path)
            else { return nil }
            plan[at] = action
            return (plan, at)
        }
        if let found { return found }
        let outline = try PlanOutline(bytes: readFile(path), file: path)
        var plan = outline.plan
        let at = try plan.requirePath(id)
        plan[at] = try outline.action(at: at)
        return (plan, at)
    }

    /// How many threads read the themes of a file of `count` bytes the store wrote: the processors, at most
    /// four, for a file of a megabyte or more (the size from which it is mapped); one for a smaller file, whose
    /// reading takes less than starting threads.
    static func workers(for count: Int) -> Int {
        count >= MappedFile.mapFrom ? min(4, sysconf(Int32(_SC_NPROCESSORS_ONLN))) : 1
    }

    /// The plan at `path` as `snapshots` and `measures` need it: its header, snapshots and measures. From a file
    /// this store wrote itself (its stamp matches), those read with every check and the themes left unread
    /// (``EncodedPlan/View/outsideThemes(file:)``), their list empty; from any other file, the whole plan.
    public static func loadOutsideThemes(_ path: String) throws -> Plan {
        if let plan = try readingStamped(path, { encoded, _ in try? encoded.outsideThemes(file: path) }) { return plan }
        return try load(path)
    }

    /// The plan at `path` without its logs, only to be shown while the whole plan is read (the terminal UI's
    /// first frame of a large plan): the listing of ``loadListing(_:keeping:)`` of the file mapped, when it is at
    /// least `minimumSize` bytes and laid out as an encoding — whoever wrote it; nil otherwise. What the listing
    /// skips is not checked here, so nothing may be edited or saved from it: the whole plan, read with every
    /// check, replaces it first (`PlanSession`), and a file that does not read ends the session with its error.
    public static func listingToShow(_ path: String, ifAtLeast minimumSize: Int) throws -> Plan? {
        let listed = try MappedFile.withBytes(path, ifAtLeast: minimumSize) { buffer in
            EncodedPlan.View(bytes: buffer).flatMap { try? $0.listing(file: path, workers: workers(for: buffer.count)) }
        }
        return listed ?? nil
    }

    /// What `read` makes of the plan at `path` (and the number of threads to read it on, ``workers(for:)``) when
    /// it has a stamp that matches it, read mapped; nil when it has none, when `read` gives nil, or when the file
    /// was written while it was read (the caller then reads it in full, which also gives every error its message).
    private static func readingStamped<R>(_ path: String, _ read: (EncodedPlan.View, Int) -> R?) throws -> R? {
        // The stamp is beside the file itself; without one, the file is not mapped at all.
        guard let plan = try? SaveTarget.resolve(path).path, exists(EncodingStamp.path(for: plan)) else { return nil }
        let result = try MappedFile.withBytes(path) { buffer in
            EncodingStamp.isEncoding(buffer, of: plan)
                ? EncodedPlan.View(bytes: buffer).flatMap { read($0, workers(for: buffer.count)) } : nil
        }
        return result ?? nil
    }
}
