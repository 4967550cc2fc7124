/* report_histogram.c: the exact histogram of elapsed seconds
 * (report_histogram.h says what it holds and what it costs).
 *
 * Values come one a row into an unsorted pending array; when it is full
 * (a quarter of the distinct values known, and at least 256) it is sorted
 * (the radix sort of report_sort.c) and merged with the packed pairs into
 * new packed pairs.  Each fold rewrites the packed pairs once and takes in
 * at least a quarter as many values as they hold, so a value costs a few
 * varints, however many there are: the sort of every value that this
 * replaced cost as much, and memory now follows the distinct values. */
#include <stdlib.h>
#include <string.h>

#include "report_histogram.h"
#include "report_int.h"
#include "sla_mem.h"

enum { VARINT_MAX = 10 };	/* bytes of a 64-bit LEB128 number */

static inline size_t
put_varint(unsigned char *p, uint64_t v)
{
	if (v < 0x80) {
		*p = (unsigned char)v;
		return 1;
	}
	size_t n = 0;
	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

/* The number at *P, moving *P past it; false when it runs past END.
 * Inline, with the one-byte number first: most are one byte. */
static inline bool
get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	if (*p < end && **p < 0x80) {
		*v = *(*p)++;
		return true;
	}
	uint64_t x = 0;
	for (unsigned shift = 0; *p < end && shift < 64; shift += 7) {
		unsigned char b = *(*p)++;
		x |= (uint64_t)(b & 0x7F) << shift;
		if (!(b & 0x80)) {
			*v = x;
			return true;
		}
	}
	return false;
}

static inline bool
next_pair(rpt_hist_iter *it, int64_t *v, uint64_t *count)
{
	uint64_t d, c;
	if (it->p >= it->end || !get_varint(&it->p, it->end, &d) ||
	    !get_varint(&it->p, it->end, &c))
		return false;
	it->v += (int64_t)d;
	*v = it->v;
	*count = c;
	return true;
}

rpt_hist_iter
sla_rpt_hist_iter(const rpt_hist *h)
{
	/* an empty histogram has no array at all */
	return (rpt_hist_iter){ .p = h->packed, .end = h->packed ? h->packed + h->nbytes : NULL,
				.v = 0 };
}

bool
sla_rpt_hist_next(rpt_hist_iter *it, int64_t *v, uint64_t *count)
{
	return next_pair(it, v, count);
}

int
sla_rpt_hist_room(rpt_hist *h)
{
	return sla_grow((void **)&h->pending, &h->pending_cap, h->npending + 1,
			sizeof *h->pending) ? 0 : -1;
}

/* The packed pairs of H merged with the N ascending values V (repeats
 * allowed), each counted C[i] times (C NULL: once), into a new packed
 * array.  0, -1 when out of memory, -2 when a count would not fit. */
static int
merge_in(rpt_hist *h, const int64_t *v, const uint64_t *c, size_t n)
{
	/* Most values of a fold repeat one already there, or fall close to
	 * one: room for three bytes a value, grown when it is not enough. */
	size_t cap = h->nbytes + 3 * n + 2 * VARINT_MAX;
	if (n > (SIZE_MAX - h->nbytes) / 4)
		return -1;
	unsigned char *out = malloc(cap);
	if (!out)
		return -1;
	rpt_hist_iter it = sla_rpt_hist_iter(h);
	int64_t ov = 0, prev = 0;
	uint64_t oc = 0;
	bool have_old = next_pair(&it, &ov, &oc);
	size_t o = 0, distinct = 0, i = 0;

	while (have_old || i < n) {
		int64_t val;
		uint64_t cnt = 0;
		if (!have_old || (i < n && v[i] < ov))
			val = v[i];
		else
			val = ov;
		if (have_old && ov == val) {
			cnt = oc;
			have_old = next_pair(&it, &ov, &oc);
		}
		for (; i < n && v[i] == val; i++) {
			uint64_t add = c ? c[i] : 1;
			if (cnt > UINT64_MAX - add) {
				free(out);
				return -2;
			}
			cnt += add;
		}
		if (o + 2 * VARINT_MAX > cap &&
		    !sla_grow((void **)&out, &cap, o + 2 * VARINT_MAX, 1)) {
			free(out);
			return -1;
		}
		o += put_varint(out + o, (uint64_t)(val - prev));
		o += put_varint(out + o, cnt);
		prev = val;
		distinct++;
	}
	unsigned char *fit = realloc(out, o ? o : 1);
	free(h->packed);
	h->packed = fit ? fit : out;
	h->nbytes = o;
	h->ndistinct = distinct;
	return 0;
}

int
sla_rpt_hist_fold(rpt_hist *h)
{
	if (h->npending == 0)
		return 0;
	if (sla_rpt_sort_elapsed(h->pending, h->npending) < 0 ||
	    merge_in(h, h->pending, NULL, h->npending) < 0)
		return -1;
	h->npending = 0;
	return 0;
}

int
sla_rpt_hist_add_counts(rpt_hist *h, const int64_t *v, const uint64_t *c, size_t n)
{
	uint64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		if (total > UINT64_MAX - c[i])
			return -2;
		total += c[i];
	}
	if (h->n > UINT64_MAX - total)
		return -2;
	if (sla_rpt_hist_fold(h) < 0)
		return -1;
	int got = merge_in(h, v, c, n);
	if (got == 0)
		h->n += total;
	return got;
}

void
sla_rpt_hist_at_ranks(const rpt_hist *h, const uint64_t *ranks, size_t k, int64_t *out)
{
	rpt_hist_iter it = sla_rpt_hist_iter(h);
	uint64_t seen = 0, c;
	int64_t v = 0;
	size_t r = 0;

	while (r < k && sla_rpt_hist_next(&it, &v, &c)) {
		seen += c;
		while (r < k && ranks[r] <= seen)
			out[r++] = v;
	}
	while (r < k)
		out[r++] = v; /* a rank past the end: the largest value */
}

void
sla_rpt_hist_free(rpt_hist *h)
{
	free(h->packed);
	free(h->pending);
	*h = (rpt_hist){ 0 };
}
