#!/bin/sh
# Run each libFuzzer harness (arguments) for FUZZ_SECONDS on a working copy
# of its corpus: tests/fuzz/corpus/NAME plus the files under tests/data.
# Two run at a time (the machines have two cores).  Prints one TAP line per
# harness; a crash leaves its input in build-fuzz/ and the harness's last
# lines as TAP diagnostics.
set -u
here=$(cd "$(dirname "$0")" && pwd)
secs=${FUZZ_SECONDS:-10}

one() {
	bin=$1 name=${1##*/fuzz_}
	work=build-fuzz/corpus-$name
	mkdir -p "$work"
	[ -d "$here/corpus/$name" ] && cp -r "$here/corpus/$name/." "$work/"
	find "$here/../data" -type f -size -256k -exec cp {} "$work/" \; 2>/dev/null
	log=build-fuzz/$name.log
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="build-fuzz/crash-$name-" "$work" > "$log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1)
		echo "ok - fuzz $name for ${secs}s (${runs:-no summary})"
	else
		echo "not ok - fuzz $name: see $log"
		tail -30 "$log" | sed 's/^/# /'
	fi > "build-fuzz/$name.tap"
}

if [ "${1:-}" = --one ]; then
	one "$2"
	exit 0
fi
printf '%s\n' "$@" | xargs -P 2 -n 1 sh "$0" --one
for bin in "$@"; do
	cat "build-fuzz/${bin##*/fuzz_}.tap"
done
