# Shared by the bats files: the build under test and the test data.
# SLA_BIN is set by `make test`; run by hand, the normal build is used.
: "${SLA_BIN:=$BATS_TEST_DIRNAME/../../build/bin}"
PATH="$SLA_BIN:$PATH"
DATA="$BATS_TEST_DIRNAME/../data"
GOLDEN="$BATS_TEST_DIRNAME/golden"
export LC_ALL=C.UTF-8 TZ=UTC

# Compare standard output with a golden file; SLA_UPDATE_GOLDEN=1 rewrites it.
assert_golden() {
	if [ -n "${SLA_UPDATE_GOLDEN:-}" ]; then
		printf '%s\n' "$output" > "$GOLDEN/$1"
	fi
	diff -u "$GOLDEN/$1" <(printf '%s\n' "$output")
}

# TOOL ARGS... is a usage error: exit 2, nothing on standard output, and
# on standard error exactly the one message WANT and the hint to --help.
assert_usage_error() {
	local want=$1 tool=$2
	shift 2
	run --separate-stderr "$tool" "$@"
	[ "$status" -eq 2 ] || { echo "$tool $*: exit $status"; return 1; }
	[ -z "$output" ] || { echo "$tool $*: wrote $output"; return 1; }
	[ "$stderr" = "$tool: $want"$'\n'"Try '$tool --help'." ] ||
		{ echo "$tool $*: said $stderr"; return 1; }
}

# TOOL ARGS... with standard output on a full disk: exit 2 and the one
# message "TOOL: <stdout>: cannot write WHAT: No space left on device",
# nothing else.
assert_write_refused() {
	local what=$1 tool=$2
	shift 2
	run --separate-stderr sh -c '"$@" > /dev/full' _ "$tool" "$@"
	[ "$status" -eq 2 ] || { echo "$tool $*: exit $status"; return 1; }
	[ "$stderr" = "$tool: <stdout>: cannot write $what: No space left on device" ] ||
		{ echo "$tool $*: said $stderr"; return 1; }
}

# make install relinks the tools when PREFIX is not the build's (the data
# directory is compiled in), so a test that installs builds in a copy of
# the tree's build, up to date (only that object is rebuilt): the build
# under test is never relinked.  copy_build once a file (setup_file), then
# tree_make ARGS... for make in the tree with the copy.
copy_build() {
	local root="$BATS_TEST_DIRNAME/../.." f
	mkdir -p "$BATS_FILE_TMPDIR/build"
	for f in bin gen lib libsla.a; do
		[ ! -e "$root/build/$f" ] || cp -a "$root/build/$f" "$BATS_FILE_TMPDIR/build/"
	done
}
tree_make() {
	make -s -C "$BATS_TEST_DIRNAME/../.." BUILD="$BATS_FILE_TMPDIR/build" "$@"
}
