/* draft_model.c: the commitments arranged as a policy says them
 * (draft_model.h).
 *
 * Where the letter gives one tier and metric two different times, the
 * smaller is the target (the provider committed to it) and the other is
 * kept for the review note; a value of the tier's own wins over one for
 * all requests, even a larger one (the letter says more of that tier). */
#include <stdio.h>
#include <string.h>

#include "draft_model.h"

int64_t
dm_magnitude(const xdur *d)
{
	return d->secs + d->wd * 8 * 3600;
}

/* The key of C in a draft: its metric's name, and "_if_unresolved" for
 * a condition on a metric other than the replacement. */
static void
key_name(const xcommit *c, char *buf, size_t n)
{
	size_t o = xmetric_name(c, buf, n);
	if (c->custom < 0 && c->cond >= 0 && c->stops != XM_BIT(XM_REPLACEMENT) && o < n)
		snprintf(buf + o, n - o, "_if_unresolved");
}

int
draft_model_key_of(const draft_model *dm, const xcommit *c)
{
	char name[64];
	key_name(c, name, sizeof name);
	for (size_t k = 0; k < dm->nkeys; k++)
		if (strcmp(dm->keys[k].name, name) == 0)
			return (int)k;
	return -1;
}

/* The place of a key in a draft: built-ins in their order, then several,
 * then conditions, then custom metrics. */
static int
key_rank(const dm_key *k)
{
	if (k->stops == 0)
		return 1000 + k->custom;
	if (!(k->stops & (k->stops - 1)) && !k->section) {
		for (int m = 0; m < XM_NBUILTIN; m++)
			if (k->stops == XM_BIT(m))
				return m;
	}
	return k->cond >= 0 ? 200 : 100;
}

static void
add_keys(draft_model *dm)
{
	const sla_extract *x = dm->x;
	for (size_t i = 0; i < x->ncommits; i++) {
		const xcommit *c = &x->commits[i];
		if (c->dup_of != SIZE_MAX || draft_model_key_of(dm, c) >= 0)
			continue;
		if (dm->nkeys == DM_MAX_KEYS) {
			dm->over = true;
			continue;
		}
		dm_key *k = &dm->keys[dm->nkeys++];
		*k = (dm_key){ .stops = c->stops, .custom = c->custom, .first = i,
			       .cond = c->cond >= 0 ? x->conds[c->cond].secs : -1 };
		key_name(c, k->name, sizeof k->name);
		k->section = c->custom < 0 && ((c->stops & (c->stops - 1)) ||
					       (c->cond >= 0 && c->stops != XM_BIT(XM_REPLACEMENT)));
	}
	for (size_t i = 1; i < dm->nkeys; i++)	/* insertion sort: a handful */
		for (size_t j = i; j > 0 && key_rank(&dm->keys[j]) < key_rank(&dm->keys[j - 1]); j--) {
			dm_key t = dm->keys[j];
			dm->keys[j] = dm->keys[j - 1];
			dm->keys[j - 1] = t;
		}
}

static void
add_tiers(draft_model *dm)
{
	const sla_extract *x = dm->x;
	bool used[XT_MAX_CLASSES] = { false }, all = false;
	for (size_t i = 0; i < x->ncommits; i++) {
		const xcommit *c = &x->commits[i];
		if (c->dup_of != SIZE_MAX)
			continue;
		if (c->tier == XT_ALL)
			all = true;
		else
			used[c->tier] = true;
	}
	enum { NORMAL = 2 };
	if (all)
		used[NORMAL] = true;
	for (int t = 0; t < XT_NCLASSES + (int)x->nclasses; t++)
		if (used[t]) {
			dm_tier *tier = &dm->tiers[dm->ntiers++];
			memset(tier, 0, sizeof *tier);
			tier->cls = t;
			tier->rest = all && t == NORMAL;
		}
	for (size_t i = 0; i < x->ncommits; i++)
		if (x->commits[i].tier != XT_ALL && x->commits[i].dup_of == SIZE_MAX)
			for (size_t t = 0; t < dm->ntiers; t++)
				if (dm->tiers[t].cls == x->commits[i].tier)
					dm->tiers[t].labelled = true;
}

/* Put commitment C into value slot V: the smaller target wins. */
static void
offer(const sla_extract *x, dm_value **slot, dm_value *v, size_t c, bool inherited)
{
	if (!*slot) {
		*v = (dm_value){ .commit = c, .inherited = inherited };
		*slot = v;
		return;
	}
	dm_value *o = *slot;
	if (!o->inherited && inherited)
		return;	/* the tier's own value stands (own values come first) */
	const xdur *now = &x->commits[o->commit].dur, *d = &x->commits[c].dur;
	if (dm_magnitude(d) == dm_magnitude(now))
		return;
	size_t keep = o->commit, other = c;
	if (dm_magnitude(d) < dm_magnitude(now)) {
		keep = c;
		other = o->commit;
	}
	o->commit = keep;
	if (o->nothers < DM_MAX_OTHERS)
		o->others[o->nothers++] = other;
}

int
dm_value_cal(const draft_model *dm, const dm_value *v)
{
	return dm->x->commits[v->commit].cal;
}

/* The calendar of most of the tier's values (the first one's on a tie). */
static int
tier_calendar(const draft_model *dm, const dm_tier *t)
{
	int best = 0, best_n = 0;
	for (size_t k = 0; k < dm->nkeys; k++) {	/* custom metrics are comments */
		if (!t->val[k] || !dm->keys[k].stops)
			continue;
		int c = dm_value_cal(dm, t->val[k]), n = 0;
		for (size_t j = 0; j < dm->nkeys; j++)
			n += t->val[j] && dm->keys[j].stops && dm_value_cal(dm, t->val[j]) == c;
		if (n > best_n) {
			best = c;
			best_n = n;
		}
	}
	return best;
}

static void
fill_values(draft_model *dm)
{
	const sla_extract *x = dm->x;
	for (size_t t = 0; t < dm->ntiers; t++) {
		dm_tier *tier = &dm->tiers[t];
		for (int pass = 0; pass < 2; pass++)	/* own values first, then for all */
			for (size_t i = 0; i < x->ncommits; i++) {
				const xcommit *c = &x->commits[i];
				int k = draft_model_key_of(dm, c);
				if (c->dup_of != SIZE_MAX || k < 0)
					continue;
				bool own = c->tier == tier->cls;
				bool all = c->tier == XT_ALL;
				if (pass == 0 ? !own : !all)
					continue;
				/* for a tier the letter labels, what it says of all
				 * requests comes second; the rest of the requests have
				 * nothing else */
				offer(x, &tier->val[k], &tier->vals[k], i,
				      pass == 1 && (tier->labelled || !tier->rest));
			}
		for (size_t k = 0; k < dm->nkeys; k++)
			if (tier->val[k]) {
				tier->nvals++;
				tier->ntargets += dm->keys[k].stops != 0;
				dm->ntargets += dm->keys[k].stops != 0;
			}
		tier->cal = tier_calendar(dm, tier);
	}
}

void
draft_model_build(draft_model *dm, const sla_extract *x)
{
	memset(dm, 0, sizeof *dm);
	dm->x = x;
	add_keys(dm);
	add_tiers(dm);
	fill_values(dm);
}
