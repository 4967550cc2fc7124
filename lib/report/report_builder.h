/* report_builder.h: private to the report's tables (report_tables.c, which
 * builds the report's tables and calls the statements', and
 * report_statements.c, the penalty statements): how a table is built.
 *
 * The builder, in report_builder.c, owns the table it builds -- its head,
 * its cells, and every string made for it (sla_rpt_build_printf) -- until
 * sla_rpt_build_emit hands the table to the sink and frees it all.  Memory
 * is the cells of one table and its strings; nothing outlives the table.
 * Out of memory, the builder only remembers that it failed: the table is
 * then left out, and the calls before emit need no checks.
 *
 * The cell constructors below make a typed value; how it is printed is
 * report_cells.c's (sla_report_table.h). */
#ifndef SLA_REPORT_BUILDER_H
#define SLA_REPORT_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_report_labels.h"
#include "sla_report_table.h"

/* Where the tables go: a format's sink and its context; TOOLS for a sink
 * of tools (sla_report_tool_tables), which gets every table, also one
 * without rows, and the statements as rectangular tables.  CUSTOMER: the
 * tables of that customer's section only (NULL: every customer's);
 * GROUPED: the statements' amounts with thousands separators. */
typedef struct rpt_out {
	const sla_table_sink *sink;
	void *ctx;
	bool tools;
	const char *customer;
	bool grouped;
} rpt_out;

typedef struct rpt_builder {
	sla_table t;
	size_t cap;
	char **owned;		/* strings made for this table */
	size_t nowned, owned_cap;
	bool failed;
	sla_lang lang;
	bool grouped;		/* amounts in words with thousands separators */
} rpt_builder;

/* Start table ID titled TITLE, of NCOLS columns (heads unset) in LANG.
 * False when out of memory (nothing is then held). */
bool sla_rpt_build_init(rpt_builder *b, const char *id, sla_label title, size_t ncols,
			sla_lang lang);
/* Keep S (malloc'd, may be NULL) for the table's life; returns it, or ""
 * when S is NULL or cannot be kept (the table has then failed). */
const char *sla_rpt_build_own(rpt_builder *b, char *s);
/* printf into a string the table owns. */
const char *sla_rpt_build_printf(rpt_builder *b, const char *fmt, ...);
/* A new row of empty text cells; NULL when out of memory or failed. */
sla_cell *sla_rpt_build_row(rpt_builder *b);
/* Column AT: its heading, label HEAD in the table's language, and its
 * name for programs, KEY. */
static inline void
sla_rpt_build_col(rpt_builder *b, size_t at, sla_label head, const char *key)
{
	b->t.head[at] = sla_label_text(head, b->lang);
	b->t.keys[at] = key;
}
/* Hand the table to O's sink when it has not failed and has rows (or O is
 * for tools, which get every table), then free all it holds. */
void sla_rpt_build_emit(rpt_builder *b, const rpt_out *o);

/* ---- cells ---------------------------------------------------------------- */

static inline sla_cell
sla_rpt_text(const char *s)
{
	return (sla_cell){ .kind = SLA_CELL_TEXT, .text = s };
}

static inline sla_cell
sla_rpt_none(void)
{
	return (sla_cell){ .kind = SLA_CELL_NONE };
}

static inline sla_cell
sla_rpt_count(uint64_t n)
{
	return (sla_cell){ .kind = SLA_CELL_COUNT, .a = (int64_t)n };
}

static inline sla_cell
sla_rpt_seconds(int64_t s)
{
	return (sla_cell){ .kind = SLA_CELL_SECONDS, .a = s };
}

/* A of B as a percentage (B == 0: none). */
static inline sla_cell
sla_rpt_ratio(uint64_t a, uint64_t b)
{
	return (sla_cell){ .kind = SLA_CELL_RATIO, .a = (int64_t)a, .b = (int64_t)b };
}

/* PPM parts per million of the contract's own: a rate, a threshold. */
static inline sla_cell
sla_rpt_ppm(int64_t ppm)
{
	return (sla_cell){ .kind = SLA_CELL_PPM, .a = ppm };
}

/* The period of R's --period that starts on FIRST_DAY. */
static inline sla_cell
sla_rpt_period(const sla_report *r, int64_t first_day)
{
	return (sla_cell){ .kind = SLA_CELL_PERIOD, .a = first_day,
			   .b = sla_report_config_of(r)->period };
}

/* MINOR units of the currency of R's contract terms (which it has). */
static inline sla_cell
sla_rpt_money(const sla_report *r, int64_t minor)
{
	return (sla_cell){ .kind = SLA_CELL_MONEY, .a = minor,
			   .b = sla_report_config_of(r)->terms->minor_digits };
}

/* S, or the word for none when S is empty (a row without a tier, say). */
static inline const char *
sla_rpt_nonempty(const char *s, sla_lang lang)
{
	return *s ? s : sla_label_text(SLA_L_NONE, lang);
}

/* ---- the statements (report_statements.c) --------------------------------- */

/* The penalty statements of R's contract terms handed to O: for people
 * one table each (only O->customer's when set), for tools (O->tools) the
 * two tables "statements" and "breaches"; none when R has no terms. */
void sla_rpt_statement_tables(const sla_report *r, sla_lang lang, const rpt_out *o);

#endif
