/* sla-check: each ticket measured against the policy (sla-check(1)). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_check.h"
#include "sla_cli.h"
#include "sla_list.h"
#include "sla_policy.h"
#include "sla_stream.h"

#define TOOL "sla-check"

static const char usage[] =
	"Usage: sla-check [OPTION]... [FILE]...\n"
	"Measure each ticket of the ticket stream (FILEs, or standard input)\n"
	"against the policy: one row per ticket and metric with a target.\n"
	"\n"
	"  -p, --policy FILE      the policy (default: the embedded default policy)\n"
	"  -n, --now TIME         measure as of TIME (RFC 3339, or a date for its 00:00;\n"
	"                         default: the current time); stops and pauses after\n"
	"                         TIME have not happened yet\n"
	"  -z, --tz ZONE          the policy's timezone instead of its own\n"
	"  -C, --calendars DIR    look bundled date sets (holidays = cn) up in DIR\n"
	"                         first (default: $SLA_CALENDARS, then the installed\n"
	"                         ones, then the built-in copy)\n"
	"  -k, --keep COL,...     carry these ticket columns along, at the end\n"
	"  -f, --fail-on LIST     exit 1 when a row of these statuses was written:\n"
	"                         breach, overdue, at-risk, invalid (comma-separated)\n"
	"  -s, --strict           any invalid row is a fatal error (exit 2)\n"
	"      --max-line SIZE    longest line of the stream (K, M, G suffixes;\n"
	"                         default 64M)\n"
	"  -l, --lint             check the policy for errors and traps, read no tickets\n"
	"  -P, --print-policy     print the policy in force and exit\n"
	"  -q, --quiet            no warnings, only errors (--lint still lists its own)\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Exit status: 0 success, 1 a --fail-on status was written, 2 error.\n";

enum { OPT_MAX_LINE = 256 };

static const char shortopts[] = ":p:n:z:C:k:f:slPqhV";

static const struct option longopts[] = {
	{ "policy", required_argument, NULL, 'p' },
	{ "now", required_argument, NULL, 'n' },
	{ "tz", required_argument, NULL, 'z' },
	{ "calendars", required_argument, NULL, 'C' },
	{ "keep", required_argument, NULL, 'k' },
	{ "fail-on", required_argument, NULL, 'f' },
	{ "strict", no_argument, NULL, 's' },
	{ "max-line", required_argument, NULL, OPT_MAX_LINE },
	{ "lint", no_argument, NULL, 'l' },
	{ "print-policy", no_argument, NULL, 'P' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	const char *policy, *now, *tz, *calendars;
	char *keep_text;	/* owned copy of --keep, cut at the commas */
	const char **keep;
	size_t nkeep;
	unsigned fail_on;
	size_t max_line;	/* 0: the reader's default */
	bool strict, lint, print, quiet, help, version;
};

/* "breach,overdue": the statuses that fail the run. */
static int
parse_fail_on(const char *list, unsigned *bits)
{
	static const struct { const char *name; enum sla_status status; } names[] = {
		{ "breach", SLA_BREACHED }, { "breached", SLA_BREACHED },
		{ "overdue", SLA_OVERDUE }, { "at-risk", SLA_AT_RISK },
		{ "invalid", SLA_INVALID },
	};
	for (const char *s = list; s && *s;) {
		size_t n;
		const char *item = sla_list_next(&s, &n);
		size_t i = 0;
		while (i < sizeof names / sizeof *names &&
		       !(strlen(names[i].name) == n && memcmp(names[i].name, item, n) == 0))
			i++;
		if (i == sizeof names / sizeof *names)
			return -1;
		*bits |= SLA_STATUS_BIT(names[i].status);
	}
	return 0;
}

static int
parse_keep(struct args *a, const char *list)
{
	free(a->keep_text);
	free(a->keep);
	a->nkeep = sla_list_count(list);
	a->keep_text = strdup(list);
	a->keep = calloc(a->nkeep, sizeof *a->keep);
	if (!a->keep_text || !a->keep)
		return -1;
	size_t i = 0;
	for (const char *s = a->keep_text; s; i++) {
		size_t n;
		size_t at = (size_t)(sla_list_next(&s, &n) - a->keep_text);
		if (n == 0)
			return -1;
		a->keep_text[at + n] = '\0';	/* where its comma was */
		a->keep[i] = a->keep_text + at;
	}
	return 0;
}

static int
parse_args(int argc, char **argv, struct args *a, const sla_diag *d)
{
	int c;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'p': a->policy = optarg; break;
		case 'n': a->now = optarg; break;
		case 'z': a->tz = optarg; break;
		case 'C':
			if (sla_cli_directory(d, "--calendars", optarg) != SLA_EXIT_OK)
				return SLA_EXIT_ERROR;
			a->calendars = optarg;
			break;
		case 'k':
			if (parse_keep(a, optarg) < 0)
				return sla_cli_usage_error(d, "--keep: expected COL,... \"%s\"", optarg);
			break;
		case 'f':
			if (parse_fail_on(optarg, &a->fail_on) < 0)
				return sla_cli_usage_error(d, "--fail-on: expected breach, overdue, "
							   "at-risk or invalid \"%s\"", optarg);
			break;
		case 's': a->strict = true; break;
		case OPT_MAX_LINE:
			if (sla_cli_size(optarg, &a->max_line) < 0)
				return sla_cli_usage_error(d, "--max-line: want a size like 64M: \"%s\"", optarg);
			break;
		case 'l': a->lint = true; break;
		case 'P': a->print = true; break;
		case 'q': a->quiet = true; break;
		case 'h': a->help = true; return SLA_EXIT_OK;
		case 'V': a->version = true; return SLA_EXIT_OK;
		default: return sla_cli_bad_option(d, c, shortopts, argv);
		}
	}
	return SLA_EXIT_OK;
}

/* --lint: the warnings, then their count, placed at the policy file;
 * they are what was asked for, so -q does not hold them back. */
static int
lint(sla_policy *p, int64_t now, const sla_diag *d)
{
	sla_diag all = *d;
	all.level = SLA_DIAG_WARNINGS;
	size_t n = sla_policy_lint(p, &all, now);
	sla_diag_msg(d, sla_policy_file(p), 0, NULL, NULL, 0, "%zu warning%s", n,
		     n == 1 ? "" : "s");
	return SLA_EXIT_OK;
}

static int
print_policy(const sla_policy *p, const sla_diag *d)
{
	size_t len;
	const char *text = sla_policy_text(p, &len);
	fwrite(text, 1, len, stdout);
	return sla_cli_close_stdout(d, 0, "the policy");
}

/* The checker's messages name the options behind its settings. */
static const sla_check_names option_names = { "--keep", "--strict", "--now" };

/* The check stream of FILES on standard output; exit 1 when a row has a
 * status of --fail-on. */
static int
check(const struct args *a, sla_policy *p, int64_t now, char **files, size_t nfiles,
      sla_diag *d)
{
	sla_reader *r = sla_reader_open_max(files, nfiles, a->max_line, d);
	sla_writer *w = r ? sla_writer_new(1) : NULL;
	int rc = SLA_EXIT_ERROR;
	if (w) {
		sla_check_opts o = { now, a->keep, a->nkeep, a->strict, option_names };
		int seen = sla_check_run(p, r, w, &o, d);
		rc = seen < 0 ? SLA_EXIT_ERROR
		   : (unsigned)seen & a->fail_on ? SLA_EXIT_FAIL : SLA_EXIT_OK;
		sla_diag_summary(d);
		sla_policy_cover_warnings(p, d);
		if (sla_cli_close_stdout(d, sla_writer_close(w), "the check stream") != SLA_EXIT_OK)
			rc = SLA_EXIT_ERROR;
	}
	sla_reader_free(r);
	return rc;
}

static int
run(const struct args *a, char **files, size_t nfiles, sla_diag *d)
{
	if (a->help)
		return sla_cli_help(d, usage);
	if (a->version)
		return sla_cli_version(d);
	int64_t now;
	const char *why;
	sla_policy *p = sla_policy_load_from(a->policy, &(sla_policy_overrides){ .tz = a->tz, .tz_name = "--tz",
								       .calendars = a->calendars }, d);
	if (!p)
		return SLA_EXIT_ERROR;
	int rc;
	if (sla_check_now(p, a->now, &now, &why) < 0)
		rc = sla_cli_usage_error(d, "--now: %s \"%s\"", why, a->now);
	else if (a->print)
		rc = print_policy(p, d);
	else if (a->lint)
		rc = lint(p, now, d);
	else
		rc = check(a, p, now, files, nfiles, d);
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
		rc = run(&a, argv + optind, (size_t)(argc - optind), &d);
	free(a.keep_text);
	free(a.keep);
	return rc;
}
