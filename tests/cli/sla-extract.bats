#!/usr/bin/env bats
# sla-extract: golden drafts of the project's letters, every draft linting
# clean, the accuracy harness over the project's letters and the
# development set, encodings, options and errors.
load helpers
bats_require_minimum_version 1.5.0

L="$DATA/letters"
# The development set lives beside the project (../shared/data/letters from
# the project root), never inside it; SLA_SHARED_LETTERS names another place.
SHARED=${SLA_SHARED_LETTERS:-$BATS_TEST_DIRNAME/../../../shared/data/letters}
NOW=2026-06-01T00:00:00+08:00

need_shared() {
	[ -d "$SHARED" ] && [ -f "$SHARED/README.md" ] ||
		skip "no development letters at ../shared/data/letters (from the project root)"
}

@test "sla-extract: the draft of each of the project's letters (golden)" {
	cd "$L"	# the drafts name their letter as it is given
	for f in *.txt; do
		name=${f%.txt}
		run --separate-stderr sla-extract "$f"
		[ "$status" -eq 0 ] || { echo "$name: exit $status: $stderr"; return 1; }
		[ -z "$stderr" ]
		assert_golden "extract-$name.ini" || { echo "$name differs"; return 1; }
	done
}

@test "sla-extract: --format tsv lists each commitment found (golden)" {
	cd "$L"
	for name in f01-severity f13-english-table; do
		run --separate-stderr sla-extract --format tsv "$name.txt"
		[ "$status" -eq 0 ]
		[ "${lines[0]}" = "$(printf 'tier\tmetric\ttarget\tcalendar\tcondition\tline\tsentence')" ]
		assert_golden "extract-$name.tsv"
	done
}

@test "sla-extract: --rules writes the tiers' rules beside the draft (golden)" {
	cd "$L"
	for name in f01-severity f02-table-pipe f13-english-table; do
		run --separate-stderr sla-extract --rules "$BATS_TEST_TMPDIR/$name.rules" "$name.txt"
		[ "$status" -eq 0 ]
		[[ "$output" == *"; The tiers' rules for sla-classify: $BATS_TEST_TMPDIR/$name.rules"* ]]
		output=$(cat "$BATS_TEST_TMPDIR/$name.rules")
		assert_golden "extract-$name.rules"
	done
}

@test "sla-extract: the drafted rules give a ticket of each label its tier" {
	sla-extract --rules "$BATS_TEST_TMPDIR/r" "$L/f01-severity.txt" > /dev/null
	run sh -c 'printf "id\tpriority\tdescription\n1\t重大\t\n2\t轻微\t\n3\t\t打印机卡纸\n" |
		sla-classify --rules "$1" | cut -f4' _ "$BATS_TEST_TMPDIR/r"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'tier\nurgent\nlow\n')" ]
}

@test "sla-extract: -v says on standard error each clause found and what it became (golden)" {
	cd "$L"
	run --separate-stderr sla-extract -v f05-fullwidth.txt
	[ "$status" -eq 0 ]
	output=$stderr
	assert_golden extract-verbose.txt
}

# The draft of each letter of $1 loads in sla-check --lint with no warning.
lint_drafts() {
	for f in "$1"/*.txt; do
		sla-extract "$f" > "$BATS_TEST_TMPDIR/d.ini"
		run --separate-stderr sla-check --lint --now "$NOW" --policy "$BATS_TEST_TMPDIR/d.ini"
		[ "$status" -eq 0 ] || { echo "$f: $stderr"; return 1; }
		[ "$stderr" = "sla-check: $BATS_TEST_TMPDIR/d.ini: 0 warnings" ] ||
			{ echo "$f: $stderr"; return 1; }
	done
}

@test "sla-extract: every draft of the project's letters lints clean" {
	lint_drafts "$L"
}

@test "sla-extract: every draft of the development letters lints clean" {
	need_shared
	lint_drafts "$SHARED"
}

# "recall F/E = R%" -> R without its decimals
percent() { sed -n "s/^$1 [0-9]*\/[0-9]* = \([0-9]*\)\..*%$/\1/p" <<< "$2"; }

@test "sla-extract: accuracy on the project's letters (recall and precision at least 95%)" {
	run bash "$BATS_TEST_DIRNAME/extract-accuracy.sh" "$L"
	[ "$status" -eq 0 ]
	echo "$output"
	recall=$(percent recall "$output") precision=$(percent precision "$output")
	[ -n "$recall" ] && [ -n "$precision" ]
	[ "$recall" -ge 95 ]
	[ "$precision" -ge 95 ]
}

@test "sla-extract: accuracy on the development letters (every listed target; precision at least 90%)" {
	need_shared
	run bash "$BATS_TEST_DIRNAME/extract-accuracy.sh" "$SHARED"
	[ "$status" -eq 0 ]
	echo "$output"
	recall=$(percent recall "$output") precision=$(percent precision "$output")
	[ "$recall" -eq 100 ]
	[ "$precision" -ge 90 ]
	[[ "$output" != *"missed:"* ]]
}

@test "sla-extract: the accuracy harness counts a miss and a false find" {
	mkdir -p "$BATS_TEST_TMPDIR/set"
	printf '对于紧急故障,2小时内响应。\n4小时内修复。\n' > "$BATS_TEST_TMPDIR/set/a.txt"
	printf '| file | tier / scope | metric | target | clause |\n|---|---|---|---|---|\n| a | 紧急故障 | response | 2h | |\n| a | all requests | onsite | 4h | |\n' \
		> "$BATS_TEST_TMPDIR/set/README.md"
	run bash "$BATS_TEST_DIRNAME/extract-accuracy.sh" "$BATS_TEST_TMPDIR/set"
	[ "$status" -eq 0 ]
	[[ "$output" == *"missed: a: all requests onsite"* ]]
	[[ "$output" == *"false: a: line 2: * resolve 14400"* ]]
	[[ "$output" == *"recall 1/2 = 50.0%"* ]]
	[[ "$output" == *"precision 1/2 = 50.0%"* ]]
}

@test "sla-extract: a letter with no service commitment says so, sets no target, exits 0" {
	for f in "$L/f06-no-commitment.txt" ${SHARED:+$SHARED/letter-10.txt}; do
		[ -f "$f" ] || continue
		run --separate-stderr sla-extract "$f"
		[ "$status" -eq 0 ]
		[[ "$output" == *"; No service commitment found"* ]]
		[[ "$output" != *"[tier "* ]]
		run --separate-stderr sla-extract --format tsv "$f"
		[ "$status" -eq 0 ]
		[ "${#lines[@]}" -eq 1 ]
	done
}

@test "sla-extract: the development letters give their listed targets" {
	need_shared
	run sla-extract --format tsv "$SHARED/letter-09.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$(printf '*\treplacement\t24h\t24x7\tresolve > 8h\t6\t')"* ]]
	run sla-extract "$SHARED/letter-03.txt"
	[[ "$output" == *"[metric onsite_or_resolve]"* ]]
	[[ "$output" == *"stop  = onsite | resolved"* ]]
}

@test "sla-extract: reads standard input and '-' as it reads a file" {
	body() { tail -n +3; }	# the first lines name the input
	want=$(sla-extract "$L/f01-severity.txt" | body)
	[ "$(sla-extract < "$L/f01-severity.txt" | body)" = "$want" ]
	[ "$(sla-extract - < "$L/f01-severity.txt" | body)" = "$want" ]
	run sla-extract < "$L/f01-severity.txt"
	[[ "${lines[1]}" == ";   <stdin>" ]]
}

@test "sla-extract: GB18030 and UTF-16 letters read as their UTF-8 text" {
	want=$(sla-extract --format tsv "$L/f05-fullwidth.txt")
	iconv -f UTF-8 -t GB18030 "$L/f05-fullwidth.txt" > "$BATS_TEST_TMPDIR/gb.txt"
	{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$L/f05-fullwidth.txt"; } > "$BATS_TEST_TMPDIR/u16.txt"
	[ "$(sla-extract --format tsv "$BATS_TEST_TMPDIR/gb.txt")" = "$want" ]
	[ "$(sla-extract --format tsv "$BATS_TEST_TMPDIR/u16.txt")" = "$want" ]
	[ "$(sla-extract --format tsv --encoding GB18030 "$BATS_TEST_TMPDIR/gb.txt")" = "$want" ]
}

@test "sla-extract: several files are one letter, cited file:line" {
	run sla-extract --format tsv "$L/f07-replies.txt" "$L/f08-conditions.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$(printf '\t%s:4\t' "$L/f07-replies.txt")"* ]]
	[[ "$output" == *"$(printf '\t%s:6\t' "$L/f08-conditions.txt")"* ]]
}

@test "sla-extract: --tz is the draft's timezone" {
	run sla-extract --tz Europe/Berlin "$L/f10-english.txt"
	[[ "$output" == *"timezone     = Europe/Berlin"* ]]
	run sla-extract "$L/f10-english.txt"
	[[ "$output" == *"timezone     = Asia/Shanghai ; review: the letter names no timezone"* ]]
}

@test "sla-extract: from the letter to a check of the sample export" {
	sla-extract --rules "$BATS_TEST_TMPDIR/d.rules" "$L/f01-severity.txt" > "$BATS_TEST_TMPDIR/d.ini"
	run --separate-stderr bash -c "set -o pipefail; sla-parse '$DATA/sample.csv' 2>/dev/null |
		sla-classify --rules '$BATS_TEST_TMPDIR/d.rules' |
		sla-check --policy '$BATS_TEST_TMPDIR/d.ini' --now 2026-11-01T00:00:00+08:00 | cut -f4,5 | sort -u"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$(printf 'urgent\tresponse')"* ]]
	[[ "$output" == *"$(printf 'normal\tworkaround')"* ]]
}

@test "sla-extract: --help, --version" {
	run sla-extract --help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "Usage: sla-extract [OPTION]... [FILE]..." ]]
	[[ "$output" == *"--rules FILE"* ]]
	[[ "$output" == *"--format FORMAT"* ]]
	run sla-extract --version
	[ "$status" -eq 0 ]
	[[ "$output" == "sla-extract (sla-tools) "* ]]
}

@test "sla-extract: usage errors" {
	assert_usage_error 'unknown option "--polcy"' sla-extract --polcy x
	assert_usage_error 'option needs an argument "--rules"' sla-extract --rules
	assert_usage_error '--format: expected policy or tsv "csv"' sla-extract --format csv
}

@test "sla-extract: a letter that cannot be read, an unknown encoding, an unwritable rules file" {
	run --separate-stderr sla-extract "$BATS_TEST_TMPDIR/none.txt"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "sla-extract: $BATS_TEST_TMPDIR/none.txt: cannot read: No such file or directory" ]
	run --separate-stderr sla-extract --encoding NO-SUCH "$L/f01-severity.txt"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-extract: $L/f01-severity.txt: unknown encoding \"NO-SUCH\"" ]
	run --separate-stderr sla-extract --rules "$BATS_TEST_TMPDIR/no/dir/r" "$L/f01-severity.txt"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "sla-extract: $BATS_TEST_TMPDIR/no/dir/r: cannot write the rules draft" ]
}

@test "sla-extract: a full disk is an error" {
	assert_write_refused "the policy draft" sla-extract "$L/f01-severity.txt"
	assert_write_refused "the commitments" sla-extract --format tsv "$L/f01-severity.txt"
}

@test "sla-extract: binary and empty input give a draft, not a crash" {
	run --separate-stderr sla-extract /dev/null
	[ "$status" -eq 0 ]
	[[ "$output" == *"No service commitment found"* ]]
	head -c 20000 /bin/sh > "$BATS_TEST_TMPDIR/bin"
	run --separate-stderr sla-extract "$BATS_TEST_TMPDIR/bin"
	[ "$status" -eq 0 ]
	sla-extract "$BATS_TEST_TMPDIR/bin" > "$BATS_TEST_TMPDIR/d.ini"
	run sla-check --lint --now "$NOW" --policy "$BATS_TEST_TMPDIR/d.ini"
	[ "$status" -eq 0 ]
}

@test "sla-extract: a shape named after hours were stated elsewhere gets a calendar of its own name" {
	# the working day (5x8, no hours) comes first, then the shape 5×9, then
	# hours of 5×9: naming the first for its hours must not take 5x9's name
	# (found by fuzz_extract: a draft with [calendar 5x9] twice did not load)
	printf '%s\n\n' '技术支持服务承诺' '低优先级：4小时响应，下一个工作日到场。' \
		'所有服务按5×9提供。' '服务时间为周一至周五 9:00-18:00。' > "$BATS_TEST_TMPDIR/l.txt"
	sla-extract "$BATS_TEST_TMPDIR/l.txt" > "$BATS_TEST_TMPDIR/d.ini"
	[ "$(grep -c '^\[calendar 5x9\]$' "$BATS_TEST_TMPDIR/d.ini")" -eq 1 ]
	grep -A1 '^\[calendar 5x9-2\]$' "$BATS_TEST_TMPDIR/d.ini" | grep -q '^mon-fri  = 09:00-18:00 '
	grep -q '^calendar.onsite = 5x9-2 ' "$BATS_TEST_TMPDIR/d.ini"
	run sla-check --lint --now "$NOW" --policy "$BATS_TEST_TMPDIR/d.ini"
	[ "$status" -eq 0 ]
}
