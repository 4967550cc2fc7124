/* report_tables.c: the finished report as tables (sla_report_table.h):
 * which tables, in which order, with which columns, rows and labels.
 * What the report says is decided here, once, for every table format.
 *
 * Not here: how a cell is printed (report_cells.c), the words
 * (report_labels.c), how a table looks (the formats), which format is
 * used (report_write.c).  A table is handed to the sink through its
 * function pointer only; this file links to no format. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_mem.h"
#include "sla_report_labels.h"
#include "sla_report_table.h"

/* ---- building a table ---------------------------------------------------- */

typedef struct builder {
	sla_table t;
	size_t cap;
	char **owned;		/* strings made for this table */
	size_t nowned, owned_cap;
	bool failed;
	sla_lang lang;
} builder;

/* False when out of memory (nothing is then held). */
static bool
b_init(builder *b, const char *id, sla_label title, size_t ncols, sla_lang lang)
{
	*b = (builder){ .lang = lang };
	b->t.id = id;
	b->t.title = sla_label_text(title, lang);
	b->t.ncols = ncols;
	b->t.head = calloc(ncols + 1, sizeof *b->t.head);
	return b->t.head != NULL;
}

/* Keep S (malloc'd, may be NULL) for the table's life; returns it. */
static const char *
b_own(builder *b, char *s)
{
	if (!s || !sla_grow((void **)&b->owned, &b->owned_cap, b->nowned + 1, sizeof *b->owned)) {
		free(s);
		b->failed = true;
		return "";
	}
	b->owned[b->nowned++] = s;
	return s;
}

static const char *
b_printf(builder *b, const char *fmt, ...)
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
	return b_own(b, s);
}

/* A new row of empty text cells; NULL when out of memory. */
static sla_cell *
b_row(builder *b)
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

/* Hand the table to the sink when it has rows, then free it. */
static void
b_emit(builder *b, const sla_table_sink *sink, void *ctx)
{
	if (!b->failed && b->t.nrows > 0)
		sink->table(ctx, &b->t);
	for (size_t i = 0; i < b->nowned; i++)
		free(b->owned[i]);
	free(b->owned);
	free(b->t.head);
	free(b->t.cells);
}

static sla_cell text(const char *s) { return (sla_cell){ .kind = SLA_CELL_TEXT, .text = s }; }
static sla_cell none(void) { return (sla_cell){ .kind = SLA_CELL_NONE }; }
static sla_cell count(uint64_t n) { return (sla_cell){ .kind = SLA_CELL_COUNT, .a = (int64_t)n }; }
static sla_cell seconds(int64_t s) { return (sla_cell){ .kind = SLA_CELL_SECONDS, .a = s }; }

static sla_cell
ratio(uint64_t a, uint64_t b)
{
	return (sla_cell){ .kind = SLA_CELL_RATIO, .a = (int64_t)a, .b = (int64_t)b };
}

static sla_cell
period(const sla_report *r, int64_t first_day)
{
	return (sla_cell){ .kind = SLA_CELL_PERIOD, .a = first_day,
			   .b = sla_report_config_of(r)->period };
}

static sla_cell
money(const sla_report *r, int64_t minor)
{
	return (sla_cell){ .kind = SLA_CELL_MONEY, .a = minor,
			   .b = sla_report_config_of(r)->terms->minor_digits };
}

static const char *
nonempty(const char *s, sla_lang lang)
{
	return *s ? s : sla_label_text(SLA_L_NONE, lang);
}

/* ---- the column sets that tables share ------------------------------------ */

/* Heading of a grouping column: a label for the columns the report knows. */
static const char *
by_heading(const char *col, sla_lang lang)
{
	if (strcmp(col, "tier") == 0)
		return sla_label_text(SLA_L_TIER, lang);
	if (strcmp(col, "customer") == 0)
		return sla_label_text(SLA_L_CUSTOMER, lang);
	if (strcmp(col, "metric") == 0)
		return sla_label_text(SLA_L_METRIC, lang);
	return col;
}

/* Period and grouping columns: heads from AT, returns the next column. */
static size_t
head_group(builder *b, const sla_report *r, size_t at)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	b->t.head[at++] = sla_label_text(SLA_L_PERIOD, b->lang);
	for (size_t k = 0; k < cfg->nby; k++)
		b->t.head[at++] = by_heading(cfg->by[k], b->lang);
	return at;
}

static size_t
cells_group(const sla_report *r, const sla_report_group *g, sla_cell *c, sla_lang lang)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t at = 0;
	c[at++] = period(r, g->period);
	for (size_t k = 0; k < cfg->nby; k++)
		c[at++] = text(nonempty(g->keys[k], lang));
	return at;
}

enum { TALLY_COLS = 2 + SLA_NSTATUS };

static void
head_tally(builder *b, size_t at)
{
	b->t.head[at++] = sla_label_text(SLA_L_ROWS, b->lang);
	for (int s = 0; s < SLA_NSTATUS; s++)
		b->t.head[at++] = sla_status_label((sla_status)s, b->lang);
	b->t.head[at] = sla_label_text(SLA_L_COMPLIANCE, b->lang);
}

static void
cells_tally(const sla_tally *t, sla_cell *c)
{
	*c++ = count(sla_tally_rows(t));
	for (int s = 0; s < SLA_NSTATUS; s++)
		*c++ = count(t->count[s]);
	*c = ratio(sla_tally_kept(t), sla_tally_kept(t) + sla_tally_broken(t));
}

/* ---- the tables -------------------------------------------------------- */

static void
overview(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	static const char *const periods[] = { "day", "week", "month", "quarter", "year" };
	const sla_report_config *cfg = sla_report_config_of(r);
	builder b;
	sla_cell *c;

	if (!b_init(&b, "overview", SLA_L_OVERVIEW, 2, lang))
		return;
	b.t.head[0] = sla_label_text(SLA_L_ITEM, lang);
	b.t.head[1] = sla_label_text(SLA_L_VALUE, lang);
	if ((c = b_row(&b)))
		c[0] = text(sla_label_text(SLA_L_ROWS_READ, lang)), c[1] = count(sla_report_rows(r));
	if ((c = b_row(&b)))
		c[0] = text(sla_label_text(SLA_L_PERIOD, lang)), c[1] = text(periods[cfg->period]);
	if ((c = b_row(&b)))
		c[0] = text(sla_label_text(SLA_L_TIMEZONE, lang)), c[1] = text(sla_tz_name(cfg->tz));
	if ((c = b_row(&b))) {
		c[0] = text(sla_label_text(SLA_L_GROUPED_BY, lang));
		c[1] = text(sla_label_text(SLA_L_NONE, lang));
		for (size_t k = 0; k < cfg->nby; k++)
			c[1].text = k == 0 ? cfg->by[0] : b_printf(&b, "%s, %s", c[1].text, cfg->by[k]);
	}
	if (cfg->terms && cfg->terms->contract && *cfg->terms->contract && (c = b_row(&b)))
		c[0] = text(sla_label_text(SLA_L_CONTRACT, lang)), c[1] = text(cfg->terms->contract);
	/* The embedded default policy sets no fee: no line of zeros then. */
	bool fee = cfg->terms && cfg->terms->fee > 0;
	if (fee && (c = b_row(&b)))
		c[0] = text(sla_label_text(SLA_L_CURRENCY, lang)), c[1] = text(cfg->terms->currency);
	if (fee && (c = b_row(&b)))
		c[0] = text(sla_label_text(SLA_L_FEE, lang)), c[1] = money(r, cfg->terms->fee);
	if (fee && (c = b_row(&b)))	/* the contract's period, not --period */
		c[0] = text(sla_label_text(SLA_L_STATEMENTS, lang)),
		c[1] = text(b_printf(&b, sla_label_text(SLA_L_STATEMENT_TERMS, lang), periods[cfg->terms->period],
				     sla_label_text(cfg->terms->per_customer ? SLA_L_PER_CUSTOMER : SLA_L_PER_CONTRACT, lang)));
	b_emit(&b, sink, ctx);
}

static void
subtotals(const sla_report *r, sla_lang lang, bool tiers, const sla_table_sink *sink, void *ctx)
{
	size_t n;
	const sla_report_subtotal *s = tiers ? sla_report_tiers(r, &n) : sla_report_periods(r, &n);
	builder b;

	if (!b_init(&b, tiers ? "tiers" : "periods", tiers ? SLA_L_BY_TIER : SLA_L_BY_PERIOD, 1 + TALLY_COLS, lang))
		return;
	b.t.head[0] = sla_label_text(tiers ? SLA_L_TIER : SLA_L_PERIOD, lang);
	head_tally(&b, 1);
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = b_row(&b);
		if (!c)
			break;
		c[0] = tiers ? text(nonempty(s[i].label, lang)) : period(r, s[i].period);
		cells_tally(&s[i].tally, c + 1);
	}
	sla_cell *c = b_row(&b);
	if (c) {
		c[0] = text(sla_label_text(SLA_L_ALL, lang));
		cells_tally(sla_report_total(r), c + 1);
	}
	b_emit(&b, sink, ctx);
}

static void
group_counts(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	builder b;

	if (!b_init(&b, "groups", SLA_L_BY_GROUP, gcols + TALLY_COLS, lang))
		return;
	head_tally(&b, head_group(&b, r, 0));
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = b_row(&b);
		if (!c)
			break;
		cells_tally(&g[i].tally, c + cells_group(r, &g[i], c, lang));
	}
	b_emit(&b, sink, ctx);
}

static void
group_elapsed(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	static const sla_label heads[] = { SLA_L_ASSESSED, SLA_L_P50, SLA_L_P90, SLA_L_P95, SLA_L_MAX };
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	builder b;

	if (!b_init(&b, "elapsed", SLA_L_ELAPSED, gcols + 5, lang))
		return;
	for (size_t h = 0, at = head_group(&b, r, 0); h < 5; h++)
		b.t.head[at + h] = sla_label_text(heads[h], lang);
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = b_row(&b);
		if (!c)
			break;
		c += cells_group(r, &g[i], c, lang);
		bool any = g[i].nelapsed > 0;
		c[0] = count(g[i].nelapsed);
		c[1] = seconds(any ? g[i].p50 : -1);
		c[2] = seconds(any ? g[i].p90 : -1);
		c[3] = seconds(any ? g[i].p95 : -1);
		c[4] = seconds(any ? g[i].max : -1);
	}
	b_emit(&b, sink, ctx);
}

/* SUM hundredths over N values as a mean with two places, or none. */
static sla_cell
mean(builder *b, int64_t sum, uint64_t n, const char *suffix)
{
	char buf[SLA_CELL_MAX];
	if (n == 0)
		return none();
	sla_format_fixed(sum, (int64_t)n * 100, 2, buf);
	return text(b_printf(b, "%s%s", buf, suffix));
}

static const char *
distribution(builder *b, const uint64_t v[5])
{
	return b_printf(b, "%llu/%llu/%llu/%llu/%llu", (unsigned long long)v[0],
			(unsigned long long)v[1], (unsigned long long)v[2],
			(unsigned long long)v[3], (unsigned long long)v[4]);
}

static void
satisfaction(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	static const sla_label heads[] = { SLA_L_SCORES, SLA_L_MEAN_SCORE, SLA_L_SCORE_DIST, SLA_L_PERCENTS,
					   SLA_L_MEAN_PERCENT, SLA_L_PERCENT_DIST, SLA_L_UNREADABLE };
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	builder b;

	if (!sla_report_has_satisfaction(r))
		return;
	if (!b_init(&b, "satisfaction", SLA_L_SATISFACTION, gcols + 7, lang))
		return;
	for (size_t h = 0, at = head_group(&b, r, 0); h < 7; h++)
		b.t.head[at + h] = sla_label_text(heads[h], lang);
	for (size_t i = 0; i < n; i++) {
		const sla_satisfaction *s = &g[i].satisfaction;
		int64_t score_sum = 0;
		for (int k = 0; k < 5; k++)
			score_sum += (int64_t)s->scores[k] * (k + 1) * 100;
		sla_cell *c = b_row(&b);
		if (!c)
			break;
		c += cells_group(r, &g[i], c, lang);
		c[0] = count(s->nscores);
		c[1] = mean(&b, score_sum, s->nscores, "");
		c[2] = text(distribution(&b, s->scores));
		c[3] = count(s->npercent);
		c[4] = mean(&b, s->percent_sum, s->npercent, "%");
		c[5] = text(distribution(&b, s->percent_band));
		c[6] = count(s->unreadable);
	}
	b_emit(&b, sink, ctx);
}

/* Columns of a listed ticket: id, line, metric (unless METRIC is false:
 * the table groups by it already), status. */
static size_t
cells_item(builder *b, const sla_report_item *it, bool metric, sla_cell *c)
{
	size_t at = 0;
	c[at++] = text(it->id);
	c[at++] = it->line ? count(it->line) : none();
	if (metric)
		c[at++] = text(nonempty(it->metric, b->lang));
	c[at++] = text(sla_status_label(it->status, b->lang));
	return at;
}

static size_t
head_item(builder *b, bool metric, size_t at)
{
	b->t.head[at++] = sla_label_text(SLA_L_ID, b->lang);
	b->t.head[at++] = sla_label_text(SLA_L_LINE, b->lang);
	if (metric)
		b->t.head[at++] = sla_label_text(SLA_L_METRIC, b->lang);
	b->t.head[at++] = sla_label_text(SLA_L_STATUS, b->lang);
	return at;
}

static bool
grouped_by(const sla_report *r, const char *col)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	for (size_t k = 0; k < cfg->nby; k++)
		if (strcmp(cfg->by[k], col) == 0)
			return true;
	return false;
}

static void
worst_overruns(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	bool metric = !grouped_by(r, "metric");
	builder b;

	if (!b_init(&b, "top", SLA_L_TOP, gcols + 6 + metric, lang))
		return;
	size_t at = head_item(&b, metric, head_group(&b, r, 0));
	b.t.head[at++] = sla_label_text(SLA_L_TARGET, lang);
	b.t.head[at++] = sla_label_text(SLA_L_TOOK, lang);
	b.t.head[at] = sla_label_text(SLA_L_OVERRUN, lang);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < g[i].ntop; k++) {
			const sla_report_item *it = &g[i].top[k];
			sla_cell *c = b_row(&b);
			if (!c)
				break;
			c += cells_group(r, &g[i], c, lang);
			c += cells_item(&b, it, metric, c);
			c[0] = seconds(it->target);
			c[1] = seconds(it->elapsed);
			c[2] = seconds(it->overrun);
		}
	b_emit(&b, sink, ctx);
}

static void
unassessed(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	size_t n;
	const sla_report_item *it = sla_report_unassessed(r, &n);
	builder b;

	if (!b_init(&b, "unassessed", SLA_L_UNASSESSED, 8, lang))
		return;
	b.t.head[0] = sla_label_text(SLA_L_PERIOD, lang);
	b.t.head[1] = sla_label_text(SLA_L_CUSTOMER, lang);
	b.t.head[2] = sla_label_text(SLA_L_TIER, lang);
	head_item(&b, true, 3);
	b.t.head[7] = sla_label_text(SLA_L_REASON, lang);
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = b_row(&b);
		if (!c)
			break;
		c[0] = period(r, it[i].period);
		c[1] = text(nonempty(it[i].customer, lang));
		c[2] = text(nonempty(it[i].tier, lang));
		cells_item(&b, &it[i], true, c + 3);
		c[7] = text(nonempty(it[i].reason, lang));
	}
	b_emit(&b, sink, ctx);
}

/* The notes the rows carry: what the figures may get wrong. */
static void
notes(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	size_t n;
	const sla_report_note *v = sla_report_notes(r, &n);
	builder b;

	if (!b_init(&b, "notes", SLA_L_NOTES, 2, lang))
		return;
	b.t.head[0] = sla_label_text(SLA_L_NOTE, lang);
	b.t.head[1] = sla_label_text(SLA_L_ROWS, lang);
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = b_row(&b);
		if (!c)
			break;
		c[0] = text(v[i].text);
		c[1] = count(v[i].rows);
	}
	b_emit(&b, sink, ctx);
}

/* An amount as text, for the arithmetic written out in words. */
static const char *
amount(builder *b, const sla_report *r, int64_t minor)
{
	char buf[SLA_CELL_MAX];
	sla_cell c = money(r, minor);
	sla_field f = sla_cell_text(&c, false, buf);
	return b_printf(b, "%.*s", (int)f.n, f.p);
}

/* A percentage of the contract, exactly: two places, or the four that a
 * policy may write (99.995%). */
static const char *
percent(builder *b, int32_t ppm)
{
	char buf[SLA_CELL_MAX];
	sla_format_percent(ppm, 1000000, ppm % 100 ? 4 : 2, buf);
	return b_printf(b, "%s", buf);
}

/* A row of three: item, detail, amount. */
static void
line3(builder *b, const char *item, const char *detail, sla_cell amount_cell)
{
	sla_cell *c = b_row(b);
	if (c)
		c[0] = text(item), c[1] = text(detail), c[2] = amount_cell;
}

static void
statement_breaches(builder *b, const sla_report *r, const sla_statement *s)
{
	char buf[SLA_CELL_MAX];

	for (size_t i = 0; i < s->nbreaches; i++) {
		const sla_report_item *it = &s->breaches[i];
		sla_cell over = seconds(it->overrun);
		sla_field o = sla_cell_text(&over, false, buf);
		const char *detail = b_printf(b, "%s %s %s +%.*s", it->tier, it->metric,
					      sla_status_label(it->status, b->lang), (int)o.n, o.p);
		if (it->line)
			detail = b_printf(b, "%s (%s)", detail,
					  b_printf(b, sla_label_text(SLA_L_AT_LINE, b->lang), it->line));
		line3(b, b_printf(b, sla_label_text(SLA_L_BREACH, b->lang), it->id), detail,
		      it->has_penalty ? money(r, it->penalty) : none());
	}
	line3(b, sla_label_text(SLA_L_BREACH_SUM, b->lang),
	      b_printf(b, sla_label_text(SLA_L_BREACHES, b->lang), s->nbreaches), money(r, s->breach_sum));
}

static void
statement_credit(builder *b, const sla_report *r, const sla_statement *s)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	char buf[SLA_CELL_MAX];
	sla_cell comp = ratio(s->kept, s->kept + s->broken);
	sla_field cf = sla_cell_text(&comp, false, buf);
	const char *c = b_printf(b, "%.*s", (int)cf.n, cf.p);
	line3(b, sla_label_text(SLA_L_COMPLIANCE, b->lang),
	      b_printf(b, sla_label_text(SLA_L_KEPT_OF, b->lang), (unsigned long long)s->kept,
		       (unsigned long long)(s->kept + s->broken)), comp);
	if (s->band_hit)
		line3(b, sla_label_text(SLA_L_CREDIT, b->lang),
		      b_printf(b, sla_label_text(SLA_L_CREDIT_BAND, b->lang), c,
			       percent(b, s->band.below_ppm), percent(b, s->band.credit_ppm),
			       amount(b, r, t->fee)), money(r, s->credit));
	else
		line3(b, sla_label_text(SLA_L_CREDIT, b->lang),
		      b_printf(b, sla_label_text(SLA_L_NO_BAND, b->lang), c), money(r, 0));
}

static void
statement_total(builder *b, const sla_report *r, const sla_statement *s)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	const char *sum = amount(b, r, s->breach_sum), *credit = amount(b, r, s->credit);

	if (!t->cap.set)
		line3(b, sla_label_text(SLA_L_CAP, b->lang), sla_label_text(SLA_L_NO_CAP, b->lang), none());
	else if (t->cap.percent)
		line3(b, sla_label_text(SLA_L_CAP, b->lang),
		      b_printf(b, sla_label_text(SLA_L_CAP_PERCENT, b->lang), percent(b, t->cap.ppm),
			       amount(b, r, t->fee)), money(r, s->cap));
	else
		line3(b, sla_label_text(SLA_L_CAP, b->lang), sla_label_text(SLA_L_CAP_AMOUNT, b->lang),
		      money(r, s->cap));
	const char *how = s->capped
		? b_printf(b, sla_label_text(SLA_L_TOTAL_CAPPED, b->lang), amount(b, r, s->cap), sum, credit)
		: b_printf(b, sla_label_text(SLA_L_TOTAL_SUM, b->lang), sum, credit);
	line3(b, sla_label_text(SLA_L_TOTAL, b->lang), how, money(r, s->total));
}

/* A contract without credits, cap or per-breach amounts has nothing to
 * state: the statement is left out rather than printed full of zeros. */
static bool
priced(const sla_report_terms *t, const sla_statement *s)
{
	return t->nbands > 0 || t->cap.set || s->nbreaches > 0;
}

static void
statements(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);

	if (!cfg->terms)
		return;
	for (size_t i = 0; i < n; i++) {
		if (!priced(cfg->terms, &s[i]))
			continue;
		builder b;
		char label[SLA_PERIOD_LABEL_MAX];
		if (!b_init(&b, "statement", SLA_L_STATEMENT, 3, lang))
			return;
		/* The contract's period, never --period; a statement of the whole
		 * contract names every customer it counts, one a row. */
		const char *who = s[i].customer ? nonempty(s[i].customer, lang)
						: sla_label_text(SLA_L_ALL_CUSTOMERS, lang);
		b.t.title = b_printf(&b, "%s \xE2\x80\x94 %s \xE2\x80\x94 %s", sla_label_text(SLA_L_STATEMENT, lang),
				     sla_period_label(cfg->terms->period, s[i].period, label), who);
		b.t.head[0] = sla_label_text(SLA_L_ITEM, lang);
		b.t.head[1] = sla_label_text(SLA_L_DETAIL, lang);
		b.t.head[2] = b_printf(&b, sla_label_text(SLA_L_AMOUNT, lang), cfg->terms->currency);
		for (size_t c = 0; !s[i].customer && c < s[i].ncustomers; c++)
			line3(&b, sla_label_text(SLA_L_STATEMENT_CUSTOMER, lang),
			      nonempty(s[i].customers[c], lang), none());
		statement_breaches(&b, r, &s[i]);
		statement_credit(&b, r, &s[i]);
		statement_total(&b, r, &s[i]);
		b_emit(&b, sink, ctx);
	}
}

void
sla_report_tables(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	if (sink->begin)
		sink->begin(ctx, r, lang);
	subtotals(r, lang, true, sink, ctx);
	overview(r, lang, sink, ctx);
	notes(r, lang, sink, ctx);
	subtotals(r, lang, false, sink, ctx);
	group_counts(r, lang, sink, ctx);
	group_elapsed(r, lang, sink, ctx);
	satisfaction(r, lang, sink, ctx);
	worst_overruns(r, lang, sink, ctx);
	unassessed(r, lang, sink, ctx);
	statements(r, lang, sink, ctx);
	if (sink->end)
		sink->end(ctx, r, lang);
}
