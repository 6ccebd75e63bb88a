import ActionPlanCore

/// Changing one action of a plan (a rating, a note, a revised date) without reading and writing the whole plan.
extension PlanStore {
    /// Changes the action with `id` in the plan at `path` under its lock, as ``update(_:options:_:)`` does:
    /// `change` gets the plan's ``Plan/header`` (its rating scale, officers and the rest of what comes before
    /// its themes, but no actions) and the action, and what it returns is returned.
    ///
    /// When the file is one this store wrote and no one has changed since (its `EncodingStamp` matches), the
    /// header and the action are read from its bytes and the new action's encoding replaces the old one's
    /// (`EncodedPlan`): the file written is byte for byte the full encoding of the changed plan, without
    /// reading or encoding the other actions, which were checked when the file was written. Any other file —
    /// and any change this cannot place exactly — is read, checked and written in full. An `id` not in the
    /// plan is refused as ``update(_:options:_:)`` refuses it.
    @discardableResult
    public static func updateAction<R>(
        _ path: String, id: String, options: SaveOptions = .standard,
        _ change: (_ header: Plan, _ action: inout Action) throws -> R
    ) throws -> R {
        try readUnderLock(path, options: options) { read in
            if let encoded = EncodingStamp.encoded(read.bytes, of: read.target.path), let place = encoded.place(of: id)
            {
                let header = try encoded.header(file: path)
                let old = try encoded.action(at: place, file: path)
                var action = old
                let result = try change(header, &action)
                if action == old { return result }
                if let bytes = encoded.replacing(place, old: old, with: action, header: header) {
                    options.stage?(.replacingOneAction)
                    let base = { try PlanCodec.decode(read.bytes, file: path) }
                    try writeChange(bytes, read, base: base) { base in try replacing(id, with: action, in: base) }
                    return result
                }
                // The change may lower the schema version: only the whole plan tells.
                return try changeInFull(read) { plan in
                    plan = try replacing(id, with: action, in: plan)
                    return result
                }
            }
            return try changeInFull(read) { plan in
                let at = try plan.requirePath(id)
                return try change(plan.header, &plan[at])
            }
        }
    }

    /// `plan` with the action with `id` replaced by `action`.
    private static func replacing(_ id: String, with action: Action, in plan: Plan) throws -> Plan {
        var plan = plan
        plan[try plan.requirePath(id)] = action
        return plan
    }
}
