#!/usr/bin/env bats
# The man pages as a reader gets them: rendered (mandoc -T utf8), with no
# quote that swallowed its neighbours; FILES naming installed paths; the
# environment each tool reads in its ENVIRONMENT.

load helpers
bats_require_minimum_version 1.5.0

MAN="$BATS_TEST_DIRNAME/../../man"

# The lines of the rendered PAGE with a nested or an empty quote: ‘‘, ’’,
# ‘’, and the same of double quotes (an .Ql or .Dq that ran on to the end
# of its line, over the next one, or one with nothing inside).
quote_artefacts() {
	mandoc -T utf8 "$1" | sed 's/.\x08//g' | grep -n -e '‘‘' -e '’’' -e '‘’' -e '““' -e '””' -e '“”'
}

# The .Sh NAME section of PAGE, as written.
section() {
	sed -n "/^\.Sh $2\$/,/^\.Sh /p" "$1" | sed '$d'
}

@test "every man page renders without a nested or an empty quote" {
	n=0
	for m in "$MAN"/*.[157]; do
		run quote_artefacts "$m"
		[ -z "$output" ] || { echo "${m##*/}: $output"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -eq 9 ]
}

@test "the quote check sees .Pq Ql a , Ql b and .Ql [ ]" {
	printf '.Dd March 1, 2026\n.Dt T 1\n.Os\n.Sh NAME\n.Nm t\n.Nd t\n.Sh DESCRIPTION\n%s\n' \
		'.Pq Ql a , Ql b' > "$BATS_TEST_TMPDIR/a.1"
	run quote_artefacts "$BATS_TEST_TMPDIR/a.1"
	[ -n "$output" ]
	printf '.Dd March 1, 2026\n.Dt T 1\n.Os\n.Sh NAME\n.Nm t\n.Nd t\n.Sh DESCRIPTION\n%s\n' \
		'.Ql [ ] .' > "$BATS_TEST_TMPDIR/b.1"
	run quote_artefacts "$BATS_TEST_TMPDIR/b.1"
	[ -n "$output" ]
}

@test "FILES name installed paths, not the source tree's" {
	for m in "$MAN"/*.[157]; do
		files=$(section "$m" FILES)
		[ -n "$files" ] || continue
		! grep -n 'lib/data\|Pa share/\|\.It Pa [^/]' <<< "$files" || {
			echo "${m##*/}: a path that is not installed"; return 1; }
		grep -q '^\.It Pa /usr/local/share/sla-tools/' <<< "$files" || {
			echo "${m##*/}: no installed path"; return 1; }
	done
}

# What each tool reads from its environment (getenv in lib/ and cmd/):
# TZDIR wherever a zone is loaded, SLA_CALENDARS wherever a policy's date
# sets are, and the locale of sla-report's labels.
@test "each tool's ENVIRONMENT names what it reads" {
	want() {
		case $1 in
		sla-parse) echo TZDIR ;;
		sla-check | sla-time) echo SLA_CALENDARS TZDIR ;;
		sla-report) echo LC_ALL LC_MESSAGES LANG TZDIR ;;
		esac
	}
	for t in sla-parse sla-check sla-report sla-time; do
		env=$(section "$MAN/$t.1" ENVIRONMENT)
		for v in $(want "$t"); do
			grep -q "^\.It Ev .*$v" <<< "$env" || { echo "$t(1) lacks $v"; return 1; }
		done
	done
}
