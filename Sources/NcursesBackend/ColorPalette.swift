import ActionPlanTUI
import CNcursesw

/// Turns a ``Style`` into curses attributes and a colour pair, allocating pairs as styles appear.
///
/// Pairs are created lazily and cached, never beyond the terminal's `COLOR_PAIRS`.
/// Without colour (NO_COLOR, `--no-color`, a monochrome terminal, or pairs
/// exhausted) a style with a background colour is drawn in bold reverse video so
/// badges still stand out.
final class ColorPalette {
    private let colorEnabled: Bool
    private let colors: Int
    private let maxPair: Int
    private let defaultColorsWork: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair = 1
    private var cache: [Style: (attr_t, Int16)] = [:]

    private struct PairKey: Hashable {
        var fg: Int
        var bg: Int
    }

    /// Starts colour on the current screen when `color` is requested and the terminal has it.
    init(color: Bool) {
        if color, has_colors() {
            start_color()
            defaultColorsWork = use_default_colors() == OK
            colors = Int(cn_colors())
            // Pair numbers are passed to setcchar as a C short.
            maxPair = min(Int(cn_color_pairs()) - 1, Int(Int16.max))
            colorEnabled = colors >= 8 && maxPair >= 1
        } else {
            colorEnabled = false
            defaultColorsWork = false
            colors = 0
            maxPair = 0
        }
    }

    /// The attributes and colour pair to pass to `setcchar` for `style`.
    func attributes(for style: Style) -> (attr: attr_t, pair: Int16) {
        if let hit = cache[style] { return hit }
        var result = colorEnabled ? colored(style) : nil
        if result == nil { result = (monochrome(style), 0) }
        cache[style] = result!
        return result!
    }

    private func flags(_ style: Style) -> attr_t {
        var attr = cn_a_normal()
        if style.bold { attr |= cn_a_bold() }
        if style.underline { attr |= cn_a_underline() }
        if style.dim { attr |= cn_a_dim() }
        return attr
    }

    private func monochrome(_ style: Style) -> attr_t {
        let badge = style.bg != .default
        var attr = flags(style)
        if style.reverse != badge { attr |= cn_a_reverse() }
        if badge { attr |= cn_a_bold() }
        return attr
    }

    private func colored(_ style: Style) -> (attr_t, Int16)? {
        var attr = flags(style)
        if style.reverse { attr |= cn_a_reverse() }
        var fg = style.fg.paletteIndex(colors: colors)
        var bg = style.bg.paletteIndex(colors: colors)
        if fg < 0 && bg < 0 { return (attr, 0) }
        if !defaultColorsWork {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        let key = PairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return (attr, pair) }
        guard nextPair <= maxPair, init_pair(Int16(nextPair), Int16(fg), Int16(bg)) == OK else { return nil }
        let pair = Int16(nextPair)
        nextPair += 1
        pairs[key] = pair
        return (attr, pair)
    }
}
