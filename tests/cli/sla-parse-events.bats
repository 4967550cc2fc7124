#!/usr/bin/env bats
# sla-parse --events: history exports folded into tickets (goldens for
# Jira, OTRS and ZenTao), the [events] section, broken rows, --sorted, and
# the promise that every ticket id comes out once.

load helpers
bats_require_minimum_version 1.5.0

EVENTS="$BATS_TEST_DIRNAME/../data/events"

setup() {
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# Column NAME of the stream row whose id is ID (FILE: a ticket stream).
cell() {
	awk -F'\t' -v id="$2" -v name="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$1 == id { print $col[name] }' "$1"
}

# The number of distinct non-empty values in the column named NAME of the
# CSV FILE with delimiter D: distinct_ids FILE D NAME.  Read by this awk,
# not by sla-parse's reader: RFC 4180 fields, bare or quoted, a quoted one
# holding delimiters, newlines and "" for a quote; rows may be short or
# long.  A header without NAME, or a quote left open, is an error.
distinct_ids() (
	set -o pipefail
	awk -v d="$2" -v name="$3" '
		function cell() {
			if (row == 1 && field == name) col = nf
			else if (row > 1 && nf == col && field != "") print field
			field = ""; nf++
		}
		{
			if (!q) nf = 1
			n = length($0)
			for (i = 1; i <= n; i++) {
				c = substr($0, i, 1)
				if (q) {
					if (c != "\"") field = field c
					else if (substr($0, i + 1, 1) == "\"") { field = field c; i++ }
					else q = 0
				} else if (c == "\"") q = 1
				else if (c == d) cell()
				else if (c != "\r" || i < n) field = field c
			}
			if (q) { field = field "\n"; next }
			cell(); row++
			if (row == 2 && !col) { print FILENAME ": no column " name > "/dev/stderr"; exit 2 }
		}
		END {
			if (q) { print FILENAME ": a quote is left open" > "/dev/stderr"; exit 2 }
		}' row=1 "$1" | sort -u | wc -l
)

# ---- goldens ----------------------------------------------------------------------

@test "golden: Jira changelog (reopen, nested pause, open pause, rows out of order)" {
	run --separate-stderr sla-parse --events "$EVENTS/jira-changelog.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden events-jira.tsv
}

@test "golden: OTRS ticket history (interleaved tickets, reopen, pending still open)" {
	run --separate-stderr sla-parse --events "$EVENTS/otrs-history.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden events-otrs.tsv
}

# Refused before: "time: no column means this" (created_date), and the
# statuses were Jira's ids (to) instead of their names (to_string).
@test "Jira Data pipeline issue_history: created_date, to_string, from_string; no creation, no opened" {
	run --separate-stderr sla-parse --events -v "$EVENTS/jira-data-pipeline-history.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *'time: read from "created_date"'* ]]
	[[ "$stderr" == *'status: read from "to_string"'* ]]
	[[ "$stderr" == *'from: read from "from_string"'* ]]
	[[ "$stderr" == *'column not used "to"'* ]]
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(cell "$TMP/out" 10201 status)" = Resolved ]
	[ "$(cell "$TMP/out" 10201 paused)" = 2026-03-02T10:15:03+08:00/2026-03-02T13:31:47+08:00 ]
	# a history that begins with a change does not say when the ticket was opened
	[ "$(cell "$TMP/out" 10202 error)" = "no creation event: the history begins at line 8 with a change, so opened is not known" ]
}

@test "golden: Jira Data pipeline issue_history with its creation rows from the issues export" {
	{ echo 'issue_id,created_date,reporter,summary,priority,field'
	  awk -F, 'NR > 1 { print $1 "," $8 "," $7 "," $3 "," $6 ",Created" }' \
		"$EVENTS/jira-data-pipeline-issues.csv"; } > "$TMP/created.csv"
	run --separate-stderr sla-parse --events "$TMP/created.csv" "$EVENTS/jira-data-pipeline-history.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden events-jira-data-pipeline.tsv
}

# Refused before: "id: no column means this" (对象ID); and 评论了, 解决了,
# 创建了 meant nothing, so 2232's first response was its resolution.
@test "golden: ZenTao activity with history (对象ID, 旧值/新值, actions with 了)" {
	run --separate-stderr sla-parse --events "$EVENTS/zentao-actions.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden events-zentao-actions.tsv
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(cell "$TMP/out" 2232 first_response)" = 2026-03-09T10:20:00+08:00 ]
}

@test "golden: ZenTao 历史记录 (Chinese statuses, 挂起 within 等待第三方, 激活)" {
	run --separate-stderr sla-parse --events "$EVENTS/zentao-history.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden events-zentao.tsv
}

@test "golden: an [events] section adds the customer's own status names" {
	run --separate-stderr sla-parse --events --policy "$EVENTS/policy.ini" "$EVENTS/custom.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden events-custom.tsv
	# without the section, 客户测试中 is no pause and 已交付 no resolution
	sla-parse --events "$EVENTS/custom.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" C-1 paused)" = "" ]
	[ "$(cell "$TMP/out" C-1 resolved)" = "" ]
	[ "$(cell "$TMP/out" C-1 onsite)" = "" ]
}

# ---- what the fold decides, cell by cell ----------------------------------------------

@test "Jira: the requester's own comment and an internal one are no response" {
	sla-parse --events "$EVENTS/jira-changelog.csv" > "$TMP/out"
	# 09:05 alice (the reporter) and 09:10 internal come before the move
	# to In Progress at 09:30
	[ "$(cell "$TMP/out" SD-101 first_response)" = "2026-03-02T09:30:00+08:00" ]
	# reopened at 15:10, resolved again at 17:05: the last resolution counts
	[ "$(cell "$TMP/out" SD-101 resolved)" = "2026-03-02T17:05:00+08:00" ]
	# Pending -> Waiting for customer is one pause; the last one never ends
	[ "$(cell "$TMP/out" SD-102 paused)" = \
	  "2026-03-02T10:30:00+08:00/2026-03-02T16:00:00+08:00;2026-03-02T17:30:00+08:00/" ]
	# an assignee change is no status
	[ "$(cell "$TMP/out" SD-102 status)" = "Waiting for customer" ]
}

@test "OTRS: a follow-up that reopens a closed ticket clears resolved and closed" {
	sla-parse --events "$EVENTS/otrs-history.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 2026030210000022 resolved)" = "" ]
	[ "$(cell "$TMP/out" 2026030210000022 closed)" = "" ]
	[ "$(cell "$TMP/out" 2026030210000022 paused)" = "2026-03-03T10:00:00+08:00/" ]
	# the agent opened the phone ticket; CustomerUserID names the requester,
	# so the agent's call back at 11:30 is the response
	[ "$(cell "$TMP/out" 2026030210000022 first_response)" = "2026-03-02T11:30:00+08:00" ]
}

@test "rows in reverse order give the same tickets" {
	{ head -n 1 "$EVENTS/jira-changelog.csv"; tail -n +2 "$EVENTS/jira-changelog.csv" | tac; } \
		> "$TMP/reversed.csv"
	sla-parse --events "$EVENTS/jira-changelog.csv" | cut -f 1,3- | sort > "$TMP/a"
	sla-parse --events "$TMP/reversed.csv" | cut -f 1,3- | sort > "$TMP/b"
	diff "$TMP/a" "$TMP/b"
}

# ---- nothing lost ----------------------------------------------------------------------

@test "broken rows are reported with their line and their tickets carry the error" {
	run --separate-stderr sla-parse --events "$EVENTS/broken.csv"
	[ "$status" -eq 0 ]
	assert_golden events-broken.tsv
	[[ "$stderr" == *"broken.csv:5: time: cannot read time \"2026-13-45 10:00\""* ]]
	[[ "$stderr" == *"broken.csv:6: visibility: not public or internal; read as internal \"sometimes\""* ]]
	[[ "$stderr" == *"broken.csv:7: id: event without a ticket id: no ticket can be built from it"* ]]
	[[ "$stderr" == *"broken.csv:10: record: not as many fields as the header"* ]]
}

@test "--max-field: a text longer than the cap is an error, its event kept (it was not measured)" {
	printf 'Ticket,Time,Status,Text\nT-1,2026-03-02 09:00,Open,short\nT-1,2026-03-02 10:00,Resolved,%s\n' \
		"$(head -c 2000 /dev/zero | tr '\0' x)" > "$TMP/h.csv"
	run --separate-stderr sla-parse --events --max-field 1K "$TMP/h.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/h.csv:3: record: a field longer than --max-field (1024); kept whole" ]
	printf '%s\n' "$output" > "$TMP/out.tsv"
	[ "$(cell "$TMP/out.tsv" T-1 resolved)" = 2026-03-02T10:00:00+08:00 ]
}

@test "a quote that swallows rows is reported with the line it opened at" {
	printf 'Ticket,Time,Status,Text\nT-1,2026-03-02 09:00,Open,"stray\nT-1,2026-03-02 10:00,Resolved,done"\nT-2,2026-03-02 11:00,Open,x\n' > "$TMP/h.csv"
	run --separate-stderr sla-parse --events "$TMP/h.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/h.csv:2: record: the quote opened at line 2 runs over 1 line that looks like a row (a stray quote?); read as one field" ]
	run --separate-stderr sla-parse --events --strict "$TMP/h.csv"
	[ "$status" -eq 2 ]
}

@test "encoding messages name the encoding" {
	printf 'Ticket,Time,Status,Text\nT-1,2026-03-02 09:00,Open,\xe5\xb7\xa5\nT-1,2026-03-02 10:00,Resolved,bad \xff\n' > "$TMP/h.csv"
	run --separate-stderr sla-parse --events "$TMP/h.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/h.csv:3: record: invalid byte sequence in UTF-8 (read as U+FFFD)" ]
	printf 'Ticket,Time,Status,Text\nT-1,2026-03-02 09:00,Open,\xb9\xa4\nT-1,2026-03-02 09:30,,\xb5\xa5\nT-1,2026-03-02 10:00,Resolved,\xe5\xae\x95\xe6\x9c\xba\n' > "$TMP/g.csv"
	run --separate-stderr sla-parse --events "$TMP/g.csv"
	[ "$status" -eq 0 ]
	# four bytes of GB18030 do not settle the encoding: a warning says so
	[ "$stderr" = "sla-parse: $TMP/g.csv: encoding GB18030 (not valid UTF-8; a guess: uchardet says WINDOWS-1252 on 4 bytes above 0x7F, too few to tell): give --encoding if the text reads wrong
sla-parse: $TMP/g.csv:4: record: UTF-8 in a file read as GB18030 (this row read as UTF-8)" ]
}

@test "--strict: the first broken row is fatal" {
	run --separate-stderr sla-parse --events --strict "$EVENTS/broken.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"broken.csv:5: time: cannot read time"* ]]
	[[ "$stderr" != *"broken.csv:6:"* ]]
}

@test "-v counts events, left-out rows, tickets and errors" {
	run --separate-stderr sla-parse --events -v "$EVENTS/broken.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"sla-parse: 9 events read, 4 left out, 4 tickets written, 4 with an error"* ]]
	[[ "$stderr" == *"broken.csv: time: read from \"Time\""* ]]
}

@test "tickets out = distinct ids in, for every export" {
	for f in jira-changelog.csv:,:'Issue key' otrs-history.csv:';':TicketNumber \
		 zentao-history.csv:,:编号 broken.csv:,:Ticket custom.csv:,:id; do
		IFS=: read -r name delim col <<< "$f"
		want=$(distinct_ids "$EVENTS/$name" "$delim" "$col")
		got=$(sla-parse --events "$EVENTS/$name" 2>/dev/null | tail -n +2 | wc -l)
		[ "$got" -eq "$want" ] || { echo "$name: $got tickets, $want ids"; return 1; }
	done
}

# A random history: N events over up to K ids, statuses and kinds drawn from
# every meaning, epoch times over a week, some unreadable, rows in random
# order.
random_history() {
	awk -v n="$1" -v k="$2" -v seed="$3" 'BEGIN {
		srand(seed)
		split("Open|In Progress|Waiting for customer|挂起|等待第三方|Resolved|Closed|Reopened|激活|On site||待客户确认", st, "|")
		split("Created|Comment|Note|受理|到场|Workaround||StateUpdate|回复", kd, "|")
		print "Ticket,Time,Status,Event,Author,Visibility"
		for (i = 0; i < n; i++) {
			time = rand() < 0.02 ? "soon" : 1772409600 + int(rand() * 604800)
			printf "R-%d,%s,%s,%s,%s,%s\n", int(rand() * k), time,
				st[1 + int(rand() * 12)], kd[1 + int(rand() * 9)],
				rand() < 0.5 ? "agent" : "user", rand() < 0.3 ? "internal" : ""
		}
	}'
}

@test "property: tickets out = distinct ids in, any order and --sorted" {
	for seed in 1 2 3; do
		random_history 3000 700 "$seed" > "$TMP/h.csv"
		want=$(tail -n +2 "$TMP/h.csv" | cut -d, -f1 | sort -u | wc -l)
		got=$(sla-parse --events --tz UTC "$TMP/h.csv" 2>/dev/null | tail -n +2 | wc -l)
		[ "$got" -eq "$want" ]
		{ head -n 1 "$TMP/h.csv"; tail -n +2 "$TMP/h.csv" | sort -t, -k1,1 -s; } > "$TMP/g.csv"
		sla-parse --events --sorted --tz UTC "$TMP/g.csv" 2>/dev/null > "$TMP/sorted"
		[ "$(tail -n +2 "$TMP/sorted" | wc -l)" -eq "$want" ]
		[ "$(tail -n +2 "$TMP/sorted" | cut -f1 | sort -u | wc -l)" -eq "$want" ]
		# the same tickets either way (grouping moves no event in time)
		sla-parse --events --tz UTC "$TMP/g.csv" 2>/dev/null | sort > "$TMP/any"
		sort "$TMP/sorted" | diff - "$TMP/any"
	done
}

@test "--sorted on input that is not grouped: no ticket merged, each regroup flagged" {
	run --separate-stderr sla-parse --events --sorted "$EVENTS/otrs-history.csv"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c 'events not grouped by id')" -eq 8 ]
	[[ "$stderr" == *"--sorted: 8 tickets came back after their group had ended"* ]]
}

# ---- the map and the options ---------------------------------------------------------------

@test "a bad [events] section is fatal with its file and line" {
	printf '[policy]\nname = x\n[events]\npause = 挂起\nresolved = 挂起\n' > "$TMP/bad.ini"
	run --separate-stderr sla-parse --events --policy "$TMP/bad.ini" "$EVENTS/custom.csv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-parse: $TMP/bad.ini:5: events: name given both to pause and to resolved \"挂起\"" ]
	printf '[events]\npuase = 挂起\n' > "$TMP/bad.ini"
	run --separate-stderr sla-parse --print-events --policy "$TMP/bad.ini"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-parse: $TMP/bad.ini:2: events: unknown key \"puase\"" ]
}

@test "--print-events reads back as the same section" {
	sla-parse --print-events --policy "$EVENTS/policy.ini" > "$TMP/events.ini"
	grep -q '^pause = 客户测试中, waiting for customer,' "$TMP/events.ini"
	sla-parse --print-events --policy "$TMP/events.ini" | diff "$TMP/events.ini" -
}

@test "no time column: fatal, and --map names one" {
	printf 'id,when,status\nA,2026-03-02 09:00,Open\n' > "$TMP/x.csv"
	run --separate-stderr sla-parse --events "$TMP/x.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"time: no column means this (give --map time=HEADER)"* ]]
	run sla-parse --events --map time=when "$TMP/x.csv"
	[ "$status" -eq 0 ]
	[ "${lines[1]:0:2}" = "A	" ]
	run sla-parse --events --map opened=when "$TMP/x.csv"
	[ "$status" -eq 2 ]
}

@test "--events reads its time column with --time-format and --date-order" {
	printf 'id,time,status\nA,02-03-2026 0930,Open\nA,02-03-2026 1015,Resolved\n' > "$TMP/f.csv"
	run sla-parse --events -t 'time=%d-%m-%Y %H%M' "$TMP/f.csv"
	[ "$status" -eq 0 ]
	[ "$(cell <(printf '%s\n' "$output") A resolved)" = "2026-03-02T10:15:00+08:00" ]
	printf 'id,time,status\nA,3/4/2026 9:30,Open\nA,3/4/2026 10:15,Resolved\n' > "$TMP/s.csv"
	run --separate-stderr sla-parse --events "$TMP/s.csv"
	[[ "$stderr" == *":2: time: day/month order unknown"* ]]
	run sla-parse --events --date-order dmy "$TMP/s.csv"
	[ "$(cell <(printf '%s\n' "$output") A opened)" = "2026-04-03T09:30:00+08:00" ]
	run sla-parse --events -t 'opened=%d' "$TMP/s.csv"
	[ "$status" -eq 2 ]
}

@test "--sorted and --policy need --events; --events refuses --no-header" {
	run sla-parse --sorted "$EVENTS/custom.csv"
	[ "$status" -eq 2 ]
	run sla-parse --events --no-header --columns a,b "$EVENTS/custom.csv"
	[ "$status" -eq 2 ]
}

@test "the new options are in --help, the man page and the three completions" {
	root="$BATS_TEST_DIRNAME/../.."
	run sla-parse --help
	for o in events sorted policy print-events; do
		[[ "$output" == *"--$o"* ]]
		grep -q -- "Fl Fl $o" "$root/man/sla-parse.1"
		grep -q -- "--$o" "$root/completions/bash/sla-parse"
		grep -q -- "--$o" "$root/completions/zsh/_sla-parse"
		grep -q -- "-l $o" "$root/completions/fish/sla-parse.fish"
	done
}

@test "the man page lists every event alias and every built-in name" {
	root="$BATS_TEST_DIRNAME/../.."
	sla-parse --events --list-aliases | awk -F'\t' 'NR > 1 && $2 !~ /^\(/ { print $2 }' |
	while IFS= read -r a; do
		grep -qF -- "$a" "$root/man/sla-parse.1" || { echo "missing alias: $a"; return 1; }
	done
	tr '\n' ' ' < "$root/man/sla-parse.1" > "$TMP/man"
	sla-parse --print-events | sed 's/^[a-z]* =//; 1d' | tr ',' '\n' | sed 's/^ *//; /^$/d' |
	while IFS= read -r n; do
		grep -qiF -- "$n" "$TMP/man" || { echo "missing name: $n"; return 1; }
	done
}
