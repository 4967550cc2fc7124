/* report_markdown.c: the report as Markdown (GitHub tables), for wikis and
 * tickets.  Cell text is data, never markup: a wiki renders raw HTML and
 * inline Markdown, so an id like "<script>" or "[x](javascript:...)" must
 * reach it as text.  A line break becomes <br>; no control, bidi override
 * or bad byte is written as it is (sla_visible.h). */
#include <string.h>

#include "sla_report_labels.h"
#include "sla_report_formats.h"
#include "sla_report_table.h"
#include "sla_visible.h"

/* Table cells hold inline Markdown only (no headings or lists), so the
 * characters that matter are the inline ones, the cell separator and the
 * three that start HTML: those become entities. */
static void
md_run(void *ctx, const char *p, size_t n)
{
	sla_writer *w = ctx;

	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		switch (c) {
		case '<': sla_writer_str(w, "&lt;"); break;
		case '>': sla_writer_str(w, "&gt;"); break;
		case '&': sla_writer_str(w, "&amp;"); break;
		case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '~':
			sla_writer_char(w, '\\');
			sla_writer_char(w, c);
			break;
		default: sla_writer_char(w, c);
		}
	}
}

/* A line break is <br>, a tab or carriage return a blank; any other
 * control, a bidi override or a bad byte is shown in its visible form,
 * itself text like the rest (<U+202E> becomes &lt;U+202E&gt;). */
static void
md_unsafe(void *ctx, const sla_unsafe *u)
{
	char buf[SLA_VISIBLE_MAX];

	if (u->kind == SLA_UNSAFE_CONTROL && u->cp == '\n')
		sla_writer_str(ctx, "<br>");
	else if (u->kind == SLA_UNSAFE_CONTROL && (u->cp == '\t' || u->cp == '\r'))
		sla_writer_char(ctx, ' ');
	else
		md_run(ctx, buf, sla_visible_form(u, buf));
}

static void
md_text(sla_writer *w, sla_field f)
{
	static const sla_visible_ops ops = { md_run, md_unsafe };
	sla_visible_walk(f.p, f.n, &ops, w);
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
