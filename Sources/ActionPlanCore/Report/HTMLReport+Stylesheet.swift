/// The page furniture of the HTML report: the running footer's text and the print-first stylesheet.
extension HTMLReport {
    /// The title for the running footer, cut to 110 characters so it fits on one line of A4.
    static func footerTitle(_ title: String) -> String {
        let t = ReportText.singleLine(title)
        return t.count <= 110 ? t : String(t.prefix(109)) + "…"
    }

    /// `s` as the inside of a CSS string: every character but letters, digits and spaces as a hex escape,
    /// so no plan text can end the string, the rule or the `<style>` element.
    static func cssString(_ s: String) -> String {
        var out = ""
        for u in ReportText.singleLine(s).unicodeScalars {
            let v = u.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x20 {
                out.unicodeScalars.append(u)
            } else {
                out += "\\" + String(v, radix: 16) + " "
            }
        }
        return out
    }

    /// The print-first stylesheet (A4 portrait).
    static let stylesheet = """
        @page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
        @page {
          @bottom-left { font: 7pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #444;
            vertical-align: top; padding-top: 3mm; }
          @bottom-right { font: 7pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #444;
            vertical-align: top; padding-top: 3mm; white-space: nowrap; }
        }
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        html { font: 8.5pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, "WenQuanYi Micro Hei", sans-serif;
          color: #111; background: #fff; }
        body { margin: 0 auto; max-width: 190mm; padding: 4mm; }
        @media print { body { max-width: none; padding: 0; } }
        h1 { font-size: 17pt; margin: 2mm 0 2mm; line-height: 1.2; }
        h2 { font-size: 13pt; margin: 0 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #222; }
        h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
        h4 { font-size: 9pt; margin: 2mm 0 1mm; }
        h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 2mm; }
        ul { margin: 0 0 2mm; padding-left: 5mm; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
        .newpage { break-before: page; page-break-before: always; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #444; margin: 0; }
        .org { font-size: 11pt; margin-bottom: 3mm; }
        .lede { font-size: 9.5pt; }
        .attention { font-size: 10pt; border-left: 2pt solid #000; padding-left: 2mm; }
        .note { font-size: 7.5pt; color: #333; }
        .none { font-style: italic; color: #333; }
        .cover { margin-bottom: 5mm; }
        section { margin-bottom: 5mm; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 3mm; }
        thead { display: table-header-group; }
        tr, th, td { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #777; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left;
          overflow-wrap: anywhere; }
        thead th { background: #dcdcdc; font-weight: bold; font-size: 7.5pt; overflow-wrap: normal;
          hyphens: none; }
        th.c { text-align: center; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.prose { white-space: pre-line; }
        dl.fields { margin: 1mm 0 0; font-size: 7.5pt; }
        dl.fields dt { font-weight: bold; }
        dl.fields dd { margin: 0 0 0.5mm 3mm; }
        table.facts { width: auto; min-width: 60%; table-layout: auto; }
        table.facts th { background: #efefef; width: 32mm; }
        td.r { text-align: center; font-weight: bold; font-size: 9pt; }
        .rB { background: #8fb4e3; }
        .rG { background: #a8d08d; }
        .rA { background: #ffd966; }
        .rR { background: #f19c99; }
        .rN { background: #fff; color: #555; }
        tr.total td { font-weight: bold; background: #f2f2f2; }
        tr.chg-up td:last-child { color: #185c1a; }
        tr.chg-down td:last-child { color: #8f1d1a; font-weight: bold; }
        tr.lead th, tr.group th { background: #f0f0f0; font-weight: bold; text-align: left; }
        tr.lead, tr.group { break-after: avoid; page-break-after: avoid; }
        tr.late td { background: #fff2cc; }
        .mv, .exc { break-inside: auto; }
        .keep { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
        .narrative p, .narrative li { white-space: pre-line; }
        .leads { margin-bottom: 1mm; }

        """
}
