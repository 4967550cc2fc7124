/* report_finish.c: the report finished (sla_report.h): groups, tiers,
 * periods and statements put in order, percentiles taken, statements
 * priced, and the const views that every format reads.  Runs once, after
 * the last row; counts nothing (report.c does). */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "sla_penalty.h"

/* qsort, which must not be given a null array even when it is empty. */
static void
sort(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(v, n, size, cmp);
}

/* Rows without a period go last. */
static int
cmp_period(int64_t a, int64_t b)
{
	if (a == b)
		return 0;
	if (a == SLA_NO_PERIOD || b == SLA_NO_PERIOD)
		return a == SLA_NO_PERIOD ? 1 : -1;
	return a < b ? -1 : 1;
}

static int
cmp_group(const void *a, const void *b)
{
	const rpt_group *x = a, *y = b;
	int c = cmp_period(x->period, y->period);
	if (!c)
		c = (x->tier_rank > y->tier_rank) - (x->tier_rank < y->tier_rank);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int
cmp_statement(const void *a, const void *b)
{
	const rpt_statement *x = a, *y = b;
	int c = cmp_period(x->pub.period, y->pub.period);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int
cmp_subtotal(const void *a, const void *b)
{
	const sla_report_subtotal *x = a, *y = b;
	int c = cmp_period(x->period, y->period);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Tiers the policy names come in its order, the others after them (in
 * the order given by FALLBACK). */
static size_t
tier_rank(const sla_report *r, const char *label, size_t fallback)
{
	for (size_t k = 0; k < r->cfg.ntiers; k++)
		if (strcmp(label, r->cfg.tier_order[k]) == 0)
			return k;
	return r->cfg.ntiers + fallback;
}

static void
order_tiers(sla_report *r)
{
	for (size_t t = 0; t < r->ntiers; t++)
		r->tiers[t].order = tier_rank(r, r->tiers[t].label, t);
	sort(r->tiers, r->ntiers, sizeof *r->tiers, cmp_subtotal);
}

/* Within a period, groups grouped by tier read urgent first, as the
 * policy lists its tiers; otherwise in the order they first appeared. */
static void
order_groups(sla_report *r)
{
	size_t tier_key = r->cfg.nby;
	for (size_t k = 0; k < r->cfg.nby; k++)
		if (strcmp(r->cfg.by[k], "tier") == 0)
			tier_key = k;
	for (size_t i = 0; i < r->ngroups; i++) {
		rpt_group *g = &r->groups[i];
		g->tier_rank = tier_key < r->cfg.nby && g->keys ? tier_rank(r, g->keys[tier_key], 0) : 0;
	}
	sort(r->groups, r->ngroups, sizeof *r->groups, cmp_group);
}

/* The value of nearest rank ceil(P/100 * N) in the sorted V. */
static int64_t
percentile(const int64_t *v, size_t n, unsigned p)
{
	size_t rank = (n * p + 99) / 100;
	return v[rank ? rank - 1 : 0];
}

static int
finish_group(const rpt_group *g, sla_report_group *out)
{
	*out = (sla_report_group){
		.period = g->period, .keys = (const char *const *)g->keys,
		.tally = g->tally, .nelapsed = g->nelapsed, .top = g->top,
		.ntop = g->ntop, .satisfaction = g->sat,
	};
	if (g->nelapsed == 0)
		return 0;
	if (sla_rpt_sort_elapsed(g->elapsed, g->nelapsed) < 0)
		return -1;
	out->p50 = percentile(g->elapsed, g->nelapsed, 50);
	out->p90 = percentile(g->elapsed, g->nelapsed, 90);
	out->p95 = percentile(g->elapsed, g->nelapsed, 95);
	out->max = g->elapsed[g->nelapsed - 1];
	return 0;
}

/* The credit band, cap and total of one statement (DESIGN §6), priced by
 * the policy's rules (sla_penalty.h).  -1 when the total does not fit. */
static int
finish_statement(const sla_report_terms *t, sla_statement *s)
{
	sla_statement_terms terms = { .fee = t->fee, .bands = t->bands, .nbands = t->nbands,
				      .cap = &t->cap };
	sla_statement_price price;

	if (sla_statement_price_of(&terms, s->kept, s->broken, s->breach_sum, &price) < 0)
		return -1;
	s->band_hit = price.band != NULL;
	if (price.band)
		s->band = *price.band;
	s->credit = price.credit;
	s->cap = price.cap;
	s->capped = price.capped;
	s->total = price.total;
	return 0;
}

int
sla_report_finish(sla_report *r)
{
	order_groups(r);
	order_tiers(r);
	if (sla_rpt_order_slices(r) < 0)
		return -1;
	sort(r->periods, r->nperiods, sizeof *r->periods, cmp_subtotal);
	sort(r->statements, r->nstatements, sizeof *r->statements, cmp_statement);
	r->view = calloc(r->ngroups + 1, sizeof *r->view);
	r->statement_view = calloc(r->nstatements + 1, sizeof *r->statement_view);
	if (!r->view || !r->statement_view)
		return -1;
	for (size_t g = 0; g < r->ngroups; g++) {
		if (finish_group(&r->groups[g], &r->view[g]) < 0)
			return -1;
		free(r->groups[g].elapsed); /* the percentiles are all it was for */
		r->groups[g].elapsed = NULL;
	}
	for (size_t s = 0; s < r->nstatements; s++) {
		rpt_statement *st = &r->statements[s];
		st->pub.breaches = st->breaches;
		st->pub.customers = (const char *const *)st->customers;
		st->pub.ncustomers = st->ncustomers;
		if (finish_statement(r->cfg.terms, &st->pub) < 0) {
			char name[RPT_STATEMENT_NAME_MAX];
			sla_diag_msg(r->d, NULL, 0, NULL, NULL, 0,
				     "statement %s: penalties and credit add up to more than fits",
				     sla_rpt_statement_name(r->cfg.terms->period, st->pub.period,
							    st->pub.customer, name, sizeof name));
			return -2;
		}
		r->statement_view[s] = st->pub;
	}
	return 0;
}

/* ---- the finished model -------------------------------------------------- */

const sla_report_config *sla_report_config_of(const sla_report *r) { return &r->cfg; }
uint64_t sla_report_rows(const sla_report *r) { return r->rows; }
const sla_tally *sla_report_total(const sla_report *r) { return &r->total; }
bool sla_report_has_satisfaction(const sla_report *r) { return r->has_satisfaction; }

const sla_report_group *
sla_report_groups(const sla_report *r, size_t *n)
{
	*n = r->ngroups;
	return r->view;
}

const sla_report_subtotal *
sla_report_tiers(const sla_report *r, size_t *n)
{
	*n = r->ntiers;
	return r->tiers;
}

const sla_report_subtotal *
sla_report_periods(const sla_report *r, size_t *n)
{
	*n = r->nperiods;
	return r->periods;
}

const sla_report_item *
sla_report_unassessed(const sla_report *r, size_t *n)
{
	*n = r->nunassessed;
	return r->unassessed;
}

const sla_report_note *
sla_report_notes(const sla_report *r, size_t *n)
{
	*n = r->nnotes;
	return r->notes;
}

const sla_statement *
sla_report_statements(const sla_report *r, size_t *n)
{
	*n = r->nstatements;
	return r->statement_view;
}
