/// The version of actionplan: what `actionplan --version`, `-V` and `actionplan version` print, and what
/// the Word and Excel exports record as the application that wrote them. README.md quotes it
/// (`CommandLineVersionTests` checks that the two agree).
public enum ProgramVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.11.0"
}
