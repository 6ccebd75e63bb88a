import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads plan files and saves them atomically and durably.
///
/// Saving writes a temporary file in the same directory, fsyncs it, renames it
/// over the target and fsyncs the directory, keeping the target's owner, group
/// and permissions and following a symbolic link to the file it names (see
/// `SaveTarget`). A crash at any moment leaves either the old file or the new
/// one, never half of either. (`FileManager.replaceItemAt` loses data on this toolchain, and
/// `Data.write(options: .atomic)` neither fsyncs nor keeps permissions.)
public enum PlanStore {
    /// The bytes of the file at `path`, or an error naming it.
    public static func readFile(_ path: String) throws -> [UInt8] {
        try readFileAndIdentity(path).bytes
    }

    /// The bytes of the file at `path` and the identity of the file they came from.
    static func readFileAndIdentity(_ path: String, shown: String? = nil) throws -> (
        bytes: [UInt8], identity: FileIdentity
    ) {
        let file = shown ?? path
        let (fd, st) = try openForReading(path, shown: file)
        defer { close(fd) }
        return (try readOpened(fd, st, shown: file), FileIdentity(st))
    }

    /// Opens the file at `path` to read it, refusing a directory or a file larger than ``maxFileSize``; the
    /// caller closes the descriptor. `shown` names the file in errors.
    static func openForReading(_ path: String, shown file: String) throws -> (fd: Int32, status: stat) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw PlanError(
                errno == ENOENT ? .fileNotFound : .cannotRead, file: file, message: "cannot open: \(errnoText())")
        }
        var st = stat()
        do {
            if fstat(fd, &st) != 0 {
                throw PlanError(.cannotRead, file: file, message: "cannot read: \(errnoText())")
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw PlanError(.cannotRead, file: file, message: "is a directory, expected a file")
            }
            if Int(st.st_size) > maxFileSize {
                throw PlanError(
                    .cannotRead,
                    file: file,
                    message: "is \(Int(st.st_size) >> 20) MB; actionplan reads files of up to \(maxFileSize >> 20) MB "
                        + "(a plan of 100,000 actions is about 60 MB)")
            }
        } catch {
            close(fd)
            throw error
        }
        return (fd, st)
    }

    /// The bytes of the file open as `fd` (with status `st`), read to its end.
    static func readOpened(_ fd: Int32, _ st: stat, shown file: String) throws -> [UInt8] {
        // One byte more than allowed tells a file that grew too big since fstat.
        guard let out = readAll(fd, chunk: 1 << 20, maxBytes: maxFileSize + 1, sizeHint: Int(st.st_size) + 1) else {
            throw PlanError(.cannotRead, file: file, message: "cannot read: \(errnoText())")
        }
        if out.count > maxFileSize {
            throw PlanError(
                .cannotRead,
                file: file, message: "is over \(maxFileSize >> 20) MB; actionplan reads files of up to that size")
        }
        return out
    }

    /// The largest file `readFile` reads: 512 MB. A bigger file is not a plan, and reading it could exhaust memory.
    public static let maxFileSize = 512 << 20

    /// Refuses bytes that would make a file larger than ``maxFileSize``: a save never writes a plan that
    /// the tool would then refuse to open. (A plan's encoding can be many times its source: minimal actions
    /// written by another tool grow every field when saved.)
    static func refuseOversized(_ bytes: [UInt8], file: String) throws {
        try refuseOversized(count: bytes.count, file: file)
    }

    /// ``refuseOversized(_:file:)`` of `count` bytes.
    static func refuseOversized(count: Int, file: String) throws {
        guard count > maxFileSize else { return }
        throw PlanError(
            .notSaved,
            file: file,
            message: "cannot save: the plan would be \(count >> 20) MB, larger than the \(maxFileSize >> 20) MB "
                + "actionplan reads, so it was not written; the previous file is unchanged")
    }

    /// Saves `plan` to `path` atomically (see the type's summary), without lock, merge or backup: for new
    /// files and side files. A plan others may be editing is saved with `update` or `saveMerging`.
    public static func save(_ plan: Plan, to path: String) throws {
        let bytes = PlanCodec.encode(plan)
        try refuseOversized(bytes, file: path)
        try writeAtomically(bytes, to: path)
    }

    /// Writes `bytes` to `path` atomically and durably, keeping an existing file's owner, group and
    /// permissions (`newFileMode` for a new file), following a symbolic link to the file it names, and
    /// refusing to replace a read-only file or one with several hard links (see `SaveTarget`).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644) throws {
        try writeAtomically(bytes, to: path, newFileMode: newFileMode, durable: true)
    }

    /// `writeAtomically`; when not `durable`, without the fsyncs (for backups: a torn one is caught on restore).
    static func writeAtomically(_ bytes: [UInt8], to path: String, newFileMode: mode_t, durable: Bool) throws {
        let target = try SaveTarget.resolve(path)
        let existing = target.status()
        if let existing, [S_IFCHR, S_IFIFO].contains(existing.st_mode & S_IFMT) {
            // A device or a pipe (`--output /dev/null`, a pipe another program reads): written into, never
            // replaced; as root, a rename would have turned /dev/null into a file.
            return try writeThrough(bytes, to: target)
        }
        if let existing { try target.checkReplaceable(existing) }
        let tmp = try TemporaryFiles.write(
            bytes, beside: target.path, shown: path, attributes: existing.map(FileAttributes.init),
            newFileMode: newFileMode, durable: durable)
        if rename(tmp, target.path) != 0 {
            let why = errnoText()
            unlink(tmp)
            throw PlanError(.notSaved, file: path, message: "cannot save: \(why); the previous file is unchanged")
        }
        if durable { syncDirectory(target.directory) }
    }

    /// Writes `bytes` into the device or pipe at `target` as it is.
    private static func writeThrough(_ bytes: [UInt8], to target: SaveTarget) throws {
        let fd = open(target.path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let why = errno == ENXIO ? "no program is reading from this pipe" : errnoText()
            throw PlanError(.notSaved, file: target.shown, message: "cannot write: \(why)")
        }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        if !writeAll(fd, bytes) {
            throw PlanError(.notSaved, file: target.shown, message: "cannot write: \(errnoText())")
        }
    }

    /// Whether `a` and `b` name the same existing file (same device and inode, so links and `./` count).
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}

extension PlanStore {
    /// A plan read from disk together with the fingerprint of the bytes it came from.
    public struct Loaded: Sendable {
        /// The plan.
        public var plan: Plan
        /// `fingerprint(of:)` of the file's bytes when it was read.
        public var fingerprint: UInt64
    }

    /// Reads the plan at `path` and remembers which bytes it came from, so a later
    /// save can tell whether someone else changed the file meanwhile.
    public static func loadWithFingerprint(_ path: String) throws -> Loaded {
        let bytes = try readFile(path)
        let hash = fingerprint(of: bytes)
        return Loaded(plan: try decode(bytes, of: path), fingerprint: hash)
    }

    /// The fingerprint of the file at `path` now, or nil when it cannot be read.
    public static func currentFingerprint(_ path: String) -> UInt64? {
        (try? readFile(path)).map { fingerprint(of: $0) }
    }

    /// A 64-bit hash of `bytes` (``ContentHash/words(_:)``): cheap, and enough to notice a changed file.
    public static func fingerprint(of bytes: [UInt8]) -> UInt64 { ContentHash.words(bytes) }
}
