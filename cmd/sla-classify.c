/* sla-classify: set each ticket's tier and rule from PCRE2 rules.
 * Options and wiring only; the rules and the classifier are lib/classify/rules.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sla_cli.h"
#include "sla_data.h"
#include "sla_policy.h"
#include "sla_rules.h"
#include "sla_stream.h"

#define TOOL "sla-classify"

static const char usage[] =
	"Usage: sla-classify [OPTION]... [FILE]...\n"
	"Set the tier and rule of each ticket of the ticket stream (FILE, or\n"
	"standard input) from PCRE2 rules, and write the stream on standard output.\n"
	"\n"
	"  -r, --rules=FILE     read rules from FILE (repeatable, read in order);\n"
	"                       default: the embedded rules\n"
	"  -d, --default=TIER   tier of a ticket that no rule matches\n"
	"      --policy=FILE    warn about each rule whose tier the policy FILE\n"
	"                       has not (sla-check would find its tickets invalid)\n"
	"  -o, --override       classify tickets whose tier is already set\n"
	"  -s, --strict         stop at the first record that cannot be classified\n"
	"  -p, --print-rules    print the embedded rules and exit\n"
	"  -v, --verbose        print on standard error how many tickets each rule took\n"
	"  -q, --quiet          no warnings, only errors\n"
	"      --max-line SIZE  longest line of the stream (K, M, G suffixes;\n"
	"                       default 64M)\n"
	"  -h, --help           print this help and exit\n"
	"  -V, --version        print the version and exit\n"
	"\n"
	"The rule column names the rule that set the tier as file:line.\n"
	"\n"
	"Exit status: 0 success, 2 usage or fatal error.  See sla-classify(1) and\n"
	"sla-rules(5).\n";

enum { OPT_MAX_LINE = 256, OPT_POLICY };

static const char shortopts[] = ":r:d:ospvqhV";

static const struct option longopts[] = {
	{ "rules", required_argument, NULL, 'r' },
	{ "default", required_argument, NULL, 'd' },
	{ "override", no_argument, NULL, 'o' },
	{ "strict", no_argument, NULL, 's' },
	{ "print-rules", no_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "max-line", required_argument, NULL, OPT_MAX_LINE },
	{ "policy", required_argument, NULL, OPT_POLICY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	sla_classify_opts opts;
	char **rule_files;	/* the --rules files in order, room for argc */
	size_t nrule_files;
	size_t max_line;	/* 0: the reader's default */
	const char *policy;	/* --policy: the tiers the rules should give */
	bool print_rules, quiet, help, version;
};

static int
parse_args(int argc, char **argv, struct args *a, const sla_diag *d)
{
	int c;
	if (!(a->rule_files = calloc((size_t)argc, sizeof *a->rule_files)))
		return SLA_EXIT_ERROR;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'r': a->rule_files[a->nrule_files++] = optarg; break;
		case 'd': a->opts.default_tier = optarg; break;
		case 'o': a->opts.override = true; break;
		case 's': a->opts.strict = true; break;
		case 'p': a->print_rules = true; break;
		case 'v': a->opts.verbose = true; break;
		case 'q': a->quiet = true; break;
		case OPT_MAX_LINE:
			if (sla_cli_size(optarg, &a->max_line) < 0)
				return sla_cli_usage_error(d, "--max-line: want a size like 64M: \"%s\"", optarg);
			break;
		case OPT_POLICY: a->policy = optarg; break;
		case 'h': a->help = true; return SLA_EXIT_OK;
		case 'V': a->version = true; return SLA_EXIT_OK;
		default: return sla_cli_bad_option(d, c, shortopts, argv);
		}
	}
	return SLA_EXIT_OK;
}

static int
print_default_rules(const sla_diag *d)
{
	const struct sla_blob *b = sla_data_find(SLA_RULES_DEFAULT);
	if (!b)
		return SLA_EXIT_ERROR;
	fwrite(b->data, 1, b->len, stdout);
	return sla_cli_close_stdout(d, 0, "the rules");
}

/* Load the --rules files in order, or the embedded rules without any. */
static sla_rules *
load_rules(char **files, size_t nfiles, const sla_diag *d)
{
	sla_rules *rs = sla_rules_new(true);
	if (!rs) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		return NULL;
	}
	int rc = nfiles ? 0 : sla_rules_add_default(rs, d);
	for (size_t i = 0; i < nfiles && rc == 0; i++)
		rc = sla_rules_add_file(rs, files[i], d);
	if (rc < 0) {
		sla_rules_free(rs);
		return NULL;
	}
	return rs;
}

/* --policy: the rules' tiers against the policy's, before any ticket.
 * Warnings only; a policy that does not load is fatal. */
static int
check_tiers(const struct args *a, const sla_rules *rs, sla_diag *d)
{
	sla_policy *p = sla_policy_load_from(a->policy, NULL, d);
	if (!p)
		return SLA_EXIT_ERROR;
	sla_rules_check_tiers(rs, a->opts.default_tier, p, d);
	sla_policy_free(p);
	return SLA_EXIT_OK;
}

/* The ticket stream of INPUTS, classified, on standard output. */
static int
classify(char **inputs, size_t ninputs, const sla_rules *rs, const struct args *a, sla_diag *d)
{
	const sla_classify_opts *opts = &a->opts;
	sla_reader *r = sla_reader_open_max(inputs, ninputs, a->max_line, d);
	if (!r)
		return SLA_EXIT_ERROR;
	sla_writer *w = sla_writer_new(STDOUT_FILENO);
	int rc = w ? sla_classify_stream(r, w, rs, opts, d) : -1;
	if (!w)
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
	if (sla_cli_close_stdout(d, sla_writer_close(w), "the ticket stream") != SLA_EXIT_OK)
		rc = -1;
	sla_reader_free(r);
	sla_diag_summary(d);
	return rc < 0 ? SLA_EXIT_ERROR : SLA_EXIT_OK;
}

static int
run(const struct args *a, char **inputs, size_t ninputs, sla_diag *d)
{
	if (a->help)
		return sla_cli_help(d, usage);
	if (a->version)
		return sla_cli_version(d);
	if (a->print_rules)
		return print_default_rules(d);
	if (a->opts.default_tier && !sla_rules_tier_ok(a->opts.default_tier))
		return sla_cli_usage_error(d, "--default: not a tier name \"%s\"",
					   a->opts.default_tier);
	sla_rules *rs = load_rules(a->rule_files, a->nrule_files, d);
	int rc = rs ? SLA_EXIT_OK : SLA_EXIT_ERROR;
	if (rs && a->policy)
		rc = check_tiers(a, rs, d);
	if (rc == SLA_EXIT_OK)
		rc = classify(inputs, ninputs, rs, a, d);
	sla_rules_free(rs);
	return rc;
}

int
main(int argc, char **argv)
{
	sla_diag d = sla_diag_init(TOOL);
	/* the rule column and the -v summary name --default, given or not */
	struct args a = { .opts.default_name = "--default" };
	int rc = parse_args(argc, argv, &a, &d);
	d.level = a.quiet ? SLA_DIAG_ERRORS : SLA_DIAG_WARNINGS;
	if (rc == SLA_EXIT_OK)
		rc = run(&a, argv + optind, (size_t)(argc - optind), &d);
	free(a.rule_files);
	return rc;
}
