#!/bin/sh
# Count the TAP results of `make check` and close with "N passed, N failed".
# A failing test is shown with the lines that follow it (its diagnostics);
# exit status 1 when anything failed or nothing ran.
set -u
tap=$1 err=$2
if [ -s "$err" ]; then
	echo "--- build and runner messages:"
	cat "$err"
fi
awk '
	/^not ok / { failed++; show = 1; print; next }
	/^ok /     { passed++; show = 0; next }
	/^#/ && show { print; next }
	/^(1\.\.|\[|#)/ { show = 0; next }
	show       { print }
	END {
		printf "%d passed, %d failed\n", passed, failed
		exit (failed > 0 || passed == 0) ? 1 : 0
	}' "$tap"
