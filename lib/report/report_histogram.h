/* report_histogram.h: private to the report's model (report_int.h): the
 * exact histogram of a group's elapsed seconds, in report_histogram.c,
 * from which its percentiles are read and which a partial report writes
 * and a merge adds up (sla-report(1), "Partial reports").
 *
 * Exact: every distinct value is kept with its count, so a percentile read
 * from it is the one a sort of all the values gives, and two histograms
 * add up to the histogram of both.  Memory is the distinct values, not the
 * rows: they are kept ascending, each as the difference from the one
 * before and its count, both as LEB128 varints (2 to 3 bytes a distinct
 * value where the values are dense), plus the values of the last rows not
 * folded in yet (8 bytes each, at most a quarter of the distinct values,
 * and at least a few hundred, so that folding costs a few varints a row).
 *
 * A zeroed rpt_hist is empty; nothing here prints. */
#ifndef SLA_REPORT_HISTOGRAM_H
#define SLA_REPORT_HISTOGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rpt_hist {
	unsigned char *packed;	/* (difference, count) varint pairs, ascending */
	size_t nbytes;
	size_t ndistinct;	/* the pairs in packed */
	uint64_t n;		/* the values counted, folded in or not */
	int64_t *pending;	/* values not folded in yet, as they came */
	size_t npending, pending_cap;
} rpt_hist;

/* Fold the pending values in: 0, or -1 when out of memory (H is then as
 * it was). */
int sla_rpt_hist_fold(rpt_hist *h);

/* Make room for one more pending value (sla_rpt_hist_add's slow path). */
int sla_rpt_hist_room(rpt_hist *h);

/* Count the value V (>= 0) once: 0, or -1 when out of memory (V is then
 * not counted).  Inline: it runs once a row that counts in compliance. */
static inline int
sla_rpt_hist_add(rpt_hist *h, int64_t v)
{
	if (h->npending == h->pending_cap) {
		size_t want = h->ndistinct / 4 > 256 ? h->ndistinct / 4 : 256;
		if (h->npending >= want && sla_rpt_hist_fold(h) < 0)
			return -1;
		if (h->npending == h->pending_cap && sla_rpt_hist_room(h) < 0)
			return -1;
	}
	h->pending[h->npending++] = v;
	h->n++;
	return 0;
}

/* Count the N values V[0..N), strictly ascending and >= 0, C[i] times
 * each (C[i] >= 1): another histogram's pairs.  0; -1 when out of memory,
 * -2 when the counts would not fit (H is then as it was). */
int sla_rpt_hist_add_counts(rpt_hist *h, const int64_t *v, const uint64_t *c, size_t n);

/* Walk the pairs of a folded histogram, ascending:
 *   rpt_hist_iter it = sla_rpt_hist_iter(h);
 *   while (sla_rpt_hist_next(&it, &v, &count)) ... */
typedef struct rpt_hist_iter {
	const unsigned char *p, *end;
	int64_t v;
} rpt_hist_iter;

rpt_hist_iter sla_rpt_hist_iter(const rpt_hist *h);
bool sla_rpt_hist_next(rpt_hist_iter *it, int64_t *v, uint64_t *count);

/* The values of ranks RANKS[0..K) (ascending, 1 ... n: the RANK-th
 * smallest value) of a folded, non-empty histogram, into OUT[0..K). */
void sla_rpt_hist_at_ranks(const rpt_hist *h, const uint64_t *ranks, size_t k, int64_t *out);

/* Free what H holds and empty it. */
void sla_rpt_hist_free(rpt_hist *h);

#endif
