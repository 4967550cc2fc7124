/* report_tables.c: the finished report as tables (sla_report_table.h):
 * which tables, in which order, with which columns (their headings and
 * their keys), rows and labels.  What the report says is decided here,
 * once, for every table format: for people, and for tools, who get the
 * same tables, also those without rows (the statements differ, in
 * report_statements.c).
 *
 * Not here: building a table (report_builder.c), the penalty statements'
 * tables (report_statements.c; this file says where they come), how a
 * cell is printed (report_cells.c), the words (report_labels.c), how a
 * table looks (the formats), which format is used (report_write.c).  A
 * table is handed to the sink through its function pointer only; this
 * file links to no format. */
#include <string.h>

#include "report_builder.h"

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
head_group(rpt_builder *b, const sla_report *r, size_t at)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	sla_rpt_build_col(b, at++, SLA_L_PERIOD, "period");
	for (size_t k = 0; k < cfg->nby; k++, at++) {
		b->t.head[at] = by_heading(cfg->by[k], b->lang);
		b->t.keys[at] = cfg->by[k];
	}
	return at;
}

static size_t
cells_group(const sla_report *r, const sla_report_group *g, sla_cell *c, sla_lang lang)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t at = 0;
	c[at++] = sla_rpt_period(r, g->period);
	for (size_t k = 0; k < cfg->nby; k++)
		c[at++] = sla_rpt_text(sla_rpt_nonempty(g->keys[k], lang));
	return at;
}

enum { TALLY_COLS = 2 + SLA_NSTATUS };

static void
head_tally(rpt_builder *b, size_t at)
{
	sla_rpt_build_col(b, at++, SLA_L_ROWS, "rows");
	for (int s = 0; s < SLA_NSTATUS; s++, at++) {
		b->t.head[at] = sla_status_label((sla_status)s, b->lang);
		b->t.keys[at] = sla_status_name((sla_status)s);
	}
	sla_rpt_build_col(b, at, SLA_L_COMPLIANCE, "compliance");
}

static void
cells_tally(const sla_tally *t, sla_cell *c)
{
	*c++ = sla_rpt_count(sla_tally_rows(t));
	for (int s = 0; s < SLA_NSTATUS; s++)
		*c++ = sla_rpt_count(t->count[s]);
	*c = sla_rpt_ratio(sla_tally_kept(t), sla_tally_kept(t) + sla_tally_broken(t));
}

/* ---- a customer's section ---------------------------------------------- */

/* The grouping column that holds the customer, or cfg.nby. */
static size_t
customer_key(const sla_report *r)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t k = 0;
	while (k < cfg->nby && strcmp(cfg->by[k], "customer") != 0)
		k++;
	return k;
}

/* Whether group G belongs in the tables of CUSTOMER (NULL: every group's). */
static bool
in_section(const sla_report *r, const sla_report_group *g, const char *customer)
{
	size_t k = customer_key(r);
	return !customer || k == sla_report_config_of(r)->nby || strcmp(g->keys[k], customer) == 0;
}

bool
sla_report_sectioned(const sla_report *r)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	return customer_key(r) < cfg->nby || (cfg->terms && cfg->terms->per_customer);
}

/* ---- the tables -------------------------------------------------------- */

/* A row of the overview: ITEM's words and VALUE. */
static void
overview_line(rpt_builder *b, sla_label item, sla_cell value)
{
	sla_cell *c = sla_rpt_build_row(b);
	if (c)
		c[0] = sla_rpt_text(sla_label_text(item, b->lang)), c[1] = value;
}

/* The fee, and how the statements are drawn up: the contract's period,
 * never --period. */
static void
overview_fee(rpt_builder *b, const sla_report *r, const sla_report_terms *t)
{
	sla_label per = t->per_customer ? SLA_L_PER_CUSTOMER : SLA_L_PER_CONTRACT;
	const char *terms = sla_rpt_build_printf(b, sla_label_text(SLA_L_STATEMENT_TERMS, b->lang),
						 sla_period_word(t->period, b->lang),
						 sla_label_text(per, b->lang));

	overview_line(b, SLA_L_CURRENCY, sla_rpt_text(t->currency));
	overview_line(b, SLA_L_FEE, sla_rpt_money(r, t->fee));
	overview_line(b, SLA_L_STATEMENTS, sla_rpt_text(terms));
}

static void
overview(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	rpt_builder b;
	sla_cell *c;

	if (!sla_rpt_build_init(&b, "overview", SLA_L_OVERVIEW, 2, lang))
		return;
	sla_rpt_build_col(&b, 0, SLA_L_ITEM, "item");
	sla_rpt_build_col(&b, 1, SLA_L_VALUE, "value");
	overview_line(&b, SLA_L_ROWS_READ, sla_rpt_count(sla_report_rows(r)));
	overview_line(&b, SLA_L_PERIOD, sla_rpt_text(sla_period_word(cfg->period, lang)));
	overview_line(&b, SLA_L_TIMEZONE, sla_rpt_text(sla_tz_name(cfg->tz)));
	if ((c = sla_rpt_build_row(&b))) {
		c[0] = sla_rpt_text(sla_label_text(SLA_L_GROUPED_BY, lang));
		c[1] = sla_rpt_text(sla_label_text(SLA_L_NONE, lang));
		/* in English the columns as named; in Chinese the known ones in words */
		bool zh = lang == SLA_LANG_ZH;
		for (size_t k = 0; k < cfg->nby; k++) {
			const char *col = zh ? by_heading(cfg->by[k], lang) : cfg->by[k];
			c[1].text = k == 0 ? col
					   : sla_rpt_build_printf(&b, zh ? "%s、%s" : "%s, %s", c[1].text, col);
		}
	}
	if (cfg->terms && cfg->terms->contract && *cfg->terms->contract)
		overview_line(&b, SLA_L_CONTRACT, sla_rpt_text(cfg->terms->contract));
	/* The embedded default policy sets no fee: no line of zeros then. */
	if (cfg->terms && cfg->terms->fee > 0)
		overview_fee(&b, r, cfg->terms);
	sla_rpt_build_emit(&b, o);
}

static void
subtotals(const sla_report *r, sla_lang lang, bool tiers, const rpt_out *o)
{
	size_t n;
	const sla_report_subtotal *s = tiers ? sla_report_tiers(r, &n) : sla_report_periods(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, tiers ? "tiers" : "periods",
				tiers ? SLA_L_BY_TIER : SLA_L_BY_PERIOD, 1 + TALLY_COLS, lang))
		return;
	sla_rpt_build_col(&b, 0, tiers ? SLA_L_TIER : SLA_L_PERIOD, tiers ? "tier" : "period");
	head_tally(&b, 1);
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = sla_rpt_build_row(&b);
		if (!c)
			break;
		c[0] = tiers ? sla_rpt_text(sla_rpt_nonempty(s[i].label, lang))
			     : sla_rpt_period(r, s[i].period);
		cells_tally(&s[i].tally, c + 1);
	}
	sla_cell *c = sla_rpt_build_row(&b);
	if (c) {
		c[0] = sla_rpt_text(sla_label_text(SLA_L_ALL, lang));
		cells_tally(sla_report_total(r), c + 1);
	}
	sla_rpt_build_emit(&b, o);
}

static void
group_counts(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "groups", SLA_L_BY_GROUP, gcols + TALLY_COLS, lang))
		return;
	head_tally(&b, head_group(&b, r, 0));
	for (size_t i = 0; i < n; i++) {
		if (!in_section(r, &g[i], o->customer))
			continue;
		sla_cell *c = sla_rpt_build_row(&b);
		if (!c)
			break;
		cells_tally(&g[i].tally, c + cells_group(r, &g[i], c, lang));
	}
	sla_rpt_build_emit(&b, o);
}

static void
group_elapsed(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	static const sla_label heads[] = { SLA_L_ASSESSED, SLA_L_P50, SLA_L_P90, SLA_L_P95, SLA_L_MAX };
	static const char *const keys[] = { "assessed", "p50_s", "p90_s", "p95_s", "max_s" };
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "percentiles", SLA_L_ELAPSED, gcols + 5, lang))
		return;
	for (size_t h = 0, at = head_group(&b, r, 0); h < 5; h++)
		sla_rpt_build_col(&b, at + h, heads[h], keys[h]);
	for (size_t i = 0; i < n; i++) {
		if (!in_section(r, &g[i], o->customer))
			continue;
		sla_cell *c = sla_rpt_build_row(&b);
		if (!c)
			break;
		c += cells_group(r, &g[i], c, lang);
		bool any = g[i].nelapsed > 0;
		c[0] = sla_rpt_count(g[i].nelapsed);
		c[1] = sla_rpt_seconds(any ? g[i].p50 : -1);
		c[2] = sla_rpt_seconds(any ? g[i].p90 : -1);
		c[3] = sla_rpt_seconds(any ? g[i].p95 : -1);
		c[4] = sla_rpt_seconds(any ? g[i].max : -1);
	}
	sla_rpt_build_emit(&b, o);
}

/* SUM hundredths over N values as a mean with two places, or none (also
 * when SUM did not fit: FITS false). */
static sla_cell
mean(rpt_builder *b, int64_t sum, bool fits, uint64_t n, const char *suffix)
{
	char buf[SLA_CELL_MAX];
	if (!fits || !sla_satisfaction_mean_text(sum, n, buf))
		return sla_rpt_none();
	return sla_rpt_text(sla_rpt_build_printf(b, "%s%s", buf, suffix));
}

static const char *
distribution(rpt_builder *b, const uint64_t v[5])
{
	return sla_rpt_build_printf(b, "%llu/%llu/%llu/%llu/%llu", (unsigned long long)v[0],
			(unsigned long long)v[1], (unsigned long long)v[2],
			(unsigned long long)v[3], (unsigned long long)v[4]);
}

static void
satisfaction(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	static const sla_label heads[] = { SLA_L_SCORES, SLA_L_MEAN_SCORE, SLA_L_SCORE_DIST, SLA_L_PERCENTS,
					   SLA_L_MEAN_PERCENT, SLA_L_PERCENT_DIST, SLA_L_UNREADABLE };
	static const char *const keys[] = { "scores", "mean_score", "score_counts", "percentages",
					    "mean_percent", "percent_bands", "unreadable" };
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	rpt_builder b;

	if (!sla_report_has_satisfaction(r) && !o->tools)
		return;
	if (!sla_rpt_build_init(&b, "satisfaction", SLA_L_SATISFACTION, gcols + 7, lang))
		return;
	for (size_t h = 0, at = head_group(&b, r, 0); h < 7; h++)
		sla_rpt_build_col(&b, at + h, heads[h], keys[h]);
	for (size_t i = 0; i < n && sla_report_has_satisfaction(r); i++) {
		if (!in_section(r, &g[i], o->customer))
			continue;
		const sla_satisfaction *s = &g[i].satisfaction;
		int64_t score_sum = 0;
		bool fits = sla_satisfaction_score_sum(s, &score_sum);
		sla_cell *c = sla_rpt_build_row(&b);
		if (!c)
			break;
		c += cells_group(r, &g[i], c, lang);
		c[0] = sla_rpt_count(s->nscores);
		c[1] = mean(&b, score_sum, fits, s->nscores, "");
		c[2] = sla_rpt_text(distribution(&b, s->scores));
		c[3] = sla_rpt_count(s->npercent);
		c[4] = mean(&b, s->percent_sum, true, s->npercent, "%");
		c[5] = sla_rpt_text(distribution(&b, s->percent_band));
		c[6] = sla_rpt_count(s->unreadable);
	}
	sla_rpt_build_emit(&b, o);
}

/* Columns of a listed ticket: id, line, metric (unless METRIC is false:
 * the table groups by it already), status. */
static size_t
cells_item(rpt_builder *b, const sla_report_item *it, bool metric, sla_cell *c)
{
	size_t at = 0;
	c[at++] = sla_rpt_text(it->id);
	c[at++] = it->line ? sla_rpt_count(it->line) : sla_rpt_none();
	if (metric)
		c[at++] = sla_rpt_text(sla_rpt_nonempty(it->metric, b->lang));
	c[at++] = sla_rpt_text(sla_status_label(it->status, b->lang));
	return at;
}

static size_t
head_item(rpt_builder *b, bool metric, size_t at)
{
	sla_rpt_build_col(b, at++, SLA_L_ID, "id");
	sla_rpt_build_col(b, at++, SLA_L_LINE, "line");
	if (metric)
		sla_rpt_build_col(b, at++, SLA_L_METRIC, "metric");
	sla_rpt_build_col(b, at++, SLA_L_STATUS, "status");
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
worst_overruns(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	size_t n, gcols = 1 + sla_report_config_of(r)->nby;
	const sla_report_group *g = sla_report_groups(r, &n);
	bool metric = !grouped_by(r, "metric");
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "overruns", SLA_L_TOP, gcols + 6 + metric, lang))
		return;
	size_t at = head_item(&b, metric, head_group(&b, r, 0));
	sla_rpt_build_col(&b, at++, SLA_L_TARGET, "target_s");
	sla_rpt_build_col(&b, at++, SLA_L_TOOK, "elapsed_s");
	sla_rpt_build_col(&b, at, SLA_L_OVERRUN, "overrun_s");
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; in_section(r, &g[i], o->customer) && k < g[i].ntop; k++) {
			const sla_report_item *it = &g[i].top[k];
			sla_cell *c = sla_rpt_build_row(&b);
			if (!c)
				break;
			c += cells_group(r, &g[i], c, lang);
			c += cells_item(&b, it, metric, c);
			c[0] = sla_rpt_seconds(it->target);
			c[1] = sla_rpt_seconds(it->elapsed);
			c[2] = sla_rpt_seconds(it->overrun);
		}
	sla_rpt_build_emit(&b, o);
}

static void
unassessed(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	size_t n;
	const sla_report_item *it = sla_report_unassessed(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "unassessed", SLA_L_UNASSESSED, 8, lang))
		return;
	sla_rpt_build_col(&b, 0, SLA_L_PERIOD, "period");
	sla_rpt_build_col(&b, 1, SLA_L_CUSTOMER, "customer");
	sla_rpt_build_col(&b, 2, SLA_L_TIER, "tier");
	head_item(&b, true, 3);
	sla_rpt_build_col(&b, 7, SLA_L_REASON, "reason");
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = sla_rpt_build_row(&b);
		if (!c)
			break;
		c[0] = sla_rpt_period(r, it[i].period);
		c[1] = sla_rpt_text(sla_rpt_nonempty(it[i].customer, lang));
		c[2] = sla_rpt_text(sla_rpt_nonempty(it[i].tier, lang));
		cells_item(&b, &it[i], true, c + 3);
		c[7] = sla_rpt_text(sla_rpt_nonempty(it[i].reason, lang));
	}
	sla_rpt_build_emit(&b, o);
}

/* The notes the rows carry: what the figures may get wrong. */
static void
notes(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	size_t n;
	const sla_report_note *v = sla_report_notes(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "notes", SLA_L_NOTES, 2, lang))
		return;
	sla_rpt_build_col(&b, 0, SLA_L_NOTE, "note");
	sla_rpt_build_col(&b, 1, SLA_L_ROWS, "rows");
	for (size_t i = 0; i < n; i++) {
		sla_cell *c = sla_rpt_build_row(&b);
		if (!c)
			break;
		c[0] = sla_rpt_text(v[i].text);
		c[1] = sla_rpt_count(v[i].rows);
	}
	sla_rpt_build_emit(&b, o);
}

const char *const sla_table_ids[] = {
	"tiers", "overview", "notes", "periods", "groups", "percentiles", "satisfaction",
	"overruns", "unassessed", "statements", "breaches", NULL
};

/* A customer's compliance by period and tier, whatever --by groups by:
 * the slices of that customer, summed over their metrics (a period's
 * slices of one tier come one after another). */
static void
customer_slices(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	size_t n;
	const sla_report_slice *s = sla_report_slices(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "customer", SLA_L_BY_PERIOD_TIER, 2 + TALLY_COLS, lang))
		return;
	b.t.head[0] = sla_label_text(SLA_L_PERIOD, lang);
	b.t.head[1] = sla_label_text(SLA_L_TIER, lang);
	head_tally(&b, 2);
	for (size_t i = 0; i < n;) {
		sla_tally t = { 0 };
		size_t j = i;
		for (; j < n && s[j].period == s[i].period && strcmp(s[j].tier, s[i].tier) == 0; j++)
			if (strcmp(s[j].customer, o->customer) == 0)
				for (int k = 0; k < SLA_NSTATUS; k++)
					t.count[k] += s[j].tally.count[k];
		if (sla_tally_rows(&t) > 0) {
			sla_cell *c = sla_rpt_build_row(&b);
			if (!c)
				break;
			c[0] = sla_rpt_period(r, s[i].period);
			c[1] = sla_rpt_text(sla_rpt_nonempty(s[i].tier, lang));
			cells_tally(&t, c + 2);
		}
		i = j;
	}
	sla_rpt_build_emit(&b, o);
}

/* The tables of one customer's section: O's sink with the customer set. */
static void
section(const sla_report *r, sla_lang lang, const sla_section_sink *ss, const rpt_out *all,
	const char *customer, size_t i)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	rpt_out o = *all;

	o.customer = customer;
	ss->section(o.ctx, customer, i);
	customer_slices(r, lang, &o);
	if (customer_key(r) < cfg->nby) {
		group_counts(r, lang, &o);
		group_elapsed(r, lang, &o);
		satisfaction(r, lang, &o);
		worst_overruns(r, lang, &o);
	}
	if (cfg->terms && cfg->terms->per_customer)
		sla_rpt_statement_tables(r, lang, &o);
}

/* Every table in the order the report has them, to O's sink; SS NULL: in
 * one sequence.  Otherwise, when the report is about customers, the groups
 * of a report grouped by customer and the statements of each customer go
 * in the customer's section. */
static void
tables(const sla_report *r, sla_lang lang, const rpt_out *o, const sla_section_sink *ss)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	bool sections = ss && sla_report_sectioned(r);
	bool grouped = sections && customer_key(r) < cfg->nby;
	bool per_customer = sections && cfg->terms && cfg->terms->per_customer;

	if (o->sink->begin)
		o->sink->begin(o->ctx, r, lang);
	subtotals(r, lang, true, o);
	overview(r, lang, o);
	notes(r, lang, o);
	subtotals(r, lang, false, o);
	if (!grouped) {
		group_counts(r, lang, o);
		group_elapsed(r, lang, o);
		satisfaction(r, lang, o);
		worst_overruns(r, lang, o);
	}
	unassessed(r, lang, o);
	if (!per_customer)
		sla_rpt_statement_tables(r, lang, o);
	if (sections) {
		size_t n;
		const sla_report_subtotal *c = sla_report_customers(r, &n);
		for (size_t i = 0; i < n; i++)
			section(r, lang, ss, o, c[i].label, i);
		ss->section(o->ctx, NULL, n);
	}
	if (o->sink->end)
		o->sink->end(o->ctx, r, lang);
}

void
sla_report_tables(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	tables(r, lang, &(rpt_out){ .sink = sink, .ctx = ctx }, NULL);
}

void
sla_report_tool_tables(const sla_report *r, sla_lang lang, const sla_table_sink *sink, void *ctx)
{
	tables(r, lang, &(rpt_out){ .sink = sink, .ctx = ctx, .tools = true }, NULL);
}

void
sla_report_sections(const sla_report *r, sla_lang lang, const sla_section_sink *sink, void *ctx)
{
	tables(r, lang, &(rpt_out){ .sink = &sink->tables, .ctx = ctx,
				    .grouped = sink->group_digits }, sink);
}
