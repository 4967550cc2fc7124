#!/bin/sh
# The benchmark (make bench): on one generated export per size, in one run,
# time the physical limits of this machine on each stage's input (cat,
# wc -l, the bare libcsv loop on the CSV, the memchr TSV split on each
# stream, a pipe), each tool alone on its own input, the whole pipeline,
# and what a user would pick instead (Miller, Python's csv module, pandas);
# then the loading of large policies (policy.sh); print the tables and the
# issue's targets, and write them to results.md.  Each command runs
# BENCH_RUNS times: median wall time, median CPU time (user + system),
# peak RSS (tests/bench/measure).
#
#   SLA_BIN=build/bin SLA_BUILD=build sh tests/bench/run.sh
#
# Environment:
#   BENCH_SIZES    tickets per export (default "100000 1000000"; the
#                  issue's sizes are 1000000 and 10000000: 10 M takes about
#                  8 GB of disk and half an hour, see README.md)
#   BENCH_RUNS     runs per command (default 3)
#   BENCH_JOBS     the jobs of the scale-out run: sla-classify | sla-check |
#                  sla-report --partial on GNU parallel, then --merge
#                  (default: the cores, nproc)
#   BENCH_BLOCK    the block of the ticket stream a job gets (default 64M;
#                  GNU parallel holds a job's block in memory to put the
#                  header before it, so a size, not -N, bounds its memory)
#   BENCH_REPORT_BEFORE  an sla-report to measure beside this one (say, one
#                  built before a change to the report's memory); unset: none
#   BENCH_MILLER_MAX  the largest size Miller runs on (default 10000000:
#                  the pipeline's target against Miller holds at 1 M and
#                  10 M; at 10 M Miller takes a minute or two a run)
#   BENCH_BASELINE_MAX  the largest size the Python baselines run on
#                  (default 1000000: they are information, not a target,
#                  and python-csv takes minutes a run at 10 M)
#   BENCH_OUT      where the files go (default tests/bench/out, ignored by
#                  git; files above 1 GB are deleted at the end)
#   BENCH_RESULTS  the report (default tests/bench/results.md)
#   PYTHON         the interpreter of the Python baselines (default the
#                  system's /usr/bin/python3, where Debian's pandas is)
#   BENCH_POLICY_LINES, BENCH_POLICY_SECTIONS  the policy sizes (policy.sh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${SLA_BIN:=build/bin}" "${SLA_BUILD:=build}"
sizes=${BENCH_SIZES:-100000 1000000}
runs=${BENCH_RUNS:-3}
baseline_max=${BENCH_BASELINE_MAX:-1000000}
miller_max=${BENCH_MILLER_MAX:-10000000}
jobs=${BENCH_JOBS:-$(nproc)}
block=${BENCH_BLOCK:-64M}
before=${BENCH_REPORT_BEFORE:-}
out=${BENCH_OUT:-$here/out}
results=${BENCH_RESULTS:-$here/results.md}
python=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}
now=2027-01-01T00:00:00+08:00	# after every generated ticket
mkdir -p "$out"
table=$out/table.tsv	# size name input-bytes items wall kib cpu
: > "$table"

# time_it NAME SIZE INPUT ITEMS 'COMMAND': one line of the table, the
# bytes those of the file INPUT.
time_it() {
	time_bytes "$1" "$2" "$(wc -c < "$3")" "$4" "$5"
}

# time_bytes NAME SIZE BYTES ITEMS 'COMMAND': the same for a command that
# reads no file (the pipe), its bytes given.
time_bytes() {
	line=$(printf '%s\t%s\t%s\t%s\t%s' "$2" "$1" "$3" "$4" \
		"$("$SLA_BUILD/bench/measure" -n "$runs" "$5")")
	echo "$line" >> "$table"
	echo "$line" | awk -F '\t' '{
		printf "%9d  %-24s %8.3f s %8.3f s CPU %8.1f MB/s %10.0f /s %8d KiB\n",
		       $1, $2, $5, $7, $3 / $5 / 1e6, $4 / $5, $6 }'
}

one_size() {
	n=$1
	csv=$out/export-$n.csv
	[ -s "$csv" ] || "$SLA_BUILD/bench/gen-export" --rows "$n" --seed 1 > "$csv"
	# Each tool's own input, made once (untimed).
	"$SLA_BIN/sla-parse" "$csv" > "$out/tickets-$n.tsv"
	"$SLA_BIN/sla-classify" "$out/tickets-$n.tsv" > "$out/classified-$n.tsv"
	"$SLA_BIN/sla-check" --now $now "$out/classified-$n.tsv" > "$out/check-$n.tsv"
	rows=$(($(wc -l < "$out/check-$n.tsv") - 1))
	echo "== $n tickets: $(wc -c < "$csv") bytes of CSV, $rows check rows"

	limits "$n" "$csv" "$rows"
	time_it sla-parse "$n" "$csv" "$n" "'$SLA_BIN/sla-parse' '$csv' > /dev/null"
	time_it sla-classify "$n" "$out/tickets-$n.tsv" "$n" \
		"'$SLA_BIN/sla-classify' '$out/tickets-$n.tsv' > /dev/null"
	time_it sla-check "$n" "$out/classified-$n.tsv" "$n" \
		"'$SLA_BIN/sla-check' --now $now '$out/classified-$n.tsv' > /dev/null"
	time_it sla-report "$n" "$out/check-$n.tsv" "$rows" \
		"'$SLA_BIN/sla-report' '$out/check-$n.tsv' > /dev/null"
	if [ -n "$before" ]; then
		time_it sla-report-before "$n" "$out/check-$n.tsv" "$rows" \
			"'$before' '$out/check-$n.tsv' > /dev/null"
	fi
	time_it pipeline "$n" "$csv" "$n" "'$SLA_BIN/sla-parse' '$csv' | '$SLA_BIN/sla-classify' \
		| '$SLA_BIN/sla-check' --now $now | '$SLA_BIN/sla-report' > /dev/null"
	rm -f "$out/classified-$n.tsv" "$out/check-$n.tsv"
	scale_out "$n" "$out/tickets-$n.tsv"
	rm -f "$out/tickets-$n.tsv"
	baselines "$n" "$csv"
}

# The physical limits of this machine on the inputs of the four stages
# (N CSV ROWS): cat and wc -l of the same bytes; the bare libcsv loop on
# the CSV (sla-parse's floor); the memchr TSV split on each stream (the
# floor of the stages that read one); and one pipe carrying as many bytes
# as the pipeline's three streams (dd from /dev/zero to /dev/null), what
# each stage in the pipeline reads its input through.
limits() {
	time_it "cat export.csv" "$1" "$2" "$1" "cat '$2' > /dev/null"
	time_it "wc -l export.csv" "$1" "$2" "$1" "wc -l '$2' > /dev/null"
	time_it "csv-count export.csv" "$1" "$2" "$1" "'$SLA_BUILD/bench/csv-count' '$2' > /dev/null"
	streams=0
	for stream in tickets classified check; do
		tsv=$out/$stream-$1.tsv
		items=$1
		[ "$stream" != check ] || items=$3
		time_it "cat $stream.tsv" "$1" "$tsv" "$items" "cat '$tsv' > /dev/null"
		time_it "wc -l $stream.tsv" "$1" "$tsv" "$items" "wc -l '$tsv' > /dev/null"
		time_it "tsv-split $stream.tsv" "$1" "$tsv" "$items" \
			"'$SLA_BUILD/bench/tsv-split' '$tsv' > /dev/null"
		streams=$((streams + $(wc -c < "$tsv")))
	done
	mib=$(((streams + 1048575) / 1048576))
	time_bytes pipe "$1" $((mib * 1048576)) "$1" \
		"dd if=/dev/zero bs=1M count=$mib 2> /dev/null | dd of=/dev/null bs=1M 2> /dev/null"
}

# The stages after sla-parse on the ticket stream TICKETS: in one process
# each, and on $jobs jobs of GNU parallel (blocks of $block), whose partial
# reports come back on one stream to sla-report --merge.  The two reports
# are compared first (untimed): they must be the same bytes.
scale_out() {
	n=$1
	tickets=$2
	stages="'$SLA_BIN/sla-classify' | '$SLA_BIN/sla-check' --now $now 2> /dev/null"
	one="'$SLA_BIN/sla-classify' '$tickets' | '$SLA_BIN/sla-check' --now $now 2> /dev/null | '$SLA_BIN/sla-report'"
	many="parallel -j $jobs --pipepart -a '$tickets' --header : --block $block \"$stages | '$SLA_BIN/sla-report' --partial\" | '$SLA_BIN/sla-report' --merge"
	if ! command -v parallel > /dev/null; then
		echo "run.sh: no GNU parallel (sh tests/deps.sh bench): no scale-out run" >&2
		return 0
	fi
	eval "$one" > "$out/one-$n.txt"
	eval "$many" > "$out/many-$n.txt"
	cmp -s "$out/one-$n.txt" "$out/many-$n.txt" ||
		{ echo "run.sh: the merged report differs from the single run's" >&2; exit 1; }
	rm -f "$out/one-$n.txt" "$out/many-$n.txt"
	time_it "stages 2-4" "$n" "$tickets" "$n" "$one > /dev/null"
	time_it "stages 2-4, $jobs jobs" "$n" "$tickets" "$n" "$many > /dev/null"
}

# What a user would write instead, on the same export: Miller up to
# $miller_max tickets (the target), the Python baselines up to
# $baseline_max (information); on the first size their answers are
# compared too (each prints "response resolve").
baselines() {
	n=$1
	csv=$2
	set --
	if [ "$n" -le "$baseline_max" ]; then
		set -- "python-csv '$python' '$here/baseline_csv.py' '$csv'"
	fi
	if [ "$n" -le "$miller_max" ] && command -v mlr > /dev/null; then
		set -- "$@" "miller mlr --icsv --onidx --ofs ' ' put -q -f '$here/baseline.mlr' '$csv'"
	fi
	if [ "$n" -le "$baseline_max" ] && "$python" -c 'import pandas' 2> /dev/null; then
		set -- "$@" "pandas '$python' '$here/baseline_pandas.py' '$csv'"
	fi
	for b in "$@"; do
		if [ "$n" = "${sizes%% *}" ]; then
			echo "$(eval "${b#* }") ${b%% *}"
		fi
	done | awk '{ print "           " $3 " counts " $1 " response and " $2 " resolve breaches"
		      if (NR > 1 && ($1 != r || $2 != s)) bad = 1; r = $1; s = $2 }
		    END { if (bad) { print "run.sh: the baselines disagree" > "/dev/stderr"; exit 1 } }'
	for b in "$@"; do
		time_it "${b%% *}" "$n" "$csv" "$n" "${b#* } > /dev/null"
	done
}

# results.md: the machine, the table per size, the issue's ratios.
write_results() {
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (tests/bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC');"
	echo "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1));"
	echo "median of $runs runs per command.  Load (uptime) before: \`${load_before#*load }\`,"
	echo "after: \`${load_after#*load }\`.  On a loaded machine the wall time includes"
	echo "waiting for a core: the CPU time (user + system, all processes of the"
	echo "command) is the steadier figure."
	echo
	awk -F '\t' -v cores="$(nproc)" -f "$here/results.awk" "$1"
	cat "$2"
	echo
	cat <<-EOF
	## What each command does

	All on the same export (gen-export --rows N --seed 1), except that each
	tool alone reads its own input (made untimed by the stage before it): its
	MB/s are of that input, its items/s of tickets (check rows for sla-report).

	- The limits of this machine, on each stage's input: cat and wc -l
	  (\`cat FILE > /dev/null\`, \`wc -l FILE\`); csv-count, the bare libcsv loop
	  (tests/bench/csv-count.c: counts fields and records, 1 MiB reads, strict
	  mode), on the CSV; tsv-split, the memchr split (tests/bench/tsv-split.c:
	  1 MiB reads, each line end then each tab found with memchr, counted), on
	  each TSV stream; pipe, \`dd if=/dev/zero bs=1M count=N | dd of=/dev/null
	  bs=1M\` of as many MiB as the pipeline's three streams (its CPU time is
	  both ends').  tests/bench/README.md says what each bounds.
	- sla-parse, sla-classify, sla-check (--now $now, the embedded default
	  policy: calendars 24x7 and 5x8 with cn holidays, response, onsite,
	  resolve and replacement, pauses), sla-report (text report).
	- pipeline: \`sla-parse export.csv | sla-classify | sla-check --now $now | sla-report\`.
	- stages 2-4: \`sla-classify tickets.tsv | sla-check --now $now | sla-report\` on
	  the ticket stream sla-parse wrote; stages 2-4, N jobs: the same on N jobs of
	  GNU parallel, each a block of the ticket stream, their partial reports merged:
	  \`parallel -j N --pipepart -a tickets.tsv --header : --block $block 'sla-classify |
	  sla-check --now $now | sla-report --partial' | sla-report --merge\` (the two
	  reports are the same bytes; run.sh compares them first).
	- miller: \`mlr --icsv --onidx --ofs ' ' put -q -f tests/bench/baseline.mlr export.csv\`
	  (Miller $(mlr --version 2> /dev/null | sed 's/^mlr //')).
	- python-csv: \`python3 tests/bench/baseline_csv.py export.csv\` ($("$python" --version 2>&1)).
	- pandas: \`python3 tests/bench/baseline_pandas.py export.csv\` (pandas $("$python" -c 'import pandas; print(pandas.__version__)' 2> /dev/null || echo missing)).

	The three baselines compute the same two numbers, far less than the
	pipeline: on a 24x7 clock (no calendars, no holidays, no pauses), the
	response breaches (first response later than opened + the tier's
	response target, the tier looked up from the priority column) and the
	resolve breaches (resolved later than opened + 24 h), open tickets
	counting as breached.  Miller runs on the sizes up to $miller_max tickets
	(BENCH_MILLER_MAX: the pipeline's target), the Python baselines up to
	$baseline_max (BENCH_BASELINE_MAX: information only).
	EOF
}

main() {
	load_before=$(uptime)
	for n in $sizes; do
		one_size "$n"
	done
	echo "== policy loading"
	SLA_BIN=$SLA_BIN SLA_BUILD=$SLA_BUILD BENCH_RUNS=$runs BENCH_OUT=$out \
		sh "$here/policy.sh" > "$out/policy.md"
	cat "$out/policy.md"
	load_after=$(uptime)
	write_results "$table" "$out/policy.md" > "$results"
	echo
	cat "$results"
	find "$out" -name 'export-*.csv' -size +1G -exec rm -f {} +
}

# One line, read whole before it runs: editing this file during a run of
# several minutes does not change what the run does next.
main; exit
