#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import ActionPlanCore

/// Reading small files (lock files, `/proc` entries) whole.
enum SmallFile {
    /// The bytes of the file at `path` (up to 64 KB), or nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        return PlanStore.readAll(fd, chunk: 4096, maxBytes: 65536)
    }
}
