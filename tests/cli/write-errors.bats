#!/usr/bin/env bats
# Output that cannot be written: every tool, every informational option and
# every kind of data output, on a full disk (/dev/full) and on a closed
# standard output.  Each is exit 2 and one message naming what was being
# written and why, "TOOL: <stdout>: cannot write WHAT: REASON" (sla(7),
# WHAT HAPPENS TO BAD INPUT); nothing is said twice, nothing is exit 0.

load helpers
bats_require_minimum_version 1.5.0

NOW=2026-10-08T12:00:00+08:00
TOOLS="sla-parse sla-classify sla-check sla-report sla-time"

setup() {
	[ -w /dev/full ] || skip "no /dev/full"
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

@test "--help, -h and --version of every tool on a full disk: exit 2, said once with the reason" {
	for t in $TOOLS; do
		assert_write_refused "the help" "$t" --help
		assert_write_refused "the help" "$t" -h
		assert_write_refused "the version" "$t" --version
	done
}

@test "the printing options on a full disk: exit 2, said once with the reason" {
	assert_write_refused "the alias table" sla-parse --list-aliases
	assert_write_refused "the alias table" sla-parse --events --list-aliases
	assert_write_refused "the event names" sla-parse --print-events
	assert_write_refused "the event names" sla-parse --print-events --policy "$DATA/events/policy.ini"
	assert_write_refused "the policy" sla-check --print-policy
	assert_write_refused "the policy" sla-check -P
	assert_write_refused "the policy" sla-check --print-policy --policy "$DATA/check/contract.ini"
	assert_write_refused "the rules" sla-classify --print-rules
	assert_write_refused "the rules" sla-classify -p
}

@test "the data output of every tool on a full disk: exit 2, said once with the reason" {
	assert_write_refused "the ticket stream" sla-parse "$DATA/exports/jira.csv"
	assert_write_refused "the ticket stream" sla-parse --events "$DATA/events/jira-changelog.csv"
	assert_write_refused "the ticket stream" sla-classify "$DATA/classify/tickets.tsv"
	assert_write_refused "the check stream" sla-check --now "$NOW" "$DATA/check/report-tickets.tsv"
	for f in text tsv csv json markdown html; do
		assert_write_refused "the report" sla-report -f "$f" -p "$DATA/check/contract.ini" \
			"$DATA/check/statement.tsv"
	done
	for f in text tsv; do
		assert_write_refused "the result" sla-time -f "$f" between 2026-03-02 2026-03-03
		assert_write_refused "the result" sla-time -f "$f" due 2026-03-02T09:00 8h
		assert_write_refused "the result" sla-time -f "$f" days 2026-03-02 2026-03-09
	done
}

@test "output far beyond one buffer on a full disk: the reason of the first failed write" {
	# a policy of 150 kB through stdio, a ticket stream of MBs through the writer
	{ printf '[policy]\ntimezone = UTC\n\n[calendar c]\nmon-fri = 09:00-18:00\nholidays = 2001-01-01\n'
	  for y in $(seq 2002 2100); do for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		for d in 01 02 03 04 05 06 07 08 09 10; do echo "  $y-$m-$d"; done; done; done
	  printf '\n[tier t]\ncalendar = c\nresolve = 8h\n'; } > "$TMP/big.ini"
	[ "$(wc -c < "$TMP/big.ini")" -gt 100000 ]
	assert_write_refused "the policy" sla-check --print-policy -p "$TMP/big.ini"
	awk 'BEGIN { print "id,opened,priority"
		     for (i = 0; i < 100000; i++) printf "T-%d,2026-03-02 09:30,P1\n", i }' > "$TMP/big.csv"
	assert_write_refused "the ticket stream" sla-parse "$TMP/big.csv"
}

@test "a closed standard output: exit 2, said once with its reason" {
	for t in $TOOLS; do
		run --separate-stderr sh -c '"$@" >&-' _ "$t" --help
		[ "$status" -eq 2 ]
		[ "$stderr" = "$t: <stdout>: cannot write the help: Bad file descriptor" ]
	done
	run --separate-stderr sh -c 'sla-time between 2026-03-02 2026-03-03 >&-'
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-time: <stdout>: cannot write the result: Bad file descriptor" ]
}

@test "a tool that writes nothing on standard output is not refused for a full disk" {
	run --separate-stderr sh -c 'sla-check --lint -p "$1" > /dev/full' _ "$DATA/policies/good-minimal.ini"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-check: $DATA/policies/good-minimal.ini: 0 warnings" ]
}
