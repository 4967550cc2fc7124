#!/usr/bin/env bats
# The completions (completions/bash, zsh, fish) driven in the real shells:
# each offers exactly the long options of the tool's --help, and the same
# values where an option takes one of a list.

load helpers
bats_require_minimum_version 1.5.0

COMP="$BATS_TEST_DIRNAME/../../completions"
TOOLS="sla-parse sla-classify sla-check sla-report sla-time sla-extract"

# The candidates each shell offers at the end of LINE (its first word the
# tool), sorted, one a line; a value after --opt= without the --opt=,
# which zsh and fish put back and bash, which breaks the word at the '=',
# never took away.  bash and zsh run interactively on a pseudo-terminal
# (complete-bash.zsh, complete.zsh), fish with complete -C.
bash_complete() {
	# readline needs a terminal type, which cron and env -i do not give
	TERM=xterm timeout 20 zsh -f "$BATS_TEST_DIRNAME/complete-bash.zsh" "$COMP/bash" "$1" | LC_ALL=C sort -u
}
fish_complete() {
	fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
		"$COMP/fish/${1%% *}.fish" "$1" | cut -f1 | sed 's/^--[a-z-]*=//' | LC_ALL=C sort -u
}
zsh_complete() {
	timeout 20 zsh -f "$BATS_TEST_DIRNAME/complete.zsh" "$COMP/zsh" "$1" |
		sed 's/^--[a-z-]*=//' | LC_ALL=C sort -u
}

# LINE completes to WANT (candidates joined by one blank) in all three.
alike() {
	local line=$1 want=$2 sh got
	for sh in bash zsh fish; do
		got=$("${sh}_complete" "$line" | tr '\n' ' ')
		[ "$got" = "$want " ] || { echo "$sh, '$line': '$got', not '$want '"; return 1; }
	done
}

# The long options of TOOL's --help, sorted, one a line.
help_options() {
	"$1" --help | sed -n 's/^ *\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' | LC_ALL=C sort -u
}

@test "bash, zsh and fish each complete -- to exactly the long options of --help" {
	for t in $TOOLS; do
		want=$(help_options "$t")
		[ "$(wc -l <<< "$want")" -ge 5 ]
		for sh in bash zsh fish; do
			got=$("${sh}_complete" "$t --")
			[ "$got" = "$want" ] || {
				echo "$sh, $t --:"; diff <(echo "$want") <(echo "$got"); return 1; }
		done
	done
}

@test "bash, zsh and fish complete an option's values alike" {
	alike 'sla-check --fail-on ' 'at-risk breach breached invalid overdue'
	alike 'sla-report --format ' 'csv html json markdown text tsv xlsx'
	alike 'sla-report --table over' 'overruns overview'
	alike 'sla-report --format j' 'json'
	alike 'sla-time ' 'between days due'
	alike 'sla-time --format ' 'text tsv'
	alike 'sla-parse --delimiter ' ', ; tab |'
	alike 'sla-parse --date-order ' 'dmy mdy'
	alike 'sla-extract --format ' 'policy tsv'
	alike 'sla-extract --format t' 'tsv'
	alike 'sla-extract -e GB' 'GB18030 GBK'
}

@test "bash, zsh and fish offer a letter, and a file for sla-extract --rules" {
	mkdir -p "$BATS_TEST_TMPDIR/l"
	touch "$BATS_TEST_TMPDIR/l/letter.txt" "$BATS_TEST_TMPDIR/l/draft.rules"
	cd "$BATS_TEST_TMPDIR/l"
	for sh in bash zsh fish; do
		got=$("${sh}_complete" "sla-extract l")
		[ "$got" = letter.txt ] || { echo "$sh: '$got'"; return 1; }
		got=$("${sh}_complete" "sla-extract --rules d")
		[ "$got" = draft.rules ] || { echo "$sh: '$got'"; return 1; }
	done
}

@test "bash, zsh and fish offer a policy file for --policy" {
	mkdir -p "$BATS_TEST_TMPDIR/w/sub"
	touch "$BATS_TEST_TMPDIR/w/contract.ini"
	cd "$BATS_TEST_TMPDIR/w"
	for sh in bash zsh fish; do
		got=$("${sh}_complete" "sla-check --policy c")
		[ "$got" = contract.ini ] || { echo "$sh: '$got'"; return 1; }
	done
}

@test "--opt=value: the value is completed as after --opt value" {
	touch "$BATS_TEST_TMPDIR/contract.ini" "$BATS_TEST_TMPDIR/checks.tsv"
	cd "$BATS_TEST_TMPDIR"
	alike 'sla-check --policy=c' 'contract.ini'
	alike 'sla-report --format=j' 'json'
	alike 'sla-report --format=' 'csv html json markdown text tsv xlsx'
	alike 'sla-check --fail-on=o' 'overdue'
	alike 'sla-parse --date-order=m' 'mdy'
	alike 'sla-time --format=t' 'text tsv'
	alike 'sla-extract --format=t' 'tsv'
	alike 'sla-extract --rules=c' 'checks.tsv contract.ini'
	alike 'sla-extract --tz=Asia/Sh' 'Asia/Shanghai'
}

@test "a comma list: the items before the last one stay" {
	alike 'sla-check --fail-on breach,ov' 'breach,overdue'
	alike 'sla-check --fail-on breach,overdue,a' 'breach,overdue,at-risk'
	alike 'sla-check --fail-on=breach,ov' 'breach,overdue'
}

@test "a file name with blanks is one candidate, typed plain, escaped or quoted" {
	mkdir "$BATS_TEST_TMPDIR/w"
	cd "$BATS_TEST_TMPDIR/w"
	touch 'my checks.tsv' 'my tickets.tsv' 'my contract.ini' plain.tsv
	for t in sla-parse sla-classify sla-check sla-report sla-extract; do
		alike "$t my" 'my checks.tsv my contract.ini my tickets.tsv'
	done
	alike 'sla-check --policy my' 'my contract.ini'
	alike 'sla-time --policy my' 'my checks.tsv my contract.ini my tickets.tsv'
	for sh in bash zsh; do
		got=$("${sh}_complete" 'sla-check my\ t')
		[ "$got" = 'my tickets.tsv' ] || { echo "$sh, my\\ t: '$got'"; return 1; }
	done
	got=$(bash_complete "sla-check 'my t")
	[ "$got" = 'my tickets.tsv' ] || { echo "bash, 'my t: '$got'"; return 1; }
}

@test "bash: the tools whose operands are files quote what they insert (-o filenames)" {
	for t in sla-parse sla-classify sla-check sla-report sla-extract; do
		run bash --norc --noprofile -c '. "$1"; complete -p "$2"' bash "$COMP/bash/$t" "$t"
		[[ "$output" == "complete -o filenames -F "* ]] || { echo "$t: $output"; return 1; }
	done
}

# One list of zones, the tz database's own names (tzdata.zi), in every
# tool and shell.
@test "--tz: every tool and shell offers the same zones, the tz database's" {
	zi=/usr/share/zoneinfo/tzdata.zi
	want=$(sed -n 's/^Z \([^ ]*\).*/\1/p; s/^L [^ ]* \([^ ]*\).*/\1/p' "$zi" | LC_ALL=C sort -u)
	[ "$(wc -l <<< "$want")" -ge 300 ]
	for t in sla-parse sla-check sla-report sla-time sla-extract; do
		for sh in bash zsh fish; do
			got=$("${sh}_complete" "$t --tz ")
			[ "$got" = "$want" ] || {
				echo "$sh, $t --tz:"; diff <(echo "$want") <(echo "$got") | head; return 1; }
		done
		alike "$t --tz Asia/Sh" 'Asia/Shanghai'
	done
}

# The calendars a policy defines, read through sla-check --print-policy,
# and the built-in 24x7.
@test "sla-time --calendar: the calendars of the policy on the command line" {
	printf '[policy]\ntimezone = UTC\n[calendar ops]\nmon-fri = 08:00-20:00\n[calendar  night ]\nmon-fri = 22:00-06:00\n' \
		> "$BATS_TEST_TMPDIR/p.ini"
	cd "$BATS_TEST_TMPDIR"
	alike 'sla-time --calendar ' '24x7 5x8'
	alike 'sla-time --policy p.ini --calendar ' '24x7 night ops'
	alike 'sla-time -p p.ini --calendar=' '24x7 night ops'
	alike 'sla-time --policy=p.ini -c o' 'ops'
}

# A completion that says anything on standard error breaks the line it
# completes (fish: an unquoted ; or | in a value list is a syntax error).
@test "no completion says anything on standard error, in any shell" {
	for t in $TOOLS; do
		for line in "$t " "$t --" "$t --policy " "$t --tz "; do
			for sh in bash zsh fish; do
				run --separate-stderr "${sh}_complete" "$line"
				[ -z "$stderr" ] || { echo "$sh, '$line': $stderr"; return 1; }
			done
		done
	done
	for sh in bash zsh fish; do
		run --separate-stderr "${sh}_complete" 'sla-parse --delimiter '
		[ -z "$stderr" ] || { echo "$sh: $stderr"; return 1; }
	done
}
