/// A terminal colour: the terminal's default, one of the eight ANSI colours, or a 256-colour index.
///
/// Screens name colours by meaning elsewhere; this type only says what the terminal
/// is asked to show. The backend turns it into a palette index with
/// ``paletteIndex(colors:)``, which also degrades 256-colour values on 8-colour terminals.
public enum TermColor: Hashable, Sendable {
    case `default`
    case black
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white
    /// An xterm-256 palette index: 0–7 ANSI, 8–15 bright, 16–231 colour cube, 232–255 greys.
    case indexed(UInt8)

    /// Bright black, the usual colour for hints and secondary text.
    public static let grey = TermColor.indexed(8)

    /// The palette index to request from a terminal with `colors` colours; -1 means the default colour.
    ///
    /// Indexed colours that the terminal lacks are mapped to the nearest of the
    /// eight ANSI colours, so a 256-colour style still reads on an 8-colour terminal.
    public func paletteIndex(colors: Int) -> Int {
        switch self {
        case .default: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .indexed(let value):
            let index = Int(value)
            if index < colors { return index }
            return colors >= 8 ? Self.nearestANSI(index) : -1
        }
    }

    /// The ANSI colour (0–7) closest to xterm-256 palette entry `index`.
    static func nearestANSI(_ index: Int) -> Int {
        switch index {
        case 0..<8: return index
        case 8: return 0  // bright black reads as black-ish; white text would be worse
        case 9..<16: return index - 8
        case 16..<232:
            let cube = index - 16
            let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
            return rgbToANSI(r: r * 51, g: g * 51, b: b * 51)
        default:
            let level = 8 + (index - 232) * 10
            return level < 128 ? 0 : 7
        }
    }

    /// Thresholds each channel at half intensity: bit 0 red, bit 1 green, bit 2 blue (ANSI order).
    private static func rgbToANSI(r: Int, g: Int, b: Int) -> Int {
        let maxChannel = max(r, g, b)
        if maxChannel < 64 { return 0 }
        let cut = maxChannel / 2
        return (r > cut ? 1 : 0) | (g > cut ? 2 : 0) | (b > cut ? 4 : 0)
    }
}
