"""Dump an sla-report workbook as text, one cell a field, for golden files.

    /usr/bin/python3 xlsx_dump.py report.xlsx

Each sheet: a line "== NAME frozen=CELL filter=RANGE", then its rows, each
cell as TYPE:VALUE[|FORMAT] (s text, n number, d date, t duration in
seconds, - empty), separated by tabs; a tab, line feed or carriage return
inside text as \\t, \\n, \\r.  Exit status 1, with the cell named, when
a cell holds a formula: nothing the report writes may be one.  Reads
with openpyxl (Debian python3-openpyxl), the check set of tests/deps.sh.
"""
import datetime
import sys

import openpyxl


def show(cell):
    v = cell.value
    if v is None:
        return "-"
    fmt = "" if cell.number_format == "General" else "|" + cell.number_format
    if isinstance(v, str):
        text = v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        return "s:" + text + fmt
    if isinstance(v, datetime.timedelta):
        return "t:%d%s" % (round(v.total_seconds()), fmt)
    if isinstance(v, datetime.datetime):
        return "d:" + v.date().isoformat() + fmt
    return "n:" + repr(v) + fmt


def main(path):
    wb = openpyxl.load_workbook(path)
    bad = 0
    for ws in wb.worksheets:
        print("== %s frozen=%s filter=%s" % (ws.title, ws.freeze_panes, ws.auto_filter.ref))
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    print("formula in %s!%s" % (ws.title, cell.coordinate), file=sys.stderr)
                    bad = 1
            print("\t".join(show(c) for c in row))
    return bad


sys.exit(main(sys.argv[1]))
