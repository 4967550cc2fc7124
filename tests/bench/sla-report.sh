#!/bin/sh
# Benchmark of sla-report (target: at least 2 million check rows per second
# into a text report).  bench_report writes a realistic check stream (and
# times the report in-process); sla-report itself is then timed against cat
# and wc -l on the same file, and against Miller computing the same counts
# and percentiles per month, tier and metric, with measure (median of 3
# runs, peak RSS).
#
#   SLA_BIN=build/bin SLA_BUILD=build sh tests/bench/sla-report.sh [ROWS]
set -eu
rows=${1:-2000000}
: "${SLA_BIN:=build/bin}" "${SLA_BUILD:=build}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=${TMPDIR:-/tmp}/sla-bench-report.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM

"$SLA_BUILD/bench/bench_report" "$rows" "$tmp/check.tsv"
bytes=$(wc -c < "$tmp/check.tsv")
contract="$here/../data/check/contract.ini"
report() {
	set -- "$1" $("$SLA_BUILD/bench/measure" -n 3 "$2")
	awk -v name="$1" -v s="$2" -v kib="$3" -v rows="$rows" -v bytes="$bytes" 'BEGIN {
		printf "%-18s %8.3f s %10.0f rows/s %8.1f MB/s %8d KiB\n",
		       name, s, rows / s, bytes / s / 1e6, kib }'
}
echo "sla-report benchmark: $rows check rows, $bytes bytes"
report cat "cat '$tmp/check.tsv' > /dev/null"
report "wc -l" "wc -l '$tmp/check.tsv' > /dev/null"
report "sla-report" "'$SLA_BIN/sla-report' '$tmp/check.tsv' > /dev/null"
report "sla-report -p" "'$SLA_BIN/sla-report' -p '$contract' '$tmp/check.tsv' > /dev/null"
report "sla-report json" "'$SLA_BIN/sla-report' -f json '$tmp/check.tsv' > /dev/null"
if command -v mlr > /dev/null; then
	report "mlr stats1" "mlr --itsv --ojson put '\$month = substr(\$start, 0, 6)' \
		then stats1 -a count,p50,p90,p95,max -f elapsed_s -g month,tier,metric,status \
		'$tmp/check.tsv' > /dev/null"
fi
# On a shared machine wall time includes waiting for a core: CPU time too.
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%U %S' "$SLA_BIN/sla-report" "$tmp/check.tsv" 2>&1 >/dev/null |
		awk -v rows="$rows" '{ printf "sla-report         %8.3f s CPU %6.0f rows/s of CPU time\n", $1 + $2, rows / ($1 + $2) }'
fi
