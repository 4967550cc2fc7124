#!/usr/bin/env bats
# make install and uninstall lay out and remove what each ecosystem looks for.

load helpers
bats_require_minimum_version 1.5.0

ROOT="$BATS_TEST_DIRNAME/../.."

setup_file() {
	copy_build	# installs relink (helpers.bash)
}

setup() {
	DEST="$BATS_TEST_TMPDIR/dest"
}

# What make install must lay out under PREFIX, from the tree itself: one
# "installed-path source" line a file, sorted.
expected_files() {
	(
		cd "$ROOT" || exit 1
		for f in cmd/sla-*.c; do t=${f#cmd/}; t=${t%.c}; echo "bin/$t build/bin/$t"; done
		for f in man/*.[157]; do echo "share/man/man${f##*.}/${f#man/} $f"; done
		for f in lib/data/*.ini lib/data/*.rules; do echo "share/sla-tools/${f#lib/data/} $f"; done
		for f in lib/data/calendars/*.tsv lib/data/examples/*.ini; do
			echo "share/sla-tools/${f#lib/data/} $f"
		done
		for f in completions/bash/*; do echo "share/bash-completion/completions/${f##*/} $f"; done
		for f in completions/zsh/*; do echo "share/zsh/site-functions/${f##*/} $f"; done
		for f in completions/fish/*; do echo "share/fish/vendor_completions.d/${f##*/} $f"; done
	) | LC_ALL=C sort
}

@test "make install honours DESTDIR and PREFIX; uninstall removes every file" {
	tree_make install DESTDIR="$DEST" PREFIX=/opt/sla >/dev/null
	for t in sla-parse sla-classify sla-check sla-report sla-time sla-extract; do
		[ -x "$DEST/opt/sla/bin/$t" ]
		[ -f "$DEST/opt/sla/share/man/man1/$t.1" ]
		[ -f "$DEST/opt/sla/share/bash-completion/completions/$t" ]
		[ -f "$DEST/opt/sla/share/zsh/site-functions/_$t" ]
		[ -f "$DEST/opt/sla/share/fish/vendor_completions.d/$t.fish" ]
	done
	[ -f "$DEST/opt/sla/share/man/man5/sla-policy.5" ]
	[ -f "$DEST/opt/sla/share/man/man5/sla-rules.5" ]
	[ -f "$DEST/opt/sla/share/man/man7/sla.7" ]
	[ -f "$DEST/opt/sla/share/sla-tools/calendars/cn.tsv" ]
	[ -f "$DEST/opt/sla/share/sla-tools/examples/contract.ini" ]
	"$DEST/opt/sla/bin/sla-time" --version
	tree_make uninstall DESTDIR="$DEST" PREFIX=/opt/sla >/dev/null
	[ -z "$(find "$DEST" -type f)" ]
}

@test "make install lays out every file of the tree that it should, each a copy, and nothing else" {
	tree_make install DESTDIR="$DEST" PREFIX=/opt/sla >/dev/null
	expected_files > "$BATS_TEST_TMPDIR/want"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/want")" -ge 30 ]
	(cd "$DEST/opt/sla" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) > "$BATS_TEST_TMPDIR/got"
	diff -u <(cut -d' ' -f1 "$BATS_TEST_TMPDIR/want") "$BATS_TEST_TMPDIR/got"
	while read -r path src; do
		case $path in
		bin/*) continue ;;	# built, not copied from the tree
		share/man/*)	# FILES name the installed data directory
			sed 's|/usr/local/share/sla-tools|/opt/sla/share/sla-tools|g' "$ROOT/$src" |
				cmp - "$DEST/opt/sla/$path" || { echo "$path differs from $src"; return 1; } ;;
		*) cmp "$ROOT/$src" "$DEST/opt/sla/$path" || { echo "$path differs from $src"; return 1; } ;;
		esac
	done < "$BATS_TEST_TMPDIR/want"
}

@test "the installed example contract lints clean and prices the sample's breaches" {
	tree_make install DESTDIR="$DEST" PREFIX=/opt/sla >/dev/null
	ex="$DEST/opt/sla/share/sla-tools/examples/contract.ini"
	run --separate-stderr sla-check --lint --policy "$ex"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *": 0 warnings" ]]
	run --separate-stderr bash -c "set -o pipefail; sla-parse '$DATA/sample.csv' 2>/dev/null | sla-classify \
		| sla-check --policy '$ex' --now 2026-11-01T00:00:00+08:00 | sla-report --policy '$ex'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Penalty statement — 2026-09 — "* ]]
	[[ "$output" == *"Penalty statement — 2026-10 — "* ]]
	[[ "$output" == *"Sum of per-breach penalties"* ]]
	[[ "$output" == *"Service credit"* ]]
}

@test "make demo: a second pass with the example contract shows penalty statements" {
	run --separate-stderr make -s -C "$ROOT" demo
	[ "$status" -eq 0 ]
	[ "$(grep -c '^\$ sla-parse tests/data/sample.csv' <<< "$output")" -eq 2 ]
	[[ "$output" == *'$ sla-parse tests/data/sample.csv | sla-classify | sla-check --policy lib/data/examples/contract.ini'* ]]
	[[ "$output" == *"Contract    sla-tools default (reference commitment letters)"* ]]
	[[ "$output" == *"Contract"*" 广播系统维保合同 (example)"* ]]
	[ "$(grep -c '^Penalty statement — ' <<< "$output")" -ge 2 ]
	first=${output%%'$ sla-parse tests/data/sample.csv | sla-classify | sla-check --policy'*}
	[[ "$first" != *"Penalty statement"* ]]
}

# DATADIR follows PREFIX: a plain make, then make install with another
# PREFIX, and the installed tools read the date sets installed there; the
# man pages name that directory; a second install rebuilds nothing.
@test "make install PREFIX=P after a plain make: the tools and man pages use P/share/sla-tools" {
	prefix="$BATS_TEST_TMPDIR/prefix"
	tree_make >/dev/null
	tree_make install PREFIX="$prefix" >/dev/null
	printf '2026-03-04\tholiday\tOnly installed\n' > "$prefix/share/sla-tools/calendars/only-here.tsv"
	printf '[policy]\ntimezone = UTC\n[calendar w]\nmon-fri = 09:00-17:00\nholidays = only-here\n' \
		> "$BATS_TEST_TMPDIR/p.ini"
	run --separate-stderr "$prefix/bin/sla-time" --policy "$BATS_TEST_TMPDIR/p.ini" --calendar w \
		days 2026-03-04 2026-03-04
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	[[ "$output" == *"holiday: Only installed"* ]]
	grep -q "^\.It Pa $prefix/share/sla-tools/" "$prefix/share/man/man7/sla.7"
	! grep -rq /usr/local/share/sla-tools "$prefix/share/man"
	run make -C "$ROOT" BUILD="$BATS_FILE_TMPDIR/build" install PREFIX="$prefix"
	[ "$status" -eq 0 ]
	[[ "$output" != *"ar rcs"* && "$output" != *" -o $BATS_FILE_TMPDIR/build/"* ]] ||
		{ echo "$output"; return 1; }
	# the tree's default again: relinked, and back to /usr/local
	tree_make >/dev/null
	run --separate-stderr "$BATS_FILE_TMPDIR/build/bin/sla-time" --policy "$BATS_TEST_TMPDIR/p.ini" \
		--calendar w days 2026-03-04 2026-03-04
	[ "$status" -eq 2 ]
}

# Each shell looks where make install puts its completions for the
# default PREFIX, /usr/local: bash-completion below XDG_DATA_DIRS's
# default, zsh on Debian's fpath.
@test "PREFIX=/usr/local: the zsh completions land on zsh's own fpath" {
	tree_make install DESTDIR="$DEST" PREFIX=/usr/local >/dev/null
	dir=$(cd "$DEST" && ls -d usr/local/share/zsh/*/)
	dir=/${dir%/}
	zsh -fc 'print -l $fpath' | grep -qx -- "$dir" || { echo "$dir is not on zsh's fpath"; return 1; }
	[ -f "$DEST$dir/_sla-check" ]
	[ -f "$DEST/usr/local/share/bash-completion/completions/sla-check" ]
}
