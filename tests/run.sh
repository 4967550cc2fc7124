#!/bin/sh
# Run one build's tests and print their results as TAP on standard output:
# each unit test program (arguments) through cmocka's TAP output, then every
# bats file under tests/cli.  SLA_BIN names the build's bin directory.
# Exit status 1 when a test program could not run at all.
set -u
here=$(cd "$(dirname "$0")" && pwd)
status=0
for t in "$@"; do
	echo "# unit: ${t##*/}"
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1 || true
done
if ls "$here"/cli/*.bats >/dev/null 2>&1; then
	echo "# cli: ${SLA_BIN}"
	bats --tap "$here"/cli/*.bats 2>&1 || true
fi
exit $status
