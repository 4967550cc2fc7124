/* report_delimited.c: the report as delimited tables, TSV and CSV, for
 * programs and spreadsheets.  The whole report writes each table as a
 * title row "# ID: TITLE", a header row and the rows, then an empty line;
 * for tools (--table) one table alone, rectangular: a header row of its
 * keys and its rows, a ratio a fraction.  Durations are whole seconds, a
 * cell without a value is empty; a UTF-8 byte order mark comes first when
 * asked (--bom).  TSV and CSV differ only in how a cell is written:
 *
 *   tsv  escaped the way the streams are (\t \n \r \\), LF line ends;
 *   csv  RFC 4180 (quoted when needed, "" inside quotes, CRLF line ends),
 *        and text that starts with = + - @ (or a tab or carriage return)
 *        is prefixed with ' so a spreadsheet never runs it as a formula
 *        (OWASP, CSV injection).  Numbers the report computed are not text
 *        and keep their sign.
 *
 * Neither writes a control, a bidi override or a byte that is not UTF-8 as
 * it is: TSV shows them as sla_cell_write_escaped does, CSV keeps tab, LF
 * and CR (data inside quotes, by RFC 4180) and shows the rest in their
 * visible forms (sla_visible.h).  CSV has no escape of its own, so there
 * "\x1b" reads the same whether the data held ESC or those four
 * characters; TSV doubles a backslash and tells them apart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_report_formats.h"
#include "sla_report_table.h"
#include "sla_visible.h"

typedef struct dialect {
	void (*cell)(sla_writer *w, sla_field f, bool text);
	char sep;
	const char *eol;
} dialect;

static void
tsv_cell(sla_writer *w, sla_field f, bool text)
{
	(void)text;
	sla_cell_write_escaped(w, f);
}

/* Inside a CSV field: a quote doubled; tab, LF and CR are kept as data
 * (csv_unsafe). */
static void
csv_run(void *w, const char *p, size_t n)
{
	const char *q;

	while ((q = memchr(p, '"', n)) != NULL) {
		size_t k = (size_t)(q - p) + 1;
		sla_writer_raw(w, p, k);	/* up to the quote, and the quote */
		sla_writer_char(w, '"');
		p += k;
		n -= k;
	}
	sla_writer_raw(w, p, n);
}

static void
csv_unsafe(void *w, const sla_unsafe *u)
{
	char buf[SLA_VISIBLE_MAX];

	if (u->kind == SLA_UNSAFE_CONTROL && (u->cp == '\t' || u->cp == '\n' || u->cp == '\r'))
		sla_writer_char(w, (char)u->cp);
	else
		sla_writer_raw(w, buf, sla_visible_form(u, buf));
}

static const sla_visible_ops csv_ops = { csv_run, csv_unsafe };

static void
csv_cell(sla_writer *w, sla_field f, bool text)
{
	bool formula = text && f.n > 0 && memchr("=+-@\t\r", f.p[0], 6);
	bool quote = formula;

	for (size_t i = 0; i < f.n && !quote; i++)
		quote = f.p[i] == ',' || f.p[i] == '"' || f.p[i] == '\n' || f.p[i] == '\r';
	if (quote)
		sla_writer_char(w, '"');
	if (formula)
		sla_writer_char(w, '\'');
	sla_visible_walk(f.p, f.n, &csv_ops, w);
	if (quote)
		sla_writer_char(w, '"');
}

static const dialect tsv = { tsv_cell, '\t', "\n" };
static const dialect csv = { csv_cell, ',', "\r\n" };

static sla_field
str(const char *s)
{
	return (sla_field){ s, strlen(s) };
}

/* "# ID: TITLE" as one cell, whole: a statement's title names a customer,
 * and a name cut short would end in half a character. */
static void
title_row(sla_writer *w, const sla_table *t, const dialect *d)
{
	size_t n = strlen(t->id) + strlen(t->title) + sizeof "# : ";
	char *title = malloc(n);

	if (title) {
		snprintf(title, n, "# %s: %s", t->id, t->title);
		d->cell(w, str(title), false);
	} else {
		sla_writer_str(w, "# ");	/* no memory: the id at least */
		sla_writer_str(w, t->id);
	}
	free(title);
	sla_writer_str(w, d->eol);
}

/* A row of NAMES[0..N): a table's headings, or its keys. */
static void
names_row(sla_writer *w, const char *const *names, size_t n, const dialect *d)
{
	for (size_t c = 0; c < n; c++) {
		if (c)
			sla_writer_char(w, d->sep);
		d->cell(w, str(names[c]), true);
	}
	sla_writer_str(w, d->eol);
}

/* The rows of T, each cell in its form for programs or, when DATA, for
 * tools (sla_cell_data). */
static void
rows(sla_writer *w, const sla_table *t, const dialect *d, bool data)
{
	char buf[SLA_CELL_MAX];

	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		const sla_cell *c = &t->cells[i];
		d->cell(w, data ? sla_cell_data(c, buf) : sla_cell_text(c, true, buf),
			c->kind == SLA_CELL_TEXT);
		if ((i + 1) % t->ncols == 0)
			sla_writer_str(w, d->eol);
		else
			sla_writer_char(w, d->sep);
	}
}

static void
delimited_table(sla_writer *w, const sla_table *t, const dialect *d)
{
	title_row(w, t, d);
	names_row(w, t->head, t->ncols, d);
	rows(w, t, d, false);
	sla_writer_str(w, d->eol);
}

/* One table for tools: the header its keys, the cells in their data form,
 * no title row, no empty line: what csvkit, Miller and pandas read as a
 * table. */
static void
tool_table(sla_writer *w, const sla_table *t, const dialect *d)
{
	names_row(w, t->keys, t->ncols, d);
	rows(w, t, d, true);
}

/* A UTF-8 byte order mark, when asked: Excel reads a CSV without one in
 * the system's code page, and shows Chinese as mojibake. */
static void
bom(void *ctx, const sla_report *r, sla_lang lang)
{
	const sla_sink_ctx *x = ctx;

	(void)r, (void)lang;
	if (x->bom)
		sla_writer_str(x->w, "\xEF\xBB\xBF");
}

static void
tsv_table(void *ctx, const sla_table *t)
{
	delimited_table(((sla_sink_ctx *)ctx)->w, t, &tsv);
}

static void
csv_table(void *ctx, const sla_table *t)
{
	delimited_table(((sla_sink_ctx *)ctx)->w, t, &csv);
}

static void
tsv_tool_table(void *ctx, const sla_table *t)
{
	const sla_sink_ctx *x = ctx;
	if (strcmp(t->id, x->table) == 0)
		tool_table(x->w, t, &tsv);
}

static void
csv_tool_table(void *ctx, const sla_table *t)
{
	const sla_sink_ctx *x = ctx;
	if (strcmp(t->id, x->table) == 0)
		tool_table(x->w, t, &csv);
}

const sla_table_sink sla_tsv_sink = { bom, tsv_table, NULL };
const sla_table_sink sla_csv_sink = { bom, csv_table, NULL };
const sla_table_sink sla_tsv_tool_sink = { bom, tsv_tool_table, NULL };
const sla_table_sink sla_csv_tool_sink = { bom, csv_tool_table, NULL };
