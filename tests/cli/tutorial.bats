#!/usr/bin/env bats
# The README's tutorial, run as written: its rules and the output it shows
# come from README.md itself, so that the page cannot drift from the tools.

load helpers
bats_require_minimum_version 1.5.0

README="$BATS_TEST_DIRNAME/../../README.md"

# The lines of README.md after the first line equal to START, up to the
# next line equal to END.
between() {
	awk -v start="$1" -v end="$2" '
		on && $0 == end { exit }
		on { print }
		$0 == start { on = 1 }' "$README"
}

# The lines of the first fenced block (```) after the first line of
# README.md that ends with TEXT.
block_after() {
	awk -v text="$1" '
		fence && /^```/ { exit }
		fence { print }
		seen && /^```/ { fence = 1 }
		!seen && length($0) >= length(text) && substr($0, length($0) - length(text) + 1) == text { seen = 1 }' "$README"
}

setup() {
	cd "$BATS_TEST_TMPDIR"
	sla-parse "$DATA/sample.csv" > tickets.tsv 2>/dev/null
	sla-classify --print-rules > generic.rules
}

@test "tutorial step 2: the site rule and what -v says of it are the tools' own" {
	between "cat > site.rules <<'EOF'" EOF > site.rules
	grep -q '^&' site.rules
	run --separate-stderr sla-classify -v --rules site.rules --rules generic.rules tickets.tsv
	[ "$status" -eq 0 ]
	shown=$(block_after "how many tickets each rule classified:" | grep -v '^\.\.\.$')
	[ -n "$shown" ]
	while IFS= read -r line; do
		grep -qxF -- "$line" <<< "$stderr" || { echo "not said: $line"; false; }
	done <<< "$shown"
	# the hospital's questions and feature requests are not made urgent
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$10 == "省人民医院" && $4 ~ /^(低|P4)$/ && $6 == "urgent"' | wc -l)" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$7 ~ /^site.rules:/ && $10 != "省人民医院"' | wc -l)" -eq 0 ]
}

@test "tutorial steps 3 and 4: the report's compliance table is what the tools print" {
	between "cat > site.rules <<'EOF'" EOF > site.rules
	sla-classify --rules site.rules --rules generic.rules tickets.tsv > classified.tsv 2>/dev/null
	sla-check --now 2026-11-01 classified.tsv > checks.tsv 2>/dev/null
	want=$(between '$ sla-report checks.tsv | head -11' '```')
	[ "$(printf '%s\n' "$want" | wc -l)" -eq 11 ]
	run sla-report checks.tsv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | head -11)" = "$want" ]
}

@test "tutorial step 5: rules of one's own for tiers of one's own, held against the contract" {
	printf '[policy]\ntimezone = Asia/Shanghai\n[calendar 5x8]\nmon-fri = 09:00-12:00, 13:00-18:00\nholidays = cn\nworkdays = cn\n[tier gold]\ncalendar = 24x7\nresponse = 1h\n[tier silver]\ncalendar = 5x8\nresponse = 8h\n' > contract.ini
	mapping=$(grep -m1 '^sed -E .* generic.rules > contract.rules$' "$README")
	[ -n "$mapping" ]
	eval "$mapping"
	run --separate-stderr sla-classify --rules contract.rules --policy contract.ini tickets.tsv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" | sla-check --policy contract.ini --now 2026-11-01 > checks.tsv 2>/dev/null
	! grep -q 'unknown tier' checks.tsv
	# with the embedded rules, the line the README shows
	shown=$(block_after 'gives a tier the contract does not have, one line a rule:')
	run --separate-stderr sla-classify --policy contract.ini tickets.tsv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$stderr" | head -1)" = "$shown" ]
	# and --fail-on invalid hears of the tickets sla-check could not measure
	run sla-check --policy contract.ini --now 2026-11-01 --fail-on invalid <<< "$output"
	[ "$status" -eq 1 ]
}
