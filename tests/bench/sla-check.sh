#!/bin/sh
# Benchmark of sla-check (target: at least 1 million tickets per second on
# one core with the default policy).  The ticket stream is made once from
# gen-export's CSV (Python's csv module stands in for sla-parse and
# sla-classify, and is not timed); sla-check is then timed against cat and
# wc -l on the same file, with measure (median of 3 runs, peak RSS).
#
#   SLA_BIN=build/bin SLA_BUILD=build sh tests/bench/sla-check.sh [ROWS]
set -eu
rows=${1:-1000000}
: "${SLA_BIN:=build/bin}" "${SLA_BUILD:=build}"
tmp=${TMPDIR:-/tmp}/sla-bench-check.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM

"$SLA_BUILD/bench/gen-export" --rows "$rows" > "$tmp/export.csv"
python3 - "$tmp/export.csv" > "$tmp/tickets.tsv" <<'PY'
import csv, sys
# The default rules' tier of each priority the generator writes.
tiers = {"P1": "urgent", "紧急": "urgent", "Critical": "urgent", "1 - Critical": "urgent",
         "P2": "high", "高": "high", "High": "high", "2 - High": "high",
         "P3": "normal", "中": "normal", "Moderate": "normal", "3 - Moderate": "normal",
         "P4": "low", "低": "low", "Low": "low", "4 - Low": "low"}
names = ["id", "opened", "priority", "category", "channel", "customer", "first_response",
         "onsite", "resolved", "replaced", "closed", "paused", "exclude", "description"]
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
out = sys.stdout
out.write("\t".join(["id", "line", "tier"] + names[1:]) + "\n")
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rd = csv.reader(f)
    next(rd)
    for n, r in enumerate(rd, 2):
        out.write("\t".join([esc(r[0]), str(n), tiers.get(r[2], "")] + [esc(x) for x in r[1:]]) + "\n")
PY

now=2027-01-01T00:00:00+08:00
bytes=$(wc -c < "$tmp/tickets.tsv")
rows_out=$("$SLA_BIN/sla-check" --now $now "$tmp/tickets.tsv" | wc -l)
report() {
	set -- "$1" $("$SLA_BUILD/bench/measure" -n 3 "$2")
	awk -v name="$1" -v s="$2" -v kib="$3" -v rows="$rows" -v bytes="$bytes" 'BEGIN {
		printf "%-12s %8.3f s %10.0f tickets/s %8.1f MB/s %8d KiB\n",
		       name, s, rows / s, bytes / s / 1e6, kib }'
}
echo "sla-check benchmark: $rows tickets, $bytes bytes, $((rows_out - 1)) rows out"
report cat "cat '$tmp/tickets.tsv' > /dev/null"
report "wc -l" "wc -l '$tmp/tickets.tsv' > /dev/null"
report sla-check "'$SLA_BIN/sla-check' --now $now '$tmp/tickets.tsv' > /dev/null"
# On a shared machine wall time includes waiting for a core: CPU time too.
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%U %S' "$SLA_BIN/sla-check" --now $now "$tmp/tickets.tsv" 2>&1 >/dev/null |
		awk -v rows="$rows" '{ printf "sla-check    %8.3f s CPU %6.0f tickets/s of CPU time\n", $1 + $2, rows / ($1 + $2) }'
fi
