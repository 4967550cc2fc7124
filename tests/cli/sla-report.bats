#!/usr/bin/env bats
# sla-report: formats, the penalty statement, bad input, options.

load helpers
bats_require_minimum_version 1.5.0

setup() {
	CONTRACT="$DATA/check/contract.ini"
	STREAM="$DATA/check/statement.tsv"
	BAD="$DATA/check/bad.tsv"
}

report() {
	sla-report -p "$CONTRACT" "$@"
}

# --- every format over the same stream -----------------------------------

@test "text report matches its golden" {
	run report "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.txt
}

@test "text report in Chinese matches its golden, aligned by display width" {
	run report --lang zh "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement-zh.txt
	# The rows of a table that hold Chinese names line up with its header:
	# the status column starts at the same display column in every row.
	[[ "$output" == *"2026-10  星河数据科技有限公司     normal  INC-1006     7  response  已排除  不可抗力：台风停电"* ]]
}

@test "tsv report matches its golden" {
	run report -f tsv "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.tsv
}

@test "csv report matches its golden" {
	run report -f csv "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.csv
}

@test "json report matches its golden" {
	run report -f json "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.json
}

@test "markdown report matches its golden" {
	run report -f markdown "$STREAM"
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.md
}

@test "html report matches its golden" {
	# names relative to the data folder: the page names its inputs
	cd "$DATA/check"
	run sla-report -p contract.ini -f html statement.tsv
	[ "$status" -eq 0 ]
	assert_golden sla-report-statement.html
}

@test "html report in Chinese matches its golden: lang zh-CN, every label in Chinese" {
	cd "$DATA/check"
	run sla-report -p contract.ini -f html --lang zh statement.tsv
	[ "$status" -eq 0 ]
	[[ "$output" == *' lang="zh-CN">'* ]]
	assert_golden sla-report-statement-zh.html
}

# --- the penalty statement, computed by hand -------------------------------

@test "statement: 10 of 11 kept hits the 95% band, and the cap applies" {
	# 星河, October: 10 kept, 1 broken (INC-1002, 500 + 100/h for 30 min =
	# 600.00): 90.90 % (90.909..., rounded down) is below 95 % but not
	# below 90 %, so 10 % of the
	# fee 20000.00 = 2000.00; 600.00 + 2000.00 = 2600.00 > cap 10 % = 2000.00.
	run report -f tsv "$STREAM"
	[ "$status" -eq 0 ]
	block=$(printf '%s\n' "$output" | sed -n '/^# statement: Penalty statement — 2026-10 — 星河/,/^$/p')
	[[ "$block" == *$'Breach INC-1002\turgent response breached +0:30:00 (line 3)\t600.00'* ]]
	[[ "$block" == *$'Sum of per-breach penalties\tbreaches priced: 1\t600.00'* ]]
	[[ "$block" == *$'Compliance\t10 kept of 11 assessed\t90.90%'* ]]
	[[ "$block" == *$'Service credit\tcompliance 90.90% below 95.00%: 10.00% of the fee 20000.00\t2000.00'* ]]
	[[ "$block" == *$'Cap\t10.00% of the fee 20000.00\t2000.00'* ]]
	[[ "$block" == *$'Total\tmin(2000.00, 600.00 + 2000.00): capped\t2000.00'* ]]
}

@test "compliance is rounded down: 98.995% shows as 98.99%, below the 99% band, in every format" {
	# 19 799 kept and 201 broken is 98.995 %: rounded half up it would read
	# 99.00 % beside "below 99.00 %".
	awk 'BEGIN { OFS = "\t"
		print "id", "line", "customer", "tier", "metric", "start", "target_s", "elapsed_s", "overrun_s", "status", "penalty", "reason"
		for (i = 0; i < 20000; i++)
			print "T" i, i + 2, "c", "urgent", "response", "2026-10-05T10:00:00+08:00", 3600,
				i < 201 ? 3700 : 60, i < 201 ? 100 : 0, i < 201 ? "breached" : "met", "", "" }' \
		> "$BATS_TEST_TMPDIR/edge.tsv"
	for f in text tsv csv markdown html; do
		run report -f $f "$BATS_TEST_TMPDIR/edge.tsv"
		[ "$status" -eq 0 ]
		[[ "$output" == *"compliance 98.99% below 99.00%: 5.00% of the fee"* ]]
	done
	run report -f tsv "$BATS_TEST_TMPDIR/edge.tsv"
	[[ "$output" == *$'Compliance\t19799 kept of 20000 assessed\t98.99%'* ]]
	[[ "$output" == *$'\turgent\tresponse\t20000\t19799\t201\t0\t0\t0\t0\t0\t98.99%'* ]]
	run report -f json "$BATS_TEST_TMPDIR/edge.tsv"
	printf '%s' "$output" | jq -e '.overall.compliance == 0.98995 and .statements[0].compliance == 0.98995
		and .statements[0].band.below == 0.99'
}

@test "a policy's percentages are shown exactly, up to four places" {
	sed 's/^credits .*/credits = 99.995%:5.125%/' "$CONTRACT" > "$BATS_TEST_TMPDIR/fine.ini"
	run sla-report -p "$BATS_TEST_TMPDIR/fine.ini" -f tsv "$STREAM"
	[ "$status" -eq 0 ]
	[[ "$output" == *"compliance 90.90% below 99.9950%: 5.1250% of the fee"* ]]
}

@test "statement: 6 of 8 kept falls below every band, sum 300 + 800, capped" {
	run report -f json "$STREAM"
	[ "$status" -eq 0 ]
	got=$(printf '%s' "$output" | jq -c '.statements[] | select(.period == "2026-10" and .customer == "Northwind Traders, Ltd.")
		| [.kept, .broken, [.breaches[].penalty], .breach_sum, .band.below, .credit, .cap, .capped, .owed]')
	[ "$got" = '[6,2,["300.00","800.00"],"1100.00",0.9,"5000.00","2000.00",true,"2000.00"]' ]
}

@test "statement: a period without breaches owes nothing" {
	run report -f json "$STREAM"
	got=$(printf '%s' "$output" | jq -c '.statements[] | select(.period == "2026-09") | [.customer, .kept, .band, .owed]')
	[ "$got" = '["Northwind Traders, Ltd.",2,null,"0.00"]' ]
}

# --- JSON schema, HTML well-formed ------------------------------------------

validate_json() {
	jq -n -r --slurpfile schema "$DATA/report.schema.json" --slurpfile doc "$1" \
		-f "$DATA/report-schema.jq"
}

@test "json validates against its schema, for good and bad input" {
	for input in "$STREAM" "$BAD"; do
		report -f json "$input" > "$BATS_TEST_TMPDIR/r.json" 2>/dev/null
		run validate_json "$BATS_TEST_TMPDIR/r.json"
		[ "$status" -eq 0 ]
		[ -z "$output" ]
	done
}

@test "the schema check rejects a document that breaks the schema" {
	report -f json "$STREAM" | jq '.rows = "25" | del(.groups[0].elapsed) | .statements[0].owed = 0' \
		> "$BATS_TEST_TMPDIR/broken.json"
	run validate_json "$BATS_TEST_TMPDIR/broken.json"
	[[ "$output" == *'$.rows: expected integer, found string'* ]]
	[[ "$output" == *'$.groups[0]: no member elapsed'* ]]
	[[ "$output" == *'$.statements[0].owed: expected string, found number'* ]]
}

@test "html is well-formed XML, self-contained, with four charts, linking only to its own sections" {
	for input in "$STREAM" "$BAD"; do
		report -f html "$input" > "$BATS_TEST_TMPDIR/r.html" 2>/dev/null
		run xmllint --noout "$BATS_TEST_TMPDIR/r.html"
		[ "$status" -eq 0 ]
		[ "$(grep -c '<svg ' "$BATS_TEST_TMPDIR/r.html")" -eq 4 ]
		! grep -Eqi '<script|<link|src=|@import|url\(' "$BATS_TEST_TMPDIR/r.html"
		# every link is to an id of the page itself
		! grep -Eo 'href="[^"]*"' "$BATS_TEST_TMPDIR/r.html" | grep -v '^href="#'
		for id in $(grep -Eo 'href="#[^"]*"' "$BATS_TEST_TMPDIR/r.html" | sed 's/^href="#//; s/"$//'); do
			grep -q "id=\"$id\"" "$BATS_TEST_TMPDIR/r.html"
		done
	done
	# no penalty in the stream and none in the embedded default: no chart
	# of amounts owed, and the top line says why it is zero
	awk -F'\t' 'BEGIN { OFS = "\t" } NR > 1 { $15 = "" } 1' "$STREAM" > "$BATS_TEST_TMPDIR/free.tsv"
	sla-report -f html "$BATS_TEST_TMPDIR/free.tsv" > "$BATS_TEST_TMPDIR/d.html"
	[ "$(grep -c '<svg ' "$BATS_TEST_TMPDIR/d.html")" -eq 3 ]
	grep -q 'CNY 0.00</span><span class="sub">the policy prices no breach</span>' "$BATS_TEST_TMPDIR/d.html"
}

@test "html charts: the metrics in the policy's order and colours, whatever row comes first, merged too" {
	# the resolve rows first: first appearance would put resolve first
	awk -F'\t' 'NR == 1 || $5 == "resolve"' "$DATA/check/statement.tsv" > "$BATS_TEST_TMPDIR/s.tsv"
	awk -F'\t' 'NR > 1 && $5 != "resolve"' "$DATA/check/statement.tsv" >> "$BATS_TEST_TMPDIR/s.tsv"
	# each legend entry: its swatch's colour, then its text, on the next line
	legend() {
		awk -F'"' '/<rect .*width="10" height="10"/ { fill = $10; next }
			fill != "" && />(response|onsite|resolve|replacement)<\/text>/ {
				sub(/.*">/, ""); sub(/<\/text>.*/, ""); printf "%s %s ", fill, $0 }
			{ fill = "" }' "$1"
	}
	sla-report -p "$DATA/check/contract.ini" -f html "$DATA/check/statement.tsv" > "$BATS_TEST_TMPDIR/a.html"
	sla-report -p "$DATA/check/contract.ini" -f html "$BATS_TEST_TMPDIR/s.tsv" > "$BATS_TEST_TMPDIR/b.html"
	want=$(legend "$BATS_TEST_TMPDIR/a.html")
	[[ "$want" == *" response "*" onsite "*" resolve "*" replacement "* ]] || { echo "legend: $want"; return 1; }
	[ "$(legend "$BATS_TEST_TMPDIR/b.html")" = "$want" ]
	# a merge of partials keeps the order: it travels in their settings
	sla-report -p "$DATA/check/contract.ini" --partial "$BATS_TEST_TMPDIR/s.tsv" > "$BATS_TEST_TMPDIR/s.part"
	grep -q "^set	metrics	response	onsite	workaround	resolve	replacement$" "$BATS_TEST_TMPDIR/s.part"
	sla-report --merge -f html "$BATS_TEST_TMPDIR/s.part" > "$BATS_TEST_TMPDIR/m.html"
	[ "$(legend "$BATS_TEST_TMPDIR/m.html")" = "$want" ]
}

@test "html header: as of from the as_of column or --now, date range, inputs, the policy's SHA-256" {
	sla-report -p "$CONTRACT" -f html "$STREAM" > "$BATS_TEST_TMPDIR/r.html"
	grep -q 'not stated: the stream has no as_of column, and no --now was given' "$BATS_TEST_TMPDIR/r.html"
	grep -q '2026-09-01 to 2026-10-31 (by month: 2026-09 to 2026-10)' "$BATS_TEST_TMPDIR/r.html"
	grep -q "<code>$STREAM</code>" "$BATS_TEST_TMPDIR/r.html"
	sum=$(sha256sum < "$CONTRACT" | cut -d' ' -f1)
	grep -q "<code class=\"sha256\">$sum</code>" "$BATS_TEST_TMPDIR/r.html"
	# the embedded default's digest is that of what --print-policy prints
	sum=$(sla-check --print-policy | sha256sum | cut -d' ' -f1)
	sla-report -f html < "$STREAM" > "$BATS_TEST_TMPDIR/d.html"
	grep -q "<code class=\"sha256\">$sum</code>" "$BATS_TEST_TMPDIR/d.html"
	grep -q '<th scope="row">Input</th><td>standard input</td>' "$BATS_TEST_TMPDIR/d.html"
	grep -q '<th scope="row">Policy</th><td>the embedded default</td>' "$BATS_TEST_TMPDIR/d.html"
	# the as_of column sla-check writes, in the report's zone
	awk -F'\t' 'BEGIN { OFS = "\t" } { $(NF + 1) = NR == 1 ? "as_of" : "2026-10-31T16:00:00Z" } 1' \
		"$STREAM" > "$BATS_TEST_TMPDIR/a.tsv"
	report -f html "$BATS_TEST_TMPDIR/a.tsv" > "$BATS_TEST_TMPDIR/r.html"
	grep -q '<th scope="row">As of</th><td>2026-11-01T00:00:00+08:00</td>' "$BATS_TEST_TMPDIR/r.html"
	# --now over the column
	report -f html --now 2026-10-15T12:00:00+08:00 "$BATS_TEST_TMPDIR/a.tsv" > "$BATS_TEST_TMPDIR/r.html"
	grep -q '<td>2026-10-15T12:00:00+08:00</td>' "$BATS_TEST_TMPDIR/r.html"
	# the range ends on the as-of day: nothing later has happened
	grep -q '2026-09-01 to 2026-10-15 (by month: 2026-09 to 2026-10)' "$BATS_TEST_TMPDIR/r.html"
	# rows that disagree (two runs read together) say so
	{ cat "$BATS_TEST_TMPDIR/a.tsv"; sed 1d "$BATS_TEST_TMPDIR/a.tsv" | sed 's/2026-10-31T16:00:00Z$/2026-11-30T16:00:00Z/'; } \
		> "$BATS_TEST_TMPDIR/b.tsv"
	report -f html "$BATS_TEST_TMPDIR/b.tsv" > "$BATS_TEST_TMPDIR/r.html"
	grep -q '2026-11-01T00:00:00+08:00 to 2026-12-01T00:00:00+08:00: the rows were checked as of different times' \
		"$BATS_TEST_TMPDIR/r.html"
	assert_usage_error '--now: cannot read time "yesterday"' sla-report --now yesterday "$STREAM"
}

@test "html top line, statements with thousands separators, a section a customer with its statements" {
	run report -f html "$STREAM"
	# the statements' totals: 星河's October 2000.00, Northwind's 2000.00
	# (both capped), and a September of 0.00
	[[ "$output" == *'<span class="label">Total owed</span><span class="value">CNY 4,000.00</span>'* ]]
	[[ "$output" == *'<span class="label">Compliance overall</span><span class="value">85.71%</span><span class="sub">18 kept of 21 assessed</span>'* ]]
	[[ "$output" == *'<td>min(2,000.00, 600.00 + 2,000.00): capped</td><td class="n">2,000.00</td>'* ]]
	[[ "$output" == *'<section class="customer" id="customer-1">'$'\n''<h2>Customer: 星河数据科技有限公司</h2>'* ]]
	[[ "$output" == *'<a href="#customer-2">Northwind Traders, Ltd.</a>'* ]]
	# the target (the highest credit band) and the other bands as lines
	[[ "$output" == *'<line class="target"'* ]]
	[ "$(grep -c '<line class="band"' <<< "$output")" -eq 2 ]
	[[ "$output" == *'>target 99.00%; below: credit 5.00%</text>'* ]]
	# the statements are in their customer's section, not in the whole contract's
	before=${output%%<section class=\"customer\"*}
	[[ "$before" != *'class="statement"'* ]]
}

@test "html in Chinese: lang zh-CN, the CJK font stack, every label and the overview's values in Chinese" {
	run report -f html --lang zh "$STREAM"
	[[ "$output" == *'<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">'* ]]
	[[ "$output" == *'font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif'* ]]
	[[ "$output" == *'<th scope="row">截至</th>'* ]]
	[[ "$output" == *'>周期</td><td class="s">月</td>'* ]]
	[[ "$output" == *'>违约金结算</td><td class="s">按月结算，每个客户各一份</td>'* ]]
	[[ "$output" == *'<span class="label">应付合计</span>'* ]]
	# no English label is left: the page's words are all from the zh column
	for word in "As of" "Total owed" "Compliance" "Contents" "Customer" "Penalty statement" "month" "Breach"; do
		[[ "$output" != *">$word"* ]]
	done
}

@test "html escapes markup and shows bytes that are not UTF-8 as \\xHH" {
	run report -f html "$BAD"
	[[ "$output" == *'Acme &lt;b&gt;&amp;&lt;/b&gt; &quot;Sons&quot;'* ]]
	[[ "$output" == *'Acme \xff\xfe corp'* ]]
	[[ "$output" != *$'\xff'* && "$output" != *$'\xfe'* ]]
}

# --- text that must not reach a reader as it is ---------------------------

# The statement stream with INC-1002 renamed to retitle a terminal and
# clear it, INC-2003 holding a bidi override, INC-2001 bytes that are not
# UTF-8, and Northwind's name a tab, a line break and a backslash.
unsafe_stream() {
	LC_ALL=C awk -F'\t' -v esc=$'X\e]0;PWNED\a\e[2J' -v rlo=$'INC-\xe2\x80\xae3002' \
		-v bad=$'INC-\xff\xfe' 'BEGIN { OFS = "\t" }
		$1 == "INC-1002" { $1 = esc }
		$1 == "INC-2003" { $1 = rlo }
		$1 == "INC-2001" { $1 = bad }
		$3 == "Northwind Traders, Ltd." { $3 = "North\\twind\\n\\\\Ltd" }
		{ print }' "$STREAM" > "$BATS_TEST_TMPDIR/unsafe.tsv"
}

@test "text shows a terminal escape, a bidi override and bad bytes visibly, aligned" {
	unsafe_stream
	run report "$BATS_TEST_TMPDIR/unsafe.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *$'\e'* && "$output" != *$'\a'* && "$output" != *$'\xe2\x80\xae'* ]]
	[[ "$output" == *' X\x1b]0;PWNED\x07\x1b[2J '* ]]
	[[ "$output" == *' INC-<U+202E>3002 '* ]]
	[[ "$output" == *' INC-\xff\xfe '* ]]
	[[ "$output" == *' North\twind\n\\Ltd '* ]]
	# Every row of the worst overruns has its status where the header has it.
	printf '%s\n' "$output" | awk '/^Worst overruns/ { t = 1; next }
		t && /^$/ { exit }
		t && /Status/ { at = index($0, "Status") }
		t && /breached/ { n++; if (index($0, "breached") != at) bad = 1 }
		END { exit !(n == 3 && !bad) }'
}

@test "tsv keeps its four escapes and shows other controls, bidi and bad bytes" {
	unsafe_stream
	run report -f tsv --by customer "$BATS_TEST_TMPDIR/unsafe.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *$'\e'* && "$output" != *$'\xe2\x80\xae'* && "$output" != *$'\xff'* ]]
	[[ "$output" == *$'\tX\\x1b]0;PWNED\\x07\\x1b[2J\t'* ]]
	[[ "$output" == *$'\tINC-<U+202E>3002\t'* ]]
	[[ "$output" == *$'\tINC-\\xff\\xfe\t'* ]]
	[[ "$output" == *$'\tNorth\\twind\\n\\\\Ltd\t'* ]]
}

@test "csv keeps tab and line breaks as data and never writes ESC or bad bytes" {
	unsafe_stream
	run report -f csv --by customer "$BATS_TEST_TMPDIR/unsafe.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *$'\e'* && "$output" != *$'\xe2\x80\xae'* && "$output" != *$'\xff'* ]]
	[[ "$output" == *',X\x1b]0;PWNED\x07\x1b[2J,'* ]]
	[[ "$output" == *',INC-<U+202E>3002,'* ]]
	[[ "$output" == *',INC-\xff\xfe,'* ]]
	[[ "$output" == *$',"North\twind\n\\Ltd",'* ]]
}

@test "markdown shows controls, bidi and bad bytes as text" {
	unsafe_stream
	run report -f markdown "$BATS_TEST_TMPDIR/unsafe.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *$'\e'* && "$output" != *$'\xe2\x80\xae'* && "$output" != *$'\xff'* ]]
	[[ "$output" == *'| X\\x1b\]0;PWNED\\x07\\x1b\[2J |'* ]]
	[[ "$output" == *'| INC-&lt;U+202E&gt;3002 |'* ]]
	[[ "$output" == *'| INC-\\xff\\xfe |'* ]]
}

@test "json keeps controls and bidi as \\u escapes, bad bytes as U+FFFD" {
	unsafe_stream
	run report -f json --by customer "$BATS_TEST_TMPDIR/unsafe.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *$'\e'* && "$output" != *$'\xe2\x80\xae'* && "$output" != *$'\xff'* ]]
	[[ "$output" == *'"X\u001b]0;PWNED\u0007\u001b[2J"'* ]]
	[[ "$output" == *'"INC-\u202e3002"'* ]]
	[[ "$output" == *'"INC-\ufffd\ufffd"'* ]]
	printf '%s' "$output" | jq -e '[.. | .id? // empty] | index("INC-\u202e3002") != null'
}

@test "html shows controls, bidi and bad bytes as text, and stays well-formed" {
	unsafe_stream
	report -f html --by customer "$BATS_TEST_TMPDIR/unsafe.tsv" > "$BATS_TEST_TMPDIR/r.html"
	run xmllint --noout "$BATS_TEST_TMPDIR/r.html"
	[ "$status" -eq 0 ]
	run cat "$BATS_TEST_TMPDIR/r.html"
	[[ "$output" != *$'\e'* && "$output" != *$'\xe2\x80\xae'* && "$output" != *$'\xff'* ]]
	[[ "$output" == *'>X\x1b]0;PWNED\x07\x1b[2J</td>'* ]]
	[[ "$output" == *'>INC-&lt;U+202E&gt;3002</td>'* ]]
	[[ "$output" == *'>INC-\xff\xfe</td>'* ]]
	[[ "$output" == *'>North&#9;wind&#10;\Ltd</td>'* ]]
}

@test "tsv and csv write a statement's title whole, however long the customer's name" {
	name=$(printf '星河数据%.0s' $(seq 30))	# 360 bytes
	awk -F'\t' -v name="$name" 'BEGIN { OFS = "\t" }
		$3 == "星河数据科技有限公司" { $3 = name } { print }' "$STREAM" > "$BATS_TEST_TMPDIR/long.tsv"
	run report -f tsv "$BATS_TEST_TMPDIR/long.tsv"
	[[ "$output" == *$'\n'"# statement: Penalty statement — 2026-10 — $name"$'\n'* ]]
	run report -f csv "$BATS_TEST_TMPDIR/long.tsv"
	[[ "$output" == *$'\n'"# statement: Penalty statement — 2026-10 — $name"$'\r\n'* ]]
}

# --- CSV for spreadsheets -------------------------------------------------

@test "markdown passes no markup: HTML, links and emphasis in a cell stay text" {
	awk -F'\t' 'BEGIN { OFS = "\t" }
		$1 == "INC-1006" { $1 = "<script>alert(1)</script>"; $16 = "[x](javascript:alert(1)) *b* _i_ `c` ~s~ a|b & <b>" }
		{ print }' "$STREAM" > "$BATS_TEST_TMPDIR/markup.tsv"
	run report -f markdown "$BATS_TEST_TMPDIR/markup.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" == *'| &lt;script&gt;alert(1)&lt;/script&gt; |'* ]]
	[[ "$output" == *'| \[x\](javascript:alert(1)) \*b\* \_i\_ \`c\` \~s\~ a\|b &amp; &lt;b&gt; |'* ]]
	[[ "$output" != *'<script>'* && "$output" != *'<b>'* ]]
}

@test "csv neutralises formulas and quotes by RFC 4180 with CRLF" {
	run report -f csv --by customer "$BAD"
	[ "$status" -eq 0 ]
	[[ "$output" == *$'"\'=HYPERLINK(""http://example.com"",""click"")"'* ]]
	[[ "$output" == *"\"'@SUM(A1:A9)\""* ]]
	[[ "$output" == *"\"'-Acme\""* ]]
	[[ "$output" == *$'\r\n'* ]]
	# Numbers the report computed keep their form.
	[[ "$output" == *$'2026-10,"\'+86 10 5555 0100",1,0,0,0,0,1,0,0,\r'* ]]
	! printf '%s\n' "$output" | grep -q '^=\|,=\|,@\|,+'
}

@test "csv of the statement stream quotes a name with a comma" {
	run report -f csv "$STREAM"
	[[ "$output" == *'"Northwind Traders, Ltd."'* ]]
}

# --- nothing that came in disappears ----------------------------------------

@test "the per-status counts add up to the rows read, in every table" {
	for input in "$STREAM" "$BAD"; do
		rows=$(($(wc -l < "$input") - 1))
		run sh -c "sla-report -p '$CONTRACT' -f json '$input' 2>/dev/null"
		[ "$status" -eq 0 ]
		printf '%s' "$output" | jq -e --argjson n "$rows" '
			.rows == $n and .overall.rows == $n
			and ([.overall.counts[]] | add) == $n
			and ([.groups[].rows] | add) == $n
			and ([.tiers[].rows] | add) == $n
			and ([.periods[].rows] | add) == $n
			and all(.groups[]; ([.counts[]] | add) == .rows)'
	done
}

@test "unreadable rows are invalid with a reason, reported in the house shape" {
	run report -f json "$BAD"
	[ "$status" -eq 0 ]
	reasons=$(printf '%s\n' "$output" | grep -v '^sla-report:' | jq -r '.unassessed[] | "\(.id) \(.status) \(.reason)"')
	[[ "$reasons" == *"INC-3004 invalid unknown status"* ]]
	[[ "$reasons" == *"INC-3005 invalid cannot read start time"* ]]
	[[ "$reasons" == *"INC-3006 invalid cannot read elapsed seconds"* ]]
	[[ "$reasons" == *"INC-3007 invalid cannot read penalty amount"* ]]
	[[ "$reasons" == *"INC-3008 invalid row has the wrong number of fields"* ]]
	[[ "$reasons" == *$'INC-3009 excluded customer misuse:\tpower cable cut\nsee photo \\\\server\\share'* ]]
	run sh -c "sla-report -p '$CONTRACT' '$BAD' 2>&1 >/dev/null"
	[[ "$output" == *'sla-report: '*'bad.tsv:5: status: unknown status "done"'* ]]
	[[ "$output" == *'bad.tsv:6: start: cannot read start time "2026-10-32T09:00:00+08:00"'* ]]
}

@test "sla-check's own stream goes through whole" {
	run sh -c "sla-check -p '$CONTRACT' --now 2026-11-01T00:00:00+08:00 --keep satisfaction \
		'$DATA/check/report-tickets.tsv' | sla-report -p '$CONTRACT' -f json"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e '.rows == 17 and .overall.counts.met == 7 and .overall.counts.overdue == 4
		and .overall.counts.invalid == 1 and .overall.counts.excluded == 2'
	# Satisfaction: INC-4001 (5), INC-4004 (4), INC-4005 (2) in October, once per ticket.
	printf '%s' "$output" | jq -e '[.groups[] | select(.period == "2026-10" and .keys.metric == "response")
		| .satisfaction.scores] | add == 3'
}

@test "an empty stream gives an empty report, not an error" {
	head -n 1 "$STREAM" > "$BATS_TEST_TMPDIR/empty.tsv"
	run report -f json "$BATS_TEST_TMPDIR/empty.tsv"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e '.rows == 0 and .groups == [] and .overall.compliance == null'
}

# --- options ---------------------------------------------------------------

@test "--tz moves a row across a month boundary" {
	# INC-1001 opened 2026-10-01T07:30+08:00: 30 September in UTC.
	run report -f json --by customer --tz UTC "$STREAM"
	printf '%s' "$output" | jq -e '.timezone == "UTC" and
		([.groups[] | select(.period == "2026-09" and .keys.customer == "星河数据科技有限公司")] | length) == 1'
}

@test "--period week, quarter and year label their periods" {
	run report -f json --period week "$STREAM"
	[ "$(printf '%s' "$output" | jq -r '[.periods[].period] | join(" ")')" = "2026-W40 2026-W41 2026-W42 2026-W43 2026-W44 " ]
	run report -f json --period quarter "$STREAM"
	[ "$(printf '%s' "$output" | jq -r '[.periods[].period] | join(" ")')" = "2026-Q3 2026-Q4 " ]
	run report -f json --period year --by '' "$STREAM"
	[ "$(printf '%s' "$output" | jq -c '[.by, [.groups[].period]]')" = '[[],["2026",null]]' ]
}

@test "--top limits the worst overruns, 0 leaves the table out" {
	run report --top 0 "$STREAM"
	[[ "$output" != *"Worst overruns"* ]]
	run report -f json --by '' --top 1 "$STREAM"
	[ "$(printf '%s' "$output" | jq -c '[.groups[].top[].id]')" = '["INC-2003"]' ]
}

@test "the language comes from LANG unless --lang says otherwise" {
	run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 sla-report -p "$CONTRACT" "$STREAM"
	[[ "${lines[0]}" == "SLA 履约报告" ]]
	run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 sla-report -p "$CONTRACT" --lang en "$STREAM"
	[[ "${lines[0]}" == "SLA compliance report" ]]
}

@test "reads standard input" {
	run sh -c "sla-report -p '$CONTRACT' -f json < '$STREAM'"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e '.rows == 25'
}

@test "without a contract that prices anything, no statement is printed" {
	run sh -c "sla-check --now 2026-11-01T00:00:00+08:00 '$DATA/check/report-tickets.tsv' | sla-report"
	[ "$status" -eq 0 ]
	[[ "$output" != *"Penalty statement"* ]]
	[[ "$output" == *"Compliance by tier"* ]]
}

@test "usage errors exit 2 and say what is wrong" {
	for args in "--period fortnight" "--format xls" "--lang fr" "--top -1" "--top many" "--bogus"; do
		run sla-report $args "$STREAM"
		[ "$status" -eq 2 ]
		[[ "$output" == *"Try 'sla-report --help'."* ]]
	done
}

@test "a grouping column the stream lacks is fatal, named" {
	run sla-report --by region "$STREAM"
	[ "$status" -eq 2 ]
	[ "$output" = "sla-report: $STREAM:1: --by: the check stream has no column \"region\"" ]
}

@test "a missing id or status column is named at the header, line 1 of its file" {
	cut -f 2- "$STREAM" > "$BATS_TEST_TMPDIR/noid.tsv"
	run sla-report "$BATS_TEST_TMPDIR/noid.tsv"
	[ "$status" -eq 2 ]
	[ "$output" = "sla-report: $BATS_TEST_TMPDIR/noid.tsv:1: the check stream has no column \"id\"" ]
	run sh -c "cut -f 1-13 '$STREAM' | sla-report"
	[ "$status" -eq 2 ]
	[ "$output" = 'sla-report: <stdin>:1: the check stream has no column "status"' ]
}

@test "a report that cannot be written is fatal, and says where" {
	[ -w /dev/full ] || skip "no /dev/full"
	run sh -c "sla-report -p '$CONTRACT' '$STREAM' > /dev/full"
	[ "$status" -eq 2 ]
	[ "$output" = "sla-report: <stdout>: cannot write the report: No space left on device" ]
}

@test "a missing file and a bad policy are fatal" {
	run sla-report "$BATS_TEST_TMPDIR/nope.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"nope.tsv: cannot open"* ]]
	run sla-report -p "$DATA/policies/bad-fee.ini" "$STREAM"
	[ "$status" -eq 2 ]
}

@test "--help lists every option, --version names the tool" {
	run sla-report --help
	[ "$status" -eq 0 ]
	for opt in --period --by --top --format --lang --policy --tz --strict --help --version; do
		[[ "$output" == *"$opt"* ]]
	done
	run sla-report --version
	[[ "$output" == "sla-report (sla-tools) "* ]]
}

@test "man page and completions know every long option" {
	root="$BATS_TEST_DIRNAME/../.."
	opts=$(sla-report --help | grep -o -- '--[a-z-]*' | sort -u)
	for opt in $opts; do
		grep -q -- "Fl -${opt#--}" "$root/man/sla-report.1"
		grep -q -- "$opt" "$root/completions/bash/sla-report"
		grep -q -- "${opt#--}" "$root/completions/zsh/_sla-report"
		grep -q -- "-l ${opt#--}" "$root/completions/fish/sla-report.fish"
	done
}

@test "random bytes never crash it, and every line is counted" {
	{
		head -n 1 "$STREAM"
		awk 'BEGIN {
			srand(7)
			for (i = 0; i < 400; i++) {
				n = 1 + int(rand() * 120)
				line = "x"
				for (j = 0; j < n; j++) {
					r = rand()
					if (r < 0.12) line = line "\t"
					else if (r < 0.15) line = line "\\"
					else if (r < 0.20) line = line "2026-10-0" int(rand() * 9) "T09:00:00+08:00"
					else if (r < 0.25) line = line substr("met breached overdue pending", 1 + int(rand() * 20), 8)
					else line = line sprintf("%c", 1 + int(rand() * 254))
				}
				gsub(/\n|\r/, "", line)
				print line
			}
		}'
	} > "$BATS_TEST_TMPDIR/junk.tsv"
	nlines=$(($(wc -l < "$BATS_TEST_TMPDIR/junk.tsv") - 1))
	for format in text tsv csv markdown html; do
		run sh -c "sla-report -p '$CONTRACT' -f $format '$BATS_TEST_TMPDIR/junk.tsv' > /dev/null 2>&1"
		[ "$status" -eq 0 ]
	done
	run sh -c "sla-report -p '$CONTRACT' -f json '$BATS_TEST_TMPDIR/junk.tsv' 2>/dev/null"
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e --argjson n "$nlines" '.rows == $n and ([.overall.counts[]] | add) == $n'
	sla-report -p "$CONTRACT" -f html "$BATS_TEST_TMPDIR/junk.tsv" 2>/dev/null > "$BATS_TEST_TMPDIR/junk.html"
	xmllint --noout "$BATS_TEST_TMPDIR/junk.html"
}

@test "--by takes blanks around the names as typed" {
	run report -f json --by ' customer , tier' "$STREAM"
	[ "$(printf '%s' "$output" | jq -c .by)" = '["customer","tier"]' ]
}

@test "--strict makes the first unreadable row fatal, not sla-check's invalid rows" {
	run sla-report -p "$CONTRACT" --strict "$BAD"
	[ "$status" -eq 2 ]
	[[ "$output" == *'bad.tsv:5: status: unknown status "done"'* ]]
	[[ "$output" != *'bad.tsv:6'* ]]
	run sla-report -p "$CONTRACT" --strict "$STREAM"
	[ "$status" -eq 0 ]
	[[ "$output" == *"first_response before opened"* ]]
}

@test "a metric that has not started is pending in its ticket's period, even under --strict" {
	# sla-check leaves C03's callback start empty ("resolved: not yet");
	# C03 opened on 2026-10-07.  (sla-check's own complaint is not ours.)
	policy="$DATA/policies/good-full.ini"
	run --separate-stderr sh -c "sla-check --now 2026-10-08T12:00:00+08:00 -p '$policy' \
		'$DATA/check/tickets.tsv' 2>/dev/null | sla-report -p '$policy' --strict -f json"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	printf '%s' "$output" | jq -e '.overall.counts.pending == 3
		and ([.periods[] | select(.period == "2026-10") | .counts.pending] == [1])
		and ([.unassessed[] | select(.id == "C03")] == [])'
}

# --- whose statement, and of which period (sla-policy(5) [penalties]) ------

schools() {
	sla-report -p "$DATA/check/schools.ini" "$@" "$DATA/check/schools.tsv"
}

# schools.ini with [penalties] KEY = VALUE instead of the file's own.
schools_with() {
	sed "s/^$1 .*/$1 = $2/" "$DATA/check/schools.ini" > "$BATS_TEST_TMPDIR/schools-$1-$2.ini"
	printf '%s\n' "$BATS_TEST_TMPDIR/schools-$1-$2.ini"
}

@test "per = contract: the two schools' February is one statement, capped at 10000.00 for both" {
	# 东湖小学 A-05 and Westbrook B-07, 4800.00 each; 19 kept of 21 is
	# 90.47 %, below 95 %: 10 % of 50000.00; 9600.00 + 5000.00 > 10000.00.
	run schools -f json
	[ "$status" -eq 0 ]
	got=$(printf '%s' "$output" | jq -c '[.statement_per, .statement_period,
		(.statements[] | [.period, .customer, .customers, .kept, .broken,
		 [.breaches[].id], .breach_sum, .credit, .cap, .capped, .owed])]')
	[ "$got" = '["contract","month",["2026-02",null,["东湖小学","Westbrook Primary School"],19,2,["A-05","B-07"],"9600.00","5000.00","10000.00",true,"10000.00"],["2026-03",null,["东湖小学","Westbrook Primary School"],1,1,["B-11"],"1400.00","5000.00","10000.00",false,"6400.00"]]' ]
	run schools -f tsv
	block=$(printf '%s\n' "$output" | sed -n '/^# statement: Penalty statement — 2026-02 — all customers$/,/^$/p')
	[[ "$block" == *$'Customer\t东湖小学\t'* ]]
	[[ "$block" == *$'Customer\tWestbrook Primary School\t'* ]]
	[[ "$block" == *$'Total\tmin(10000.00, 9600.00 + 5000.00): capped\t10000.00'* ]]
}

@test "per = customer: each school has its own statement, fee and cap" {
	# 东湖小学 10 of 11, Westbrook 9 of 10: both below 95 %, each
	# 4800.00 + 5000.00 = 9800.00 under its own cap; 19600.00 together.
	run sla-report -p "$(schools_with per customer)" -f json "$DATA/check/schools.tsv"
	[ "$status" -eq 0 ]
	got=$(printf '%s' "$output" | jq -c '[.statement_per, (.statements[] | select(.period == "2026-02")
		| [.customer, .customers, .kept, .broken, .owed])]')
	[ "$got" = '["customer",["东湖小学",["东湖小学"],10,1,"9800.00"],["Westbrook Primary School",["Westbrook Primary School"],9,1,"9800.00"]]' ]
	printf '%s' "$output" | jq -e '[.statements[] | select(.period == "2026-02") | .owed | tonumber] | add == 19600'
}

@test "statements and their totals are the same under every --period and --by" {
	for per in contract customer; do
		policy=$(schools_with per $per)
		want=$(sla-report -p "$policy" -f json "$DATA/check/schools.tsv" | jq -c '.statements')
		want_tsv=$(sla-report -p "$policy" -f tsv "$DATA/check/schools.tsv" | sed -n '/^# statement:/,/^$/p')
		[ -n "$want_tsv" ]
		for period in day week month quarter year; do
			for by in '' customer tier,metric customer,tier; do
				run sla-report -p "$policy" -f json --period $period --by "$by" "$DATA/check/schools.tsv"
				[ "$status" -eq 0 ]
				got=$(printf '%s' "$output" | jq -c '.statements')
				[ "$got" = "$want" ] || { echo "per $per --period $period --by '$by': $got"; false; }
				printf '%s' "$output" | jq -e '.statement_period == "month"'
				got_tsv=$(sla-report -p "$policy" -f tsv --period $period --by "$by" \
					"$DATA/check/schools.tsv" | sed -n '/^# statement:/,/^$/p')
				[ "$got_tsv" = "$want_tsv" ]
			done
		done
	done
	# and the sum owed, the figure that went wrong: 10000.00 + 6400.00
	run schools -f json --period day
	printf '%s' "$output" | jq -e '([.statements[].owed | tonumber] | add) == 16400 and .owed == "16400.00" and (.statements | length) == 2'
}

@test "a statement's period is the ticket's opening; without an opened column, the metric's start" {
	# A-12 opened 2026-02-28 23:30, on site 2026-03-01 00:10.
	run sla-report -p "$(schools_with per customer)" -f json "$DATA/check/schools.tsv"
	printf '%s' "$output" | jq -e '([.statements[] | select(.customer == "东湖小学") | [.period, .kept]]
		== [["2026-02", 10], ["2026-03", 1]])
		and ([.periods[] | select(.period == "2026-03") | .rows] == [3])'
	cut -f 1-16 "$DATA/check/schools.tsv" > "$BATS_TEST_TMPDIR/no-opened.tsv"
	run sla-report -p "$(schools_with per customer)" -f json "$BATS_TEST_TMPDIR/no-opened.tsv"
	printf '%s' "$output" | jq -e '[.statements[] | select(.customer == "东湖小学") | [.period, .kept]]
		== [["2026-02", 9], ["2026-03", 2]]'
}

@test "an opened time that cannot be read makes the row invalid, named" {
	sed 's/\t2026-02-28T23:30:00+08:00$/\tyesterday/' "$DATA/check/schools.tsv" > "$BATS_TEST_TMPDIR/bad-opened.tsv"
	run --separate-stderr sla-report -p "$DATA/check/schools.ini" -f json "$BATS_TEST_TMPDIR/bad-opened.tsv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *'bad-opened.tsv:24: opened: cannot read opened time "yesterday"'* ]]
	printf '%s' "$output" | jq -e '[.unassessed[] | [.id, .reason]] == [["A-12", "cannot read opened time"]]'
}

@test "[penalties] period = quarter: one statement for the quarter, whatever --period" {
	# 20 kept of 23: 86.95 %; 4800.00 + 4800.00 + 1400.00 + 5000.00, capped.
	for period in day month year; do
		run sla-report -p "$(schools_with period quarter)" -f json --period $period "$DATA/check/schools.tsv"
		[ "$status" -eq 0 ]
		got=$(printf '%s' "$output" | jq -c '[.statement_period, (.statements[] | [.period, .first_day, .kept, .broken, .breach_sum, .owed, [.breaches[].period]])]')
		[ "$got" = '["quarter",["2026-Q1","2026-01-01",20,3,"11000.00","10000.00",["2026-Q1","2026-Q1","2026-Q1"]]]' ]
	done
	run sla-report -p "$(schools_with period quarter)" -f tsv "$DATA/check/schools.tsv"
	[[ "$output" == *"# statement: Penalty statement — 2026-Q1 — all customers"* ]]
}

@test "per and period take only the values they name" {
	run sla-report -p "$(schools_with per school)" "$DATA/check/schools.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *'schools-per-school.ini:20: per: unknown per (contract or customer) "school"'* ]]
	run sla-report -p "$(schools_with period week)" "$DATA/check/schools.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *'schools-period-week.ini:21: period: unknown period (month, quarter or year) "week"'* ]]
}

@test "a statement whose sum does not fit is an error, never a wrapped number" {
	awk 'BEGIN { OFS = "\t"
		print "id", "line", "customer", "tier", "metric", "start", "target_s", "elapsed_s", "overrun_s", "status", "penalty", "reason"
		for (i = 0; i < 2; i++)
			print "T" i, i + 2, "c", "urgent", "resolve", "2026-02-05T10:00:00+08:00", 3600, 7200, 3600,
				"breached", "50000000000000000.00", "" }' > "$BATS_TEST_TMPDIR/huge.tsv"
	run sla-report -p "$DATA/check/schools.ini" "$BATS_TEST_TMPDIR/huge.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *'huge.tsv:3: penalty: statement 2026-02: the sum of its penalties does not fit "50000000000000000.00"'* ]]
	# one of them fits; with the credit on top it does not
	sed -i '$d' "$BATS_TEST_TMPDIR/huge.tsv"
	sed -i 's/50000000000000000.00/92233720368547750.00/' "$BATS_TEST_TMPDIR/huge.tsv"
	run sla-report -p "$DATA/check/schools.ini" "$BATS_TEST_TMPDIR/huge.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"statement 2026-02: penalties and credit add up to more than fits"* ]]
}

@test "sla-check --keep opened feeds the statements; for built-in metrics it is the start" {
	check="sla-check -p '$CONTRACT' --now 2026-11-01T00:00:00+08:00 '$DATA/check/report-tickets.tsv'"
	with=$(sh -c "$check --keep opened 2>/dev/null | sla-report -p '$CONTRACT' -f json" | jq -c '.statements')
	without=$(sh -c "$check 2>/dev/null | sla-report -p '$CONTRACT' -f json" | jq -c '.statements')
	[ "$with" = "$without" ]
	[ "$(printf '%s' "$with" | jq 'length')" -gt 0 ]
}

@test "the rows' calendar notes are counted in a notes table, in every format and in Chinese" {
	printf 'id\ttier\topened\tfirst_response\nH1\tnormal\t2026-12-31T17:00:00+08:00\t\nH2\tnormal\t2026-12-30T17:00:00+08:00\t\nH3\tnormal\t2026-12-01T10:00:00+08:00\t2026-12-01T11:00:00+08:00\n' \
		| sla-check --now 2027-01-05T00:00:00+08:00 2>/dev/null > "$BATS_TEST_TMPDIR/c.tsv"
	note='calendar "5x8": dates outside the years its holiday data "cn" covers (2019-2026); holidays after 2026 are not known'
	run sla-report "$BATS_TEST_TMPDIR/c.tsv"
	[ "$status" -eq 0 ]
	[[ $output == *$'\nNotes\n-----\n'* ]]
	[[ $output == *"$note     2"* ]]
	run sla-report --lang zh "$BATS_TEST_TMPDIR/c.tsv"
	[[ $output == *"备注"* ]]
	run sla-report -f tsv "$BATS_TEST_TMPDIR/c.tsv"
	[[ $output == *$'# notes: Notes\nNote\tRows\n'"$note"$'\t2\n'* ]]
	run sla-report -f csv "$BATS_TEST_TMPDIR/c.tsv"
	[[ $output == *'"calendar ""5x8"": dates outside'*',2'* ]]
	run sla-report -f markdown "$BATS_TEST_TMPDIR/c.tsv"
	[[ $output == *"## Notes"* ]]
	run sla-report -f html "$BATS_TEST_TMPDIR/c.tsv"
	[[ $output == *'calendar &quot;5x8&quot;: dates outside'* ]]
	run sla-report -f json "$BATS_TEST_TMPDIR/c.tsv"
	[[ $output == *'"notes":[{"text":"calendar \"5x8\": dates outside the years its holiday data \"cn\" covers (2019-2026); holidays after 2026 are not known","rows":2}]'* ]]
	# a stream without notes has no notes table, and an empty array
	run report "$STREAM"
	[[ $output != *"Notes"* ]]
	run report -f json "$STREAM"
	[[ $output == *'"notes":[]'* ]]
}

@test "sla-report: an option without its argument is one message and the hint, exit 2" {
	for opt in --period -u --by --top --format -f --lang --policy --tz -z --now -n --source; do
		assert_usage_error "option needs an argument \"$opt\"" sla-report "$opt"
	done
	assert_usage_error 'unknown option "--bogus"' sla-report --bogus
}

@test "sla-report: a failed write of standard output is said once, exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	assert_write_refused "the report" sla-report -p "$CONTRACT" "$STREAM"
	assert_write_refused "the help" sla-report --help
}

@test "--by: blanks around a column and empty items between commas are left out" {
	for v in 'customer,tier' 'customer,,tier' ' customer , tier ' ',customer,tier,'; do
		run report -f json --by "$v" "$STREAM"
		[ "$status" -eq 0 ]
		[ "$(printf '%s' "$output" | jq -c '.by')" = '["customer","tier"]' ]
	done
}

# Exact percentiles from histograms: ten times the rows over the same 600
# elapsed times, the same memory (within 2 MiB; the rows' elapsed times
# kept one by one took 8 bytes a row, 7 MiB more here).
@test "memory follows the distinct elapsed times, not the rows" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	gen() {
		awk -v n="$1" 'BEGIN { OFS = "\t"
			print "id", "line", "customer", "tier", "metric", "start", "target_s", "elapsed_s", "overrun_s", "status", "penalty", "reason"
			for (i = 0; i < n; i++)
				print "T" i, i + 2, "c", "urgent", "response", "2026-10-05T10:00:00+08:00", 3600,
					3000 + i % 600, 0, "met", "", "" }'
	}
	gen 100000 > "$BATS_TEST_TMPDIR/small.tsv"
	gen 1000000 > "$BATS_TEST_TMPDIR/large.tsv"
	# (an ASan build keeps freed blocks in quarantine, and each fold of a
	# histogram frees its old array: without quarantine it measures ours)
	rss() {
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0" \
			/usr/bin/time -f %M sla-report "$1" 2>&1 >/dev/null | tail -1
	}
	small=$(rss "$BATS_TEST_TMPDIR/small.tsv")
	large=$(rss "$BATS_TEST_TMPDIR/large.tsv")
	echo "peak RSS: $small KiB for 100000 rows, $large KiB for 1000000"
	[ "$large" -lt $((small + 2048)) ]
	# and the percentiles are those of the rows: 3000 + 0..599, uniform
	run sla-report -f json "$BATS_TEST_TMPDIR/large.tsv"
	printf '%s' "$output" | jq -e '.groups[0].elapsed == {"n": 1000000, "p50": 3299, "p90": 3539, "p95": 3569, "max": 3599}'
}
