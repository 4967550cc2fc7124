#!/bin/sh
# Run bats files (arguments after the first) with every tool of the bin
# directory BIN (the first) under valgrind memcheck, and print TAP: the
# tests' own lines, then one line per tool that says whether any of its
# runs had a memory error or a leak (with the first report).
# Each run writes its own log; a clean run leaves it empty.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
shift
work=$(dirname "$bin")/valgrind
rm -rf "$work"
mkdir -p "$work/bin" "$work/log"
for t in "$bin"/sla-*; do
	name=${t##*/}
	cat > "$work/bin/$name" <<WRAP
#!/bin/sh
exec valgrind --quiet --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible \
	--suppressions="$here/valgrind.supp" \
	--log-file="$work/log/$name.%p" "$t" "\$@"
WRAP
	chmod +x "$work/bin/$name"
done
SLA_VALGRIND=1 SLA_BIN="$work/bin" bats --tap "$@" 2>&1 | sed 's/^\(not \)\{0,1\}ok [0-9]* /&valgrind: /'
for t in "$bin"/sla-*; do
	name=${t##*/}
	runs=$(find "$work/log" -name "$name.*" | wc -l)
	bad=$(find "$work/log" -name "$name.*" -size +0 | head -1)
	if [ -z "$bad" ]; then
		echo "ok - valgrind memcheck: $name, $runs runs, no error and no leak"
	else
		echo "not ok - valgrind memcheck: $name: see $bad"
		head -30 "$bad" | sed 's/^/# /'
	fi
done
