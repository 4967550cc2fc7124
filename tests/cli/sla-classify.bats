#!/usr/bin/env bats
# sla-classify: goldens over Chinese and English tickets, options, limits,
# bad input.
load helpers
bats_require_minimum_version 1.5.0

C="$DATA/classify"

@test "sla-classify: default rules over Chinese and English tickets (golden)" {
	run --separate-stderr sla-classify "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	assert_golden classify-default.tsv
}

@test "sla-classify: reads standard input and '-' alike" {
	run sh -c 'sla-classify < "$1" | cmp - "$2"' _ "$C/tickets.tsv" "$GOLDEN/classify-default.tsv"
	[ "$status" -eq 0 ]
	run sh -c 'sla-classify - < "$1" | cmp - "$2"' _ "$C/tickets.tsv" "$GOLDEN/classify-default.tsv"
	[ "$status" -eq 0 ]
}

@test "sla-classify: -v counts the tickets of each rule on standard error (golden)" {
	run --separate-stderr sla-classify -v "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	output=$stderr
	assert_golden classify-verbose.txt
}

@test "sla-classify: tier, rule and error are appended to a stream without them" {
	run sla-classify "$C/minimal.tsv"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf 'id\topened\tdescription\ttier\trule\terror')" ]
	[ "${lines[1]}" = "$(printf '1\t2026-09-01T08:00:00+08:00\t宕机\turgent\tdefault.rules:23\t')" ]
	[ "${lines[2]}" = "$(printf '2\t2026-09-01T09:00:00+08:00\tdownload page\t\t\t')" ]
}

@test "sla-classify: a set tier is kept; --override classifies it" {
	run sla-classify "$C/tickets.tsv"
	line=$(printf '%s\n' "$output" | grep '^INC-17')
	[ "$(printf '%s' "$line" | cut -f6,7)" = "$(printf 'low\t')" ]
	run sla-classify --override "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	line=$(printf '%s\n' "$output" | grep '^INC-17')
	[ "$(printf '%s' "$line" | cut -f6,7)" = "$(printf 'urgent\tdefault.rules:23')" ]
}

@test "sla-classify: --default sets the tier when nothing matches, and says so" {
	run sla-classify --default normal "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	line=$(printf '%s\n' "$output" | grep '^INC-19')
	[ "$(printf '%s' "$line" | cut -f6,7)" = "$(printf 'normal\t--default')" ]
	# without it the tier stays empty for sla-check's policy default
	run sla-classify "$C/tickets.tsv"
	line=$(printf '%s\n' "$output" | grep '^INC-19')
	[ "$(printf '%s' "$line" | cut -f6,7)" = "$(printf '\t')" ]
}

@test "sla-classify: several --rules files are read in order (golden)" {
	cd "$C"
	run --separate-stderr sla-classify --rules site.rules --rules generic.rules tickets.tsv
	[ "$status" -eq 0 ]
	assert_golden classify-site.tsv
}

@test "sla-classify: a pattern that does not compile is fatal with file:line and column" {
	cd "$C"
	run --separate-stderr sla-classify --rules bad.rules tickets.tsv
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = 'sla-classify: bad.rules:2: column 30: missing closing parenthesis "系统(崩溃|宕机"' ]
}

@test "sla-classify: a missing rules file is fatal" {
	run --separate-stderr sla-classify --rules "$C/no-such.rules" "$C/tickets.tsv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == *"no-such.rules: cannot open: No such file or directory" ]]
}

@test "sla-classify: (a+)+\$ on a 100 kB field ends in well under a second, record flagged" {
	hostile="$BATS_TEST_TMPDIR/hostile.tsv"
	{
		printf 'id\topened\terror\tdescription\n'
		printf '1\t2026-09-01T08:00:00+08:00\tearlier reason\t'
		head -c 100000 /dev/zero | tr '\0' a
		printf '!\n2\t2026-09-01T08:00:00+08:00\t\taaa\n'
	} > "$hostile"
	start=$(date +%s%N)
	run --separate-stderr sla-classify --rules "$C/redos.rules" "$hostile"
	elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
	[ "$status" -eq 0 ]
	[ "$elapsed_ms" -lt 1000 ]
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[1]}" == "$(printf '1\t2026-09-01T08:00:00+08:00\tearlier reason; description: rule ')"*"redos.rules:1: match limit exceeded"$'\t'aaaa*$'!\t\t' ]]
	[[ "${lines[2]}" == *"$(printf '\turgent\t')"*"redos.rules:1"* ]]
	[[ "$stderr" == "sla-classify: $hostile:2: description: rule "*"redos.rules:1: match limit exceeded \"aaaa"*'..."' ]]
}

@test "sla-classify: invalid UTF-8 and ragged rows become the record's error (golden)" {
	cd "$C"
	run --separate-stderr sla-classify bad.tsv
	[ "$status" -eq 0 ]
	assert_golden classify-bad.tsv
	[ "$stderr" = "$(printf '%s\n' \
		'sla-classify: bad.tsv:2: description: UTF-8 error: byte 2 top bits not 0x80 at byte 7 "broken "' \
		'sla-classify: bad.tsv:3: row has 3 fields, the header 4' \
		'sla-classify: bad.tsv:4: row has 5 fields, the header 4')" ]
	# every row keeps the header's column count
	run sh -c 'sla-classify "$1" 2>/dev/null | awk -F"\t" "{ print NF }" | sort -u' _ bad.tsv
	[ "$output" = 7 ]
}

@test "sla-classify: --strict makes the first record error fatal" {
	cd "$C"
	run --separate-stderr sla-classify --strict bad.tsv
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf 'id\topened\tpriority\tdescription\ttier\trule\terror')" ]
	[ "$stderr" = 'sla-classify: bad.tsv:2: description: UTF-8 error: byte 2 top bits not 0x80 at byte 7 "broken "' ]
	# an error recorded by an earlier tool is not this one's to be strict about
	run --separate-stderr sla-classify --strict tickets.tsv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	diff <(printf '%s\n' "$output") "$GOLDEN/classify-default.tsv"
}

@test "sla-classify: --print-rules prints the embedded rules, which read back the same" {
	run sla-classify --print-rules
	[ "$status" -eq 0 ]
	diff <(printf '%s\n' "$output") "$BATS_TEST_DIRNAME/../../lib/data/default.rules"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/default.rules"
	cd "$BATS_TEST_TMPDIR"
	run sla-classify --rules default.rules "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	diff <(printf '%s\n' "$output") "$GOLDEN/classify-default.tsv"
}

@test "sla-classify: usage errors exit 2 with a hint" {
	run --separate-stderr sla-classify --no-such-option
	[ "$status" -eq 2 ]
	[ "$stderr" = "$(printf '%s\n' 'sla-classify: unknown option "--no-such-option"' "Try 'sla-classify --help'.")" ]
	run --separate-stderr sla-classify --rules
	[ "$status" -eq 2 ]
	[[ "$stderr" == 'sla-classify: option needs an argument "--rules"'* ]]
	run --separate-stderr sla-classify --default 'a b' "$C/tickets.tsv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == 'sla-classify: --default: not a tier name "a b"'* ]]
}

@test "sla-classify: --version" {
	run sla-classify --version
	[ "$status" -eq 0 ]
	[[ "$output" == "sla-classify (sla-tools) "* ]]
}

@test "sla-classify: every long option is in --help, the man page and the completions" {
	run sla-classify --help
	[ "$status" -eq 0 ]
	root="$BATS_TEST_DIRNAME/../.."
	opts=$(printf '%s\n' "$output" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ "$(printf '%s\n' "$opts" | wc -l)" -eq 11 ]
	for o in $opts; do
		sed 's/\\//g' "$root/man/sla-classify.1" | grep -q -- "^\.It \(Fl .*\)\{0,1\}Fl ${o#-}" \
			|| { echo "man: $o"; false; }
		grep -q -- "$o" "$root/completions/bash/sla-classify" || { echo "bash: $o"; false; }
		grep -q -- "$o" "$root/completions/zsh/_sla-classify" || { echo "zsh: $o"; false; }
		grep -q -- "-l ${o#--}" "$root/completions/fish/sla-classify.fish" || { echo "fish: $o"; false; }
	done
}

@test "sla-classify: the benchmark runs and prints tickets/s" {
	bench="${SLA_BUILD:-$BATS_TEST_DIRNAME/../../build}/bench/bench_classify"
	run "$bench" --rows 2000 --tickets "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" == "sla-classify (default rules): 2000 tickets in "*" tickets/s, "*" MB/s" ]]
}

@test "sla-classify: a rule field the input lacks is warned about unless canonical" {
	cd "$C"
	run --separate-stderr sla-classify --rules typo.rules minimal.tsv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	[ "$stderr" = 'sla-classify: typo.rules:2: warning: the input has no such column "descripton"' ]
}

@test "sla-classify: an option without its argument is one message and the hint, exit 2" {
	for opt in --rules -r --default -d; do
		assert_usage_error "option needs an argument \"$opt\"" sla-classify "$opt"
	done
	assert_usage_error 'unknown option "-x"' sla-classify -vx
}

@test "sla-classify: a failed write of standard output is said once, exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	assert_write_refused "the ticket stream" sla-classify "$C/tickets.tsv"
	assert_write_refused "the rules" sla-classify --print-rules
	assert_write_refused "the help" sla-classify --help
}

@test "sla-classify: an & line makes a rule match only when two fields do together" {
	rules="$BATS_TEST_TMPDIR/and.rules"
	printf '%s\n' '# the hospital: a fault that stops work is urgent, anything else low' \
		'urgent  customer     ^省人民医院$' \
		'&       description  (?i:down|宕机|locked)' \
		'low     customer     ^省人民医院$' > "$rules"
	run --separate-stderr sla-classify -v --rules "$rules" "$C/tickets.tsv"
	[ "$status" -eq 0 ]
	# the rule column names the rule's first line; INC-17 came with its tier
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$10 == "省人民医院" { print $1, $6, $7 }' | sed "s|$rules|and.rules|")" = "$(printf '%s\n' \
		'INC-1 urgent and.rules:2' 'INC-5 low and.rules:4' 'INC-9 urgent and.rules:2' \
		'INC-13 low and.rules:4' 'INC-17 low ' 'INC-21 low and.rules:4')" ]
	# another customer's outage is not the hospital's
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "INC-10" { print "[" $6 "]" }')" = "[]" ]
	# -v counts the rule once, not its & line
	[ "$(printf '%s\n' "$stderr" | grep -c "and.rules:")" -eq 2 ]
	[[ "$stderr" == *"and.rules:2: urgent: 2"* ]]
	[[ "$stderr" == *"and.rules:4: low: 3"* ]]
	# an & line needs a rule above it, in its own file
	printf '&  customer  ^省人民医院$\n' > "$BATS_TEST_TMPDIR/lone.rules"
	run --separate-stderr sla-classify --rules "$rules" --rules "$BATS_TEST_TMPDIR/lone.rules" "$C/tickets.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-classify: $BATS_TEST_TMPDIR/lone.rules:1: & adds a condition to the rule above it, and there is none" ]
}

@test "sla-classify: --policy warns about each rule whose tier the policy does not have" {
	policy="$BATS_TEST_TMPDIR/own.ini"
	printf '[policy]\ntimezone = Asia/Shanghai\n[tier gold]\ncalendar = 24x7\nresponse = 1h\n[tier urgent]\ncalendar = 24x7\nresponse = 1h\n' > "$policy"
	cd "$C"
	run --separate-stderr sla-classify --policy "$policy" --rules site.rules --rules generic.rules --default normal tickets.tsv
	[ "$status" -eq 0 ]
	# the tickets come out as without --policy
	diff <(printf '%s\n' "$output") <(sla-classify --rules site.rules --rules generic.rules --default normal tickets.tsv)
	# one warning a rule, at its file:line, naming the tier; urgent is known
	why="warning: the policy $policy has no such tier (it has gold, urgent): sla-check finds its tickets invalid"
	[ "$stderr" = "$(printf '%s\n' \
		"sla-classify: generic.rules:1: tier: $why \"high\"" \
		"sla-classify: generic.rules:2: tier: $why \"low\"" \
		"sla-classify: --default: $why \"normal\"")" ]
	# the embedded policy knows the embedded rules' tiers
	run --separate-stderr sla-classify --policy /dev/null tickets.tsv
	[ "$status" -eq 2 ]
	sla-check --print-policy > "$BATS_TEST_TMPDIR/default.ini"
	run --separate-stderr sla-classify --policy "$BATS_TEST_TMPDIR/default.ini" tickets.tsv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}
