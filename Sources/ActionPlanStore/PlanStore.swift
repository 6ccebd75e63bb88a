#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// Reads plan files and saves them atomically and durably.
///
/// Saving writes a temporary file in the same directory, fsyncs it, renames it
/// over the target and fsyncs the directory, keeping the target's permissions.
/// A crash at any moment leaves either the old file or the new one, never half
/// of either. (`FileManager.replaceItemAt` loses data on this toolchain, and
/// `Data.write(options: .atomic)` neither fsyncs nor keeps permissions.)
public enum PlanStore {
    /// Reads and validates the plan at `path`.
    public static func load(_ path: String) throws -> Plan {
        let bytes = try readFile(path)
        return try PlanCodec.decode(bytes, file: path)
    }

    /// The bytes of the file at `path`, or an error naming it.
    public static func readFile(_ path: String) throws -> [UInt8] {
        try readFileAndIdentity(path).bytes
    }

    /// The bytes of the file at `path` and the identity of the file they came from.
    static func readFileAndIdentity(_ path: String) throws -> (bytes: [UInt8], identity: FileIdentity) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw PlanError(file: path, message: "cannot open: \(errnoText())") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw PlanError(file: path, message: "cannot read: \(errnoText())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw PlanError(file: path, message: "is a directory, expected a file") }
        if Int(st.st_size) > maxFileSize {
            throw PlanError(
                file: path,
                message: "is \(Int(st.st_size) >> 20) MB; actionplan reads files of up to \(maxFileSize >> 20) MB "
                    + "(a plan of 100,000 actions is about 60 MB)")
        }
        // One byte more than allowed tells a file that grew too big since fstat.
        guard let out = readAll(fd, chunk: 1 << 20, maxBytes: maxFileSize + 1, sizeHint: Int(st.st_size) + 1) else {
            throw PlanError(file: path, message: "cannot read: \(errnoText())")
        }
        if out.count > maxFileSize {
            throw PlanError(
                file: path, message: "is over \(maxFileSize >> 20) MB; actionplan reads files of up to that size")
        }
        return (out, FileIdentity(st))
    }

    /// The largest file `readFile` reads: 512 MB. A bigger file is not a plan, and reading it could exhaust memory.
    public static let maxFileSize = 512 << 20

    /// Saves `plan` to `path` atomically (see the type's summary), without lock, merge or backup: for new
    /// files and side files. A plan others may be editing is saved with `update` or `saveMerging`.
    public static func save(_ plan: Plan, to path: String) throws {
        try writeAtomically(PlanCodec.encode(plan), to: path)
    }

    /// Writes `bytes` to `path` atomically and durably, keeping an existing file's permissions.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644) throws {
        try writeAtomically(bytes, to: path, newFileMode: newFileMode, durable: true)
    }

    /// `writeAtomically`; when not `durable`, without the fsyncs (for backups: a torn one is caught on restore).
    static func writeAtomically(_ bytes: [UInt8], to path: String, newFileMode: mode_t, durable: Bool) throws {
        let dir = directory(of: path)
        var mode = newFileMode
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw PlanError(file: path, message: "is a directory, expected a file")
            }
            mode = st.st_mode & 0o7777
        }
        var tmp = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            tmp = TemporaryFiles.path(for: path, attempt: attempt)
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 {
            throw PlanError(
                file: path,
                message: "cannot save: cannot create a file in \(dir): \(errnoText()); the previous file is unchanged")
        }
        var ok = false
        defer {
            if !ok {
                close(fd)
                unlink(tmp)
            }
        }
        if !writeAll(fd, bytes) {
            throw PlanError(file: path, message: "cannot save: \(errnoText()); the previous file is unchanged")
        }
        if fchmod(fd, mode) != 0 || (durable && fsync(fd) != 0) {
            throw PlanError(file: path, message: "cannot save: \(errnoText()); the previous file is unchanged")
        }
        if close(fd) != 0 {
            fd = -1
            throw PlanError(file: path, message: "cannot save: \(errnoText()); the previous file is unchanged")
        }
        fd = -1
        if rename(tmp, path) != 0 {
            let why = errnoText()
            unlink(tmp)
            ok = true
            throw PlanError(file: path, message: "cannot save: \(why); the previous file is unchanged")
        }
        ok = true
        if !durable { return }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Whether a file (or anything) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// A hidden file beside `path`: `DIR/.NAME.suffix` (lock files, the backups directory).
    public static func sidePath(of path: String, _ suffix: String) -> String {
        directory(of: path) + "/." + fileName(of: path) + "." + suffix
    }

    /// The last component of `path`: `plan.json` for `/a/b/plan.json` (and for `plan.json`).
    public static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    /// The names of the entries in directory `dir` (with `.` and `..`), in directory order; empty when it
    /// cannot be read.
    static func names(in dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            names.append(
                withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                })
        }
        return names
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Reads `fd` to its end, `chunk` bytes at a time, stopping early once at least `maxBytes` are read;
    /// nil on an error, with `errno` set. `sizeHint` is the capacity to reserve.
    static func readAll(_ fd: Int32, chunk: Int, maxBytes: Int, sizeHint: Int = 0) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(sizeHint)
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { buffer in
            while out.count < maxBytes {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                out.append(contentsOf: buffer[0..<n])
            }
        }
        if failure != 0 {
            errno = failure  // as read left it, whatever freeing the buffer did
            return nil
        }
        return out
    }

    /// Writes all of `bytes` to `fd`, retrying interrupted and partial writes; false on an error, with `errno` set.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
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
        return Loaded(plan: try PlanCodec.decode(bytes, file: path), fingerprint: fingerprint(of: bytes))
    }

    /// The fingerprint of the file at `path` now, or nil when it cannot be read.
    public static func currentFingerprint(_ path: String) -> UInt64? {
        (try? readFile(path)).map { fingerprint(of: $0) }
    }

    /// A 64-bit FNV-1a hash of `bytes`: cheap, and enough to notice a changed file.
    public static func fingerprint(of bytes: [UInt8]) -> UInt64 { ContentHash.fnv1a(bytes) }

    /// Whether `a` and `b` name the same existing file (same device and inode, so links and `./` count).
    ///
    /// Export uses it to refuse to write a report over the plan it was made from.
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Imports the source file at `path` (plan text, CSV or TSV; see `PlanImporter`).
    public static func importFile(_ path: String, title: String? = nil) throws -> (Plan, ImportReport) {
        try PlanImporter.importBytes(readFile(path), file: path, title: title)
    }
}
