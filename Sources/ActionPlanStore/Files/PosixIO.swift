import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls every file operation of the store is built from: whole reads and writes that survive
/// interruptions, path arithmetic, directory listings and the text of `errno`.
extension PlanStore {
    /// A hidden file beside `path`: `DIR/.NAME.suffix` (lock files, the backups directory).
    public static func sidePath(of path: String, _ suffix: String) -> String {
        directory(of: path) + "/." + fileName(of: path) + "." + suffix
    }

    /// The last component of `path`: `plan.json` for `/a/b/plan.json` (and for `plan.json`).
    public static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The directory part of `path`: `.` for a bare name, `/` for a file at the root.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    /// Whether a file (or anything, a dangling link included) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
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

    /// The text of the current `errno`.
    static func errnoText() -> String { errnoText(errno) }

    /// The text of error number `code`.
    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Reads `fd` to its end, `chunk` bytes at a time, stopping early once at least `maxBytes` are read;
    /// nil on an error, with `errno` set. `sizeHint` is the capacity to reserve.
    static func readAll(_ fd: Int32, chunk: Int, maxBytes: Int, sizeHint: Int = 0) -> [UInt8]? {
        var failure: Int32 = 0
        // Straight into the array while the size hint holds (no copy through a chunk buffer), then in chunks.
        let first = max(1, min(sizeHint, maxBytes))
        var out = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            while count < buffer.count {
                let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 {
            errno = failure
            return nil
        }
        if out.count < first { return out }
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
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool { writeAll(fd, bytes[...]) }

    /// Writes every run of `bytes` to `fd`, in order.
    static func writeAll(_ fd: Int32, _ bytes: FileBytes) -> Bool { bytes.runs.allSatisfy { writeAll(fd, $0) } }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool { bytes.withUnsafeBytes { writeAll(fd, $0) } }

    /// Writes all of `raw` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < raw.count {
            let n = write(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 {
                errno = EIO
                return false
            }
            done += n
        }
        return true
    }

    /// Whether `a` and `b` hold the same bytes (nil equals only nil), compared with `memcmp`: plan files are
    /// megabytes, and a generic element-by-element comparison is slow in an unoptimised build.
    static func sameBytes(_ a: [UInt8]?, _ b: [UInt8]?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                // The same buffer (the bytes a save read, handed back to it) is equal without comparing 100 MB.
                x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0
            }
        }
    }

    /// Flushes directory `dir` to disk, so a rename in it survives a power cut (best effort).
    static func syncDirectory(_ dir: String) {
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}
