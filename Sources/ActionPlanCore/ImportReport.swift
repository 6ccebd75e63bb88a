/// What an import did to the source beyond copying it: every repair and warning with its line.
///
/// Council documents are converted from Word and PDF and carry page-break
/// artefacts and typos; the importer repairs what it safely can and says so,
/// so a reviewer can check each decision against the source.
public struct ImportReport: Hashable, Sendable {
    /// One repair or warning.
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        /// Whether it was repaired, or needs a human.
        public enum Kind: String, Sendable {
            /// Something the importer fixed (a repeated header row, a glued heading).
            case repair
            /// Something kept as written that a human should check (an unknown lead code, an unparseable date).
            case warning
        }

        /// The 1-based line in the source.
        public var line: Int
        /// Repair or warning.
        public var kind: Kind
        /// What was found and done.
        public var message: String

        /// `line 12: repair: …`.
        public var description: String { "line \(line): \(kind.rawValue): \(message)" }
    }

    /// The entries in source order.
    public var entries: [Entry] = []
    /// The first line of the source that belongs to the plan.
    public var firstLine = 1
    /// The last line of the source that belongs to the plan.
    public var lastLine = 0

    /// An empty report.
    public init() {}

    /// The repairs.
    public var repairs: [Entry] { entries.filter { $0.kind == .repair } }
    /// The warnings.
    public var warnings: [Entry] { entries.filter { $0.kind == .warning } }

    mutating func repair(_ line: Int, _ message: String) {
        entries.append(Entry(line: line, kind: .repair, message: message))
    }
    mutating func warn(_ line: Int, _ message: String) {
        entries.append(Entry(line: line, kind: .warning, message: message))
    }
}
