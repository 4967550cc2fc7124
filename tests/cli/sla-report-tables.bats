#!/usr/bin/env bats
# sla-report for tools and spreadsheets: --table, the byte order mark, the
# xlsx workbook read back (openpyxl), the JSON's names (schema 2), and the
# table formats in Chinese.

load helpers
bats_require_minimum_version 1.5.0

setup() {
	CONTRACT="$DATA/check/contract.ini"
	STREAM="$DATA/check/statement.tsv"
	BAD="$DATA/check/bad.tsv"
	READBACK="$BATS_TEST_DIRNAME/readback"
	TABLES="tiers overview notes periods groups percentiles satisfaction overruns unassessed statements breaches"
}

report() {
	sla-report -p "$CONTRACT" "$@"
}

# The workbook of ARGS, dumped cell by cell (readback/xlsx_dump.py).
xlsx_dump() {
	report -f xlsx "$@" > "$BATS_TEST_TMPDIR/r.xlsx" &&
		/usr/bin/python3 "$READBACK/xlsx_dump.py" "$BATS_TEST_TMPDIR/r.xlsx"
}

# --- the table formats in Chinese -------------------------------------------

@test "tsv, csv and markdown in Chinese match their goldens" {
	run report --lang zh -f tsv "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement-zh.tsv
	run report --lang zh -f csv "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement-zh.csv
	run report --lang zh -f markdown "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement-zh.md
}

@test "json is the same document in every language: its keys and words are the stream's" {
	report -f json "$STREAM" > "$BATS_TEST_TMPDIR/en.json"
	report -f json --lang zh "$STREAM" > "$BATS_TEST_TMPDIR/zh.json"
	cmp "$BATS_TEST_TMPDIR/en.json" "$BATS_TEST_TMPDIR/zh.json"
}

# --- JSON: names for what they are ------------------------------------------

@test "json schema 2: overall is the row tally, owed the money, every statement's owed adds up to it" {
	run report -f json "$STREAM"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e '.schema == "sla-report/2" and (has("total") | not)
		and .overall.rows == 25 and ([.overall.counts[]] | add) == 25
		and .owed == "4000.00"
		and ([.statements[].owed | tonumber] | add) == 4000
		and all(.statements[]; has("total") | not)'
	# periods are periods: no "tier": null
	printf '%s' "$output" | jq -e 'all(.periods[]; has("tier") | not) and all(.tiers[]; .tier | type == "string")'
}

@test "json: the elapsed-time bands are labelled with their bounds, and hold every assessed row" {
	run report -f json "$STREAM"
	got=$(printf '%s' "$output" | jq -c '[.overall.elapsed_bands[].up_to_s]')
	[ "$got" = '[900,3600,14400,28800,86400,259200,null]' ]
	printf '%s' "$output" | jq -e '([.overall.elapsed_bands[].rows] | add) == .overall.kept + .overall.broken
		and all(.groups[], .tiers[], .periods[]; (.elapsed_bands | length) == 7)'
}

@test "json: under the embedded policy, owed is what the stream's penalties add up to" {
	# 600.00 + 300.00 + 800.00: no fee, no credits, no cap
	run sla-report -f json "$STREAM"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e '.owed == "1700.00" and ([.statements[].owed | tonumber] | add) == 1700'
	awk -F '\t' 'BEGIN { OFS = "\t" } NR > 1 { $15 = "" } { print }' "$STREAM" > "$BATS_TEST_TMPDIR/free.tsv"
	run sla-report -f json "$BATS_TEST_TMPDIR/free.tsv"
	printf '%s' "$output" | jq -e '.owed == "0.00"'
}

@test "statements whose sum owed does not fit are an error, never a wrapped figure" {
	# Two customers, each owing 50 000 000 000 000 000.00 without a cap:
	# each statement fits, their sum does not.
	sed '/^cap /d; /^credits /d' "$CONTRACT" > "$BATS_TEST_TMPDIR/nocap.ini"
	{
		printf 'id\tline\tcustomer\ttier\tmetric\tstart\ttarget_s\telapsed_s\toverrun_s\tstatus\tpenalty\treason\n'
		printf 'A\t2\tc1\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t7200\t3600\tbreached\t50000000000000000.00\t\n'
		printf 'B\t3\tc2\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t7200\t3600\tbreached\t50000000000000000.00\t\n'
	} > "$BATS_TEST_TMPDIR/huge.tsv"
	for f in json text xlsx; do
		run --separate-stderr sla-report -p "$BATS_TEST_TMPDIR/nocap.ini" -f $f "$BATS_TEST_TMPDIR/huge.tsv"
		[ "$status" -eq 2 ]
		[ -z "$output" ]
		[ "$stderr" = "sla-report: the statements owe more in all than fits" ]
	done
	# one of them alone is owed, exactly
	head -n 2 "$BATS_TEST_TMPDIR/huge.tsv" > "$BATS_TEST_TMPDIR/one.tsv"
	run sla-report -p "$BATS_TEST_TMPDIR/nocap.ini" -f json "$BATS_TEST_TMPDIR/one.tsv"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e '.owed == "50000000000000000.00"'
}

# --- --table: one rectangular table for tools -------------------------------

@test "--table writes each table alone, headed by its keys; they match their golden" {
	output=$(for t in $TABLES; do
		echo "== $t"
		report -f csv --table "$t" "$STREAM" | tr -d '\r'
	done)
	assert_golden sla-report-tables.csv
}

@test "--table in tsv and Chinese: the keys stay, the words are Chinese; matches its golden" {
	output=$(for t in $TABLES; do
		echo "== $t"
		report -f tsv --lang zh -T "$t" "$STREAM"
	done)
	assert_golden sla-report-tables-zh.tsv
}

@test "--table csv and tsv parse strictly: one header of unique names, every row as wide" {
	for input in "$STREAM" "$BAD"; do
		for t in $TABLES; do
			for f in csv tsv; do
				report -f $f --table "$t" --by customer,tier "$input" > "$BATS_TEST_TMPDIR/t.$f" 2>/dev/null
				run /usr/bin/python3 "$READBACK/strict_csv.py" "$BATS_TEST_TMPDIR/t.$f" $f
				[ "$status" -eq 0 ] || { echo "$input $t $f: $output"; return 1; }
			done
		done
	done
}

@test "--table output reads in Miller, with its numbers as numbers" {
	run --separate-stderr sh -c 'sla-report -p "$1" -f csv --table statements "$2" |
		mlr --icsv --ojson filter "is_numeric(\$owed) && \$owed > 1000" then cut -f period,customer,owed' \
		_ "$CONTRACT" "$STREAM"
	[ "$status" -eq 0 ]
	[ "$(printf '%s' "$output" | jq -c '[.[] | .owed]')" = '[2000.00,2000.00,4000.00]' ] ||
		[ "$(printf '%s' "$output" | jq -c '[.[] | .owed]')" = '[2000,2000,4000]' ]
	# every table: Miller reads as many records as there are rows
	for t in $TABLES; do
		report -f tsv --table "$t" "$STREAM" > "$BATS_TEST_TMPDIR/t.tsv"
		n=$(mlr --itsv --ojson cat "$BATS_TEST_TMPDIR/t.tsv" | jq length)
		[ "$n" -eq $(($(wc -l < "$BATS_TEST_TMPDIR/t.tsv") - 1)) ] || { echo "$t: $n records"; return 1; }
	done
	# compliance is a fraction, durations seconds
	run sh -c 'sla-report -p "$1" -f csv -T tiers "$2" | mlr --icsv --ojson filter "\$tier == \"urgent\"" then cut -f compliance' \
		_ "$CONTRACT" "$STREAM"
	[ "$(printf '%s' "$output" | jq -c '.[0].compliance')" = 0.800000 ] ||
		[ "$(printf '%s' "$output" | jq -c '.[0].compliance')" = 0.8 ]
}

@test "--table statements: the inputs beside the results, by hand" {
	run report -f csv --table statements "$STREAM"
	[ "$status" -eq 0 ]
	# 星河: 10 of 11, below 95 %: 10 % of 20000.00 = 2000.00; 600.00 + 2000.00
	# = 2600.00 over the cap 2000.00
	[[ "$output" == *$'2026-10,星河数据科技有限公司,10,1,0.909090,1,600.00,0.950000,0.100000,20000.00,2000.00,2600.00,2000.00,yes,2000.00\r'* ]]
	[[ "$output" == *$'All,,,,,,,,,,,,,,4000.00\r'* ]]
}

@test "--table of a table without rows is its header alone" {
	run report -f csv --table notes "$STREAM"
	[ "$status" -eq 0 ]
	[ "$output" = $'note,rows\r' ]
	run report -f tsv --table overruns --top 0 "$STREAM"
	[ "$output" = $'period\ttier\tmetric\tid\tline\tstatus\ttarget_s\telapsed_s\toverrun_s' ]
}

@test "--table csv still neutralises formulas, in keys and cells" {
	run report -f csv --table unassessed --by customer "$BAD"
	[ "$status" -eq 0 ]
	! printf '%s\n' "$output" | grep -q '^=\|,=\|,@\|,+\|^+\|^@'
	[[ "$output" == *"'"* ]]
}

# --- the byte order mark -----------------------------------------------------

@test "csv of the whole report starts with a byte order mark for Excel; --no-bom leaves it out" {
	report -f csv "$STREAM" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'
	report -f csv --no-bom "$STREAM" | head -c 3 | od -An -c | grep -q '#'
	# tsv and --table are for tools: none unless asked
	report -f tsv "$STREAM" | head -c 1 | grep -q '#'
	report -f csv --table tiers "$STREAM" | head -c 4 | grep -q '^tier'
	report -f csv --table tiers --bom "$STREAM" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'
	report -f tsv --bom "$STREAM" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'
}

# --- options -------------------------------------------------------------------

@test "--table, --bom and xlsx refuse what they do not go with" {
	assert_usage_error '--table: unknown table "top"' sla-report -f csv --table top "$STREAM"
	assert_usage_error '--table: only with --format csv or tsv' sla-report -f json --table tiers "$STREAM"
	assert_usage_error '--table: only with --format csv or tsv' sla-report --table tiers "$STREAM"
	assert_usage_error '--bom: only with --format csv or tsv' sla-report -f html --bom "$STREAM"
	assert_usage_error '--no-bom: only with --format csv or tsv' sla-report -f xlsx --no-bom "$STREAM"
	# a table's columns have one name each
	assert_usage_error '--by: column named twice "tier"' sla-report --by tier,customer,tier "$STREAM"
}

@test "xlsx is never written to a terminal" {
	run script -qec "sla-report -f xlsx '$STREAM'" /dev/null
	[ "$status" -eq 2 ]
	[[ "$output" == *"sla-report: --format xlsx: standard output is a terminal; redirect it to a file"* ]]
	[[ "$output" != *PK* ]]
}

@test "--help, the man page and the completions know --table, --bom, --no-bom and xlsx" {
	run sla-report --help
	for w in --table --bom --no-bom xlsx statements breaches percentiles overruns; do
		[[ "$output" == *"$w"* ]] || { echo "--help: no $w"; return 1; }
	done
	root="$BATS_TEST_DIRNAME/../.."
	for t in $TABLES; do
		grep -q "$t" "$root/man/sla-report.1"
		grep -q "$t" "$root/completions/bash/sla-report"
	done
	grep -q 'sla-report/2' "$root/man/sla-report.1"
}

# --- xlsx: a workbook read back ---------------------------------------------------

@test "xlsx: a sheet a table, typed cells, frozen headings and filters; matches its golden" {
	run xlsx_dump "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.xlsx.txt
	# counts and money are numbers, money in the currency's format,
	# compliance a percentage rounded down, durations and months typed
	[[ "$output" == *$'s:All\tn:25\tn:18\tn:3\tn:0\tn:1\tn:0\tn:2\tn:1\tn:0.8571|0.00%'* ]]
	[[ "$output" == *$'s:Fee per statement period\tn:20000|#,##0.00 "CNY"'* ]]
	[[ "$output" == *$'d:2026-10-01|yyyy-mm\ts:urgent\ts:response\ts:INC-1002\tn:3\ts:breached\tt:3600|[h]:mm:ss\tt:5400|[h]:mm:ss\tt:1800|[h]:mm:ss'* ]]
	[[ "$output" == *"== statements frozen=A3 filter=A2:O6"* ]]
	[[ "$output" == *$'s:All\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\tn:4000|#,##0.00 "CNY"'* ]]
}

@test "xlsx in Chinese matches its golden" {
	run xlsx_dump --lang zh "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement-zh.xlsx.txt
}

@test "xlsx: the same report is the same bytes" {
	report -f xlsx "$STREAM" > "$BATS_TEST_TMPDIR/a.xlsx"
	sleep 1
	report -f xlsx "$STREAM" > "$BATS_TEST_TMPDIR/b.xlsx"
	cmp "$BATS_TEST_TMPDIR/a.xlsx" "$BATS_TEST_TMPDIR/b.xlsx"
}

@test "xlsx: a ticket's text is never a formula, and controls and bad bytes are visible" {
	run xlsx_dump --by customer "$BAD"
	[ "$status" -eq 0 ]	# xlsx_dump.py exits 1 on any formula
	[[ "$output" == *'s:=HYPERLINK("http://example.com","click")'* ]]
	[[ "$output" == *'s:@SUM(A1:A9)'* ]]
	# nothing that XML or a spreadsheet cannot hold as it is
	! printf '%s' "$output" | grep -q $'\x1b'
}

@test "xlsx: a period of weeks or quarters is its label, of days a date" {
	run xlsx_dump --period week "$STREAM"
	[[ "$output" == *$'\ns:2026-W40\t'* ]]
	run xlsx_dump --period day "$STREAM"
	[[ "$output" == *$'\nd:2026-10-01|yyyy-mm-dd\t'* ]]
}

@test "xlsx: a text longer than a cell holds is cut, with an ellipsis" {
	long=$(head -c 40000 /dev/zero | tr '\0' 'x')
	{
		printf 'id\tline\tcustomer\ttier\tmetric\tstart\ttarget_s\telapsed_s\toverrun_s\tstatus\tpenalty\treason\n'
		printf 'X\t2\tc\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t60\t0\texcluded\t\t%s\n' "$long"
	} > "$BATS_TEST_TMPDIR/long.tsv"
	run xlsx_dump "$BATS_TEST_TMPDIR/long.tsv"
	[ "$status" -eq 0 ]
	cell=$(printf '%s\n' "$output" | grep -o 's:xxx[x…]*')
	[ "${#cell}" -eq $((2 + 32767)) ]
	[[ "$cell" == *x… ]]
}

@test "xlsx: a workbook that cannot be made is an error, and nothing is written" {
	[ -z "${SLA_VALGRIND:-}" ] || skip "valgrind itself cannot start without its TMPDIR"
	run --separate-stderr env TMPDIR=/nonexistent sla-report -p "$CONTRACT" -f xlsx "$STREAM"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "sla-report: cannot make the workbook: No such file or directory" ]
}
