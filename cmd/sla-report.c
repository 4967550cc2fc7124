/* sla-report: compliance report and penalty statement from the check
 * stream.  Options and wiring only; the report lives in lib/report*.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_check.h"
#include "sla_cli.h"
#include "sla_csv_dialect.h"
#include "sla_list.h"
#include "sla_policy.h"
#include "sla_report.h"
#include "sla_sha256.h"

#define TOOL "sla-report"

static const char usage[] =
	"Usage: sla-report [OPTION]... [FILE]...\n"
	"Read the check stream (sla-check's output) from FILEs or standard input\n"
	"and write a compliance report with penalty statements.\n"
	"\n"
	"  -u, --period UNIT   group the tables by day, week, month (default), quarter\n"
	"                      or year of each row's start in the policy's time zone;\n"
	"                      penalty statements keep the contract's period\n"
	"  -b, --by COLS       group by these columns besides the period\n"
	"                      (comma-separated; default tier,metric; '' for none)\n"
	"  -t, --top N         worst overruns listed per group (default 5; 0: none)\n"
	"  -f, --format FMT    text (default), tsv, csv, json, markdown or html\n"
	"  -l, --lang LANG     en or zh for labels (default from LC_ALL, LC_MESSAGES,\n"
	"                      LANG)\n"
	"  -p, --policy FILE   the contract: fee, credit bands, cap, currency, zone\n"
	"                      (default: the embedded policy)\n"
	"  -z, --tz ZONE       read periods in ZONE instead of the policy's zone\n"
	"  -n, --now TIME      the report is as of TIME (RFC 3339), whatever the\n"
	"                      stream's as_of column says\n"
	"  -s, --strict        a row that cannot be read is a fatal error (exit 2)\n"
	"      --max-line SIZE\n"
	"                      longest line of the stream (K, M, G suffixes;\n"
	"                      default 64M)\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n";

enum { OPT_MAX_LINE = 256 };

static const char shortopts[] = ":u:b:t:f:l:p:z:n:shV";

static const struct option longopts[] = {
	{ "period", required_argument, NULL, 'u' },
	{ "by", required_argument, NULL, 'b' },
	{ "top", required_argument, NULL, 't' },
	{ "format", required_argument, NULL, 'f' },
	{ "lang", required_argument, NULL, 'l' },
	{ "policy", required_argument, NULL, 'p' },
	{ "tz", required_argument, NULL, 'z' },
	{ "now", required_argument, NULL, 'n' },
	{ "strict", no_argument, NULL, 's' },
	{ "max-line", required_argument, NULL, OPT_MAX_LINE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

enum { MAX_BY = 16 };

struct args {
	sla_report_config cfg;
	const char *by[MAX_BY];
	char *by_text;		/* owned copy of --by, cut at the commas */
	sla_report_format format;
	sla_lang lang;
	const char *policy, *tz, *now;
	size_t max_line;	/* 0: the reader's default */
	bool help, version;
};

static sla_lang
lang_from_environment(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return sla_lang_from_locale(v);
	}
	return SLA_LANG_EN;
}

/* Split the comma-separated COLS (kept in o->by_text) into o->by. */
static int
parse_by(struct args *o, const char *cols, const sla_diag *d)
{
	free(o->by_text);
	o->by_text = strdup(cols);
	o->cfg.nby = 0;
	if (!o->by_text)
		return sla_cli_usage_error(d, "out of memory");
	/* "tier, metric" as typed at a shell means "tier,metric"; a blank
	 * inside a name ("Assigned Group") stays. */
	for (const char *s = o->by_text; s;) {
		size_t n;
		char *c = o->by_text + (sla_list_next(&s, &n) - o->by_text);
		c[n] = '\0';	/* where its comma was */
		c += strspn(c, " ");
		for (n = strlen(c); n > 0 && c[n - 1] == ' '; n--)
			c[n - 1] = '\0';
		if (!*c)
			continue;	/* ",," and " , " name no column */
		if (o->cfg.nby == MAX_BY)
			return sla_cli_usage_error(d, "--by: more than %d columns", MAX_BY);
		o->by[o->cfg.nby++] = c;
	}
	return 0;
}

static int
parse_args(int argc, char **argv, struct args *o, const sla_diag *d)
{
	int c;
	char *end;

	o->cfg.period = SLA_PERIOD_MONTH;
	o->cfg.top = 5;
	o->lang = lang_from_environment();
	if (parse_by(o, "tier,metric", d))
		return SLA_EXIT_ERROR;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'u':
			if (sla_period_parse(optarg, &o->cfg.period) < 0)
				return sla_cli_usage_error(d, "--period: unknown unit \"%s\"", optarg);
			break;
		case 'b':
			if (parse_by(o, optarg, d))
				return SLA_EXIT_ERROR;
			break;
		case 't':
			o->cfg.top = (size_t)strtoul(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end || o->cfg.top > 1000)
				return sla_cli_usage_error(d, "--top: not a count 0-1000 \"%s\"", optarg);
			break;
		case 'f':
			if (sla_report_format_parse(optarg, &o->format) < 0)
				return sla_cli_usage_error(d, "--format: unknown format \"%s\"", optarg);
			break;
		case 'l':
			if (sla_lang_parse(optarg, &o->lang) < 0)
				return sla_cli_usage_error(d, "--lang: unknown language \"%s\"", optarg);
			break;
		case 'p': o->policy = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'n': o->now = optarg; break;
		case 's': o->cfg.strict = true; break;
		case OPT_MAX_LINE:
			if (sla_csvin_size_from_name(optarg, &o->max_line) < 0)
				return sla_cli_usage_error(d, "--max-line: want a size like 64M: \"%s\"", optarg);
			break;
		case 'h': o->help = true; return SLA_EXIT_OK;
		case 'V': o->version = true; return SLA_EXIT_OK;
		default: return sla_cli_bad_option(d, c, shortopts, argv);
		}
	}
	return SLA_EXIT_OK;
}

/* The contract's terms of payment, for the penalty statements. */
static sla_report_terms
terms_of(const sla_policy *policy)
{
	sla_report_terms terms = {
		.contract = sla_policy_name(policy),
		.currency = sla_policy_currency(policy),
		.minor_digits = sla_policy_minor_digits(policy),
		.fee = sla_policy_fee(policy),
		.cap = sla_policy_cap(policy),
		.per_customer = sla_policy_per_customer(policy),
	};
	if (sla_period_parse(sla_policy_statement_period(policy), &terms.period) < 0)
		terms.period = SLA_PERIOD_MONTH; /* the reader allows month, quarter, year */
	terms.nbands = sla_policy_credit_bands(policy, &terms.bands);
	return terms;
}

/* Where the figures come from, for the page's header: the streams, the
 * policy and the SHA-256 of its bytes (sha256sum verifies it), --now. */
static int
source_of(const struct args *o, sla_policy *policy, char **files, size_t nfiles,
	  char sha[SLA_SHA256_HEX], sla_report_source *src, const sla_diag *d)
{
	size_t len;
	const char *text = sla_policy_text(policy, &len);
	const char *why;

	*src = (sla_report_source){ .inputs = (const char *const *)files, .ninputs = nfiles,
				    .policy_file = o->policy,
				    .policy_sha256 = sla_sha256_hex(text, len, sha) };
	if (o->now && sla_check_now(policy, o->now, &src->now, &why) < 0)
		return sla_cli_usage_error(d, "--now: %s \"%s\"", why, o->now);
	src->has_now = o->now != NULL;
	return SLA_EXIT_OK;
}

/* The report of the check stream in FILES on standard output. */
static int
report(const struct args *o, sla_policy *policy, char **files, size_t nfiles,
       sla_diag *d)
{
	sla_report_terms terms = terms_of(policy);
	sla_report_config cfg = o->cfg;
	char sha[SLA_SHA256_HEX];
	sla_report_source source;
	if (source_of(o, policy, files, nfiles, sha, &source, d) != SLA_EXIT_OK)
		return SLA_EXIT_ERROR;
	cfg.source = &source;
	cfg.slices = o->format == SLA_FORMAT_HTML;	/* the page's charts and sections */
	cfg.by = o->by;
	cfg.by_name = "--by";
	cfg.tz = sla_policy_tz(policy);
	cfg.terms = &terms;
	cfg.ntiers = sla_policy_ntiers(policy);
	const char **tiers = calloc(cfg.ntiers + 1, sizeof *tiers);
	for (size_t t = 0; tiers && t < cfg.ntiers; t++)
		tiers[t] = sla_policy_tier_at(policy, t)->name;
	cfg.tier_order = tiers;
	cfg.ntiers = tiers ? cfg.ntiers : 0;

	int status = SLA_EXIT_ERROR;
	sla_reader *in = sla_reader_open_max(files, nfiles, o->max_line, d);
	sla_report *r = in ? sla_report_open(&cfg, in, d) : NULL;
	if (r && sla_report_read(r, in) == 0) {
		sla_writer *w = sla_writer_new(STDOUT_FILENO);
		if (w)
			sla_report_write(r, o->format, o->lang, w);
		status = sla_cli_close_stdout(d, w ? sla_writer_close(w) : -1, "the report");
	}
	sla_diag_summary(d);
	sla_report_free(r);
	sla_reader_free(in);
	free(tiers);
	return status;
}

static int
run(const struct args *o, char **files, size_t nfiles, sla_diag *d)
{
	if (o->help)
		return sla_cli_help(d, usage);
	if (o->version)
		return sla_cli_version(d);
	sla_policy *policy = sla_policy_load_from(o->policy, &(sla_policy_overrides){ .tz = o->tz,
								      .tz_name = "--tz" }, d);
	if (!policy)
		return SLA_EXIT_ERROR;
	int status = report(o, policy, files, nfiles, d);
	sla_policy_free(policy);
	return status;
}

int
main(int argc, char **argv)
{
	sla_diag d = sla_diag_init(TOOL);
	struct args a = { 0 };
	int rc = parse_args(argc, argv, &a, &d);
	if (rc == SLA_EXIT_OK)
		rc = run(&a, argv + optind, (size_t)(argc - optind), &d);
	free(a.by_text);
	return rc;
}
