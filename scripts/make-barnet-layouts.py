#!/usr/bin/env python3
"""Writes the Barnet sample plan in the layouts other councils hand plans over in, for the import tests
(Tests/ActionPlanImportTests/Fixtures/barnet/):

    python3 scripts/make-barnet-layouts.py      (needs python-docx and openpyxl: pip install python-docx openpyxl)

- barnet.docx: a Word document as a council writes one: a Title, the version, theme headings styled
  Heading 1, narrative headings Heading 2, a `Lead:` line, one table per theme with group rows merged across
  the table, and the named officers in a table under an appendix heading.
- barnet.xlsx: an Excel workbook: two title rows above the header, the columns in another order with other
  names (Ref, Theme, Area, Action, Timescale, Lead, Status, Success measure), status words instead of
  letters, and the named officers on a second sheet (Code, Name, Role).
- barnet-utf16.txt: the plan text as Excel's "Unicode Text" or Notepad's "Unicode" save it: UTF-16 LE with a
  byte-order mark, CR LF line ends.
- barnet.csv: other header names (No., Priority, What?, Who?, By when, Current status, Progress update)
  and status words (On track, At risk).
- barnet-from-theme-1.txt: the plan text pasted from its first theme heading down.

Everything comes from Data/barnet-2018-19.json and the plan-text fixture, so each layout holds the same 57
actions. The output is committed; run this again only to change the layouts.
"""
import csv
import json
import os

import docx
import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ActionPlanImportTests", "Fixtures", "barnet")
PLAN = json.load(open(os.path.join(ROOT, "Data", "barnet-2018-19.json"), encoding="utf-8"))
TEXT = os.path.join(ROOT, "Tests", "ActionPlanCoreTests", "Fixtures", "barnet-2018-19-plan.txt")

WORDS = {"green": "On track", "amber": "At risk", "blue": "Complete", "red": "Off track"}


def id_cell(a):
    return " ".join([a["id"]] + a["crossReferences"])


def docx_layout(path):
    d = docx.Document()
    d.add_paragraph(PLAN["title"], style="Title")
    d.add_paragraph("Version: " + PLAN["version"])
    d.add_heading("RAG Key", level=2)
    for c in ["blue", "green", "amber", "red"]:
        d.add_paragraph("- " + PLAN["ragKey"][c])
    for t in PLAN["themes"]:
        d.add_heading("Theme %d: %s" % (t["number"], t["title"]), level=1)
        for b in t["narrative"]:
            d.add_heading(b["heading"], level=2)
            for line in b["text"].split("\n"):
                d.add_paragraph(line)
        d.add_paragraph("Lead: " + " and ".join(t["leads"]))
        rows = 1 + sum((1 if g["title"] else 0) + len(g["actions"]) for g in t["groups"])
        table = d.add_table(rows=rows, cols=5)
        table.style = "Table Grid"
        for i, h in enumerate(["ID", "Actions", "Lead", "Date of Delivery", "RAG"]):
            table.cell(0, i).text = h
        r = 1
        for g in t["groups"]:
            if g["title"]:
                merged = table.cell(r, 0).merge(table.cell(r, 4))
                merged.text = g["title"]
                r += 1
            for a in g["actions"]:
                cells = [id_cell(a), a["text"], " ".join(a["leads"]), a["deliveryDate"],
                         (a["rating"] or "")[:1].upper()]
                for i, v in enumerate(cells):
                    table.cell(r, i).text = v
                r += 1
    d.add_heading("Appendix 5: Named Officers", level=1)
    table = d.add_table(rows=len(PLAN["officers"]), cols=3)
    for r, o in enumerate(PLAN["officers"]):
        for i, k in enumerate(["code", "name", "role"]):
            table.cell(r, i).text = o[k]
    d.save(path)


def xlsx_layout(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws.append([PLAN["title"]])
    ws.append(["Version: " + PLAN["version"]])
    ws.append([])
    ws.append(["Ref", "Theme", "Area", "Action", "Timescale", "Lead", "Status", "Success measure"])
    for t in PLAN["themes"]:
        for g in t["groups"]:
            for a in g["actions"]:
                ws.append([id_cell(a), "Theme %d: %s" % (t["number"], t["title"]), g["title"] or "", a["text"],
                           a["deliveryDate"], " ".join(a["leads"]), WORDS.get(a["rating"], ""),
                           "Evidence for %s reviewed at the board" % a["id"]])
    officers = wb.create_sheet("Named officers")
    officers.append(["Code", "Name", "Role"])
    for o in PLAN["officers"]:
        officers.append([o["code"], o["name"], o["role"]])
    wb.save(path)


def csv_layout(path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["No.", "Priority", "What?", "Who?", "By when", "Current status", "Progress update"])
        for t in PLAN["themes"]:
            for g in t["groups"]:
                for a in g["actions"]:
                    w.writerow([id_cell(a), "%d. %s" % (t["number"], t["title"]), a["text"], " ".join(a["leads"]),
                                a["deliveryDate"], WORDS.get(a["rating"], ""),
                                "Progress on %s reported in January" % a["id"]])


def main():
    os.makedirs(OUT, exist_ok=True)
    docx_layout(os.path.join(OUT, "barnet.docx"))
    xlsx_layout(os.path.join(OUT, "barnet.xlsx"))
    csv_layout(os.path.join(OUT, "barnet.csv"))
    text = open(TEXT, encoding="utf-8").read()
    with open(os.path.join(OUT, "barnet-utf16.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    start = text.index("Theme 1:")
    with open(os.path.join(OUT, "barnet-from-theme-1.txt"), "w", encoding="utf-8") as f:
        f.write(text[start:])


if __name__ == "__main__":
    main()
