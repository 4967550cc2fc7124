"""Read a CSV or TSV the strict way a tool does, and say its shape.

    /usr/bin/python3 strict_csv.py FILE csv|tsv

One table: a header of unique, non-empty names, and every row with as many
fields as the header, by Python's csv module (RFC 4180 for csv, strict;
tsv unquoted).  Prints "ROWS rows, COLS columns" or, on stderr, what
breaks the shape, and exits 1.
"""
import csv
import sys


def main(path, dialect):
    opts = {"strict": True}
    if dialect == "tsv":
        opts = {"delimiter": "\t", "quoting": csv.QUOTE_NONE}
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, **opts))
    if not rows:
        print("no header", file=sys.stderr)
        return 1
    head = rows[0]
    if head[0].startswith("\ufeff"):
        print("a byte order mark before the header", file=sys.stderr)
        return 1
    if "" in head or len(set(head)) != len(head):
        print("header names empty or twice: %r" % head, file=sys.stderr)
        return 1
    for i, row in enumerate(rows[1:], 2):
        if len(row) != len(head):
            print("row %d: %d fields, the header %d" % (i, len(row), len(head)), file=sys.stderr)
            return 1
    print("%d rows, %d columns" % (len(rows) - 1, len(head)))
    return 0


sys.exit(main(sys.argv[1], sys.argv[2]))
