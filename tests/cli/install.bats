#!/usr/bin/env bats
# make install and uninstall lay out and remove what each ecosystem looks for.

load helpers

setup() {
	ROOT="$BATS_TEST_DIRNAME/../.."
	DEST="$BATS_TEST_TMPDIR/dest"
}

@test "make install honours DESTDIR and PREFIX; uninstall removes every file" {
	make -s -C "$ROOT" install DESTDIR="$DEST" PREFIX=/opt/sla >/dev/null
	for t in sla-parse sla-classify sla-check sla-report sla-time; do
		[ -x "$DEST/opt/sla/bin/$t" ]
		[ -f "$DEST/opt/sla/share/man/man1/$t.1" ]
		[ -f "$DEST/opt/sla/share/bash-completion/completions/$t" ]
		[ -f "$DEST/opt/sla/share/zsh/vendor-completions/_$t" ]
		[ -f "$DEST/opt/sla/share/fish/vendor_completions.d/$t.fish" ]
	done
	[ -f "$DEST/opt/sla/share/man/man5/sla-policy.5" ]
	[ -f "$DEST/opt/sla/share/man/man5/sla-rules.5" ]
	[ -f "$DEST/opt/sla/share/man/man7/sla.7" ]
	[ -f "$DEST/opt/sla/share/sla-tools/calendars/cn.tsv" ]
	"$DEST/opt/sla/bin/sla-time" --version
	make -s -C "$ROOT" uninstall DESTDIR="$DEST" PREFIX=/opt/sla >/dev/null
	[ -z "$(find "$DEST" -type f)" ]
}
