/* report_builder.c: building one table of the report and handing it to a
 * sink (report_builder.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_builder.h"
#include "sla_mem.h"

bool
sla_rpt_build_init(rpt_builder *b, const char *id, sla_label title, size_t ncols, sla_lang lang)
{
	*b = (rpt_builder){ .lang = lang };
	b->t.id = id;
	b->t.title = sla_label_text(title, lang);
	b->t.ncols = ncols;
	b->t.head = calloc(ncols + 1, sizeof *b->t.head);
	b->t.keys = calloc(ncols + 1, sizeof *b->t.keys);
	if (!b->t.head || !b->t.keys) {
		free(b->t.head);
		free(b->t.keys);
		return false;
	}
	return true;
}

const char *
sla_rpt_build_own(rpt_builder *b, char *s)
{
	if (!s || !sla_grow((void **)&b->owned, &b->owned_cap, b->nowned + 1, sizeof *b->owned)) {
		free(s);
		b->failed = true;
		return "";
	}
	b->owned[b->nowned++] = s;
	return s;
}

const char *
sla_rpt_build_printf(rpt_builder *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s && (size_t)n < sizeof small) {
		memcpy(s, small, (size_t)n + 1);
	} else if (s) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return sla_rpt_build_own(b, s);
}

sla_cell *
sla_rpt_build_row(rpt_builder *b)
{
	if (b->failed)
		return NULL;
	/* A row of cells is one element. */
	if (!sla_grow((void **)&b->t.cells, &b->cap, b->t.nrows + 1, b->t.ncols * sizeof *b->t.cells)) {
		b->failed = true;
		return NULL;
	}
	sla_cell *row = &b->t.cells[b->t.nrows++ * b->t.ncols];
	for (size_t i = 0; i < b->t.ncols; i++)
		row[i] = (sla_cell){ .kind = SLA_CELL_TEXT, .text = "" };
	return row;
}

void
sla_rpt_build_emit(rpt_builder *b, const rpt_out *o)
{
	if (!b->failed && (b->t.nrows > 0 || o->tools))
		o->sink->table(o->ctx, &b->t);
	for (size_t i = 0; i < b->nowned; i++)
		free(b->owned[i]);
	free(b->owned);
	free(b->t.head);
	free(b->t.keys);
	free(b->t.cells);
}
