/* lib/report/: compliance reports and penalty statements (lib/README). */
/* sla_report.h: compliance report and penalty statement over the check
 * stream (DESIGN §5, §6; sla-report(1)).
 *
 * Rows go in one at a time (sla_report_add); the report keeps its groups,
 * the elapsed times that exact percentiles need, the worst overruns of each
 * group, the breaches of each penalty statement and the excluded and
 * invalid rows with their reasons -- never whole rows.  After
 * sla_report_finish the model is read through the const views below, which
 * every output format (sla_report_write) shares.
 *
 * The face of lib/report/ for the tools.  Behind it: the model (report.c
 * and the files named in the private report_int.h), the tables
 * (sla_report_table.h), the words (sla_report_labels.h), one file a
 * format (sla_report_formats.h) and the dispatcher (report_write.c).
 * Prices come from lib/policy (sla_penalty.h). */
#ifndef SLA_REPORT_H
#define SLA_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_diag.h"
#include "sla_policy.h"
#include "sla_status.h"
#include "sla_stream.h"
#include "sla_tz.h"

/* The statuses of the check stream (enum sla_status, sla_status_name)
 * are sla-check's, from sla_status.h. */
typedef enum sla_status sla_status;

typedef enum sla_period_kind {
	SLA_PERIOD_DAY, SLA_PERIOD_WEEK, SLA_PERIOD_MONTH, SLA_PERIOD_QUARTER,
	SLA_PERIOD_YEAR
} sla_period_kind;

/* "day", "week", ... into *KIND; 0, or -1 for an unknown name. */
int sla_period_parse(const char *name, sla_period_kind *kind);
/* The name sla_period_parse reads for KIND: "day", "week", ... (static). */
const char *sla_period_name(sla_period_kind kind);

/* A period is named by the day number (days since 1970-01-01) of its first
 * day; this one stands for rows whose start could not be read. */
#define SLA_NO_PERIOD INT64_MIN

/* The period's label: 2026-03-02, 2026-W10, 2026-03, 2026-Q1, 2026; "-"
 * for SLA_NO_PERIOD.  BUF holds SLA_PERIOD_LABEL_MAX bytes; returns BUF. */
#define SLA_PERIOD_LABEL_MAX 48
const char *sla_period_label(sla_period_kind kind, int64_t first_day, char *buf);
/* The day number of the last day of the period of KIND that starts on
 * FIRST_DAY (not SLA_NO_PERIOD). */
int64_t sla_period_last_day(sla_period_kind kind, int64_t first_day);

/* The contract's terms for the penalty statement (DESIGN §6), copied from
 * the policy by the caller; BANDS stays owned by the caller. */
typedef struct sla_report_terms {
	const char *contract;	/* the policy's name; may be empty */
	const char *currency;
	int minor_digits;
	int64_t fee;
	const sla_credit_band *bands;
	size_t nbands;
	sla_cap cap;
	/* A statement covers PERIOD (month, quarter or year) of each row's
	 * `opened` column, or of its `start` when the stream has no opened;
	 * per customer, or for the whole contract.  Never the report's
	 * grouping: cfg.period and cfg.by leave statements as they are. */
	sla_period_kind period;
	bool per_customer;
} sla_report_terms;

/* Where the report's figures come from and what they are as of, for a
 * page that people sign (the HTML report's header).  Borrowed. */
typedef struct sla_report_origin {
	const char *const *inputs;	/* the check streams, as named; none: standard input */
	size_t ninputs;
	const char *policy_file;	/* as named; NULL: the embedded default */
	const char *policy_sha256;	/* hex SHA-256 of the policy's bytes; NULL: unknown */
	bool has_now;		/* NOW is the as-of instant, over the stream's as_of */
	int64_t now;
} sla_report_origin;

typedef struct sla_report_config {
	sla_period_kind period;
	const char *const *by;	/* grouping columns, besides the period */
	size_t nby;
	const char *by_name;	/* what the caller calls BY in a message ("--by");
				 * NULL: "by" */
	size_t top;		/* worst overruns kept per group */
	bool strict;		/* a row that cannot be read is fatal */
	const sla_tz *tz;	/* periods are read in this zone */
	const char *const *tier_order;	/* the policy's tiers, listed in this order */
	size_t ntiers;
	const char *const *metric_order;	/* the policy's metrics, in this order */
	size_t nmetrics;
	const sla_report_terms *terms;	/* NULL: no penalty statement */
	/* For a partial report (sla_report_partial.h): the digest of the
	 * policy's text (sla_digest.h), and the name of the export the rows
	 * come from (--source; NULL: none).  A run that writes a partial sets
	 * PARTIAL, so that the report keeps what tells its part from another
	 * (its first and last line, its rows, a digest of them). */
	bool partial;
	uint64_t policy_digest;
	const char *source;
	const sla_report_origin *origin;	/* NULL: not said */
	/* Count the slices and customers and read the as_of column (what the
	 * HTML page draws and says; a fifth more time a row).  False: those
	 * views are empty, and as of is only origin's now. */
	bool slices;
} sla_report_config;

/* Elapsed-time buckets for the distribution per tier: their upper bounds
 * in seconds, the last one open. */
enum { SLA_NBUCKETS = 7 };
extern const int64_t sla_bucket_upper[SLA_NBUCKETS - 1];

/* Counts per status, and the elapsed-time distribution of the rows that
 * count in compliance. */
typedef struct sla_tally {
	uint64_t count[SLA_NSTATUS];
	uint64_t bucket[SLA_NBUCKETS];
} sla_tally;

uint64_t sla_tally_rows(const sla_tally *t);
uint64_t sla_tally_kept(const sla_tally *t);
uint64_t sla_tally_broken(const sla_tally *t);

/* Where a row was, for the order a merge of partial reports must keep
 * (sla_report_partial.h): the part of the stream that held it (0 in a
 * run; a merge numbers the parts it read) and the row's number within
 * that part, from 1.  The entries of the model (groups, tiers, statements,
 * notes) carry the place of their first row: a single run's order of
 * first appearance is their order by place. */
typedef struct sla_report_pos {
	uint64_t part, row;
} sla_report_pos;

/* One ticket and metric kept for a listing: a worst overrun, a breach of a
 * penalty statement, an excluded or invalid row.  Strings are decoded. */
typedef struct sla_report_item {
	const char *id, *customer, *tier, *metric, *reason;
	unsigned long line;	/* the `line` column: where it was in the export */
	sla_status status;
	int64_t period;
	int64_t target, elapsed, overrun;	/* seconds; -1 when not known */
	int64_t penalty;	/* minor units */
	bool has_penalty;
	sla_report_pos at;	/* where the row was */
} sla_report_item;

/* Customer satisfaction, where the stream carries a `satisfaction` column:
 * scores 1-5 and percentages (written "87%", or a bare number above 5) are
 * kept apart.  Counted once per ticket and group. */
typedef struct sla_satisfaction {
	uint64_t scores[5];	/* how many 1, 2, 3, 4, 5 */
	uint64_t nscores;
	uint64_t npercent;
	int64_t percent_sum;	/* hundredths of a percent */
	uint64_t percent_band[5];	/* 0-19, 20-39, 40-59, 60-79, 80-100 */
	uint64_t unreadable;
} sla_satisfaction;

/* The sum of S's scores in hundredths of a point, the numerator of their
 * mean; false when it does not fit (counts of merged partials only). */
bool sla_satisfaction_score_sum(const sla_satisfaction *s, int64_t *sum);
/* The mean of SUM hundredths over N values, two places, into BUF (of
 * SLA_CELL_MAX bytes); false when N is 0 or N hundredths do not fit. */
bool sla_satisfaction_mean_text(int64_t sum, uint64_t n, char *buf);

typedef struct sla_report_group {
	int64_t period;
	const char *const *keys;	/* one per grouping column, decoded */
	sla_tally tally;
	/* Exact percentiles (nearest rank) and maximum of elapsed time over
	 * the rows that count in compliance; valid when nelapsed > 0. */
	size_t nelapsed;
	int64_t p50, p90, p95, max;
	const sla_report_item *top;	/* worst overruns first */
	size_t ntop;
	sla_satisfaction satisfaction;
} sla_report_group;

/* One labelled tally: a tier, or a period. */
typedef struct sla_report_subtotal {
	const char *label;	/* the tier or customer; NULL for a period */
	int64_t period;
	sla_tally tally;
	size_t order;		/* tiers: the policy's order, then first appearance */
	sla_report_pos first;	/* of its first row */
} sla_report_subtotal;

/* The penalty statement of one of the contract's periods (terms.period):
 * of one customer, or of the whole contract (terms.per_customer). */
typedef struct sla_statement {
	int64_t period;
	const char *customer;	/* NULL for a statement of the whole contract */
	const char *const *customers;	/* whose rows it counts, in order of first appearance */
	size_t ncustomers;
	uint64_t kept, broken;
	const sla_report_item *breaches;	/* the rows with a penalty, in stream order */
	size_t nbreaches;
	int64_t breach_sum;
	bool band_hit;
	sla_credit_band band;	/* when band_hit */
	int64_t credit;
	int64_t cap;		/* when the terms have one */
	bool capped;		/* the cap was lower than sum + credit */
	int64_t total;
} sla_statement;

/* A note that rows of the check stream carry (its `note` column: a
 * computation that went outside the years its holiday data covers), and
 * how many rows carry it. */
typedef struct sla_report_note {
	const char *text;	/* decoded */
	uint64_t rows;
	sla_report_pos first;	/* of its first row */
} sla_report_note;

typedef struct sla_report sla_report;

/* A report reading rows with the columns of HEADER (NCOLS of them).
 * NULL when a needed column is missing (the message names it, through D). */
sla_report *sla_report_new(const sla_report_config *cfg, const sla_field *header,
			   size_t ncols, sla_diag *d);
/* The same for the stream IN, whose header it reads; a message about a
 * missing column is placed at IN's file, line 1. */
sla_report *sla_report_open(const sla_report_config *cfg, const sla_reader *in, sla_diag *d);
void sla_report_free(sla_report *r);

/* Take one row (NCOLS fields, still escaped).  RAGGED is
 * sla_reader_ragged()'s answer; NUL the header's name of the column that
 * sla_reader_nul() names, or NULL; FILE and LINE place messages.  A row that
 * cannot be read (a NUL byte among them) becomes an invalid one with the
 * reason: it is counted and listed, never dropped -- unless cfg.strict,
 * when it is fatal.  Returns 0, or -1 on a fatal error (the message is
 * printed). */
int sla_report_add(sla_report *r, const sla_field *fields, size_t ragged, const sla_field *nul,
		   const char *file, unsigned long line);

/* Sort, compute percentiles and penalty statements.  Once, after the last
 * row; returns 0, -1 when out of memory (not printed), or -2 when a
 * statement's total does not fit (printed through the diag). */
int sla_report_finish(sla_report *r);

/* Add every row of IN, then finish: the whole of a run.  Returns 0, or -1
 * on a fatal error (the message is printed). */
int sla_report_read(sla_report *r, sla_reader *in);

/* ---- the finished model ------------------------------------------------- */

const sla_report_config *sla_report_config_of(const sla_report *r);
/* The place of NAME in the N names of ORDER (the policy's tiers or
 * metrics), else N + FALLBACK: the policy's come first, in its order. */
size_t sla_report_rank(const char *const *order, size_t n, const char *name, size_t fallback);
uint64_t sla_report_rows(const sla_report *r);
const sla_tally *sla_report_total(const sla_report *r);
/* Groups in period order, then in order of first appearance. */
const sla_report_group *sla_report_groups(const sla_report *r, size_t *n);
/* Tiers in the order of cfg.tier_order, then the other tiers in order of
 * first appearance; periods in order. */
const sla_report_subtotal *sla_report_tiers(const sla_report *r, size_t *n);
const sla_report_subtotal *sla_report_periods(const sla_report *r, size_t *n);
/* Excluded and invalid rows, in stream order. */
const sla_report_item *sla_report_unassessed(const sla_report *r, size_t *n);
/* The distinct notes of the rows, in order of first appearance. */
const sla_report_note *sla_report_notes(const sla_report *r, size_t *n);
/* Statements in the order of their periods (terms.period), then of first
 * appearance of their customer. */
const sla_statement *sla_report_statements(const sla_report *r, size_t *n);
/* What the statements owe in all, the sum of their totals, into *OWED (0
 * without contract terms; report_owed.c).  Returns 0, or -1 when the sum
 * does not fit (*OWED is then untouched): never a wrapped figure. */
int sla_report_owed(const sla_report *r, int64_t *owed);
/* Whether any row carried a `satisfaction` column. */
bool sla_report_has_satisfaction(const sla_report *r);

/* The instant the report is as of: cfg.origin's now when it has one,
 * else the as_of column's (sla-check writes its --now there).  EARLIEST
 * and LATEST differ when rows disagree (streams of several runs read
 * together).  False when neither says. */
bool sla_report_as_of(const sla_report *r, int64_t *earliest, int64_t *latest);

/* The rows counted by period (cfg.period), tier, metric and customer,
 * whatever cfg.by groups by: what the charts and a customer's section
 * read.  Strings are decoded; customer and tier may be empty. */
typedef struct sla_report_slice {
	int64_t period;
	const char *tier, *metric, *customer;
	sla_tally tally;
	size_t order;		/* of first appearance */
	sla_report_pos first;	/* of its first row */
	size_t tier_at;		/* its tier's index in sla_report_tiers */
	size_t customer_at;	/* its customer's in sla_report_customers */
} sla_report_slice;

/* In period order, then the tiers' order (sla_report_tiers), then of
 * first appearance. */
const sla_report_slice *sla_report_slices(const sla_report *r, size_t *n);
/* The customers of the rows (label; "" for rows without one), in order of
 * first appearance, each with its tally. */
const sla_report_subtotal *sla_report_customers(const sla_report *r, size_t *n);

/* ---- output ------------------------------------------------------------- */

typedef enum sla_report_format {
	SLA_FORMAT_TEXT, SLA_FORMAT_TSV, SLA_FORMAT_CSV, SLA_FORMAT_JSON,
	SLA_FORMAT_MARKDOWN, SLA_FORMAT_HTML, SLA_FORMAT_XLSX
} sla_report_format;

int sla_report_format_parse(const char *name, sla_report_format *f);

typedef enum sla_lang { SLA_LANG_EN, SLA_LANG_ZH } sla_lang;

int sla_lang_parse(const char *name, sla_lang *lang);
/* The language a locale name asks for ("zh_CN.UTF-8" is Chinese); English
 * when NAME is NULL, empty or anything else. */
sla_lang sla_lang_from_locale(const char *name);

/* Write the finished report R in format F and language LANG (the whole
 * report, no byte order mark). */
void sla_report_write(const sla_report *r, sla_report_format f, sla_lang lang,
		      sla_writer *w);

/* How to write a report: the format and language, and for tsv and csv
 * whether one table alone, for tools, and a byte order mark. */
typedef struct sla_report_output {
	sla_report_format format;
	sla_lang lang;
	const char *table;	/* tsv, csv: this table alone (sla_report_table_parse
				 * knows it); NULL: the whole report */
	bool bom;		/* tsv, csv: a UTF-8 byte order mark first */
} sla_report_output;

/* Write the finished report R as O says on W.  Returns NULL, or why the
 * report could not be made (an xlsx workbook that its library or the
 * temporary directory refused); nothing is written then. */
const char *sla_report_write_as(const sla_report *r, const sla_report_output *o,
				sla_writer *w);

/* Whether NAME is a table that --table can write: 0, or -1. */
int sla_report_table_parse(const char *name);

#endif
