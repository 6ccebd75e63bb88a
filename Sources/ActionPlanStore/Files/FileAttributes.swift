import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who owns a plan and who may read and write it: kept across every save, and given to the files a save
/// leaves beside it (lock files, backups), so that everyone who may write the plan can keep saving it.
///
/// A save replaces the plan with a new file (write a copy, rename it over), and a new file belongs to
/// whoever creates it, in their primary group, with their umask applied. On a shared drive that would
/// turn a plan `alice:leads 0660` into `bob:bob 0600` the first time Bob saves, and lock every other lead
/// out. So the new file is given the plan's group and mode explicitly (and its owner, where the saver
/// may: only root can give a file away), whatever the saver's umask.
struct FileAttributes: Equatable {
    /// The owner's user ID.
    var owner: uid_t
    /// The group ID.
    var group: gid_t
    /// The permission bits (0o777).
    var mode: mode_t

    /// The attributes in `st`.
    init(_ st: stat) {
        owner = st.st_uid
        group = st.st_gid
        mode = st.st_mode & 0o777
    }

    /// Attributes given outright.
    init(owner: uid_t, group: gid_t, mode: mode_t) {
        self.owner = owner
        self.group = group
        self.mode = mode
    }

    /// The mode for lock files: readable and writable by whoever may read the plan (a lock file is opened
    /// for reading to be locked, and must be removable by the next saver).
    var sideFileMode: mode_t { (mode & 0o666) | 0o600 }

    /// The mode for the backups directory: the plan's, with search permission wherever it has read permission.
    var directoryMode: mode_t {
        let m = (mode & 0o777) | 0o700
        return m | ((m & 0o444) >> 2)
    }

    /// Whether the group decides who may use the file: its group permissions differ from everyone else's.
    var groupMatters: Bool { (mode >> 3) & 0o7 != mode & 0o7 }

    /// Gives the open file `fd` these attributes: the owner when running as root, the group, then the mode
    /// (after the group, since changing the group may clear bits).
    ///
    /// Throws when the group cannot be kept and it matters (the saver is not in the plan's group): saving
    /// would then change who may use the plan. `file` names the plan in the message.
    func apply(to fd: Int32, file: String) throws {
        let keptGroup: Bool
        if geteuid() == 0 {
            keptGroup = fchown(fd, owner, group) == 0
        } else {
            var st = stat()
            keptGroup = (fstat(fd, &st) == 0 && st.st_gid == group) || fchown(fd, uid_t.max, group) == 0
        }
        if !keptGroup && groupMatters {
            let why = PlanStore.errnoText()
            throw PlanError(
                .notSaved,
                file: file,
                message:
                    "cannot save: the new file cannot be given the plan's group \(FileAttributes.groupName(group)) "
                    + "(\(why)); saving would change who may read and write the plan. You need to be a member of "
                    + "that group; the plan is unchanged")
        }
        if fchmod(fd, mode) != 0 {
            throw PlanError(
                .notSaved, file: file, message: "cannot save: \(PlanStore.errnoText()); the plan is unchanged")
        }
    }

    /// Best effort for side files (lock files, backups, their directory): group and `mode` if the file is
    /// ours to change; failures are ignored (the file still works for its creator).
    func applyToSideFile(fd: Int32, mode: mode_t) {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_uid == geteuid() || geteuid() == 0 else { return }
        if st.st_gid != group { _ = fchown(fd, uid_t.max, group) }
        if st.st_mode & 0o7777 != mode { _ = fchmod(fd, mode) }
    }

    /// The name of group `gid` (or its number when it has none).
    static func groupName(_ gid: gid_t) -> String {
        if let g = getgrgid(gid), let name = g.pointee.gr_name { return String(cString: name) }
        return String(gid)
    }

    /// The name of user `uid` (or its number when it has none).
    static func userName(_ uid: uid_t) -> String {
        if let p = getpwuid(uid), let name = p.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }

    /// `alice:leads 0660`, for messages.
    var description: String {
        "\(FileAttributes.userName(owner)):\(FileAttributes.groupName(group)) \(FileAttributes.octal(mode))"
    }

    /// Permission bits as people write them: `0644`.
    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
