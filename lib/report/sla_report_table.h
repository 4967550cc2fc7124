/* sla_report_table.h: the report as a sequence of tables, shared by the
 * table-shaped formats (text, tsv, csv, markdown, html) so that each format
 * only decides how a table looks, never what is in it.
 *
 * A cell keeps its value typed -- a count, seconds, money, a ratio -- and
 * the format chooses how to print it: people read 26:04:10, machines 93850. */
#ifndef SLA_REPORT_TABLE_H
#define SLA_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_report.h"
#include "sla_stream.h"

typedef enum sla_cell_kind {
	SLA_CELL_TEXT,		/* text */
	SLA_CELL_COUNT,		/* a */
	SLA_CELL_SECONDS,	/* a; negative: unknown */
	SLA_CELL_MONEY,		/* a minor units, b digits */
	SLA_CELL_RATIO,		/* a of b as a percentage; b == 0: none */
	SLA_CELL_PERIOD,	/* a first day, b sla_period_kind */
	SLA_CELL_NONE,		/* no value: "-" for people, empty for machines */
} sla_cell_kind;

typedef struct sla_cell {
	sla_cell_kind kind;
	const char *text;
	int64_t a, b;
} sla_cell;

/* Longest non-text cell as printed, with its NUL. */
#define SLA_CELL_MAX 64

/* The text of cell C: for people (H:MM:SS durations, "-" for no value) or,
 * when MACHINE, for programs (whole seconds, empty for no value).  Points
 * into C's text or into BUF. */
sla_field sla_cell_text(const sla_cell *c, bool machine, char buf[SLA_CELL_MAX]);
/* NUM / DEN (both >= 0, DEN > 0) with PLACES decimals, rounded half up,
 * into BUF (SLA_CELL_MAX bytes): compliance and means, without floating
 * point, so every format prints the same digits.  Returns the length. */
size_t sla_format_fixed(int64_t num, int64_t den, int places, char *buf);
/* The same, rounded down: for compliance, which must never look better
 * than it is. */
size_t sla_format_floor(int64_t num, int64_t den, int places, char *buf);

/* Whether the cell is a number, to be aligned to the right. */
bool sla_cell_numeric(const sla_cell *c);

typedef struct sla_table {
	const char *id;		/* stable name: "tiers", "groups", "statement" ... */
	const char *title;	/* in the report's language */
	size_t ncols, nrows;
	const char **head;	/* ncols */
	sla_cell *cells;	/* nrows * ncols, row by row */
} sla_table;

/* How one format writes a document; BEGIN and END may be NULL. */
typedef struct sla_table_sink {
	void (*begin)(void *ctx, const sla_report *r, sla_lang lang);
	void (*table)(void *ctx, const sla_table *t);
	void (*end)(void *ctx, const sla_report *r, sla_lang lang);
} sla_table_sink;

/* Build the report's tables one after another and hand each to SINK. */
void sla_report_tables(const sla_report *r, sla_lang lang, const sla_table_sink *sink,
		       void *ctx);

/* ---- labels ------------------------------------------------------------- */

typedef enum sla_label {
	L_TITLE, L_OVERVIEW, L_ROWS_READ, L_PERIOD, L_TIMEZONE, L_GROUPED_BY,
	L_CONTRACT, L_CURRENCY, L_FEE, L_ITEM, L_VALUE, L_NONE,
	L_BY_TIER, L_BY_PERIOD, L_BY_GROUP, L_ELAPSED, L_SATISFACTION,
	L_TOP, L_UNASSESSED, L_STATEMENT, L_NOTES, L_NOTE,
	L_TIER, L_ALL, L_ROWS, L_COMPLIANCE, L_ASSESSED,
	L_P50, L_P90, L_P95, L_MAX,
	L_ID, L_LINE, L_AT_LINE, L_METRIC, L_STATUS, L_TARGET, L_TOOK, L_OVERRUN, L_REASON,
	L_CUSTOMER, L_SCORES, L_MEAN_SCORE, L_SCORE_DIST, L_PERCENTS,
	L_MEAN_PERCENT, L_PERCENT_DIST, L_UNREADABLE,
	L_DETAIL, L_AMOUNT, L_BREACH, L_BREACH_SUM, L_BREACHES,
	L_CREDIT, L_NO_BAND, L_CREDIT_BAND, L_CAP, L_NO_CAP, L_CAP_PERCENT,
	L_CAP_AMOUNT, L_TOTAL, L_TOTAL_SUM, L_TOTAL_CAPPED, L_KEPT_OF,
	L_ALL_CUSTOMERS, L_STATEMENT_CUSTOMER, L_STATEMENTS, L_STATEMENT_TERMS,
	L_PER_CONTRACT, L_PER_CUSTOMER,
	L_CHART_COMPLIANCE, L_CHART_ELAPSED, L_BUCKET_OVER,
	L_STATUS_FIRST,		/* then one label per sla_status */
	L_NLABELS = L_STATUS_FIRST + SLA_NSTATUS
} sla_label;

const char *sla_label_text(sla_label l, sla_lang lang);
const char *sla_status_label(sla_status s, sla_lang lang);

/* Whether every cell of column COL is a number (aligned right). */
bool sla_table_numeric_column(const sla_table *t, size_t col);

/* The formats. */
extern const sla_table_sink sla_text_sink, sla_tsv_sink, sla_csv_sink,
	sla_markdown_sink, sla_html_sink;
void sla_report_write_json(const sla_report *r, sla_writer *w);

/* Each table sink's context: where it writes, and room for its own state. */
typedef struct sla_sink_ctx {
	sla_writer *w;
	const sla_report *r;
	sla_lang lang;
} sla_sink_ctx;

#endif
