/* sla_report_table.h: the report as a sequence of tables, shared by the
 * table-shaped formats (text, tsv, csv, markdown, html; for tools, tsv and
 * csv --table and xlsx) so that each format only decides how a table
 * looks, never what is in it.
 *
 * Two parts stand behind it, and neither knows a format:
 *   report_cells.c   the table model: a cell's text for people or for
 *                    programs, fixed-point numbers, which columns are
 *                    numbers (aligned right), text escaped as the
 *                    streams escape it;
 *   report_tables.c  what the report says: every table, built from the
 *                    finished model and handed to a sink one at a time;
 *                    the penalty statements' tables in
 *                    report_statements.c, both built with the private
 *                    builder of report_builder.h (report_builder.c).
 * The formats (sla_report_formats.h) use the first; only the dispatcher
 * (report_write.c) calls the second, with the sink of the format asked.
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

/* ---- the table model (report_cells.c) ----------------------------------- */

typedef enum sla_cell_kind {
	SLA_CELL_TEXT,		/* text */
	SLA_CELL_COUNT,		/* a */
	SLA_CELL_SECONDS,	/* a; negative: unknown */
	SLA_CELL_MONEY,		/* a minor units, b digits */
	SLA_CELL_RATIO,		/* a of b as a percentage; b == 0: none */
	SLA_CELL_PERIOD,	/* a first day, b sla_period_kind */
	SLA_CELL_NONE,		/* no value: "-" for people, empty for machines */
	SLA_CELL_PPM,		/* a parts per million of the contract's own (a
				 * credit rate, a band's threshold): exact */
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
/* The text of cell C for tools (--table): as sla_cell_text's for
 * programs, except that a ratio is a fraction 0..1 with six places,
 * rounded down (the JSON's compliance), and parts per million a fraction
 * exactly, so that a column holds numbers a program reads as numbers. */
sla_field sla_cell_data(const sla_cell *c, char buf[SLA_CELL_MAX]);
/* NUM / DEN (both >= 0, DEN > 0) with PLACES decimals, rounded half up,
 * into BUF (SLA_CELL_MAX bytes): compliance and means, without floating
 * point, so every format prints the same digits.  Returns the length. */
size_t sla_format_fixed(int64_t num, int64_t den, int places, char *buf);
/* The same, rounded down: for compliance, which must never look better
 * than it is. */
size_t sla_format_floor(int64_t num, int64_t den, int places, char *buf);

/* A of B (B > 0) as a percentage with PLACES places and a "%", rounded
 * down like sla_format_floor, into BUF (SLA_CELL_MAX bytes).  Returns the
 * length. */
size_t sla_format_percent(int64_t a, int64_t b, int places, char *buf);

/* The number NUM (N bytes: an optional '-', digits, an optional '.' and
 * decimals) with a ',' between each three digits before the point, into
 * OUT (SLA_CELL_MAX bytes): 31645.00 is 31,645.00.  Returns the length. */
size_t sla_format_grouped(const char *num, size_t n, char *out);

/* Whether the cell is a number, to be aligned to the right. */
bool sla_cell_numeric(const sla_cell *c);

/* Text F on W escaped as the streams escape it (\t \n \r \\), and every
 * other character that must not reach a reader as it is -- a control, a
 * bidi override, a byte that is not UTF-8 -- in its visible form (\x1b,
 * <U+202E>, \xff: sla_visible.h): the text and tsv formats' cells, which
 * are always valid UTF-8 and never move a terminal's cursor. */
void sla_cell_write_escaped(sla_writer *w, sla_field f);
/* The display columns (sla_textwidth.h) of what sla_cell_write_escaped
 * writes for F. */
size_t sla_cell_escaped_width(sla_field f);
/* sla_cell_write_escaped, returning sla_cell_escaped_width: one pass. */
size_t sla_cell_write_measured(sla_writer *w, sla_field f);

typedef struct sla_table {
	const char *id;		/* stable name: "tiers", "groups", "statement" ... */
	const char *title;	/* in the report's language */
	size_t ncols, nrows;
	const char **head;	/* ncols, in the report's language */
	const char **keys;	/* ncols: the columns' names for programs, the
				 * same in every language: "period", "rows",
				 * "compliance", a --by column's own name */
	sla_cell *cells;	/* nrows * ncols, row by row */
} sla_table;

/* Whether every cell of column COL is a number (aligned right). */
bool sla_table_numeric_column(const sla_table *t, size_t col);

/* How one format writes a document; BEGIN and END may be NULL. */
typedef struct sla_table_sink {
	void (*begin)(void *ctx, const sla_report *r, sla_lang lang);
	void (*table)(void *ctx, const sla_table *t);
	void (*end)(void *ctx, const sla_report *r, sla_lang lang);
} sla_table_sink;

/* How a format that writes sections writes a document: when the report is
 * about customers (sla_report_sectioned), the tables of the whole contract
 * come first, then a section a customer, opened by SECTION with the
 * customer (sla_report_customers' I-th) and holding that customer's
 * groups and statements; SECTION with CUSTOMER NULL ends the last one. */
typedef struct sla_section_sink {
	sla_table_sink tables;
	void (*section)(void *ctx, const char *customer, size_t i);
	/* amounts in the statements' words with thousands separators
	 * (sla_format_grouped); the cells are the format's to print */
	bool group_digits;
} sla_section_sink;

/* Whether R is about customers: sla_table_sink's sections apply. */
bool sla_report_sectioned(const sla_report *r);

/* ---- the report's tables (report_tables.c) ------------------------------- */

/* Build the report's tables one after another and hand each to SINK
 * (report_tables.c).  CTX is the sink's own; the tables live only for the
 * call to SINK->table.  A table that runs out of memory is left out. */
void sla_report_tables(const sla_report *r, sla_lang lang, const sla_table_sink *sink,
		       void *ctx);
/* The same for a format of sections (sla_section_sink); when the report
 * is not about customers, the same tables as sla_report_tables, in one
 * sequence. */
void sla_report_sections(const sla_report *r, sla_lang lang, const sla_section_sink *sink,
			 void *ctx);

/* The same tables for tools (--table, xlsx): every table, also one without
 * rows, and instead of a table for each penalty statement ("statement",
 * its arithmetic in words) two rectangular ones: "statements", one row a
 * statement with its inputs beside its results and a last row "All" with
 * what they owe in all, and "breaches", one row a priced breach.  Their
 * ids, in the order they come, are sla_table_ids (ending with NULL). */
void sla_report_tool_tables(const sla_report *r, sla_lang lang, const sla_table_sink *sink,
			    void *ctx);
extern const char *const sla_table_ids[];

#endif
