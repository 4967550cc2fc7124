/* report_text.c: the report as aligned plain-text tables, for terminals and
 * mail.  Columns are measured in display columns, so Chinese text (two
 * columns a character) lines up; numbers align right. */
#include <stdlib.h>
#include <string.h>

#include "sla_report_labels.h"
#include "sla_report_formats.h"
#include "sla_report_table.h"
#include "sla_textwidth.h"
#include "sla_utf8.h"

enum { GAP = 2 };

/* Display columns of F as written: control characters would break a line
 * or a column, so they are written escaped, the way the streams write them
 * (\t: two columns).  ASCII, the common case, needs no decoding. */
static size_t
shown_width(sla_field f)
{
	size_t w = 0;

	for (size_t i = 0; i < f.n;) {
		unsigned char c = (unsigned char)f.p[i];
		if (c < 0x80) {
			w += c == '\t' || c == '\n' || c == '\r' || c == '\\' ? 2 : 1;
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = sla_utf8_decode(f.p + i, f.n - i, &cp);
		w += len ? (size_t)sla_codepoint_width(cp) : 1;
		i += len ? len : 1;
	}
	return w;
}

static void
pad(sla_writer *w, size_t n)
{
	while (n-- > 0)
		sla_writer_char(w, ' ');
}

static void
underline(sla_writer *w, const char *title, char c)
{
	sla_writer_str(w, title);
	sla_writer_char(w, '\n');
	for (size_t n = sla_text_width(title, strlen(title)); n > 0; n--)
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
 * blanks). */
static void
cell(sla_writer *w, sla_field f, bool right, size_t width, bool last)
{
	size_t used = shown_width(f);
	if (right)
		pad(w, width - used);
	sla_writer_escaped(w, f.p, f.n);
	if (!right && !last)
		pad(w, width - used);
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
			width[c] = shown_width((sla_field){ t->head[c], strlen(t->head[c]) });
			right[c] = sla_table_numeric_column(t, c);
		}
		for (size_t i = 0; i < t->nrows * t->ncols; i++) {
			size_t n = shown_width(sla_cell_text(&t->cells[i], false, buf));
			if (n > width[i % t->ncols])
				width[i % t->ncols] = n;
		}
		sla_writer_char(w, '\n');
		underline(w, t->title, '-');
		for (size_t c = 0; c < t->ncols; c++)
			cell(w, (sla_field){ t->head[c], strlen(t->head[c]) }, right[c], width[c],
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
