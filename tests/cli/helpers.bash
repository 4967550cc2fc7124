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
