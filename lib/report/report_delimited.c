/* report_delimited.c: the report as delimited tables, TSV and CSV, for
 * programs and spreadsheets.  Both write each table as a title row
 * "# ID: TITLE", a header row and the rows, then an empty line; durations
 * are whole seconds, a cell without a value is empty.  They differ only in how a cell is written:
 *
 *   tsv  escaped the way the streams are (\t \n \r \\), LF line ends;
 *   csv  RFC 4180 (quoted when needed, "" inside quotes, CRLF line ends),
 *        and text that starts with = + - @ (or a tab or carriage return)
 *        is prefixed with ' so a spreadsheet never runs it as a formula
 *        (OWASP, CSV injection).  Numbers the report computed are not text
 *        and keep their sign. */
#include <stdio.h>
#include <string.h>

#include "sla_report_formats.h"
#include "sla_report_table.h"

typedef struct dialect {
	void (*cell)(sla_writer *w, sla_field f, bool text);
	char sep;
	const char *eol;
} dialect;

static void
tsv_cell(sla_writer *w, sla_field f, bool text)
{
	(void)text;
	sla_writer_escaped(w, f.p, f.n);
}

static void
csv_cell(sla_writer *w, sla_field f, bool text)
{
	bool formula = text && f.n > 0 && strchr("=+-@\t\r", f.p[0]);
	bool quote = formula;

	for (size_t i = 0; i < f.n && !quote; i++)
		quote = f.p[i] == ',' || f.p[i] == '"' || f.p[i] == '\n' || f.p[i] == '\r';
	if (quote)
		sla_writer_char(w, '"');
	if (formula)
		sla_writer_char(w, '\'');
	for (size_t i = 0; i < f.n; i++) {
		if (f.p[i] == '"')
			sla_writer_char(w, '"');
		sla_writer_char(w, f.p[i]);
	}
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

static void
delimited_table(sla_writer *w, const sla_table *t, const dialect *d)
{
	char buf[SLA_CELL_MAX];
	char title[256];

	snprintf(title, sizeof title, "# %s: %s", t->id, t->title);
	d->cell(w, str(title), false);
	sla_writer_str(w, d->eol);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			sla_writer_char(w, d->sep);
		d->cell(w, str(t->head[c]), true);
	}
	sla_writer_str(w, d->eol);
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		const sla_cell *c = &t->cells[i];
		d->cell(w, sla_cell_text(c, true, buf), c->kind == SLA_CELL_TEXT);
		if ((i + 1) % t->ncols == 0)
			sla_writer_str(w, d->eol);
		else
			sla_writer_char(w, d->sep);
	}
	sla_writer_str(w, d->eol);
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

const sla_table_sink sla_tsv_sink = { NULL, tsv_table, NULL };
const sla_table_sink sla_csv_sink = { NULL, csv_table, NULL };
