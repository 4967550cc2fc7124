#!/usr/bin/env bats
# sla-check: options, policies good and bad, lint, the check stream.

load helpers
bats_require_minimum_version 1.5.0

NOW=2026-10-08T12:00:00+08:00
ROOT="$BATS_TEST_DIRNAME/../.."

@test "sla-check --help lists every option, and so do the man page and completions" {
	run sla-check --help
	[ "$status" -eq 0 ]
	for opt in policy now tz calendars keep fail-on strict lint print-policy quiet help version; do
		[[ "$output" == *"--$opt"* ]] || { echo "--help lacks --$opt"; false; }
		grep -q -- "Fl -$opt" "$ROOT/man/sla-check.1" || { echo "man lacks $opt"; false; }
		grep -q -- "--$opt" "$ROOT/completions/bash/sla-check" || { echo "bash lacks $opt"; false; }
		grep -q -- "--$opt=\{0,1\}}" "$ROOT/completions/zsh/_sla-check" || { echo "zsh lacks $opt"; false; }
		grep -q -- "-l $opt" "$ROOT/completions/fish/sla-check.fish" || { echo "fish lacks $opt"; false; }
	done
}

@test "sla-check --version names the tool" {
	run sla-check --version
	[ "$status" -eq 0 ]
	[[ "$output" == "sla-check (sla-tools) "* ]]
}

@test "usage errors exit 2" {
	run sla-check --fail-on sometimes
	[ "$status" -eq 2 ]
	[[ "$output" == *'--fail-on: expected breach, overdue, at-risk or invalid "sometimes"'* ]]
	run sla-check --no-such-option
	[ "$status" -eq 2 ]
	run sla-check --now yesterday --lint
	[ "$status" -eq 2 ]
	[[ "$output" == *'--now: cannot read time "yesterday"'* ]]
	run sla-check --keep a,,b
	[ "$status" -eq 2 ]
}

@test "every bad policy is fatal and names file:line, the key and the fault" {
	for f in "$DATA"/policies/bad-*.ini; do
		expect=$(sed -n '1s/^; expect: //p' "$f")
		case $expect in
		[0-9]*) want="sla-check: $f:$expect" ;;
		*) want="sla-check: $f: $expect" ;;
		esac
		run sla-check --lint --policy "$f"
		[ "$status" -eq 2 ] || { echo "$f: status $status"; false; }
		[ "${lines[0]}" = "$want" ] || { echo "$f: got '${lines[0]}' want '$want'"; false; }
	done
}

@test "good policies lint clean" {
	for f in "$DATA"/policies/good-*.ini; do
		run sla-check --lint --now "$NOW" --policy "$f"
		[ "$status" -eq 0 ]
		[ "$output" = "sla-check: $f: 0 warnings" ]
	done
	run sla-check --lint --now "$NOW"
	[ "$output" = "sla-check: <default>: 0 warnings" ]
}

@test "--lint warns about each trap and still exits 0" {
	cd "$DATA/policies"
	run sla-check --lint --now 2031-03-01T00:00:00+08:00 --policy lint-traps.ini
	[ "$status" -eq 0 ]
	assert_golden check-lint-traps.txt
}

@test "--print-policy prints the embedded default, byte for byte, and it reads back" {
	run sla-check --print-policy
	[ "$status" -eq 0 ]
	diff <(sla-check --print-policy) "$ROOT/lib/data/default-policy.ini"
	sla-check --print-policy > "$BATS_TEST_TMPDIR/copy.ini"
	diff <(sla-check --now "$NOW" "$DATA/check/tickets.tsv" 2>/dev/null) \
	     <(sla-check --now "$NOW" --policy "$BATS_TEST_TMPDIR/copy.ini" "$DATA/check/tickets.tsv" 2>/dev/null)
}

@test "--print-policy prints a policy file as written" {
	run sla-check --print-policy --policy "$DATA/policies/good-full.ini"
	[ "$status" -eq 0 ]
	diff <(sla-check --print-policy --policy "$DATA/policies/good-full.ini") "$DATA/policies/good-full.ini"
}

@test "the default policy over hand-made tickets (every status)" {
	run --separate-stderr sla-check --now "$NOW" --keep description "$DATA/check/tickets.tsv"
	[ "$status" -eq 0 ]
	assert_golden check-default.tsv
}

@test "record errors are reported on stderr with file:line and column" {
	run bash -c "sla-check --now $NOW '$DATA/check/tickets.tsv' 2>&1 >/dev/null"
	[ "$output" = "sla-check: $DATA/check/tickets.tsv:10: tier: unknown tier \"platinum\"" ]
}

@test "a policy with penalties: fixed, per started hour, max, penalty.METRIC, calendar.METRIC" {
	run --separate-stderr sla-check --now "$NOW" --policy "$DATA/policies/good-full.ini" "$DATA/check/tickets.tsv"
	[ "$status" -eq 0 ]
	assert_golden check-full.tsv
	# C02 by hand: response 30 min over: 500 + 1 started hour x 100
	[[ "$output" == *$'C02\t3\tNorthwind Traders, Ltd.\turgent\tresponse\t'*$'\t1800\tbreached\t600.00\t'* ]]
}

@test "standard input, and - as a file name" {
	a=$(sla-check --now "$NOW" < "$DATA/check/tickets.tsv" 2>/dev/null)
	b=$(cat "$DATA/check/tickets.tsv" | sla-check --now "$NOW" - 2>/dev/null)
	c=$(sla-check --now "$NOW" "$DATA/check/tickets.tsv" 2>/dev/null)
	[ "$a" = "$c" ]
	[ "$b" = "$c" ]
}

@test "--fail-on exits 1 only when such a row was written" {
	run sla-check --now "$NOW" --fail-on breach "$DATA/check/tickets.tsv"
	[ "$status" -eq 1 ]
	# before any ticket was opened, nothing is broken yet: all excluded
	# (opened after --now) or invalid
	run sla-check --now 2026-08-01T00:00:00+08:00 --fail-on breach,overdue,at-risk "$DATA/check/tickets.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *$'\tbreached\t'* ]]
	[[ "$output" != *$'\toverdue\t'* ]]
	run sla-check --now 2026-08-01T00:00:00+08:00 --fail-on breach "$DATA/check/tickets.tsv"
	[ "$status" -eq 0 ]
}

@test "--fail-on invalid exits 1 when a ticket could not be measured, and 0 when none was" {
	# tickets.tsv has an unreadable time and an unknown tier
	run --separate-stderr sla-check --now "$NOW" --fail-on invalid "$DATA/check/tickets.tsv"
	[ "$status" -eq 1 ]
	[[ "$output" == *$'\tinvalid\t'* ]]
	printf 'id\ttier\topened\tfirst_response\tresolved\nV1\thigh\t2026-10-08T09:00:00+08:00\t2026-10-08T09:10:00+08:00\t\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now "$NOW" --fail-on invalid "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# a tier the policy does not know, as a contract of one's own with the default rules gives
	printf 'id\ttier\topened\nV2\tnormal\t2026-10-08T09:00:00+08:00\n' > "$BATS_TEST_TMPDIR/u.tsv"
	printf '[policy]\ntimezone = Asia/Shanghai\n[tier gold]\ncalendar = 24x7\nresponse = 1h\n' \
		> "$BATS_TEST_TMPDIR/p.ini"
	run --separate-stderr sla-check --now "$NOW" --policy "$BATS_TEST_TMPDIR/p.ini" \
		--fail-on breach,invalid "$BATS_TEST_TMPDIR/u.tsv"
	[ "$status" -eq 1 ]
}

@test "--strict makes an invalid row fatal" {
	run sla-check --now "$NOW" --strict "$DATA/check/tickets.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"tickets.tsv:9: invalid record (--strict) \"opened: cannot read time"* ]]
}

@test "--tz reads and writes times in another zone" {
	run --separate-stderr sla-check --now 2026-10-08T04:00:00Z --tz UTC "$DATA/check/tickets.tsv"
	[ "$status" -eq 0 ]
	# C04 was opened at 17:00 wall-clock time, now read in UTC
	[[ "$output" == *$'C04\t5\tBeta\tnormal\tresponse\t5x8\t2026-09-30T17:00:00+00:00\t'* ]]
	# C01 carries its offset: the same instant, shown in UTC
	[[ "$output" == *$'C01\t2\t星河数据\turgent\tresponse\t24x7\t2026-09-30T02:00:00+00:00\t'* ]]
}

@test "--keep carries ticket columns along and refuses unknown ones" {
	run sla-check --now "$NOW" --keep customer "$DATA/check/tickets.tsv"
	[ "$status" -eq 2 ]
	run sla-check --now "$NOW" --keep priority,nosuch "$DATA/check/tickets.tsv"
	[ "$status" -eq 2 ]
	[ "$output" = "sla-check: $DATA/check/tickets.tsv:1: nosuch: the ticket stream has no such column (--keep)" ]
	run --separate-stderr sla-check --now "$NOW" --keep category,description "$DATA/check/tickets.tsv"
	[ "${lines[0]}" = $'id\tline\tcustomer\ttier\tmetric\tcalendar\tstart\tdue\tstop\ttarget_s\telapsed_s\tpaused_s\toverrun_s\tstatus\tpenalty\treason\tcalendar_note\tas_of\tcategory\tdescription' ]
}

@test "a missing policy file is fatal" {
	run sla-check --policy /nonexistent.ini "$DATA/check/tickets.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == "sla-check: /nonexistent.ini: cannot open policy: "* ]]
}

# Property: every ticket comes out, as one row per metric with a target in
# its tier (replacement always applies here), or one invalid row.
@test "rows out = the sum over tickets of the metrics with a target" {
	policy="$BATS_TEST_TMPDIR/always.ini"
	sla-check --print-policy | sed 's/^when  = resolve > 8h/when  = always/' > "$policy"
	grep -q '^when  = always' "$policy"
	awk 'BEGIN {
		srand(42)
		split("urgent,high,normal,low,,gold", tiers, ",")
		print "id\ttier\topened\tfirst_response\tresolved\treplaced"
		for (i = 0; i < 2000; i++) {
			t = tiers[int(rand() * 6) + 1]
			d = sprintf("2026-%02d-%02dT%02d:%02d:00+08:00", int(rand() * 12) + 1,
				    int(rand() * 28) + 1, int(rand() * 24), int(rand() * 60))
			r = rand() < 0.5 ? d : ""
			print "T" i "\t" t "\t" d "\t" r "\t\t" r
		}
	}' > "$BATS_TEST_TMPDIR/t.tsv"
	want=$(awk -F'\t' 'NR > 1 {
		n["urgent"] = 4; n["high"] = 2; n["normal"] = 2; n["low"] = 1; n[""] = 2
		rows += ($2 in n) ? n[$2] : 1
	} END { print rows }' "$BATS_TEST_TMPDIR/t.tsv")
	got=$(sla-check --now "$NOW" --policy "$policy" "$BATS_TEST_TMPDIR/t.tsv" 2>/dev/null | tail -n +2 | wc -l)
	[ "$got" -eq "$want" ]
	ids=$(sla-check --now "$NOW" --policy "$policy" "$BATS_TEST_TMPDIR/t.tsv" 2>/dev/null | tail -n +2 | cut -f1 | sort -u | wc -l)
	[ "$ids" -eq 2000 ]
}

@test "a ragged record, and a wall-clock time in a DST gap, are invalid rows" {
	printf 'id\ttier\topened\nR1\thigh\t2026-03-29 02:30:00\nR2\thigh\nR3\thigh\t2026-03-29 03:30:00\textra\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --tz Europe/Berlin --now 2026-04-01T00:00:00Z "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f1,5,14,16 | tail -n +2)" = "$(printf '%s\n' \
		$'R1\tresponse\tinvalid\topened: wall-clock time skipped by a DST change "2026-03-29 02:30:00"' \
		$'R1\tresolve\tinvalid\topened: wall-clock time skipped by a DST change "2026-03-29 02:30:00"' \
		$'R2\tresponse\tinvalid\tthe record has 2 fields, the header 3' \
		$'R2\tresolve\tinvalid\tthe record has 2 fields, the header 3' \
		$'R3\tresponse\tinvalid\tthe record has 4 fields, the header 3' \
		$'R3\tresolve\tinvalid\tthe record has 4 fields, the header 3')" ]
	[[ "$stderr" == *"t.tsv:2: opened: wall-clock time skipped by a DST change"* ]]
	[[ "$stderr" == *"t.tsv:4: the record has 4 fields, the header 3"* ]]
}

@test "a stream without a metric's column: that metric's rows are invalid, said once" {
	# urgent has an onsite target; this export has no onsite column
	printf 'id\ttier\topened\tfirst_response\tresolved\treplaced\n%s\n%s\n' \
		$'W1\turgent\t2026-10-08T09:00:00+08:00\t2026-10-08T09:30:00+08:00\t2026-10-08T10:00:00+08:00\t' \
		$'W2\turgent\t2026-10-08T09:00:00+08:00\t\t\t' > "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now "$NOW" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-check: $BATS_TEST_TMPDIR/t.tsv:1: onsite: warning: the ticket stream has no such column: metric onsite cannot be assessed, its rows are invalid" ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "onsite" { print $1, $14, $15, $16 }')" = "$(printf '%s\n' \
		'W1 invalid  onsite: the ticket stream has no such column' \
		'W2 invalid  onsite: the ticket stream has no such column')" ]
	# the other metrics are measured as ever: W1 responded in 30 minutes
	[[ "${lines[1]}" == $'W1\t\t\turgent\tresponse\t24x7\t'*$'\t3600\t1800\t0\t0\tmet\t\t\t\t'"$NOW" ]]
}

@test "a stream without resolved: resolve, and replacement that asks about it, are invalid" {
	printf 'id\ttier\topened\tfirst_response\tonsite\treplaced\n%s\n' \
		$'W1\turgent\t2026-10-01T09:00:00+08:00\t2026-10-01T09:30:00+08:00\t2026-10-01T10:00:00+08:00\t' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now "$NOW" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f5,14,16 | tail -n +2)" = "$(printf '%s\n' \
		$'response\tmet\t' $'onsite\tmet\t' \
		$'resolve\tinvalid\tresolved: the ticket stream has no such column' \
		$'replacement\tinvalid\tresolved: the ticket stream has no such column')" ]
	[ "$(printf '%s\n' "$stderr" | grep -c ':1: resolved: warning: the ticket stream has no such column')" -eq 2 ]
	# no penalty is invented for a clock that never stops
	[[ "$output" != *overdue* ]]
}

@test "--now without an offset is wall-clock time in the policy's zone" {
	a=$(sla-check --now 2026-10-08T12:00:00 "$DATA/check/tickets.tsv" 2>/dev/null)
	b=$(sla-check --now "$NOW" "$DATA/check/tickets.tsv" 2>/dev/null)
	[ "$a" = "$b" ]
	c=$(sla-check --now 2026-10-08T12:00:00 --tz UTC "$DATA/check/tickets.tsv" 2>/dev/null)
	[ "$a" != "$c" ]
}

@test "--now of a date alone is the start of that day in the policy's zone, as sla-time reads it" {
	a=$(sla-check --now 2026-10-08 "$DATA/check/tickets.tsv" 2>/dev/null)
	b=$(sla-check --now 2026-10-08T00:00:00+08:00 "$DATA/check/tickets.tsv" 2>/dev/null)
	[ -n "$a" ]
	[ "$a" = "$b" ]
	c=$(sla-check --now 2026-10-08 --tz UTC "$DATA/check/tickets.tsv" 2>/dev/null)
	d=$(sla-check --now 2026-10-08T00:00:00Z --tz UTC "$DATA/check/tickets.tsv" 2>/dev/null)
	[ "$c" = "$d" ]
	run sla-check --now 2026-03-01 --lint
	[ "$status" -eq 0 ]
	# the forms sla-time reads; a slash date of unknown order is refused as there
	assert_usage_error '--now: day/month order unknown (write the date as 2026-03-02) "3/2/2026"' \
		sla-check --now 3/2/2026 --lint
	assert_usage_error '--now: wall-clock time skipped by a DST change "2026-03-29T02:30"' \
		sla-check --now 2026-03-29T02:30 --tz Europe/Berlin --lint
}

@test "--fail-on at-risk fails on the at-risk row alone" {
	# as of 10:35 on 8 October only C11's response (95 of 120 min) is at risk
	run --separate-stderr sla-check --now 2026-10-08T10:35:00+08:00 --fail-on at-risk "$DATA/check/tickets.tsv"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$14 == "at-risk" { print $1, $5 }')" = "C11 response" ]
}

# Streaming: ten times the tickets, the same memory (within 2 MiB).
@test "memory does not grow with the number of tickets" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	gen() {
		awk -v n="$1" 'BEGIN {
			print "id\ttier\topened\tfirst_response\tresolved\tpaused"
			for (i = 0; i < n; i++)
				printf "T%d\t%s\t2026-09-%02dT10:00:00+08:00\t2026-09-%02dT11:30:00+08:00\t\t" \
				       "2026-09-%02dT12:00:00+08:00/2026-09-%02dT13:00:00+08:00\n",
				       i, i % 3 ? "normal" : "urgent", i % 28 + 1, i % 28 + 1, i % 28 + 1, i % 28 + 1
		}'
	}
	gen 20000 > "$BATS_TEST_TMPDIR/small.tsv"
	gen 200000 > "$BATS_TEST_TMPDIR/large.tsv"
	rss() { /usr/bin/time -f %M sla-check --now "$NOW" "$1" 2>&1 >/dev/null | tail -1; }
	small=$(rss "$BATS_TEST_TMPDIR/small.tsv")
	large=$(rss "$BATS_TEST_TMPDIR/large.tsv")
	echo "peak RSS: $small KiB for 20000 tickets, $large KiB for 200000"
	[ "$large" -lt $((small + 2048)) ]
}

@test "the whole chain over the sample export: every ticket comes out (golden)" {
	run --separate-stderr bash -c "set -o pipefail; sla-parse '$DATA/sample.csv' | sla-classify |
		sla-check --now 2026-11-01T00:00:00+08:00"
	[ "$status" -eq 0 ]
	assert_golden check-sample.tsv
	want=$(sla-parse "$DATA/sample.csv" 2>/dev/null | tail -n +2 | cut -f1 | sort -u)
	got=$(printf '%s\n' "$output" | tail -n +2 | cut -f1 | sort -u)
	[ "$got" = "$want" ]
	# INC-20260901, by hand: opened 03:45, answered 04:19, 34 minutes of 1 hour
	[[ "$output" == *$'INC-20260901\t2\t星河数据科技有限公司\turgent\tresponse\t24x7\t'*$'\t3600\t2040\t0\t0\tmet\t\t'* ]]
}

@test "a make-up Saturday is worked with the workday hours: opened Fri 17:00, answered Sat 14:00, 30 min over 4h" {
	printf 'id\ttier\topened\tfirst_response\tresolved\nM1\tnormal\t2026-02-13T17:00:00+01:00\t2026-02-14T14:00:00+01:00\t\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-01T00:00:00Z --policy "$DATA/sla-time/makeup-dst.ini" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = $'M1\t\t\tnormal\tresponse\thalf\t2026-02-13T17:00:00+01:00\t2026-02-14T12:00:00+01:00\t2026-02-14T14:00:00+01:00\t14400\t16200\t0\t1800\tbreached\t\t\t\t2026-03-01T01:00:00+01:00' ]
}

@test "a target that is never due (a calendar without hours) is invalid, and --lint says so" {
	printf '[policy]\ntimezone = Asia/Shanghai\n[calendar none]\nmon-sun = closed\n[tier normal]\ncalendar = none\nresponse = 8h\nresolve = 2wd@close\n' \
		> "$BATS_TEST_TMPDIR/none.ini"
	printf 'id\ttier\topened\tfirst_response\tresolved\nN1\tnormal\t2026-10-08T09:00:00+08:00\t\t\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now "$NOW" --policy "$BATS_TEST_TMPDIR/none.ini" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	why="no due time: the target is not reached before the year 10000 (has the calendar any hours?)"
	[ "${lines[1]}" = $'N1\t\t\tnormal\tresponse\tnone\t\t\t\t\t\t\t\tinvalid\t\t'"$why"$'\t\t'"$NOW" ]
	[ "${lines[2]}" = $'N1\t\t\tnormal\tresolve\tnone\t\t\t\t\t\t\t\tinvalid\t\t'"$why"$'\t\t'"$NOW" ]
	# the same words as sla-time's
	run sla-time --policy "$BATS_TEST_TMPDIR/none.ini" --calendar none due 2026-10-08T09:00:00+08:00 8h
	[ "$status" -eq 2 ]
	[[ "$output" == *"$why"* ]]
	run sla-check --lint --now "$NOW" --policy "$BATS_TEST_TMPDIR/none.ini"
	[ "$status" -eq 0 ]
	[[ "$output" == *"none.ini:4: warning: calendar none has no business hours: no target on it is ever due, its rows are invalid"* ]]
}

@test "--keep of a row with too many fields writes the extra tabs escaped, and the row keeps its columns" {
	printf 'id\ttier\topened\tfirst_response\tresolved\tnote\nR1\thigh\t2026-10-08T09:00:00+08:00\t\t\tone\ttwo\tthree\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now "$NOW" --keep note,opened "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '{ print NF }' | sort -u)" = 20 ]
	[ "$(printf '%s\n' "$output" | cut -f14,19,20 | tail -n +2)" = "$(printf '%s\n' \
		'invalid	one\ttwo\tthree	2026-10-08T09:00:00+08:00' 'invalid	one\ttwo\tthree	2026-10-08T09:00:00+08:00')" ]
}

@test "--now is read as the stream's times are, and says why it cannot be" {
	run sla-check --tz Europe/Berlin --now 2026-03-29T02:30:00 --lint
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = 'sla-check: --now: wall-clock time skipped by a DST change "2026-03-29T02:30:00"' ]
	run sla-check --now '' --lint
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = 'sla-check: --now: cannot read time ""' ]
	# an overlap takes the earlier instant, as in the stream
	a=$(sla-check --tz Europe/Berlin --now 2026-10-25T02:30:00 "$DATA/check/tickets.tsv" 2>/dev/null)
	b=$(sla-check --tz Europe/Berlin --now 2026-10-25T02:30:00+02:00 "$DATA/check/tickets.tsv" 2>/dev/null)
	[ "$a" = "$b" ]
}

@test "an unknown --tz is named once, quoted" {
	run sla-check --tz Mars/Olympus --lint
	[ "$status" -eq 2 ]
	[ "$output" = 'sla-check: --tz: unknown time zone "Mars/Olympus" (no such zone in the tz database)' ]
}

@test "a policy's [events] section is sla-parse's: read past, its keys checked" {
	run sla-check --lint --policy "$DATA/events/policy.ini"
	[ "$status" -eq 0 ]
	printf '[policy]\ntimezone = UTC\n[events]\npaus = 挂起\n' > "$BATS_TEST_TMPDIR/ev.ini"
	run sla-check --lint --policy "$BATS_TEST_TMPDIR/ev.ini"
	[ "$status" -eq 2 ]
	[[ "$output" == *'ev.ini:4: paus: unknown key in [events] "paus"; did you mean "pause"?' ]]
}

@test "policy lines of any length: a 1,000-byte name, a 100 KB holiday list, comments after" {
	policy="$BATS_TEST_TMPDIR/long.ini"
	awk 'BEGIN {
		name = ""; while (length(name) < 1000) name = name "广播系统维保合同, part " length(name) "; "
		printf "[policy]\nname = %s ; the contract\ntimezone = UTC\n[calendar c]\nmon-fri = 09:00-18:00\nholidays = ", name
		sep = ""
		for (y = 1970; y < 2030; y++) for (m = 1; m <= 12; m++) for (d = 1; d <= 28; d += 2) {
			printf "%s%04d-%02d-%02d", sep, y, m, d; sep = ", "
		}
		printf " ; every odd day to the 27th\n[tier normal]\ncalendar = c\nresponse = 8h\n"
	}' > "$policy"
	[ "$(awk 'NR == 2 { print length }' "$policy")" -gt 1000 ]
	[ "$(awk 'NR == 6 { print length }' "$policy")" -gt 100000 ]
	run sla-check --lint --now "$NOW" --policy "$policy"
	[ "$status" -eq 0 ]
	[ "$output" = "sla-check: $policy: 0 warnings" ]
	run sla-time --policy "$policy" --format tsv days 2029-12-27 2029-12-31
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f1,5 | tail -n +2 | tr '\t\n' ':,')" = \
	  "2029-12-27:holiday,2029-12-28:,2029-12-29:,2029-12-30:,2029-12-31:," ]
	printf 'bad = key\n' >> "$policy"
	run sla-check --lint --policy "$policy"
	[ "$status" -eq 2 ]
	[[ ${lines[0]} == "sla-check: $policy:10: bad: "* ]]
}

@test "--lint: credits or a cap without per = is a warning, with per = none" {
	run sla-check --lint --now "$NOW" --policy "$DATA/check/schools.ini"
	[ "$status" -eq 0 ]
	[ "$output" = "sla-check: $DATA/check/schools.ini: 0 warnings" ]
	grep -v '^per ' "$DATA/check/schools.ini" > "$BATS_TEST_TMPDIR/no-per.ini"
	run sla-check --lint --now "$NOW" --policy "$BATS_TEST_TMPDIR/no-per.ini"
	[ "$status" -eq 0 ]
	[[ "$output" == *"warning: [penalties] sets credits or a cap but not per: they apply to the whole contract (per = contract)"* ]]
	[[ "$output" == *": 1 warning" ]]
}

@test "a pause never moves an Nwd@time due earlier" {
	printf '[policy]\ntimezone = Asia/Shanghai\n[calendar day]\nmon-fri = 09:00-18:00\n[tier normal]\ncalendar = day\nresolve = 1wd@time\n' \
		> "$BATS_TEST_TMPDIR/p.ini"
	# opened Monday 08:00: counts from 09:00, due Tuesday 09:00; the pause
	# Monday 20:00-21:00 holds no business time and changes nothing
	printf 'id\ttier\topened\tresolved\tpaused\n%s\n%s\n%s\n' \
		$'A1\tnormal\t2026-03-02T08:00:00+08:00\t\t' \
		$'A2\tnormal\t2026-03-02T08:00:00+08:00\t\t2026-03-02T20:00:00+08:00/2026-03-02T21:00:00+08:00' \
		$'A3\tnormal\t2026-03-02T08:00:00+08:00\t\t2026-03-02T10:00:00+08:00/2026-03-02T11:00:00+08:00' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-02T22:00:00+08:00 --policy "$BATS_TEST_TMPDIR/p.ini" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# an hour paused in business time: the 9 h are reached Tuesday 10:00
	[ "$(printf '%s\n' "$output" | cut -f1,8,10,11,12,14 | tail -n +2)" = "$(printf '%s\n' \
		$'A1\t2026-03-03T09:00:00+08:00\t32400\t32400\t0\tat-risk' \
		$'A2\t2026-03-03T09:00:00+08:00\t32400\t32400\t0\tat-risk' \
		$'A3\t2026-03-03T10:00:00+08:00\t32400\t28800\t3600\tat-risk')" ]
}

@test "pauses after a metric's stop change nothing of its row" {
	policy="$BATS_TEST_TMPDIR/p.ini"
	printf '[policy]\ntimezone = Asia/Shanghai\n[tier normal]\ncalendar = 24x7\nresolve = 8h\n' > "$policy"
	# resolved Monday 12:00, 2 h after opening; due 18:00 whatever comes after
	printf 'id\ttier\topened\tresolved\tpaused\n%s\n%s\n%s\n%s\n' \
		$'M1\tnormal\t2026-03-02T10:00:00+08:00\t2026-03-02T12:00:00+08:00\t' \
		$'M2\tnormal\t2026-03-02T10:00:00+08:00\t2026-03-02T12:00:00+08:00\t2026-03-02T14:00:00+08:00/2026-03-02T15:00:00+08:00' \
		$'M3\tnormal\t2026-03-02T10:00:00+08:00\t2026-03-02T12:00:00+08:00\t2026-03-02T11:00:00+08:00/' \
		$'M4\tnormal\t2026-03-02T10:00:00+08:00\t2026-03-02T12:00:00+08:00\t2026-03-02T11:00:00+08:00/2026-03-02T16:00:00+08:00' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-03T00:00:00+08:00 --policy "$policy" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# M3, M4: paused from 11:00 past the stop, 1 h of it before the stop:
	# due 10:00 + 8 h + 1 h, business(start, due) = target + paused_s
	[ "$(printf '%s\n' "$output" | cut -f1,8,9,11,12,14 | tail -n +2)" = "$(printf '%s\n' \
		$'M1\t2026-03-02T18:00:00+08:00\t2026-03-02T12:00:00+08:00\t7200\t0\tmet' \
		$'M2\t2026-03-02T18:00:00+08:00\t2026-03-02T12:00:00+08:00\t7200\t0\tmet' \
		$'M3\t2026-03-02T19:00:00+08:00\t2026-03-02T12:00:00+08:00\t3600\t3600\tmet' \
		$'M4\t2026-03-02T19:00:00+08:00\t2026-03-02T12:00:00+08:00\t3600\t3600\tmet')" ]
}

@test "times after --now have not happened, before any comparison" {
	policy="$BATS_TEST_TMPDIR/p.ini"
	sla-check --print-policy > "$policy"
	printf '[metric fix]\nstart = first_response\nstop = resolved\n[tier fixing]\ncalendar = 24x7\nfix = 8h\n' >> "$policy"
	printf 'id\ttier\topened\tfirst_response\tonsite\tresolved\treplaced\n%s\n%s\n%s\n%s\n' \
		$'N1\turgent\t2026-03-04T10:00:00+08:00\t\t\t2026-03-03T09:00:00+08:00\t' \
		$'N2\tfixing\t2026-03-02T10:00:00+08:00\t2026-03-03T12:00:00+08:00\t\t2026-03-03T11:00:00+08:00\t' \
		$'N3\tfixing\t2026-03-02T10:00:00+08:00\t\t\t2026-03-02T11:00:00+08:00\t' \
		$'N4\tfixing\t2026-03-02T10:00:00+08:00\t2026-03-03T12:00:00+08:00\t\t2026-03-02T11:00:00+08:00\t' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-03T00:00:00+08:00 --policy "$policy" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# N1, opened after now: resolved (also after now) has not happened, so
	# it is not "before opened", and resolve has not run 8 h: no
	# replacement row.  N2: neither end of fix has happened: pending.  N3,
	# N4: fix stopped without having started, as of now: invalid.
	[ "$(printf '%s\n' "$output" | cut -f1,5,7,8,9,14,16 | tail -n +2)" = "$(printf '%s\n' \
		$'N1\tresponse\t2026-03-04T10:00:00+08:00\t2026-03-04T11:00:00+08:00\t\texcluded\topened after --now' \
		$'N1\tonsite\t2026-03-04T10:00:00+08:00\t2026-03-04T14:00:00+08:00\t\texcluded\topened after --now' \
		$'N1\tresolve\t2026-03-04T10:00:00+08:00\t2026-03-05T10:00:00+08:00\t\texcluded\topened after --now' \
		$'N2\tfix\t\t\t\tpending\tfirst_response: not yet' \
		$'N3\tfix\t\t\t\tinvalid\tfirst_response: not yet, but resolved has happened' \
		$'N4\tfix\t\t\t\tinvalid\tfirst_response: not yet, but resolved has happened')" ]
}

@test "a replacement obligation ends at the replacement or the repair, whichever comes first" {
	# opened 10:00, not fixed in 8 h (18:01), never replaced: the repair
	# ended the obligation 16 h before its deadline, so it is met (it was
	# overdue for ever, its overrun growing with --now)
	printf 'id\ttier\topened\tfirst_response\tonsite\tresolved\treplaced\n%s\n%s\n%s\n%s\n' \
		$'R1\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-02T18:01:00+08:00\t' \
		$'R2\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-03T12:00:00+08:00\t2026-03-03T09:00:00+08:00' \
		$'R3\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-04T10:00:00+08:00\t' \
		$'R4\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-03T11:00:00+08:00\t2026-12-01T00:00:00+08:00' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-11-01T00:00:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# R2: replaced at 09:00, before the repair.  R3: neither within 24 h:
	# breached by the repair.  R4: a replacement after now has not
	# happened; the repair at 25 h stops it
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "replacement"' | cut -f1,9,11,13,14)" = "$(printf '%s\n' \
		$'R1\t2026-03-02T18:01:00+08:00\t28860\t0\tmet' \
		$'R2\t2026-03-03T09:00:00+08:00\t82800\t0\tmet' \
		$'R3\t2026-03-04T10:00:00+08:00\t172800\t86400\tbreached' \
		$'R4\t2026-03-03T11:00:00+08:00\t90000\t3600\tbreached')" ]
	# and the embedded default says so
	sla-check --print-policy | grep -qx 'stop  = replaced | resolved'
}

@test "a first-of stop over a column the stream lacks: met when a present one proves it, else invalid" {
	# an export with no replaced column at all
	printf 'id\ttier\topened\tfirst_response\tonsite\tresolved\n%s\n%s\n%s\n%s\n' \
		$'X1\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-02T20:00:00+08:00' \
		$'X2\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-03T16:00:00+08:00' \
		$'X3\turgent\t2026-03-02T10:00:00+08:00\t\t\t' \
		$'X4\turgent\t2026-03-02T10:00:00+08:00\t\t\t2026-03-02T12:00:00+08:00' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-05T00:00:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-check: $BATS_TEST_TMPDIR/t.tsv:1: replaced: warning: the ticket stream has no such column: metric replacement is met only where another stop proves it, its other rows are invalid" ]
	# X1: repaired in 10 h, so a replacement, if any, came earlier: met,
	# the stop and elapsed time the latest they can be.  X2 (repaired at
	# 30 h) and X3 (not repaired) might have been replaced in time or not:
	# invalid.  X4: fixed in 2 h, no replacement was owed
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "replacement"' | cut -f1,9,11,14,16)" = "$(printf '%s\n' \
		$'X1\t2026-03-02T20:00:00+08:00\t36000\tmet\treplaced: the ticket stream has no such column; met by resolved' \
		$'X2\t\t\tinvalid\treplaced: the ticket stream has no such column' \
		$'X3\t\t\tinvalid\treplaced: the ticket stream has no such column')" ]
}

@test "a stop may be the first of several columns: a solution or an engineer on site" {
	policy="$BATS_TEST_TMPDIR/p.ini"
	printf '[policy]\ntimezone = Asia/Shanghai\n[metric relief]\nstart = opened\nstop = workaround | onsite\n[tier urgent]\ncalendar = 24x7\nrelief = 4h\n' > "$policy"
	run sla-check --lint --now 2026-03-05T00:00:00+08:00 --policy "$policy"
	[ "$status" -eq 0 ]
	printf 'id\ttier\topened\tonsite\tworkaround\n%s\n%s\n%s\n%s\n' \
		$'S1\turgent\t2026-03-02T10:00:00+08:00\t2026-03-02T13:00:00+08:00\t2026-03-02T16:00:00+08:00' \
		$'S2\turgent\t2026-03-02T10:00:00+08:00\t2026-03-02T16:00:00+08:00\t2026-03-02T13:30:00+08:00' \
		$'S3\turgent\t2026-03-02T10:00:00+08:00\t\t2026-03-02T15:00:00+08:00' \
		$'S4\turgent\t2026-03-02T10:00:00+08:00\t2026-03-02T09:00:00+08:00\t2026-03-02T11:00:00+08:00' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-05T00:00:00+08:00 --policy "$policy" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# the earliest of the two stops the clock; one before the start is
	# wrong data, whichever column it is
	[ "$(printf '%s\n' "$output" | cut -f1,9,11,14,16 | tail -n +2)" = "$(printf '%s\n' \
		$'S1\t2026-03-02T13:00:00+08:00\t10800\tmet\t' \
		$'S2\t2026-03-02T13:30:00+08:00\t12600\tmet\t' \
		$'S3\t2026-03-02T15:00:00+08:00\t18000\tbreached\t' \
		$'S4\t\t\tinvalid\tonsite before opened')" ]
}

@test "a when over a first-of stop the stream lacks in part: false where proven, else undecided" {
	policy="$BATS_TEST_TMPDIR/p.ini"
	printf '[policy]\ntimezone = Asia/Shanghai\n[metric relief]\nstart = opened\nstop = workaround | onsite\n[metric escalate]\nstart = opened\nstop = escalated\nwhen = relief > 1h\n[tier urgent]\ncalendar = 24x7\nrelief = 4h\nescalate = 8h\n' > "$policy"
	# no workaround column
	printf 'id\ttier\topened\tonsite\tescalated\n%s\n%s\n' \
		$'E1\turgent\t2026-03-02T10:00:00+08:00\t2026-03-02T10:30:00+08:00\t' \
		$'E2\turgent\t2026-03-02T10:00:00+08:00\t2026-03-02T13:00:00+08:00\t2026-03-02T14:00:00+08:00' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-05T00:00:00+08:00 --policy "$policy" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# E1: relief took 30 min at most: no escalation was owed.  E2: at most
	# 3 h, perhaps less than 1 h: escalate cannot be decided
	[ "$(printf '%s\n' "$output" | cut -f1,5,14,16 | tail -n +2)" = "$(printf '%s\n' \
		$'E1\trelief\tmet\tworkaround: the ticket stream has no such column; met by onsite' \
		$'E2\trelief\tmet\tworkaround: the ticket stream has no such column; met by onsite' \
		$'E2\tescalate\tinvalid\tworkaround: the ticket stream has no such column')" ]
	[ "$(printf '%s\n' "$stderr" | grep -c 'workaround: warning: the ticket stream has no such column: metric \(relief\|escalate\) is met only where another stop proves it')" -eq 2 ]
}

@test "holiday data: a row that runs past the years cn covers gets a calendar_note, and one warning for the run" {
	printf 'id\ttier\topened\tfirst_response\tresolved\nH1\tnormal\t2026-12-31T17:00:00+08:00\t\t\nH2\tnormal\t2026-12-31T16:00:00+08:00\t\t\nH3\tnormal\t2026-12-01T10:00:00+08:00\t2026-12-01T11:00:00+08:00\t2026-12-02T10:00:00+08:00\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2027-01-05T00:00:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	note='calendar "5x8": dates outside the years its holiday data "cn" covers (2019-2026); holidays after 2026 are not known'
	[ "$(printf '%s\n' "$output" | awk -F'\t' 'NR == 1 { print $17 } $1 == "H1" && $5 == "response" { print $8, $17 }')" = \
	  "$(printf 'calendar_note\n2027-01-01T17:00:00+08:00 %s' "$note")" ]
	# a row inside the years has none, whatever the others did
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "H3" { print "[" $17 "]" }' | sort -u)" = "[]" ]
	# the stream lacks onsite and replaced: those warnings come first
	[ "$(printf '%s\n' "$stderr" | grep 'outside the years')" = 'sla-check: warning: calendar "5x8": 2027-01-01 is outside the years its holiday data "cn" covers (2019-2026); holidays after 2026 are not known' ]
	# as of a day inside the years, the due times of H1 and H2 still fall in
	# 2027; H3 alone says nothing
	run --separate-stderr sla-check --now 2026-12-31T17:30:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[[ $stderr == *"2027-01-01 is outside the years"* ]]
	[ "$(printf '%s\n' "$output" | awk -F'\t' 'NR > 1 && $17 != "" { print $1 }' | sort -u | tr '\n' ' ')" = "H1 H2 " ]
	grep -v '^H[12]' "$BATS_TEST_TMPDIR/t.tsv" > "$BATS_TEST_TMPDIR/h3.tsv"
	run --separate-stderr sla-check --now 2026-12-31T17:30:00+08:00 "$BATS_TEST_TMPDIR/h3.tsv"
	[[ $stderr != *"outside the years"* ]]
}

@test "holiday data: 2022-10-03 is a holiday, 2021-09-18 a make-up workday, in the check stream too" {
	printf 'id\ttier\topened\tfirst_response\nO1\tnormal\t2022-09-30T17:00:00+08:00\t\nO2\tnormal\t2021-09-17T17:00:00+08:00\t\n' \
		> "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2022-12-01T00:00:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# 1 h on Friday 30 September, then 7 h on Saturday 8 October (worked)
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "O1" && $5 == "response" { print $8 }')" = "2022-10-08T17:00:00+08:00" ]
	# 1 h on Friday 17 September, then 7 h on Saturday 18 September (worked)
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "O2" && $5 == "response" { print $8 }')" = "2021-09-18T17:00:00+08:00" ]
	[[ $stderr != *"outside the years"* ]]
}

@test "--calendars DIR and SLA_CALENDARS come before the built-in cn" {
	printf 'id\ttier\topened\tfirst_response\nD1\tnormal\t2026-12-31T17:00:00+08:00\t\n' > "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2027-01-05T00:00:00+08:00 --calendars "$DATA/calendars/override" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	# 2027-01-01 is a holiday there: 1 h on the 31st (outside its years), 7 h on Monday the 4th
	# (09-12, 13-17)
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "response" { print $8 }')" = "2027-01-04T17:00:00+08:00" ]
	[[ $stderr == *'2026-12-31 is outside the years its holiday data "cn" covers (2027-2027); holidays before 2027 are not known' ]]
	SLA_CALENDARS="$DATA/calendars/override" run --separate-stderr sla-check --now 2027-01-05T00:00:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "response" { print $8 }')" = "2027-01-04T17:00:00+08:00" ]
	run sla-check --calendars "$DATA/no-such-dir" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 2 ]
	run sla-check --help
	[[ $output == *"--calendars DIR"* ]]
}

@test "sla-check: an option without its argument is one message and the hint, exit 2" {
	for opt in --policy -p --now -n --tz --calendars --keep --fail-on -f; do
		assert_usage_error "option needs an argument \"$opt\"" sla-check "$opt"
	done
	assert_usage_error 'option needs an argument "-p"' sla-check -sp
	assert_usage_error 'unknown option "--polcy"' sla-check --polcy x
	assert_usage_error 'unknown option "-x"' sla-check -sx
}

@test "sla-check: a failed write of standard output is said once, exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	assert_write_refused "the check stream" sla-check --now "$NOW" "$DATA/check/report-tickets.tsv"
	assert_write_refused "the policy" sla-check --print-policy
	assert_write_refused "the help" sla-check --help
	assert_write_refused "the version" sla-check --version
}

@test "--fail-on and --keep lists: a name, a comma, a name; an empty or blank item is refused" {
	in="$DATA/check/report-tickets.tsv"
	for v in ',' ',breach' 'breach,,overdue' ' breach' 'breach, overdue'; do
		run sla-check --now "$NOW" --fail-on "$v" "$in"
		[ "$status" -eq 2 ]
		[ "${lines[0]}" = "sla-check: --fail-on: expected breach, overdue, at-risk or invalid \"$v\"" ]
	done
	for v in '' ',' 'customer,' ',customer' 'customer,,tier'; do
		run sla-check --now "$NOW" --keep "$v" "$in"
		[ "$status" -eq 2 ]
		[ "${lines[0]}" = "sla-check: --keep: expected COL,... \"$v\"" ]
	done
	# a blank is part of the name, and no column has that name
	run --separate-stderr sla-check --now "$NOW" --keep ' customer' "$in"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-check: $in:1:  customer: the ticket stream has no such column (--keep)" ]
}

@test "a deadline or an extension agreed with the customer replaces the target, and the reason says so" {
	run --separate-stderr sla-check --now 2026-03-06 "$DATA/check/agreed.tsv"
	[ "$status" -eq 0 ]
	assert_golden check-agreed.tsv
	# A1, by hand: resolved in 48 h, past the policy's 24 h, but the customer
	# agreed Thursday 18:00, 80 h after the opening
	[[ "$output" == *$'A1\t\t\thigh\tresolve\t24x7\t2026-03-02T10:00:00+08:00\t2026-03-05T18:00:00+08:00\t2026-03-04T10:00:00+08:00\t288000\t172800\t0\t0\tmet\t\tdue.resolve: agreed deadline 2026-03-05T18:00:00+08:00, in place of the policy\'s 24h\t'* ]]
	# A2: 1h30m more for the response (3 h of 3h30m), 4 h more for the fix
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "A2" { print $5, $10, $11, $14 }')" = "$(printf '%s\n' \
		'response 12600 10800 met' 'resolve 100800 93600 met')" ]
	# an agreement that cannot be read, or a deadline before the opening,
	# makes that metric's row invalid, and only that one
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$14 == "invalid" { print $1, $5, $16 }')" = "$(printf '%s\n' \
		'A3 resolve due.resolve before opened' \
		'A4 resolve extend.resolve: cannot read duration (a plain one: 4h, 1h30m, 2wd) "soon"' \
		'A7 resolve extend.resolve: cannot read duration (a plain one: 4h, 1h30m, 2wd) "1wd@close"')" ]
	# exclude.resolve takes the ticket out of resolve alone; exclude, of all
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$14 == "excluded" { print $1, $5, $16 }')" = "$(printf '%s\n' \
		'A5 resolve customer away' 'A8 response force majeure' 'A8 resolve force majeure')" ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "A5" && $5 == "response" { print $14 }')" = met ]
	# a column that names no metric of the policy is said once, on the header
	[[ "$stderr" == *"agreed.tsv:1: due.reslove: warning: the policy has no metric reslove: the column is not used"* ]]
	[[ "$stderr" == *'agreed.tsv:5: extend.resolve: cannot read duration (a plain one: 4h, 1h30m, 2wd) "soon"'* ]]
}

@test "a policy's [exclude] window stops every clock for the hours it lasted, and the reason names it" {
	run --separate-stderr sla-check --policy "$DATA/check/typhoon.ini" --now 2026-09-20 "$DATA/check/typhoon.tsv"
	[ "$status" -eq 0 ]
	assert_golden check-typhoon.tsv
	why='exclude typhoon: no clock runs from 2026-09-14T08:00:00+08:00 to 2026-09-15T20:00:00+08:00'
	# W2, opened inside the window: its clock starts at the window's end, so
	# the hour's response is due at 21:00; the resolve, not stopped, is overdue
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "W2" { print $5, $8, $11, $12, $14, $16 }')" = "$(printf '%s\n' \
		"response 2026-09-15T21:00:00+08:00 1800 115200 met $why" \
		"resolve 2026-09-16T04:00:00+08:00 360000 115200 overdue $why")" ]
	# W3 on 5x8: a response is no pausable metric, yet the window stops it:
	# Fri 17-18 and Wed 09-10, two working days of the typhoon left out
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "W3" && $5 == "response" { print $8, $11, $12 }')" = \
		"2026-09-16T17:00:00+08:00 7200 57600" ]
	# W4, before the window, is untouched and says nothing
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "W4" { print $12 "[" $16 "]" }' | sort -u)" = "0[]" ]
	# as of a time inside the window it is still running: no due is known
	run --separate-stderr sla-check --policy "$DATA/check/typhoon.ini" --now 2026-09-15 "$DATA/check/typhoon.tsv"
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "W2" && $5 == "response" { print "[" $8 "]", $14, $16 }')" = \
		"[] pending exclude typhoon: no clock runs from 2026-09-14T08:00:00+08:00 on" ]
	# and as of a time before it, it has not happened
	run --separate-stderr sla-check --policy "$DATA/check/typhoon.ini" --now 2026-09-14T07:45 "$DATA/check/typhoon.tsv"
	[[ "$output" != *typhoon* ]]
}

# sla-policy(5) EXAMPLES: each literal block is a policy (it starts with
# [policy]), linted as it is, or a fragment, linted after the last policy
# block before it: so that the page cannot show a policy that does not load.
@test "every policy and clause of sla-policy(5) EXAMPLES loads, and lints clean" {
	dir="$BATS_TEST_TMPDIR/examples"
	mkdir "$dir"
	awk -v dir="$dir" '
		/^\.Sh / { on = ($2 == "EXAMPLES") }
		on && /^\.Bd -literal/ { n++; f = sprintf("%s/%02d.ini", dir, n); block = 1; next }
		block && /^\.Ed/ { block = 0; close(f); next }
		block { gsub(/\\e/, "\\"); gsub(/\\&/, ""); print > f }' "$ROOT/man/sla-policy.5"
	count=0 fragments=0 base=
	for f in "$dir"/*.ini; do
		count=$((count + 1))
		if head -1 "$f" | grep -q '^\[policy\]$'; then
			base=$f
			p=$f
		else
			[ -n "$base" ]
			fragments=$((fragments + 1))
			p="$f.policy"
			cat "$base" "$f" > "$p"
		fi
		run sla-check --lint --now 2026-10-01 --policy "$p"
		[ "$status" -eq 0 ] || { echo "$f: $output"; cat "$p"; false; }
		[ "$output" = "sla-check: $p: 0 warnings" ] || { echo "$f: $output"; false; }
	done
	# the letters' shapes: each tier-specific target, first-of stop,
	# working-day response, replacement, answer, feedback, force majeure
	# and penalty has its fragment
	[ "$fragments" -ge 9 ]
	cat "$dir"/*.ini > "$BATS_TEST_TMPDIR/all"
	for shape in 'stop  = resolved | onsite' 'when  = resolve > 8h' 'calendar.onsite = 24x7' \
	    '[tier low]' '[metric answer]' '[metric feedback_reply]' '[exclude typhoon]' 'penalty  = '; do
		grep -qF -- "$shape" "$BATS_TEST_TMPDIR/all" || { echo "no fragment has $shape"; false; }
	done
}

@test "a time of a day already read is still read whole: its clock, its offset, a leap second" {
	# sla-check keeps the instant of each date and offset it has read; a
	# later time of the same date must still have its clock checked, and
	# another offset or a date that is not one must not borrow it
	printf 'id\ttier\topened\tfirst_response\n%s\n%s\n%s\n%s\n%s\n' \
		$'S1\thigh\t2026-03-02T09:00:00+08:00\t2026-03-02T09:30:60+08:00' \
		$'S2\thigh\t2026-03-02T09:00:00+08:00\t2026-03-02T24:00:00+08:00' \
		$'S3\thigh\t2026-03-02T09:00:00+09:00\t2026-03-02T09:00:00-01:00' \
		$'S4\thigh\t2026-03-02T09:0a:00+08:00\t' \
		$'S5\thigh\t2026-02-30T09:00:00+08:00\t' > "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --now 2026-03-03T00:00:00+08:00 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "response"' | cut -f1,7,9,11,14,16)" = "$(printf '%s\n' \
		$'S1\t2026-03-02T09:00:00+08:00\t2026-03-02T09:30:59+08:00\t1859\tmet\t' \
		$'S2\t\t\t\tinvalid\tfirst_response: cannot read time "2026-03-02T24:00:00+08:00"' \
		$'S3\t2026-03-02T08:00:00+08:00\t2026-03-02T18:00:00+08:00\t36000\tbreached\t' \
		$'S4\t\t\t\tinvalid\topened: cannot read time "2026-03-02T09:0a:00+08:00"' \
		$'S5\t\t\t\tinvalid\topened: cannot read time "2026-02-30T09:00:00+08:00"')" ]
}

@test "times written either side of a DST change, out of order, get each its own offset" {
	# sla-check keeps the span over which the zone's last offset holds
	# and grows it back to earlier times: a time before the change after
	# one past it must not borrow the later offset
	printf 'id\ttier\topened\tfirst_response\n%s\n%s\n%s\n' \
		$'D1\thigh\t2026-03-29T03:30:00+02:00\t2026-03-29T03:40:00+02:00' \
		$'D2\thigh\t2026-03-29T01:30:00+01:00\t2026-03-29T01:40:00+01:00' \
		$'D3\thigh\t2026-03-29T00:30:00+00:00\t2026-03-29T04:40:00+02:00' > "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-check --tz Europe/Berlin --now 2026-04-01 "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$5 == "response"' | cut -f1,7,8,9)" = "$(printf '%s\n' \
		$'D1\t2026-03-29T03:30:00+02:00\t2026-03-29T05:30:00+02:00\t2026-03-29T03:40:00+02:00' \
		$'D2\t2026-03-29T01:30:00+01:00\t2026-03-29T04:30:00+02:00\t2026-03-29T01:40:00+01:00' \
		$'D3\t2026-03-29T01:30:00+01:00\t2026-03-29T04:30:00+02:00\t2026-03-29T04:40:00+02:00')" ]
}
