/* sla-classify: set each ticket's tier and rule from PCRE2 rules.
 * Options and wiring only; the rules and the classifier are lib/classify/rules.c. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_cli.h"
#include "sla_data.h"
#include "sla_rules.h"
#include "sla_stream.h"

static const char usage[] =
	"Usage: sla-classify [OPTION]... [FILE]...\n"
	"Set the tier and rule of each ticket of the ticket stream (FILE, or\n"
	"standard input) from PCRE2 rules, and write the stream on standard output.\n"
	"\n"
	"  -r, --rules=FILE     read rules from FILE (repeatable, read in order);\n"
	"                       default: the embedded rules\n"
	"  -d, --default=TIER   tier of a ticket that no rule matches\n"
	"  -o, --override       classify tickets whose tier is already set\n"
	"  -s, --strict         stop at the first record that cannot be classified\n"
	"  -p, --print-rules    print the embedded rules and exit\n"
	"  -v, --verbose        print on standard error how many tickets each rule took\n"
	"  -h, --help           print this help and exit\n"
	"  -V, --version        print the version and exit\n"
	"\n"
	"The rule column names the rule that set the tier as file:line.\n"
	"See sla-classify(1) and sla-rules(5).\n";

static int
print_default_rules(void)
{
	const struct sla_blob *b = sla_data_find(SLA_RULES_DEFAULT);
	if (!b || fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout) != 0)
		return SLA_EXIT_ERROR;
	return SLA_EXIT_OK;
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

static int
run(char **inputs, size_t ninputs, const sla_rules *rs, const sla_classify_opts *opts,
    sla_diag *d)
{
	sla_reader *r = sla_reader_open(inputs, ninputs, d);
	if (!r)
		return SLA_EXIT_ERROR;
	sla_writer *w = sla_writer_new(STDOUT_FILENO);
	int rc = w ? sla_classify_stream(r, w, rs, opts, d) : -1;
	if (!w)
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
	if (sla_writer_close(w) < 0) {
		sla_diag_msg(d, "<stdout>", 0, NULL, NULL, 0, "write error: %s", strerror(errno));
		rc = -1;
	}
	sla_reader_free(r);
	sla_diag_summary(d);
	return rc < 0 ? SLA_EXIT_ERROR : SLA_EXIT_OK;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "default", required_argument, NULL, 'd' },
		{ "override", no_argument, NULL, 'o' },
		{ "strict", no_argument, NULL, 's' },
		{ "print-rules", no_argument, NULL, 'p' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	sla_diag d = sla_diag_init("sla-classify");
	sla_classify_opts opts = { 0 };
	char **rule_files = calloc((size_t)argc, sizeof *rule_files);
	size_t nrule_files = 0;
	bool print_rules = false;
	int c;

	if (!rule_files)
		return SLA_EXIT_ERROR;
	opterr = 0; /* sla_cli_usage_error says it, in the house shape */
	while ((c = getopt_long(argc, argv, ":r:d:ospvhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': rule_files[nrule_files++] = optarg; break;
		case 'd': opts.default_tier = optarg; break;
		case 'o': opts.override = true; break;
		case 's': opts.strict = true; break;
		case 'p': print_rules = true; break;
		case 'v': opts.verbose = true; break;
		case 'h': free(rule_files); fputs(usage, stdout); return SLA_EXIT_OK;
		case 'V': free(rule_files); return sla_cli_version(&d);
		default:
			free(rule_files);
			return sla_cli_usage_error(&d, "%s \"%s\"",
						   c == ':' ? "option needs an argument" : "unknown option",
						   argv[optind - 1]);
		}
	}
	int status;
	if (print_rules) {
		status = print_default_rules();
	} else if (opts.default_tier && !sla_rules_tier_ok(opts.default_tier)) {
		status = sla_cli_usage_error(&d, "--default: not a tier name \"%s\"", opts.default_tier);
	} else {
		sla_rules *rs = load_rules(rule_files, nrule_files, &d);
		status = rs ? run(argv + optind, (size_t)(argc - optind), rs, &opts, &d)
			    : SLA_EXIT_ERROR;
		sla_rules_free(rs);
	}
	free(rule_files);
	return status;
}
