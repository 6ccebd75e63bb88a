import ActionPlanCore

/// The bytes of any export the core lays out, a zip package (`.xlsx`, `.docx`) included: the one entry
/// point the CLI's `actionplan export` and the terminal UI's `x` share, so they never disagree.
///
/// Like ``ZipPackage`` it takes a plan and returns bytes; writing them (atomically, through
/// `PlanStore.writeAtomically`) is the caller's. PDF is not here: it is the HTML report printed by a
/// browser, which only the CLI starts.
extension Exporter {
    /// `plan` exported in `format` as at `asOf`, produced on `produced`, compared with snapshot `since`
    /// (or the latest before `asOf`): `Exporter.render` for a format of bytes, the parts zipped by
    /// ``ZipPackage/archive(_:dated:)`` (every entry dated `produced`) for a package.
    public static func bytes(
        _ plan: Plan, format: ExportFormat, asOf: CalendarDay, produced: CalendarDay, since: String? = nil
    ) throws -> [UInt8] {
        guard format.isPackage else {
            return try render(plan, format: format, asOf: asOf, produced: produced, since: since)
        }
        let parts = try parts(plan, format: format, asOf: asOf, produced: produced, since: since)
        return try ZipPackage.archive(parts, dated: produced)
    }
}
