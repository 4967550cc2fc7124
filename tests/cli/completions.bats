#!/usr/bin/env bats
# The completions (completions/bash, zsh, fish) driven in the real shells:
# each offers exactly the long options of the tool's --help, and the same
# values where an option takes one of a list.

load helpers
bats_require_minimum_version 1.5.0

COMP="$BATS_TEST_DIRNAME/../../completions"
TOOLS="sla-parse sla-classify sla-check sla-report sla-time sla-extract"

# The candidates each shell offers at the end of LINE (its first word the
# tool), sorted, one a line.
bash_complete() {
	local tool=${1%% *}
	bash --norc --noprofile -c '
		source "$1/bash/$2"
		read -ra COMP_WORDS <<< "$3"
		[[ $3 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$3 COMP_POINT=${#3}
		"$(complete -p "$2" | sed "s/.*-F \([^ ]*\) .*/\1/")"
		printf "%s\n" "${COMPREPLY[@]}"' bash "$COMP" "$tool" "$1" | LC_ALL=C sort -u
}
fish_complete() {
	fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
		"$COMP/fish/${1%% *}.fish" "$1" | cut -f1 | LC_ALL=C sort -u
}
zsh_complete() {
	timeout 20 zsh -f "$BATS_TEST_DIRNAME/complete.zsh" "$COMP/zsh" "$1" | LC_ALL=C sort -u
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
	check() {
		local line=$1 want=$2 sh got
		for sh in bash zsh fish; do
			got=$("${sh}_complete" "$line" | tr '\n' ' ')
			[ "$got" = "$want " ] || { echo "$sh, '$line': '$got', not '$want '"; return 1; }
		done
	}
	check 'sla-check --fail-on ' 'at-risk breach breached invalid overdue'
	check 'sla-report --format ' 'csv html json markdown text tsv xlsx'
	check 'sla-report --table over' 'overruns overview'
	check 'sla-report --format j' 'json'
	check 'sla-time ' 'between days due'
	check 'sla-time --format ' 'text tsv'
	check 'sla-parse --delimiter ' ', ; tab |'
	check 'sla-parse --date-order ' 'dmy mdy'
	check 'sla-extract --format ' 'policy tsv'
	check 'sla-extract --format t' 'tsv'
	check 'sla-extract -e GB' 'GB18030 GBK'
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
