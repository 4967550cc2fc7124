/* draft_model.h: private to lib/extract/, the commitments arranged as a
 * policy says them -- the metric keys a draft sets, its tiers and each
 * tier's value per key -- built by draft_model.c for the policy writer
 * (draft.c), the rules writer (draft_rules.c) and the table (draft_tsv.c).
 *
 * A tier per class the letter labels, in the order urgent, high, normal,
 * low, development; the commitments for all requests go to every tier
 * that sets no value of its own for their metric, and make the rest of
 * the requests a tier of their own, normal (the default tier), unless the
 * letter labels normal itself. */
#ifndef SLA_DRAFT_MODEL_H
#define SLA_DRAFT_MODEL_H

#include "extract_int.h"

enum { DM_MAX_KEYS = 32, DM_MAX_TIERS = XT_MAX_CLASSES, DM_MAX_OTHERS = 4 };

/* A metric a draft sets: built in, several built-ins (the first of them
 * stops it), a built-in under a condition, or a custom one left to the
 * reader (written commented out). */
typedef struct dm_key {
	char name[64];
	unsigned stops;		/* 0 for a custom metric */
	int custom;		/* XM_REPLY.., or -1 */
	int64_t cond;		/* when = resolve > COND seconds; -1: none */
	bool section;		/* a [metric] section of its own */
	size_t first;		/* the commitment that made it */
} dm_key;

typedef struct dm_value {
	size_t commit;
	bool inherited;		/* from a commitment for all requests */
	size_t others[DM_MAX_OTHERS];	/* other values the letter gives */
	size_t nothers;
} dm_value;

typedef struct dm_tier {
	int cls;		/* its class (tiers.c) */
	bool rest;		/* it takes the requests of no label */
	bool labelled;
	dm_value *val[DM_MAX_KEYS];	/* by key; NULL: none */
	dm_value vals[DM_MAX_KEYS];
	int cal;		/* its calendar */
	size_t nvals;
	size_t ntargets;	/* values of built-in metrics: a tier without is not written */
} dm_tier;

typedef struct draft_model {
	const sla_extract *x;
	dm_key keys[DM_MAX_KEYS];
	size_t nkeys;
	dm_tier tiers[DM_MAX_TIERS];
	size_t ntiers;
	size_t ntargets;	/* values of built-in keys in all tiers */
	bool over;		/* more keys than DM_MAX_KEYS: the rest not expressed */
} draft_model;

void draft_model_build(draft_model *dm, const sla_extract *x);
/* The key of commitment C, or -1. */
int draft_model_key_of(const draft_model *dm, const xcommit *c);
/* The calendar of value V of key K in tier T. */
int dm_value_cal(const draft_model *dm, const dm_value *v);
/* A target's size, working days as 8 h, for choosing the smaller. */
int64_t dm_magnitude(const xdur *d);

#endif
