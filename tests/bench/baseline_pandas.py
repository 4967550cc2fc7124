#!/usr/bin/env python3
"""Baseline for the benchmarks: the computation of baseline_csv.py (24x7
response and resolve breaches, open tickets breached) with pandas, as a
data analyst would write it.  Prints the two counts."""
import sys

import pandas as pd

RESPONSE = {"urgent": 3600, "high": 7200, "normal": 8 * 3600, "low": 48 * 3600}
TIER = {"P1": "urgent", "紧急": "urgent", "Critical": "urgent", "1 - Critical": "urgent",
        "P2": "high", "高": "high", "High": "high", "2 - High": "high",
        "P3": "normal", "中": "normal", "Moderate": "normal", "3 - Moderate": "normal",
        "P4": "low", "低": "low", "Low": "low", "4 - Low": "low"}

df = pd.read_csv(sys.argv[1], usecols=["报修时间", "优先级", "首次响应时间", "解决时间"],
                 dtype=str, keep_default_na=False)
fmt = "%Y-%m-%d %H:%M:%S"
opened = pd.to_datetime(df["报修时间"], format=fmt)
first = pd.to_datetime(df["首次响应时间"], format=fmt, errors="coerce")
resolved = pd.to_datetime(df["解决时间"], format=fmt, errors="coerce")
target = df["优先级"].map(TIER).fillna("normal").map(RESPONSE)
response = ((first - opened).dt.total_seconds() > target) | first.isna()
resolve = ((resolved - opened).dt.total_seconds() > 24 * 3600) | resolved.isna()
print(int(response.sum()), int(resolve.sum()))
