/* report_html_charts.c: the HTML report's charts, inline SVG with no
 * script (report_html.h): compliance per period and tier with the credit
 * bands drawn as lines, broken commitments by customer and metric, the
 * total owed per statement period, and the elapsed business time per tier
 * and metric.  Each reads the finished model (sla_report.h): the slices
 * by period, tier, metric and customer, whatever --by groups by, and the
 * statements.  A chart with nothing to show is left out.
 *
 * Every number drawn is also a <title> (shown on hover) and in the
 * tables; a chart is a picture of them, never a new figure.  Sizes are in
 * the viewBox's units; CSS scales a chart down to the width of the page
 * (an A4 page holds about 700 of them). */
#include <stdlib.h>
#include <string.h>

#include "report_html.h"
#include "sla_money.h"
#include "sla_report_labels.h"
#include "sla_textwidth.h"
#include "sla_utf8.h"

/* Okabe and Ito's colours, told apart with any colour vision. */
static const char *const series_colour[] = {
	"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999", "#f0e442",
};
enum { NSERIES = sizeof series_colour / sizeof series_colour[0] };

/* Elapsed-time buckets, quick (green) to slow (red). */
static const char *const bucket_colour[SLA_NBUCKETS] = {
	"#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027",
};

static const char *
colour(size_t i)
{
	return series_colour[i % NSERIES];
}

static void
chart_begin(sla_writer *w, const char *title, long width, long height)
{
	sla_writer_str(w, "<figure class=\"chart\">\n<h3>");
	sla_html_str(w, title);
	sla_html_put(w, "</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%ld\" height=\"%ld\" "
		     "viewBox=\"0 0 %ld %ld\" role=\"img\">\n", width, height, width, height);
}

static void
chart_end(sla_writer *w)
{
	sla_writer_str(w, "</svg>\n</figure>\n");
}

/* A legend entry: a swatch of COLOUR at X, Y and the text. */
static void
legend_item(sla_writer *w, long x, long y, const char *fill, const char *text)
{
	sla_html_put(w, "<rect x=\"%ld\" y=\"%ld\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", x, y,
		     fill);
	sla_html_svg_text(w, x + 14, y + 9, "start", NULL, text, strlen(text));
}

/* A name cut to about MAXW units of width (a wide character is 11, any
 * other 6.2 at 11 px), with an ellipsis; the whole name is in a <title>.
 * Returns the bytes kept of S. */
static size_t
fit(const char *s, size_t n, long maxw, bool *cut)
{
	long used = 0;
	size_t i = 0;

	*cut = false;
	while (i < n) {
		uint32_t cp;
		size_t k = sla_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1, cp = 0xFFFD;
		used += sla_codepoint_width(cp) == 2 ? 110 : 62;
		if (used > maxw * 10) {
			*cut = true;
			return i;
		}
		i += k;
	}
	return n;
}

/* A row label ending at X, cut to MAXW, with the whole name as a title. */
static void
row_label(sla_writer *w, long x, long y, long maxw, const char *s)
{
	bool cut;
	size_t n = strlen(s), keep = fit(s, n, maxw - 8, &cut);

	sla_html_put(w, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"end\">", x, y);
	sla_html_text(w, s, keep);
	if (cut)
		sla_writer_str(w, "\xE2\x80\xA6");
	sla_writer_str(w, "<title>");
	sla_html_text(w, s, n);
	sla_writer_str(w, "</title></text>\n");
}

/* ---- compliance per period and tier ------------------------------------- */

enum { C_LEFT = 48, C_PLOT = 470, C_RIGHT = 210, C_TOP = 14, C_H = 220, C_AXIS = 30 };

/* Thousandths of a percent kept of assessed. */
static int64_t
milli_percent(uint64_t kept, uint64_t assessed)
{
	return (int64_t)(kept * 100000 / assessed);
}

typedef struct grid {
	size_t np, nt;
	uint64_t *kept, *assessed;	/* np rows of nt */
	const sla_report_subtotal *periods;
	int64_t lo;			/* the scale's bottom, thousandths of a percent */
} grid;

static size_t
period_index(const grid *g, int64_t period)
{
	size_t lo = 0, hi = g->np;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->periods[mid].period < period)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->np && g->periods[lo].period == period ? lo : g->np;
}

/* Kept and assessed by period and tier, from the slices. */
static bool
grid_fill(const sla_report *r, grid *g)
{
	size_t ns;
	const sla_report_slice *s = sla_report_slices(r, &ns);
	sla_report_tiers(r, &g->nt);
	g->periods = sla_report_periods(r, &g->np);
	if (g->np > 0 && g->periods[g->np - 1].period == SLA_NO_PERIOD)
		g->np--;
	if (g->np == 0 || g->nt == 0)
		return false;
	g->kept = calloc(g->np * g->nt, sizeof *g->kept);
	g->assessed = calloc(g->np * g->nt, sizeof *g->assessed);
	if (!g->kept || !g->assessed)
		return false;
	for (size_t i = 0; i < ns; i++) {
		size_t p = period_index(g, s[i].period);
		if (p == g->np || s[i].tier_at >= g->nt)
			continue;
		g->kept[p * g->nt + s[i].tier_at] += sla_tally_kept(&s[i].tally);
		g->assessed[p * g->nt + s[i].tier_at] +=
			sla_tally_kept(&s[i].tally) + sla_tally_broken(&s[i].tally);
	}
	return true;
}

/* The scale's bottom: ten points under the lowest value or band, in tens,
 * at most 80 % (so that a scale is never a sliver), at least 0. */
static void
grid_scale(const sla_report *r, grid *g)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	int64_t low = 100000;
	for (size_t i = 0; i < g->np * g->nt; i++)
		if (g->assessed[i] && milli_percent(g->kept[i], g->assessed[i]) < low)
			low = milli_percent(g->kept[i], g->assessed[i]);
	for (size_t b = 0; t && b < t->nbands; b++)
		if (t->bands[b].below_ppm / 10 < low)
			low = t->bands[b].below_ppm / 10;
	int64_t lo = low / 10000 * 10000;
	if (low - lo < 2000)
		lo -= 10000;
	g->lo = lo < 0 ? 0 : lo > 80000 ? 80000 : lo;
}

static long
y_of(const grid *g, int64_t milli)
{
	return C_TOP + C_H - (long)((milli - g->lo) * C_H / (100000 - g->lo));
}

static long
x_of(const grid *g, size_t p)
{
	return C_LEFT + (long)((2 * p + 1) * C_PLOT / (2 * g->np));
}

static void
compliance_axes(sla_writer *w, const sla_report *r, const grid *g)
{
	char buf[SLA_CELL_MAX];
	int step = 100000 - g->lo > 40000 ? 20 : 10;

	for (int pct = (int)(g->lo / 1000); pct <= 100; pct += step) {
		long y = y_of(g, pct * 1000L);
		sla_html_put(w, "<line class=\"grid\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\"/>\n",
			     C_LEFT, y, C_LEFT + C_PLOT, y);
		int len = snprintf(buf, sizeof buf, "%d%%", pct);
		sla_html_svg_text(w, C_LEFT - 6, y + 4, "end", NULL, buf, (size_t)len);
	}
	/* A period label every EVERY points, 64 units apart at least. */
	size_t every = (size_t)(64 * (long)g->np / C_PLOT) + 1;
	for (size_t p = 0; p < g->np; p += every) {
		sla_period_label(sla_report_config_of(r)->period, g->periods[p].period, buf);
		sla_html_svg_text(w, x_of(g, p), C_TOP + C_H + 16, "middle", NULL, buf, strlen(buf));
	}
}

/* A point's title: "urgent 2026-10: 85.41% (367/428)". */
static void
point(sla_writer *w, const sla_report *r, long x, long y, long radius, const char *fill,
      const char *who, int64_t period, uint64_t kept, uint64_t assessed)
{
	char label[SLA_PERIOD_LABEL_MAX], pct[SLA_CELL_MAX];
	sla_period_label(sla_report_config_of(r)->period, period, label);
	sla_format_percent((int64_t)kept, (int64_t)assessed, 2, pct);
	sla_html_put(w, "<circle cx=\"%ld\" cy=\"%ld\" r=\"%ld\" fill=\"%s\"><title>", x, y, radius,
		     fill);
	sla_html_str(w, who);
	sla_html_put(w, " %s: %s (%llu/%llu)</title></circle>\n", label, pct,
		     (unsigned long long)kept, (unsigned long long)assessed);
}

/* One line of points; a period without an assessed row breaks it. */
static void
series(sla_writer *w, const sla_report *r, const grid *g, const uint64_t *kept,
       const uint64_t *assessed, size_t stride, const char *stroke, const char *who, bool all)
{
	bool open = false, pen = false;
	for (size_t p = 0; p < g->np; p++) {
		if (!assessed[p * stride]) {
			pen = false;
			continue;
		}
		if (!open)
			sla_html_put(w, "<path class=\"series%s\" stroke=\"%s\" d=\"", all ? " all" : "",
				     stroke);
		sla_html_put(w, "%s%ld %ld ", pen ? "L" : "M", x_of(g, p),
			     y_of(g, milli_percent(kept[p * stride], assessed[p * stride])));
		open = pen = true;
	}
	if (open)
		sla_writer_str(w, "\"/>\n");
	for (size_t p = 0; g->np <= 60 && p < g->np; p++)
		if (assessed[p * stride])
			point(w, r, x_of(g, p),
			      y_of(g, milli_percent(kept[p * stride], assessed[p * stride])),
			      all ? 4 : 3, stroke, who, g->periods[p].period, kept[p * stride],
			      assessed[p * stride]);
}

/* The overall value above each point, when there is room for it. */
static void
all_labels(sla_writer *w, const grid *g)
{
	char pct[SLA_CELL_MAX];
	for (size_t p = 0; g->np <= 12 && p < g->np; p++) {
		const sla_tally *t = &g->periods[p].tally;
		uint64_t a = sla_tally_kept(t) + sla_tally_broken(t);
		if (!a)
			continue;
		size_t n = sla_format_percent((int64_t)sla_tally_kept(t), (int64_t)a, 2, pct);
		sla_html_svg_text(w, x_of(g, p), y_of(g, milli_percent(sla_tally_kept(t), a)) - 9,
				  "middle", "value", pct, n);
	}
}

/* The credit bands as lines, the highest one the target; their labels
 * to the right of the plot, kept 12 units apart. */
static void
band_lines(sla_writer *w, const sla_report *r, const grid *g, sla_lang lang)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	char below[SLA_CELL_MAX], credit[SLA_CELL_MAX], text[4 * SLA_CELL_MAX];
	long last = -100;

	for (size_t b = 0; t && b < t->nbands; b++) {
		const sla_credit_band *band = &t->bands[b];
		long y = y_of(g, band->below_ppm / 10);
		sla_format_percent(band->below_ppm, 1000000, 2, below);
		sla_format_percent(band->credit_ppm, 1000000, 2, credit);
		snprintf(text, sizeof text, sla_label_text(b == 0 ? SLA_L_TARGET_LINE : SLA_L_BAND_LINE, lang),
			 below, credit);
		sla_html_put(w, "<line class=\"%s\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\"/>\n",
			     b == 0 ? "target" : "band", C_LEFT, y, C_LEFT + C_PLOT + 4, y);
		long ly = y + 4 < last + 12 ? last + 12 : y + 4;
		sla_html_svg_text(w, C_LEFT + C_PLOT + 8, ly, "start", b == 0 ? "target" : "band", text,
				  strlen(text));
		last = ly;
	}
}

static void
compliance_legend(sla_writer *w, const sla_report *r, long y, sla_lang lang)
{
	size_t nt;
	const sla_report_subtotal *t = sla_report_tiers(r, &nt);
	long x = C_LEFT;

	for (size_t i = 0; i <= nt; i++) {
		const char *name = i == nt ? sla_label_text(SLA_L_ALL, lang)
					   : *t[i].label ? t[i].label : sla_label_text(SLA_L_NONE, lang);
		legend_item(w, x, y, i == nt ? "#222" : colour(i), name);
		x += 110;
		if (x > C_LEFT + C_PLOT + C_RIGHT - 110)
			x = C_LEFT, y += 16;
	}
}

static void
compliance_chart(sla_writer *w, const sla_report *r, sla_lang lang)
{
	grid g = { 0 };
	size_t nt;
	const sla_report_subtotal *t = sla_report_tiers(r, &nt);

	if (grid_fill(r, &g)) {
		grid_scale(r, &g);
		long legend_rows = (long)(nt + 1 + 5) / 6;
		chart_begin(w, sla_label_text(SLA_L_CHART_COMPLIANCE, lang), C_LEFT + C_PLOT + C_RIGHT,
			    C_TOP + C_H + C_AXIS + 16 * legend_rows + 4);
		compliance_axes(w, r, &g);
		band_lines(w, r, &g, lang);
		for (size_t i = 0; i < g.nt; i++)
			series(w, r, &g, g.kept + i, g.assessed + i, g.nt, colour(i),
			       *t[i].label ? t[i].label : sla_label_text(SLA_L_NONE, lang), false);
		/* all tiers: the periods' own tallies */
		uint64_t *k = calloc(g.np + 1, sizeof *k), *a = calloc(g.np + 1, sizeof *a);
		for (size_t p = 0; k && a && p < g.np; p++) {
			k[p] = sla_tally_kept(&g.periods[p].tally);
			a[p] = k[p] + sla_tally_broken(&g.periods[p].tally);
		}
		if (k && a)
			series(w, r, &g, k, a, 1, "#222", sla_label_text(SLA_L_ALL, lang), true);
		free(k);
		free(a);
		all_labels(w, &g);
		compliance_legend(w, r, C_TOP + C_H + C_AXIS, lang);
		chart_end(w);
		if (g.lo > 0) {
			char note[128];
			snprintf(note, sizeof note, sla_label_text(SLA_L_CHART_NOTE_SCALE, lang),
				 (int)(g.lo / 1000));
			sla_writer_str(w, "<p class=\"note\">");
			sla_html_str(w, note);
			sla_writer_str(w, "</p>\n");
		}
	}
	free(g.kept);
	free(g.assessed);
}

/* ---- rows of bars: broken by customer and metric, owed by period --------- */

enum { B_LABEL = 190, B_BAR = 420, B_ROW = 20, B_MAX_ROWS = 20 };

/* The distinct metrics of the slices: the policy's in its order (so that a
 * metric keeps its colour and place from one report to the next), then the
 * others in order of first appearance. */
typedef struct metrics {
	const char **name;
	size_t *rank;
	size_t n;
} metrics;

static bool
metrics_of(const sla_report *r, const sla_report_slice *s, size_t ns, metrics *m)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	m->name = calloc(ns + 1, sizeof *m->name);
	m->rank = calloc(ns + 1, sizeof *m->rank);
	m->n = 0;
	if (!m->name || !m->rank)
		return false;
	for (size_t i = 0; i < ns; i++) {
		size_t k = 0;
		while (k < m->n && strcmp(m->name[k], s[i].metric) != 0)
			k++;
		size_t rank = sla_report_rank(cfg->metric_order, cfg->nmetrics, s[i].metric, s[i].order);
		if (k == m->n)
			m->name[m->n] = s[i].metric, m->rank[m->n++] = rank;
		else if (rank < m->rank[k])
			m->rank[k] = rank;
	}
	/* insertion sort by rank: a handful of metrics */
	for (size_t i = 1; i < m->n; i++)
		for (size_t j = i; j > 0 && m->rank[j] < m->rank[j - 1]; j--) {
			const char *tn = m->name[j];
			size_t tr = m->rank[j];
			m->name[j] = m->name[j - 1], m->rank[j] = m->rank[j - 1];
			m->name[j - 1] = tn, m->rank[j - 1] = tr;
		}
	return true;
}

static size_t
metric_index(const metrics *m, const char *name)
{
	size_t k = 0;
	while (k < m->n && strcmp(m->name[k], name) != 0)
		k++;
	return k;
}

static void
metric_legend(sla_writer *w, const metrics *m, long y, sla_lang lang)
{
	for (size_t k = 0; k < m->n; k++)
		legend_item(w, B_LABEL + (long)(k % 4) * 110, y + (long)(k / 4) * 16, colour(k),
			    *m->name[k] ? m->name[k] : sla_label_text(SLA_L_NONE, lang));
}

/* Customers by broken rows, most first (then in order of appearance). */
typedef struct ranked_customer {
	size_t at;
	uint64_t broken;
} ranked_customer;

static int
cmp_broken(const void *a, const void *b)
{
	const ranked_customer *x = a, *y = b;
	if (x->broken != y->broken)
		return x->broken > y->broken ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

/* Bars of one row, stacked: the row's counts V[0..N) at scale MAX. */
static void
stacked_row(sla_writer *w, long y, const uint64_t *v, size_t n, uint64_t max,
	    const char *(*fill)(size_t))
{
	uint64_t cum = 0;
	for (size_t k = 0; k < n; k++) {
		long x0 = (long)(cum * B_BAR / max);
		cum += v[k];
		long x1 = (long)(cum * B_BAR / max);
		if (v[k])
			sla_html_put(w, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"14\" fill=\"%s\">"
				     "<title>%llu</title></rect>\n", B_LABEL + x0, y, x1 > x0 ? x1 - x0 : 1,
				     fill(k), (unsigned long long)v[k]);
	}
}

static void
breach_rows(sla_writer *w, const sla_report *r, const ranked_customer *rc, size_t shown,
	    const uint64_t *broken, const metrics *m, sla_lang lang)
{
	size_t nc;
	const sla_report_subtotal *c = sla_report_customers(r, &nc);
	char buf[SLA_CELL_MAX];

	for (size_t i = 0; i < shown; i++) {
		long y = 8 + (long)i * B_ROW;
		const char *name = *c[rc[i].at].label ? c[rc[i].at].label : sla_label_text(SLA_L_NONE, lang);
		row_label(w, B_LABEL - 8, y + 11, B_LABEL, name);
		stacked_row(w, y, broken + rc[i].at * m->n, m->n, rc[0].broken, colour);
		int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)rc[i].broken);
		sla_html_svg_text(w, B_LABEL + (long)(rc[i].broken * B_BAR / rc[0].broken) + 6, y + 11,
				  "start", "value", buf, (size_t)len);
	}
}

/* The rest, in one line: how many more customers and their broken rows. */
static void
breach_rest(sla_writer *w, const ranked_customer *rc, size_t shown, size_t nc, long y,
	    sla_lang lang)
{
	uint64_t rest = 0;
	size_t more = 0;
	char text[256];
	for (size_t i = shown; i < nc; i++)
		if (rc[i].broken)
			rest += rc[i].broken, more++;
	if (!more)
		return;
	int len = snprintf(text, sizeof text, sla_label_text(SLA_L_MORE_ROWS, lang), more,
			   (unsigned long long)rest);
	sla_html_svg_text(w, B_LABEL, y, "start", "note", text, (size_t)len);
}

static void
breach_chart(sla_writer *w, const sla_report *r, sla_lang lang)
{
	size_t ns, nc;
	const sla_report_slice *s = sla_report_slices(r, &ns);
	sla_report_customers(r, &nc);
	metrics m = { 0 };
	uint64_t *broken = NULL;
	ranked_customer *rc = NULL;

	if (nc == 0 || !metrics_of(r, s, ns, &m) || !(broken = calloc(nc * m.n + 1, sizeof *broken)) ||
	    !(rc = calloc(nc, sizeof *rc)))
		goto done;
	for (size_t i = 0; i < ns; i++)
		broken[s[i].customer_at * m.n + metric_index(&m, s[i].metric)] += sla_tally_broken(&s[i].tally);
	for (size_t c = 0; c < nc; c++) {
		rc[c].at = c;
		for (size_t k = 0; k < m.n; k++)
			rc[c].broken += broken[c * m.n + k];
	}
	qsort(rc, nc, sizeof *rc, cmp_broken);
	size_t shown = 0;
	while (shown < nc && shown < B_MAX_ROWS && rc[shown].broken)
		shown++;
	bool rest = shown < nc && rc[shown].broken;
	long rows_h = 8 + (long)shown * B_ROW + (rest ? 16 : 0);
	long legend_rows = (long)(m.n + 3) / 4;
	chart_begin(w, sla_label_text(SLA_L_CHART_BREACHES, lang), B_LABEL + B_BAR + 60,
		    shown ? rows_h + 8 + 16 * legend_rows : 30);
	if (!shown) {
		const char *none = sla_label_text(SLA_L_NO_BREACH, lang);
		sla_html_svg_text(w, B_LABEL, 20, "start", "note", none, strlen(none));
	} else {
		breach_rows(w, r, rc, shown, broken, &m, lang);
		breach_rest(w, rc, shown, nc, rows_h - 4, lang);
		metric_legend(w, &m, rows_h + 8, lang);
	}
	chart_end(w);
done:
	free(m.name);
	free(m.rank);
	free(broken);
	free(rc);
}

/* Whether any statement prices something: else there is nothing owed to
 * draw (the embedded default policy prices nothing). */
static bool
any_priced(const sla_report *r)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);
	if (!t)
		return false;
	for (size_t i = 0; i < n; i++)
		if (t->nbands > 0 || t->cap.set || s[i].nbreaches > 0)
			return true;
	return false;
}

/* The statements' totals summed by their period (the contract's, never
 * --period): statements come in period order. */
static void
penalty_chart(sla_writer *w, const sla_report *r, sla_lang lang)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	size_t n, np = 0;
	const sla_statement *s = sla_report_statements(r, &n);
	int64_t *sum = calloc(n + 1, sizeof *sum), max = 0;
	int64_t *period = calloc(n + 1, sizeof *period);
	char title[256], buf[SLA_CELL_MAX];

	if (!any_priced(r) || !sum || !period)
		goto done;
	for (size_t i = 0; i < n; i++) {
		if (np == 0 || period[np - 1] != s[i].period)
			period[np++] = s[i].period;
		if (sla_money_add(sum[np - 1], s[i].total, &sum[np - 1]) < 0)
			goto done; /* the top line says it does not fit */
	}
	for (size_t p = 0; p < np; p++)
		if (sum[p] > max)
			max = sum[p];
	snprintf(title, sizeof title, sla_label_text(SLA_L_CHART_PENALTY, lang), t->currency);
	chart_begin(w, title, B_LABEL + B_BAR + 110, 8 + (long)np * B_ROW + 4);
	for (size_t p = 0; p < np; p++) {
		long y = 8 + (long)p * B_ROW;
		sla_period_label(t->period, period[p], buf);
		sla_html_svg_text(w, B_LABEL - 8, y + 11, "end", NULL, buf, strlen(buf));
		size_t len = sla_html_money(r, sum[p], buf);
		long x = max > 0 ? (long)((uint64_t)sum[p] * B_BAR / (uint64_t)max) : 0;
		if (sum[p] > 0)
			sla_html_put(w, "<rect x=\"%d\" y=\"%ld\" width=\"%ld\" height=\"14\" "
				     "fill=\"#b2182b\"><title>%s</title></rect>\n", B_LABEL, y, x > 0 ? x : 1, buf);
		sla_html_svg_text(w, B_LABEL + x + 6, y + 11, "start", "value", buf, len);
	}
	chart_end(w);
done:
	free(sum);
	free(period);
}

/* ---- elapsed time per tier and metric ------------------------------------ */

static const char *
bucket_fill(size_t k)
{
	return bucket_colour[k];
}

static void
elapsed_legend(sla_writer *w, long y, sla_lang lang)
{
	char buf[SLA_CELL_MAX], text[2 * SLA_CELL_MAX];

	for (int b = 0; b < SLA_NBUCKETS; b++) {
		bool last = b == SLA_NBUCKETS - 1;
		sla_cell c = { .kind = SLA_CELL_SECONDS, .a = sla_bucket_upper[last ? b - 1 : b] };
		sla_field f = sla_cell_text(&c, false, buf);
		if (last)
			snprintf(text, sizeof text, sla_label_text(SLA_L_BUCKET_OVER, lang), buf);
		else
			snprintf(text, sizeof text, "\xE2\x89\xA4 %.*s", (int)f.n, f.p);
		legend_item(w, B_LABEL + (b % 4) * 110L, y + (b / 4) * 16L, bucket_colour[b], text);
	}
}

/* One bar a tier and metric, in the tiers' order and then the metrics';
 * each bucket's share of the row's assessed rows. */
static void
elapsed_chart(sla_writer *w, const sla_report *r, sla_lang lang)
{
	size_t ns, nt;
	const sla_report_slice *s = sla_report_slices(r, &ns);
	const sla_report_subtotal *t = sla_report_tiers(r, &nt);
	metrics m = { 0 };
	uint64_t *b = NULL;
	char label[512], buf[32];

	if (ns == 0 || !metrics_of(r, s, ns, &m) || !(b = calloc((nt + 1) * m.n * SLA_NBUCKETS, sizeof *b)))
		goto done;
	for (size_t i = 0; i < ns; i++)
		for (int k = 0; k < SLA_NBUCKETS; k++)
			b[(s[i].tier_at * m.n + metric_index(&m, s[i].metric)) * SLA_NBUCKETS + (size_t)k] +=
				s[i].tally.bucket[k];
	size_t rows = 0;
	for (size_t i = 0; i < (nt + 1) * m.n; i++) {
		uint64_t total = 0;
		for (int k = 0; k < SLA_NBUCKETS; k++)
			total += b[i * SLA_NBUCKETS + (size_t)k];
		rows += total > 0;
	}
	if (!rows)
		goto done;
	chart_begin(w, sla_label_text(SLA_L_CHART_ELAPSED, lang), B_LABEL + B_BAR + 60,
		    8 + (long)rows * B_ROW + 8 + 32);
	long y = 8;
	for (size_t i = 0; i < (nt + 1) * m.n; i++) {
		const uint64_t *v = b + i * SLA_NBUCKETS;
		uint64_t total = 0;
		for (int k = 0; k < SLA_NBUCKETS; k++)
			total += v[k];
		if (!total)
			continue;
		const char *tier = i / m.n < nt ? t[i / m.n].label : "";
		snprintf(label, sizeof label, "%s / %s", *tier ? tier : sla_label_text(SLA_L_NONE, lang),
			 *m.name[i % m.n] ? m.name[i % m.n] : sla_label_text(SLA_L_NONE, lang));
		row_label(w, B_LABEL - 8, y + 11, B_LABEL, label);
		stacked_row(w, y, v, SLA_NBUCKETS, total, bucket_fill);
		int len = snprintf(buf, sizeof buf, "%llu", (unsigned long long)total);
		sla_html_svg_text(w, B_LABEL + B_BAR + 6, y + 11, "start", "value", buf, (size_t)len);
		y += B_ROW;
	}
	elapsed_legend(w, y + 8, lang);
	chart_end(w);
done:
	free(m.name);
	free(m.rank);
	free(b);
}

void
sla_html_charts(sla_writer *w, const sla_report *r, sla_lang lang)
{
	sla_writer_str(w, "<section id=\"charts\">\n<h2>");
	sla_html_str(w, sla_label_text(SLA_L_CHARTS, lang));
	sla_writer_str(w, "</h2>\n");
	compliance_chart(w, r, lang);
	breach_chart(w, r, lang);
	penalty_chart(w, r, lang);
	elapsed_chart(w, r, lang);
	sla_writer_str(w, "</section>\n");
}
