/// Rows of a CSV (RFC 4180) or TSV file, each with the line it starts on.
///
/// Quoted fields may hold separators, doubled quotes and line breaks; an
/// unbalanced quote is an error naming the line where the field began.
public struct DelimitedTable: Sendable {
    /// The records with their 1-based starting line.
    public var records: [(line: Int, fields: [String])] = []

    /// Parses `lines` (already cleaned) separated by `separator`; blank lines are skipped unless
    /// `keepingBlankLines`, when each is a record of its one (blank) field.
    public init(lines: [String], separator: Unicode.Scalar, file: String, keepingBlankLines: Bool = false) throws {
        var i = 0
        while i < lines.count {
            let startLine = i + 1
            var fields: [String] = []
            var field = String.UnicodeScalarView()
            var inQuotes = false
            var quotedField = false
            var fieldStartLine = startLine
            var line = Array(lines[i].unicodeScalars)
            var j = 0
            while true {
                if j >= line.count {
                    if inQuotes {
                        i += 1
                        guard i < lines.count else {
                            throw PlanError(
                                .invalidSource,
                                file: file, line: fieldStartLine,
                                message:
                                    "unbalanced quote: the quoted field starting here never ends (expected a closing \")"
                            )
                        }
                        field.append("\n" as Unicode.Scalar)
                        line = Array(lines[i].unicodeScalars)
                        j = 0
                        continue
                    }
                    fields.append(String(field))
                    break
                }
                let c = line[j]
                if inQuotes {
                    if c == "\"" {
                        if j + 1 < line.count && line[j + 1] == "\"" {
                            field.append("\"" as Unicode.Scalar)
                            j += 2
                            continue
                        }
                        inQuotes = false
                    } else {
                        field.append(c)
                    }
                } else if c == "\"" && field.isEmpty && !quotedField {
                    inQuotes = true
                    quotedField = true
                    fieldStartLine = i + 1
                } else if c == separator {
                    fields.append(String(field))
                    field = String.UnicodeScalarView()
                    quotedField = false
                } else {
                    if quotedField && c != " " {
                        throw PlanError(
                            .invalidSource,
                            file: file, line: i + 1, column: j + 1,
                            message:
                                "text after a closing quote (expected \(separator == "\t" ? "a tab" : "'\(separator)'") or the end of the line)"
                        )
                    }
                    field.append(c)
                }
                j += 1
            }
            i += 1
            if !keepingBlankLines && fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty {
                continue
            }
            records.append((startLine, fields))
        }
    }
}
