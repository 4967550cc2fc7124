/* report_html.h: private to the HTML report, whose two files share it:
 *   report_html.c         the page: its header block, top line, contents,
 *                         sections and tables (the sink);
 *   report_html_charts.c  the inline SVG charts.
 * What they share is how text and markup are written, and money for
 * people.  Nothing here is seen outside the HTML format. */
#ifndef REPORT_HTML_H
#define REPORT_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "sla_report.h"
#include "sla_report_table.h"
#include "sla_stream.h"

/* Text from the input or a label, escaped for XML; controls, bidi
 * overrides and bad bytes in their visible forms (sla_visible.h). */
void sla_html_text(sla_writer *w, const char *p, size_t n);
void sla_html_str(sla_writer *w, const char *s);

/* Markup with numbers in it, never text from the input; up to 512 bytes. */
void sla_html_put(sla_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An SVG <text> at X, Y anchored at ANCHOR ("start", "middle", "end"),
 * with CLASS (NULL: none) and the text T[0..N). */
void sla_html_svg_text(sla_writer *w, long x, long y, const char *anchor, const char *cls,
		       const char *t, size_t n);

/* MINOR units of R's currency for people: 31,645.00.  Into BUF; returns
 * the length. */
size_t sla_html_money(const sla_report *r, int64_t minor, char buf[SLA_CELL_MAX]);

/* The sum of every statement's total into *SUM; -1 when it does not fit. */
int sla_html_total_owed(const sla_report *r, int64_t *sum);

/* The charts of the whole report, each under its heading. */
void sla_html_charts(sla_writer *w, const sla_report *r, sla_lang lang);

#endif
