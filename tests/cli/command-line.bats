#!/usr/bin/env bats
# A refused command line, in every tool: one message that names the tool
# by its name however it was run (by a path, from any directory), then the
# hint, exit 2, nothing on standard output (sla(7), WHAT HAPPENS TO BAD
# INPUT).  getopt's own message, with the path and said a second time, is
# never printed.

load helpers
bats_require_minimum_version 1.5.0

# An option that takes a value, in each tool.
value_option() {
	case $1 in
	sla-parse) echo --tz ;;
	sla-classify) echo --rules ;;
	*) echo --policy ;;
	esac
}

# PATH_TO_TOOL ARGS... is refused with "NAME: WANT" and the hint, once.
refused() {
	local want=$1 tool=$2
	shift 2
	local name=${tool##*/}
	run --separate-stderr "$tool" "$@"
	[ "$status" -eq 2 ] || { echo "$tool $*: exit $status"; return 1; }
	[ -z "$output" ] || { echo "$tool $*: wrote $output"; return 1; }
	[ "$stderr" = "$name: $want"$'\n'"Try '$name --help'." ] ||
		{ echo "$tool $*: said $stderr"; return 1; }
}

@test "an unknown option, run by its full path: the tool's name, once" {
	bin=$(cd "$SLA_BIN" && pwd)
	for t in sla-parse sla-classify sla-check sla-report sla-time; do
		refused 'unknown option "--bogus"' "$bin/$t" --bogus
		refused 'unknown option "-Q"' "$bin/$t" -Q
		refused 'unknown option "--bogus=1"' "$bin/$t" --bogus=1
	done
}

@test "a missing argument, run by its full path: the tool's name, once" {
	bin=$(cd "$SLA_BIN" && pwd)
	for t in sla-parse sla-classify sla-check sla-report sla-time; do
		opt=$(value_option "$t")
		refused "option needs an argument \"$opt\"" "$bin/$t" "$opt"
	done
}

@test "run by a relative path from its own directory: the tool's name, once" {
	cd "$SLA_BIN"
	for t in sla-parse sla-classify sla-check sla-report sla-time; do
		refused 'unknown option "--bogus"' "./$t" --bogus
		opt=$(value_option "$t")
		refused "option needs an argument \"$opt\"" "./$t" "$opt"
	done
}
