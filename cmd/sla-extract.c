/* sla-extract: a policy drafted from the text of a commitment letter
 * (sla-extract(1)).  Options and wiring only; the extraction is
 * lib/extract/. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_cli.h"
#include "sla_extract.h"

#define TOOL "sla-extract"

static const char usage[] =
	"Usage: sla-extract [OPTION]... [FILE]...\n"
	"Draft a policy (sla-policy(5)) from the text of a commitment letter\n"
	"(FILEs, read as one letter, or standard input): every time limit it\n"
	"commits to, with its tier, metric, calendar and condition.  Each value\n"
	"cites its sentence; each inference says \"review:\".\n"
	"\n"
	"  -r, --rules FILE       also write a rules draft (sla-rules(5)) for the\n"
	"                         letter's tiers to FILE\n"
	"  -f, --format FORMAT    policy (the default), or tsv: the commitments\n"
	"                         found as a table (tier, metric, target, calendar,\n"
	"                         condition, line, sentence)\n"
	"  -e, --encoding NAME    the letter's encoding, any iconv name\n"
	"                         (default: detected, as sla-parse does)\n"
	"  -z, --tz ZONE          the draft's timezone (default: Asia/Shanghai,\n"
	"                         marked for review)\n"
	"  -v, --verbose          say on standard error each clause found and\n"
	"                         what it became\n"
	"  -q, --quiet            no warnings, only errors (-v still says its clauses)\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"A letter with no service commitment gives a draft that says so.\n"
	"Exit status: 0 success, also with no commitment found; 2 error.\n";

static const char shortopts[] = ":r:f:e:z:vqhV";

static const struct option longopts[] = {
	{ "rules", required_argument, NULL, 'r' },
	{ "format", required_argument, NULL, 'f' },
	{ "encoding", required_argument, NULL, 'e' },
	{ "tz", required_argument, NULL, 'z' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	sla_extract_opts opts;
	const char *rules;
	bool tsv, verbose, quiet, help, version;
};

static int
parse_args(int argc, char **argv, struct args *a, const sla_diag *d)
{
	int c;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'r': a->rules = optarg; break;
		case 'f':
			if (strcmp(optarg, "tsv") != 0 && strcmp(optarg, "policy") != 0)
				return sla_cli_usage_error(d, "--format: expected policy or tsv \"%s\"",
							   optarg);
			a->tsv = strcmp(optarg, "tsv") == 0;
			break;
		case 'e': a->opts.encoding = optarg; break;
		case 'z': a->opts.tz = optarg; break;
		case 'v': a->verbose = true; break;
		case 'q': a->quiet = true; break;
		case 'h': a->help = true; return SLA_EXIT_OK;
		case 'V': a->version = true; return SLA_EXIT_OK;
		default: return sla_cli_bad_option(d, c, shortopts, argv);
		}
	}
	return SLA_EXIT_OK;
}

/* The rules draft into PATH. */
static int
write_rules(const sla_extract *x, const char *path, const sla_diag *d)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot write the rules draft");
		return SLA_EXIT_ERROR;
	}
	int rc = sla_extract_write_rules(x, f);
	if (fclose(f) != 0 || rc != 0) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot write the rules draft");
		return SLA_EXIT_ERROR;
	}
	return SLA_EXIT_OK;
}

static int
extract(const struct args *a, char **inputs, size_t ninputs, const sla_diag *d)
{
	sla_extract *x = sla_extract_new(&a->opts, d);
	if (!x)
		return SLA_EXIT_ERROR;
	int rc = ninputs ? 0 : sla_extract_add_file(x, "-", d);
	for (size_t i = 0; i < ninputs && rc == 0; i++)
		rc = sla_extract_add_file(x, inputs[i], d);
	if (rc == 0)
		rc = sla_extract_run(x, d);
	if (rc != 0) {
		sla_extract_free(x);
		return SLA_EXIT_ERROR;
	}
	if (a->verbose)	/* asked for, so said under -q too: not a warning */
		sla_extract_report(x, d);
	int st = a->rules ? write_rules(x, a->rules, d) : SLA_EXIT_OK;
	if (st == SLA_EXIT_OK) {
		rc = a->tsv ? sla_extract_write_tsv(x, stdout)
			    : sla_extract_write_policy(x, a->rules, stdout);
		st = sla_cli_close_stdout(d, rc, a->tsv ? "the commitments" : "the policy draft");
	}
	sla_extract_free(x);
	return st;
}

static int
run(const struct args *a, char **inputs, size_t ninputs, const sla_diag *d)
{
	if (a->help)
		return sla_cli_help(d, usage);
	if (a->version)
		return sla_cli_version(d);
	return extract(a, inputs, ninputs, d);
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
	return rc;
}
