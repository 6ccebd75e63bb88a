import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading small files (lock files, `/proc` entries) whole.
enum SmallFile {
    /// The bytes of the file at `path` (up to 64 KB), or nil with `errno` set when it cannot be read
    /// (`EISDIR` for a directory).
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        let bytes = PlanStore.readAll(fd, chunk: 4096, maxBytes: 65536)
        let code = errno
        close(fd)
        errno = code
        return bytes
    }
}
