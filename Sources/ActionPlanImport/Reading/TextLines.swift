import ActionPlanCore

/// The lines of a text-based source (text, CSV, TSV, Markdown): its bytes decoded, then cleaned by `SourceText`.
///
/// This is the one decoder every text-based reader uses. Councils' files come as
/// UTF-8 with or without a byte-order mark, as UTF-16 (Excel's "Unicode Text",
/// little- or big-endian, usually with a byte-order mark), and as Windows-1252
/// (older Windows programs). The order of the checks:
///
/// 1. A byte-order mark decides: EF BB BF is UTF-8 (then the rest must be valid
///    UTF-8), FF FE is UTF-16 LE, FE FF is UTF-16 BE (then it must be valid UTF-16).
/// 2. Without one, UTF-16 is recognised by its zero bytes (`UTF16Guess`).
/// 3. Valid UTF-8 is UTF-8.
/// 4. Anything else is Windows-1252, which gives every byte a character, with a
///    note saying so (a file in another 8-bit code page reads with a few wrong letters).
///
/// A NUL character in the decoded text is an error: the file is binary, not text.
struct TextLines {
    /// The cleaned lines; `lines[i]` is line `i + 1`.
    let lines: [String]
    /// The encoding found, as `SourceDocument.encoding` names it.
    let encoding: String
    /// What the report should say about the decoding (Windows-1252, UTF-16 without a byte-order mark).
    let notes: [SourceNote]

    /// Decodes and cleans `bytes`, the contents of `file`.
    init(bytes: [UInt8], file: String) throws {
        var notes: [SourceNote] = []
        let text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = bytes[3...]
            guard let t = String(validating: rest, as: UTF8.self) else {
                let line = Self.lineNumber(before: Self.firstInvalidUTF8(rest), in: rest)
                throw PlanError(
                    .invalidSource,
                    file: file, line: line,
                    message: "starts with a UTF-8 byte-order mark but is not valid UTF-8 text; "
                        + "save the source as UTF-8 and try again")
            }
            (text, encoding) = (t, "UTF-8 with byte-order mark")
        } else if let order = UTF16Guess.byteOrderMark(bytes) {
            text = try UTF16Guess.decode(bytes.dropFirst(2), order, file: file)
            encoding = order.name
        } else if let order = UTF16Guess.byPattern(bytes), let t = try? UTF16Guess.decode(bytes[...], order, file: file)
        {
            (text, encoding) = (t, order.name)
            notes.append(
                SourceNote(
                    message: "read as \(order.name): the file has no byte-order mark, but its zero bytes show it"))
        } else if let t = String(validating: bytes, as: UTF8.self) {
            (text, encoding) = (t, "UTF-8")
        } else {
            text = Windows1252.decode(bytes)
            encoding = "Windows-1252"
            let line = Self.lineNumber(before: Self.firstInvalidUTF8(bytes[...]), in: bytes[...])
            notes.append(
                SourceNote(
                    location: .line(line, ordinal: line - 1),
                    message: "decoded as Windows-1252: the file is not valid UTF-8 (first at line \(line)); "
                        + "check letters such as £, é and ’ in the import"))
        }
        let cleaned = SourceText(text: text).lines
        if let nul = cleaned.firstIndex(where: { $0.unicodeScalars.contains("\0") }) {
            throw SourceText.nulByteError(file: file, line: nul + 1)
        }
        self.lines = cleaned
        self.notes = notes
    }

    /// The offset in `bytes` of the first byte that is not part of valid UTF-8 (`bytes.endIndex` if none).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// The 1-based line holding `bytes[offset]`: line ends are LF, CR LF and CR, as `SourceText` splits them.
    static func lineNumber(before offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var i = bytes.startIndex
        while i < min(offset, bytes.endIndex) {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.endIndex || bytes[i + 1] != 0x0A)) {
                line += 1
            }
            i += 1
        }
        return line
    }
}
