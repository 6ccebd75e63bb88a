import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file is at a path and whether it was written: device, inode, size and change times.
///
/// A cheap way to notice that a file changed since it was read without reading
/// it again: every writer either replaces the file (a new inode) or writes into
/// it (a new modification time or size). ``PlanStore/update(_:options:_:)``
/// reads a large plan again, and compares its bytes, only when the identity
/// differs; a small plan it reads again anyway, since a writer in place may
/// keep its size and (coarse) modification time. Backups and temporary files
/// use it for their modification time.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanos: Int64
    var changed: Int64
    var changedNanos: Int64

    /// The identity in `st`.
    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        #if os(Linux)
            modified = Int64(st.st_mtim.tv_sec)
            modifiedNanos = Int64(st.st_mtim.tv_nsec)
            changed = Int64(st.st_ctim.tv_sec)
            changedNanos = Int64(st.st_ctim.tv_nsec)
        #else
            modified = Int64(st.st_mtimespec.tv_sec)
            modifiedNanos = Int64(st.st_mtimespec.tv_nsec)
            changed = Int64(st.st_ctimespec.tv_sec)
            changedNanos = Int64(st.st_ctimespec.tv_nsec)
        #endif
    }

    /// The identity of the file at `path` now, or nil when there is none.
    static func of(_ path: String) -> FileIdentity? {
        var st = stat()
        return stat(path, &st) == 0 ? FileIdentity(st) : nil
    }
}
