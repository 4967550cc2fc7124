#!/usr/bin/env python3
"""Baseline for the benchmarks: what a user would write instead, with
Python's csv module.  On the generated export it counts, on a 24x7 clock
(no calendars, no holidays, no pauses, no classification beyond a lookup of
the priority column), response breaches (first response later than opened +
the tier's response target) and resolve breaches (resolved later than opened
+ 24 h), open tickets counting as breached.  Prints the two counts."""
import csv
import sys
from datetime import datetime

RESPONSE = {"urgent": 3600, "high": 7200, "normal": 8 * 3600, "low": 48 * 3600}
TIER = {"P1": "urgent", "紧急": "urgent", "Critical": "urgent", "1 - Critical": "urgent",
        "P2": "high", "高": "high", "High": "high", "2 - High": "high",
        "P3": "normal", "中": "normal", "Moderate": "normal", "3 - Moderate": "normal",
        "P4": "low", "低": "low", "Low": "low", "4 - Low": "low"}
FMT = "%Y-%m-%d %H:%M:%S"


def seconds(text):
    return datetime.strptime(text, FMT).timestamp() if text else None


def main(path):
    response_breaches = resolve_breaches = 0
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        opened, prio = header.index("报修时间"), header.index("优先级")
        first, resolved = header.index("首次响应时间"), header.index("解决时间")
        for row in rows:
            start = seconds(row[opened])
            target = RESPONSE[TIER.get(row[prio], "normal")]
            reply = seconds(row[first])
            if reply is None or reply - start > target:
                response_breaches += 1
            done = seconds(row[resolved])
            if done is None or done - start > 24 * 3600:
                resolve_breaches += 1
    print(response_breaches, resolve_breaches)


main(sys.argv[1])
