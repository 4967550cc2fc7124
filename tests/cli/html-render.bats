#!/usr/bin/env bats
# The HTML report as a person sees it: rendered and printed by headless
# Chromium.  The numbers that matter are in the rendered text (pdftotext
# reads what was laid out, not the source), the print is A4, and no page
# is blank.  The Chinese page needs a CJK font of the page's stack
# (tests/deps.sh installs Noto Sans CJK): a character no font has is left
# out of the laid-out text, so the labels read back whole only when every
# one was drawn.  make screenshots renders the 200- and 50,000-ticket pages
# and the Chinese one for people to look at (sla-report(1), FORMATS).

load helpers
bats_require_minimum_version 1.5.0

# chromium ARGS... headless, its profile in the tests' folder; as root it
# runs only without its sandbox.
browse() {
	local sandbox=
	[ "$(id -u)" -ne 0 ] || sandbox=--no-sandbox
	HOME="$BATS_FILE_TMPDIR" chromium --headless $sandbox --disable-gpu --no-first-run \
		--user-data-dir="$BATS_FILE_TMPDIR/profile" "$@" 2>"$BATS_FILE_TMPDIR/chromium.err"
}

# One page, rendered twice (a browser starts in seconds): the document
# Chromium built, and its print.
setup_file() {
	CONTRACT="$DATA/check/contract.ini"
	# the statement stream with the as_of column sla-check writes
	awk -F'\t' 'BEGIN { OFS = "\t" } { $(NF + 1) = NR == 1 ? "as_of" : "2026-10-31T16:00:00Z" } 1' \
		"$DATA/check/statement.tsv" > "$BATS_FILE_TMPDIR/check.tsv"
	sla-report -p "$CONTRACT" --by customer -f html "$BATS_FILE_TMPDIR/check.tsv" \
		> "$BATS_FILE_TMPDIR/r.html"
	browse --dump-dom "file://$BATS_FILE_TMPDIR/r.html" > "$BATS_FILE_TMPDIR/dom.html"
	browse --no-pdf-header-footer --print-to-pdf-no-header \
		--print-to-pdf="$BATS_FILE_TMPDIR/r.pdf" "file://$BATS_FILE_TMPDIR/r.html"
	sla-report -p "$CONTRACT" --by customer -f html --lang zh "$BATS_FILE_TMPDIR/check.tsv" \
		> "$BATS_FILE_TMPDIR/zh.html"
	browse --no-pdf-header-footer --print-to-pdf-no-header \
		--print-to-pdf="$BATS_FILE_TMPDIR/zh.pdf" "file://$BATS_FILE_TMPDIR/zh.html"
}

@test "rendered: the header, the total owed, the target line and the customer sections are on the page" {
	# the browser's document is the page's: every chart and section is there
	[ "$(grep -c '<svg ' "$BATS_FILE_TMPDIR/dom.html")" -eq 4 ]
	[ "$(grep -c '<section class="customer"' "$BATS_FILE_TMPDIR/dom.html")" -eq 2 ]
	run pdftotext -layout "$BATS_FILE_TMPDIR/r.pdf" -
	[ "$status" -eq 0 ]
	sum=$(sha256sum < "$DATA/check/contract.ini" | cut -d' ' -f1)
	for want in 'As of' '2026-11-01T00:00:00+08:00' '2026-09-01 to 2026-10-31' "$sum" \
		'Total owed' 'CNY 4,000.00' 'Compliance overall' '85.71%' '18 kept of 21 assessed' \
		'target 99.00%; below: credit 5.00%' 'below 95.00%: credit 10.00%' \
		'Customer: Northwind Traders, Ltd.' 'min(2,000.00, 1,100.00 + 5,000.00): capped'; do
		[[ "$output" == *"$want"* ]] || { echo "not rendered: $want"; return 1; }
	done
}

@test "printed: A4, and no page blank or holding only a stray row" {
	run pdfinfo "$BATS_FILE_TMPDIR/r.pdf"
	[[ "$output" == *"(A4)"* ]]
	pages=$(printf '%s\n' "$output" | awk '/^Pages:/ { print $2 }')
	# the whole contract, then a page for each of the two customers
	[ "$pages" -ge 3 ]
	# pdftotext ends each page with a form feed
	run pdftotext "$BATS_FILE_TMPDIR/r.pdf" -
	sparse=$(printf '%s\n' "$output" |
		awk 'BEGIN { RS = "\f" } NR <= pages && NF <= 20 { printf " %d", NR }' pages="$pages")
	[ -z "$sparse" ] || { echo "pages with hardly any text:$sparse"; return 1; }
	[ "$(printf '%s\n' "$output" | awk 'BEGIN { RS = "\f" } END { print NR }')" -ge "$pages" ]
}

@test "rendered in Chinese: every label drawn, none left out for want of a font" {
	run pdfinfo "$BATS_FILE_TMPDIR/zh.pdf"
	[[ "$output" == *"(A4)"* ]]
	run pdftotext -layout "$BATS_FILE_TMPDIR/zh.pdf" -
	[ "$status" -eq 0 ]
	for want in 'SLA 履约报告' '广播系统维保合同' '截至' '2026-11-01T00:00:00+08:00' \
		'2026-09-01 至 2026-10-31' '应付合计' 'CNY 4,000.00' '总体履约率' '85.71%' \
		'18 项达标，共 21 项考核' '目标 99.00%；低于则抵扣 5.00%' '低于 95.00%：抵扣 10.00%' \
		'违约金结算' '按月结算，每个客户各一份' '客户：星河数据科技有限公司'; do
		[[ "$output" == *"$want"* ]] || { echo "not rendered: $want"; return 1; }
	done
}
