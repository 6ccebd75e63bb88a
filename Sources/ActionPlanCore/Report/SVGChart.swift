import Foundation

/// Inline SVG charts for the HTML report: no scripts, no fonts or images fetched, and readable in black and
/// white — each rating's segment carries its letter and a pattern of its own (Blue dotted, Green plain, Amber
/// hatched, Red cross-hatched), overdue is a black tick with a count. Every chart has a text alternative
/// (`role="img"`, `aria-label`, `<title>`); the HTML prints the same numbers in a table beside it.
enum SVGChart {
    /// The patterns every chart refers to, written once at the top of the report's body.
    static let patternDefinitions = """
        <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
        <pattern id="pB" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#8fb4e3"/><circle cx="2" cy="2" r="0.8" fill="#000"/></pattern>
        <pattern id="pG" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#a8d08d"/></pattern>
        <pattern id="pA" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffd966"/><line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="0.8"/></pattern>
        <pattern id="pR" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f19c99"/><line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="0.8"/><line x1="0" y1="0" x2="5" y2="0" stroke="#000" stroke-width="0.8"/></pattern>
        <pattern id="pN" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#fff"/></pattern>
        </defs></svg>

        """

    /// One segment's letter and pattern id, by rating (nil: unrated).
    static func style(_ r: Rating?) -> (letter: String, pattern: String) {
        switch r {
        case .blue?: return ("B", "pB")
        case .green?: return ("G", "pG")
        case .amber?: return ("A", "pA")
        case .red?: return ("R", "pR")
        case nil: return ("·", "pN")
        }
    }

    /// A number for an SVG attribute: at most one decimal.
    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Horizontal 100% stacked bars, one per `bars` row: Blue, Green, Amber, Red, unrated left to right, each
    /// segment lettered when wide enough; `⚑ n overdue` at the right end when any are overdue.
    static func stackedBars(_ bars: [ReportCharts.Bar], label: String, _ h: inout HTMLBuffer) {
        let labelWidth = 150.0
        let barWidth = 420.0
        let rowHeight = 18.0
        let height = Double(bars.count) * rowHeight + 16
        svgOpen(width: 660, height: height, label: label, &h)
        for (i, b) in bars.enumerated() {
            let y = Double(i) * rowHeight
            h.raw("<text x=\"0\" y=\"\(n(y + 12))\" font-size=\"9\">")
            h.text(truncated(b.label, 30))
            h.raw("</text>\n")
            var x = labelWidth
            let c = b.counts
            for (rating, count) in [
                (Rating?.some(.blue), c.blue), (.green, c.green), (.amber, c.amber), (.red, c.red), (nil, c.unrated),
            ]
            where count > 0 {
                let w = c.total == 0 ? 0 : barWidth * Double(count) / Double(c.total)
                let s = style(rating)
                h.raw(
                    "<rect x=\"\(n(x))\" y=\"\(n(y + 2))\" width=\"\(n(w))\" height=\"\(n(rowHeight - 4))\" "
                        + "fill=\"url(#\(s.pattern))\" stroke=\"#000\" stroke-width=\"0.5\"/>\n")
                if w >= 18 {
                    h.raw(
                        "<text x=\"\(n(x + w / 2))\" y=\"\(n(y + 12.5))\" font-size=\"8.5\" font-weight=\"bold\" "
                            + "text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"2.5\">"
                            + "\(s.letter) \(count)</text>\n")
                }
                x += w
            }
            if c.overdue > 0 {
                h.raw(
                    "<text x=\"\(n(labelWidth + barWidth + 6))\" y=\"\(n(y + 12))\" font-size=\"8.5\">"
                        + "⚑ \(c.overdue) overdue</text>\n")
            }
        }
        let axisY = Double(bars.count) * rowHeight + 10
        for p in [0, 50, 100] {
            h.raw(
                "<text x=\"\(n(labelWidth + barWidth * Double(p) / 100))\" y=\"\(n(axisY))\" font-size=\"7\" "
                    + "text-anchor=\"middle\">\(p)%</text>\n")
        }
        h.raw("</svg>\n")
    }

    /// Horizontal bars of `counts` (label, count), each labelled with its count; bars patterned darker as
    /// they get later.
    static func countBars(_ counts: [(label: String, count: Int)], label: String, _ h: inout HTMLBuffer) {
        let labelWidth = 170.0
        let barWidth = 380.0
        let rowHeight = 18.0
        let most = max(1, counts.map(\.count).max() ?? 1)
        svgOpen(width: 660, height: Double(counts.count) * rowHeight + 4, label: label, &h)
        let fills = ["url(#pA)", "url(#pR)", "#333"]
        for (i, c) in counts.enumerated() {
            let y = Double(i) * rowHeight
            let w = barWidth * Double(c.count) / Double(most)
            h.raw("<text x=\"0\" y=\"\(n(y + 12))\" font-size=\"9\">")
            h.text(c.label)
            h.raw("</text>\n")
            h.raw(
                "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 2))\" width=\"\(n(w))\" height=\"\(n(rowHeight - 4))\" "
                    + "fill=\"\(fills[min(i, 2)])\" stroke=\"#000\" stroke-width=\"0.5\"/>\n")
            h.raw("<text x=\"\(n(labelWidth + w + 4))\" y=\"\(n(y + 12))\" font-size=\"9\">\(c.count)</text>\n")
        }
        h.raw("</svg>\n")
    }

    /// A small line chart of a measure's figures with its target as a dashed line, every point labelled.
    static func trend(_ t: ReportCharts.Trend, _ h: inout HTMLBuffer) {
        let s = t.status
        let values = s.figures.map(\.value.number)
        let all = values + [s.target?.number].compactMap { $0 }
        let lo = all.min() ?? 0
        let hi = all.max() ?? 1
        let span = hi == lo ? 1 : hi - lo
        let (w, ht, left, top, plotW, plotH) = (200.0, 96.0, 8.0, 14.0, 184.0, 56.0)
        let x = { (i: Int) in left + (values.count == 1 ? plotW / 2 : plotW * Double(i) / Double(values.count - 1)) }
        let y = { (v: Double) in top + plotH - plotH * (v - lo) / span }
        var alt =
            "\(t.title): " + s.figures.map { "\($0.observation.period) \(s.show($0.value))" }.joined(separator: ", ")
        if let target = s.target { alt += "; target \(s.show(target)), \(s.targetStatus.rawValue)" }
        svgOpen(width: w, height: ht, label: alt, &h)
        if let target = s.target {
            h.raw(
                "<line x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(y(target.number)))\" "
                    + "y2=\"\(n(y(target.number)))\" stroke=\"#000\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\"/>\n")
            h.raw(
                "<text x=\"\(n(left + plotW))\" y=\"\(n(y(target.number) - 2))\" font-size=\"7\" text-anchor=\"end\">"
                    + "target \(escape(s.show(target)))</text>\n")
        }
        let points = values.indices.map { "\(n(x($0))),\(n(y(values[$0])))" }.joined(separator: " ")
        h.raw("<polyline points=\"\(points)\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.4\"/>\n")
        for (i, f) in s.figures.enumerated() {
            h.raw("<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(values[i])))\" r=\"2\" fill=\"#000\"/>\n")
            let anchor = i == 0 ? "start" : i == values.count - 1 ? "end" : "middle"
            h.raw(
                "<text x=\"\(n(x(i)))\" y=\"\(n(y(values[i]) - 4))\" font-size=\"7\" text-anchor=\"\(anchor)\">"
                    + "\(escape(s.show(f.value)))</text>\n")
            h.raw("<text x=\"\(n(x(i)))\" y=\"\(n(ht - 12))\" font-size=\"7\" text-anchor=\"\(anchor)\">")
            h.text(truncated(f.observation.period, 10))
            h.raw("</text>\n")
        }
        h.raw("<text x=\"0\" y=\"\(n(ht - 2))\" font-size=\"7.5\">")
        h.text(truncated(t.id + " " + t.title, 48))
        h.raw("</text>\n</svg>\n")
    }

    private static func svgOpen(width: Double, height: Double, label: String, _ h: inout HTMLBuffer) {
        h.raw("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" ")
        h.raw("height=\"\(n(height))\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" aria-label=\"")
        h.text(label)
        h.raw("\"><title>")
        h.text(label)
        h.raw("</title>\n")
    }

    private static func truncated(_ s: String, _ count: Int) -> String {
        let t = ReportText.singleLine(s)
        return t.count <= count ? t : String(t.prefix(count - 1)) + "…"
    }

    private static func escape(_ s: String) -> String {
        var b = HTMLBuffer(capacity: s.utf8.count)
        b.text(s)
        return String(decoding: b.bytes, as: UTF8.self)
    }
}
