/// Encoding a plan read with its bytes: unchanged actions are copied from the file they were read from.
///
/// Measured slower than a full encoding (each copied action is encoded to check it), so saves do not use it;
/// the benchmark measures it and the tests and the loader fuzzer keep it exact (docs/performance.md).
extension PlanCodec {
    /// The bytes of `plan`, edited from `source.plan` (read with all its text by
    /// `PlanOutline(bytes:file:keepText: true)`): always exactly ``encode(_:)``'s bytes.
    ///
    /// An action equal to the one at its place in the source is copied from the source's bytes when they are
    /// what encoding it writes — checked for each action, so a file written by hand or by another tool (other
    /// spacing, key order or escapes) is still saved exactly as a full encoding saves it.
    public static func encode(_ plan: Plan, editedFrom source: PlanOutline) -> [UInt8] {
        var check = JSONWriter(capacity: 1 << 14, depth: 6)
        return encode(plan, capacity: source.byteCount + 4096) { path, action in
            guard let bytes = source.bytes(of: action, at: path) else { return nil }
            check.reset()
            encode(action, &check)
            let same =
                check.bytes.count == bytes.count
                && check.bytes.withUnsafeBufferPointer { a in bytes.withUnsafeBufferPointer { a.elementsEqual($0) } }
            return same ? bytes : nil
        }
    }
}

extension PlanOutline {
    /// The bytes the action at `path` was read from, when ``plan`` has an action there equal to `action`.
    func bytes(of action: Action, at path: ActionPath) -> ArraySlice<UInt8>? {
        guard path.theme < firstOfGroup.count, path.group < firstOfGroup[path.theme].count,
            path.action < plan.themes[path.theme].groups[path.group].actions.count,
            plan[path] == action
        else { return nil }
        return bytes[ranges[firstOfGroup[path.theme][path.group] + path.action]]
    }

    /// The size of the file read, in bytes.
    var byteCount: Int { bytes.count }
}
