import ActionPlanCore

/// Files recognised by their first bytes as formats the reader does not read, each refused with what to do.
///
/// An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`) is either a Word 97–2003 or
/// Excel 97–2003 file (.doc, .xls) or an encrypted .docx/.xlsx (Office wraps a
/// password-protected file in one); the stream names inside (UTF-16 in its
/// directory) tell which. PDF and RTF are named too, rather than read as text.
enum UnreadableFormats {
    /// The OLE compound file signature.
    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The error for `bytes` named `file` when they are a format refused here, else nil.
    static func refusal(_ bytes: [UInt8], file: String) -> PlanError? {
        let message: String
        if bytes.starts(with: ole) {
            if contains(bytes, utf16: "EncryptionInfo") {
                message =
                    "is password-protected (an encrypted Office file); open it in Word or Excel, remove the "
                    + "password (File > Info > Protect) and save it again as .docx or .xlsx"
            } else if contains(bytes, utf16: "WordDocument") {
                message = "is saved in the old Word 97–2003 format (.doc); open it in Word and save it as .docx"
            } else if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book") {
                message = "is saved in the old Excel 97–2003 format (.xls); open it in Excel and save it as .xlsx"
            } else {
                message =
                    "is an old-format Office file (an OLE compound file, as Word and Excel 97–2003 saved); "
                    + "save it as .docx or .xlsx"
            }
        } else if bytes.starts(with: Array("%PDF-".utf8)) {
            message =
                "is a PDF; copy its text (select all, copy) into a .txt file, or import the Word or Excel "
                + "document it was made from"
        } else if bytes.starts(with: Array("{\\rtf".utf8)) {
            message = "is an RTF document; open it in Word and save it as .docx"
        } else {
            return nil
        }
        return PlanError(.invalidSource, file: file, message: message)
    }

    /// Whether `bytes` hold `name` in UTF-16 LE (as an OLE directory stores stream names).
    static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        XMLPart.contains(bytes, name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }
}
