/* report_html.c: the report as one self-contained page that people read,
 * print and sign (sla-report(1), FORMATS): a header block that says what
 * the figures are of (contract, as-of instant, date range, inputs, the
 * policy's SHA-256), a top line (total owed, compliance overall), the
 * contents, the charts (report_html_charts.c), the tables of the whole
 * contract, and a section a customer when the report is about customers
 * (sla_section_sink).  Inline CSS with a print style for A4, no script,
 * no link but to the page's own sections, no network.
 *
 * Well-formed XML, so `xmllint --noout` accepts it: text is escaped, and
 * controls, bidi overrides and bytes that are not valid UTF-8 are shown in
 * their visible forms (sla_visible.h: \x1b, <U+202E>, \xff), as in the
 * text report. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_html.h"
#include "sla_money.h"
#include "sla_report_formats.h"
#include "sla_report_labels.h"
#include "sla_textwidth.h"
#include "sla_time.h"
#include "sla_visible.h"

/* One font stack for both languages: customer names are Chinese in an
 * English report too, and one font keeps their rows as high as the
 * others.  Print: A4, headers repeated on every page a table runs over,
 * a customer's section on a page of its own, no row cut in two, no row
 * alone at the top or the bottom of a page, and a statement's arithmetic
 * (its last five rows) kept with its last breach. */
static const char style[] =
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
	"\"Microsoft YaHei\",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;"
	"color:#222;line-height:1.4}\n"
	"h1{font-size:1.5em;margin:0 0 .2em}\n"
	"h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #ccc}\n"
	"h3{font-size:1em;margin:1.2em 0 .4em}\n"
	"table{border-collapse:collapse;margin:0 0 1.2em;font-size:.9em}\n"
	"th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}\n"
	"thead th{background:#f2f2f2;text-align:left}\n"
	"td.s{white-space:nowrap}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"table.meta th{text-align:left;background:none;font-weight:normal;color:#555;"
	"white-space:nowrap}\n"
	"table.meta,table.meta th,table.meta td{border:none;padding:.1em 1em .1em 0}\n"
	"code{font-family:monospace;font-size:.95em;word-break:break-all}\n"
	".contract{font-size:1.15em;margin:0 0 .6em}\n"
	".headline{display:flex;flex-wrap:wrap;gap:1em 3em;margin:1em 0;padding:.6em 1em;"
	"border:2px solid #222}\n"
	".headline div{display:flex;flex-direction:column}\n"
	".headline .label{color:#555;font-size:.9em}\n"
	".headline .value{font-size:1.6em;font-weight:bold;font-variant-numeric:tabular-nums}\n"
	".headline .sub{color:#555;font-size:.9em}\n"
	".note{color:#555;font-size:.85em;margin:-.6em 0 1em}\n"
	"figure{margin:0 0 1em}\n"
	"svg{display:block;max-width:100%;height:auto}\n"
	"svg text{font-family:inherit;font-size:11px;fill:#222}\n"
	"svg text.value{font-size:10px}\n"
	"svg text.note{fill:#555}\n"
	"svg text.target,svg text.band{font-size:10px;fill:#b2182b}\n"
	"svg line.grid{stroke:#ddd}\n"
	"svg line.target{stroke:#b2182b;stroke-width:1.5}\n"
	"svg line.band{stroke:#b2182b;stroke-dasharray:5 3}\n"
	"svg path.series{fill:none;stroke-width:1.5}\n"
	"svg path.series.all{stroke-width:2.5}\n"
	"table.statement tr:last-child td{font-weight:bold;border-top:2px solid #222}\n"
	"nav ol{margin:.2em 0 1em;padding-left:1.5em}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}table{font-size:8.5pt}"
	"thead{display:table-header-group}tr,figure,.headline{break-inside:avoid}"
	"h2,h3{break-after:avoid}tbody tr:first-child{break-after:avoid}"
	"tbody tr:last-child,table.statement tr:nth-last-child(-n+5){break-before:avoid}"
	"section.customer{break-before:page}}\n";

/* ---- text and markup ------------------------------------------------------ */

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

void
sla_html_text(sla_writer *w, const char *p, size_t n)
{
	static const sla_visible_ops ops = { xml_run, xml_unsafe };
	sla_visible_walk(p, n, &ops, w);
}

void
sla_html_str(sla_writer *w, const char *s)
{
	sla_html_text(w, s, strlen(s));
}

void
sla_html_put(sla_writer *w, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0)
		sla_writer_raw(w, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void
sla_html_svg_text(sla_writer *w, long x, long y, const char *anchor, const char *cls,
		  const char *t, size_t n)
{
	sla_html_put(w, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"%s\"", x, y, anchor);
	if (cls)
		sla_html_put(w, " class=\"%s\"", cls);
	sla_writer_char(w, '>');
	sla_html_text(w, t, n);
	sla_writer_str(w, "</text>\n");
}

size_t
sla_html_money(const sla_report *r, int64_t minor, char buf[SLA_CELL_MAX])
{
	char plain[SLA_CELL_MAX];
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	size_t n = sla_money_format(minor, t ? t->minor_digits : 2, plain);
	return sla_format_grouped(plain, n, buf);
}

int
sla_html_total_owed(const sla_report *r, int64_t *sum)
{
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);
	*sum = 0;
	for (size_t i = 0; i < n; i++)
		if (sla_money_add(*sum, s[i].total, sum) < 0)
			return -1;
	return 0;
}

/* ---- the header block ----------------------------------------------------- */

static void
meta_row_begin(sla_writer *w, sla_label l, sla_lang lang)
{
	sla_writer_str(w, "<tr><th scope=\"row\">");
	sla_html_str(w, sla_label_text(l, lang));
	sla_writer_str(w, "</th><td>");
}

/* An instant as RFC 3339 in the report's zone. */
static size_t
instant(const sla_report *r, int64_t t, char buf[SLA_RFC3339_MAX])
{
	return sla_rfc3339_format(t, sla_tz_offset(sla_report_config_of(r)->tz, t), buf);
}

static void
meta_as_of(sla_writer *w, const sla_report *r, sla_lang lang)
{
	int64_t first, last;
	char a[SLA_RFC3339_MAX], b[SLA_RFC3339_MAX], text[256];

	meta_row_begin(w, SLA_L_AS_OF, lang);
	if (!sla_report_as_of(r, &first, &last)) {
		sla_html_str(w, sla_label_text(SLA_L_AS_OF_UNKNOWN, lang));
	} else {
		instant(r, first, a);
		instant(r, last, b);
		if (first == last)
			snprintf(text, sizeof text, "%s", a);
		else
			snprintf(text, sizeof text, sla_label_text(SLA_L_AS_OF_MIXED, lang), a, b);
		sla_html_str(w, text);
	}
	sla_writer_str(w, "</td></tr>\n");
}

/* The first day of the first period to the last day of the last one
 * (rows whose start could not be read have none), and the periods. */
static void
meta_range(sla_writer *w, const sla_report *r, sla_lang lang)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t n;
	const sla_report_subtotal *p = sla_report_periods(r, &n);
	char from[SLA_PERIOD_LABEL_MAX], to[SLA_PERIOD_LABEL_MAX], text[256];

	if (n > 0 && p[n - 1].period == SLA_NO_PERIOD)
		n--;
	/* Nothing after the as-of instant has happened: a period that starts
	 * later holds only tickets opened after it (excluded), and the range
	 * ends on the day of its last second. */
	int64_t first, last, end = n ? sla_period_last_day(cfg->period, p[n - 1].period) : 0;
	if (n && sla_report_as_of(r, &first, &last)) {
		int64_t t = last - 1;
		int64_t day = sla_floor_div(t + sla_tz_offset(cfg->tz, t), SLA_DAY);
		while (n > 1 && p[n - 1].period > day)
			n--;
		if (day >= p[0].period && day < end)
			end = day < sla_period_last_day(cfg->period, p[n - 1].period)
				? day : sla_period_last_day(cfg->period, p[n - 1].period);
	}
	if (n == 0)
		return;
	meta_row_begin(w, SLA_L_DATE_RANGE, lang);
	sla_date_format(p[0].period, from);
	sla_date_format(end, to);
	snprintf(text, sizeof text, sla_label_text(SLA_L_RANGE, lang), from, to);
	sla_html_str(w, text);
	sla_period_label(cfg->period, p[0].period, from);
	sla_period_label(cfg->period, p[n - 1].period, to);
	char periods[2 * SLA_PERIOD_LABEL_MAX + 16];
	snprintf(periods, sizeof periods, sla_label_text(SLA_L_RANGE, lang), from, to);
	snprintf(text, sizeof text, sla_label_text(SLA_L_BY_PERIOD_RANGE, lang),
		 sla_period_word(cfg->period, lang), n == 1 ? from : periods);
	sla_writer_char(w, ' ');
	sla_html_str(w, text);
	sla_writer_str(w, "</td></tr>\n");
}

static void
meta_source(sla_writer *w, const sla_report_origin *src, sla_lang lang)
{
	meta_row_begin(w, SLA_L_INPUTS, lang);
	for (size_t i = 0; i < src->ninputs; i++) {
		bool stdin_ = strcmp(src->inputs[i], "-") == 0;
		if (i)
			sla_writer_str(w, "<br/>");
		if (stdin_)
			sla_html_str(w, sla_label_text(SLA_L_STDIN, lang));
		else
			sla_writer_str(w, "<code>"), sla_html_str(w, src->inputs[i]), sla_writer_str(w, "</code>");
	}
	if (src->ninputs == 0)
		sla_html_str(w, sla_label_text(SLA_L_STDIN, lang));
	sla_writer_str(w, "</td></tr>\n");
	meta_row_begin(w, SLA_L_POLICY, lang);
	if (src->policy_file)
		sla_writer_str(w, "<code>"), sla_html_str(w, src->policy_file), sla_writer_str(w, "</code>");
	else
		sla_html_str(w, sla_label_text(SLA_L_EMBEDDED, lang));
	sla_writer_str(w, "</td></tr>\n");
	if (src->policy_sha256) {
		meta_row_begin(w, SLA_L_POLICY_SHA, lang);
		sla_writer_str(w, "<code class=\"sha256\">");
		sla_html_str(w, src->policy_sha256);
		sla_writer_str(w, "</code></td></tr>\n");
	}
}

static void
header_block(sla_writer *w, const sla_report *r, sla_lang lang)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	const char *contract = cfg->terms ? cfg->terms->contract : NULL;

	sla_writer_str(w, "<header>\n<h1>");
	sla_html_str(w, sla_label_text(SLA_L_TITLE, lang));
	sla_writer_str(w, "</h1>\n");
	if (contract && *contract) {
		sla_writer_str(w, "<p class=\"contract\">");
		sla_html_str(w, contract);
		sla_writer_str(w, "</p>\n");
	}
	sla_writer_str(w, "<table class=\"meta\">\n<tbody>\n");
	meta_as_of(w, r, lang);
	meta_range(w, r, lang);
	if (cfg->origin)
		meta_source(w, cfg->origin, lang);
	sla_writer_str(w, "</tbody>\n</table>\n</header>\n");
}

/* ---- the top line and the contents --------------------------------------- */

/* KEPT of ASSESSED as a percentage, rounded down; "-" when none. */
static void
compliance(sla_writer *w, uint64_t kept, uint64_t assessed)
{
	char buf[SLA_CELL_MAX];
	if (assessed)
		sla_format_percent((int64_t)kept, (int64_t)assessed, 2, buf);
	sla_writer_str(w, assessed ? buf : "-");
}

static void
figure_begin(sla_writer *w, sla_label l, sla_lang lang)
{
	sla_writer_str(w, "<div><span class=\"label\">");
	sla_html_str(w, sla_label_text(l, lang));
	sla_writer_str(w, "</span><span class=\"value\">");
}

static void
figure_end(sla_writer *w, const char *sub)
{
	sla_writer_str(w, "</span>");
	if (sub) {
		sla_writer_str(w, "<span class=\"sub\">");
		sla_html_str(w, sub);
		sla_writer_str(w, "</span>");
	}
	sla_writer_str(w, "</div>\n");
}

/* What is owed: the sum of the statements' totals, in the currency. */
static void
owed(sla_writer *w, const sla_report *r, int64_t sum, bool fits, sla_lang lang)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	char buf[SLA_CELL_MAX];

	if (!fits) {
		sla_html_str(w, sla_label_text(SLA_L_TOO_LARGE, lang));
		return;
	}
	if (t)
		sla_html_str(w, t->currency), sla_writer_char(w, ' ');
	size_t n = sla_html_money(r, sum, buf);
	sla_writer_raw(w, buf, n);
}

/* A count for people: 97,038. */
static const char *
count(uint64_t n, char buf[SLA_CELL_MAX])
{
	char plain[SLA_CELL_MAX];
	int len = snprintf(plain, sizeof plain, "%llu", (unsigned long long)n);
	sla_format_grouped(plain, (size_t)len, buf);
	return buf;
}

static void
top_line(sla_writer *w, const sla_report *r, sla_lang lang)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	const sla_tally *t = sla_report_total(r);
	uint64_t kept = sla_tally_kept(t), assessed = kept + sla_tally_broken(t);
	char buf[SLA_CELL_MAX], sub[256];
	int64_t sum;
	bool fits = sla_html_total_owed(r, &sum) == 0;
	size_t ns;
	sla_report_statements(r, &ns);

	sla_writer_str(w, "<section class=\"headline\">\n");
	figure_begin(w, SLA_L_TOTAL_OWED, lang);
	owed(w, r, sum, fits, lang);
	bool priced = cfg->terms && (cfg->terms->nbands || cfg->terms->cap.set || sum != 0);
	figure_end(w, priced ? NULL : sla_label_text(SLA_L_NOT_PRICED, lang));
	figure_begin(w, SLA_L_OVERALL, lang);
	compliance(w, kept, assessed);
	char k[SLA_CELL_MAX], a[SLA_CELL_MAX];
	count(kept, k);
	count(assessed, a);
	snprintf(sub, sizeof sub, sla_label_text(SLA_L_KEPT_OF_TEXT, lang), k, a);
	figure_end(w, sub);
	figure_begin(w, SLA_L_BROKEN_ALL, lang);
	sla_html_str(w, count(sla_tally_broken(t), buf));
	figure_end(w, NULL);
	sla_writer_str(w, "</section>\n");
}

/* A customer's owed: its statements' totals (terms per customer). */
static int
customer_owed(const sla_report *r, const char *customer, int64_t *sum)
{
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);
	*sum = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i].customer && strcmp(s[i].customer, customer) == 0 &&
		    sla_money_add(*sum, s[i].total, sum) < 0)
			return -1;
	return 0;
}

static void
contents_row(sla_writer *w, const sla_report *r, const sla_report_subtotal *c, size_t i,
	     bool per_customer, sla_lang lang)
{
	char buf[SLA_CELL_MAX];
	uint64_t kept = sla_tally_kept(&c->tally), assessed = kept + sla_tally_broken(&c->tally);
	int64_t sum;

	sla_html_put(w, "<tr><td><a href=\"#customer-%zu\">", i + 1);
	sla_html_str(w, *c->label ? c->label : sla_label_text(SLA_L_NONE, lang));
	sla_html_put(w, "</a></td><td class=\"n\">%llu</td><td class=\"n\">",
		     (unsigned long long)assessed);
	compliance(w, kept, assessed);
	sla_writer_str(w, "</td>");
	if (per_customer) {
		sla_writer_str(w, "<td class=\"n\">");
		if (customer_owed(r, c->label, &sum) == 0)
			sla_writer_raw(w, buf, sla_html_money(r, sum, buf));
		else
			sla_html_str(w, sla_label_text(SLA_L_TOO_LARGE, lang));
		sla_writer_str(w, "</td>");
	}
	sla_writer_str(w, "</tr>\n");
}

static void
head_cell(sla_writer *w, const char *text, bool numeric)
{
	sla_writer_str(w, numeric ? "<th class=\"n\">" : "<th>");
	sla_html_str(w, text);
	sla_writer_str(w, "</th>");
}

/* The contents: the charts, the whole contract's tables, and a row a
 * customer with its compliance (and what it is owed). */
static void
contents(sla_writer *w, const sla_report *r, sla_lang lang)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	bool per_customer = cfg->terms && cfg->terms->per_customer;
	size_t n;
	const sla_report_subtotal *c = sla_report_customers(r, &n);
	char owed_head[128];

	sla_writer_str(w, "<nav>\n<h2>");
	sla_html_str(w, sla_label_text(SLA_L_CONTENTS, lang));
	sla_writer_str(w, "</h2>\n<ol>\n<li><a href=\"#charts\">");
	sla_html_str(w, sla_label_text(SLA_L_CHARTS, lang));
	sla_writer_str(w, "</a></li>\n<li><a href=\"#contract\">");
	sla_html_str(w, sla_label_text(SLA_L_TABLES, lang));
	sla_writer_str(w, "</a></li>\n<li><a href=\"#customers\">");
	sla_html_str(w, sla_label_text(SLA_L_CUSTOMERS, lang));
	sla_writer_str(w, "</a></li>\n</ol>\n<table id=\"customers\" class=\"contents\">\n<thead><tr>");
	head_cell(w, sla_label_text(SLA_L_CUSTOMER, lang), false);
	head_cell(w, sla_label_text(SLA_L_ASSESSED, lang), true);
	head_cell(w, sla_label_text(SLA_L_COMPLIANCE, lang), true);
	if (per_customer) {
		snprintf(owed_head, sizeof owed_head, sla_label_text(SLA_L_OWED_IN, lang), cfg->terms->currency);
		head_cell(w, owed_head, true);
	}
	sla_writer_str(w, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++)
		contents_row(w, r, &c[i], i, per_customer, lang);
	sla_writer_str(w, "</tbody>\n</table>\n</nav>\n");
}

/* ---- the sink --------------------------------------------------------------- */

static void
html_begin(void *ctx, const sla_report *r, sla_lang lang)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	const sla_report_config *cfg = sla_report_config_of(r);
	const char *contract = cfg->terms ? cfg->terms->contract : NULL;

	sla_writer_str(w, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
	sla_writer_str(w, lang == SLA_LANG_ZH ? "zh-CN" : "en");
	sla_writer_str(w, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>");
	sla_html_str(w, sla_label_text(SLA_L_TITLE, lang));
	if (contract && *contract)
		sla_writer_str(w, " \xE2\x80\x94 "), sla_html_str(w, contract);
	sla_writer_str(w, "</title>\n<style>\n");
	sla_writer_str(w, style);
	sla_writer_str(w, "</style>\n</head>\n<body>\n");
	header_block(w, r, lang);
	top_line(w, r, lang);
	if (sla_report_sectioned(r))
		contents(w, r, lang);
	sla_html_charts(w, r, lang);
	sla_writer_str(w, "<section id=\"contract\">\n<h2>");
	sla_html_str(w, sla_label_text(SLA_L_TABLES, lang));
	sla_writer_str(w, "</h2>\n");
}

/* A cell for people; money with thousands separators.  A text cell of a
 * column of short texts (SHORT) is not wrapped: the browser's table
 * layout squeezes every other column to its narrowest when one column
 * holds long text, and a ticket id or a status cut in two is read wrong. */
static void
html_cell(sla_writer *w, const sla_cell *c, bool short_text)
{
	char buf[SLA_CELL_MAX], grouped[SLA_CELL_MAX];
	sla_field f = sla_cell_text(c, false, buf);

	if (c->kind == SLA_CELL_MONEY)
		f = (sla_field){ grouped, sla_format_grouped(f.p, f.n, grouped) };
	sla_writer_str(w, sla_cell_numeric(c) ? "<td class=\"n\">"
			  : c->kind == SLA_CELL_PERIOD || short_text ? "<td class=\"s\">" : "<td>");
	sla_html_text(w, f.p, f.n);
	sla_writer_str(w, "</td>");
}

/* Whether every cell of column COL is at most SHORT_COLUMNS wide. */
enum { SHORT_COLUMNS = 24 };
static bool
short_column(const sla_table *t, size_t col)
{
	char buf[SLA_CELL_MAX];
	for (size_t r = 0; r < t->nrows; r++) {
		sla_field f = sla_cell_text(&t->cells[r * t->ncols + col], false, buf);
		if (f.n > SHORT_COLUMNS && sla_text_width(f.p, f.n) > SHORT_COLUMNS)
			return false;
	}
	return true;
}

static void
html_table(void *ctx, const sla_table *t)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	bool *short_text = calloc(t->ncols + 1, sizeof *short_text);

	sla_writer_str(w, "<h3>");
	sla_html_str(w, t->title);
	sla_html_put(w, "</h3>\n<table class=\"%s\">\n<thead><tr>", t->id);
	for (size_t c = 0; c < t->ncols; c++) {
		head_cell(w, t->head[c], sla_table_numeric_column(t, c));
		if (short_text)
			short_text[c] = short_column(t, c);
	}
	sla_writer_str(w, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		if (i % t->ncols == 0)
			sla_writer_str(w, "<tr>");
		html_cell(w, &t->cells[i], short_text && short_text[i % t->ncols]);
		if ((i + 1) % t->ncols == 0)
			sla_writer_str(w, "</tr>\n");
	}
	sla_writer_str(w, "</tbody>\n</table>\n");
	free(short_text);
}

/* A customer's section: its anchor, its name, its compliance and what it
 * is owed; its tables follow. */
static void
html_section(void *ctx, const char *customer, size_t i)
{
	sla_sink_ctx *sc = ctx;
	sla_writer *w = sc->w;
	const sla_report *r = sc->r;
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t n;
	const sla_report_subtotal *c = sla_report_customers(r, &n);

	sla_writer_str(w, "</section>\n");	/* the one before */
	if (!customer)
		return;
	char head[1024];
	sla_html_put(w, "<section class=\"customer\" id=\"customer-%zu\">\n<h2>", i + 1);
	/* a name too long for HEAD is cut there: the contents hold it whole */
	snprintf(head, sizeof head, sla_label_text(SLA_L_CUSTOMER_SECTION, sc->lang),
		 *customer ? customer : sla_label_text(SLA_L_NONE, sc->lang));
	sla_html_str(w, head);
	sla_writer_str(w, "</h2>\n<p>");
	uint64_t kept = sla_tally_kept(&c[i].tally), assessed = kept + sla_tally_broken(&c[i].tally);
	sla_html_str(w, sla_label_text(SLA_L_COMPLIANCE, sc->lang));
	sla_writer_str(w, " <b>");
	compliance(w, kept, assessed);
	sla_writer_str(w, "</b> ");
	char sub[256], k[SLA_CELL_MAX], a[SLA_CELL_MAX], line[300];
	snprintf(sub, sizeof sub, sla_label_text(SLA_L_KEPT_OF_TEXT, sc->lang), count(kept, k),
		 count(assessed, a));
	snprintf(line, sizeof line, sla_label_text(SLA_L_IN_PARENS, sc->lang), sub);
	sla_html_str(w, line);
	int64_t sum;
	if (cfg->terms && cfg->terms->per_customer && customer_owed(r, customer, &sum) == 0) {
		sla_html_str(w, sla_label_text(SLA_L_LIST_SEP, sc->lang));
		sla_html_str(w, sla_label_text(SLA_L_TOTAL_OWED, sc->lang));
		sla_writer_str(w, " <b>");
		owed(w, r, sum, true, sc->lang);
		sla_writer_str(w, "</b>");
	}
	sla_writer_str(w, "</p>\n");
}

static void
html_end(void *ctx, const sla_report *r, sla_lang lang)
{
	sla_writer *w = ((sla_sink_ctx *)ctx)->w;
	(void)lang;
	if (!sla_report_sectioned(r))
		sla_writer_str(w, "</section>\n");
	sla_writer_str(w, "</body>\n</html>\n");
}

const sla_section_sink sla_html_sink = {
	{ html_begin, html_table, html_end }, html_section, true,
};
