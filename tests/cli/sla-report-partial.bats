#!/usr/bin/env bats
# sla-report --partial and --merge: parts of a check stream counted apart
# and merged, in any order and as trees, give the single run's bytes in
# every format; the pipeline on GNU parallel, on local jobs and through
# --sshlogin; and every bad partial refused with its message.

load helpers
bats_require_minimum_version 1.5.0

setup() {
	CONTRACT="$DATA/check/contract.ini"
	T=$BATS_TEST_TMPDIR
}

# A check stream of N tickets drawn with SEED, their ids PREFIX0, PREFIX1
# ... (default T): one to three rows a ticket
# (its id and line on each), customers with a comma, Chinese and none,
# a tier the policy lacks, every status, ties of overrun, 500.00 a priced
# breach (so caps bind), satisfaction, notes, an unreadable start now and
# then, and records of the export that spanned lines.
gen_stream() {
	awk -v n="$1" -v seed="$2" -v prefix="${3:-T}" -v asof="${4:-2026-12-01T00:00:00+08:00}" 'BEGIN {
		srand(seed); OFS = "\t"
		split("Acme, Inc.|星河数据科技有限公司||Northwind", cust, "|")
		split("urgent normal low vip", tier, " ")
		split("response resolve onsite", metric, " ")
		split("met met met breached overdue at-risk pending excluded invalid", status, " ")
		print "id", "line", "customer", "tier", "metric", "start", "target_s", "elapsed_s",
			"overrun_s", "status", "penalty", "reason", "satisfaction", "calendar_note", "opened", "as_of"
		line = 2
		for (t = 0; t < n; t++) {
			c = cust[1 + int(rand() * 4)]; ti = tier[1 + int(rand() * 4)]
			day = int(rand() * 75)
			opened = sprintf("2026-%02d-%02dT%02d:00:00+08:00", 9 + int(day / 30), day % 30 + 1, int(rand() * 24))
			sat = rand() < 0.3 ? (rand() < 0.5 ? 1 + int(rand() * 5) : int(rand() * 101) "%") : ""
			nm = 1 + int(rand() * 3)
			for (m = 1; m <= nm; m++) {
				s = status[1 + int(rand() * 9)]
				broken = s == "breached" || s == "overdue"
				over = broken ? 600 * int(rand() * 4) : 0
				el = broken ? 3600 + over : 60 * int(rand() * 60)
				pen = broken && rand() < 0.8 ? "500.00" : ""
				why = s == "excluded" ? "force majeure" : s == "invalid" ? "stop before start" : ""
				note = rand() < 0.05 ? "calendar \"5x8\": dates outside the years its holiday data covers" : ""
				start = rand() < 0.02 ? "yesterday" : opened
				print prefix t, line, c, ti, metric[m], start, 3600, el, over, s, pen, why, sat, note, opened, asof
			}
			line += 1 + int(rand() * 3)
		}
	}'
}

# Cut the stream FILE at NPARTS - 1 random tickets (a ticket's rows share
# its line) into OUT.1, OUT.2, ..., each with the header; prints how many
# parts it made (fewer when the cuts fall together).
cut_stream() {
	awk -F '\t' -v nparts="$2" -v out="$3" -v seed="$4" '
		NR == 1 { header = $0; next }
		{ row[++n] = $0; line[n] = $2 }
		END {
			srand(seed)
			for (i = 2; i <= n; i++) if (line[i] != line[i - 1]) at[++nb] = i
			cut[1] = 1; k = 1
			for (j = 1; j < nparts && nb > 0; j++) {
				c = at[1 + int(rand() * nb)]
				if (!(c in used)) { used[c] = 1; cut[++k] = c }
			}
			for (i = 2; i <= k; i++) for (j = i; j > 1 && cut[j] < cut[j - 1]; j--) { x = cut[j]; cut[j] = cut[j - 1]; cut[j - 1] = x }
			cut[k + 1] = n + 1
			for (p = 1; p <= k; p++) {
				f = out "." p; print header > f
				for (i = cut[p]; i < cut[p + 1]; i++) print row[i] > f
				close(f)
			}
			print k
		}' "$1"
}

# The names NAMES... in a random order, one a line.
shuffled() {
	printf '%s\n' "$@" | awk -v seed="$RANDOM" 'BEGIN { srand(seed) } { print rand() "\t" $0 }' |
		sort -k1,1 | cut -f 2-
}

# Merge the partials given as arguments as a random tree into the file
# OUT (the first argument): pairs of random neighbours merged with
# --merge --partial until one is left.
merge_tree() {
	local out=$1 i=0
	shift
	local left=("$@")
	while [ ${#left[@]} -gt 1 ]; do
		mapfile -t left < <(shuffled "${left[@]}")
		local take=$((2 + RANDOM % 2)) next="$T/tree.$((i++))"
		[ "$take" -le ${#left[@]} ] || take=${#left[@]}
		sla-report --merge --partial "${left[@]:0:$take}" > "$next" || return 1
		left=("$next" "${left[@]:$take}")
	done
	cp "${left[0]}" "$out"
}

@test "split at random tickets into 1-20 parts, merged in random orders and trees: the single run's bytes, every format" {
	RANDOM=16
	sed 's/^per .*/per = contract/' "$CONTRACT" > "$T/whole-contract.ini"
	for round in 1 2 3 4 5 6; do
		policy=$CONTRACT
		[ $((round % 2)) -eq 0 ] && policy=$T/whole-contract.ini
		gen_stream $((20 + RANDOM % 150)) "$round" > "$T/s.tsv"
		nparts=$(cut_stream "$T/s.tsv" $((1 + RANDOM % 20)) "$T/s" "$round")
		parts=()
		for p in $(seq "$nparts"); do
			# standard input, as the whole run's: the page names its inputs
			sla-report -p "$policy" --partial < "$T/s.$p" > "$T/p.$p" 2> /dev/null
			parts+=("$T/p.$p")
		done
		merge_tree "$T/tree" "${parts[@]}"
		for f in text tsv csv json markdown html xlsx; do
			sla-report -p "$policy" -f "$f" < "$T/s.tsv" > "$T/want" 2> /dev/null
			mapfile -t order < <(shuffled "${parts[@]}")
			sla-report --merge -f "$f" "${order[@]}" > "$T/got"
			cmp "$T/want" "$T/got" || { echo "round $round, $nparts parts, $f"; diff "$T/want" "$T/got" | head; return 1; }
			sla-report --merge -f "$f" "$T/tree" > "$T/got"
			cmp "$T/want" "$T/got" || { echo "round $round, tree of $nparts parts, $f"; return 1; }
		done
		sla-report -p "$policy" --lang zh "$T/s.tsv" > "$T/want" 2> /dev/null
		sla-report --merge --lang zh "$T/tree" | cmp "$T/want" -
		for t in statements breaches groups percentiles overruns; do
			sla-report -p "$policy" -f csv --table "$t" "$T/s.tsv" > "$T/want" 2> /dev/null
			sla-report --merge -f csv --table "$t" "$T/tree" | cmp "$T/want" -
		done
		# the streams drawn hold what the property is about: prices, a
		# cap that binds, a credit band, ties, a tier the policy lacks
		sla-report -p "$policy" -f json "$T/s.tsv" 2> /dev/null > "$T/want.json"
		jq -e '[.statements[] | select(.capped)] | length > 0' "$T/want.json" > /dev/null
		jq -e '[.statements[] | select(.band != null)] | length > 0' "$T/want.json" > /dev/null
		jq -e '[.tiers[].tier] | index("vip") != null' "$T/want.json" > /dev/null
	done
}

@test "a merged partial is a partial of the whole, whatever the tree; merging one partial gives it back" {
	gen_stream 120 3 > "$T/s.tsv"
	nparts=$(cut_stream "$T/s.tsv" 7 "$T/s" 3)
	for p in $(seq "$nparts"); do sla-report -p "$CONTRACT" --partial "$T/s.$p" > "$T/p.$p" 2> /dev/null; done
	sla-report --merge --partial "$T"/p.* > "$T/flat"
	merge_tree "$T/tree" "$T"/p.*
	cmp "$T/flat" "$T/tree"
	sla-report --merge --partial "$T/flat" | cmp "$T/flat" -
	# one part, merged, is the part
	sla-report -p "$CONTRACT" --partial "$T/s.tsv" > "$T/one" 2> /dev/null
	sla-report --merge --partial "$T/one" | cmp "$T/one" -
	# several partials in one stream, in any order, and - among files
	cat "$T/p.3" "$T/p.1" | sla-report --merge "$T/p.2" - "$T"/p.[4-9] > "$T/got"
	sla-report -p "$CONTRACT" "$T/s.tsv" 2> /dev/null | cmp - "$T/got"
}

@test "a partial: a versioned header and digest, one fact a line, histograms ascending, an end line" {
	run --separate-stderr sla-report -p "$CONTRACT" --partial "$DATA/check/statement.tsv"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^sla-report-partial$'\t'2$'\t'[0-9a-f]{16}$ ]]
	[ "${lines[2]}" = $'set\tby\ttier\tmetric' ]
	[[ "$output" == *$'\npart\t0\t\t2\t13\t25\t'* ]]
	[[ "$output" == *$'\nhist\t61200:1\t90000:1\t115200:1\t176400:1\n'* ]]
	[[ "${lines[${#lines[@]} - 1]}" =~ ^end$'\t'$((${#lines[@]} - 1))$'\t'[0-9a-f]{16}$ ]]
	# no credit, cap or total: the statement's counts and its sum of breaches
	[[ "$output" == *$'\nstatement\t0\t1\t20727\t星河数据科技有限公司\t10\t1\t60000\n'* ]]
	[[ "$output" != *capped* && "$output" != *$'\ntotal\t'*$'\ntotal\t'* ]]
}

@test "a merged page says what the single run's says: the parts' inputs, the policy and its SHA-256, the as-of range" {
	gen_stream 40 7 A 2026-12-01T00:00:00+08:00 > "$T/a.tsv"
	gen_stream 40 8 B 2026-12-02T06:00:00+08:00 | awk 'NR > 1 { $2 += 1000 } 1' OFS='\t' > "$T/b.tsv"
	sla-report -p "$CONTRACT" --partial "$T/a.tsv" > "$T/a.part" 2> /dev/null
	sla-report -p "$CONTRACT" --partial "$T/b.tsv" > "$T/b.part" 2> /dev/null
	grep -qx $'input\t0\t'"$T/a.tsv" "$T/a.part"
	grep -qx $'origin\t'"$CONTRACT"$'\t'"$(sha256sum < "$CONTRACT" | cut -c1-64)" "$T/a.part"
	grep -qx $'asof\t1796054400\t1796054400' "$T/a.part"
	grep -q $'^slice\t0\t' "$T/a.part"
	sla-report --merge -f html "$T/b.part" "$T/a.part" > "$T/got.html"
	sla-report -p "$CONTRACT" -f html "$T/a.tsv" "$T/b.tsv" > "$T/want.html" 2> /dev/null
	cmp "$T/want.html" "$T/got.html"
	grep -q "<code>$T/a.tsv</code>" "$T/got.html"
	grep -q "<code>$T/b.tsv</code>" "$T/got.html"
	grep -q "$(sha256sum < "$CONTRACT" | cut -c1-64)" "$T/got.html"
	grep -q '2026-12-01T00:00:00+08:00' "$T/got.html"
	grep -q '2026-12-02T06:00:00+08:00' "$T/got.html"
	# the as-of instant is the runs': a merge takes no --now
	run --separate-stderr sla-report --merge --now 2026-12-03T00:00:00+08:00 "$T/a.part"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--merge: the as-of instant comes from the partials"* ]]
}

@test "the recipe: sla-parse once, GNU parallel on 2 local jobs, sla-report --merge: the single run's bytes" {
	command -v parallel > /dev/null || skip "no GNU parallel"
	policy=$BATS_TEST_DIRNAME/../../lib/data/examples/contract.ini
	now=2026-11-01T00:00:00+08:00
	sla-parse "$DATA/sample.csv" > "$T/tickets.tsv" 2> /dev/null
	sla-classify "$T/tickets.tsv" | sla-check -p "$policy" --now $now 2> /dev/null |
		sla-report -p "$policy" > "$T/want"
	mkdir "$T/parts"
	parallel -j 2 --pipepart -a "$T/tickets.tsv" --header : --block -3 \
		"sla-classify | sla-check -p '$policy' --now $now 2> /dev/null | sla-report -p '$policy' --partial > '$T/parts/part.{#}'"
	[ "$(ls "$T/parts" | wc -l)" -ge 2 ]
	sla-report --merge "$T"/parts/part.* > "$T/got"
	cmp "$T/want" "$T/got"
	# the same in every format, and through --merge --partial
	sla-report --merge --partial "$T"/parts/part.* | sla-report --merge -f json > "$T/got.json"
	sla-classify "$T/tickets.tsv" | sla-check -p "$policy" --now $now 2> /dev/null |
		sla-report -p "$policy" -f json | cmp - "$T/got.json"
}

@test "the recipe over hosts: parallel --sshlogin through a stand-in ssh, the partials on one stream" {
	command -v parallel > /dev/null || skip "no GNU parallel"
	# The stand-in: drops ssh's options and the host, notes the host, and
	# runs the command here, as the host would.
	cat > "$T/ssh" <<-EOF
	#!/bin/sh
	while [ \$# -gt 0 ]; do
		case \$1 in
		-l|-p|-o|-i|-F|-S|-J) shift 2 ;;
		-*) shift ;;
		*) echo "\$1" >> "$T/hosts"; shift; break ;;
		esac
	done
	[ "\${1:-}" = -- ] && shift
	exec sh -c "\$*"
	EOF
	chmod +x "$T/ssh"
	now=2026-11-01T00:00:00+08:00
	sla-parse "$DATA/sample.csv" > "$T/tickets.tsv" 2> /dev/null
	sla-classify "$T/tickets.tsv" | sla-check --now $now 2> /dev/null | sla-report -f tsv > "$T/want"
	run --separate-stderr bash -c "set -o pipefail
		SHELL=/bin/sh parallel --env PATH --ssh '$T/ssh' --sshlogin 1/host-a,1/host-b --pipepart -a '$T/tickets.tsv' \
			--header : --block -2 'sla-classify | sla-check --now $now 2> /dev/null | sla-report --partial' |
		sla-report --merge -f tsv"
	[ "$status" -eq 0 ] || { echo "$stderr" | head -8; return 1; }
	[ "$output" = "$(cat "$T/want")" ]
	[ "$(sort -u "$T/hosts" | tr '\n' ' ')" = "host-a host-b " ]
}

@test "month to date: yesterday's merged partial and today's, of two exports told apart by --source" {
	# two days' exports, each numbered from line 2 by its own sla-parse run
	gen_stream 60 7 A > "$T/d1.tsv"
	gen_stream 50 8 B > "$T/d2.tsv"
	nparts=$(cut_stream "$T/d1.tsv" 3 "$T/a" 1)
	for p in $(seq "$nparts"); do
		sla-report -p "$CONTRACT" --partial --source 2026-11-01 "$T/a.$p" > "$T/a.$p.part" 2> /dev/null
	done
	sla-report --merge --partial "$T"/a.*.part > "$T/mtd-yesterday"
	sla-report -p "$CONTRACT" --partial --source 2026-11-02 "$T/d2.tsv" > "$T/today" 2> /dev/null
	sla-report --merge "$T/today" "$T/mtd-yesterday" > "$T/got"
	{ cat "$T/d1.tsv"; tail -n +2 "$T/d2.tsv"; } | sla-report -p "$CONTRACT" 2> /dev/null > "$T/want"
	cmp "$T/want" "$T/got"
	[[ "$(cat "$T/got")" == *"Rows read"*"$(($(wc -l < "$T/d1.tsv") + $(wc -l < "$T/d2.tsv") - 2))"* ]]
	# without --source the two exports' lines overlap: refused
	sla-report -p "$CONTRACT" --partial "$T/d1.tsv" > "$T/yesterday-unnamed" 2> /dev/null
	sla-report -p "$CONTRACT" --partial "$T/d2.tsv" > "$T/today-unnamed" 2> /dev/null
	run --separate-stderr sla-report --merge "$T/yesterday-unnamed" "$T/today-unnamed"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sla-report: $T/"*"-unnamed: its part of lines "*" overlaps lines "*"-unnamed: not one split of one stream (partials of different exports need --source)" ]]
}

# --- bad partials: each its message, exit 2 ---------------------------------

make_parts() {
	cut_stream "$DATA/check/statement.tsv" 3 "$T/s" 5 > /dev/null
	for p in 1 2 3; do sla-report -p "$CONTRACT" --partial "$T/s.$p" > "$T/p.$p"; done
}

# sla-report ARGS... is refused with exactly the message WANT, exit 2,
# nothing on standard output.
assert_refused() {
	local want=$1
	shift
	run --separate-stderr sla-report "$@"
	[ "$status" -eq 2 ] || { echo "exit $status"; return 1; }
	[ -z "$output" ] || { echo "wrote $output"; return 1; }
	[ "$stderr" = "$want" ] || { echo "said: $stderr"; echo "not:  $want"; return 1; }
}

@test "a truncated partial: cut inside a line, at a line, or followed by the next partial" {
	make_parts
	head -c 300 "$T/p.2" > "$T/cut"
	n=$(wc -l < "$T/cut")
	assert_refused "sla-report: $T/cut: truncated partial report: it ends at line $((n + 1)) without its end line" \
		--merge "$T/p.1" "$T/cut"
	sed '$d' "$T/p.2" > "$T/noend"
	assert_refused "sla-report: $T/noend: truncated partial report: it ends at line $(wc -l < "$T/noend") without its end line" \
		--merge "$T/noend" "$T/p.1"
	cat "$T/noend" "$T/p.1" > "$T/joined"
	assert_refused "sla-report: $T/joined:$(($(wc -l < "$T/noend") + 1)): truncated partial report: the one before ends without its end line" \
		--merge "$T/joined"
	# a count changed, or a line dropped: the end line tells
	sed 's/^rows\t\(.*\)/rows\t9\1/' "$T/p.2" > "$T/changed"
	assert_refused "sla-report: $T/changed:$(wc -l < "$T/changed"): damaged partial report: its bytes are not the ones its end line digests" \
		--merge "$T/changed"
	sed '/^hist/d' "$T/p.2" > "$T/dropped"
	assert_refused "sla-report: $T/dropped:$(wc -l < "$T/dropped"): damaged partial report: its end line counts other lines" \
		--merge "$T/dropped"
}

@test "partials of other settings, versions or policies do not merge" {
	make_parts
	sla-report -p "$CONTRACT" --by customer --partial "$T/s.2" > "$T/by-customer"
	assert_refused "sla-report: $T/by-customer:3: --by: not the setting of $T/p.1, the first partial read: partials of other settings do not merge \"customer\"" \
		--merge "$T/p.1" "$T/by-customer"
	sla-report -p "$CONTRACT" --tz UTC --partial "$T/s.2" > "$T/utc"
	assert_refused "sla-report: $T/utc:5: the time zone (--tz, or the policy's): not the setting of $T/p.1, the first partial read: partials of other settings do not merge \"UTC\"" \
		--merge "$T/p.1" "$T/utc"
	sla-report --partial "$T/s.2" > "$T/default-policy"
	assert_refused "sla-report: $T/default-policy:6: the policy: not the setting of $T/p.1, the first partial read: partials of other settings do not merge \"$(sed -n 's/^set\tpolicy\t//p' "$T/default-policy")\"" \
		--merge "$T/p.1" "$T/default-policy"
	sed '1s/\t2\t/\t3\t/' "$T/p.1" > "$T/v3"
	assert_refused "sla-report: $T/v3:1: a partial report of another format version: this sla-report reads version 2 only \"3\"" \
		--merge "$T/v3"
	# a --policy or --tz given to the merge is checked
	run --separate-stderr sla-report --merge -p "$CONTRACT" --tz Asia/Shanghai "$T"/p.*
	[ "$status" -eq 0 ]
	assert_refused "sla-report: $T/p.1: made with another policy than --policy $DATA/check/schools.ini (policy digest $(sed -n 's/^set\tpolicy\t//p' "$T/p.1"))" \
		--merge -p "$DATA/check/schools.ini" "$T"/p.*
	assert_refused "sla-report: $T/p.1: made in another time zone than --tz UTC \"Asia/Shanghai\"" \
		--merge --tz UTC "$T"/p.*
}

@test "the same part twice, directly, in one stream, or inside a merged partial, is refused" {
	make_parts
	rows=$(awk -F '\t' '$1 == "part" { print $4 "-" $5 " (" $6 " rows)" }' "$T/p.2")
	assert_refused "sla-report: $T/p.2: a part given twice: lines $rows are in $T/p.2 too" \
		--merge "$T/p.1" "$T/p.2" "$T/p.2" "$T/p.3"
	sla-report --merge --partial "$T/p.1" "$T/p.2" > "$T/m12"
	assert_refused "sla-report: $T/p.2: a part given twice: lines $rows are in $T/m12 too" \
		--merge "$T/m12" "$T/p.2" "$T/p.3"
	run --separate-stderr sh -c "cat '$T/p.2' '$T/p.2' | sla-report --merge"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-report: <stdin>: a part given twice: lines $rows are in <stdin> too" ]
	# two cuts of one stream that overlap
	sla-report -p "$CONTRACT" --partial "$DATA/check/statement.tsv" > "$T/whole"
	run --separate-stderr sla-report --merge "$T/whole" "$T/p.2"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sla-report: $T/"*": its part of lines "*" overlaps lines "*": not one split of one stream (partials of different exports need --source)" ]]
}

@test "anything that is not a partial is refused: a check stream, garbage, nothing" {
	assert_refused "sla-report: $DATA/check/statement.tsv:1: not a partial report (sla-report --partial) \"id\\tline\\tcustomer\\ttier\\tmetric\\tcalendar\\tst\"" \
		--merge "$DATA/check/statement.tsv"
	printf 'sla-report-partial\t2\tnot-a-digest\n' > "$T/junk"
	assert_refused "sla-report: $T/junk:1: not a partial report's header line \"sla-report-partial\\t2\\tnot-a-digest\"" \
		--merge "$T/junk"
	sla-report -p "$CONTRACT" --partial "$DATA/check/statement.tsv" | sed 's/^group\t0\t1\t/group\t0\tone\t/' > "$T/bad-field"
	# the message names the line of the bad field, wherever the settings end
	at=$(awk -F'\t' '$1 == "group" && $3 == "one" { print NR; exit }' "$T/bad-field")
	[ "$at" -gt 1 ]
	assert_refused "sla-report: $T/bad-field:$at: group: not a partial report's field \"one\"" \
		--merge "$T/bad-field"
	: > "$T/empty"
	assert_refused "sla-report: no partial report to merge" --merge "$T/empty"
	head -c 2000 /dev/urandom > "$T/random" 2> /dev/null || true
	run --separate-stderr sla-report --merge "$T/random"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
}

@test "options: what --merge takes from the partials, and what --partial does not write" {
	for args in "--by customer" "--period day" "--top 3"; do
		assert_usage_error "--merge: ${args%% *} comes from the partials" sla-report --merge $args x.part
	done
	assert_usage_error "--merge: --strict is for reading rows, not partials" sla-report --merge --strict x.part
	assert_usage_error "--partial: a partial report has no --format" sla-report --partial -f json x.tsv
	assert_usage_error "--partial: a partial report has no --lang" sla-report --merge --partial --lang zh x.part
	assert_usage_error "--source: only with --partial, of a stream's rows" sla-report --source a x.tsv
	assert_usage_error "--source: only with --partial, of a stream's rows" sla-report --merge --partial --source a x.part
	run sla-report --help
	for opt in --partial --merge --source; do
		[[ "$output" == *"$opt"* ]]
	done
	[ -w /dev/full ] || skip "no /dev/full"
	assert_write_refused "the partial report" sla-report -p "$CONTRACT" --partial "$DATA/check/statement.tsv"
}

@test "an empty part adds nothing, and the report of empty parts is the empty report" {
	head -n 1 "$DATA/check/statement.tsv" > "$T/empty.tsv"
	sla-report -p "$CONTRACT" --partial "$T/empty.tsv" > "$T/e1"
	sla-report -p "$CONTRACT" --partial "$T/empty.tsv" > "$T/e2"
	sla-report -p "$CONTRACT" --partial "$DATA/check/statement.tsv" > "$T/all"
	sla-report --merge "$T/e1" "$T/all" "$T/e2" | cmp - <(sla-report -p "$CONTRACT" "$DATA/check/statement.tsv")
	sla-report --merge -f json "$T/e1" "$T/e2" | cmp - <(sla-report -p "$CONTRACT" -f json "$T/empty.tsv")
}
