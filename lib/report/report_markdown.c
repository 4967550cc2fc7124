/* report_markdown.c: the report as Markdown (GitHub tables), for wikis and
 * tickets.  Cell text is data, never markup: a wiki renders raw HTML and
 * inline Markdown, so an id like "<script>" or "[x](javascript:...)" must
 * reach it as text.  A line break becomes <br>. */
#include <string.h>

#include "sla_report_labels.h"
#include "sla_report_formats.h"
#include "sla_report_table.h"

/* Table cells hold inline Markdown only (no headings or lists), so the
 * characters that matter are the inline ones, the cell separator and the
 * three that start HTML: those become entities. */
static void
md_text(sla_writer *w, sla_field f)
{
	for (size_t i = 0; i < f.n; i++) {
		char c = f.p[i];
		switch (c) {
		case '<': sla_writer_str(w, "&lt;"); break;
		case '>': sla_writer_str(w, "&gt;"); break;
		case '&': sla_writer_str(w, "&amp;"); break;
		case '\n': sla_writer_str(w, "<br>"); break;
		case '\r': case '\t': sla_writer_char(w, ' '); break;
		case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '~':
			sla_writer_char(w, '\\');
			sla_writer_char(w, c);
			break;
		default: sla_writer_char(w, c);
		}
	}
}

static void
md_begin(void *ctx, const sla_report *r, sla_lang lang)
{
	(void)r;
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	sla_writer_str(w, "# ");
	sla_writer_str(w, sla_label_text(SLA_L_TITLE, lang));
	sla_writer_char(w, '\n');
}

static void
md_table(void *ctx, const sla_table *t)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	char buf[SLA_CELL_MAX];

	sla_writer_str(w, "\n## ");
	md_text(w, (sla_field){ t->title, strlen(t->title) });
	sla_writer_str(w, "\n\n|");
	for (size_t c = 0; c < t->ncols; c++) {
		sla_writer_char(w, ' ');
		md_text(w, (sla_field){ t->head[c], strlen(t->head[c]) });
		sla_writer_str(w, " |");
	}
	sla_writer_str(w, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		sla_writer_str(w, sla_table_numeric_column(t, c) ? " ---: |" : " --- |");
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		if (i % t->ncols == 0)
			sla_writer_str(w, "\n|");
		sla_writer_char(w, ' ');
		md_text(w, sla_cell_text(&t->cells[i], false, buf));
		sla_writer_str(w, " |");
	}
	sla_writer_char(w, '\n');
}

const sla_table_sink sla_markdown_sink = { md_begin, md_table, NULL };
