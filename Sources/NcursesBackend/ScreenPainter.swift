import ActionPlanTUI
import CNcursesw
import Foundation

/// Copies a ``Grid`` into a curses window, redrawing only the rows that changed.
///
/// The grid's layout (by ``DisplayWidth``) is the truth. Where the C library's
/// `wcwidth` disagrees about a character, or the locale cannot show it, the
/// painter draws a substitute of the same width instead, so the columns after it
/// stay where the screen put them.
final class ScreenPainter {
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: ColorPalette
    private var previous: Grid?
    private let maxChars = Int(cn_ccharw_max())

    init(window: UnsafeMutablePointer<WINDOW>, palette: ColorPalette) {
        self.window = window
        self.palette = palette
    }

    /// Forgets what is on screen so the next ``paint(_:rows:columns:)`` redraws everything (after a resize).
    func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// Shows `grid` on a `rows` × `columns` screen; areas the grid does not cover are cleared.
    func paint(_ grid: Grid, rows: Int, columns: Int) {
        guard rows > 0, columns > 0 else { return }
        if let previous, previous == grid { return }
        let comparable = previous.map { $0.width == grid.width && $0.height == grid.height } ?? false
        for y in 0..<rows {
            if comparable, y < grid.height, rowEqual(grid, previous!, y) { continue }
            if comparable, y >= grid.height { continue }
            paintRow(y, of: grid, columns: columns)
        }
        previous = grid
        wnoutrefresh(window)
        doupdate()
    }

    private func rowEqual(_ a: Grid, _ b: Grid, _ y: Int) -> Bool {
        let range = (y * a.width)..<((y + 1) * a.width)
        return a.cells[range] == b.cells[range]
    }

    private func paintRow(_ y: Int, of grid: Grid, columns: Int) {
        var x = 0
        while x < columns {
            guard y < grid.height, x < grid.width else {
                put([0x20], style: .plain, y: y, x: x)
                x += 1
                continue
            }
            let cell = grid.cells[y * grid.width + x]
            if cell.isContinuation {  // orphan: its first half was not drawn
                put([0x20], style: cell.style, y: y, x: x)
                x += 1
                continue
            }
            let wide = x + 1 < grid.width && grid.cells[y * grid.width + x + 1].isContinuation
            if wide && x + 1 >= columns {  // the grid is wider than the screen
                put([0x20], style: cell.style, y: y, x: x)
                x += 1
                continue
            }
            let span = wide ? 2 : 1
            if let chars = terminalChars(cell.text, columns: span) {
                put(chars, style: cell.style, y: y, x: x)
            } else if wide, let base = cell.text.unicodeScalars.first, cn_wcwidth(wchar_t(base.value)) == 1 {
                // e.g. U+2764 U+FE0F: two columns for us, one for libc; draw text style plus a space.
                put([wchar_t(base.value)], style: cell.style, y: y, x: x)
                put([0x20], style: cell.style, y: y, x: x + 1)
            } else {
                for i in 0..<span { put([0x3F], style: cell.style, y: y, x: x + i) }  // "?"
            }
            x += span
        }
    }

    /// The wide characters for one cell (base plus combining marks), or nil if libc disagrees on its width.
    private func terminalChars(_ text: String, columns: Int) -> [wchar_t]? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return nil }
        if base.value < 0x80 {
            guard columns == 1, base.value >= 0x20, base.value != 0x7F else { return nil }
        } else if cn_wcwidth(wchar_t(base.value)) != columns {
            return nil
        }
        var chars = [wchar_t(base.value)]
        while let next = scalars.next(), chars.count < maxChars {
            if next.value == 0x200D { break }  // ZWJ: keep the first emoji of a sequence only
            let mark: Bool
            switch next.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: mark = true
            default: mark = next.properties.isVariationSelector
            }
            if mark && cn_wcwidth(wchar_t(next.value)) == 0 { chars.append(wchar_t(next.value)) }
        }
        return chars
    }

    private func put(_ chars: [wchar_t], style: Style, y: Int, x: Int) {
        let (attr, pair) = palette.attributes(for: style)
        var cc = cchar_t()
        var terminated = chars
        terminated.append(0)
        _ = terminated.withUnsafeBufferPointer { setcchar(&cc, $0.baseAddress, attr, pair, nil) }
        // Writing the bottom-right cell returns ERR (the cursor cannot advance) but stores the character.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }
}
