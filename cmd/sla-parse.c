/* sla-parse: a helpdesk export (CSV/TSV, any encoding) to the ticket stream. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_aliases.h"
#include "sla_cli.h"
#include "sla_csv_dialect.h"
#include "sla_events_input.h"
#include "sla_parse.h"
#include "sla_policy.h"
#include "sla_timeform.h"

#define TOOL "sla-parse"
#define SHOWN_ERRORS 20

enum {
	OPT_NO_HEADER = 256, OPT_COLUMNS, OPT_LIST_ALIASES, OPT_TZ, OPT_DATE_ORDER,
	OPT_MAX_FIELD, OPT_STRICT, OPT_NO_QUOTE,
	OPT_EVENTS, OPT_SORTED, OPT_POLICY, OPT_PRINT_EVENTS, OPT_DATE_SYSTEM,
};

static const char shortopts[] = ":d:e:m:t:vqhV";

static const struct option longopts[] = {
	{ "delimiter", required_argument, NULL, 'd' },
	{ "no-quote", no_argument, NULL, OPT_NO_QUOTE },
	{ "encoding", required_argument, NULL, 'e' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "columns", required_argument, NULL, OPT_COLUMNS },
	{ "map", required_argument, NULL, 'm' },
	{ "list-aliases", no_argument, NULL, OPT_LIST_ALIASES },
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "date-order", required_argument, NULL, OPT_DATE_ORDER },
	{ "date-system", required_argument, NULL, OPT_DATE_SYSTEM },
	{ "time-format", required_argument, NULL, 't' },
	{ "max-field", required_argument, NULL, OPT_MAX_FIELD },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "verbose", no_argument, NULL, 'v' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "events", no_argument, NULL, OPT_EVENTS },
	{ "sorted", no_argument, NULL, OPT_SORTED },
	{ "policy", required_argument, NULL, OPT_POLICY },
	{ "print-events", no_argument, NULL, OPT_PRINT_EVENTS },
	{ 0, 0, 0, 0 },
};

/* A printf format: %s is the default zone, the embedded policy's. */
static const char usage[] =
	"Usage: sla-parse [OPTION]... [FILE]...\n"
	"Read helpdesk exports (CSV/TSV; UTF-8, UTF-16, UTF-32, GB18030, Big5 and\n"
	"other legacy encodings, detected) and write\n"
	"the ticket stream: canonical columns, then the export's other columns.\n"
	"With no FILE, or FILE -, read standard input.\n"
	"\n"
	"  -d, --delimiter CHAR    field delimiter: , ; | tab (default: detected)\n"
	"      --no-quote          quotes are data (unquoted dialects)\n"
	"  -e, --encoding NAME     input encoding, any iconv name (default: detected)\n"
	"      --no-header         the first row is a record; needs --columns\n"
	"      --columns A,B,...   column names (replace the header row's)\n"
	"  -m, --map CANON=HEADER  read export column HEADER as canonical CANON\n"
	"      --list-aliases      print the header alias table and exit\n"
	"      --tz ZONE           zone of times without offset (default %s)\n"
	"      --date-order ORDER  dmy or mdy, for dates like 3/4/2026\n"
	"      --date-system YEAR  Excel serial dates count from 1900 or 1904 (1900)\n"
	"  -t, --time-format COLUMN=FORMAT\n"
	"                          read time column COLUMN with strptime FORMAT\n"
	"      --max-field SIZE    longest field in bytes, from 1 (K, M, G; default 64M)\n"
	"      --strict            the first bad record is fatal (exit 2)\n"
	"  -v, --verbose           say encoding, delimiter, columns not read, counts\n"
	"  -q, --quiet             no warnings, only errors\n"
	"      --events            rows are history events: fold them into tickets\n"
	"      --sorted            with --events: rows come grouped by ticket id\n"
	"      --policy FILE       its metrics' time columns, and its zone; with\n"
	"                          --events: its [events] section names statuses\n"
	"      --print-events      print the [events] names in effect and exit\n"
	"  -h, --help              show this help and exit\n"
	"  -V, --version           show the version and exit\n"
	"\n"
	"Exit status: 0 success, 2 usage or fatal error.  See sla-parse(1).\n";

struct args {
	sla_parse_opts o;
	const char *tz;		/* --tz, else the policy's zone */
	char *embedded_zone;	/* owned: the default policy's zone, when asked */
	sla_policy *contract;	/* owned: --policy, for a ticket export */
	const char **extra;	/* its metrics' columns that are not canonical */
	bool verbose, quiet;
	char **maps, **formats;	/* the --map and --time-format values, room for argc */
	bool events, sorted, list_aliases, print_events, help, version;
	const char *policy;
};

/* One option CH with its optarg into C. */
static int
option(struct args *c, int ch, const sla_diag *d)
{
	int v;

	switch (ch) {
	case 'd':
		if ((v = sla_csvin_delim_from_name(optarg)) < 0)
			return sla_cli_usage_error(d, "--delimiter: want one byte or tab: \"%s\"",
						   optarg);
		c->o.csv.delim = (char)v;
		break;
	case OPT_NO_QUOTE: c->o.csv.no_quote = true; break;
	case 'e':
		c->o.csv.encoding = optarg;
		c->o.csv.encoding_why = "--encoding";	/* -v says so */
		break;
	case OPT_NO_HEADER: c->o.no_header = true; break;
	case OPT_COLUMNS: c->o.columns = optarg; break;
	case 'm': c->maps[c->o.nmaps++] = optarg; break;
	case 't': c->formats[c->o.nformats++] = optarg; break;
	case OPT_TZ: c->tz = optarg; break;
	case OPT_DATE_ORDER:
		if ((v = sla_date_order_from_name(optarg)) < 0)
			return sla_cli_usage_error(d, "--date-order: want dmy or mdy: \"%s\"",
						   optarg);
		c->o.order = (enum sla_date_order)v;
		break;
	case OPT_DATE_SYSTEM:
		if (strcmp(optarg, "1900") != 0 && strcmp(optarg, "1904") != 0)
			return sla_cli_usage_error(d, "--date-system: want 1900 or 1904: \"%s\"",
						   optarg);
		c->o.date_1904 = strcmp(optarg, "1904") == 0;
		break;
	case OPT_MAX_FIELD:
		if (sla_cli_size(optarg, &c->o.csv.max_field) < 0)
			return sla_cli_usage_error(d, "--max-field: want a size of 1 byte or "
						   "more, like 64M or 512K: \"%s\"", optarg);
		break;
	case OPT_STRICT: c->o.strict = true; break;
	case 'v': c->verbose = true; break;
	case 'q': c->quiet = true; break;
	case OPT_EVENTS: c->events = true; break;
	case OPT_SORTED: c->sorted = true; break;
	case OPT_POLICY: c->policy = optarg; break;
	case OPT_PRINT_EVENTS: c->print_events = true; break;
	case OPT_LIST_ALIASES: c->list_aliases = true; break;
	}
	return 0;
}

static int
parse_args(int argc, char **argv, struct args *a, const sla_diag *d)
{
	int ch, rc = SLA_EXIT_OK;
	a->maps = calloc((size_t)argc, sizeof *a->maps);
	a->formats = calloc((size_t)argc, sizeof *a->formats);
	if (!a->maps || !a->formats)
		return SLA_EXIT_ERROR;
	a->o.maps = a->maps;
	a->o.map_option = "--map";	/* lib words its messages with it */
	a->o.formats = a->formats;
	opterr = 0;	/* sla_cli_bad_option says it, once */
	while (rc == SLA_EXIT_OK &&
	       (ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (ch) {
		case 'h': a->help = true; return SLA_EXIT_OK;
		case 'V': a->version = true; return SLA_EXIT_OK;
		case ':':
		case '?': return sla_cli_bad_option(d, ch, shortopts, argv);
		default: rc = option(a, ch, d); break;
		}
	}
	return rc;
}

/* The embedded default policy's zone, the default of --tz (one source for
 * it); NULL after the policy's message.  Only its name is kept: the
 * policy's calendars would stay in memory all the run for nothing. */
static const char *
embedded_zone(struct args *a, sla_diag *d)
{
	if (!a->embedded_zone) {
		sla_policy *p = sla_policy_load(NULL, NULL, d);
		if (p && !(a->embedded_zone = strdup(sla_tz_name(sla_policy_tz(p)))))
			sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		sla_policy_free(p);
	}
	return a->embedded_zone;
}

/* --policy for a ticket export: its zone is the default of --tz, and the
 * columns its metrics start and stop at that are not canonical (a custom
 * metric's "answered") are time columns to read.  False after a message. */
static bool
read_contract(struct args *a, sla_diag *d)
{
	sla_policy_overrides over = { .tz = a->tz, .tz_name = "--tz" };
	if (!(a->contract = sla_policy_load_from(a->policy, &over, d)))
		return false;
	if (!a->tz)
		a->tz = sla_tz_name(sla_policy_tz(a->contract));
	size_t n = sla_policy_nmetrics(a->contract), k = 0;
	if (!(a->extra = calloc(n * (SLA_MAX_STOPS + 1) + 1, sizeof *a->extra)))
		return false;
	for (size_t i = 0; i < n; i++) {
		const sla_metric *m = sla_policy_metric(a->contract, i);
		const char *cols[SLA_MAX_STOPS + 1] = { m->start_col };
		memcpy(cols + 1, m->stop_cols, m->nstops * sizeof *cols);
		for (size_t j = 0; j < m->nstops + 1; j++) {
			bool seen = sla_canon_find(cols[j]) >= 0;
			for (size_t e = 0; !seen && e < k; e++)
				seen = strcmp(a->extra[e], cols[j]) == 0;
			if (!seen)
				a->extra[k++] = cols[j];
		}
	}
	a->o.extra_times = a->extra;
	a->o.nextra = k;
	return true;
}

/* A --map or --time-format that the reader (of EVENTS or not) would not
 * take: what each one wants. */
static void
say_refused(const sla_diag *d, const sla_export_refusal *no, bool events)
{
	static const char *const want[2][4] = {
		[0][SLA_EXPORT_BAD_MAP] =
			"--map: want CANONICAL=HEADER with a canonical column (see --list-aliases) "
			"or a column of the --policy's metrics",
		[0][SLA_EXPORT_BAD_FORMAT] =
			"--time-format: want TIMECOLUMN=FORMAT with a canonical time column "
			"or one of the --policy's metrics, and a strptime format without %s",
		[0][SLA_EXPORT_TOO_MANY] = "--policy: its metrics name too many time columns",
		[1][SLA_EXPORT_BAD_MAP] =
			"--map: want COLUMN=HEADER with an event column (see --events --list-aliases)",
		[1][SLA_EXPORT_BAD_FORMAT] =
			"--time-format: want time=FORMAT with a strptime format without %s",
	};
	if (no->what != SLA_EXPORT_TAKEN)
		sla_cli_usage_error(d, "%s: \"%s\"", want[events][no->what], no->value);
}

/* --events: the history reader, with the [events] names of the policy. */
static sla_events_input *
events_input(const struct args *c, sla_writer *w, sla_diag *d, sla_events_map **map)
{
	if (c->o.no_header || c->o.columns) {
		sla_cli_usage_error(d, "--events reads the header row: not with --no-header "
				    "or --columns");
		return NULL;
	}
	if (!(*map = sla_events_map_load(c->policy, d)))
		return NULL;
	sla_events_input_opts eo = {
		.csv = c->o.csv, .tz = c->o.tz, .order = c->o.order, .date_1904 = c->o.date_1904,
		.maps = c->o.maps, .nmaps = c->o.nmaps, .map_option = c->o.map_option,
		.formats = c->o.formats, .nformats = c->o.nformats,
		.map = *map, .sorted = c->sorted, .strict = c->o.strict,
	};
	sla_export_refusal no;
	sla_events_input *in = sla_events_input_new(&eo, w, d, &no);
	if (!in)
		say_refused(d, &no, true);
	return in;
}

static void
say_event_counts(const sla_events_input *ev, const sla_diag *d, bool verbose)
{
	sla_fold_stats st = sla_events_input_stats(ev);
	if (st.regrouped)
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "--sorted: %lu tickets came back after "
			     "their group had ended (marked in error): the input is not "
			     "grouped by id", st.regrouped);
	if (verbose)
		fprintf(stderr, TOOL ": %lu events read, %lu left out, %lu tickets written, "
			"%lu with an error\n", st.events, st.rejected, st.tickets, st.errors);
}

/* The ticket stream of FILES (or of the event history in them) on
 * standard output. */
static int
parse_files(struct args *c, char **files, int nfiles, sla_diag *d)
{
	char err[256];
	if (!c->events && c->policy && !read_contract(c, d))
		return SLA_EXIT_ERROR;
	if (!c->tz && !(c->tz = embedded_zone(c, d)))
		return SLA_EXIT_ERROR;
	sla_tz *tz = sla_tz_load(c->tz, err, sizeof err);
	if (!tz)
		return sla_cli_usage_error(d, "--tz: %s", err);
	c->o.tz = tz;
	sla_writer *w = sla_writer_new(STDOUT_FILENO);
	sla_events_map *map = NULL;
	sla_events_input *ev = w && c->events ? events_input(c, w, d, &map) : NULL;
	sla_export_refusal no = { 0 };
	sla_parser *ps = w && !c->events ? sla_parser_new(&c->o, w, d, &no) : NULL;
	say_refused(d, &no, false);
	int status = ps || ev ? SLA_EXIT_OK : SLA_EXIT_ERROR;
	char *stdin_only[] = { "-" };
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	/* several exports make one stream: their columns are checked before
	 * a row is written, so that a difference leaves no half a stream */
	for (int i = 0; ps && nfiles > 1 && i < nfiles && status == SLA_EXIT_OK; i++)
		if (sla_parser_check(ps, files[i], c->verbose) < 0)
			status = SLA_EXIT_ERROR;
	for (int i = 0; i < nfiles && status == SLA_EXIT_OK; i++)
		if ((ev ? sla_events_input_file(ev, files[i], c->verbose)
			: sla_parser_file(ps, files[i], c->verbose)) < 0)
			status = SLA_EXIT_ERROR;
	if (ev && status == SLA_EXIT_OK && sla_events_input_finish(ev) < 0)
		status = SLA_EXIT_ERROR;
	sla_diag_summary(d);
	if (ps && c->verbose) {
		unsigned long nr, nw, nf;
		sla_parser_counts(ps, &nr, &nw, &nf);
		fprintf(stderr, TOOL ": %lu records read, %lu written, %lu flagged\n", nr, nw, nf);
	}
	if (ev)
		say_event_counts(ev, d, c->verbose);
	if (w && sla_cli_close_stdout(d, sla_writer_close(w), "the ticket stream") != SLA_EXIT_OK)
		status = SLA_EXIT_ERROR;
	sla_parser_free(ps);
	sla_events_input_free(ev);
	sla_events_map_free(map);
	sla_tz_free(tz);
	return status;
}

static int
help(struct args *a, sla_diag *d)
{
	const char *zone = embedded_zone(a, d);
	if (!zone)
		return SLA_EXIT_ERROR;
	printf(usage, zone);
	return sla_cli_close_stdout(d, 0, "the help");
}

static int
print_events(const struct args *a, sla_diag *d)
{
	sla_events_map *map = sla_events_map_load(a->policy, d);
	if (!map)
		return SLA_EXIT_ERROR;
	sla_events_map_print(map, stdout);
	int rc = sla_cli_close_stdout(d, 0, "the event names");
	sla_events_map_free(map);
	return rc;
}

static int
run(struct args *a, char **files, int nfiles, sla_diag *d)
{
	if (a->help)
		return help(a, d);
	if (a->version)
		return sla_cli_version(d);
	if (a->list_aliases) {
		(a->events ? sla_events_input_print : sla_alias_print)(stdout);
		return sla_cli_close_stdout(d, 0, "the alias table");
	}
	if (a->print_events)
		return print_events(a, d);
	if (!a->events && a->sorted)
		return sla_cli_usage_error(d, "--sorted goes with --events");
	if (a->o.no_header && !a->o.columns)
		return sla_cli_usage_error(d, "--no-header needs --columns");
	return parse_files(a, files, nfiles, d);
}

int
main(int argc, char **argv)
{
	sla_diag d = sla_diag_init(TOOL);
	struct args a = { 0 };
	d.limit = SHOWN_ERRORS;
	int rc = parse_args(argc, argv, &a, &d);
	d.level = a.quiet ? SLA_DIAG_ERRORS : SLA_DIAG_WARNINGS;
	if (rc == SLA_EXIT_OK)
		rc = run(&a, argv + optind, argc - optind, &d);
	free(a.maps);
	free(a.formats);
	free(a.extra);
	free(a.embedded_zone);
	sla_policy_free(a.contract);
	return rc;
}
