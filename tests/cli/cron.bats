#!/usr/bin/env bats
# README's nightly report from cron, as written: its setup lines and its
# crontab, read from the README itself, run the way cron runs a job
# (env -i, the crontab's SHELL and PATH, % and \% as cron reads them),
# against tools installed into a prefix that stands for /usr/local, in a
# directory that stands for /srv/sla, with a mail that keeps what it was
# given.  What the job writes is what cron would mail.

load helpers
bats_require_minimum_version 1.5.0

README="$BATS_TEST_DIRNAME/../../README.md"

setup_file() {
	copy_build
	export PREFIX_DIR="$BATS_FILE_TMPDIR/usr/local"
	tree_make install PREFIX="$PREFIX_DIR" >/dev/null
	# mail(1) as bsd-mailx takes it: -s SUBJECT ADDRESS, the body on stdin
	cat > "$PREFIX_DIR/bin/mail" <<-'MAIL'
	#!/bin/sh
	n=$(ls "$MAILBOX" 2>/dev/null | wc -l)
	{ printf 'args:'; printf ' [%s]' "$@"; echo; cat; } > "$MAILBOX/$n"
	MAIL
	chmod +x "$PREFIX_DIR/bin/mail"
}

setup() {
	JOB="$BATS_TEST_TMPDIR/srv/sla"
	export MAILBOX="$BATS_TEST_TMPDIR/mailbox"
	mkdir -p "$MAILBOX"
}

# The fenced block of kind KIND (sh, cron) in README's cron section, with
# /usr/local and /srv/sla standing for the test's.
recipe() {
	awk -v kind="$1" '
		/^## / { in_cron = ($0 == "## A nightly report from cron") }
		in_cron && $0 == "```" kind { on = 1; next }
		on && /^```/ { exit }
		on' "$README" |
		sed -e "s|/usr/local|$PREFIX_DIR|g" -e "s|/srv/sla|$JOB|g"
}

# Run the job of the crontab the way cron runs it: each NAME=value line
# sets the job's environment (over cron's SHELL=/bin/sh, PATH=/usr/bin:/bin,
# HOME and LOGNAME), the five time fields go, \% is %, and an unescaped %
# ends the command (the rest is its standard input); then
# env -i NAME=value... $SHELL -c COMMAND, standard output and error
# together, as cron mails them.  SH_OVERRIDE replaces the crontab's SHELL.
run_cron_job() {
	local -a env=(SHELL=/bin/sh PATH=/usr/bin:/bin HOME="$BATS_TEST_TMPDIR" LOGNAME=sla MAILBOX="$MAILBOX")
	local line cmd= m h dom mon dow
	while IFS= read -r line; do
		case $line in
		'#'* | '') ;;
		[A-Za-z_]*=*) env+=("$line") ;;
		*) read -r m h dom mon dow cmd <<< "$line" ;;
		esac
	done < <(recipe cron)
	[ -n "$cmd" ] || { echo "no job in README's crontab"; return 1; }
	local input= rest=$cmd
	cmd=
	while [[ $rest == *%* ]]; do
		local before=${rest%%\%*}
		rest=${rest#*\%}
		if [[ $before == *\\ ]]; then
			cmd+=${before%\\}%
		else
			cmd+=$before input=${rest//%/$'\n'} rest=
			break
		fi
	done
	cmd+=$rest
	local shell
	for line in "${env[@]}"; do [[ $line == SHELL=* ]] && shell=${line#SHELL=}; done
	shell=${SH_OVERRIDE:-$shell}
	run env -i "${env[@]}" "$shell" -c "$cmd" <<< "$input" 2>&1
}

# The setup lines, as a user runs them at a shell, and an export dropped
# in as exports/latest.csv.
set_up_job() {
	run env -i PATH="$PREFIX_DIR/bin:/usr/bin:/bin" HOME="$BATS_TEST_TMPDIR" sh -ec "$(recipe sh)"
	[ "$status" -eq 0 ] || { echo "setup: $output"; return 1; }
	[ -f "$JOB/contract.ini" ] && [ -f "$JOB/contract.rules" ] && [ -d "$JOB/exports" ]
	cp "$1" "$JOB/exports/latest.csv"
}

# A Jira export without first-response, on-site or replacement columns,
# all kept: what a night without news looks like.
quiet_export() {
	cat > "$BATS_TEST_TMPDIR/jira.csv" <<-'CSV'
	Issue key,Summary,Priority,Created,Resolved,Organizations
	OPS-1,Printer jam on floor 3,Medium,2026-03-02 10:00,2026-03-02 11:00,Beijing Radio
	OPS-2,Playout server down,Highest,2026-03-03 09:05,2026-03-03 10:00,Beijing Radio
	CSV
	echo "$BATS_TEST_TMPDIR/jira.csv"
}

@test "README's crontab sets SHELL and PATH, and runs a job" {
	run recipe cron
	[[ "$output" == *"SHELL=/bin/bash"* ]]
	[[ "$output" == *"PATH=$PREFIX_DIR/bin:/usr/bin:/bin"* ]]
	[ "$(grep -c '^[0-9*]' <<< "$output")" -eq 1 ]
}

@test "a night with nothing to say: the report is mailed, cron mails nothing, exit 0" {
	set_up_job "$(quiet_export)"
	run_cron_job
	[ "$status" -eq 0 ] || { echo "exit $status: $output"; return 1; }
	[ -z "$output" ] || { echo "cron would mail: $output"; return 1; }
	[ "$(ls "$MAILBOX" | wc -l)" -eq 1 ]
	mail=$(cat "$MAILBOX/0")
	[[ "$mail" == "args: [-s] [SLA report $(date +%F)] [servicedesk@example.com]"$'\n'* ]]
	[[ "$mail" == *"Penalty statement"* || "$mail" == *"Compliance"* ]]
	[ -s "$JOB/checks.tsv" ]
}

@test "an overdue commitment: the report is mailed, and cron mails the one line that says so" {
	f=$(quiet_export)
	echo 'OPS-3,Encoder fails every night,Highest,2026-10-05 09:00,,Beijing Radio' >> "$f"
	set_up_job "$f"
	run_cron_job
	[ "$status" -eq 1 ]
	[ "$output" = "SLA check: exit 1 (1: a commitment is overdue; 2: an error, above)" ]
	[ "$(ls "$MAILBOX" | wc -l)" -eq 1 ]
	grep -q OPS-3 "$MAILBOX/0"
}

@test "no export: cron mails the error, and the line that says so" {
	set_up_job "$(quiet_export)"
	rm "$JOB/exports/latest.csv"
	run_cron_job
	[ "$status" -eq 2 ]
	[[ "$output" == "sla-parse: exports/latest.csv: cannot open: No such file or directory"$'\n'* ]]
	[[ "$output" == *$'\n'"SLA check: exit 2 (1: a commitment is overdue; 2: an error, above)" ]]
}

# Why the crontab sets SHELL: Debian's /bin/sh is dash, which has no
# pipefail, so under cron's own shell the job stops at its first command.
@test "the same job under dash, cron's /bin/sh on Debian, fails: SHELL=/bin/bash is needed" {
	set_up_job "$(quiet_export)"
	SH_OVERRIDE=dash run_cron_job
	[ "$status" -ne 0 ]
	[[ "$output" == *pipefail* ]]
	[ "$(ls "$MAILBOX" | wc -l)" -eq 0 ]
}
