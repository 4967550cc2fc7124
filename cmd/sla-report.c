/* sla-report: compliance report and penalty statement from the check
 * stream.  Options and wiring only; the report lives in lib/report*.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_check.h"
#include "sla_cli.h"
#include "sla_digest.h"
#include "sla_list.h"
#include "sla_policy.h"
#include "sla_report.h"
#include "sla_report_partial.h"
#include "sla_sha256.h"

#define TOOL "sla-report"

static const char usage[] =
	"Usage: sla-report [OPTION]... [FILE]...\n"
	"  or:  sla-report --partial [OPTION]... [FILE]...\n"
	"  or:  sla-report --merge [--partial] [OPTION]... PARTIAL...\n"
	"Read the check stream (sla-check's output) from FILEs or standard input\n"
	"and write a compliance report with penalty statements; or write the\n"
	"report's state, a partial report, and merge partials into the report.\n"
	"\n"
	"  -u, --period UNIT   group the tables by day, week, month (default), quarter\n"
	"                      or year of each row's start in the policy's time zone;\n"
	"                      penalty statements keep the contract's period\n"
	"  -b, --by COLS       group by these columns besides the period\n"
	"                      (comma-separated; default tier,metric; '' for none)\n"
	"  -t, --top N         worst overruns listed per group (default 5; 0: none)\n"
	"  -f, --format FMT    text (default), tsv, csv, json, markdown, html or xlsx\n"
	"                      (xlsx: an Excel workbook; never to a terminal)\n"
	"  -T, --table NAME    tsv and csv: this table alone, for tools: tiers,\n"
	"                      overview, notes, periods, groups, percentiles,\n"
	"                      satisfaction, overruns, unassessed, statements or\n"
	"                      breaches\n"
	"      --bom           tsv and csv: a UTF-8 byte order mark first (the default\n"
	"                      for the whole report in csv, for Excel)\n"
	"      --no-bom        no byte order mark (the default otherwise)\n"
	"  -l, --lang LANG     en or zh for labels (default from LC_ALL, LC_MESSAGES,\n"
	"                      LANG)\n"
	"  -p, --policy FILE   the contract: fee, credit bands, cap, currency, zone\n"
	"                      (default: the embedded policy)\n"
	"  -z, --tz ZONE       read periods in ZONE instead of the policy's zone\n"
	"  -n, --now TIME      the report is as of TIME (RFC 3339), whatever the\n"
	"                      stream's as_of column says\n"
	"  -s, --strict        a row that cannot be read is a fatal error (exit 2)\n"
	"  -q, --quiet         no warnings, only errors\n"
	"      --max-line SIZE\n"
	"                      longest line of the stream (K, M, G suffixes;\n"
	"                      default 64M)\n"
	"      --partial       write a partial report (the state of this part of the\n"
	"                      stream) instead of the report, for --merge\n"
	"      --source NAME   with --partial: the export these rows come from;\n"
	"                      parts of several exports merge in NAME order\n"
	"  -m, --merge         read partial reports (files, -, or several in one\n"
	"                      stream) and write the report of all their parts,\n"
	"                      as one run over the whole stream would; --by,\n"
	"                      --period, --top, the zone and the contract come from\n"
	"                      the partials (a --policy or --tz given is checked)\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n"
	"\n"
	"Exit status: 0 success, 2 usage or fatal error.  See sla-report(1).\n";

enum { OPT_MAX_LINE = 256, OPT_BOM, OPT_NO_BOM, OPT_PARTIAL, OPT_SOURCE };

static const char shortopts[] = ":u:b:t:f:T:l:p:z:n:smqhV";

static const struct option longopts[] = {
	{ "period", required_argument, NULL, 'u' },
	{ "by", required_argument, NULL, 'b' },
	{ "top", required_argument, NULL, 't' },
	{ "format", required_argument, NULL, 'f' },
	{ "table", required_argument, NULL, 'T' },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "no-bom", no_argument, NULL, OPT_NO_BOM },
	{ "lang", required_argument, NULL, 'l' },
	{ "policy", required_argument, NULL, 'p' },
	{ "tz", required_argument, NULL, 'z' },
	{ "now", required_argument, NULL, 'n' },
	{ "strict", no_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "max-line", required_argument, NULL, OPT_MAX_LINE },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "merge", no_argument, NULL, 'm' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

enum { MAX_BY = 16 };

struct args {
	sla_report_config cfg;
	const char *by[MAX_BY];
	char *by_text;		/* owned copy of --by, cut at the commas */
	sla_report_output out;
	int bom;		/* --bom 1, --no-bom 0, neither -1 */
	const char *policy, *tz, *now, *source;
	size_t max_line;	/* 0: the reader's default */
	bool partial, merge;
	/* options a merge takes from its partials, and those of a report
	 * written for people, when given: their names */
	const char *grouping, *written_as;
	bool quiet, help, version;
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
		/* A table's columns have one name each (--table's header) */
		for (size_t k = 0; k < o->cfg.nby; k++)
			if (strcmp(o->by[k], c) == 0)
				return sla_cli_usage_error(d, "--by: column named twice \"%s\"", c);
		o->by[o->cfg.nby++] = c;
	}
	return 0;
}

/* What --table and --bom go with, and the byte order mark's default:
 * the whole report in csv is for Excel, a table alone for tools.  A
 * workbook is binary: never to a terminal. */
static int
check_output(struct args *o, const sla_diag *d)
{
	bool delimited = o->out.format == SLA_FORMAT_CSV || o->out.format == SLA_FORMAT_TSV;

	if (o->out.table && !delimited)
		return sla_cli_usage_error(d, "--table: only with --format csv or tsv");
	if (o->bom >= 0 && !delimited)
		return sla_cli_usage_error(d, "--%s: only with --format csv or tsv",
					   o->bom ? "bom" : "no-bom");
	o->out.bom = o->bom >= 0 ? o->bom == 1
				 : o->out.format == SLA_FORMAT_CSV && !o->out.table;
	if (o->out.format == SLA_FORMAT_XLSX && isatty(STDOUT_FILENO))
		return sla_cli_usage_error(d, "--format xlsx: standard output is a terminal;"
					   " redirect it to a file");
	return SLA_EXIT_OK;
}

/* What each mode takes: a merge reads no rows and takes its grouping from
 * the partials; a partial is no report, in no format. */
static int
check_modes(const struct args *o, const sla_diag *d)
{
	if (o->merge && o->grouping)
		return sla_cli_usage_error(d, "--merge: %s comes from the partials", o->grouping);
	if (o->merge && o->cfg.strict)
		return sla_cli_usage_error(d, "--merge: --strict is for reading rows, not partials");
	if (o->merge && o->now)
		return sla_cli_usage_error(d, "--merge: the as-of instant comes from the partials (give --now to the runs that wrote them)");
	if (o->source && (!o->partial || o->merge))
		return sla_cli_usage_error(d, "--source: only with --partial, of a stream's rows");
	if (o->partial && o->written_as)
		return sla_cli_usage_error(d, "--partial: a partial report has no %s", o->written_as);
	return SLA_EXIT_OK;
}

static int
parse_args(int argc, char **argv, struct args *o, const sla_diag *d)
{
	int c;
	char *end;

	o->cfg.period = SLA_PERIOD_MONTH;
	o->cfg.top = 5;
	o->out.lang = lang_from_environment();
	o->bom = -1;
	if (parse_by(o, "tier,metric", d))
		return SLA_EXIT_ERROR;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'u':
			o->grouping = "--period";
			if (sla_period_parse(optarg, &o->cfg.period) < 0)
				return sla_cli_usage_error(d, "--period: unknown unit \"%s\"", optarg);
			break;
		case 'b':
			o->grouping = "--by";
			if (parse_by(o, optarg, d))
				return SLA_EXIT_ERROR;
			break;
		case 't':
			o->grouping = "--top";
			o->cfg.top = (size_t)strtoul(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end || o->cfg.top > 1000)
				return sla_cli_usage_error(d, "--top: not a count 0-1000 \"%s\"", optarg);
			break;
		case 'f':
			o->written_as = "--format";
			if (sla_report_format_parse(optarg, &o->out.format) < 0)
				return sla_cli_usage_error(d, "--format: unknown format \"%s\"", optarg);
			break;
		case 'l':
			o->written_as = "--lang";
			if (sla_lang_parse(optarg, &o->out.lang) < 0)
				return sla_cli_usage_error(d, "--lang: unknown language \"%s\"", optarg);
			break;
		case 'T':
			if (sla_report_table_parse(optarg) < 0)
				return sla_cli_usage_error(d, "--table: unknown table \"%s\"", optarg);
			o->out.table = optarg;
			o->written_as = "--table";
			break;
		case OPT_BOM: o->bom = 1; o->written_as = "--bom"; break;
		case OPT_NO_BOM: o->bom = 0; o->written_as = "--no-bom"; break;
		case 'p': o->policy = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'n': o->now = optarg; break;
		case 's': o->cfg.strict = true; break;
		case 'q': o->quiet = true; break;
		case OPT_MAX_LINE:
			if (sla_cli_size(optarg, &o->max_line) < 0)
				return sla_cli_usage_error(d, "--max-line: want a size like 64M: \"%s\"", optarg);
			break;
		case OPT_PARTIAL: o->partial = true; break;
		case OPT_SOURCE: o->source = optarg; break;
		case 'm': o->merge = true; break;
		case 'h': o->help = true; return SLA_EXIT_OK;
		case 'V': o->version = true; return SLA_EXIT_OK;
		default: return sla_cli_bad_option(d, c, shortopts, argv);
		}
	}
	int rc = check_output(o, d);
	return rc == SLA_EXIT_OK ? check_modes(o, d) : rc;
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

/* Write R on standard output: the report, or with --partial its state
 * (which holds no total: that is the final merge's). */
static int
write_out(const struct args *o, sla_report *r, sla_diag *d)
{
	int64_t owed;
	if (!o->partial && sla_report_owed(r, &owed) < 0) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "the statements owe more in all than fits");
		return SLA_EXIT_ERROR;
	}
	sla_writer *w = sla_writer_new(STDOUT_FILENO);
	const char *why = NULL;
	int rc = 0;
	if (w && o->partial)
		rc = sla_report_write_partial(r, w);
	else if (w)
		why = sla_report_write_as(r, &o->out, w);
	if (why)
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "cannot make the workbook: %s", why);
	int status = sla_cli_close_stdout(d, w ? sla_writer_close(w) : -1,
					  o->partial ? "the partial report" : "the report");
	return rc < 0 || why ? SLA_EXIT_ERROR : status;
}

/* Where the figures come from, for the page's header: the streams, the
 * policy and the SHA-256 of its bytes (sha256sum verifies it), --now. */
static int
origin_of(const struct args *o, sla_policy *policy, char **files, size_t nfiles,
	  char sha[SLA_SHA256_HEX], sla_report_origin *src, const sla_diag *d)
{
	size_t len;
	const char *text = sla_policy_text(policy, &len);
	const char *why;

	*src = (sla_report_origin){ .inputs = (const char *const *)files, .ninputs = nfiles,
				    .policy_file = o->policy,
				    .policy_sha256 = sla_sha256_hex(text, len, sha) };
	if (o->now && sla_check_now(policy, o->now, &src->now, &why) < 0)
		return sla_cli_usage_error(d, "--now: %s \"%s\"", why, o->now);
	src->has_now = o->now != NULL;
	return SLA_EXIT_OK;
}

/* The names of the policy's metrics (METRICS) or tiers, in its order, in
 * an array to free; *N of them (0 when out of memory). */
static const char **
names_of(sla_policy *policy, bool metrics, size_t *n)
{
	*n = metrics ? sla_policy_nmetrics(policy) : sla_policy_ntiers(policy);
	const char **v = calloc(*n + 1, sizeof *v);
	for (size_t k = 0; v && k < *n; k++)
		v[k] = metrics ? sla_policy_metric(policy, k)->name : sla_policy_tier_at(policy, k)->name;
	if (!v)
		*n = 0;
	return v;
}

/* The report of the check stream in FILES on standard output. */
static int
report(const struct args *o, sla_policy *policy, char **files, size_t nfiles,
       sla_diag *d)
{
	sla_report_terms terms = terms_of(policy);
	sla_report_config cfg = o->cfg;
	size_t len;
	const char *text = sla_policy_text(policy, &len);
	char sha[SLA_SHA256_HEX];
	sla_report_origin origin;
	if (origin_of(o, policy, files, nfiles, sha, &origin, d) != SLA_EXIT_OK)
		return SLA_EXIT_ERROR;
	cfg.origin = &origin;
	/* the page's charts and sections; a partial may become any format */
	cfg.slices = o->out.format == SLA_FORMAT_HTML || o->partial;
	cfg.by = o->by;
	cfg.by_name = "--by";
	cfg.tz = sla_policy_tz(policy);
	cfg.terms = &terms;
	cfg.partial = o->partial;
	cfg.source = o->source;
	cfg.policy_digest = sla_digest(SLA_DIGEST_INIT, text, len);
	const char **tiers = names_of(policy, false, &cfg.ntiers);
	const char **metrics = names_of(policy, true, &cfg.nmetrics);
	cfg.tier_order = tiers;
	cfg.metric_order = metrics;

	int status = SLA_EXIT_ERROR;
	sla_reader *in = sla_reader_open_max(files, nfiles, o->max_line, d);
	sla_report *r = in ? sla_report_open(&cfg, in, d) : NULL;
	if (r && (o->partial ? sla_report_take(r, in) : sla_report_read(r, in)) == 0)
		status = write_out(o, r, d);
	sla_diag_summary(d);
	sla_report_free(r);
	sla_reader_free(in);
	free(tiers);
	free(metrics);
	return status;
}

/* The report, or with --partial the state, of the partials in FILES; a
 * --policy or --tz given is checked against theirs. */
static int
merge(const struct args *o, char **files, size_t nfiles, sla_diag *d)
{
	sla_merge_check check = { .tz = o->tz, .policy_name = o->policy };
	sla_policy *policy = NULL;

	if (o->policy) {
		policy = sla_policy_load_from(o->policy, &(sla_policy_overrides){ .tz = o->tz,
							  .tz_name = "--tz" }, d);
		if (!policy)
			return SLA_EXIT_ERROR;
		check.policy_text = sla_policy_text(policy, &check.policy_len);
	}
	int status = SLA_EXIT_ERROR;
	sla_merge *m = sla_merge_new(&check, d);
	sla_reader *in = m ? sla_reader_open_lines(files, nfiles, d) : NULL;
	sla_report *r = in && sla_merge_read(m, in) == 0 ? sla_merge_report(m, !o->partial) : NULL;
	if (r)
		status = write_out(o, r, d);
	sla_reader_free(in);
	sla_merge_free(m);
	sla_policy_free(policy);
	return status;
}

static int
run(const struct args *o, char **files, size_t nfiles, sla_diag *d)
{
	if (o->help)
		return sla_cli_help(d, usage);
	if (o->version)
		return sla_cli_version(d);
	if (o->merge)
		return merge(o, files, nfiles, d);
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
	d.level = a.quiet ? SLA_DIAG_ERRORS : SLA_DIAG_WARNINGS;
	if (rc == SLA_EXIT_OK)
		rc = run(&a, argv + optind, (size_t)(argc - optind), &d);
	free(a.by_text);
	return rc;
}
