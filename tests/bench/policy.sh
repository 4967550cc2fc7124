#!/bin/sh
# The policy-loading benchmark: policies of one shape (gen-policy) at three
# sizes, each twice the one before, loaded by `sla-check --print-policy >
# /dev/null` (load, then print the text: both linear); per size the median
# wall and CPU time, and the ratio of its CPU time to the size before.
# Loading that is linear in the file doubles (about 2.0, a little more at
# the small end, where the start of the process weighs); one quadratic
# step quadruples.  make bench runs it after the tickets, and results.md
# has its table; alone:
#
#   SLA_BIN=build/bin SLA_BUILD=build sh tests/bench/policy.sh
#
# Environment (besides run.sh's SLA_BIN, SLA_BUILD, BENCH_RUNS, BENCH_OUT):
#   BENCH_POLICY_LINES  sizes of the line shapes: continuation lines,
#                       dates on one long line, credit bands
#                       (default "50000 100000 200000")
#   BENCH_POLICY_SECTIONS  sizes of the section shapes: tiers, calendars
#                       with a tier each, metrics (default "5000 10000 20000")
# Prints a markdown table on standard output.  No test asserts a time.
set -eu
: "${SLA_BIN:=build/bin}" "${SLA_BUILD:=build}"
here=$(cd "$(dirname "$0")" && pwd)
runs=${BENCH_RUNS:-3}
out=${BENCH_OUT:-$here/out}
lines=${BENCH_POLICY_LINES:-50000 100000 200000}
sections=${BENCH_POLICY_SECTIONS:-5000 10000 20000}
mkdir -p "$out"

# SHAPE N: shape, N, bytes, then measure's wall s, peak KiB, CPU s.
one() {
	f=$out/policy-$1-$2.ini
	"$SLA_BUILD/bench/gen-policy" "$1" "$2" > "$f"
	"$SLA_BIN/sla-check" --policy "$f" --print-policy > /dev/null ||
		{ echo "policy.sh: $f does not load" >&2; exit 1; }
	m=$("$SLA_BUILD/bench/measure" -n "$runs" "'$SLA_BIN/sla-check' --policy '$f' --print-policy > /dev/null")
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$(wc -c < "$f")" "$m"
	rm -f "$f"
}

# rows first, then the table: a policy that does not load stops the run
rows=$out/policy.tsv
: > "$rows"
for s in continuation long-line credits; do
	for n in $lines; do one "$s" "$n" >> "$rows"; done
done
for s in tiers calendars metrics; do
	for n in $sections; do one "$s" "$n" >> "$rows"; done
done
awk -F '\t' '
BEGIN {
	print "## Policy loading"
	print ""
	print "`sla-check --policy FILE --print-policy > /dev/null` on policies made by"
	print "`gen-policy SHAPE N` (tests/bench/gen-policy.c); \"× per ×2\" is the CPU time"
	print "over that of the size before: 2.0 is linear, 4.0 quadratic."
	print ""
	print "| shape | N | MB | wall s | CPU s | × per ×2 | peak RSS |"
	print "|---|---:|---:|---:|---:|---:|---:|"
}
{
	ratio = $1 == last && prev > 0 ? sprintf("%.2f", $6 / prev) : ""
	printf "| %s | %d | %.2f | %.4f | %.4f | %s | %.1f MiB |\n", $1, $2, $3 / 1e6, $4, $6,
	       ratio, $5 / 1024
	last = $1
	prev = $6
}' "$rows"
rm -f "$rows"
