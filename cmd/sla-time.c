/* sla-time: calendar arithmetic at the shell (sla-time(1)). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sla_calquery.h"
#include "sla_cli.h"
#include "sla_policy.h"

#define TOOL "sla-time"

static const char usage[] =
	"Usage: sla-time [OPTION]... between FROM TO\n"
	"  or:  sla-time [OPTION]... due START DURATION\n"
	"  or:  sla-time [OPTION]... days FROM TO\n"
	"Calendar arithmetic on a policy's business calendar.\n"
	"\n"
	"  between FROM TO       business time from FROM to TO\n"
	"  due START DURATION    when a target started at START is due; DURATION is\n"
	"                        8h, 1h30m, 2d, 3wd, 2wd@time or 1wd@close\n"
	"  days FROM TO          each day from FROM's date to TO's: business time,\n"
	"                        hours, holidays and make-up workdays with their names\n"
	"\n"
	"A time is in any form sla-parse reads: RFC 3339 (2026-03-02T09:30:00+08:00),\n"
	"a wall-clock time in the calendar's zone (2026-03-02T09:30, '2026/3/2 9:30'),\n"
	"a date (its 00:00); or now.\n"
	"\n"
	"  -c, --calendar NAME    the policy's calendar NAME (default: the first one\n"
	"                         the policy defines, else the built-in 24x7)\n"
	"  -p, --policy FILE      the policy (default: the embedded default policy)\n"
	"  -z, --tz ZONE          the policy's timezone instead of its own\n"
	"  -C, --calendars DIR    look bundled date sets (holidays = cn) up in DIR\n"
	"                         first (default: $SLA_CALENDARS, then the installed\n"
	"                         ones, then the built-in copy)\n"
	"  -s, --seconds          durations as integer seconds\n"
	"  -f, --format FORMAT    text (default) or tsv (with a header; seconds)\n"
	"  -q, --quiet            no warnings, only errors\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Exit status: 0 success, 2 usage or fatal error.  See sla-time(1).\n";

static const char shortopts[] = ":c:p:z:C:sf:qhV";

static const struct option longopts[] = {
	{ "calendar", required_argument, NULL, 'c' },
	{ "policy", required_argument, NULL, 'p' },
	{ "tz", required_argument, NULL, 'z' },
	{ "calendars", required_argument, NULL, 'C' },
	{ "seconds", no_argument, NULL, 's' },
	{ "format", required_argument, NULL, 'f' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	const char *calendar, *policy, *tz, *calendars;
	bool seconds, quiet, help, version;
	enum sla_calq_format format;
};

static int
parse_args(int argc, char **argv, struct args *a, const sla_diag *d)
{
	int c;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'c': a->calendar = optarg; break;
		case 'p': a->policy = optarg; break;
		case 'z': a->tz = optarg; break;
		case 'C':
			if (sla_cli_directory(d, "--calendars", optarg) != SLA_EXIT_OK)
				return SLA_EXIT_ERROR;
			a->calendars = optarg;
			break;
		case 's': a->seconds = true; break;
		case 'q': a->quiet = true; break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				a->format = SLA_CALQ_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				a->format = SLA_CALQ_TSV;
			else
				return sla_cli_usage_error(d, "--format: expected text or tsv \"%s\"",
							   optarg);
			break;
		case 'h': a->help = true; return SLA_EXIT_OK;
		case 'V': a->version = true; return SLA_EXIT_OK;
		default:
			/* "due START -1h": getopt takes the duration for options */
			if (c == '?' && optopt >= '0' && optopt <= '9')
				return sla_cli_usage_error(d, "a duration cannot be negative");
			return sla_cli_bad_option(d, c, shortopts, argv);
		}
	}
	return SLA_EXIT_OK;
}

/* OPS is a command and its two arguments: which command (0 between,
 * 1 due, 2 days), or -1 after a usage error. */
static int
command(char **ops, int nops, const sla_diag *d)
{
	static const char *const commands[] = { "between", "due", "days" };
	int cmd = -1;
	for (int i = 0; nops > 0 && i < 3; i++)
		if (strcmp(ops[0], commands[i]) == 0)
			cmd = i;
	if (nops == 0)
		sla_cli_usage_error(d, "a command is needed: between, due or days");
	else if (cmd < 0)
		sla_cli_usage_error(d, "unknown command \"%s\" (between, due or days)", ops[0]);
	else if (nops != 3)
		sla_cli_usage_error(d, "%s takes two arguments, %s", ops[0],
				    cmd == 1 ? "START and DURATION" : "FROM and TO");
	else
		return cmd;
	return -1;
}

static int
run(const struct args *a, char **ops, int nops, sla_diag *d)
{
	if (a->help)
		return sla_cli_help(d, usage);
	if (a->version)
		return sla_cli_version(d);
	int cmd = command(ops, nops, d);
	if (cmd < 0)
		return SLA_EXIT_ERROR;
	sla_policy *p = sla_policy_load_from(a->policy, &(sla_policy_overrides){ .tz = a->tz, .tz_name = "--tz",
								       .calendars = a->calendars }, d);
	if (!p)
		return SLA_EXIT_ERROR;
	sla_calendar *cal = sla_calq_pick_calendar(p, a->calendar, "--calendar", d);
	sla_writer *w = cal ? sla_writer_new(1) : NULL;
	int rc = SLA_EXIT_ERROR;
	if (w) {
		sla_calq q = { cal, a->format, a->seconds, (int64_t)time(NULL), w, d };
		int done = cmd == 0 ? sla_calq_between(&q, ops[1], ops[2])
			 : cmd == 1 ? sla_calq_due(&q, ops[1], ops[2])
				    : sla_calq_days(&q, ops[1], ops[2]);
		rc = done < 0 ? SLA_EXIT_ERROR : SLA_EXIT_OK;
		if (sla_cli_close_stdout(d, sla_writer_close(w), "the result") != SLA_EXIT_OK)
			rc = SLA_EXIT_ERROR;
		sla_policy_cover_warnings(p, d);
	}
	sla_policy_free(p);
	return rc;
}

int
main(int argc, char **argv)
{
	sla_diag d = sla_diag_init(TOOL);
	struct args a = { 0 };
	int rc = parse_args(argc, argv, &a, &d);
	d.level = a.quiet ? SLA_DIAG_ERRORS : SLA_DIAG_WARNINGS;
	if (rc == SLA_EXIT_OK)
		rc = run(&a, argv + optind, argc - optind, &d);
	return rc;
}
