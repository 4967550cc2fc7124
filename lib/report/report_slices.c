/* report_slices.c: what the rows say beside their groups (report_int.h):
 * a tally by period, tier, metric and customer, whatever --by groups by,
 * for the charts and a customer's section of a page; and the instant the
 * rows are measured as of (the check stream's as_of column).
 *
 * A slice costs one entry a distinct key: periods x tiers x metrics x
 * customers that occur, a few thousand for a year of a large contract.
 * The as_of text is the same on every row of a run: it is compared with
 * the text read last and read as a time only when it changes. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "sla_mem.h"
#include "sla_time.h"

/* One block holds the slice's decoded tier, metric and customer. */
static int
new_slice(sla_report *r, int64_t period, const sla_field *fs, sla_report_pos at)
{
	if (!sla_grow((void **)&r->slices, &r->slices_cap, r->nslices + 1, sizeof *r->slices))
		return -1;
	char *block = malloc(fs[0].n + fs[1].n + fs[2].n + 3), *p = block;
	if (!block)
		return -1;
	const char *s[3];
	for (int i = 0; i < 3; i++) {
		s[i] = p;
		p += sla_unescape(fs[i], p);
		*p++ = '\0';
	}
	r->slices[r->nslices] = (sla_report_slice){ .period = period, .tier = s[0],
						    .metric = s[1], .customer = s[2],
						    .order = r->nslices, .first = at };
	r->nslices++;
	return 0;
}

sla_report_slice *
sla_rpt_slice(sla_report *r, int64_t period, const sla_field keys[3], sla_report_pos at,
	      bool *added)
{
	long i = sla_rpt_keymap_get(&r->slice_keys, period, keys, 3, added);
	if (i < 0 || (*added && new_slice(r, period, keys, at) < 0))
		return NULL;
	return &r->slices[i];
}

void
sla_rpt_note_as_of(sla_report *r, int64_t earliest, int64_t latest)
{
	if (!r->has_as_of || earliest < r->as_of_min)
		r->as_of_min = earliest;
	if (!r->has_as_of || latest > r->as_of_max)
		r->as_of_max = latest;
	r->has_as_of = true;
}

/* A text that is not a time with an offset is not an instant to say. */
static void
note_as_of(sla_report *r, const rpt_row *w)
{
	sla_field f = rpt_field(r, w, RPT_COL_AS_OF);
	sla_stamp st;

	if (f.n == 0 || f.n > sizeof r->as_of_text ||
	    (f.n == r->as_of_n && memcmp(f.p, r->as_of_text, f.n) == 0))
		return;
	memcpy(r->as_of_text, f.p, f.n);
	r->as_of_n = f.n;
	if (sla_rfc3339_parse(f.p, f.n, &st) == 0 && st.has_offset)
		sla_rpt_note_as_of(r, st.secs, st.secs);
}

int
sla_rpt_count_slice(sla_report *r, const rpt_row *w, sla_report_pos at)
{
	sla_field fs[3] = { rpt_field(r, w, RPT_COL_TIER), rpt_field(r, w, RPT_COL_METRIC),
			    rpt_field(r, w, RPT_COL_CUSTOMER) };
	bool added;
	sla_report_slice *s = sla_rpt_slice(r, w->period, fs, at, &added);

	note_as_of(r, w);
	if (!s)
		return -1;
	sla_tally *t = &s->tally;
	t->count[w->status]++;
	if (rpt_counts_in_compliance(w->status))
		t->bucket[sla_rpt_bucket_of(w->elapsed)]++;
	return 0;
}

/* The tiers are in order when this runs: a slice's tier ranks by its place
 * among them. */
static size_t
tier_place(const sla_report *r, const char *tier)
{
	for (size_t t = 0; t < r->ntiers; t++)
		if (strcmp(r->tiers[t].label, tier) == 0)
			return t;
	return r->ntiers;
}

typedef struct ranked {
	sla_report_slice s;
	size_t tier;
} ranked;

static int
cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	const int64_t p = x->s.period, q = y->s.period;
	if (p != q) /* rows without a period go last */
		return p == SLA_NO_PERIOD ? 1 : q == SLA_NO_PERIOD ? -1 : p < q ? -1 : 1;
	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	return (x->s.order > y->s.order) - (x->s.order < y->s.order);
}

/* Slices are in order of first appearance until sorted: a customer's
 * first slice comes first.  The key map finds each customer once. */
static int
sum_customers(sla_report *r)
{
	rpt_keymap keys = { 0 };
	size_t cap = 0;
	int rc = 0;

	for (size_t i = 0; i < r->nslices && rc == 0; i++) {
		const sla_report_slice *s = &r->slices[i];
		sla_field name = { s->customer, strlen(s->customer) };
		bool added;
		long c = sla_rpt_keymap_get(&keys, 0, &name, 1, &added);
		if (c < 0 || (added && !sla_grow((void **)&r->customers, &cap, r->ncustomers + 1,
						 sizeof *r->customers))) {
			rc = -1;
			break;
		}
		if (added)
			r->customers[r->ncustomers++] = (sla_report_subtotal){ .label = s->customer,
									      .order = (size_t)c };
		r->slices[i].customer_at = (size_t)c;
		sla_tally *t = &r->customers[c].tally;
		for (int k = 0; k < SLA_NSTATUS; k++)
			t->count[k] += s->tally.count[k];
		for (int k = 0; k < SLA_NBUCKETS; k++)
			t->bucket[k] += s->tally.bucket[k];
	}
	sla_rpt_keymap_free(&keys);
	return rc;
}

static int
cmp_first(const void *a, const void *b)
{
	return sla_rpt_pos_cmp(((const sla_report_slice *)a)->first,
			       ((const sla_report_slice *)b)->first);
}

int
sla_rpt_order_slices(sla_report *r)
{
	/* A merge adds slices in the order its partials came: put back in the
	 * order of their first rows, as a single run has them. */
	if (r->merged && r->nslices > 1) {
		qsort(r->slices, r->nslices, sizeof *r->slices, cmp_first);
		for (size_t i = 0; i < r->nslices; i++)
			r->slices[i].order = i;
	}
	if (sum_customers(r) < 0)
		return -1;
	if (r->nslices < 2) {
		if (r->nslices == 1)
			r->slices[0].tier_at = tier_place(r, r->slices[0].tier);
		return 0;
	}
	ranked *v = malloc(r->nslices * sizeof *v);
	if (!v)
		return -1;
	for (size_t i = 0; i < r->nslices; i++) {
		r->slices[i].tier_at = tier_place(r, r->slices[i].tier);
		v[i] = (ranked){ r->slices[i], r->slices[i].tier_at };
	}
	qsort(v, r->nslices, sizeof *v, cmp_ranked);
	for (size_t i = 0; i < r->nslices; i++)
		r->slices[i] = v[i].s;
	free(v);
	return 0;
}

void
sla_rpt_free_slices(sla_report *r)
{
	for (size_t i = 0; i < r->nslices; i++)
		free((char *)r->slices[i].tier); /* the block of all three */
	free(r->slices);
	free(r->customers); /* their labels are the slices' */
	sla_rpt_keymap_free(&r->slice_keys);
}

const sla_report_subtotal *
sla_report_customers(const sla_report *r, size_t *n)
{
	*n = r->ncustomers;
	return r->customers;
}

const sla_report_slice *
sla_report_slices(const sla_report *r, size_t *n)
{
	*n = r->nslices;
	return r->slices;
}

bool
sla_report_as_of(const sla_report *r, int64_t *earliest, int64_t *latest)
{
	const sla_report_origin *src = r->cfg.origin;
	if (src && src->has_now) {
		*earliest = *latest = src->now;
		return true;
	}
	*earliest = r->as_of_min;
	*latest = r->as_of_max;
	return r->has_as_of;
}
