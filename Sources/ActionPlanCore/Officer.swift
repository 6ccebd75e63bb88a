/// A named officer from the plan's register: initials used as a lead code, name, role.
///
/// The register is a list, not a dictionary, because real registers repeat codes
/// (Barnet's lists `KM` twice: Katie Mayers and Kay Matthews).
public struct Officer: Hashable, Sendable {
    /// The lead code, e.g. `TMcE` or `Cllr L`.
    public var code: String
    /// The officer's name.
    public var name: String
    /// The officer's role.
    public var role: String

    /// An officer.
    public init(code: String, name: String, role: String) {
        self.code = code
        self.name = name
        self.role = role
    }
}

/// How a lead code resolves against the officers register.
public enum LeadResolution: Hashable, Sendable {
    /// Exactly one officer has this code.
    case officer(Officer)
    /// Several officers share this code.
    case ambiguous([Officer])
    /// A group of people rather than one officer (`All HoS`).
    case group(String)
    /// No officer has this code.
    case unknown(String)

    /// A short human description: the name, or `KM (ambiguous: …)`, or `TMc (unknown)`.
    public var displayName: String {
        switch self {
        case .officer(let o): return o.name
        case .ambiguous(let os): return os.map(\.name).joined(separator: " or ")
        case .group(let g): return g
        case .unknown(let code): return "\(code) (unknown code)"
        }
    }
}
