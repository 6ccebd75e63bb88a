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
    /// A code (code-shaped: ``Plan/isCodeShaped(_:)``) that no officer has: `check` reports it.
    case unknown(String)
    /// A name or role written in full rather than a code (`Sarah D'Souza`, `Head of Service`, `London
    /// Borough of Barnet`): shown as written, not looked up, not reported.
    case name(String)

    /// A short human description: the officer's name, `Name or Name`, the group or name as written,
    /// or `TMc (unknown code)`.
    public var displayName: String {
        switch self {
        case .officer(let o): return o.name
        case .ambiguous(let os): return os.map(\.name).joined(separator: " or ")
        case .group(let g), .name(let g): return g
        case .unknown(let code): return "\(code) (unknown code)"
        }
    }
}
