/// The exceptions: Red, Amber and overdue actions, by theme and then by lead, worst first within each lead
/// (``StatusReport/bySeverity(_:)``).
extension StatusReport {
    /// Why an action is an exception.
    public enum ExceptionReason: String, Hashable, Sendable {
        /// Rated Red.
        case red
        /// Rated Amber.
        case amber
        /// Overdue and not rated Green (unrated, Amber or Red).
        case overdue
        /// Rated Green although it is overdue: the rating should have moved.
        case greenButOverdue

        /// `Red`, `Amber`, `Overdue`, `Green but overdue`.
        public var label: String {
            switch self {
            case .red: return "Red"
            case .amber: return "Amber"
            case .overdue: return "Overdue"
            case .greenButOverdue: return "Green but overdue"
            }
        }
    }

    /// One exception: an action that is Red, Amber or overdue.
    public struct ExceptionItem: Hashable, Sendable {
        /// The action's ID.
        public var id: String
        /// Its text.
        public var text: String
        /// Its leads' names (in the action's order).
        public var leadNames: [String]
        /// Its rating.
        public var rating: Rating?
        /// Why it is an exception.
        public var reasons: [ExceptionReason]
        /// The date of delivery as first written.
        public var originalDelivery: String
        /// Its deadline.
        public var originalDeadline: CalendarDay?
        /// The latest revised date as written, or nil when never revised.
        public var revisedDelivery: String?
        /// The revised date's deadline.
        public var revisedDeadline: CalendarDay?
        /// Days late, or nil when not overdue.
        public var daysLate: Int?
        /// The latest rating note or progress note, or nil.
        public var latestNote: String?
        /// The latest note's day.
        public var latestNoteDate: CalendarDay?
        /// The status as written (`At risk`), or empty.
        public var status: String = ""
        /// The action's named fields of its own (`Success measure`…).
        public var fields: [ActionField] = []
    }

    /// The exceptions of one lead (or set of joint leads) within a theme.
    public struct ExceptionLead: Hashable, Sendable {
        /// The leads' names joined by `, `, or `No lead named`.
        public var lead: String
        /// The actions, in plan order.
        public var items: [ExceptionItem]
    }

    /// The exceptions of one theme, by lead.
    public struct ExceptionTheme: Hashable, Sendable {
        /// The theme's number.
        public var number: Int
        /// The theme's title.
        public var title: String
        /// Lead groups in alphabetical order of the lead.
        public var leads: [ExceptionLead]
    }

    /// Fills `exceptions`: the Red, Amber and overdue actions of each theme, grouped by lead.
    mutating func computeExceptions() {
        for t in plan.themes {
            var byLead: [String: [ExceptionItem]] = [:]
            for a in t.actions {
                let late = a.daysOverdue(asOf: asOf)
                var reasons: [ExceptionReason] = []
                if a.rating == .red { reasons.append(.red) }
                if a.rating == .amber { reasons.append(.amber) }
                if late != nil { reasons.append(a.rating == .green ? .greenButOverdue : .overdue) }
                if reasons.isEmpty { continue }
                let names = leadNames(of: a)
                let revised = a.revisions.last
                let item = ExceptionItem(
                    id: a.id, text: a.text, leadNames: names, rating: a.rating, reasons: reasons,
                    originalDelivery: a.deliveryDate, originalDeadline: a.originalDelivery.deadline,
                    revisedDelivery: revised?.date,
                    revisedDeadline: revised != nil ? a.deadline : nil,
                    daysLate: late, latestNote: a.latestNote?.text, latestNoteDate: a.latestNote?.date,
                    status: a.status, fields: a.fields)
                byLead[names.isEmpty ? "No lead named" : names.joined(separator: ", "), default: []].append(item)
            }
            if byLead.isEmpty { continue }
            let leads = byLead.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
                .map { ExceptionLead(lead: $0, items: StatusReport.bySeverity(byLead[$0]!)) }
            exceptions.append(ExceptionTheme(number: t.number, title: t.title, leads: leads))
        }
    }

    /// `items` worst first: Red, then Amber, then Green but overdue, then overdue and unrated; the most overdue
    /// first within each; plan order between equals.
    static func bySeverity(_ items: [ExceptionItem]) -> [ExceptionItem] {
        func rank(_ i: ExceptionItem) -> Int {
            switch i.rating {
            case .red?: return 0
            case .amber?: return 1
            case .green?: return 2
            default: return 3
            }
        }
        return items.enumerated().sorted {
            (rank($0.element), -($0.element.daysLate ?? -1), $0.offset)
                < (rank($1.element), -($1.element.daysLate ?? -1), $1.offset)
        }.map(\.element)
    }

    /// How many exceptions there are in all.
    public var exceptionCount: Int { exceptions.reduce(0) { $0 + $1.leads.reduce(0) { $0 + $1.items.count } } }
}
