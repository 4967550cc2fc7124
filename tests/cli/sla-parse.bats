#!/usr/bin/env bats
# sla-parse: every export flavour (goldens), every libcsv pitfall, the
# options, and the promise that every record comes out.

load helpers
bats_require_minimum_version 1.5.0

EXPORTS="$BATS_TEST_DIRNAME/../data/exports"

setup() {
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# "id:line," of every row of a ticket stream.
id_lines() {
	tail -n +2 "$1" | cut -f1,2 | tr '\t\n' ':,'
}

# Column N (1-based) of the ticket-stream row whose id is ID.
# The cell of ticket ID in column COL (a name, or a number) of stream FILE.
cell() {
	awk -F'\t' -v id="$2" -v col="$3" '
		NR == 1 { c = col ~ /^[0-9]+$/ ? col : 0
			  for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		c && $1 == id { print $c }' "$1"
}

# Column NAME of the stream on standard input, one line per record.
column() {
	awk -F'\t' -v name="$1" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		c { print $c }'
}

# The header's last N column names, tab-separated.
last_columns() {
	head -1 "$1" | awk -F'\t' -v n="$2" '{ for (i = NF - n + 1; i <= NF; i++) printf "%s%s", $i, i < NF ? "\t" : "\n" }'
}

# ---- golden files: one per export flavour -----------------------------------

# Parse export FILE (with options after it) and compare with golden NAME.
golden_export() {
	local name=$1 file=$2
	shift 2
	run --separate-stderr sla-parse "$@" "$EXPORTS/$file"
	[ "$status" -eq 0 ]
	assert_golden "$name"
}

@test "golden: Jira Service Management export (dd/MMM/yy h:mm AM, multi-line description)" {
	golden_export parse-jira.tsv jira.csv
}

@test "golden: ServiceNow export (all quoted, CRLF, field names as headers)" {
	golden_export parse-servicenow.tsv servicenow.csv
}

@test "golden: Zendesk export (ISO 8601 with Z and offsets)" {
	golden_export parse-zendesk.tsv zendesk.csv
}

@test "golden: ZenTao export with a UTF-8 byte order mark" {
	golden_export parse-zentao.tsv zentao-bom.csv
}

@test "golden: GB18030 Chinese sheet with CRLF and multi-line cells" {
	golden_export parse-gb18030.tsv chinese-gb18030.csv
}

@test "golden: Excel 'Unicode text' (UTF-16LE, TAB, quoted tabs and newlines)" {
	golden_export parse-utf16.tsv excel-unicode.txt
}

@test "golden: European semicolon sheet in Europe/Berlin (a DST-gap time is flagged)" {
	golden_export parse-european.tsv european-semicolon.csv --tz Europe/Berlin
	[[ "$stderr" == *'european-semicolon.csv:3: resolved: no such local time in Europe/Berlin (DST gap) "29.03.2026 02:30"' ]]
}

@test "golden: US sheet, M/D settled by a value above 12 in another row and column" {
	golden_export parse-us-mdy.tsv us-mdy.csv
}

# Refused before: "id: no column means this" (Ticket was no alias), and
# the text read as GB18030.
# Every time was unreadable, and every record flagged.
@test "golden: a sheet whose times are Excel serial dates (46066.3784722222), and one formatted" {
	golden_export parse-excel-serial.tsv excel-serial-dates.csv
	[ -z "$stderr" ]
}

@test "--date-system 1904 reads serials from 1904-01-01; anything else is a usage error" {
	printf 'id,opened\n1,44604.708333\n2,46066\n' > "$TMP/s.csv"
	sla-parse --date-system 1904 "$TMP/s.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = 2026-02-13T17:00:00+08:00 ]
	sla-parse "$TMP/s.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 2 opened)" = 2026-02-13T00:00:00+08:00 ]
	# a serial is wall-clock time in --tz, and four digits are no date
	printf 'id,opened\n1,46066.5\n2,4606\n' > "$TMP/t.csv"
	sla-parse --tz Europe/Berlin "$TMP/t.csv" 2>/dev/null > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = 2026-02-13T12:00:00+01:00 ]
	[ "$(cell "$TMP/out" 2 error)" = 'opened: cannot read time "4606"' ]
	assert_usage_error '--date-system: want 1900 or 1904: "1901"' sla-parse --date-system 1901 "$TMP/s.csv"
}

@test "golden: European Excel sheet in Windows-1252 (Ticket;Created;First response;...)" {
	golden_export parse-european-cp1252.tsv european-cp1252.csv --tz Europe/Berlin
	[ -z "$stderr" ]
}

@test "golden: Taiwan Excel sheet in Big5 (上午/下午 times, zh-TW headers, CRLF)" {
	golden_export parse-big5.tsv big5-taiwan.csv
	[ -z "$stderr" ]
}

# ---- dialect and encoding ---------------------------------------------------

@test "-v names the encoding, the delimiter and the counts" {
	run sla-parse -v "$EXPORTS/chinese-gb18030.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"encoding GB18030 (not valid UTF-8; uchardet says GB18030), delimiter ','"* ]]
	[[ "$output" == *"3 records read, 3 written, 0 flagged"* ]]
	run sla-parse -v "$EXPORTS/excel-unicode.txt"
	[[ "$output" == *"encoding UTF-16LE (byte order mark), delimiter TAB"* ]]
	run sla-parse -v "$EXPORTS/european-semicolon.csv"
	[[ "$output" == *"delimiter ';'"* ]]
}

@test "-v names each column passed through, with the --map that would read it" {
	printf '%s\n' 'Key,Summary,Description,Created,Custom field (Start Date),挂起时段（分钟）,Assignee' \
		'OPS-1,Disk full,Disk full on /var,2026-03-02 09:00,2026-03-02 09:10,30,li.na' > "$TMP/v.csv"
	run --separate-stderr sla-parse -v "$TMP/v.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/v.csv: encoding UTF-8 (header valid UTF-8), delimiter ','
sla-parse: $TMP/v.csv: column not read, passed through (description is read from \"Description\") \"Summary\"
sla-parse: $TMP/v.csv: column not read, passed through (--map CANONICAL=HEADER reads it as one; --list-aliases) \"Custom field (Start Date)\"
sla-parse: $TMP/v.csv: column not read, passed through (if it holds paused: --map paused=HEADER) \"挂起时段（分钟）\"
sla-parse: $TMP/v.csv: column not read, passed through (--map CANONICAL=HEADER reads it as one; --list-aliases) \"Assignee\"
sla-parse: 1 records read, 1 written, 0 flagged" ]
	# without -v, nothing is said
	run --separate-stderr sla-parse "$TMP/v.csv"
	[ -z "$stderr" ]
}

@test "product headers: Jira's First Response Date, Zammad's Closed At and Create Channel, 挂起时段" {
	printf '%s\n' 'Issue key,Created,Custom field (First Response Date),Custom field (Organizations),Resolved' \
		'SD-7,02/Mar/26 9:00 AM,02/Mar/26 9:20 AM,Beijing Radio,02/Mar/26 11:00 AM' > "$TMP/j.csv"
	sla-parse "$TMP/j.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" SD-7 first_response)" = 2026-03-02T09:20:00+08:00 ]
	[ "$(cell "$TMP/out" SD-7 customer)" = 'Beijing Radio' ]
	printf '%s\n' 'Number,Title,Create Channel,Created At,First Response At,Closed At' \
		'31001,Printer jam,email,2026-03-02 09:00,2026-03-02 09:30,2026-03-03 10:00' > "$TMP/z.csv"
	sla-parse "$TMP/z.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 31001 channel)" = email ]
	[ "$(cell "$TMP/out" 31001 closed)" = 2026-03-03T10:00:00+08:00 ]
	printf '%s\n' '工单编号,报修时间,挂起时段' '1,2026-03-02 09:00,2026-03-02 10:00/2026-03-02 11:00' > "$TMP/c.csv"
	sla-parse "$TMP/c.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 paused)" = 2026-03-02T10:00:00+08:00/2026-03-02T11:00:00+08:00 ]
}

@test "a pipe-separated export is detected; -d overrides the detection" {
	printf 'id|opened|note\n1|2026-03-02 09:00|a,b;c\n' > "$TMP/p.csv"
	run sla-parse "$TMP/p.csv"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | column note)" = "a,b;c" ]
	# commas tie with semicolons here, and a comma wins the tie
	printf 'id;opened;a,b,c\n1;2026-03-02 09:00;x,y,z\n' > "$TMP/d.csv"
	run sla-parse "$TMP/d.csv"
	[ "$status" -eq 2 ]
	sla-parse -d ';' "$TMP/d.csv" > "$TMP/out"
	[ "$(last_columns "$TMP/out" 1)" = "a,b,c" ]
	[ "$(cell "$TMP/out" 1 a,b,c)" = "x,y,z" ]
}

@test "--encoding reads a Windows-1252 sheet; an unknown encoding is exit 2" {
	printf 'id;opened;Kunde\n1;02.03.2026 09:00;M\xfcller\n' > "$TMP/w.csv"
	run sla-parse --encoding WINDOWS-1252 "$TMP/w.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Müller"* ]]
	run sla-parse --encoding NO-SUCH-CHARSET "$TMP/w.csv"
	[ "$status" -eq 2 ]
	[[ "$output" == *'unknown encoding "NO-SUCH-CHARSET"'* ]]
}

# Big5 was read as GB18030: 緊急 became 候, and nothing was flagged.
@test "a Big5 export is detected: read as CP950, 緊急 stays 緊急, nothing flagged" {
	printf '%s\r\n' 'id,opened,priority,customer,description' \
		'TW-0141,2026/2/14 09:12,緊急,台北市立聯合醫院,門診掛號系統當機，所有櫃檯無法作業' \
		'TW-0142,2026/2/14 10:03,高,新竹科學園區管理局,VPN 連線不穩定，遠端同仁無法存取檔案伺服器' \
		'TW-0143,2026/2/14 14:26,一般,高雄港務分公司,印表機卡紙，需更換滾輪' |
		iconv -f UTF-8 -t BIG5 > "$TMP/big5.csv"
	run --separate-stderr sla-parse -v "$TMP/big5.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/big5.csv: encoding CP950 (not valid UTF-8; uchardet says BIG5), delimiter ','
sla-parse: 3 records read, 3 written, 0 flagged" ]
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(cell "$TMP/out" TW-0141 priority)" = 緊急 ]
	[ "$(cell "$TMP/out" TW-0143 customer)" = 高雄港務分公司 ]
}

# Windows-1252 was read as GB18030: umlauts became U+FFFD or hanzi.
@test "a Windows-1252 export is detected: umlauts, dashes and quotes read" {
	printf '%s\r\n' 'id;opened;priority;customer;description' \
		'SD-4711;14.02.2026 08:05;Hoch;Müller & Söhne GmbH;Drucker im Büro druckt nur leere Seiten' \
		'SD-4712;14.02.2026 09:12;Kritisch;Bäckerei Schäfer KG;Störung der Telefonanlage – keine externen Anrufe' \
		'SD-4713;14.02.2026 10:40;Normal;Gärtnerei Grün AG;Zugriff auf Laufwerk „Projekte“ verweigert' \
		'SD-4714;16.02.2026 07:55;Niedrig;Café Mühlenhof;Passwort zurücksetzen für Hr. Größler' |
		iconv -f UTF-8 -t WINDOWS-1252 > "$TMP/cp.csv"
	run --separate-stderr sla-parse -v "$TMP/cp.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $TMP/cp.csv: encoding WINDOWS-1252 (not valid UTF-8; uchardet says WINDOWS-1252), delimiter ';'
sla-parse: 4 records read, 4 written, 0 flagged" ]
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(cell "$TMP/out" SD-4711 customer)" = 'Müller & Söhne GmbH' ]
	[ "$(cell "$TMP/out" SD-4712 description)" = 'Störung der Telefonanlage – keine externen Anrufe' ]
	[ "$(cell "$TMP/out" SD-4713 description)" = 'Zugriff auf Laufwerk „Projekte“ verweigert' ]
}

# A few words are no evidence: the detector names 緊急 in Big5 a code page.
@test "a legacy sample too short to tell is read as GB18030, and a warning says it is a guess" {
	printf 'id,opened,priority\n1,2026-02-14 10:00,\xba\xf2\xab\xe6\n' > "$TMP/short.csv"
	run --separate-stderr sla-parse "$TMP/short.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == "sla-parse: $TMP/short.csv: encoding GB18030 (not valid UTF-8; a guess: uchardet says "*" on 4 bytes above 0x7F, too few to tell): give --encoding if the text reads wrong" ]]
	# --encoding is no guess: no warning
	run --separate-stderr sla-parse --encoding BIG5 "$TMP/short.csv"
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | column priority)" = 緊急 ]
	# text that GB18030 cannot read is guessed WINDOWS-1252
	printf 'id;opened;customer\n1;14.02.2026 10:00;M\xfcller & S\xf6hne\n2;14.02.2026 11:00;Caf\xe9 Am Markt\n' > "$TMP/few.csv"
	run --separate-stderr sla-parse "$TMP/few.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == "sla-parse: $TMP/few.csv: encoding WINDOWS-1252 (not valid UTF-8; a guess: uchardet says "*" on 3 bytes above 0x7F, too few to tell): give --encoding if the text reads wrong" ]]
	[ "$(printf '%s\n' "$output" | column customer | tr '\n' ,)" = 'Müller & Söhne,Café Am Markt,' ]
}

@test "an invalid UTF-8 sequence is that record's error; the others are clean" {
	printf 'id,opened,note\n1,2026-03-02 09:00,ok \xe4\xb8\xad\n2,2026-03-02 10:00,bad \xff here\n3,2026-03-02 11:00,ok\n' > "$TMP/bad.csv"
	run sh -c "sla-parse --encoding UTF-8 '$TMP/bad.csv' 2>&1 >/dev/null"
	[ "$status" -eq 0 ]
	[ "$output" = 'sla-parse: '"$TMP"'/bad.csv:3: note: invalid byte sequence in UTF-8 (read as U+FFFD) "bad � here"' ]
	sla-parse --encoding UTF-8 "$TMP/bad.csv" 2>/dev/null > "$TMP/out"
	[ -z "$(cell "$TMP/out" 1 error)" ]
	[[ "$(cell "$TMP/out" 2 error)" == "note: invalid byte sequence"* ]]
	[ "$(cell "$TMP/out" 2 note)" = "bad � here" ]
	[ -z "$(cell "$TMP/out" 3 error)" ]
}

# A UTF-32LE byte order mark was taken for UTF-16LE's, and the header lost.
@test "UTF-32LE and UTF-32BE, with a byte order mark or without, are read as UTF-32" {
	for e in LE:'\xff\xfe\x00\x00' BE:'\x00\x00\xfe\xff' LE: BE:; do
		printf "${e#*:}" > "$TMP/u32.csv"
		printf 'id,opened,note\n7,2026-03-02 09:00,工单\n' | iconv -t "UTF-32${e%%:*}" >> "$TMP/u32.csv"
		run --separate-stderr sla-parse -v "$TMP/u32.csv"
		[ "$status" -eq 0 ]
		why="zero bytes of ASCII text"; [ -z "${e#*:}" ] || why="byte order mark"
		[ "$(printf '%s\n' "$stderr" | head -1)" = "sla-parse: $TMP/u32.csv: encoding UTF-32${e%%:*} ($why), delimiter ','" ]
		[ "$(printf '%s\n' "$output" | column note)" = 工单 ]
	done
}

@test "a UTF-16BE file with a byte order mark" {
	printf 'id\topened\n7\t2026-03-02 09:00\n' | iconv -t UTF-16BE > "$TMP/be.txt"
	printf '\xfe\xff' | cat - "$TMP/be.txt" > "$TMP/bom.txt"
	run sla-parse "$TMP/bom.txt"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | tail -1 | cut -f1-3)" = "$(printf '7\t2\t2026-03-02T09:00:00+08:00')" ]
}

# ---- libcsv pitfalls, one test each ------------------------------------------

@test "pitfall 1: spaces and tabs around unquoted fields are kept" {
	printf 'id,opened,customer\n  A1 ,2026-03-02 09:00,  Blue Sky  \n' > "$TMP/s.csv"
	sla-parse "$TMP/s.csv" > "$TMP/out"
	[ "$(tail -1 "$TMP/out" | cut -f10)" = "  Blue Sky  " ]
	[ "$(tail -1 "$TMP/out" | cut -f1)" = "  A1 " ]
}

@test "pitfall 2: a TSV field that only starts with a quote is read literally" {
	printf 'id\topened\tcustomer\n1\t2026-03-02 09:00\t"Blue Sky" Logistics\n2\t2026-03-02 10:00\tAcme\n' > "$TMP/t.tsv"
	run sla-parse "$TMP/t.tsv"
	[ "$status" -eq 0 ]
	sla-parse "$TMP/t.tsv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 customer)" = '"Blue Sky" Logistics' ]
	[ -z "$(cell "$TMP/out" 1 error)" ]
	[ "$(cell "$TMP/out" 2 customer)" = "Acme" ]
}

@test "pitfall 2: --no-quote keeps a TSV field that is quoted whole" {
	printf 'id\topened\tcustomer\n1\t2026-03-02 09:00\t"Acme"\n' > "$TMP/q.tsv"
	sla-parse --no-quote "$TMP/q.tsv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 customer)" = '"Acme"' ]
}

@test "pitfall 3: a stray quote does not swallow the rest of the file" {
	printf 'id,opened,note\n1,2026-03-02 09:00,say "hi" twice\n2,2026-03-02 10:00,"open\n3,2026-03-02 11:00,x\n4,2026-03-02 12:00,"closed"\n' > "$TMP/q.csv"
	run sla-parse "$TMP/q.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *'q.csv:2: note: malformed quoting; its first line read literally "say \"hi\" twice"'* ]]
	sla-parse "$TMP/q.csv" 2>/dev/null > "$TMP/out"
	[ "$(id_lines "$TMP/out")" = "1:2,2:3,3:4,4:5," ]
	[ "$(cell "$TMP/out" 1 note)" = 'say "hi" twice' ]
	[ "$(cell "$TMP/out" 4 note)" = "closed" ]
	[ -z "$(cell "$TMP/out" 3 error)" ]
}

@test "pitfall 3: a quote still open at the end of the file" {
	printf 'id,opened,note\n1,2026-03-02 09:00,"never closed\n2,2026-03-02 10:00,x\n' > "$TMP/u.csv"
	run sla-parse "$TMP/u.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"u.csv:2: note: quote not closed by the end of the file"* ]]
	sla-parse "$TMP/u.csv" 2>/dev/null > "$TMP/out"
	[ "$(cell "$TMP/out" 2 line)" = "3" ]
}

@test "pitfall 4: line is the physical line where each record starts" {
	printf 'id,opened,note\n\n1,2026-03-02 09:00,"a\nb\nc"\n\n\n2,2026-03-02 10:00,x\r\n3,2026-03-02 11:00,"p\r\nq"\r\n4,2026-03-02 12:00,z' > "$TMP/l.csv"
	sla-parse "$TMP/l.csv" > "$TMP/out"
	[ "$(id_lines "$TMP/out")" = "1:3,2:8,3:9,4:11," ]
	[ "$(cell "$TMP/out" 3 note)" = 'p\r\nq' ]
}

@test "pitfall 4: a lone CR ends a line too" {
	printf 'id,opened\r1,2026-03-02 09:00\r2,2026-03-02 10:00\r' > "$TMP/cr.csv"
	sla-parse "$TMP/cr.csv" > "$TMP/out"
	[ "$(id_lines "$TMP/out")" = "1:2,2:3," ]
}

@test "pitfall 5: --max-field stops a runaway field at the cap, and reading goes on" {
	{ printf 'id,opened,note\n1,2026-03-02 09:00,"runaway\n'
	  for i in $(seq 2 400); do printf '%d,2026-03-02 10:00,some text to fill the field\n' "$i"; done; } > "$TMP/r.csv"
	run sla-parse --max-field 4K "$TMP/r.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"r.csv:2: note: field too long (unterminated quote?) starting at line 2"* ]]
	sla-parse --max-field 4K "$TMP/r.csv" 2>/dev/null > "$TMP/out"
	# every line is a record again: the runaway field is cut, not the file
	[ "$(tail -n +2 "$TMP/out" | wc -l)" -eq 400 ]
	[ "$(cell "$TMP/out" 400 line)" = "401" ]
}

@test "pitfall 5: a 10 MB field is read whole" {
	{ printf 'id,opened,description\n1,2026-03-02 09:00,"'
	  head -c 10000000 /dev/zero | tr '\0' 'x'
	  printf '"\n2,2026-03-02 10:00,short\n'; } > "$TMP/big.csv"
	sla-parse "$TMP/big.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 description | wc -c)" -eq 10000001 ]
	[ "$(cell "$TMP/out" 2 description)" = "short" ]
}

# The other side of flagging records swallowed by a stray quote: real
# descriptions (steps, pasted mail and logs, a pasted header row, addresses)
# have lines with commas and times, but not a record's shape.
@test "multi-line fields with delimiters, times, mail and logs are not taken for swallowed records" {
	run --separate-stderr sla-parse -v "$EXPORTS/multiline.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "sla-parse: $EXPORTS/multiline.csv: encoding UTF-8 (header valid UTF-8), delimiter ','
sla-parse: 8 records read, 8 written, 0 flagged" ]
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(id_lines "$TMP/out")" = "INC-3001:2,INC-3002:6,INC-3003:12,INC-3004:17,INC-3005:28,INC-3006:31,INC-3007:35,INC-3008:38," ]
	[ "$(cell "$TMP/out" INC-3004 description | grep -o '\\n' | wc -l)" -eq 10 ]
	[ "$(cell "$TMP/out" INC-3008 customer)" = 'Fabrikam\nBuilding 7, Floor 2' ]
}

@test "pitfall 6: the byte order mark is not part of the first header" {
	printf '\xef\xbb\xbfid,opened\n1,2026-03-02 09:00\n' > "$TMP/b.csv"
	run sla-parse "$TMP/b.csv"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | tail -1 | cut -f1)" = "1" ]
}

@test "pitfall 7: blank lines are no records, but count as lines" {
	printf 'id,opened\n\n\n1,2026-03-02 09:00\n\n' > "$TMP/b.csv"
	sla-parse "$TMP/b.csv" > "$TMP/out"
	[ "$(wc -l < "$TMP/out")" -eq 2 ]
	[ "$(cell "$TMP/out" 1 line)" = "4" ]
}

# ---- ragged rows ------------------------------------------------------------

@test "a short row is flagged and its missing cells stay empty" {
	printf 'id,opened,customer,note\n1,2026-03-02 09:00\n2,2026-03-02 10:00,Acme,n\n' > "$TMP/r.csv"
	run sla-parse "$TMP/r.csv"
	[[ "$output" == *'r.csv:2: customer: missing: the record has 2 fields, the header 4'* ]]
	sla-parse "$TMP/r.csv" 2>/dev/null > "$TMP/out"
	[ -z "$(cell "$TMP/out" 1 customer)" ]
	[ "$(cell "$TMP/out" 2 customer)" = "Acme" ]
}

@test "a long row is flagged and its extra fields are kept whole in error" {
	printf 'id,opened,customer\n1,2026-03-02 09:00,Acme,extra one,extra two\n' > "$TMP/r.csv"
	sla-parse "$TMP/r.csv" 2>/dev/null > "$TMP/out"
	[ "$(cell "$TMP/out" 1 customer)" = "Acme" ]
	[ "$(cell "$TMP/out" 1 error)" = 'record: 2 fields beyond the header'"'"'s 3 "extra one,extra two"' ]
}

# ---- nothing lost: records in = rows out ---------------------------------------

# A random export with quoted commas, doubled quotes, multi-line cells,
# CRLF, blank lines and stray quotes; the generator writes, on fd 3, the
# line where each record starts.
random_export() {
	awk -v seed="$1" 'BEGIN {
		srand(seed); line = 1
		print "id,opened,description,customer"
		for (r = 1; r <= 300; r++) {
			while (rand() < 0.1) { print ""; line++ }
			start = line + 1
			k = int(rand() * 7); eol = rand() < 0.3 ? "\r" : ""
			if (k == 0)      d = "plain"
			else if (k == 1) d = "\"a, b\"\"c\"\"\""
			else if (k == 2) { d = "\"first" eol "\nsecond\""; line++ }
			else if (k == 3) d = "say \"hi\""
			else if (k == 4) d = "\"\""
			else if (k == 5) d = "故障描述，含中文"
			else             d = "  spaced  "
			printf "%d,2026-03-02 09:%02d,%s,c%d%s\n", r, r % 60, d, r, eol
			line++
			print start > "/dev/fd/3"
		}
	}'
}

@test "property: records in = rows out, each with its start line (5 seeds)" {
	for seed in 1 2 3 4 5; do
		random_export "$seed" > "$TMP/x.csv" 3> "$TMP/lines"
		sla-parse "$TMP/x.csv" 2>/dev/null > "$TMP/out"
		[ "$(tail -n +2 "$TMP/out" | wc -l)" -eq 300 ]
		diff <(tail -n +2 "$TMP/out" | cut -f2) "$TMP/lines"
		diff <(tail -n +2 "$TMP/out" | cut -f1) <(seq 1 300)
	done
}

@test "property: the same export in UTF-8, GB18030 and UTF-16 gives the same stream" {
	for seed in 6 7; do
		random_export "$seed" > "$TMP/x.csv" 3> /dev/null
		sla-parse "$TMP/x.csv" 2>/dev/null > "$TMP/utf8"
		iconv -f UTF-8 -t GB18030 "$TMP/x.csv" > "$TMP/gb.csv"
		sla-parse "$TMP/gb.csv" 2>/dev/null | diff "$TMP/utf8" -
		{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$TMP/x.csv"; } > "$TMP/u16.csv"
		sla-parse "$TMP/u16.csv" 2>/dev/null | diff "$TMP/utf8" -
		grep -q '故障描述' "$TMP/utf8"
	done
}

@test "a first record of empty fields only (found by fuzzing)" {
	printf 'id,opened\n,\n' > "$TMP/e.csv"
	sla-parse "$TMP/e.csv" 2>/dev/null > "$TMP/out"
	[ "$(tail -1 "$TMP/out" | cut -f2)" = "2" ]
	[ "$(column error < "$TMP/out")" = "id: missing; opened: missing" ]
}

@test "a time the export does not have is left out, not written empty" {
	printf 'id,opened,resolved\n1,2026-03-02 09:00,\n' > "$TMP/t.csv"
	sla-parse "$TMP/t.csv" > "$TMP/out"
	[ "$(head -1 "$TMP/out")" = "$(printf 'id\tline\topened\tpriority\tseverity\ttier\trule\tcategory\tchannel\tcustomer\tresolved\tpaused\texclude\terror\tdescription')" ]
	# a second export must have the same times
	printf 'id,opened,closed\n2,2026-03-02 10:00,\n' > "$TMP/u.csv"
	run --separate-stderr sla-parse "$TMP/t.csv" "$TMP/u.csv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == *"u.csv: resolved: the first file has this column, this one has not"* ]]
}

@test "an empty file is an error; a header alone gives a header alone" {
	: > "$TMP/empty.csv"
	run sla-parse "$TMP/empty.csv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"empty.csv: empty: no header row"* ]]
	printf 'id,opened\r\n' > "$TMP/h.csv"
	run sla-parse "$TMP/h.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'id\tline\topened\tpriority\tseverity\ttier\trule\tcategory\tchannel\tcustomer\tpaused\texclude\terror\tdescription')" ]
}

# ---- messages, --strict ---------------------------------------------------------

@test "the first 20 record errors are shown, then a count" {
	{ printf 'id,opened\n'; for i in $(seq 1 25); do printf '%d,not a time\n' "$i"; done; } > "$TMP/e.csv"
	run sh -c "sla-parse '$TMP/e.csv' 2>&1 >/dev/null"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c 'opened: cannot read time "not a time"')" -eq 20 ]
	[[ "$output" == *"5 more record errors not shown (25 in all)"* ]]
	[[ "$output" == *'e.csv:2: opened: cannot read time "not a time"'* ]]
}

@test "--strict makes the first bad record fatal" {
	printf 'id,opened\n1,2026-03-02 09:00\n2,2026-02-30 09:00\n3,2026-03-02 09:00\n' > "$TMP/s.csv"
	run sla-parse --strict "$TMP/s.csv"
	[ "$status" -eq 2 ]
	[[ "$output" == *'s.csv:3: opened: cannot read time "2026-02-30 09:00"'* ]]
}

@test "missing id and opened are record errors" {
	printf 'id,opened\n,2026-03-02 09:00\n2,\n' > "$TMP/m.csv"
	sla-parse "$TMP/m.csv" 2>/dev/null > "$TMP/out"
	[ "$(column error < "$TMP/out" | head -1)" = "id: missing" ]
	[ "$(cell "$TMP/out" 2 error)" = "opened: missing" ]
}

@test "a header row with broken quoting is a fatal error" {
	printf 'id,"opened"x\n1,2026-03-02 09:00\n' > "$TMP/h.csv"
	run sla-parse "$TMP/h.csv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"h.csv:1: the header row cannot be read as CSV"* ]]
}

@test "an export without an id or opened column is a fatal error" {
	printf 'Foo,Created\n1,2026-03-02 09:00\n' > "$TMP/n.csv"
	run sla-parse "$TMP/n.csv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"n.csv: id: no column means this (give --map id=HEADER)"* ]]
	run sla-parse --map id=Foo "$TMP/n.csv"
	[ "$status" -eq 0 ]
}

# ---- options ---------------------------------------------------------------------

@test "--map overrides the alias table; a wrong --map is a usage error" {
	printf 'Ticket,Eröffnet,Created\nT1,2026-03-02 09:00,2026-01-01 00:00\n' > "$TMP/m.csv"
	sla-parse --map id=Ticket --map opened=eröffnet "$TMP/m.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" T1 opened)" = "2026-03-02T09:00:00+08:00" ]
	[ "$(last_columns "$TMP/out" 1)" = "Created" ]
	run sla-parse --map nosuch=Ticket "$TMP/m.csv"
	[ "$status" -eq 2 ]
	run sla-parse --map id=Absent --map opened=Created "$TMP/m.csv"
	[ "$status" -eq 2 ]
	[[ "$output" == *'--map: the export has no column "Absent"'* ]]
}

@test "an export column named line passes through as export.line" {
	printf 'id,opened,line,Opened\n1,2026-03-02 09:00,L7,2026-01-01 00:00\n' > "$TMP/l.csv"
	sla-parse "$TMP/l.csv" > "$TMP/out"
	[ "$(last_columns "$TMP/out" 2)" = "$(printf 'export.line\tOpened')" ]
	[ "$(cell "$TMP/out" 1 line)" = "2" ]
	[ "$(cell "$TMP/out" 1 export.line)" = "L7" ]
	[ "$(cell "$TMP/out" 1 opened)" = "2026-03-02T09:00:00+08:00" ]
}

@test "--no-header --columns reads the first row as a record" {
	printf '1;2026-03-02 09:00;x\n2;2026-03-02 10:00;y\n' > "$TMP/n.csv"
	sla-parse --no-header --columns id,opened,note "$TMP/n.csv" > "$TMP/out"
	[ "$(id_lines "$TMP/out")" = "1:1,2:2," ]
	run sla-parse --no-header "$TMP/n.csv"
	[ "$status" -eq 2 ]
}

@test "--date-order settles D/M; without it an ambiguous date names its column" {
	printf 'id,opened\n1,3/4/2026 10:00\n' > "$TMP/d.csv"
	run sla-parse "$TMP/d.csv"
	[[ "$output" == *'d.csv:2: opened: day/month order unknown (give --date-order dmy or mdy) "3/4/2026 10:00"'* ]]
	sla-parse --date-order dmy "$TMP/d.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = "2026-04-03T10:00:00+08:00" ]
	sla-parse --date-order mdy "$TMP/d.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = "2026-03-04T10:00:00+08:00" ]
	run sla-parse --date-order ymd "$TMP/d.csv"
	[ "$status" -eq 2 ]
}

@test "--time-format reads a column with strptime, %z included" {
	printf 'id,opened,closed\n1,20260302-0930,2026.03.02 at 18h05 +0100\n' > "$TMP/f.csv"
	sla-parse -t 'opened=%Y%m%d-%H%M' -t 'closed=%Y.%m.%d at %Hh%M %z' "$TMP/f.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = "2026-03-02T09:30:00+08:00" ]
	[ "$(cell "$TMP/out" 1 closed)" = "2026-03-03T01:05:00+08:00" ]
	run sla-parse -t 'opened=%s' "$TMP/f.csv"
	[ "$status" -eq 2 ]
	run sla-parse -t 'customer=%Y' "$TMP/f.csv"
	[ "$status" -eq 2 ]
}

# Refused before: --map and --time-format took canonical columns only, so
# a custom metric's times passed through unconverted, and sla-check found
# every row invalid.
@test "--policy: a custom metric's column is read as a time, by --map or by its name" {
	P="$DATA/policies/good-custom-metric.ini"
	printf '%s\n' '工单编号,报修时间,答复时间,恢复业务时间,解决时间' \
		'GD-1,2026/3/2 9:00,2026/3/2 11:30,2026/3/2 12:00,2026/3/3 10:00' \
		'GD-2,2026/3/2 14:00,2026/3/3 16:10,,' > "$TMP/a.csv"
	run --separate-stderr sla-parse --policy "$P" --map answered=答复时间 \
		--map service_restored=恢复业务时间 "$TMP/a.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(last_columns "$TMP/out" 2)" = "$(printf 'answered\tservice_restored')" ]
	[ "$(cell "$TMP/out" GD-1 answered)" = 2026-03-02T11:30:00+08:00 ]
	[ "$(cell "$TMP/out" GD-1 service_restored)" = 2026-03-02T12:00:00+08:00 ]
	[ -z "$(cell "$TMP/out" GD-2 service_restored)" ]
	sla-check --policy "$P" --now 2026-04-01T00:00:00+08:00 "$TMP/out" > "$TMP/check"
	[ "$(awk -F'\t' '$1 == "GD-1" && $5 == "answered" { print $14 }' "$TMP/check")" = met ]
	[ "$(awk -F'\t' '$1 == "GD-2" && $5 == "answered" { print $14 }' "$TMP/check")" = breached ]
	# a header of the column's own name needs no --map; --time-format takes it
	printf '%s\n' 'id,opened,answered' '1,2026-03-02 09:00,20260302-1015' > "$TMP/b.csv"
	sla-parse --policy "$P" -t 'answered=%Y%m%d-%H%M' "$TMP/b.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 answered)" = 2026-03-02T10:15:00+08:00 ]
	# without --policy the column is no time column
	assert_usage_error "--map: want CANONICAL=HEADER with a canonical column (see --list-aliases) or a column of the --policy's metrics: \"answered=答复时间\"" \
		sla-parse --map answered=答复时间 "$TMP/a.csv"
}

@test "--policy: its zone is the default of --tz; a bad policy is fatal" {
	printf '[policy]\nname = x\ntimezone = Europe/Berlin\n[tier normal]\ncalendar = 24x7\nresolve = 8h\n' > "$TMP/p.ini"
	printf 'id,opened\n1,2026-03-02 09:00\n' > "$TMP/t.csv"
	sla-parse --policy "$TMP/p.ini" "$TMP/t.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = 2026-03-02T09:00:00+01:00 ]
	sla-parse --policy "$TMP/p.ini" --tz UTC "$TMP/t.csv" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 opened)" = 2026-03-02T09:00:00+00:00 ]
	run --separate-stderr sla-parse --policy "$DATA/policies/bad-timezone.ini" "$TMP/t.csv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
}

@test "--tz: wall-clock times in New York, DST gap flagged, overlap the earlier instant" {
	printf 'id,opened\n1,2026-03-08 02:30\n2,2026-11-01 01:30\n3,2026-07-01 12:00\n' > "$TMP/ny.csv"
	run sla-parse --tz America/New_York "$TMP/ny.csv"
	[[ "$output" == *'ny.csv:2: opened: no such local time in America/New_York (DST gap) "2026-03-08 02:30"'* ]]
	sla-parse --tz America/New_York "$TMP/ny.csv" 2>/dev/null > "$TMP/out"
	[ "$(cell "$TMP/out" 2 opened)" = "2026-11-01T01:30:00-04:00" ]
	[ "$(cell "$TMP/out" 3 opened)" = "2026-07-01T12:00:00-04:00" ]
	run sla-parse --tz Mars/Olympus "$TMP/ny.csv"
	[ "$status" -eq 2 ]
}

@test "paused intervals are converted; a malformed one is flagged" {
	printf 'id,opened,paused\n1,2026-03-02 09:00,2026-03-02 10:00/2026-03-02 11:30;2026年3月3日 9:00/\n2,2026-03-02 09:00,2026-03-02 10:00\n' > "$TMP/p.csv"
	sla-parse "$TMP/p.csv" 2>/dev/null > "$TMP/out"
	[ "$(cell "$TMP/out" 1 paused)" = "2026-03-02T10:00:00+08:00/2026-03-02T11:30:00+08:00;2026-03-03T09:00:00+08:00/" ]
	[ -z "$(cell "$TMP/out" 2 paused)" ]
	[ "$(cell "$TMP/out" 2 error)" = 'paused: want start/end intervals "2026-03-02 10:00"' ]
}

# The whole ticket became invalid: "2026/2/14 10:00/2026/2/14 15:00" was
# cut at its first slash.
@test "paused in Excel's slash dates, with ~ or 至, several a cell: one more slash parts start and end" {
	printf '%s\n' 'id,opened,paused' \
		'1,2026/2/14 9:00,2026/2/14 10:00/2026/2/14 15:00' \
		'2,14/2/2026 9:00,14/2/2026 10:00/14/2/2026 15:00' \
		'3,2026/2/14 9:00,"2026/2/14 10:00/2026/2/14 11:00' \
		'2026/2/15 9:00/"' \
		'4,2026-02-14 9:00,2026-02-14 10:00 ~ 2026-02-14 11:00；2026年2月15日 9:00至2026年2月15日 10:00' > "$TMP/p.csv"
	run --separate-stderr sla-parse "$TMP/p.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" > "$TMP/out"
	[ "$(cell "$TMP/out" 1 paused)" = 2026-02-14T10:00:00+08:00/2026-02-14T15:00:00+08:00 ]
	[ "$(cell "$TMP/out" 2 paused)" = 2026-02-14T10:00:00+08:00/2026-02-14T15:00:00+08:00 ]
	[ "$(cell "$TMP/out" 3 paused)" = "2026-02-14T10:00:00+08:00/2026-02-14T11:00:00+08:00;2026-02-15T09:00:00+08:00/" ]
	[ "$(cell "$TMP/out" 4 paused)" = "2026-02-14T10:00:00+08:00/2026-02-14T11:00:00+08:00;2026-02-15T09:00:00+08:00/2026-02-15T10:00:00+08:00" ]
}

# 挂起开始/挂起结束 and 挂起时长 passed through, and the ticket's resolve
# time counted its pauses.
@test "golden: Chinese sheet with pause start and end columns and a paused total" {
	golden_export parse-pauses.tsv chinese-pauses.csv
	[ "$stderr" = "sla-parse: $EXPORTS/chinese-pauses.csv:8: paused_total: paused 95 min, but not when: a total cannot be placed on the calendar (give the pauses' start and end) \"95\"" ]
}

@test "pause columns: starts and ends pair in order; what does not pair is the record's error" {
	printf '%s\n' 'id,opened,Pause start,Pause end' \
		'1,2026-02-14 9:00,2026-02-14 10:00;2026-02-14 12:00,2026-02-14 11:00' \
		'2,2026-02-14 9:00,2026-02-14 10:00,2026-02-14 11:00;2026-02-14 12:00' > "$TMP/c.csv"
	sla-parse "$TMP/c.csv" 2>/dev/null > "$TMP/out"
	[ "$(cell "$TMP/out" 1 paused)" = "2026-02-14T10:00:00+08:00/2026-02-14T11:00:00+08:00;2026-02-14T12:00:00+08:00/" ]
	[ "$(cell "$TMP/out" 2 error)" = "paused_end: 1 pause starts and 2 ends do not pair" ]
	# a total with its pauses' times is no error: the times are read
	printf '%s\n' 'id,opened,挂起开始,挂起结束,挂起时长' '1,2026-02-14 9:00,2026-02-14 10:00,2026-02-14 11:00,60' > "$TMP/t.csv"
	run --separate-stderr sla-parse "$TMP/t.csv"
	[ -z "$stderr" ]
	# and the columns are read, not passed through
	[ "$(printf '%s\n' "$output" | head -1)" = "$(printf 'id\tline\topened\tpriority\tseverity\ttier\trule\tcategory\tchannel\tcustomer\tpaused\texclude\terror\tdescription')" ]
}

@test "--max-field and --delimiter reject malformed values" {
	run sla-parse --max-field lots /dev/null
	[ "$status" -eq 2 ]
	run sla-parse -d '"' /dev/null
	[ "$status" -eq 2 ]
}

@test "--list-aliases prints the table with the Chinese and product headers" {
	run sla-parse --list-aliases
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | head -1)" = "$(printf 'canonical\talias\tsource')" ]
	for a in 工单编号 工单号 创建时间 报修时间 首次响应时间 响应时间 到场时间 解决时间 关闭时间 优先级 紧急程度 严重程度 故障描述 问题描述 客户 客户名称; do
		echo "$output" | grep -q "	$a	"
	done
	echo "$output" | grep -q "^id	Issue key	Jira"
	echo "$output" | grep -q "^opened	Opening date	GLPI"
}

@test "several files with the same columns make one stream with one header" {
	sla-parse "$EXPORTS/zendesk.csv" "$EXPORTS/zendesk.csv" > "$TMP/out"
	[ "$(grep -c '^id	' "$TMP/out")" -eq 1 ]
	[ "$(wc -l < "$TMP/out")" -eq 7 ]
	run sla-parse "$EXPORTS/zendesk.csv" "$EXPORTS/jira.csv"
	[ "$status" -eq 2 ]
}

# The first file's rows were written, then sla-parse stopped at the second
# file's header: exit 2 with half a stream.
@test "several files with different columns: refused before a row is written, the difference named" {
	run --separate-stderr sla-parse "$EXPORTS/zendesk.csv" "$EXPORTS/zendesk.csv" "$EXPORTS/jira.csv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "sla-parse: $EXPORTS/jira.csv: passes through a column the first file has not (or reads as another) \"Summary\"" ]
	printf 'id,opened,Team\n1,2026-03-02 09:00,A\n' > "$TMP/a.csv"
	printf 'id,opened\n2,2026-03-02 10:00\n' > "$TMP/b.csv"
	printf 'id,opened,Group,Team\n3,2026-03-02 11:00,G,B\n' > "$TMP/c.csv"
	run --separate-stderr sla-parse "$TMP/a.csv" "$TMP/b.csv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "sla-parse: $TMP/b.csv: has not a column the first file passes through (or reads it as another) \"Team\"" ]
	run --separate-stderr sla-parse "$TMP/a.csv" "$TMP/c.csv"
	[ "$stderr" = "sla-parse: $TMP/c.csv: passes through a column the first file has not (or reads as another) \"Group\"" ]
	# standard input among them is read once, and its rows come in their place
	run --separate-stderr sh -c "sla-parse '$TMP/a.csv' - '$TMP/a.csv' < '$TMP/a.csv'"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f1 | tr '\n' ,)" = "id,1,1,1," ]
	run --separate-stderr sh -c "sla-parse - '$TMP/b.csv' < '$TMP/a.csv'"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
}

@test "standard input, named - or by default" {
	run sh -c "sla-parse < '$EXPORTS/zendesk.csv'"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | wc -l)" -eq 4 ]
	run sh -c "cat '$EXPORTS/zendesk.csv' | sla-parse -v -"
	[[ "$output" == *"<stdin>: encoding UTF-8"* ]]
}

@test "--help lists every long option, --version names the tool" {
	run sla-parse --help
	[ "$status" -eq 0 ]
	for o in delimiter no-quote encoding no-header columns map list-aliases tz date-order \
		 date-system time-format max-field strict verbose help version policy; do
		[[ "$output" == *"--$o"* ]]
	done
	run sla-parse --version
	[[ "$output" == "sla-parse (sla-tools) "* ]]
	run sla-parse --bogus
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'sla-parse: unknown option "--bogus"\nTry '"'"'sla-parse --help'"'"'.')" ]
}

@test "a --map or --time-format the reader will not take is a usage error, printed once" {
	printf 'id,opened\n1,2026-03-02 09:00\n' > "$TMP/u.csv"
	try="Try 'sla-parse --help'."
	run sla-parse --map line=id "$TMP/u.csv"
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'sla-parse: --map: want CANONICAL=HEADER with a canonical column (see --list-aliases) or a column of the --policy'"'"'s metrics: "line=id"\n%s' "$try")" ]
	run sla-parse -t 'id=%Y' "$TMP/u.csv"
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'sla-parse: --time-format: want TIMECOLUMN=FORMAT with a canonical time column or one of the --policy'"'"'s metrics, and a strptime format without %%s: "id=%%Y"\n%s' "$try")" ]
	run sla-parse --events --map nosuch=id "$TMP/u.csv"
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'sla-parse: --map: want COLUMN=HEADER with an event column (see --events --list-aliases): "nosuch=id"\n%s' "$try")" ]
	run sla-parse --events -t 'opened=%Y' "$TMP/u.csv"
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'sla-parse: --time-format: want time=FORMAT with a strptime format without %%s: "opened=%%Y"\n%s' "$try")" ]
}

@test "every long option is in the man page and the three completions" {
	root="$BATS_TEST_DIRNAME/../.."
	for o in delimiter no-quote encoding no-header columns map list-aliases tz date-order \
		 date-system time-format max-field strict verbose help version policy; do
		grep -q -- "$o" "$root/man/sla-parse.1"
		grep -q -- "--$o" "$root/completions/bash/sla-parse"
		grep -q -- "--$o" "$root/completions/zsh/_sla-parse"
		grep -q -- "-l $o" "$root/completions/fish/sla-parse.fish"
	done
}

@test "the man page lists every alias of the built-in table" {
	root="$BATS_TEST_DIRNAME/../.."
	sla-parse --list-aliases | tail -n +2 | cut -f2 | while IFS= read -r a; do
		grep -qF -- "$a" "$root/man/sla-parse.1" || { echo "missing alias: $a"; return 1; }
	done
}

@test "sla-parse: an option without its argument is one message and the hint, exit 2" {
	for opt in --delimiter -d --encoding --columns --map -m --tz --date-order --date-system \
		   --time-format -t --max-field --policy; do
		assert_usage_error "option needs an argument \"$opt\"" sla-parse "$opt"
	done
}

@test "sla-parse: a failed write of standard output is said once, exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	assert_write_refused "the ticket stream" sla-parse "$EXPORTS/chinese-gb18030.csv"
	assert_write_refused "the alias table" sla-parse --list-aliases
	assert_write_refused "the event names" sla-parse --print-events
	assert_write_refused "the help" sla-parse --help
}

@test "sla-parse: the default zone is the embedded policy's, in --help and in use" {
	zone=$(sla-check --print-policy | sed -n 's/^timezone *= *//p')
	[ -n "$zone" ]
	run sla-parse --help
	[[ "$output" == *"(default $zone)"* ]]
	printf 'id,opened\n1,2026-03-02 09:30\n' > "$TMP/wall.csv"
	run sla-parse "$TMP/wall.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$(sla-parse --tz "$zone" "$TMP/wall.csv")" ]
}
