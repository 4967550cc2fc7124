#!/usr/bin/env bats
# Nothing lost end to end: every export and bad-input file goes through
# sla-parse | sla-classify | sla-check | sla-report, and every ticket that
# went in is found in the report, assessed, excluded or invalid.
#
# The chain is followed by the `line` column, which sla-parse sets and every
# later stream keeps: each record sla-parse writes has check rows (the
# default policy gives every tier a response target, and a ticket it cannot
# assess gets invalid rows), and the report counts each check row once and
# lists every excluded and invalid one by line and metric.

load helpers
bats_require_minimum_version 1.5.0

NOW=2026-11-01T00:00:00+08:00

setup() {
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# The records of FILE whose records are one line each: its non-blank lines
# (CR, LF or CRLF ended) but the header.
one_line_records() {
	tr '\r' '\n' < "$1" | awk 'NF { n++ } END { print (n > 0 ? n - 1 : 0) }'
}

# Run the pipeline on FILE; say what does not add up, and return 1.
conserved() {
	local f=$1 name=${1##*/}
	timeout 30 sla-parse "$f" > "$TMP/parse.tsv" 2>/dev/null || {
		echo "$name: sla-parse failed"; return 1; }
	timeout 30 sla-classify "$TMP/parse.tsv" > "$TMP/classify.tsv" 2>/dev/null || {
		echo "$name: sla-classify failed"; return 1; }
	timeout 30 sla-check --now "$NOW" "$TMP/classify.tsv" > "$TMP/check.tsv" 2>/dev/null || {
		echo "$name: sla-check failed"; return 1; }
	timeout 30 sla-report --format json "$TMP/check.tsv" > "$TMP/report.json" 2>/dev/null || {
		echo "$name: sla-report failed"; return 1; }

	# the records in, by line: every one has check rows
	tail -n +2 "$TMP/parse.tsv" | cut -f2 | sort -u > "$TMP/in"
	[ "$(wc -l < "$TMP/in")" -eq "$(tail -n +2 "$TMP/parse.tsv" | wc -l)" ] || {
		echo "$name: two records with one line"; return 1; }
	[ "$(tail -n +2 "$TMP/classify.tsv" | cut -f2 | sort -u)" = "$(cat "$TMP/in")" ] || {
		echo "$name: sla-classify lost or made records"; return 1; }
	tail -n +2 "$TMP/check.tsv" | cut -f2 | sort -u > "$TMP/checked"
	diff "$TMP/in" "$TMP/checked" > "$TMP/diff" || {
		echo "$name: tickets in and in the check stream differ (< lost, > made up):"
		cat "$TMP/diff"; return 1; }

	# the report counts every check row once, under one status
	local rows
	rows=$(tail -n +2 "$TMP/check.tsv" | wc -l)
	[ "$(jq '.overall.rows' "$TMP/report.json")" -eq "$rows" ] || {
		echo "$name: the report counts $(jq '.overall.rows' "$TMP/report.json") rows of $rows"; return 1; }
	[ "$(jq '[.overall.counts[]] | add' "$TMP/report.json")" -eq "$rows" ] || {
		echo "$name: the statuses do not add up to the rows"; return 1; }
	# and lists every excluded and invalid row, by line and metric
	awk -F'\t' 'NR > 1 && ($14 == "excluded" || $14 == "invalid") { print $2 " " $5 }' \
		"$TMP/check.tsv" | sort > "$TMP/unassessed"
	jq -r '.unassessed[] | "\(.line) \(.metric)"' "$TMP/report.json" | sort > "$TMP/listed"
	diff "$TMP/unassessed" "$TMP/listed" > "$TMP/diff" || {
		echo "$name: unassessed rows not listed (<) or listed wrongly (>):"
		cat "$TMP/diff"; return 1; }
	echo "$name: $(wc -l < "$TMP/in") tickets, $rows rows, $(wc -l < "$TMP/listed") unassessed"
}

@test "every export: each ticket in is in the report" {
	for f in "$DATA"/sample.csv "$DATA"/exports/*; do
		conserved "$f"
	done
}

@test "every bad-input file: each ticket in is in the report, and each record is a ticket" {
	local n=0
	for f in "$DATA"/bad/*.csv; do
		[ -s "$f" ] || continue	# the empty file: no header, refused (bad-input.bats)
		conserved "$f"
		# one-line records: an independent count of what went in
		[ "$(tail -n +2 "$TMP/parse.tsv" | wc -l)" -eq "$(one_line_records "$f")" ] || {
			echo "${f##*/}: $(one_line_records "$f") records, $(tail -n +2 "$TMP/parse.tsv" | wc -l) tickets"
			return 1; }
		n=$((n + 1))
	done
	[ "$n" -ge 12 ]
}

@test "the big inputs made at run time: each ticket in is in the report" {
	{ printf 'id,opened,description\n1,2026-03-02 09:30,"'
	  head -c 10485760 /dev/zero | tr '\0' x
	  printf '\n2,2026-03-02 10:00,ok\n3,2026-03-02 11:00,"a ""quoted"" word"\n'; } > "$TMP/big-field.csv"
	conserved "$TMP/big-field.csv"
	[ "$(wc -l < "$TMP/in")" -eq 3 ]
	awk 'BEGIN {
		printf "id,opened"; for (i = 3; i <= 100000; i++) printf ",c%d", i
		for (r = 1; r <= 3; r++) {
			printf "\n%d,2026-03-02 09:30", r; for (i = 3; i <= 100000; i++) printf ",v%d", i
		}
		print "" }' > "$TMP/wide.csv"
	conserved "$TMP/wide.csv"
	[ "$(wc -l < "$TMP/in")" -eq 3 ]
}

@test "a ticket the pipeline cannot assess is listed in the report with its reason" {
	printf 'id,opened,resolved\n1,2026-03-02 09:30,2026-03-01 09:30\n2,yesterday,\n' > "$TMP/t.csv"
	conserved "$TMP/t.csv"
	[ "$(jq -r '.unassessed[] | "\(.line) \(.metric) \(.status) \(.reason)"' "$TMP/report.json")" = \
	  "2 response invalid first_response: the ticket stream has no such column
2 resolve invalid resolved before opened
3 response invalid opened: cannot read time \"yesterday\"
3 resolve invalid opened: cannot read time \"yesterday\"" ]
}
