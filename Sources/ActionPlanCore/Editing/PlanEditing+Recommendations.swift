/// The edits of the recommendations register and of the links from actions to it: adding, rewording and
/// removing a recommendation (`actionplan recommendation`), linking an action (`actionplan link`, `L` in the
/// terminal UI), checked the same way wherever they are made.
extension Plan {
    /// Links the action `actionID` to each recommendation in `recommendationIDs` (already linked ones stay as
    /// they are); returns the IDs newly linked.
    @discardableResult
    public mutating func link(action actionID: String, to recommendationIDs: [String]) throws -> [String] {
        _ = try requirePath(actionID)
        let indices = try recommendationIDs.map(requireRecommendation)
        var linked: [String] = []
        for (i, rid) in zip(indices, recommendationIDs) where !recommendations[i].actions.contains(actionID) {
            recommendations[i].actions.append(actionID)
            linked.append(rid)
        }
        return linked
    }

    /// Makes `recommendationIDs` exactly the recommendations the action `actionID` is linked to: links the new
    /// ones, unlinks the others (an empty list unlinks it from all). Every ID is checked before anything
    /// changes.
    public mutating func setLinks(action actionID: String, to recommendationIDs: [String]) throws {
        _ = try requirePath(actionID)
        let wanted = Set(try recommendationIDs.map(requireRecommendation))
        for i in recommendations.indices {
            let has = recommendations[i].actions.contains(actionID)
            if wanted.contains(i), !has {
                recommendations[i].actions.append(actionID)
            } else if !wanted.contains(i), has {
                recommendations[i].actions.removeAll { $0 == actionID }
            }
        }
    }

    /// The IDs of the recommendations the action `actionID` is linked to, in the register's order.
    public func recommendationIDs(linkedTo actionID: String) -> [String] {
        recommendations.filter { $0.actions.contains(actionID) }.map(\.id)
    }

    /// Adds recommendation `id` to the end of the register. The ID and the text must not be empty and the
    /// ID must be new.
    public mutating func addRecommendation(id: String, text: String, source: String) throws {
        let id = Whitespace.collapse(id)
        guard !id.isEmpty else { throw PlanError(.invalidValue, path: "ID", message: "the ID must not be empty") }
        guard !recommendations.contains(where: { $0.id == id }) else {
            throw PlanError(.alreadyExists, path: "ID", message: "recommendation \"\(id)\" is already in the register")
        }
        let text = Whitespace.collapse(text)
        guard !text.isEmpty else {
            throw PlanError(.invalidValue, path: "--text", message: "the recommendation's text must not be empty")
        }
        recommendations.append(Recommendation(id: id, source: Whitespace.collapse(source), text: text))
    }

    /// Rewords recommendation `id` or changes who made it; nil leaves a field as it is. The text must not
    /// become empty.
    public mutating func editRecommendation(id: String, text: String?, source: String?) throws {
        let i = try requireRecommendation(id)
        if let text {
            let t = Whitespace.collapse(text)
            guard !t.isEmpty else {
                throw PlanError(.invalidValue, path: "--text", message: "the recommendation's text must not be empty")
            }
            recommendations[i].text = t
        }
        if let source { recommendations[i].source = Whitespace.collapse(source) }
    }

    /// Removes recommendation `id` from the register. Refused while actions link to it (naming them) unless
    /// `force`; returns the IDs of the actions that were linked.
    @discardableResult
    public mutating func removeRecommendation(id: String, force: Bool) throws -> [String] {
        let i = try requireRecommendation(id)
        let linked = recommendations[i].actions
        guard force || linked.isEmpty else {
            throw PlanError(
                .invalidValue, path: "ID",
                message: "recommendation \"\(id)\" is linked to \(linked.count == 1 ? "action" : "actions") "
                    + linked.joined(separator: ", ") + "; unlink them first or use --force to remove it anyway")
        }
        recommendations.remove(at: i)
        return linked
    }

    /// The index of recommendation `id` in the register, or a not-found error naming the nearest IDs.
    func requireRecommendation(_ id: String) throws -> Int {
        if let i = recommendations.firstIndex(where: { $0.id == id }) { return i }
        let ids = recommendations.map(\.id)
        let near = NearestNames.nearest(to: id, among: ids, limit: 5)
        throw PlanError(
            .notFound, path: "REC",
            message: "no recommendation \"\(id)\" in this plan"
                + (ids.isEmpty
                    ? " (its register is empty)"
                    : " (nearest: \(near.joined(separator: ", ")); \(ids.count) in the register)"))
    }
}
