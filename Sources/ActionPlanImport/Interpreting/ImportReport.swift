import ActionPlanCore

/// What an import did with every line, paragraph and row of the source.
///
/// Nothing is dropped without a word: each non-blank item of the source is accounted for as used (and for
/// what), repaired (how) or skipped (why), and the summary ends with the counts. Warnings flag what was
/// kept as written but a person should check (an unknown lead code, a date with no deadline, a status word
/// with no rating). The report also says how each table's columns were read and which status words were
/// taken for which rating, so a reviewer can check every decision against the source.
public struct ImportReport: Hashable, Sendable {
    /// One repair, warning or skip.
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        /// Whether it was repaired, needs a human, or was left out.
        public enum Kind: String, Sendable {
            /// Something the importer fixed (a repeated header row, a glued heading).
            case repair
            /// Something kept as written that a human should check.
            case warning
            /// Source content not imported, and why.
            case skipped
        }

        /// Where in the source.
        public var location: SourceLocation
        /// Repair, warning or skipped.
        public var kind: Kind
        /// What was found and done.
        public var message: String
        /// For items skipped for the same reason one after another: the last of them.
        public var runEnd: SourceLocation?
        /// How many items the entry stands for.
        public var count = 1

        /// The 1-based line in a text-based source (0 otherwise).
        public var line: Int { location.line ?? 0 }

        /// `line 12: repair: …`, `lines 1–2923 (2,100 lines): skipped: …`.
        public var description: String { "\(place): \(kind.rawValue): \(message)" }

        /// Where: the location, or the run of locations.
        public var place: String {
            guard let end = runEnd else { return location.description }
            let span: String
            if let a = location.line, let b = end.line {
                span = "lines \(a)–\(b)"
            } else {
                span = "\(location) to \(end)"
            }
            return span + " (\(count) items)"
        }
    }

    /// How one table's columns were read.
    public struct TableColumns: Hashable, Sendable {
        /// Where the header row is (or the table's first row when it has none).
        public var location: SourceLocation
        /// Each column: its header as written (or `column N`), and how it was read.
        public var columns: [(header: String, role: ColumnRole, why: String)]

        /// Two tables are equal when they are at the same place and read the same headers as the same roles.
        public static func == (a: TableColumns, b: TableColumns) -> Bool {
            a.location == b.location && a.columns.map(\.header) == b.columns.map(\.header)
                && a.columns.map(\.role) == b.columns.map(\.role)
        }

        /// Hashes what `==` compares.
        public func hash(into h: inout Hasher) {
            h.combine(location)
            for c in columns {
                h.combine(c.header)
                h.combine(c.role)
            }
        }
    }

    /// The repairs, warnings and skips, in source order.
    public var entries: [Entry] = []
    /// How each action table's columns were read.
    public var tables: [TableColumns] = []
    /// Each status word met, the rating taken for it (nil: left unrated), and how many actions had it.
    public var statusWords: [(word: String, rating: Rating?, count: Int)] = []
    /// What the reader said about the container (encoding, hidden sheets, images).
    public var sourceNotes: [String] = []
    /// How many items of the source were used, repaired, skipped, and blank.
    public var used = 0
    /// Items used after a repair.
    public var repaired = 0
    /// Items left out.
    public var skipped = 0
    /// Blank lines and empty rows.
    public var blank = 0
    /// The first line of the source that belongs to the plan (text sources).
    public var firstLine = 1
    /// The last line of the source that belongs to the plan (text sources).
    public var lastLine = 0

    /// An empty report.
    public init() {}

    /// The repairs.
    public var repairs: [Entry] { entries.filter { $0.kind == .repair } }
    /// The warnings.
    public var warnings: [Entry] { entries.filter { $0.kind == .warning } }
    /// The skips.
    public var skips: [Entry] { entries.filter { $0.kind == .skipped } }

    /// `481 lines: 420 used, 30 repaired, 2 skipped, 29 blank` (`rows`, `paragraphs and rows` by source).
    public func accounting(unit: String) -> String {
        "\(used + repaired + skipped + blank) \(unit): \(used) used, \(repaired) repaired, \(skipped) skipped, "
            + "\(blank) blank"
    }

    /// Two reports are equal when their accounting and the columns each table was read with are the same.
    public static func == (a: ImportReport, b: ImportReport) -> Bool {
        a.entries == b.entries && a.tables == b.tables && a.used == b.used && a.repaired == b.repaired
            && a.skipped == b.skipped && a.blank == b.blank
            && a.statusWords.map(\.word) == b.statusWords.map(\.word)
    }

    /// Hashes what `==` compares.
    public func hash(into h: inout Hasher) {
        h.combine(entries)
        h.combine(used)
        h.combine(skipped)
    }

    mutating func repair(_ at: SourceLocation, _ message: String) {
        entries.append(Entry(location: at, kind: .repair, message: message))
    }

    mutating func warn(_ at: SourceLocation, _ message: String) {
        entries.append(Entry(location: at, kind: .warning, message: message))
    }

    mutating func skip(_ at: SourceLocation, _ message: String) {
        entries.append(Entry(location: at, kind: .skipped, message: message))
    }
}
