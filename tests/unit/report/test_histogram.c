/* Unit tests: the exact histogram of elapsed times (report_histogram.h):
 * it gives what a sort of every value gives, whatever the order the
 * values come in, and two histograms add up to the histogram of both. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "report_histogram.h"

/* A small deterministic generator (xorshift64*), so failures repeat. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1Du;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The pairs of H, checked against the sorted V[0..N): ascending, each
 * value with as many as V holds. */
static void
assert_same_values(const rpt_hist *h, const int64_t *sorted, size_t n)
{
	rpt_hist_iter it = sla_rpt_hist_iter(h);
	int64_t v, last = -1;
	uint64_t c;
	size_t at = 0;

	assert_int_equal(h->n, n);
	while (sla_rpt_hist_next(&it, &v, &c)) {
		assert_true(v > last);
		last = v;
		for (uint64_t k = 0; k < c; k++, at++) {
			assert_true(at < n);
			assert_int_equal(sorted[at], v);
		}
	}
	assert_int_equal(at, n);
}

static void
percentiles_are_those_of_a_sort(void **state)
{
	(void)state;
	uint64_t seed = 42;
	/* spreads from few distinct values to nearly all distinct, and values
	 * of every varint length up to the largest a stream can hold */
	static const int64_t spreads[] = { 1, 3, 700, 86400, 1000000000, 999999999999999999 };
	for (size_t s = 0; s < sizeof spreads / sizeof spreads[0]; s++) {
		size_t n = 1 + next_random(&seed) % 20000;
		int64_t *v = malloc(n * sizeof *v);
		assert_non_null(v);
		rpt_hist h = { 0 };
		for (size_t i = 0; i < n; i++) {
			v[i] = (int64_t)(next_random(&seed) % (uint64_t)spreads[s]);
			assert_int_equal(sla_rpt_hist_add(&h, v[i]), 0);
		}
		assert_int_equal(sla_rpt_hist_fold(&h), 0);
		qsort(v, n, sizeof *v, cmp_i64);
		assert_same_values(&h, v, n);
		uint64_t ranks[] = { 1, (n * 50 + 99) / 100, (n * 90 + 99) / 100, (n * 95 + 99) / 100, n };
		int64_t got[5];
		sla_rpt_hist_at_ranks(&h, ranks, 5, got);
		for (size_t k = 0; k < 5; k++)
			assert_int_equal(got[k], v[ranks[k] - 1]);
		sla_rpt_hist_free(&h);
		free(v);
	}
}

/* Memory follows the distinct values: a million rows of five values keep
 * five pairs, a few bytes, and a pending array of a few hundred. */
static void
memory_follows_the_distinct_values(void **state)
{
	(void)state;
	rpt_hist h = { 0 };
	for (int i = 0; i < 1000000; i++)
		assert_int_equal(sla_rpt_hist_add(&h, 60 * (i % 5)), 0);
	assert_true(h.pending_cap <= 512);
	assert_int_equal(sla_rpt_hist_fold(&h), 0);
	assert_int_equal(h.ndistinct, 5);
	assert_true(h.nbytes <= 5 * 5);
	assert_int_equal(h.n, 1000000);
	sla_rpt_hist_free(&h);
}

/* Split one run of values anywhere, count each side apart, add the
 * pairs of one to the other: the histogram of the whole. */
static void
histograms_add_up(void **state)
{
	(void)state;
	uint64_t seed = 7;
	for (int round = 0; round < 50; round++) {
		size_t n = next_random(&seed) % 5000, cut = n ? next_random(&seed) % (n + 1) : 0;
		int64_t *v = malloc((n + 1) * sizeof *v);
		assert_non_null(v);
		rpt_hist a = { 0 }, b = { 0 };
		for (size_t i = 0; i < n; i++) {
			v[i] = (int64_t)(next_random(&seed) % 3000);
			assert_int_equal(sla_rpt_hist_add(i < cut ? &a : &b, v[i]), 0);
		}
		assert_int_equal(sla_rpt_hist_fold(&b), 0);
		int64_t *bv = malloc((b.ndistinct + 1) * sizeof *bv);
		uint64_t *bc = malloc((b.ndistinct + 1) * sizeof *bc);
		assert_true(bv && bc);
		rpt_hist_iter it = sla_rpt_hist_iter(&b);
		size_t k = 0;
		while (sla_rpt_hist_next(&it, &bv[k], &bc[k]))
			k++;
		assert_int_equal(k, b.ndistinct);
		/* a's values still pending: the pairs go in all the same */
		assert_int_equal(sla_rpt_hist_add_counts(&a, bv, bc, k), 0);
		assert_int_equal(sla_rpt_hist_fold(&a), 0);
		qsort(v, n, sizeof *v, cmp_i64);
		assert_same_values(&a, v, n);
		sla_rpt_hist_free(&a);
		sla_rpt_hist_free(&b);
		free(bv);
		free(bc);
		free(v);
	}
}

static void
counts_that_do_not_fit_are_refused(void **state)
{
	(void)state;
	rpt_hist h = { 0 };
	int64_t v[] = { 5, 9 };
	uint64_t c[] = { UINT64_MAX - 1, 1 };
	assert_int_equal(sla_rpt_hist_add_counts(&h, v, c, 2), 0);
	assert_int_equal(h.n, UINT64_MAX);
	uint64_t one[] = { 1 };
	assert_int_equal(sla_rpt_hist_add_counts(&h, v, one, 1), -2);
	assert_int_equal(h.n, UINT64_MAX);
	assert_int_equal(h.ndistinct, 2);
	sla_rpt_hist_free(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(percentiles_are_those_of_a_sort),
		cmocka_unit_test(memory_follows_the_distinct_values),
		cmocka_unit_test(histograms_add_up),
		cmocka_unit_test(counts_that_do_not_fit_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
