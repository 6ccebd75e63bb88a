#!/usr/bin/env python3
"""Prints, as JSON, what python-docx or openpyxl read from a .docx or .xlsx file: the independent reading
the reader tests (Tests/ActionPlanImportTests/LibraryAgreementTests.swift) compare SourceReader's with.

    python3 scripts/office-reading.py FILE.docx|FILE.xlsx

Texts are given as SourceReader promises them (docs/import.md, "Reading the source"), computed here
independently: tabs are spaces; inside each line, runs of white space are one space and the ends are
trimmed; blank lines at the start and end of a text are dropped; a list paragraph starts with "• ".

.docx: {"kind": "docx", "body": [{"p": text, "heading": level or null} | {"table": [[{"text", "span",
"continues"}]]}]} in body order. The heading level is 0 for the Title style, N for a style named "Heading N",
else the outline level (+1) of the style or its bases, else the paragraph's own.

.xlsx: {"kind": "xlsx", "sheets": [{"name", "hidden", "rows": [{"row": n, "cells": {column: text}}],
"merged": [[top, left, bottom, right]]}]}, only rows with a value; dates as ISO dates (with the time when it
is not midnight), booleans as TRUE/FALSE, whole numbers without ".0", other numbers as Python's repr.
"""
import datetime
import json
import sys


def norm(text):
    lines = [" ".join(line.split()) for line in text.replace("\t", " ").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def docx_reading(path):
    import docx
    from docx.oxml.ns import qn
    from docx.table import _Cell

    d = docx.Document(path)

    def style_chain(p):
        s = p.style
        for _ in range(10):
            if s is None:
                return
            yield s
            s = s.base_style

    def is_list(p):
        ppr = p._p.pPr
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            return ppr.numPr.numId.val != 0
        for s in style_chain(p):
            num = s.element.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId"))
            if num is not None:
                return num.get(qn("w:val")) != "0"
        return False

    def heading(p):
        for s in style_chain(p):
            name = (s.name or "").lower().replace(" ", "")
            if name == "title":
                return 0
            if name.startswith("heading") and name[7:].isdigit() and 1 <= int(name[7:]) <= 9:
                return int(name[7:])
            lvl = s.element.find(qn("w:pPr") + "/" + qn("w:outlineLvl"))
            if lvl is not None:
                v = int(lvl.get(qn("w:val")))
                return v + 1 if 0 <= v < 9 else None
        lvl = p._p.find(qn("w:pPr") + "/" + qn("w:outlineLvl"))
        if lvl is not None and 0 <= int(lvl.get(qn("w:val"))) < 9:
            return int(lvl.get(qn("w:val"))) + 1
        return None

    def text(p):
        t = norm(p.text)
        return "• " + t if t and is_list(p) else t

    body = []
    for block in d.iter_inner_content():
        if isinstance(block, docx.text.paragraph.Paragraph):
            body.append({"p": text(block), "heading": heading(block)})
        else:
            rows = []
            for tr in block._tbl.tr_lst:
                cells = [{"text": "", "span": tr.grid_before, "continues": False}] if tr.grid_before else []
                for tc in tr.tc_lst:
                    cell = _Cell(tc, block)
                    continues = tc.vMerge == "continue"
                    t = "" if continues else norm("\n".join(text(p) for p in cell.paragraphs))
                    cells.append({"text": t, "span": tc.grid_span, "continues": continues})
                rows.append(cells)
            body.append({"table": rows})
    return {"kind": "docx", "body": body}


def shown(v):
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, datetime.datetime):
        return v.date().isoformat() if v.time() == datetime.time(0) else v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, datetime.time):
        return v.strftime("%H:%M") if v.second == 0 else v.strftime("%H:%M:%S")
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    return norm(str(v))


def xlsx_reading(path):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = {str(c.column): shown(c.value) for c in row if c.value is not None and shown(c.value) != ""}
            if cells:
                rows.append({"row": row[0].row, "cells": cells})
        merged = [[r.min_row, r.min_col, r.max_row, r.max_col] for r in ws.merged_cells.ranges]
        sheets.append({"name": ws.title, "hidden": ws.sheet_state != "visible", "rows": rows, "merged": merged})
    return {"kind": "xlsx", "sheets": sheets}


if __name__ == "__main__":
    path = sys.argv[1]
    reading = docx_reading(path) if path.lower().endswith(".docx") else xlsx_reading(path)
    print(json.dumps(reading, ensure_ascii=False))
