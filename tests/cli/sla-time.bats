#!/usr/bin/env bats
# sla-time: business time, due times and days, on the default policy's 5x8
# (Asia/Shanghai, cn dates), a test policy and the built-in 24x7.

load helpers
bats_require_minimum_version 1.5.0

NIGHT="$DATA/sla-time/night-shift.ini"
MAKEUP="$DATA/sla-time/makeup-dst.ini"

@test "sla-time: --help lists every option, --version names the tool" {
	run sla-time --help
	[ "$status" -eq 0 ]
	for opt in --calendar --policy --tz --calendars --seconds --format --help --version; do
		[[ $output == *"$opt"* ]]
	done
	run sla-time --version
	[ "$status" -eq 0 ]
	[[ $output == "sla-time (sla-tools) "* ]]
}

@test "sla-time: every long option is in the man page and the three completions" {
	root="$BATS_TEST_DIRNAME/../.."
	for opt in calendar policy tz calendars seconds format help version; do
		grep -q -- "--$opt" "$root/completions/bash/sla-time"
		grep -q -- "--$opt" "$root/completions/zsh/_sla-time"
		grep -q -- "-l $opt" "$root/completions/fish/sla-time.fish"
		grep -q -- "Fl .*\\\\-$opt" "$root/man/sla-time.1"
	done
}

@test "sla-time between: across the Spring Festival of 2026 on the default 5x8" {
	run sla-time between 2026-02-13T17:00 2026-03-02T09:00
	[ "$status" -eq 0 ]
	[ "$output" = "49h" ]
	run sla-time --seconds between 2026-02-13T17:00:00+08:00 2026-03-02T01:00:00Z
	[ "$output" = "176400" ]
	run sla-time between 2026-03-02T09:00 2026-03-02T10:30:15 --seconds
	[ "$output" = "5415" ]
	run sla-time between 2026-03-02T09:00 2026-03-02T10:30:15
	[ "$output" = "1h30m15s" ]
	# the forms sla-parse reads from exports
	run sla-time between "2026/2/13 17:00" "2026年3月2日 上午9:00"
	[ "$output" = "49h" ]
	run sla-time between 3/2/2026 2026-03-03
	[ "$status" -eq 2 ]
	[[ $output == *"day/month order unknown"* ]]
}

@test "sla-time between: tsv for scripts" {
	run sla-time --format tsv between 2026-02-13T17:00 2026-03-02T09:00
	[ "$status" -eq 0 ]
	assert_golden sla-time-between.tsv
}

@test "sla-time due: a target used up at closing time is due at closing time" {
	run sla-time due 2026-03-02T07:00 8h
	[ "$output" = "2026-03-02T18:00:00+08:00" ]
	run sla-time due 2026-03-02T07:00 8h1s
	[ "$output" = "2026-03-03T09:00:01+08:00" ]
	run sla-time due 2026-03-02T07:00 0s
	[ "$output" = "2026-03-02T07:00:00+08:00" ]
	# the make-up Saturday before the Spring Festival is worked
	run sla-time due 2026-02-13T17:00 8h
	[ "$output" = "2026-02-14T17:00:00+08:00" ]
}

@test "sla-time due: working days in both calendar senses" {
	run sla-time due 2026-03-04T10:30 3wd@time
	[ "$output" = "2026-03-09T10:30:00+08:00" ]
	run sla-time due 2026-03-06T19:00 1wd@time
	[ "$output" = "2026-03-10T09:00:00+08:00" ]
	run sla-time due 2026-03-06T10:00 1wd@close
	[ "$output" = "2026-03-09T18:00:00+08:00" ]
	run sla-time due 2026-03-06T10:00 2wd
	[ "$output" = "2026-03-10T10:00:00+08:00" ]
	run sla-time --format tsv due 2026-02-13T17:00 1wd@close
	assert_golden sla-time-due.tsv
}

@test "sla-time days: holidays and make-up days with their names" {
	run sla-time days 2026-02-12 2026-03-01
	[ "$status" -eq 0 ]
	assert_golden sla-time-days.txt
	run sla-time --format tsv days 2026-09-30 2026-10-10
	[ "$status" -eq 0 ]
	assert_golden sla-time-days.tsv
}

@test "sla-time: a policy file's calendars, --calendar and the night shift" {
	run sla-time --policy "$NIGHT" days 2026-03-26T12:00 2026-03-31
	[ "$status" -eq 0 ]
	assert_golden sla-time-night-days.txt
	run sla-time -p "$NIGHT" between 2026-12-23T00:00 2026-12-28T00:00
	[ "$output" = "14h" ]
	run sla-time -p "$NIGHT" -c office due 2026-03-27T16:00 2wd
	[ "$output" = "2026-03-31T14:00:00+02:00" ]
}

@test "sla-time: a make-up Saturday is worked with the workday hours, or those of its as DAY" {
	# opened Fri 17:00, answered Sat 14:00: 1h + 3h + 30m, not the half day's 4h
	run sla-time -p "$MAKEUP" between 2026-02-13T17:00 2026-02-14T14:00
	[ "$output" = "4h30m" ]
	run sla-time -p "$MAKEUP" due 2026-02-13T17:00 4h
	[ "$output" = "2026-02-14T12:00:00+01:00" ]
	run sla-time -p "$MAKEUP" days 2026-02-14 2026-02-21
	[ "${lines[0]}" = "2026-02-14 Sat    7h30m  09:00-12:00, 13:30-18:00  make-up workday" ]
	[ "${lines[7]}" = "2026-02-21 Sat       3h  09:00-12:00" ]
	run sla-time -p "$MAKEUP" -c short-fri days 2026-02-14 2026-02-14
	[ "${lines[0]}" = "2026-02-14 Sat       6h  09:00-15:00               make-up workday" ]
}

@test "sla-time due: working days across DST: a reading in the gap moves on, a close repeated is the later" {
	run sla-time -p "$MAKEUP" -c small-hours due 2026-03-28T02:00:01 1wd@time
	[ "$output" = "2026-03-29T03:00:01+02:00" ]
	run sla-time -p "$MAKEUP" -c small-hours due 2026-03-28T02:30 1wd@time
	[ "$output" = "2026-03-29T03:30:00+02:00" ]
	# a wall-clock time that occurs twice: the earlier
	run sla-time -p "$MAKEUP" -c small-hours due 2026-10-24T02:30 1wd@time
	[ "$output" = "2026-10-25T02:30:00+02:00" ]
	# a close that occurs twice: the later, the end of the day's business time
	run sla-time -p "$MAKEUP" -c close-0230 --format tsv due 2026-10-24T10:00 1wd@close
	[ "${lines[1]}" = $'2026-10-24T10:00:00+02:00\t1wd@close\tclose-0230\t2026-10-25T02:30:00+01:00\t7200' ]
	# a close skipped: when the clocks jump
	run sla-time -p "$MAKEUP" -c close-0230 --format tsv due 2026-03-28T10:00 1wd@close
	[ "${lines[1]}" = $'2026-03-28T10:00:00+01:00\t1wd@close\tclose-0230\t2026-03-29T03:00:00+02:00\t3600' ]
}

@test "sla-time due: on a night shift the start's working day is the day the shift opened" {
	# Tuesday 02:00 is in Monday's 22:00-06:00
	run sla-time -p "$NIGHT" --format tsv due 2026-03-03T02:00 1wd@time
	[ "${lines[1]}" = $'2026-03-03T02:00:00+01:00\t1wd@time\tnight\t2026-03-04T02:00:00+01:00\t28800' ]
	run sla-time -p "$NIGHT" --format tsv due 2026-03-03T02:00 1wd@close
	[ "${lines[1]}" = $'2026-03-03T02:00:00+01:00\t1wd@close\tnight\t2026-03-04T06:00:00+01:00\t43200' ]
	# Saturday 01:00 is in Friday's 22:00-02:00: one working day on is Monday's night
	run sla-time -p "$NIGHT" due 2026-03-07T01:00 1wd@time
	[ "$output" = "2026-03-10T01:00:00+01:00" ]
	run sla-time -p "$NIGHT" due 2026-03-07T01:00 1wd@close
	[ "$output" = "2026-03-10T06:00:00+01:00" ]
}

@test "sla-time: DST days on 24x7 have 23 and 25 hours" {
	run sla-time --tz Europe/Berlin --calendar 24x7 --seconds between 2026-03-29 2026-03-30
	[ "$output" = "82800" ]
	run sla-time -z America/New_York -c 24x7 between 2026-11-01 2026-11-02
	[ "$output" = "25h" ]
	run sla-time -z Europe/Berlin -c 24x7 due 2026-03-29T01:30 1h
	[ "$output" = "2026-03-29T03:30:00+02:00" ]
}

@test "sla-time: bad times and durations are errors with the text quoted" {
	run sla-time due 2026-03-02T09:00 -1h
	[ "$status" -eq 2 ]
	[[ $output == *"negative"* ]]
	run sla-time due 2026-03-02T09:00 8
	[ "$status" -eq 2 ]
	[ "$output" = 'sla-time: DURATION: duration without a unit (s, m, h, d, wd) "8"' ]
	run sla-time due 2026-03-02T09:00 1wd2h@close
	[ "$status" -eq 2 ]
	run sla-time between 2026-13-02 2026-03-03
	[ "$status" -eq 2 ]
	[ "$output" = 'sla-time: FROM: cannot read time (RFC 3339, a form sla-parse reads, or now) "2026-13-02"' ]
	run sla-time between 2026-03-03 2026-03-02
	[ "$status" -eq 2 ]
	[ "$output" = 'sla-time: TO: the end is before the start "2026-03-02"' ]
	run sla-time -z Europe/Berlin between 2026-03-29T02:30 2026-03-30
	[ "$status" -eq 2 ]
	[[ $output == *"Europe/Berlin"*'"2026-03-29T02:30"' ]]
	run sla-time --calendar nosuch between 2026-03-02 2026-03-03
	[ "$status" -eq 2 ]
	[ "$output" = 'sla-time: <default>: --calendar: no such calendar (there are: 24x7, 5x8) "nosuch"' ]
	run sla-time due 9999-12-31T12:00 1wd@close
	[ "$status" -eq 2 ]
	[[ $output == *"not reached before the year 10000"* ]]
}

@test "sla-time: usage errors exit 2 and point to --help" {
	run sla-time
	[ "$status" -eq 2 ]
	[[ $output == *"a command is needed"* ]]
	run sla-time between 2026-03-02
	[ "$status" -eq 2 ]
	[[ $output == *"two arguments"* ]]
	run sla-time elapsed 2026-03-02 2026-03-03
	[ "$status" -eq 2 ]
	[[ $output == *'unknown command "elapsed"'* ]]
	run sla-time --format csv between 2026-03-02 2026-03-03
	[ "$status" -eq 2 ]
	[[ $output == *"Try 'sla-time --help'."* ]]
	run sla-time --calendar 9x5 between 2026-03-02 2026-03-03
	[ "$status" -eq 2 ]
	[[ $output == *'no such calendar (there are: 24x7, 5x8) "9x5"' ]]
	run sla-time --policy "$DATA/no-such-policy.ini" between 2026-03-02 2026-03-03
	[ "$status" -eq 2 ]
}

@test "sla-time days: a holiday list of 19 dates on one line of 254 bytes" {
	run sla-time --policy "$DATA/policies/good-long-lines.ini" --format tsv days 2026-01-01 2026-12-31
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep -c 'holiday')" -eq 19 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "2026-10-07"' | grep -c holiday)" -eq 1 ]
}

# ---- holiday data: the years it covers, and where it is looked up --------------

@test "sla-time: a due time that runs past the years cn covers warns once, on standard error" {
	run --separate-stderr sla-time due 2026-12-31T17:00 8h
	[ "$status" -eq 0 ]
	[ "$output" = "2027-01-01T17:00:00+08:00" ]
	[ "$stderr" = 'sla-time: warning: calendar "5x8": 2027-01-01 is outside the years its holiday data "cn" covers (2019-2026); holidays after 2026 are not known' ]
	run --separate-stderr sla-time days 2018-12-28 2019-01-02
	[[ $stderr == *'2018-12-31 is outside the years its holiday data "cn" covers (2019-2026); holidays before 2019 are not known' ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	# inside the years: not a word
	run --separate-stderr sla-time due 2026-12-30T17:00 8h
	[ "$stderr" = "" ]
	# the built-in 24x7 has no holiday data to run out of
	run --separate-stderr sla-time --calendar 24x7 due 2026-12-31T17:00 8h
	[ "$output" = "2027-01-01T01:00:00+08:00" ]
	[ "$stderr" = "" ]
}

@test "sla-time days: 2019-2022 from the State Council notices, holidays and make-up workdays" {
	run sla-time --format tsv days 2022-10-01 2022-10-09
	[ "$status" -eq 0 ]
	# 国庆 2022: 1-7 October off, Saturday 8 and Sunday 9 worked
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "2022-10-03" { print $5 }')" = "holiday" ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "2022-10-08" { print $3, $5 }')" = "28800 workday" ]
	run sla-time between 2021-09-17T09:00 2021-09-23T09:00
	# 中秋 2021: Saturday 18 worked, 19-21 off; Friday 17, Saturday 18, Wednesday 22
	[ "$output" = "24h" ]
	run sla-time between 2020-01-23T09:00 2020-02-04T09:00
	# 春节 2020, extended to 2 February: Sunday 19 January worked, 1 February not
	[ "$output" = "16h" ]
	run sla-time between 2019-04-26T09:00 2019-05-07T09:00
	# 劳动节 2019 as changed in March: 1-4 May off, Sunday 28 April and 5 May worked
	[ "$output" = "48h" ]
}

@test "sla-time --calendars DIR, then SLA_CALENDARS, then the built-in copy" {
	run --separate-stderr sla-time --format tsv --calendars "$DATA/calendars/override" days 2027-01-01 2027-01-01
	[ "$status" -eq 0 ]
	[[ ${lines[1]} == "2027-01-01"*"holiday"* ]]
	[ "$stderr" = "" ]
	# the directory holds the set, so 2026 is outside its years now
	run --separate-stderr sla-time --calendars "$DATA/calendars/override" between 2026-12-31T09:00 2027-01-04T09:00
	[ "$output" = "8h" ]
	[[ $stderr == *'covers (2027-2027); holidays before 2027 are not known' ]]
	SLA_CALENDARS="$DATA/calendars/env" run --separate-stderr sla-time between 2026-12-31T09:00 2027-01-01T09:00
	[ "$output" = "0s" ]
	# the flag wins over the environment
	SLA_CALENDARS="$DATA/calendars/env" run sla-time --calendars "$DATA/calendars/override" \
		between 2026-12-31T09:00 2027-01-01T09:00
	[[ ${lines[0]} = "8h" ]]
	# a directory without the set falls through to the built-in copy
	SLA_CALENDARS="$BATS_TEST_TMPDIR" run --separate-stderr sla-time between 2022-10-03T09:00 2022-10-04T09:00
	[ "$output" = "0s" ]
	run sla-time --calendars "$DATA/no-such-dir" days 2026-01-01 2026-01-01
	[ "$status" -eq 2 ]
	[[ $output == *'--calendars: not a directory "'*"no-such-dir\""* ]]
}

@test "sla-time: a dates file without a covers line covers the years its dates span" {
	printf '[policy]\ntimezone = Asia/Shanghai\n[calendar office]\nmon-fri = 09:00-18:00\nholidays = %s\n' \
		"$DATA/calendars/company-days.tsv" > "$BATS_TEST_TMPDIR/p.ini"
	run --separate-stderr sla-time --policy "$BATS_TEST_TMPDIR/p.ini" between 2026-05-06T09:00 2026-05-07T09:00
	[ "$output" = "0s" ]
	[ "$stderr" = "" ]
	run --separate-stderr sla-time --policy "$BATS_TEST_TMPDIR/p.ini" due 2026-12-31T17:00 9h
	[ "$stderr" = "sla-time: warning: calendar \"office\": 2027-01-01 is outside the years its holiday data \"$DATA/calendars/company-days.tsv\" covers (2025-2026); holidays after 2026 are not known" ]
}

@test "sla-time: an option without its argument is one message and the hint, exit 2" {
	for opt in --calendar -c --policy --tz -z --calendars --format -f; do
		assert_usage_error "option needs an argument \"$opt\"" sla-time "$opt"
	done
	assert_usage_error 'unknown option "-x"' sla-time -x between 2026-03-02 2026-03-03
}

@test "sla-time: a failed write of standard output is said once, exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	assert_write_refused "the result" sla-time between 2026-03-02 2026-03-03
	assert_write_refused "the help" sla-time --help
}
