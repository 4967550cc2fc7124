/* report_html.c: the report as one self-contained XHTML-style page: inline
 * CSS, two inline SVG charts (compliance per period; elapsed-time
 * distribution per tier), the tables; no script, no link, no network.
 * Well-formed XML, so `xmllint --noout` accepts it: text is escaped, and
 * controls, bidi overrides and bytes that are not valid UTF-8 are shown in
 * their visible forms (sla_visible.h: \x1b, <U+202E>, \xff), as in the
 * text report. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sla_report_labels.h"
#include "sla_report_formats.h"
#include "sla_report_table.h"
#include "sla_visible.h"

static const char style[] =
	"body{font-family:sans-serif;margin:2em;color:#222}\n"
	"table{border-collapse:collapse;margin:0 0 1.5em}\n"
	"th,td{border:1px solid #ccc;padding:.25em .6em;vertical-align:top}\n"
	"th{background:#f2f2f2;text-align:left}\n"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"h2{font-size:1.1em;margin-top:1.6em}\n"
	"svg{display:block;margin:0 0 1em}\n"
	"svg text{font-family:sans-serif;font-size:11px;fill:#222}\n"
	"svg line{stroke:#bbb}\n"
	"table.statement tr:last-child td{font-weight:bold;border-top:2px solid #222}\n"
	"@media print{table{break-inside:avoid}h2{break-after:avoid}}\n";

/* Colours of the elapsed-time buckets, quick (green) to slow (red). */
static const char *const bucket_colour[SLA_NBUCKETS] = {
	"#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027",
};

/* Safe text (sla_visible.h: valid UTF-8, every character one XML allows):
 * only markup to escape. */
static void
xml_run(void *ctx, const char *p, size_t n)
{
	sla_writer *w = ctx;
	size_t from = 0;

	for (size_t i = 0; i < n; i++) {
		const char *ref = p[i] == '<' ? "&lt;" : p[i] == '>' ? "&gt;" : p[i] == '&' ? "&amp;"
				: p[i] == '"' ? "&quot;" : NULL;
		if (ref) {
			sla_writer_raw(w, p + from, i - from);
			sla_writer_str(w, ref);
			from = i + 1;
		}
	}
	sla_writer_raw(w, p + from, n - from);
}

/* Tab, LF and CR as character references (the data keeps them, the page
 * holds no raw control); any other control, a bidi override or a bad
 * byte in its visible form, as text: XML 1.0 has no reference for ESC,
 * and a reference to U+202E would still reorder the page. */
static void
xml_unsafe(void *ctx, const sla_unsafe *u)
{
	char buf[SLA_VISIBLE_MAX];

	if (u->kind == SLA_UNSAFE_CONTROL && (u->cp == '\t' || u->cp == '\n' || u->cp == '\r'))
		sla_writer_str(ctx, u->cp == '\t' ? "&#9;" : u->cp == '\n' ? "&#10;" : "&#13;");
	else
		xml_run(ctx, buf, sla_visible_form(u, buf));
}

static void
xml_text(sla_writer *w, const char *p, size_t n)
{
	static const sla_visible_ops ops = { xml_run, xml_unsafe };
	sla_visible_walk(p, n, &ops, w);
}

static void
xml_str(sla_writer *w, const char *s)
{
	xml_text(w, s, strlen(s));
}

/* Markup with numbers in it (never text from the input). */
static void
put(sla_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put(sla_writer *w, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0)
		sla_writer_raw(w, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* A <text> element at X, Y holding TEXT. */
static void
svg_text(sla_writer *w, long x, long y, const char *anchor, const char *text, size_t n)
{
	put(w, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"%s\">", x, y, anchor);
	xml_text(w, text, n);
	sla_writer_str(w, "</text>\n");
}

enum { WIDE_STEP = 48, CHART_W = 960, LEFT = 48, TOP = 20, HEIGHT = 200, BOTTOM = 40 };

/* One bar: its height is the compliance, its <title> (shown on hover, no
 * script needed) the numbers behind it; labelled when there is room. */
static void
compliance_bar(sla_writer *w, const sla_report *r, const sla_report_subtotal *p, long x,
	       long step, bool label)
{
	char buf[SLA_CELL_MAX];
	uint64_t kept = sla_tally_kept(&p->tally);
	uint64_t assessed = kept + sla_tally_broken(&p->tally);
	long bar = step * 3 / 4, h = assessed ? (long)(kept * HEIGHT / assessed) : 0;
	sla_cell ratio = { .kind = SLA_CELL_RATIO, .a = (int64_t)kept, .b = (int64_t)assessed };
	sla_cell period = { .kind = SLA_CELL_PERIOD, .a = p->period,
			    .b = sla_report_config_of(r)->period };
	sla_field pf = sla_cell_text(&period, false, buf);
	char name[SLA_CELL_MAX];
	snprintf(name, sizeof name, "%.*s", (int)pf.n, pf.p);
	sla_field rf = sla_cell_text(&ratio, false, buf);

	if (assessed) {
		put(w, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" fill=\"%s\">"
		       "<title>", x, TOP + HEIGHT - h, bar, h, kept == assessed ? "#1a9850" : "#4575b4");
		xml_str(w, name);
		put(w, ": %.*s (%llu/%llu)</title></rect>\n", (int)rf.n, rf.p,
		    (unsigned long long)kept, (unsigned long long)assessed);
	}
	if (label && step >= WIDE_STEP)
		svg_text(w, x + bar / 2, TOP + HEIGHT - h - 4, "middle", rf.p, rf.n);
	if (label)
		svg_text(w, x + bar / 2, TOP + HEIGHT + 16, "middle", name, strlen(name));
}

/* Bars per period, narrower when there are many (a year of days still
 * fits CHART_W); rows whose start was unreadable have no period to show. */
static void
compliance_chart(sla_writer *w, const sla_report *r, sla_lang lang)
{
	size_t n;
	const sla_report_subtotal *p = sla_report_periods(r, &n);
	if (n > 0 && p[n - 1].period == SLA_NO_PERIOD)
		n--;
	long step = n * WIDE_STEP <= CHART_W ? WIDE_STEP : CHART_W / (long)n > 2 ? CHART_W / (long)n : 2;
	/* Narrow bars get a period label every EVERY bars, 72 pixels apart. */
	long every = step >= WIDE_STEP ? 1 : (72 + step - 1) / step;
	long width = LEFT + (long)n * step + 40;
	char buf[SLA_CELL_MAX];

	sla_writer_str(w, "<h2>");
	xml_str(w, sla_label_text(SLA_L_CHART_COMPLIANCE, lang));
	put(w, "</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%ld\" height=\"%d\" "
	       "viewBox=\"0 0 %ld %d\" role=\"img\">\n", width, TOP + HEIGHT + BOTTOM, width,
	    TOP + HEIGHT + BOTTOM);
	for (int pct = 0; pct <= 100; pct += 25) {
		long y = TOP + HEIGHT - pct * HEIGHT / 100;
		put(w, "<line x1=\"%d\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>\n", LEFT - 4, y, width - 10, y);
		int len = snprintf(buf, sizeof buf, "%d%%", pct);
		svg_text(w, LEFT - 8, y + 4, "end", buf, (size_t)len);
	}
	for (size_t i = 0; i < n; i++)
		compliance_bar(w, r, &p[i], LEFT + (long)i * step + step / 8, step,
			       (long)i % every == 0);
	sla_writer_str(w, "</svg>\n");
}

enum { LABEL_W = 120, BAR_W = 400, ROW_H = 24 };

static void
elapsed_legend(sla_writer *w, long y, sla_lang lang)
{
	char buf[SLA_CELL_MAX], text[2 * SLA_CELL_MAX];

	for (int b = 0; b < SLA_NBUCKETS; b++) {
		long x = LABEL_W + b * 90L;
		bool last = b == SLA_NBUCKETS - 1;
		sla_cell c = { .kind = SLA_CELL_SECONDS, .a = sla_bucket_upper[last ? b - 1 : b] };
		sla_field f = sla_cell_text(&c, false, buf);
		int len = last ? snprintf(text, sizeof text, sla_label_text(SLA_L_BUCKET_OVER, lang), buf)
			       : snprintf(text, sizeof text, "\xE2\x89\xA4 %.*s", (int)f.n, f.p);
		put(w, "<rect x=\"%ld\" y=\"%ld\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", x, y,
		    bucket_colour[b]);
		svg_text(w, x + 14, y + 9, "start", text, (size_t)len);
	}
}

static void
elapsed_chart(sla_writer *w, const sla_report *r, sla_lang lang)
{
	size_t n;
	const sla_report_subtotal *t = sla_report_tiers(r, &n);
	long height = (long)n * ROW_H + 40, width = LABEL_W + SLA_NBUCKETS * 90L + 40;
	char buf[32];

	sla_writer_str(w, "<h2>");
	xml_str(w, sla_label_text(SLA_L_CHART_ELAPSED, lang));
	put(w, "</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%ld\" height=\"%ld\" "
	       "viewBox=\"0 0 %ld %ld\" role=\"img\">\n", width, height, width, height);
	for (size_t i = 0; i < n; i++) {
		long y = 10 + (long)i * ROW_H;
		uint64_t total = 0, cum = 0;
		for (int b = 0; b < SLA_NBUCKETS; b++)
			total += t[i].tally.bucket[b];
		const char *label = *t[i].label ? t[i].label : sla_label_text(SLA_L_NONE, lang);
		svg_text(w, LABEL_W - 8, y + 13, "end", label, strlen(label));
		for (int b = 0; b < SLA_NBUCKETS && total; b++) {
			long x0 = (long)(cum * BAR_W / total);
			cum += t[i].tally.bucket[b];
			long x1 = (long)(cum * BAR_W / total);
			if (x1 > x0)
				put(w, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"16\" fill=\"%s\"/>\n",
				    LABEL_W + x0, y, x1 - x0, bucket_colour[b]);
		}
		int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)total);
		svg_text(w, LABEL_W + BAR_W + 8, y + 13, "start", buf, (size_t)len);
	}
	elapsed_legend(w, 14 + (long)n * ROW_H, lang);
	sla_writer_str(w, "</svg>\n");
}

static void
html_begin(void *ctx, const sla_report *r, sla_lang lang)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	const char *title = sla_label_text(SLA_L_TITLE, lang);

	sla_writer_str(w, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
	sla_writer_str(w, lang == SLA_LANG_ZH ? "zh" : "en");
	sla_writer_str(w, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>");
	xml_str(w, title);
	sla_writer_str(w, "</title>\n<style>\n");
	sla_writer_str(w, style);
	sla_writer_str(w, "</style>\n</head>\n<body>\n<h1>");
	xml_str(w, title);
	sla_writer_str(w, "</h1>\n");
	compliance_chart(w, r, lang);
	elapsed_chart(w, r, lang);
}

static void
html_table(void *ctx, const sla_table *t)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	char buf[SLA_CELL_MAX];

	sla_writer_str(w, "<h2>");
	xml_str(w, t->title);
	put(w, "</h2>\n<table class=\"%s\">\n<thead><tr>", t->id);
	for (size_t c = 0; c < t->ncols; c++) {
		sla_writer_str(w, "<th>");
		xml_str(w, t->head[c]);
		sla_writer_str(w, "</th>");
	}
	sla_writer_str(w, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		const sla_cell *c = &t->cells[i];
		sla_field f = sla_cell_text(c, false, buf);
		if (i % t->ncols == 0)
			sla_writer_str(w, "<tr>");
		sla_writer_str(w, sla_cell_numeric(c) ? "<td class=\"n\">" : "<td>");
		xml_text(w, f.p, f.n);
		sla_writer_str(w, (i + 1) % t->ncols ? "</td>" : "</td></tr>\n");
	}
	sla_writer_str(w, "</tbody>\n</table>\n");
}

static void
html_end(void *ctx, const sla_report *r, sla_lang lang)
{
	(void)r, (void)lang;
	sla_writer_str(((sla_sink_ctx *)ctx)->w, "</body>\n</html>\n");
}

const sla_table_sink sla_html_sink = { html_begin, html_table, html_end };
