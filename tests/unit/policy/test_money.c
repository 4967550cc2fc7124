/* Unit tests: money in integer minor units, percentages, penalty rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_money.h"
#include "sla_penalty.h"

static int64_t
money(const char *s, int digits)
{
	int64_t v = -999;
	assert_int_equal(sla_money_parse(s, strlen(s), digits, &v), 0);
	return v;
}

static void
parses_amounts_into_minor_units(void **state)
{
	(void)state;
	assert_int_equal(money("500", 2), 50000);
	assert_int_equal(money("500.5", 2), 50050);
	assert_int_equal(money("20000.00", 2), 2000000);
	assert_int_equal(money("0.07", 2), 7);
	assert_int_equal(money("-1.5", 2), -150);
	assert_int_equal(money("1500", 0), 1500);
	assert_int_equal(money("1.234", 3), 1234);
	int64_t v;
	const char *bad[] = { "", ".", "5.", "1.234", "1,000", "12a", "--1", "1e3",
			      "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(sla_money_parse(bad[i], strlen(bad[i]), 2, &v), -1);
}

/* Every int64 is an amount, to the last minor unit at either end; one
 * more is refused (the guard once refused the last nine of the range). */
static void
parses_the_whole_int64_range(void **state)
{
	(void)state;
	assert_true(money("92233720368547758.07", 2) == INT64_MAX);
	assert_true(money("92233720368547758.00", 2) == INT64_MAX - 7);
	assert_true(money("92233720368547757.99", 2) == INT64_MAX - 8);
	assert_true(money("-92233720368547758.08", 2) == INT64_MIN);
	assert_true(money("-92233720368547758.07", 2) == INT64_MIN + 1);
	assert_true(money("9223372036854775807", 0) == INT64_MAX);
	assert_true(money("9223372036854775799", 0) == INT64_MAX - 8);
	assert_true(money("+9223372036854775800", 0) == INT64_MAX - 7);
	assert_true(money("-9223372036854775808", 0) == INT64_MIN);
	assert_true(money("922337203685477.5807", 4) == INT64_MAX);
	assert_true(money("92233720368547758", 2) == INT64_MAX - 7);	/* padded: .00 */
	assert_true(money("-0.00", 2) == 0);
	int64_t v = 7;
	const char *past[] = { "92233720368547758.08", "-92233720368547758.09",
			       "92233720368547758.1", "92233720368547759", "92233720368547760.00",
			       "100000000000000000", "0092233720368547758.08" };
	for (size_t i = 0; i < sizeof past / sizeof *past; i++)
		assert_int_equal(sla_money_parse(past[i], strlen(past[i]), 2, &v), -1);
	assert_int_equal(sla_money_parse("9223372036854775808", 19, 0, &v), -1);
	assert_int_equal(sla_money_parse("-9223372036854775809", 20, 0, &v), -1);
	assert_true(v == 7);	/* untouched */
	assert_true(money("0092233720368547758.07", 2) == INT64_MAX);	/* leading zeros are no digits */
}

static void
formats_with_the_currency_digits(void **state)
{
	(void)state;
	char buf[32];
	assert_int_equal(sla_money_format(123456, 2, buf), 7);
	assert_string_equal(buf, "1234.56");
	sla_money_format(-5, 2, buf);
	assert_string_equal(buf, "-0.05");
	sla_money_format(0, 2, buf);
	assert_string_equal(buf, "0.00");
	sla_money_format(1500, 0, buf);
	assert_string_equal(buf, "1500");
	sla_money_format(7, 3, buf);
	assert_string_equal(buf, "0.007");
	sla_money_format(INT64_MIN, 2, buf);
	assert_string_equal(buf, "-92233720368547758.08");
}

static void
parses_percentages_into_ppm(void **state)
{
	(void)state;
	int32_t ppm;
	assert_int_equal(sla_percent_parse("99%", 3, &ppm), 0);
	assert_int_equal(ppm, 990000);
	assert_int_equal(sla_percent_parse("99.5%", 5, &ppm), 0);
	assert_int_equal(ppm, 995000);
	assert_int_equal(sla_percent_parse("0.0001%", 7, &ppm), 0);
	assert_int_equal(ppm, 1);
	assert_int_equal(sla_percent_parse("100%", 4, &ppm), 0);
	assert_int_equal(ppm, 1000000);
	assert_int_equal(sla_percent_parse("101%", 4, &ppm), -1);
	assert_int_equal(sla_percent_parse("99", 2, &ppm), -1);
	assert_int_equal(sla_percent_parse("-5%", 3, &ppm), -1);
	assert_int_equal(sla_percent_parse("%", 1, &ppm), -1);

	/* and back, as it reads: every ppm a percentage can say */
	char buf[32];
	const char *const texts[] = { "99%", "99.5%", "0.0001%", "100%", "0%", "29.75%" };
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		assert_int_equal(sla_percent_parse(texts[i], strlen(texts[i]), &ppm), 0);
		assert_int_equal(sla_percent_format(ppm, buf), strlen(texts[i]));
		assert_string_equal(buf, texts[i]);
	}
}

static sla_penalty
rule(const char *text)
{
	sla_penalty p;
	char err[128];
	assert_int_equal(sla_penalty_parse(text, 2, &p, err, sizeof err), 0);
	return p;
}

static int64_t
amount_of(const sla_penalty *p, int64_t overrun_s)
{
	int64_t v = -999;
	assert_int_equal(sla_penalty_amount(p, overrun_s, &v), 0);
	return v;
}

/* "500 + 100/h max 2000": 500 for the breach, 100 for each started hour. */
/* Sums never wrap; shares of the fee are exact for any amount. */
static void
sums_and_shares_are_exact_or_refused(void **state)
{
	(void)state;
	int64_t v = 7;
	assert_int_equal(sla_money_add(INT64_MAX - 5, 5, &v), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(sla_money_add(INT64_MAX - 5, 6, &v), -1);
	assert_true(v == INT64_MAX); /* untouched */
	assert_int_equal(sla_money_add(INT64_MIN, -1, &v), -1);
	assert_int_equal(sla_money_add(-5, 3, &v), 0);
	assert_true(v == -2);

	assert_true(sla_money_ppm(2000000, 100000) == 200000);	/* 10 % of 20000.00 */
	assert_true(sla_money_ppm(5, 100000) == 1);		/* 0.5 rounds up */
	assert_true(sla_money_ppm(4, 100000) == 0);
	assert_true(sla_money_ppm(333, 333333) == 111);	/* 110.99989 */
	/* amount * ppm would not fit in 64 bits */
	assert_true(sla_money_ppm(INT64_MAX, 1000000) == INT64_MAX);
	assert_true(sla_money_ppm(INT64_MAX, 500000) == 4611686018427387904);
	assert_true(sla_money_ppm(INT64_MAX, 0) == 0);

	assert_int_equal(sla_money_mul(3074457345618258602, 3, &v), 0);
	assert_true(v == INT64_MAX - 1);
	assert_int_equal(sla_money_mul(3074457345618258603, 3, &v), -1);
	assert_true(v == INT64_MAX - 1); /* untouched */
	assert_int_equal(sla_money_mul(INT64_MIN, -1, &v), -1);
	assert_int_equal(sla_money_mul(-4, 5, &v), 0);
	assert_true(v == -20);
}

static void
penalty_counts_started_units_up_to_the_max(void **state)
{
	(void)state;
	sla_penalty p = rule("500 + 100/h max 2000");
	assert_true(p.set && p.has_max);
	assert_int_equal(amount_of(&p, 0), 50000);
	assert_int_equal(amount_of(&p, 1), 60000);	/* 1 s starts an hour */
	assert_int_equal(amount_of(&p, 3600), 60000);
	assert_int_equal(amount_of(&p, 3601), 70000);
	assert_int_equal(amount_of(&p, 15 * 3600), 200000);	/* 500 + 1500 */
	assert_int_equal(amount_of(&p, 16 * 3600), 200000);	/* capped */
	assert_int_equal(amount_of(&p, INT64_MAX), 200000);

	sla_penalty fixed = rule("1000");
	assert_int_equal(amount_of(&fixed, 99999), 100000);
	sla_penalty rate = rule("200/30m");
	assert_int_equal(rate.unit_s, 1800);
	assert_int_equal(amount_of(&rate, 1801), 40000);
	sla_penalty none = rule("none");
	assert_int_equal(amount_of(&none, 3600), 0);
}

/* The price of one breach, or -1: never a clamped number (sla-check once
 * wrote INT64_MAX, which sla-report then refused). */
static int64_t
price(const char *text, int64_t overrun_s)
{
	sla_penalty p = rule(text);
	return amount_of(&p, overrun_s);
}

static int
refused(const char *text, int64_t overrun_s)
{
	sla_penalty p = rule(text);
	int64_t v = -999;
	int rc = sla_penalty_amount(&p, overrun_s, &v);
	assert_true(v == -999);	/* untouched */
	return rc;
}

static void
penalty_that_does_not_fit_is_refused(void **state)
{
	(void)state;
	assert_int_equal(refused("90000000000000000.00/h", 3 * 3600), -1);
	assert_int_equal(refused("1/s", INT64_MAX), -1);
	assert_int_equal(refused("92233720368547758.00 + 0.01/h", 8 * 3600), -1);
	/* to the last minor unit */
	assert_true(price("92233720368547758.00 + 0.01/h", 7 * 3600) == INT64_MAX);
	assert_true(price("92233720368547758.07", 3600) == INT64_MAX);
	assert_true(price("30744573456182586.02/h", 3 * 3600) == INT64_MAX - 1);
	assert_int_equal(refused("30744573456182586.03/h", 3 * 3600), -1);
	/* a maximum bounds any sum, even one past 64 bits: the price is exact */
	assert_true(price("90000000000000000.00/h max 5000", 3 * 3600) == 500000);
	assert_true(price("92233720368547758.07 + 1/s max 92233720368547758.07", 1) == INT64_MAX);
}

static void
penalty_rules_that_cannot_be_read(void **state)
{
	(void)state;
	sla_penalty p;
	char err[128];
	const char *bad[] = { "", "abc", "100/", "100/x", "100/wd", "100/2wd@close",
			      "1 + 2", "1/h + 2/h", "500 max", "max 5", "-5", "1.234" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		assert_int_equal(sla_penalty_parse(bad[i], 2, &p, err, sizeof err), -1);
		assert_true(err[0] != '\0');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_amounts_into_minor_units),
		cmocka_unit_test(parses_the_whole_int64_range),
		cmocka_unit_test(formats_with_the_currency_digits),
		cmocka_unit_test(parses_percentages_into_ppm),
		cmocka_unit_test(sums_and_shares_are_exact_or_refused),
		cmocka_unit_test(penalty_counts_started_units_up_to_the_max),
		cmocka_unit_test(penalty_that_does_not_fit_is_refused),
		cmocka_unit_test(penalty_rules_that_cannot_be_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
