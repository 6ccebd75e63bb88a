import ActionPlanCore

/// A width × height block of styled terminal cells that a screen draws into.
///
/// Screens never talk to the terminal: they render a `Grid`, the backend copies it
/// to curses, and tests snapshot it with ``lines()`` and ``styleLines(_:)``.
/// Text is placed by display width (``DisplayWidth``), so CJK and emoji take two
/// columns and combining marks none. Every operation clips: any coordinates,
/// widths and grid sizes (including negative ones and 0 × 0) are safe.
///
/// Invariant: a continuation cell always follows the first cell of a wide
/// character; overwriting either half turns the other half into a space.
public struct Grid: Hashable, Sendable {
    /// Number of columns (never negative).
    public let width: Int
    /// Number of rows (never negative).
    public let height: Int
    /// The cells, row by row (`cells[y * width + x]`).
    public private(set) var cells: [Cell]

    /// Creates a grid of blank cells; negative sizes become 0.
    public init(width: Int, height: Int) {
        let w = max(0, width)
        let h = max(0, height)
        // An absurd size from a caller must not overflow the multiplication below.
        let (count, overflow) = w.multipliedReportingOverflow(by: h)
        precondition(!overflow, "Grid size \(width)x\(height) is too large")
        self.width = w
        self.height = h
        self.cells = Array(repeating: .blank, count: count)
    }

    /// The cell at column `x`, row `y`, or nil outside the grid.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    // MARK: - Drawing

    /// Writes `text` starting at column `x` of row `y` and returns how many columns it advanced.
    ///
    /// Graphemes are laid out by display width. Drawing is clipped to the grid and
    /// to `maxWidth` columns from `x`; the return value is clipped only by
    /// `maxWidth`, so `x += grid.put(...)` lays out text even where it is
    /// off-screen. A wide character that would straddle an edge becomes a space.
    /// Zero-width graphemes attach to the previous grapheme written by this call
    /// (and are dropped if there is none). Control characters are stored as `?`:
    /// callers must pass plan text through ``TerminalSafe/escape(_:singleLine:)``,
    /// this is only the last line of defence.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { max(0, $0) } ?? Int.max
        let rowVisible = y >= 0 && y < height
        var used = 0
        var lastPlaced: Int? = nil  // column of the last real grapheme this call placed
        for character in text {
            var grapheme = String(character)
            var columns = DisplayWidth.of(character)
            if character.unicodeScalars.contains(where: TerminalSafe.isControl) {
                grapheme = "?"
                columns = 1
            }
            if columns == 0 {
                if rowVisible, let col = lastPlaced { cells[y * width + col].text += grapheme }
                continue
            }
            guard used < limit else { break }
            let (col, overflow) = x.addingReportingOverflow(used)
            if overflow { break }
            if columns > limit - used {
                // A wide character that does not fit before maxWidth: pad the last column.
                if rowVisible, col >= 0, col < width { placeNarrow(.space(style), col: col, row: y) }
                used += 1
                break
            }
            lastPlaced = nil
            if rowVisible {
                if columns == 1 {
                    if col >= 0, col < width {
                        placeNarrow(Cell(text: grapheme, style: style), col: col, row: y)
                        lastPlaced = col
                    }
                } else if col >= 0, col < width - 1 {
                    placeWide(Cell(text: grapheme, style: style), col: col, row: y)
                    lastPlaced = col
                } else if col >= 0, col == width - 1 {
                    placeNarrow(.space(style), col: col, row: y)  // straddles the right edge
                } else if col == -1, width > 0 {
                    placeNarrow(.space(style), col: 0, row: y)  // straddles the left edge
                }
            }
            used += columns
        }
        return used
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`; by default clears it to spaces.
    ///
    /// `character` should be one column wide; anything else is drawn as a space.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let narrow =
            DisplayWidth.of(character) == 1 && !character.unicodeScalars.contains(where: TerminalSafe.isControl)
        let cell = Cell(text: narrow ? String(character) : " ", style: style)
        for row in rect.rows(within: height) {
            for col in rect.columns(within: width) { placeNarrow(cell, col: col, row: row) }
        }
    }

    /// Clears the whole of row `y` to spaces in `style` (a selection bar or status line background).
    public mutating func fill(row y: Int, style: Style = .plain) {
        fill(Rect(x: 0, y: y, width: width, height: 1), style: style)
    }

    /// Clears the whole grid to spaces in `style`.
    public mutating func clear(style: Style = .plain) {
        fill(Rect(x: 0, y: 0, width: width, height: height), style: style)
    }

    /// Changes the style of the cells in `rect` without touching their text, for example to highlight a row.
    ///
    /// A wide character half inside `rect` is restyled whole, so both halves match.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in rect.rows(within: height) {
            var cols = rect.columns(within: width)
            guard !cols.isEmpty else { continue }
            let base = row * width
            if cells[base + cols.lowerBound].isContinuation { cols = (cols.lowerBound - 1)..<cols.upperBound }
            if cols.upperBound < width, cells[base + cols.upperBound].isContinuation {
                cols = cols.lowerBound..<(cols.upperBound + 1)
            }
            for col in cols { change(&cells[base + col].style) }
        }
    }

    /// Copies `other` onto this grid with its top-left corner at (`x`, `y`), clipping at the edges (for pop-ups).
    public mutating func draw(_ other: Grid, x: Int, y: Int) {
        for sourceRow in 0..<other.height {
            let (row, rowOverflow) = y.addingReportingOverflow(sourceRow)
            guard !rowOverflow, row >= 0, row < height else { continue }
            var sourceCol = 0
            while sourceCol < other.width {
                let cell = other.cells[sourceRow * other.width + sourceCol]
                let (col, colOverflow) = x.addingReportingOverflow(sourceCol)
                if colOverflow { break }
                let wide =
                    sourceCol + 1 < other.width && other.cells[sourceRow * other.width + sourceCol + 1].isContinuation
                if wide {
                    if col >= 0, col < width - 1 {
                        placeWide(cell, col: col, row: row)
                    } else if col >= 0, col == width - 1 {
                        placeNarrow(.space(cell.style), col: col, row: row)
                    } else if col == -1, width > 0 {
                        placeNarrow(.space(cell.style), col: 0, row: row)
                    }
                    sourceCol += 2
                } else {
                    if col >= 0, col < width {
                        placeNarrow(cell.isContinuation ? .space(cell.style) : cell, col: col, row: row)
                    }
                    sourceCol += 1
                }
            }
        }
    }

    // MARK: - Snapshots

    /// The text of each row, exactly `width` columns wide (continuation cells skipped, trailing spaces kept).
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for cell in cells[(row * width)..<((row + 1) * width)] where !cell.isContinuation {
                line += cell.text
            }
            return line
        }
    }

    /// A parallel style layer: one ASCII character per column (continuations included), by default ``Style/legendCode``.
    ///
    /// Tests compare ``lines()`` and `styleLines()` as text to check both content
    /// and styling of a screen; see ``Style/legendCode`` for the legend.
    public func styleLines(_ code: (Style) -> Character = { $0.legendCode }) -> [String] {
        (0..<height).map { row in
            String(cells[(row * width)..<((row + 1) * width)].map { code($0.style) })
        }
    }

    // MARK: - Cell placement keeping the wide-character invariant

    /// Turns into a space whatever wide character would be cut in half by overwriting `col`.
    private mutating func releaseWide(col: Int, row: Int) {
        let index = row * width + col
        if cells[index].isContinuation, col > 0 {
            cells[index - 1] = .space(cells[index - 1].style)
        }
        if col + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = .space(cells[index + 1].style)
        }
    }

    /// Stores a one-column cell; `col` and `row` must be inside the grid.
    private mutating func placeNarrow(_ cell: Cell, col: Int, row: Int) {
        releaseWide(col: col, row: row)
        cells[row * width + col] = Cell(text: cell.text, style: cell.style)
    }

    /// Stores a two-column cell and its continuation; `col + 1` and `row` must be inside the grid.
    private mutating func placeWide(_ cell: Cell, col: Int, row: Int) {
        releaseWide(col: col, row: row)
        releaseWide(col: col + 1, row: row)
        cells[row * width + col] = Cell(text: cell.text, style: cell.style)
        cells[row * width + col + 1] = Cell(text: "", style: cell.style, isContinuation: true)
    }
}
