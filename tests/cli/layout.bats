#!/usr/bin/env bats
# The house (lib/README): lib/ is one folder a stage, and arrows go down:
# a file includes headers of its own folder and of earlier folders only.

load helpers

ROOT="$BATS_TEST_DIRNAME/../.."
ORDER="core time stream input policy classify check query report extract"

# The rank of folder $1 in ORDER, or nothing.
rank() {
	local i=0 d
	for d in $ORDER; do
		[ "$d" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
}

# Every "FILE -> HEADER" where FILE includes a header of a later folder.
upward_arrows() {
	local f h p from to
	for f in "$ROOT"/lib/*/*.[ch]; do
		from=${f#"$ROOT"/lib/}; from=${from%%/*}
		for h in $(sed -n 's/^#include "\(sla_[a-z0-9_]*\.h\)".*/\1/p' "$f"); do
			for p in "$ROOT"/lib/*/"$h"; do
				[ -f "$p" ] || continue
				to=${p#"$ROOT"/lib/}; to=${to%%/*}
				[ "$(rank "$to")" -le "$(rank "$from")" ] || echo "${f#"$ROOT"/} -> ${p#"$ROOT"/}"
			done
		done
	done
}

@test "lib/ holds only the folders lib/README names, and lib/data" {
	run bash -c "cd '$ROOT/lib' && ls -d */ | tr -d / | sort | tr '\n' ' '"
	want=$(printf '%s\n' $ORDER data | sort | tr '\n' ' ')
	[ "$output" = "$want" ]
	[ -z "$(find "$ROOT/lib" -maxdepth 1 -name '*.[ch]')" ]
	for d in $ORDER; do grep -q "^  $d/" "$ROOT/lib/README"; done
}

@test "arrows go down: no lib/ file includes a header of a later stage" {
	run upward_arrows
	[ "$status" -eq 0 ]
	[ -z "$output" ] || { echo "$output"; return 1; }
}

@test "the arrow check sees an upward include" {
	ROOT="$BATS_TEST_TMPDIR/tree"
	mkdir -p "$ROOT/lib/core" "$ROOT/lib/report"
	printf '#include "sla_report.h"\n' > "$ROOT/lib/core/mem.c"
	: > "$ROOT/lib/report/sla_report.h"
	run upward_arrows
	[ "$output" = "lib/core/mem.c -> lib/report/sla_report.h" ]
}
