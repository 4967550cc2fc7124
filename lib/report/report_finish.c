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

/* Within a period, entries of one rank come in the order of their first
 * rows: of first appearance in a run, the same order after a merge. */
static int
cmp_group(const void *a, const void *b)
{
	const rpt_group *x = a, *y = b;
	int c = cmp_period(x->period, y->period);
	if (!c)
		c = (x->tier_rank > y->tier_rank) - (x->tier_rank < y->tier_rank);
	return c ? c : sla_rpt_pos_cmp(x->first, y->first);
}

static int
cmp_statement(const void *a, const void *b)
{
	const rpt_statement *x = a, *y = b;
	int c = cmp_period(x->pub.period, y->pub.period);
	return c ? c : sla_rpt_pos_cmp(x->first, y->first);
}

static int
cmp_first_row(const void *a, const void *b)
{
	const sla_report_subtotal *x = a, *y = b;
	return sla_rpt_pos_cmp(x->first, y->first);
}

static int
cmp_note(const void *a, const void *b)
{
	const sla_report_note *x = a, *y = b;
	return sla_rpt_pos_cmp(x->first, y->first);
}

static int
cmp_item(const void *a, const void *b)
{
	const sla_report_item *x = a, *y = b;
	return sla_rpt_pos_cmp(x->at, y->at);
}

/* A statement's customer, and the place of its first row. */
typedef struct rpt_named {
	struct rpt_customer c;
	char *name;
} rpt_named;

static int
cmp_named(const void *a, const void *b)
{
	const rpt_named *x = a, *y = b;
	return sla_rpt_pos_cmp(x->c.first, y->c.first);
}

/* A merge adds the entries of each part where their keys put them: put
 * back in the order of their rows, as a single run keeps them.  (A run's
 * lists are in that order already.)  -1 when out of memory. */
static int
order_merged(sla_report *r)
{
	sort(r->tiers, r->ntiers, sizeof *r->tiers, cmp_first_row);
	sort(r->notes, r->nnotes, sizeof *r->notes, cmp_note);
	sort(r->unassessed, r->nunassessed, sizeof *r->unassessed, cmp_item);
	for (size_t i = 0; i < r->nstatements; i++) {
		rpt_statement *s = &r->statements[i];
		sort(s->breaches, s->pub.nbreaches, sizeof *s->breaches, cmp_item);
		rpt_named *v = calloc(s->ncustomers + 1, sizeof *v);
		if (!v)
			return -1;
		for (size_t c = 0; c < s->ncustomers; c++)
			v[c] = (rpt_named){ s->customer[c], s->customers[c] };
		sort(v, s->ncustomers, sizeof *v, cmp_named);
		for (size_t c = 0; c < s->ncustomers; c++)
			s->customer[c] = v[c].c, s->customers[c] = v[c].name;
		free(v);
	}
	return 0;
}

static int
cmp_subtotal(const void *a, const void *b)
{
	const sla_report_subtotal *x = a, *y = b;
	int c = cmp_period(x->period, y->period);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

size_t
sla_report_rank(const char *const *order, size_t n, const char *name, size_t fallback)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(name, order[k]) == 0)
			return k;
	return n + fallback;
}

/* Tiers the policy names come in its order, the others after them (in
 * the order given by FALLBACK). */
static size_t
tier_rank(const sla_report *r, const char *label, size_t fallback)
{
	return sla_report_rank(r->cfg.tier_order, r->cfg.ntiers, label, fallback);
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

/* Nearest rank: the value of rank ceil(P/100 * N), read from the group's
 * exact histogram (the same value a sort of every elapsed time gives). */
static int
finish_group(rpt_group *g, sla_report_group *out)
{
	*out = (sla_report_group){
		.period = g->period, .keys = (const char *const *)g->keys,
		.tally = g->tally, .nelapsed = (size_t)g->elapsed.n, .top = g->top,
		.ntop = g->ntop, .satisfaction = g->sat,
	};
	if (g->elapsed.n == 0)
		return 0;
	if (sla_rpt_hist_fold(&g->elapsed) < 0)
		return -1;
	uint64_t n = g->elapsed.n, ranks[4] = { (n * 50 + 99) / 100, (n * 90 + 99) / 100,
						(n * 95 + 99) / 100, n };
	int64_t v[4];
	sla_rpt_hist_at_ranks(&g->elapsed, ranks, 4, v);
	out->p50 = v[0];
	out->p90 = v[1];
	out->p95 = v[2];
	out->max = v[3];
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
	if (r->merged && order_merged(r) < 0)
		return -1;
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
