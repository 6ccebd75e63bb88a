#!/usr/bin/env python3
"""Makes the Word and Excel fixtures of the reader tests (Tests/ActionPlanImportTests/Fixtures/) and the
reader's fuzz seeds (Tests/FuzzCorpus/reader/).

    python3 scripts/make-import-fixtures.py      (needs python-docx and openpyxl: pip install python-docx openpyxl)

plan.docx and plan.xlsx are written by python-docx and openpyxl, as a council's files would be by Word and
Excel; the tests also read them back with those libraries (scripts/office-reading.py) and compare.
changes.docx adds what python-docx does not read as Word shows it (tracked changes, fields, a nested table, a
picture, a footnote reference). minimal.docx and minimal.xlsx are written part by part with zipfile: the
smallest packages Word and Excel open, with the workbook features openpyxl never writes (inline strings,
rich text with phonetic runs, the 1904 date system, cells without references). The output is committed; run
this again only to change the fixtures, and update the tests' expectations with it.
"""
import base64
import datetime
import io
import os
import shutil
import zipfile

import docx
import openpyxl
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Alignment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "ActionPlanImportTests", "Fixtures")
SEEDS = os.path.join(ROOT, "Tests", "FuzzCorpus", "reader")

# A 1x1 PNG, for the picture in changes.docx.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def plan_docx(path):
    d = docx.Document()
    d.add_paragraph("Children's Services Improvement Action Plan 2019", style="Title")
    d.add_heading("1. Systems Leadership", level=1)
    d.add_paragraph("This plan sets out  what we will   do.")
    d.add_paragraph("Board meets monthly", style="List Bullet")
    d.add_paragraph("Reports go to Cabinet", style="List Bullet")
    p = d.add_paragraph("Owner:")
    p.add_run().add_tab()
    p.add_run("Chris Munday")
    d.add_heading("Actions", level=2)

    t = d.add_table(rows=5, cols=5)
    t.style = "Table Grid"
    for i, h in enumerate(["ID", "Actions", "Lead", "Date of Delivery", "RAG"]):
        t.cell(0, i).text = h
    group = t.cell(1, 0).merge(t.cell(1, 4))
    group.text = "Strengthened Governance"
    rows = [
        ["1a(i)", "Establish the board", "Chris Munday", "31 March 2019", "G"],
        ["1a(ii)", "Review thresholds", "", "June 2019", "A"],
        ["1a(iii)", "Train staff:", "Tina McElligott", "Ongoing", "G"],
    ]
    for r, values in enumerate(rows, start=2):
        for c, v in enumerate(values):
            if v:
                t.cell(r, c).text = v
    t.cell(2, 1).add_paragraph("Terms of reference agreed")
    t.cell(2, 2).merge(t.cell(3, 2))  # the lead cell, merged down over two rows
    t.cell(4, 1).add_paragraph("social workers", style="List Bullet")
    t.cell(4, 1).add_paragraph("managers", style="List Bullet")

    d.add_paragraph("Notes follow.")
    d.add_paragraph("")
    section = d.styles.add_style("Plan Section", WD_STYLE_TYPE.PARAGRAPH)
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "1")
    section.element.get_or_add_pPr().append(lvl)  # a custom style that is a level-2 heading by outline level
    d.add_paragraph("2. Practice Leadership", style=section)
    german = d.styles["Heading 3"]
    german.element.set(qn("w:styleId"), "berschrift3")  # as a German Word names Heading 3 ("Überschrift 3")
    d.add_paragraph("2.1 Sub-area", style=german)

    t2 = d.add_table(rows=2, cols=2)
    t2.cell(0, 0).text, t2.cell(0, 1).text = "Lead", "Role"
    t2.cell(1, 0).text, t2.cell(1, 1).text = "CM", "Chris Munday, Director"
    p = d.add_paragraph("Version: Final")
    p.add_run().add_break()
    p.add_run("October 2018")
    d.save(path)


def run(parent, text=None, tag="w:t"):
    r = OxmlElement("w:r")
    if text is not None:
        t = OxmlElement(tag)
        t.text = text
        t.set(qn("xml:space"), "preserve")
        r.append(t)
    parent.append(r)
    return r


def changes_docx(path):
    d = docx.Document()
    p = d.add_paragraph("Deliver the ")
    ins = OxmlElement("w:ins")
    for k, v in [("w:id", "1"), ("w:author", "A"), ("w:date", "2019-01-01T00:00:00Z")]:
        ins.set(qn(k), v)
    run(ins, "revised ")
    p._p.append(ins)
    dele = OxmlElement("w:del")
    for k, v in [("w:id", "2"), ("w:author", "A"), ("w:date", "2019-01-01T00:00:00Z")]:
        dele.set(qn(k), v)
    run(dele, "old ", tag="w:delText")
    p._p.append(dele)
    run(p._p, "strategy")

    p = d.add_paragraph("Page ")
    for kind in ["begin", None, "separate", "7", "end"]:
        r = OxmlElement("w:r")
        if kind in ("begin", "separate", "end"):
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), kind)
            r.append(f)
        elif kind is None:
            it = OxmlElement("w:instrText")
            it.text = " PAGE "
            r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = kind
            r.append(t)
        p._p.append(r)
    ref = run(p._p)
    fr = OxmlElement("w:footnoteReference")
    fr.set(qn("w:id"), "1")
    ref.append(fr)

    d.add_picture(io.BytesIO(PNG))

    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "Outer"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "a", (0, 1): "b", (1, 0): "c", (1, 1): "d"}.items():
        inner.cell(r, c).text = v
    outer.cell(1, 0).text = "Below"
    trPr = outer.rows[1]._tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    trPr.insert(0, before)
    outer.rows[1]._tr.remove(outer.rows[1]._tr.tc_lst[1])  # the row starts one grid column in
    d.save(path)


def plan_xlsx(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "Children's Services Action Plan"
    ws["A2"] = "Version: Final October 2018"
    for col, h in zip("ABDEF", ["Ref", "Action", "Timescale", "Lead", "Status"]):
        ws[f"{col}3"] = h  # column C stays empty: a gap
    ws["A4"] = "Strengthened Governance"
    ws.merge_cells("A4:F4")
    for r, values in {
        5: ["1a(i)", "Establish the board", None, datetime.datetime(2019, 3, 31), "CM", "G"],
        6: ["1a(ii)", "Review thresholds", None, "June 2019", "TMc", "A"],
        7: [7, "Recruit 3.5 FTE social workers", None, datetime.datetime(2019, 9, 30), None, 0.75],
    }.items():
        for col, v in zip("ABCDEF", values):
            if v is not None:
                ws[f"{col}{r}"] = v
    ws["D5"].number_format = "dd/mm/yyyy"
    ws["D7"].number_format = "mm-dd-yy"  # built-in format 14
    ws.merge_cells("E6:E7")  # a lead merged down over two rows
    ws["A9"] = "Multi-line\ncell"
    ws["A9"].alignment = Alignment(wrap_text=True)
    ws["B9"] = True
    ws["D9"] = 42
    lookups = wb.create_sheet("Lookups")
    lookups.append(["Code", "Name"])
    lookups.append(["CM", "Chris Munday"])
    lookups.sheet_state = "hidden"
    wb.save(path)


def package(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{}</Types>'
OVERRIDE = '<Override PartName="/{}" ContentType="application/vnd.openxmlformats-officedocument.{}"/>'
RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'
REL = '<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}" Target="{}"/>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def minimal_docx(path):
    def p(text, style=None):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"

    cells = "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in ["ID", "Actions", "Lead"])
    body = (
        p("Action Plan", "Title") + p("1. Leadership", "Heading1") + p("Text &amp; more")
        + f"<w:tbl><w:tr>{cells}</w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>{p('Group')}</w:tc></w:tr></w:tbl>"
    )
    package(path, {
        "[Content_Types].xml": CT.format(OVERRIDE.format("word/document.xml", "wordprocessingml.document.main+xml")),
        "_rels/.rels": RELS.format(REL.format("rId1", "officeDocument", "word/document.xml")),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>',
    })


def minimal_xlsx(path):
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {S}><sheetData>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ref</t></is></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>'
        '<row><c t="str"><f>A2</f><v>1a</v></c><c t="b"><v>1</v></c><c s="1"><v>0</v></c><c t="e"><v>#N/A</v></c></row>'
        '<row r="5"><c r="B5" t="s"><v>9</v></c><c r="D5"><v>2.5</v></c></row>'
        "</sheetData></worksheet>"
    )
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst {S} count="2" uniqueCount="2">'
        "<si><r><t>Act</t></r><r><rPr><b/></rPr><t>ion</t></r><rPh sb=\"0\" eb=\"1\"><t>akushon</t></rPh></si>"
        "<si><t xml:space=\"preserve\">  Due   date </t></si></sst>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {S}><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\ mmmm\\ yyyy;@"/></numFmts>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    package(path, {
        "[Content_Types].xml": CT.format(OVERRIDE.format("xl/workbook.xml", "spreadsheetml.sheet.main+xml")),
        "_rels/.rels": RELS.format(REL.format("rId1", "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {S}><workbookPr date1904="1"/><sheets><sheet name="Only" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": RELS.format(
            REL.format("rId1", "worksheet", "worksheets/sheet1.xml") + REL.format("rId2", "sharedStrings", "sharedStrings.xml")
            + REL.format("rId3", "styles", "/xl/styles.xml")),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": strings,
        "xl/styles.xml": styles,
    })


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    os.makedirs(SEEDS, exist_ok=True)
    made = {
        "plan.docx": plan_docx, "changes.docx": changes_docx, "plan.xlsx": plan_xlsx,
        "minimal.docx": minimal_docx, "minimal.xlsx": minimal_xlsx,
    }
    for name, make in made.items():
        make(os.path.join(FIXTURES, name))
        shutil.copy(os.path.join(FIXTURES, name), os.path.join(SEEDS, name))
        print(name, os.path.getsize(os.path.join(FIXTURES, name)), "bytes")
    # Bare parts, which fuzz-reader also wraps in a package of its own, and text sources.
    for name, part in [("plan.docx", "word/document.xml"), ("plan.xlsx", "xl/worksheets/sheet1.xml"),
                       ("minimal.xlsx", "xl/worksheets/sheet1.xml")]:
        with zipfile.ZipFile(os.path.join(FIXTURES, name)) as z:
            seed = name.replace(".", "-") + "-" + part.split("/")[-1]
            with open(os.path.join(SEEDS, seed), "wb") as f:
                f.write(z.read(part))
    for name, data in [
        ("plan.csv", b'ID,Action,Lead\r\n1a,"Review, then ""report""",TMc\r\n\r\n2,x,y\r\n'),
        ("plan.md", b"# Plan\n\n| ID | Action |\n|---|---|\n| 1a | Review |\n"),
        ("pasted.txt", b"Plan\n\nID\tAction\n1a\tReview\n"),
        ("european-1252.csv", b"Ref;Action\n1;\xe9t\xe9 \x92s\n"),
        ("unicode-text.txt", "\ufeffID\tAction\r\n1a\tRevue\r\n".encode("utf-16-le")),
    ]:
        with open(os.path.join(SEEDS, name), "wb") as f:
            f.write(data)
