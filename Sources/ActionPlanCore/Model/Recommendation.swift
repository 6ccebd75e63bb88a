import Foundation

/// One recommendation the plan answers, e.g. one of Ofsted's 19 or the Safeguarding Board's 5.
///
/// Kept in the plan's recommendations register as the document numbers and words them, so the plan can
/// show that every recommendation is covered.
public struct Recommendation: Hashable, Sendable {
    /// Its number or reference as written, unique in the register, e.g. `3`, `LSCB 2`.
    public var id: String
    /// Who made it, e.g. `Ofsted`, `Barnet Safeguarding Children Board`.
    public var source: String
    /// The recommendation, verbatim.
    public var text: String
    /// The IDs of the actions that answer it (`actionplan link`), in the order they were linked.
    public var actions: [String]

    /// A recommendation.
    public init(id: String, source: String, text: String, actions: [String] = []) {
        self.id = id
        self.source = source
        self.text = text
        self.actions = actions
    }
}

/// A column of a council's plan that has no place of its own in an action, kept by name with its value.
///
/// Plans carry `Success measure`, `Progress update`, `How we will monitor`, risk scores and more; an import
/// keeps each as a named field of the action rather than dropping it, and every output shows it.
public struct ActionField: Hashable, Sendable {
    /// The column's header as written, e.g. `Success measure`.
    public var name: String
    /// The action's value in it.
    public var value: String

    /// A field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
