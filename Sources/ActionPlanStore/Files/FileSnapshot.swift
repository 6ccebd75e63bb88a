import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a save found in the file it is about to replace: the bytes, the file's identity and attributes —
/// and, right before the rename, whether the file is still exactly that.
///
/// The compare-and-swap of every save rests on ``isCurrent()``: it is called after the new version is
/// written and flushed, immediately before the rename, so a program that ignores the lock (a sync
/// client, an editor) can slip a change in unnoticed only in the microseconds between the two.
struct FileSnapshot {
    /// The file's bytes, or nil when there was no file.
    var bytes: [UInt8]?
    /// Which file it was and when it was last written (nil when there was none).
    var identity: FileIdentity?
    /// Its owner, group and mode (nil when there was none).
    var attributes: FileAttributes?
    /// The file it was read from.
    let target: SaveTarget

    /// Files up to this size are read again by ``isCurrent()`` rather than trusted to their identity, since
    /// a writer in place may keep the size and, on file systems with coarse times, the modification time.
    static let rereadBelow = 4 << 20

    /// Reads the file at `target` now (no file is a snapshot too: one with no bytes).
    static func read(_ target: SaveTarget) throws -> FileSnapshot {
        guard let st = target.status() else {
            if errno == ENOENT { return FileSnapshot(bytes: nil, identity: nil, attributes: nil, target: target) }
            throw PlanError(
                errno == ENOENT ? .fileNotFound : .cannotRead, file: target.shown,
                message: "cannot open: \(PlanStore.errnoText())")
        }
        try target.checkReplaceable(st)
        let (bytes, identity) = try PlanStore.readFileAndIdentity(target.path, shown: target.shown)
        return FileSnapshot(bytes: bytes, identity: identity, attributes: FileAttributes(st), target: target)
    }

    /// A snapshot of bytes already read from `target` with `identity` (so a save does not read them twice).
    static func given(_ bytes: [UInt8], identity: FileIdentity, target: SaveTarget) throws -> FileSnapshot {
        guard let st = target.status() else { return try read(target) }
        try target.checkReplaceable(st)
        return FileSnapshot(bytes: bytes, identity: identity, attributes: FileAttributes(st), target: target)
    }

    /// A snapshot of the file open with status `st`, whose `bytes` were read from it — or, for a file of
    /// ``rereadBelow`` bytes or more, nil when they were mapped, not read: such a file is compared by its
    /// identity alone (``isCurrent()``), and a mapping is no copy to compare with.
    static func opened(_ st: stat, bytes: [UInt8]?, target: SaveTarget) -> FileSnapshot {
        precondition(bytes != nil || Int(st.st_size) >= rereadBelow, "a small file's bytes are compared")
        return FileSnapshot(bytes: bytes, identity: FileIdentity(st), attributes: FileAttributes(st), target: target)
    }

    /// Whether the file is still the one read: same identity (device, inode, size, times) and, for a small
    /// file, the same bytes; or still absent when there was none.
    func isCurrent() -> Bool {
        let now = FileIdentity.of(target.path)
        guard now == identity else { return false }
        guard let bytes, bytes.count < FileSnapshot.rereadBelow else { return true }
        return PlanStore.sameBytes(try? PlanStore.readFile(target.path), bytes)
    }
}
