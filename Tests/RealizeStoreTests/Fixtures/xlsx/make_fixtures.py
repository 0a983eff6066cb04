#!/usr/bin/env python3
"""Writes the workbook fixtures of the XLSX reader tests (run from this folder; the outputs are committed).

- finance.xlsx      by hand (zipfile): 1904 date system, a merged title banner and a blank row above the
                    header, shared and inline strings, formulas with cached values, error cells (#N/A,
                    #DIV/0!), a date format, a text column of digits.
- openpyxl.xlsx     by openpyxl: two sheets, 0.1 stored as written, dates, bools, an empty cell.
- libreoffice.xlsx  by LibreOffice from libreoffice.csv (`soffice --headless --convert-to xlsx`).
- damaged.xlsx      a workbook cut in half; encrypted.xlsx begins as a password-protected one does
                    (an OLE compound file), which is all the reader looks at before refusing it.
"""
import datetime
import subprocess
import zipfile

import openpyxl

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def finance():
    shared = ["Quarterly cost report", "project_id", "period_end", "actual_cost", "cpi", "owner", "note", "P001", "P002", "Zürich"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in shared)
    # 1904 system: 2025-12-31 is serial 44925 (2025-12-31 minus 1904-01-01 in days).
    d1904 = lambda d: (d - datetime.date(1904, 1, 1)).days
    rows = [
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c>'
        '<c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>5</v></c><c r="F3" t="inlineStr"><is><t>note</t></is></c></row>',
        f'<row r="4"><c r="A4" t="s"><v>7</v></c><c r="B4" s="1"><v>{d1904(datetime.date(2025, 12, 31))}</v></c><c r="C4"><v>0.1</v></c>'
        '<c r="D4"><f>C4/0.1</f><v>1</v></c><c r="E4" t="s"><v>9</v></c><c r="F4" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r></is></c></row>',
        f'<row r="5"><c r="A5" t="s"><v>8</v></c><c r="B5" s="1"><v>{d1904(datetime.date(2026, 1, 31))}</v></c><c r="C5"><v>1234.5</v></c>'
        '<c r="D5" t="e"><f>C5/0</f><v>#DIV/0!</v></c><c r="E5" t="str"><f>"00"&amp;"42"</f><v>0042</v></c></row>',
        f'<row r="6"><c r="A6" t="inlineStr"><is><t>P003</t></is></c><c r="B6" s="1"><v>{d1904(datetime.date(2026, 2, 28))}</v></c>'
        '<c r="C6"><v>-7.25</v></c><c r="D6" t="e"><v>#N/A</v></c></row>',
    ]
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS} {REL}><sheetData>{"".join(rows)}</sheetData>'
             '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells></worksheet>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {REL}><workbookPr date1904="1"/>'
                '<sheets><sheet name="Cost Report" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile("finance.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {NS} count="{len(shared)}">{sst}</sst>')
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def with_openpyxl():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Financials 2025"
    ws.append(["project_id", "period_start", "amount", "approved"])
    ws.append(["P001", datetime.date(2025, 1, 1), 0.1, True])
    ws.append(["P002", datetime.date(2025, 2, 1), 1234.56, False])
    ws.append(["P003", None, 2, True])
    other = wb.create_sheet("Owners")
    other.append(["owner", "site"])
    other.append(["Anna", "Kraków"])
    wb.save("openpyxl.xlsx")


def with_libreoffice():
    with open("libreoffice.csv", "w") as f:
        f.write("project_id,budget,start,go_live\nP001,1500000.50,2025-01-15,true\nP002,250000,2025-03-01,false\n")
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "libreoffice.csv"], check=True)


def broken():
    with open("openpyxl.xlsx", "rb") as f:
        data = f.read()
    with open("damaged.xlsx", "wb") as f:
        f.write(data[: len(data) // 2])
    with open("encrypted.xlsx", "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))


finance()
with_openpyxl()
with_libreoffice()
broken()
