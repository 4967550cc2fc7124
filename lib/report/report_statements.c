/* report_statements.c: the penalty statements as tables (DESIGN §6;
 * report_builder.h): one a contract period (and customer, when the terms
 * are per customer), its breaches priced one a row, the service credit
 * and the cap written out with the arithmetic in words, and the total.
 *
 * Not here: the prices themselves (report_finish.c and the policy's
 * sla_penalty.h work them out before any table is built), the other
 * tables (report_tables.c). */
#include <stdio.h>
#include <string.h>

#include "report_builder.h"
#include "sla_money.h"

/* An amount as text, for the arithmetic written out in words. */
static const char *
amount(rpt_builder *b, const sla_report *r, int64_t minor)
{
	char buf[SLA_CELL_MAX];
	char grouped[SLA_CELL_MAX];
	sla_cell c = sla_rpt_money(r, minor);
	sla_field f = sla_cell_text(&c, false, buf);
	if (b->grouped)
		f = (sla_field){ grouped, sla_format_grouped(f.p, f.n, grouped) };
	return sla_rpt_build_printf(b, "%.*s", (int)f.n, f.p);
}

/* A percentage of the contract, exactly: two places, or the four that a
 * policy may write (99.995%). */
static const char *
percent(rpt_builder *b, int32_t ppm)
{
	char buf[SLA_CELL_MAX];
	sla_format_percent(ppm, 1000000, ppm % 100 ? 4 : 2, buf);
	return sla_rpt_build_printf(b, "%s", buf);
}

/* A row of three: item, detail, amount. */
static void
line3(rpt_builder *b, const char *item, const char *detail, sla_cell amount_cell)
{
	sla_cell *c = sla_rpt_build_row(b);
	if (c)
		c[0] = sla_rpt_text(item), c[1] = sla_rpt_text(detail), c[2] = amount_cell;
}

static void
statement_breaches(rpt_builder *b, const sla_report *r, const sla_statement *s)
{
	char buf[SLA_CELL_MAX];

	for (size_t i = 0; i < s->nbreaches; i++) {
		const sla_report_item *it = &s->breaches[i];
		sla_cell over = sla_rpt_seconds(it->overrun);
		sla_field o = sla_cell_text(&over, false, buf);
		const char *detail = sla_rpt_build_printf(b, "%s %s %s +%.*s", it->tier, it->metric,
							  sla_status_label(it->status, b->lang),
							  (int)o.n, o.p);
		if (it->line)
			detail = sla_rpt_build_printf(b, "%s (%s)", detail,
						      sla_rpt_build_printf(b, sla_label_text(SLA_L_AT_LINE,
											     b->lang),
									   it->line));
		line3(b, sla_rpt_build_printf(b, sla_label_text(SLA_L_BREACH, b->lang), it->id), detail,
		      it->has_penalty ? sla_rpt_money(r, it->penalty) : sla_rpt_none());
	}
	line3(b, sla_label_text(SLA_L_BREACH_SUM, b->lang),
	      sla_rpt_build_printf(b, sla_label_text(SLA_L_BREACHES, b->lang), s->nbreaches),
	      sla_rpt_money(r, s->breach_sum));
}

static void
statement_credit(rpt_builder *b, const sla_report *r, const sla_statement *s)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	char buf[SLA_CELL_MAX];
	sla_cell comp = sla_rpt_ratio(s->kept, s->kept + s->broken);
	sla_field cf = sla_cell_text(&comp, false, buf);
	const char *c = sla_rpt_build_printf(b, "%.*s", (int)cf.n, cf.p);
	line3(b, sla_label_text(SLA_L_COMPLIANCE, b->lang),
	      sla_rpt_build_printf(b, sla_label_text(SLA_L_KEPT_OF, b->lang),
				   (unsigned long long)s->kept,
				   (unsigned long long)(s->kept + s->broken)), comp);
	if (s->band_hit)
		line3(b, sla_label_text(SLA_L_CREDIT, b->lang),
		      sla_rpt_build_printf(b, sla_label_text(SLA_L_CREDIT_BAND, b->lang), c,
					   percent(b, s->band.below_ppm),
					   percent(b, s->band.credit_ppm), amount(b, r, t->fee)),
		      sla_rpt_money(r, s->credit));
	else
		line3(b, sla_label_text(SLA_L_CREDIT, b->lang),
		      sla_rpt_build_printf(b, sla_label_text(SLA_L_NO_BAND, b->lang), c),
		      sla_rpt_money(r, 0));
}

static void
statement_total(rpt_builder *b, const sla_report *r, const sla_statement *s)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	const char *sum = amount(b, r, s->breach_sum), *credit = amount(b, r, s->credit);

	if (!t->cap.set)
		line3(b, sla_label_text(SLA_L_CAP, b->lang), sla_label_text(SLA_L_NO_CAP, b->lang),
		      sla_rpt_none());
	else if (t->cap.percent)
		line3(b, sla_label_text(SLA_L_CAP, b->lang),
		      sla_rpt_build_printf(b, sla_label_text(SLA_L_CAP_PERCENT, b->lang),
					   percent(b, t->cap.ppm), amount(b, r, t->fee)),
		      sla_rpt_money(r, s->cap));
	else
		line3(b, sla_label_text(SLA_L_CAP, b->lang), sla_label_text(SLA_L_CAP_AMOUNT, b->lang),
		      sla_rpt_money(r, s->cap));
	const char *how = s->capped
		? sla_rpt_build_printf(b, sla_label_text(SLA_L_TOTAL_CAPPED, b->lang),
				       amount(b, r, s->cap), sum, credit)
		: sla_rpt_build_printf(b, sla_label_text(SLA_L_TOTAL_SUM, b->lang), sum, credit);
	line3(b, sla_label_text(SLA_L_TOTAL, b->lang), how, sla_rpt_money(r, s->total));
}

/* A contract without credits, cap or per-breach amounts has nothing to
 * state: the statement is left out rather than printed full of zeros. */
static bool
priced(const sla_report_terms *t, const sla_statement *s)
{
	return t->nbands > 0 || t->cap.set || s->nbreaches > 0;
}

/* ---- the statements for tools: rectangular, inputs beside results -------- */

/* The period of a statement: the contract's (terms.period). */
static sla_cell
statement_period(const sla_report_terms *t, int64_t first_day)
{
	return (sla_cell){ .kind = SLA_CELL_PERIOD, .a = first_day, .b = t->period };
}

static const char *
statement_customer(const sla_statement *s, sla_lang lang)
{
	return s->customer ? sla_rpt_nonempty(s->customer, lang)
			   : sla_label_text(SLA_L_ALL_CUSTOMERS, lang);
}

enum { SUMMARY_COLS = 15 };

static void
summary_heads(rpt_builder *b)
{
	static const struct { sla_label head; const char *key; } cols[SUMMARY_COLS] = {
		{ SLA_L_PERIOD, "period" }, { SLA_L_CUSTOMER, "customer" },
		{ SLA_L_KEPT, "kept" }, { SLA_L_BROKEN, "broken" },
		{ SLA_L_COMPLIANCE, "compliance" }, { SLA_L_PRICED, "breaches" },
		{ SLA_L_BREACH_SUM, "breach_sum" }, { SLA_L_BAND_BELOW, "band_below" },
		{ SLA_L_CREDIT_RATE, "credit_rate" }, { SLA_L_FEE, "fee" },
		{ SLA_L_CREDIT, "credit" }, { SLA_L_SUM_CREDIT, "breach_sum_and_credit" },
		{ SLA_L_CAP, "cap" }, { SLA_L_CAPPED, "capped" }, { SLA_L_OWED, "owed" },
	};
	for (size_t c = 0; c < SUMMARY_COLS; c++)
		sla_rpt_build_col(b, c, cols[c].head, cols[c].key);
}

/* One statement a row: the fee, the band and the cap beside the credit,
 * the sum and the total they make, so that a reader can redo the sums. */
static void
summary_row(rpt_builder *b, const sla_report *r, const sla_statement *s)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	sla_cell *c = sla_rpt_build_row(b);
	int64_t both;

	if (!c)
		return;
	c[0] = statement_period(t, s->period);
	c[1] = sla_rpt_text(statement_customer(s, b->lang));
	c[2] = sla_rpt_count(s->kept);
	c[3] = sla_rpt_count(s->broken);
	c[4] = sla_rpt_ratio(s->kept, s->kept + s->broken);
	c[5] = sla_rpt_count(s->nbreaches);
	c[6] = sla_rpt_money(r, s->breach_sum);
	c[7] = s->band_hit ? sla_rpt_ppm(s->band.below_ppm) : sla_rpt_none();
	c[8] = s->band_hit ? sla_rpt_ppm(s->band.credit_ppm) : sla_rpt_none();
	c[9] = sla_rpt_money(r, t->fee);
	c[10] = sla_rpt_money(r, s->credit);
	/* It fits: the statement's total was worked out from it. */
	c[11] = sla_money_add(s->breach_sum, s->credit, &both) == 0 ? sla_rpt_money(r, both)
								      : sla_rpt_none();
	c[12] = t->cap.set ? sla_rpt_money(r, s->cap) : sla_rpt_none();
	c[13] = sla_rpt_text(sla_label_text(s->capped ? SLA_L_YES : SLA_L_NO, b->lang));
	c[14] = sla_rpt_money(r, s->total);
}

/* The statements one a row, then a row "All" with what they owe in all
 * (when that fits; sla-report refuses the report otherwise). */
static void
statement_summary(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	size_t n, priced_n = 0;
	const sla_statement *s = sla_report_statements(r, &n);
	rpt_builder b;
	int64_t owed;

	if (!sla_rpt_build_init(&b, "statements", SLA_L_STATEMENTS, SUMMARY_COLS, lang))
		return;
	summary_heads(&b);
	for (size_t i = 0; i < n; i++)
		if (priced(t, &s[i]))
			summary_row(&b, r, &s[i]), priced_n++;
	sla_cell *c = priced_n && sla_report_owed(r, &owed) == 0 ? sla_rpt_build_row(&b) : NULL;
	if (c) {
		c[0] = sla_rpt_text(sla_label_text(SLA_L_ALL, lang));
		for (size_t k = 1; k < SUMMARY_COLS - 1; k++)
			c[k] = sla_rpt_none();
		c[SUMMARY_COLS - 1] = sla_rpt_money(r, owed);
	}
	sla_rpt_build_emit(&b, o);
}

/* Every priced breach of the statements above, one a row. */
static void
statement_breach_list(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	static const struct { sla_label head; const char *key; } cols[] = {
		{ SLA_L_PERIOD, "period" }, { SLA_L_CUSTOMER, "customer" }, { SLA_L_ID, "id" },
		{ SLA_L_LINE, "line" }, { SLA_L_TIER, "tier" }, { SLA_L_METRIC, "metric" },
		{ SLA_L_STATUS, "status" }, { SLA_L_OVERRUN, "overrun_s" },
		{ SLA_L_PENALTY, "penalty" },
	};
	enum { NCOLS = sizeof cols / sizeof cols[0] };
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);
	rpt_builder b;

	if (!sla_rpt_build_init(&b, "breaches", SLA_L_BREACH_LIST, NCOLS, lang))
		return;
	for (size_t k = 0; k < NCOLS; k++)
		sla_rpt_build_col(&b, k, cols[k].head, cols[k].key);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; priced(t, &s[i]) && k < s[i].nbreaches; k++) {
			const sla_report_item *it = &s[i].breaches[k];
			sla_cell *c = sla_rpt_build_row(&b);
			if (!c)
				break;
			c[0] = statement_period(t, s[i].period);
			c[1] = sla_rpt_text(sla_rpt_nonempty(it->customer, lang));
			c[2] = sla_rpt_text(it->id);
			c[3] = it->line ? sla_rpt_count(it->line) : sla_rpt_none();
			c[4] = sla_rpt_text(sla_rpt_nonempty(it->tier, lang));
			c[5] = sla_rpt_text(sla_rpt_nonempty(it->metric, lang));
			c[6] = sla_rpt_text(sla_status_label(it->status, lang));
			c[7] = sla_rpt_seconds(it->overrun);
			c[8] = it->has_penalty ? sla_rpt_money(r, it->penalty) : sla_rpt_none();
		}
	sla_rpt_build_emit(&b, o);
}

void
sla_rpt_statement_tables(const sla_report *r, sla_lang lang, const rpt_out *o)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);

	if (!cfg->terms)
		return;
	if (o->tools) {
		statement_summary(r, lang, o);
		statement_breach_list(r, lang, o);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (!priced(cfg->terms, &s[i]) ||
		    (o->customer && (!s[i].customer || strcmp(s[i].customer, o->customer) != 0)))
			continue;
		rpt_builder b;
		char label[SLA_PERIOD_LABEL_MAX];
		if (!sla_rpt_build_init(&b, "statement", SLA_L_STATEMENT, 3, lang))
			return;
		b.grouped = o->grouped;
		/* The contract's period, never --period; a statement of the whole
		 * contract names every customer it counts, one a row. */
		const char *who = s[i].customer ? sla_rpt_nonempty(s[i].customer, lang)
						: sla_label_text(SLA_L_ALL_CUSTOMERS, lang);
		b.t.title = sla_rpt_build_printf(&b, "%s \xE2\x80\x94 %s \xE2\x80\x94 %s",
						 sla_label_text(SLA_L_STATEMENT, lang),
						 sla_period_label(cfg->terms->period, s[i].period, label),
						 who);
		sla_rpt_build_col(&b, 0, SLA_L_ITEM, "item");
		sla_rpt_build_col(&b, 1, SLA_L_DETAIL, "detail");
		sla_rpt_build_col(&b, 2, SLA_L_AMOUNT, "amount");
		b.t.head[2] = sla_rpt_build_printf(&b, sla_label_text(SLA_L_AMOUNT, lang),
						   cfg->terms->currency);
		for (size_t c = 0; !s[i].customer && c < s[i].ncustomers; c++)
			line3(&b, sla_label_text(SLA_L_STATEMENT_CUSTOMER, lang),
			      sla_rpt_nonempty(s[i].customers[c], lang), sla_rpt_none());
		statement_breaches(&b, r, &s[i]);
		statement_credit(&b, r, &s[i]);
		statement_total(&b, r, &s[i]);
		sla_rpt_build_emit(&b, o);
	}
}
