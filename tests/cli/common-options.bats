#!/usr/bin/env bats
# What every tool's command line has alike: -q (warnings held back, errors
# said), -V and --version, an exit status in --help; each in the man page
# and the three completions (sla(7), DIAGNOSTICS).

load helpers
bats_require_minimum_version 1.5.0

ROOT="$BATS_TEST_DIRNAME/../.."
TOOLS="sla-parse sla-classify sla-check sla-report sla-time sla-extract"
NOW=2026-11-01T00:00:00+08:00

# A Jira export through parse and classify: a stream without the
# first_response, onsite and replaced columns, which sla-check warns of.
jira_stream() {
	sla-parse "$DATA/exports/jira.csv" | sla-classify > "$BATS_TEST_TMPDIR/jira.tsv"
}

@test "-q: sla-check's three no-such-column warnings are held back, the stream is the same" {
	jira_stream
	run --separate-stderr sla-check --now "$NOW" "$BATS_TEST_TMPDIR/jira.tsv"
	[ "$status" -eq 0 ]
	loud=$output
	[ "$(grep -c ': warning: the ticket stream has no such column' <<< "$stderr")" -eq 3 ]
	for q in -q --quiet; do
		run --separate-stderr sla-check "$q" --now "$NOW" "$BATS_TEST_TMPDIR/jira.tsv"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ] || { echo "$q said: $stderr"; return 1; }
		[ "$output" = "$loud" ]
	done
}

@test "-q keeps errors: a bad --now, a missing policy, a record error, a failed --fail-on" {
	jira_stream
	run --separate-stderr sla-check -q --now 2026-13-01 "$BATS_TEST_TMPDIR/jira.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == 'sla-check: --now: '*'"2026-13-01"'* ]]
	run --separate-stderr sla-check -q --policy "$BATS_TEST_TMPDIR/none.ini" "$BATS_TEST_TMPDIR/jira.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sla-check: $BATS_TEST_TMPDIR/none.ini: cannot open policy: "* ]]
	run --separate-stderr sla-check -q --now "$NOW" --fail-on overdue "$BATS_TEST_TMPDIR/jira.tsv"
	[ "$status" -eq 1 ]
	[ -z "$stderr" ]
	# a record error of sla-parse is an error: said under -q
	run --separate-stderr sla-parse -q "$DATA/sample.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $DATA/sample.csv:82: opened: cannot read time \"2026-13-45 09:00:00\"" ]
	run --separate-stderr sla-report -q "$DATA/sample.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sla-report: $DATA/sample.csv:1: the check stream has no column "* ]]
}

@test "-q: sla-classify holds back a rule's missing column, not a bad rules file" {
	printf 'urgent  nosuch  x\n' > "$BATS_TEST_TMPDIR/r.rules"
	printf 'urgent  priority  (\n' > "$BATS_TEST_TMPDIR/bad.rules"
	sla-parse "$DATA/sample.csv" 2>/dev/null > "$BATS_TEST_TMPDIR/t.tsv"
	run --separate-stderr sla-classify --rules "$BATS_TEST_TMPDIR/r.rules" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-classify: $BATS_TEST_TMPDIR/r.rules:1: warning: the input has no such column \"nosuch\"" ]
	loud=$output
	run --separate-stderr sla-classify -q --rules "$BATS_TEST_TMPDIR/r.rules" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$output" = "$loud" ]
	run --separate-stderr sla-classify -q --rules "$BATS_TEST_TMPDIR/bad.rules" "$BATS_TEST_TMPDIR/t.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sla-classify: $BATS_TEST_TMPDIR/bad.rules:1: "* ]]
}

@test "-q: sla-time holds back a calendar's uncovered years, not a bad time" {
	run --separate-stderr sla-time between 2027-01-04 2027-01-05
	[ "$status" -eq 0 ]
	[[ "$stderr" == 'sla-time: warning: calendar "5x8": '*'outside the years'* ]]
	run --separate-stderr sla-time -q between 2027-01-04 2027-01-05
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$output" = 8h ]
	run --separate-stderr sla-time -q between 2027-13-04 2027-01-05
	[ "$status" -eq 2 ]
	[[ "$stderr" == 'sla-time: FROM: cannot read time '* ]]
}

# sla-extract has no warning: what it says is an error, or the clauses
# -v asked for (sla-extract(1)); -q holds back neither.
@test "-q: sla-extract keeps its errors and the clauses of -v, the draft is the same" {
	L="$DATA/letters"
	run --separate-stderr sla-extract "$L/f05-fullwidth.txt"
	loud=$output
	run --separate-stderr sla-extract -v "$L/f05-fullwidth.txt"
	verbose=$stderr
	[ "$(grep -c . <<< "$verbose")" -ge 3 ]
	for q in -q --quiet; do
		run --separate-stderr sla-extract "$q" "$L/f05-fullwidth.txt"
		[ "$status" -eq 0 ] && [ -z "$stderr" ] && [ "$output" = "$loud" ] ||
			{ echo "$q: $status $stderr"; return 1; }
		run --separate-stderr sla-extract "$q" -v "$L/f05-fullwidth.txt"
		[ "$status" -eq 0 ] && [ "$stderr" = "$verbose" ] && [ "$output" = "$loud" ] ||
			{ echo "$q -v: $status $stderr"; return 1; }
	done
	run --separate-stderr sla-extract -q --encoding NO-SUCH "$L/f01-severity.txt"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-extract: $L/f01-severity.txt: unknown encoding \"NO-SUCH\"" ]
	run --separate-stderr sla-extract -q "$BATS_TEST_TMPDIR/none.txt"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-extract: $BATS_TEST_TMPDIR/none.txt: cannot read: No such file or directory" ]
}

@test "-q does not hold back --lint: its warnings are what was asked for" {
	run --separate-stderr sla-check --lint --policy "$DATA/policies/lint-traps.ini"
	loud=$stderr
	[ "$(grep -c ': warning: ' <<< "$loud")" -ge 5 ]
	run --separate-stderr sla-check -q --lint --policy "$DATA/policies/lint-traps.ini"
	[ "$stderr" = "$loud" ]
}

@test "every tool: -q and --quiet, -V and --version, and an exit status in --help" {
	for t in $TOOLS; do
		run --separate-stderr "$t" --help
		[ "$status" -eq 0 ]
		[[ "$output" == *"  -q, --quiet "* ]] || { echo "$t --help lacks -q"; return 1; }
		[[ "$output" == *"  -V, --version "* ]] || { echo "$t --help lacks -V"; return 1; }
		grep -q '^Exit status: 0 success, .*2 ' <<< "$output" ||
			{ echo "$t --help lacks its exit status"; return 1; }
		for v in -V --version; do
			run --separate-stderr "$t" "$v"
			[ "$status" -eq 0 ] && [ "$output" = "$t (sla-tools) $(sla-time --version | cut -d' ' -f3)" ] ||
				{ echo "$t $v: $status $output"; return 1; }
		done
	done
}

@test "every tool: -q in the man page's OPTIONS and the three completions" {
	for t in $TOOLS; do
		opts=$(sed -n '/^\.Sh OPTIONS/,/^\.Sh /p;/^\.Sh DESCRIPTION/,/^\.Sh /p' "$ROOT/man/$t.1")
		for o in q V; do
			grep -Eq "^\.It Fl $o , (Fl )?(Fl |\\\\?-)(quiet|version)\$" <<< "$opts" ||
				{ echo "$t.1 lacks -$o"; return 1; }
		done
		grep -q -- '--quiet' "$ROOT/completions/bash/$t" || { echo "bash $t lacks --quiet"; return 1; }
		grep -q -- '{-q,--quiet}' "$ROOT/completions/zsh/_$t" || { echo "zsh $t lacks -q"; return 1; }
		grep -q -- '-s q -l quiet' "$ROOT/completions/fish/$t.fish" || { echo "fish $t lacks -q"; return 1; }
	done
}

# A warning goes through sla_diag_warn, so that -q holds it back: a
# message that calls itself a warning any other way would reach cron.
@test "no message says \"warning:\" but through sla_diag_warn" {
	run grep -rn --include='*.c' '"warning' "$ROOT/lib" "$ROOT/cmd"
	[ "$(grep -v 'lib/core/diag.c:' <<< "$output" | grep -c .)" -eq 0 ] || {
		echo "$output"; return 1; }
}
