/* report_text.c: the report as aligned plain-text tables, for terminals and
 * mail.  Columns are measured in display columns, so Chinese text (two
 * columns a character) lines up; numbers align right.  Text is written
 * escaped (sla_cell_write_escaped), so data never drives the terminal it
 * is read on -- no escape sequence, no bidi override -- and columns are
 * measured as escaped. */
#include <stdlib.h>
#include <string.h>

#include "sla_report_labels.h"
#include "sla_report_formats.h"
#include "sla_report_table.h"

enum { GAP = 2 };

static void
pad(sla_writer *w, size_t n)
{
	while (n-- > 0)
		sla_writer_char(w, ' ');
}

static sla_field
str(const char *s)
{
	return (sla_field){ s, strlen(s) };
}

/* TITLE, escaped like every cell: a statement's names a customer. */
static void
underline(sla_writer *w, const char *title, char c)
{
	sla_cell_write_escaped(w, str(title));
	sla_writer_char(w, '\n');
	for (size_t n = sla_cell_escaped_width(str(title)); n > 0; n--)
		sla_writer_char(w, c);
	sla_writer_char(w, '\n');
}

static void
text_begin(void *ctx, const sla_report *r, sla_lang lang)
{
	(void)r;
	underline(((sla_sink_ctx *)ctx)->w, sla_label_text(SLA_L_TITLE, lang), '=');
}

/* One cell, padded to WIDTH (not the last column's text: no trailing
 * blanks).  Text on the left is measured as it is written. */
static void
cell(sla_writer *w, sla_field f, bool right, size_t width, bool last)
{
	if (right) {
		pad(w, width - sla_cell_escaped_width(f));
		sla_cell_write_escaped(w, f);
	} else {
		size_t used = sla_cell_write_measured(w, f);
		if (!last)
			pad(w, width - used);
	}
	if (!last)
		pad(w, GAP);
}

static void
text_table(void *ctx, const sla_table *t)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	char buf[SLA_CELL_MAX];
	size_t *width = calloc(t->ncols, sizeof *width);
	bool *right = calloc(t->ncols, sizeof *right);

	if (width && right) {
		for (size_t c = 0; c < t->ncols; c++) {
			width[c] = sla_cell_escaped_width(str(t->head[c]));
			right[c] = sla_table_numeric_column(t, c);
		}
		for (size_t i = 0; i < t->nrows * t->ncols; i++) {
			size_t n = sla_cell_escaped_width(sla_cell_text(&t->cells[i], false, buf));
			if (n > width[i % t->ncols])
				width[i % t->ncols] = n;
		}
		sla_writer_char(w, '\n');
		underline(w, t->title, '-');
		for (size_t c = 0; c < t->ncols; c++)
			cell(w, str(t->head[c]), right[c], width[c],
			     c + 1 == t->ncols);
		sla_writer_char(w, '\n');
		for (size_t i = 0; i < t->nrows * t->ncols; i++) {
			size_t c = i % t->ncols;
			cell(w, sla_cell_text(&t->cells[i], false, buf), right[c], width[c],
			     c + 1 == t->ncols);
			if (c + 1 == t->ncols)
				sla_writer_char(w, '\n');
		}
	}
	free(width);
	free(right);
}

const sla_table_sink sla_text_sink = { text_begin, text_table, NULL };
