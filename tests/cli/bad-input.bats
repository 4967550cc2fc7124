#!/usr/bin/env bats
# Bad input (tests/data/bad, and big files made here at run time): for each,
# the message and the exit status, and that no record is lost.  Every tool
# runs under a timeout: a hang fails the test instead of the suite.

load helpers
bats_require_minimum_version 1.5.0

BAD="$BATS_TEST_DIRNAME/../data/bad"
NOW=2026-11-01T00:00:00+08:00
LIMIT=20	# seconds; the big inputs take well under one in the normal build

setup() {
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# Run a tool under the time limit, standard error apart.
tool() {
	run --separate-stderr timeout "$LIMIT" "$@"
}

# sla-parse FILE into $TMP/out.tsv (not through bash: a big stream is slow
# there): its status and messages in $status and $stderr.
parse() {
	status=0
	timeout "$LIMIT" sla-parse "$@" > "$TMP/out.tsv" 2> "$TMP/err" || status=$?
	stderr=$(cat "$TMP/err")
}

# Under valgrind (tests/valgrind.sh) the big inputs take minutes; their
# memory is checked there through conservation.bats, which reads them too.
big_input() {
	[ -z "${SLA_VALGRIND:-}" ] || skip "big input, under valgrind in conservation.bats"
}

# The rows of a stream, header left out.
rows() {
	tail -n +2 "$1" | wc -l
}

# Column NAME of the row whose id is ID, in stream FILE.
col() {
	awk -F'\t' -v name="$2" -v id="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$1 == id { print $(c[name]) }' "$1"
}

# Check stream FILE: "id metric status reason" of each row.
statuses() {
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ print $1, $(c["metric"]), $(c["status"]), $(c["reason"]) }' "$1"
}

# ---- CSV: quoting, bytes, encodings, line ends -------------------------------

@test "unterminated quote: flagged at its line, read literally, the next record still read" {
	parse "$BAD/unterminated-quote.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $BAD/unterminated-quote.csv:2:"' description: quote not closed by the end of the file; its first line read literally "\"never closed"' ]
	[ "$(rows "$TMP/out.tsv")" -eq 2 ]
	[ "$(col "$TMP/out.tsv" description 1)" = '"never closed' ]
	[ -z "$(col "$TMP/out.tsv" error 2)" ]
}

# Valid RFC 4180, so the data stay as read; but 999 tickets went into one
# description with "3 records read, 3 written, 0 flagged".
@test "two stray quotes: the records between them stay in one field, flagged at the line the quote opened" {
	{ printf 'id,opened,priority,description\n1,2026-03-02 09:00,P2,ok\n'
	  printf '2,2026-03-02 09:10,P2,"abc\n'
	  for i in $(seq 3 1000); do printf '%d,2026-03-02 10:00,P3,ticket %d\n' "$i" "$i"; done
	  printf '1001,2026-03-02 11:00,P3,size 5"\n1002,2026-03-02 12:00,P3,last\n'; } > "$TMP/stray.csv"
	[ "$(sed -n 1002p "$TMP/stray.csv")" = '1001,2026-03-02 11:00,P3,size 5"' ]
	parse -v "$TMP/stray.csv"
	[ "$status" -eq 0 ]
	want='description: the quote opened at line 3 runs over 999 lines that look like records (a stray quote?); read as one field'
	[ "$(printf '%s\n' "$stderr" | sed -n 2p)" = "sla-parse: $TMP/stray.csv:3: $want \"abc\\n3,2026-03-02 10:00,P3,ticket 3\\n4,2026-03-02 10:00,P3,ticket 4\\n5,2026-03-02 1...\"" ]
	[ "$(printf '%s\n' "$stderr" | tail -1)" = 'sla-parse: 3 records read, 3 written, 1 flagged' ]
	[[ "$(col "$TMP/out.tsv" error 2)" == "$want \"abc"* ]]
	# the field is kept as RFC 4180 reads it: all 999 lines
	[ "$(col "$TMP/out.tsv" description 2 | grep -o '\\n' | wc -l)" -eq 999 ]
	[ -z "$(col "$TMP/out.tsv" error 1002)" ]
	tool sla-parse --strict "$TMP/stray.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"stray.csv:3: $want"* ]]
}

@test "one swallowed record is enough; the quote may open on a later line of its record" {
	printf 'id,opened,description,note\n1,2026-03-02 09:00,"multi\nline",", and\n2,2026-03-02 10:00,lost,x\n3,2026-03-02 11:00,y,z"\n4,2026-03-02 12:00,ok,ok\n' > "$TMP/one.csv"
	parse "$TMP/one.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/one.csv:2: note: the quote opened at line 3 runs over 2 lines that look like records (a stray quote?); read as one field \", and\\n2,2026-03-02 10:00,lost,x\\n3,2026-03-02 11:00,y,z\"" ]
	[ "$(rows "$TMP/out.tsv")" -eq 2 ]
}

@test "NUL bytes: read as U+FFFD and the record flagged (they once went into the stream raw)" {
	parse "$BAD/nul-bytes.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $BAD/nul-bytes.csv:2:"' description: invalid byte sequence in UTF-8 (read as U+FFFD) "a�b"' ]
	[ "$(rows "$TMP/out.tsv")" -eq 2 ]
	! grep -q -P '\x00' "$TMP/out.tsv"
	[ "$(col "$TMP/out.tsv" description 1)" = 'a�b' ]
}

@test "NUL bytes under --no-quote: not taken for a quote" {
	tool sla-parse --no-quote "$BAD/nul-bytes.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *'nul-bytes.csv:2: description: invalid byte sequence in UTF-8 (read as U+FFFD) "a�b"' ]]
	[[ "$stderr" != *quot* ]]
}

@test "invalid UTF-8: each bad record flagged with the bytes as U+FFFD, the good one clean" {
	parse --encoding utf-8 "$BAD/invalid-utf8.csv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 2 ]
	[[ "$stderr" == *'invalid-utf8.csv:2: description: invalid byte sequence in utf-8 (read as U+FFFD) "caf�"'* ]]
	[[ "$stderr" == *'invalid-utf8.csv:3: description: invalid byte sequence in utf-8 (read as U+FFFD) "�� ok"'* ]]
	[ "$(rows "$TMP/out.tsv")" -eq 3 ]
	[ "$(col "$TMP/out.tsv" description 3)" = 'café' ]
	[ -z "$(col "$TMP/out.tsv" error 3)" ]
}

@test "invalid UTF-8, encoding detected: read as GB18030, still flagged, nothing lost" {
	parse "$BAD/invalid-utf8.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *'invalid-utf8.csv:2: description: invalid byte sequence in GB18030'* ]]
	[ "$(rows "$TMP/out.tsv")" -eq 3 ]
}

@test "invalid GB18030: flagged, and the valid 故障 after it read whole" {
	parse --encoding gb18030 "$BAD/invalid-gb18030.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *'invalid-gb18030.csv:2: description: invalid byte sequence in gb18030 (read as U+FFFD) "故�"'* ]]
	[[ "$stderr" == *'invalid-gb18030.csv:3: description: invalid byte sequence in gb18030'* ]]
	[ "$(rows "$TMP/out.tsv")" -eq 3 ]
	[ "$(col "$TMP/out.tsv" description 3)" = '故障' ]
}

# The tail once decided: the header was read as GB18030 and sla-parse died
# with "id: no column means this".
@test "a UTF-8 header with a GB18030 tail: the header decides, the tail is flagged, nothing dies" {
	parse -v "$BAD/utf8-header-gb18030-tail.csv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$stderr" | head -1)" = "sla-parse: $BAD/utf8-header-gb18030-tail.csv: encoding UTF-8 (header valid UTF-8), delimiter ','" ]
	[[ "$stderr" == *'gb18030-tail.csv:3: 故障描述: invalid byte sequence in UTF-8 (read as U+FFFD) "'* ]]
	[[ "$stderr" == *'gb18030-tail.csv:4: 故障描述: invalid byte sequence in UTF-8 (read as U+FFFD) "'* ]]
	[[ "$stderr" == *'3 records read, 3 written, 2 flagged' ]]
	[ "$(col "$TMP/out.tsv" description INC-1)" = 打印机卡纸 ]
	[ -z "$(col "$TMP/out.tsv" error INC-1)" ]
}

# The UTF-8 tail once became mojibake (服务器宕机 as 鏈嶅姟鍣ㄥ畷鏈?) unflagged,
# and the ticket lost its tier.
@test "a GB18030 file with a UTF-8 tail: the tail read as UTF-8 and flagged, its tier kept" {
	parse -v "$BAD/gb18030-utf8-tail.csv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$stderr" | sed -n 2p)" = "sla-parse: $BAD/gb18030-utf8-tail.csv:4: 故障描述: UTF-8 in a file read as GB18030 (this record read as UTF-8) \"服务器宕机\"" ]
	[[ "$stderr" == *'4 records read, 4 written, 1 flagged' ]]
	[ "$(col "$TMP/out.tsv" description INC-3)" = 服务器宕机 ]
	# 状态 in GB18030 happens to be valid UTF-8 (two-byte sequences): still GB18030
	[ "$(col "$TMP/out.tsv" description INC-2)" = 状态 ]
	[ -z "$(col "$TMP/out.tsv" error INC-2)" ]
	tool sla-classify "$TMP/out.tsv"
	[ "$(printf '%s\n' "$output" > "$TMP/c.tsv"; col "$TMP/c.tsv" tier INC-3)" = urgent ]
	tool sla-parse --strict "$BAD/gb18030-utf8-tail.csv"
	[ "$status" -eq 2 ]
}

@test "two UTF-8 byte order marks: both dropped, the header found" {
	parse "$BAD/double-bom.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(col "$TMP/out.tsv" line 1)" = 2 ]
}

@test "a missing column in a header that is not ASCII names the encoding it was read in" {
	printf '单号X,时间X\n1,2026-03-02 09:00\n' | iconv -f UTF-8 -t GB18030 > "$TMP/gb.csv"
	parse "$TMP/gb.csv"
	[ "$status" -eq 2 ]
	guess="not valid UTF-8; a guess: uchardet says ISO-8859-7 on 8 bytes above 0x7F, too few to tell"
	[ "$stderr" = "sla-parse: $TMP/gb.csv: encoding GB18030 ($guess): give --encoding if the text reads wrong
sla-parse: $TMP/gb.csv: id: no column means this (give --map id=HEADER; the header read as GB18030 ($guess), else give --encoding)" ]
}

@test "--strict: the first bad record is fatal, exit 2" {
	tool sla-parse --strict "$BAD/invalid-gb18030.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *'invalid-gb18030.csv:2: description: '* ]]
}

@test "CR-only line ends: three lines, two records, their lines right" {
	parse "$BAD/cr-only.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(col "$TMP/out.tsv" line 1):$(col "$TMP/out.tsv" description 1)" = 2:a ]
	[ "$(col "$TMP/out.tsv" line 2):$(col "$TMP/out.tsv" description 2)" = 3:b ]
	[ "$(rows "$TMP/out.tsv")" -eq 2 ]
}

@test "empty file: no header row, exit 2" {
	parse "$BAD/empty.csv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-parse: $BAD/empty.csv: empty: no header row" ]
}

@test "header only: the stream's header and no rows; the check stream and report say zero" {
	run --separate-stderr bash -c "set -o pipefail; sla-parse '$BAD/header-only.csv' | sla-check --now $NOW | sla-report --format json"
	[ "$status" -eq 0 ]
	[ "$(printf '%s' "$output" | jq '.rows')" -eq 0 ]
}

@test "duplicate headers: the second keeps its data as export.<name>" {
	parse "$BAD/duplicate-headers.csv"
	[ "$status" -eq 0 ]
	[ "$(col "$TMP/out.tsv" export.id 1)" = x ]
}

@test "repeated headers: every one gets its own name, and --keep takes each" {
	parse "$BAD/duplicate-comments.csv"
	[ "$status" -eq 0 ]
	[ "$(head -n 1 "$TMP/out.tsv" | cut -f15- | tr "\t" ,)" = \
	  "description,Status,Comment,export.Comment,Labels,export.Comment.3,Line,export.line" ]
	[ "$(col "$TMP/out.tsv" export.Comment OPS-101)" = second ]
	[ "$(col "$TMP/out.tsv" export.Comment.3 OPS-101)" = third ]
	tool sla-check --now "$NOW" --keep Comment,export.Comment,export.Comment.3 "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "OPS-101"' | cut -f19- | sort -u)" = \
	  "$(printf 'first\tsecond\tthird')" ]
}

@test "a stream that repeats a column name is refused by every tool that reads it" {
	printf 'id\topened\tComment\tComment\n1\t2026-03-02T09:00:00+08:00\ta\tb\n' > "$TMP/dup.tsv"
	for t in sla-classify sla-check sla-report; do
		tool "$t" "$TMP/dup.tsv"
		[ "$status" -eq 2 ]
		[ "$stderr" = "$t: $TMP/dup.tsv:1: two columns of one name (columns 3 and 4) \"Comment\"" ]
	done
	parse "$BAD/duplicate-comments.csv"
	tool sla-check --now "$NOW" --keep Comment,Comment "$TMP/out.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = 'sla-check: --keep: names this column twice "Comment"' ]
}

@test "duplicate ticket ids: both tickets kept and assessed, never merged" {
	parse "$BAD/duplicate-ids.csv"
	[ "$status" -eq 0 ]
	[ "$(tail -n +2 "$TMP/out.tsv" | cut -f1,2 | tr '\t\n' ':,')" = "1:2,1:3," ]
	tool sla-check --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == 1' | cut -f2 | sort | uniq -c | awk '{ print $1 }' | tr '\n' ,)" = "2,2," ]
}

# ---- big inputs, made here ------------------------------------------------------

@test "a 10 MB field: read whole by default, flagged past --max-field, the next record read" {
	big_input
	{ printf 'id,opened,description\n1,2026-03-02 09:30,'
	  head -c 10485760 /dev/zero | tr '\0' x
	  printf '\n2,2026-03-02 10:00,ok\n'; } > "$TMP/big.csv"
	parse "$TMP/big.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(col "$TMP/out.tsv" description 1 | wc -c)" -eq 10485761 ]
	parse --max-field 1M "$TMP/big.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == "sla-parse: $TMP/big.csv:2:"' description: field too long (unterminated quote?) starting at line 2 "xxxx'* ]]
	[ "$(rows "$TMP/out.tsv")" -eq 2 ]
	[ -n "$(col "$TMP/out.tsv" error 1)" ]
	[ "$(col "$TMP/out.tsv" description 2)" = ok ]
}

# Fields that end on their line were measured only while a record was still
# open at a line's end: under 1 MiB, --max-field was never applied.
@test "--max-field 1K is honoured exactly: 1 KiB passes, 1025 B to 600 KB flagged and kept whole" {
	x() { head -c "$1" /dev/zero | tr '\0' x; }
	{ printf 'id,opened,description,customer\n'
	  printf '1,2026-03-02 09:30,%s,a\n' "$(x 1024)"
	  printf '2,2026-03-02 09:30,%s,a\n' "$(x 1025)"
	  printf '3,2026-03-02 09:30,"%s",a\n' "$(x 1536)"
	  printf '4,2026-03-02 09:30,ok,"%s\n%s"\n' "$(x 1000)" "$(x 1000)"
	  printf '5,2026-03-02 09:30,"%s",a\n' "$(x 614400)"
	  printf '6,2026-03-02 09:30,%s,%s\n' "$(x 1000)" "$(x 1000)"
	  printf '7,2026-03-02 10:00,ok,a\n'; } > "$TMP/caps.csv"
	parse --max-field 1K "$TMP/caps.csv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$stderr" | cut -d' ' -f2-9 | tr '\n' ,)" = \
	  "$TMP/caps.csv:3: description: field of 1025 bytes, longer than,$TMP/caps.csv:4: description: field of 1536 bytes, longer than,$TMP/caps.csv:5: customer: field of 2001 bytes, longer than,$TMP/caps.csv:7: description: field of 614400 bytes, longer than," ]
	[[ "$stderr" == *'caps.csv:3: description: field of 1025 bytes, longer than --max-field (1024); kept whole "xxxx'* ]]
	[ "$(rows "$TMP/out.tsv")" -eq 7 ]
	for id in 1 6 7; do [ -z "$(col "$TMP/out.tsv" error $id)" ]; done
	[ "$(col "$TMP/out.tsv" description 2 | wc -c)" -eq 1026 ]
	[ "$(col "$TMP/out.tsv" description 5 | wc -c)" -eq 614401 ]
	[ "$(col "$TMP/out.tsv" line 7)" -eq 9 ]
	tool sla-parse --strict --max-field 1K "$TMP/caps.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *'caps.csv:3: description: field of 1025 bytes'* ]]
}

@test "--max-field: a header name longer than the cap is read; 0 and malformed sizes refused" {
	printf 'id,opened,a column name of 28 bytes\n1,2026-03-02 09:30,abcdefghijklmnopq\n2,2026-03-02 09:30,abcdefghijklmnop\n' > "$TMP/s.csv"
	parse --max-field 16 "$TMP/s.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/s.csv:2: a column name of 28 bytes: field of 17 bytes, longer than --max-field (16); kept whole \"abcdefghijklmnopq\"" ]
	[ "$(head -1 "$TMP/out.tsv" | cut -f15)" = 'a column name of 28 bytes' ]
	for bad in 0 00 1.5K 64MB -1 K 99999999999999999999 17179869184G; do
		assert_usage_error "--max-field: want a size of 1 byte or more, like 64M or 512K: \"$bad\"" \
			sla-parse --max-field "$bad" "$TMP/s.csv"
	done
}

@test "a 10 MB quoted field never closed: one record flagged, the next one read" {
	big_input
	{ printf 'id,opened,description\n1,2026-03-02 09:30,"'
	  head -c 10485760 /dev/zero | tr '\0' x
	  printf '\n2,2026-03-02 10:00,ok\n'; } > "$TMP/big.csv"
	parse "$TMP/big.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == "sla-parse: $TMP/big.csv:2:"' description: quote not closed by the end of the file'* ]]
	[ "$(tail -n +2 "$TMP/out.tsv" | cut -f1,2 | tr '\t\n' ':,')" = "1:2,2:3," ]
}

@test "100 000 columns: every one passed through, the ticket checked" {
	big_input
	awk 'BEGIN {
		printf "id,opened"; for (i = 3; i <= 100000; i++) printf ",c%d", i
		printf "\n1,2026-03-02 09:30"; for (i = 3; i <= 100000; i++) printf ",v%d", i
		print "" }' > "$TMP/wide.csv"
	parse "$TMP/wide.csv"
	[ "$status" -eq 0 ]
	# the 99 998 columns sla-parse does not know, each kept
	[ "$(head -1 "$TMP/out.tsv" | tr '\t' '\n' | grep -c '^c[0-9]*$')" -eq 99998 ]
	[ "$(col "$TMP/out.tsv" c100000 1)" = v100000 ]
	tool sla-check --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | tail -n +2 | wc -l)" -eq 2 ]
}

# ---- the streams between the tools: line ends, long lines, NUL bytes ------------

STREAM_TOOLS="sla-classify sla-check sla-report"

# A small stream that TOOL reads: the check stream for sla-report, else
# a ticket stream.
small_stream() {
	if [ "$1" = sla-report ]; then echo "$BAD/nul-bytes-check.tsv"; else echo "$BAD/cr-only.tsv"; fi
}

# The peak RSS (KiB) of TOOL on its small stream, to measure a big one against.
small_rss() {
	/usr/bin/time -f %M "$1" "$(small_stream "$1")" 2>&1 >/dev/null | tail -1
}

@test "a ticket stream with CR or CRLF line ends: every record classified, checked and reported" {
	tool sla-classify "$BAD/cr-only.tsv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" > "$TMP/classified.tsv"
	[ "$(rows "$TMP/classified.tsv")" -eq 2 ]
	[ "$(col "$TMP/classified.tsv" tier 1):$(col "$TMP/classified.tsv" tier 2)" = urgent:urgent ]
	[ "$(col "$TMP/classified.tsv" description 2)" = printer ]	# no CR left on the last field
	# CRLF: one line end each, not an end and a blank line; a lone CR after it too
	sed 's/\r/\r\n/g' "$BAD/cr-only.tsv" > "$TMP/crlf.tsv"
	printf '3\t4\t2026-09-30T12:00:00+08:00\n4\t5\t2026-09-30T13:00:00+08:00\t\t\t\t\t\t\tx\textra\r' >> "$TMP/crlf.tsv"
	tool sla-check --now "$NOW" "$TMP/crlf.tsv"
	[ "$status" -eq 0 ]
	# the row with a field too many is on line 5: the CRLFs were counted once
	[[ "$stderr" == *"sla-check: $TMP/crlf.tsv:5: the record has 11 fields, the header 10"* ]]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	[ "$(tail -n +2 "$TMP/check.tsv" | cut -f1 | sort -u | tr '\n' ,)" = 1,2,3,4, ]
	[ "$(col "$TMP/check.tsv" status 1 | head -1)" = met ]
	! grep -q $'\r' "$TMP/check.tsv"
	# a check stream with CR line ends: every row counted
	tr '\n' '\r' < "$TMP/check.tsv" > "$TMP/check-cr.tsv"
	tool sla-report --format json "$TMP/check-cr.tsv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s' "$output" | jq '.overall.rows')" -eq "$(rows "$TMP/check.tsv")" ]
}

@test "a stream without line ends: each tool stops at --max-line (64M), exit 2, in bounded memory" {
	big_input
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	for t in $STREAM_TOOLS; do
		base=$(small_rss "$t")
		status=0
		# no ASan quarantine: it would keep every buffer realloc let go
		head -c 300M /dev/zero | ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0" \
			timeout "$LIMIT" /usr/bin/time -o "$TMP/rss" -f %M "$t" \
			> /dev/null 2> "$TMP/err" || status=$?
		[ "$status" -eq 2 ]
		[ "$(cat "$TMP/err")" = "$t: <stdin>:1: line longer than --max-line (64M)" ] ||
			{ echo "$t: $(head -c 300 "$TMP/err")"; return 1; }
		# the line is held to its bound (twice it under ASan, which keeps what
		# realloc freed), never the 300M read; it once grew with the input
		rss=$(tail -n 1 "$TMP/rss")
		echo "$t: peak RSS $rss KiB, $base KiB on a small stream"
		[ "$rss" -lt $((base + 2 * 65536 + 16384)) ]
	done
}

@test "--max-line: a longer line is fatal at its line number, in memory of the bound; one at the bound is read" {
	big_input
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	for t in $STREAM_TOOLS; do
		# a header, a record, then 16M without an end, then a record
		tr '\r' '\n' < "$(small_stream "$t")" > "$TMP/small.tsv"
		{ head -n 2 "$TMP/small.tsv"
		  head -c 16777216 /dev/zero | tr '\0' x
		  printf '\n'; tail -n 1 "$TMP/small.tsv"; } > "$TMP/long.tsv"
		base=$(small_rss "$t")
		status=0
		timeout "$LIMIT" /usr/bin/time -o "$TMP/rss" -f %M "$t" --max-line 1M "$TMP/long.tsv" \
			> /dev/null 2> "$TMP/err" || status=$?
		[ "$status" -eq 2 ]
		grep -qx "$t: $TMP/long.tsv:3: line longer than --max-line (1M)" "$TMP/err" ||
			{ echo "$t: $(cat "$TMP/err")"; return 1; }
		rss=$(tail -n 1 "$TMP/rss")
		echo "$t: peak RSS $rss KiB, $base KiB on a small stream"
		[ "$rss" -lt $((base + 2 * 1024 + 4096)) ]
	done
	# at exactly the bound a line is read, one byte more is fatal
	f="$BAD/../check/statement.tsv"
	set -- $(LC_ALL=C awk '{ if (length($0) > m) { m = length($0); at = NR } } END { print m, at }' "$f")
	tool sla-report --max-line "$1" "$f"
	[ "$status" -eq 0 ]
	tool sla-report --max-line "$(($1 - 1))" "$f"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-report: $f:$2: line longer than --max-line ($(($1 - 1)) bytes)" ]
	assert_usage_error '--max-line: want a size like 64M: "64Q"' sla-check --max-line 64Q
	assert_usage_error '--max-line: want a size like 64M: "0"' sla-classify --max-line 0
}

@test "a NUL byte in a ticket stream: sla-classify flags the record, never classifies or passes it raw" {
	tool sla-classify "$BAD/nul-bytes.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-classify: $BAD/nul-bytes.tsv:2: customer: NUL byte (read as U+FFFD) \"A�Z\"
sla-classify: $BAD/nul-bytes.tsv:4: description: NUL byte (read as U+FFFD) \"x��y\"" ]
	printf '%s\n' "$output" > "$TMP/out.tsv"
	! grep -q -P '\x00' "$TMP/out.tsv"
	[ "$(rows "$TMP/out.tsv")" -eq 3 ]
	[ "$(col "$TMP/out.tsv" customer 1)" = 'A�Z' ]
	[ "$(col "$TMP/out.tsv" error 1)" = 'customer: NUL byte (read as U+FFFD)' ]
	[ -z "$(col "$TMP/out.tsv" tier 1)" ]
	[ "$(col "$TMP/out.tsv" tier 2)" = urgent ]
	[ -z "$(col "$TMP/out.tsv" error 2)" ]
	[ "$(col "$TMP/out.tsv" error 3)" = 'opened: late; description: NUL byte (read as U+FFFD)' ]
	tool sla-classify --strict "$BAD/nul-bytes.tsv"
	[ "$status" -eq 2 ]
}

@test "a NUL byte in a ticket stream: sla-check makes the ticket's rows invalid, and says so" {
	tool sla-check --now "$NOW" "$BAD/nul-bytes.tsv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"sla-check: $BAD/nul-bytes.tsv:2: customer: NUL byte (read as U+FFFD) \"A�Z\""* ]]
	# ticket 3 has an error of its own, which stays the reason; the NUL is still said
	[[ "$stderr" == *"sla-check: $BAD/nul-bytes.tsv:4: description: NUL byte (read as U+FFFD) \"x��y\""* ]]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	! grep -q -P '\x00' "$TMP/check.tsv"
	run statuses "$TMP/check.tsv"
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^1 [a-z]* invalid customer: NUL byte (read as U+FFFD)$')" -eq 2 ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^2 [a-z]* met')" -eq 2 ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^3 [a-z]* invalid opened: late$')" -eq 2 ]
	[ "$(col "$TMP/check.tsv" customer 1 | head -1)" = 'A�Z' ]
	tool sla-check --strict --now "$NOW" "$BAD/nul-bytes.tsv"
	[ "$status" -eq 2 ]
}

@test "a NUL byte in a check stream: sla-report lists the row invalid, in a group of its own, never A's" {
	tool sla-report --by customer --format json "$BAD/nul-bytes-check.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-report: $BAD/nul-bytes-check.tsv:2: customer: NUL byte (read as U+FFFD)
sla-report: $BAD/nul-bytes-check.tsv:3: customer: NUL byte (read as U+FFFD)
sla-report: $BAD/nul-bytes-check.tsv:4: customer: NUL byte (read as U+FFFD)" ]
	printf '%s' "$output" > "$TMP/report.json"
	[ "$(jq '.overall.rows' "$TMP/report.json")" -eq 6 ]
	[ "$(jq -r '.groups[] | select(.period == "2026-09") | "\(.keys.customer) \(.rows) \(.counts.met) \(.counts.invalid)"' "$TMP/report.json")" = \
	  "A�Z 2 0 2
A 2 2 0" ]
	[ "$(jq -r '[.unassessed[] | select(.line == 2) | .reason] | unique[]' "$TMP/report.json")" = 'NUL byte (read as U+FFFD)' ]
	tool sla-report --strict "$BAD/nul-bytes-check.tsv"
	[ "$status" -eq 2 ]
	# with a field too many as well: both said
	{ sed -n 1p "$BAD/nul-bytes-check.tsv"; sed -n 2p "$BAD/nul-bytes-check.tsv" | sed 's/$/\textra/'; } > "$TMP/both.tsv"
	tool sla-report "$TMP/both.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-report: $TMP/both.tsv:2: customer: NUL byte (read as U+FFFD)
sla-report: $TMP/both.tsv:2: row has 18 fields, not the header's number" ]
}

@test "a NUL byte in a stream's header is fatal for each tool" {
	printf 'id\topened\tcust\0omer\n1\t2026-03-02T09:00:00+08:00\tA\n' > "$TMP/h.tsv"
	for t in $STREAM_TOOLS; do
		tool "$t" "$TMP/h.tsv"
		[ "$status" -eq 2 ]
		[ "$stderr" = "$t: $TMP/h.tsv:1: NUL byte in the header \"id\topened\tcust\x00omer\"" ] ||
			{ echo "$t: $stderr"; return 1; }
	done
}

# ---- times -----------------------------------------------------------------------

@test "years 0001 and 9999: what cannot be written is flagged, a target past 9999 is invalid, not 1970" {
	parse "$BAD/years-0001-9999.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $BAD/years-0001-9999.csv:2: opened: time outside the years 0001-9999 in Asia/Shanghai \"0001-01-01 00:00\"" ]
	[ "$(col "$TMP/out.tsv" opened 2)" = 0001-01-02T08:59:17+08:05 ]
	tool sla-check --now 9999-12-31T23:00:00+08:00 "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	run statuses "$TMP/check.tsv"
	[ "${lines[0]}" = '1 response invalid opened: time outside the years 0001-9999 in Asia/Shanghai "0001-01-01 00:00"' ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^[34] resolve invalid no due time: the target is not reached before the year 10000')" -eq 2 ]
	! grep -q 1970 "$TMP/check.tsv"
}

@test "times before 1970: due times found (they were thrown away as 'none')" {
	parse "$BAD/before-1970.csv"
	[ "$status" -eq 0 ]
	tool sla-check --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	[ "$(col "$TMP/check.tsv" due 3 | head -1)" = 1960-06-02T10:00:00+08:00 ]
	[ "$(awk -F'\t' '$1 == 1 { print $5, $14 }' "$TMP/check.tsv" | tr '\n' ,)" = "response met,resolve met," ]
	tool sla-time due 1969-06-02T10:00 8h -c 5x8
	[ "$status" -eq 0 ]
	[ "$output" = 1969-06-03T10:00:00+08:00 ]
}

@test "local mean time (1900, +08:05:43): every time of a row written whole, the start the same in each metric" {
	parse "$BAD/before-1970.csv"
	tool sla-check --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	# 09:00 local mean time is 08:59:17 at +08:05; the cache once wrote 00:00:00 and a due before the start
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == 2 { print $7, $8 }' | tr '\n' ,)" = \
	  "1900-01-01T08:59:17+08:05 1900-01-01T17:59:17+08:05,1900-01-01T08:59:17+08:05 1900-01-08T17:59:17+08:05," ]
}

@test "stop before start: that metric invalid with the reason, the others measured" {
	parse "$BAD/stop-before-start.csv"
	tool sla-check --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	[[ "$stderr" != *out.tsv:2:* ]]	# a row's status, not a record error
	printf '%s\n' "$output" > "$TMP/check.tsv"
	run statuses "$TMP/check.tsv"
	[ "${lines[0]}" = '1 response invalid first_response before opened' ]
	[ "${lines[1]}" = '1 resolve invalid resolved before opened' ]
	tool sla-check --strict --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 2 ]
}

@test "a pause longer than the ticket counts only inside it; a reversed pause is invalid" {
	parse "$BAD/pause-longer-than-ticket.csv"
	tool sla-check --now "$NOW" "$TMP/out.tsv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"sla-check: $TMP/out.tsv:3: paused: cannot read pause interval"* ]]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	# ticket 1: resolved after an hour, all of it paused
	[ "$(awk -F'\t' '$1 == 1 && $5 == "resolve" { print $11, $12, $14 }' "$TMP/check.tsv")" = "0 3600 met" ]
	[ "$(awk -F'\t' '$1 == 2 && $5 == "resolve" { print $14 }' "$TMP/check.tsv")" = invalid ]
}

# ---- policies ---------------------------------------------------------------------

# sla-check with policy FILE on one ticket: status 2 and MESSAGE, and no output.
policy_refused() {
	tool sla-check --policy "$BAD/$1" --now "$NOW" "$BAD/../check/tickets.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-check: $BAD/$1$2" ]
	[ -z "$output" ]
}

@test "policy without [policy]: the zone is missing" {
	policy_refused policy-no-policy.ini ': [policy] timezone is not set'
}

@test "policy: a tier without a calendar" {
	policy_refused policy-no-calendar.ini ':4: [tier normal] has no calendar'
}

@test "policy without tiers: loads, and every ticket is invalid with the reason, none dropped" {
	tool sla-check --policy "$BAD/policy-no-tiers.ini" --now "$NOW" "$BAD/../check/tickets.tsv"
	[ "$status" -eq 0 ]
	in=$(tail -n +2 "$BAD/../check/tickets.tsv" | wc -l)
	[ "$(printf '%s\n' "$output" | tail -n +2 | awk -F'\t' '$14 == "invalid"' | wc -l)" -eq "$in" ]
}

@test "policy: bad, negative and overflowing durations" {
	policy_refused policy-bad-duration.ini ':5: response: unknown unit in duration (s, m, h, d, wd) "8 hours"'
	policy_refused policy-negative-duration.ini ':5: response: negative duration "-1h"'
	policy_refused policy-overflowing-duration.ini ':5: response: duration too long "99999999999999999999h"'
}

@test "policy: bad zones, and a zone that is a path" {
	policy_refused policy-bad-zone.ini ':2: timezone: unknown time zone "Asia/Shanghia" (no such zone in the tz database)'
	policy_refused policy-zone-path.ini ':2: timezone: not a time zone name: "../../etc/passwd"'
}

@test "policy: an unknown key, with the near one" {
	policy_refused policy-unknown-key.ini ':3: foo: unknown key in [policy] "foo"; did you mean "fee"?'
}

@test "policy: a 6 800-year target is measured, one past 9999 is invalid" {
	printf 'id\topened\tresolved\n1\t2026-03-02T09:30:00+08:00\t2026-03-03T09:30:00+08:00\n2\t9000-03-02T09:30:00+08:00\t\n' > "$TMP/t.tsv"
	tool sla-check --policy "$BAD/policy-huge-target.ini" --now 9999-06-01T00:00:00+08:00 "$TMP/t.tsv"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	[ "$(col "$TMP/check.tsv" target_s 1)" -eq 216000000000 ]
	[ "$(col "$TMP/check.tsv" status 1)" = met ]
	[ "$(col "$TMP/check.tsv" status 2)" = invalid ]
	[ "$(col "$TMP/check.tsv" reason 2)" = 'no due time: the target is not reached before the year 10000 (has the calendar any hours?)' ]
}

@test "policy: a calendar without hours gives invalid rows, not 'breached by 1 s' due in 1969" {
	printf 'id\topened\tfirst_response\tresolved\n1\t2026-03-02T09:30:00Z\t\t2026-03-03T09:30:00Z\n' > "$TMP/t.tsv"
	tool sla-check --policy "$BAD/policy-never-open.ini" --now 2026-11-01T00:00:00Z "$TMP/t.tsv"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$TMP/check.tsv"
	run statuses "$TMP/check.tsv"
	[ "${lines[0]}" = '1 response invalid no due time: the target is not reached before the year 10000 (has the calendar any hours?)' ]
	[ "${lines[1]}" = '1 resolve invalid no due time: the target is not reached before the year 10000 (has the calendar any hours?)' ]
	! grep -q 1969 "$TMP/check.tsv"
}

# ---- money ------------------------------------------------------------------------

@test "money: a breach whose price does not fit stops sla-check, never a clamped figure" {
	printf 'id\topened\ttier\tfirst_response\nH1\t2026-10-01T08:00:00+08:00\thigh\t2026-10-01T11:00:00+08:00\n' > "$TMP/t.tsv"
	tool sla-check --policy "$BAD/policy-huge-penalty.ini" --now "$NOW" "$TMP/t.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-check: $TMP/t.tsv:2: penalty: high response: the penalty for an overrun of 7200 s does not fit in an amount (at most 92233720368547758.07)" ]
	[[ "$output" != *92233720368547758.07* ]]
}

@test "money: the largest amount is written by sla-check and read by sla-report, exactly" {
	printf 'id\topened\tfirst_response\nN1\t2026-10-01T08:00:00+08:00\t2026-10-01T11:00:00+08:00\n' > "$TMP/t.tsv"
	sla-check --policy "$BAD/policy-huge-penalty.ini" --now "$NOW" "$TMP/t.tsv" > "$TMP/check.tsv"
	[ "$(col "$TMP/check.tsv" penalty N1)" = 92233720368547758.07 ]
	tool sla-report --policy "$BAD/policy-huge-penalty.ini" -f json "$TMP/check.tsv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s' "$output" | jq -c '[.overall.counts.breached, (.unassessed | length), (.statements[] | [.broken, .breach_sum, .cap, .capped, .owed])]')" = '[1,0,[1,"92233720368547758.07","2000.00",true,"2000.00"]]' ]
}

@test "money: 300 breaches that do not add up stop sla-report, naming the statement" {
	awk 'BEGIN { print "id\topened\ttier\tfirst_response"
		for (i = 1; i <= 300; i++)
			print "U" i "\t2026-10-01T08:00:00+08:00\turgent\t2026-10-01T12:00:00+08:00" }' > "$TMP/t.tsv"
	sla-check --policy "$BAD/policy-huge-penalty.ini" --now "$NOW" "$TMP/t.tsv" > "$TMP/check.tsv"
	[ "$(awk -F'\t' '$15 == "90000000000000000.00"' "$TMP/check.tsv" | wc -l)" -eq 300 ]
	tool sla-report --policy "$BAD/policy-huge-penalty.ini" "$TMP/check.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-report: $TMP/check.tsv:3: penalty: statement 2026-10: the sum of its penalties does not fit \"90000000000000000.00\"" ]
}

@test "money: a negative penalty in a check stream is that row's error, not a negative bill" {
	tool sla-report --policy "$BAD/policy-huge-penalty.ini" -f json "$BAD/check-negative-penalty.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-report: $BAD/check-negative-penalty.tsv:2: penalty: a penalty is never negative \"-500.00\"" ]
	[ "$(printf '%s' "$output" | jq -c '[.unassessed[] | [.id, .status, .reason]], [.statements[] | [.kept, .broken, .breach_sum, .owed]]')" = '[["N1","invalid","a penalty is never negative"]]
[[1,1,"300.00","300.00"]]' ]
	tool sla-report --strict --policy "$BAD/policy-huge-penalty.ini" "$BAD/check-negative-penalty.tsv"
	[ "$status" -eq 2 ]
}

# ---- rules ------------------------------------------------------------------------

@test "rules: a pattern that does not compile is fatal, with its column" {
	tool sla-classify --rules "$BAD/rules-bad-pattern.rules" "$BAD/../classify/tickets.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-classify: $BAD/rules-bad-pattern.rules:1:"' column 27: missing terminating ] for character class "([a-z"' ]
	tool sla-classify --rules "$BAD/rules-bad-codepoint.rules" "$BAD/../classify/tickets.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sla-classify: $BAD/rules-bad-codepoint.rules:1:"' column 31: character code point value in \x{} or \o{} is too large'* ]]
	tool sla-classify --rules "$BAD/rules-no-pattern.rules" "$BAD/../classify/tickets.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-classify: $BAD/rules-no-pattern.rules:1:"' missing the pattern' ]
}

@test "rules: a catastrophic pattern is that record's error, fast, and the others classified" {
	{ printf 'id\tline\topened\tdescription\n'
	  printf '1\t2\t2026-03-02T09:30:00+08:00\t%s!\n' "$(head -c 30000 /dev/zero | tr '\0' a)"
	  printf '2\t3\t2026-03-02T09:30:00+08:00\taaaa\n'; } > "$TMP/t.tsv"
	tool sla-classify --rules "$BAD/rules-catastrophic.rules" "$TMP/t.tsv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == "sla-classify: $TMP/t.tsv:2: description: rule $BAD/rules-catastrophic.rules:2: match limit exceeded \"aaaa"* ]]
	printf '%s\n' "$output" > "$TMP/out.tsv"
	[ "$(col "$TMP/out.tsv" error 1)" = "description: rule $BAD/rules-catastrophic.rules:2: match limit exceeded" ]
	[ "$(col "$TMP/out.tsv" tier 2)" = urgent ]
}

# ---- reports: what comes out of a report -------------------------------------------

# How many lines of report FILE in FORMAT hold a byte no report writes as it
# is: a control other than the format's own separators, DEL, a C1 or bidi
# control, U+FFFE or U+FFFF.
unsafe_lines() {
	local allowed='\x0a'
	case $1 in
	tsv) allowed='\x09\x0a' ;;
	csv) allowed='\x09\x0a\x0d' ;;	# CRLF, and tab and line breaks kept as data
	esac
	LC_ALL=C grep -c -a -P "(?![$allowed])[\x00-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbf[\xbe\xbf]" "$2"
}

@test "report: controls, bidi overrides and bad UTF-8 in id, customer and tier reach no format raw" {
	# report-unsafe-text.tsv: a check stream whose ids, customers, tiers and
	# reasons hold every C0 control (tab, LF and CR through the stream's
	# escapes), DEL, every C1 control, the bidi embeddings, overrides and
	# isolates, U+FFFE, U+FFFF and eleven kinds of bad UTF-8; breached,
	# invalid and excluded, so they reach every table and the statements.
	in="$BAD/report-unsafe-text.tsv"
	[ "$(unsafe_lines tsv "$in")" -eq 5 ]
	! iconv -f UTF-8 -t UTF-8 "$in" > /dev/null 2>&1
	for lang in en zh; do
		for format in text tsv csv json markdown html; do
			timeout "$LIMIT" sla-report -p "$BAD/../check/contract.ini" --lang "$lang" \
				-f "$format" --by customer,tier "$in" > "$TMP/r.$format" ||
				{ echo "$format: exit $?"; return 1; }
			[ "$(unsafe_lines "$format" "$TMP/r.$format")" -eq 0 ] ||
				{ echo "$format $lang: raw"; LC_ALL=C grep -a -n -P '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' "$TMP/r.$format" | cat -v | head -3; return 1; }
			iconv -f UTF-8 -t UTF-8 "$TMP/r.$format" > /dev/null ||
				{ echo "$format $lang: not UTF-8"; return 1; }
		done
	done
	# Nothing lost on the way: every row counted, every id listed.
	jq -e '.rows == 5 and (.unassessed | length) == 3' "$TMP/r.json"
	[ "$(grep -c -F 'id1 \x01\x02' "$TMP/r.text")" -ge 1 ]
	xmllint --noout "$TMP/r.html"
}
