/* Unit tests: what a penalty statement costs (sla_penalty.h), apart from
 * the report that collects its rows: band, credit, cap, total. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "sla_penalty.h"
#include "sla_policy.h"

/* 99 %: 5 %, 95 %: 10 %, 90 %: 25 % of a fee of 20000.00. */
static const sla_credit_band bands[] = {
	{ 990000, 50000 }, { 950000, 100000 }, { 900000, 250000 },
};
static const sla_cap no_cap = { .set = false };
static const sla_cap cap_10_percent = { .set = true, .percent = true, .ppm = 100000 };
static const sla_cap cap_5000 = { .set = true, .amount = 500000 };

static sla_statement_terms
terms(const sla_cap *cap)
{
	return (sla_statement_terms){ .fee = 2000000, .bands = bands, .nbands = 3, .cap = cap };
}

static void
the_lowest_band_below_the_compliance_applies(void **state)
{
	(void)state;
	sla_statement_terms t = terms(&no_cap);
	sla_statement_price p;

	/* 10 of 11 is 90.9 %: below 99 % and 95 %, not below 90 % */
	assert_int_equal(sla_statement_price_of(&t, 10, 1, 60000, &p), 0);
	assert_ptr_equal(p.band, &bands[1]);
	assert_int_equal(p.credit, 200000);
	assert_int_equal(p.total, 260000);
	assert_int_equal(p.cap, 0);
	assert_false(p.capped);
	/* exactly 95 % is not below 95 %: the 99 % band */
	assert_int_equal(sla_statement_price_of(&t, 95, 5, 0, &p), 0);
	assert_ptr_equal(p.band, &bands[0]);
	assert_int_equal(p.credit, 100000);
	/* the bands in another order give the same band */
	const sla_credit_band reversed[] = { bands[2], bands[1], bands[0] };
	t.bands = reversed;
	assert_int_equal(sla_statement_price_of(&t, 10, 1, 0, &p), 0);
	assert_ptr_equal(p.band, &reversed[1]);
}

static void
no_band_when_kept_or_nothing_assessed(void **state)
{
	(void)state;
	sla_statement_terms t = terms(&no_cap);
	sla_statement_price p;

	assert_int_equal(sla_statement_price_of(&t, 100, 0, 0, &p), 0);
	assert_null(p.band);
	assert_int_equal(p.credit, 0);
	assert_int_equal(sla_statement_price_of(&t, 0, 0, 12345, &p), 0);
	assert_null(p.band);
	assert_int_equal(p.total, 12345);
}

static void
the_cap_bounds_the_total(void **state)
{
	(void)state;
	sla_statement_terms t = terms(&cap_10_percent);
	sla_statement_price p;

	/* 600.00 + 2000.00 is capped at 10 % of 20000.00 */
	assert_int_equal(sla_statement_price_of(&t, 10, 1, 60000, &p), 0);
	assert_int_equal(p.cap, 200000);
	assert_true(p.capped);
	assert_int_equal(p.total, 200000);
	/* a fixed cap above the sum leaves it */
	t.cap = &cap_5000;
	assert_int_equal(sla_statement_price_of(&t, 10, 1, 60000, &p), 0);
	assert_int_equal(p.cap, 500000);
	assert_false(p.capped);
	assert_int_equal(p.total, 260000);
}

/* kept * 10^6 and below * assessed are compared in 128 bits: in 64 they
 * wrapped past 1.8e13 rows, and a statement kept in full got a credit. */
static void
the_band_is_exact_for_any_count(void **state)
{
	(void)state;
	sla_statement_terms t = terms(&no_cap);
	sla_statement_price p;

	assert_int_equal(sla_statement_price_of(&t, 18500000000000u, 0, 0, &p), 0);
	assert_null(p.band);
	assert_int_equal(sla_statement_price_of(&t, UINT64_MAX / 2, UINT64_MAX / 2, 0, &p), 0);
	assert_ptr_equal(p.band, &bands[2]);	/* 50 % */
	assert_int_equal(sla_statement_price_of(&t, UINT64_MAX - 1, 1, 0, &p), 0);
	assert_null(p.band);
}

static void
sums_that_do_not_fit_are_refused(void **state)
{
	(void)state;
	sla_statement_terms t = terms(&no_cap);
	sla_statement_price p;
	int64_t sum = INT64_MAX - 1;

	assert_int_equal(sla_statement_add_breach(&sum, 1), 0);
	assert_int_equal(sum, INT64_MAX);
	assert_int_equal(sla_statement_add_breach(&sum, 1), -1);
	assert_int_equal(sum, INT64_MAX);	/* untouched */
	/* a credit on top of the largest sum does not fit, even under a cap */
	assert_int_equal(sla_statement_price_of(&t, 10, 1, INT64_MAX, &p), -1);
	t.cap = &cap_10_percent;
	assert_int_equal(sla_statement_price_of(&t, 10, 1, INT64_MAX, &p), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_lowest_band_below_the_compliance_applies),
		cmocka_unit_test(no_band_when_kept_or_nothing_assessed),
		cmocka_unit_test(the_cap_bounds_the_total),
		cmocka_unit_test(the_band_is_exact_for_any_count),
		cmocka_unit_test(sums_that_do_not_fit_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
