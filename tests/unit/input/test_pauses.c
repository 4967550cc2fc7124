/* Unit tests: pauses as exports write them, taken apart. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_pauses.h"
#include "sla_timeform.h"

static sla_field
f(const char *s)
{
	return (sla_field){ s, strlen(s) };
}

static bool
reads(sla_field v, void *ctx)
{
	sla_stamp st;
	(void)ctx;
	return sla_timeform_parse(v.p, v.n, SLA_ORDER_UNKNOWN, &st) != SLA_TF_BAD;
}

/* IV splits into START and END, each as written. */
static void
assert_split(const char *iv, const char *start, const char *end)
{
	sla_field s, e;
	assert_int_equal(sla_pause_split(f(iv), reads, NULL, &s, &e), 1);
	assert_int_equal(s.n, strlen(start));
	assert_memory_equal(s.p, start, s.n);
	assert_int_equal(e.n, strlen(end));
	if (e.n)
		assert_memory_equal(e.p, end, e.n);
}

/* Excel's slash dates were cut at their first slash, and every ticket
 * with a pause became invalid. */
static void
intervals_split_where_both_sides_are_times(void **state)
{
	(void)state;
	sla_field s, e;
	assert_split("2026-02-14 10:00/2026-02-14 15:00", "2026-02-14 10:00", "2026-02-14 15:00");
	assert_split("2026/2/14 10:00/2026/2/14 15:00", "2026/2/14 10:00", "2026/2/14 15:00");
	assert_split("2026/2/14 10:00/", "2026/2/14 10:00", "");
	assert_split("14/2/2026 10:00/14/2/2026 15:00", "14/2/2026 10:00", "14/2/2026 15:00");
	assert_split("2026/2/14/2026/2/15", "2026/2/14", "2026/2/15");
	assert_split("2026-02-14 10:00 ~ 2026-02-14 15:00", "2026-02-14 10:00", "2026-02-14 15:00");
	assert_split("2026年2月14日 10:00至2026年2月14日 15:00", "2026年2月14日 10:00",
		     "2026年2月14日 15:00");
	assert_split("2026-02-14 10:00～", "2026-02-14 10:00", "");
	/* no separator leaves a time on both sides */
	assert_int_equal(sla_pause_split(f("2026/2/14 10:00"), reads, NULL, &s, &e), 0);
	assert_int_equal(sla_pause_split(f("soon~later"), reads, NULL, &s, &e), 0);
}

static void
items_part_at_semicolons_and_line_breaks(void **state)
{
	(void)state;
	sla_field rest = f(" a ;；b\r\n\n c;; ;"), item;
	const char *want[] = { "a", "b", "c" };
	for (size_t i = 0; i < 3; i++) {
		assert_true(sla_pause_next(&rest, &item));
		assert_int_equal(item.n, strlen(want[i]));
		assert_memory_equal(item.p, want[i], item.n);
	}
	assert_false(sla_pause_next(&rest, &item));
	rest = f("");
	assert_false(sla_pause_next(&rest, &item));
}

static int64_t
total(const char *s)
{
	int64_t secs = -1;
	return sla_pause_total(f(s), &secs) ? secs : -1;
}

static void
totals_in_minutes_or_with_a_unit(void **state)
{
	(void)state;
	assert_int_equal(total("135"), 135 * 60);
	assert_int_equal(total(" 7.5 "), 450);
	assert_int_equal(total("0"), 0);
	assert_int_equal(total("90分钟"), 5400);
	assert_int_equal(total("90 min"), 5400);
	assert_int_equal(total("1.5h"), 5400);
	assert_int_equal(total("2小时"), 7200);
	assert_int_equal(total("1h30m"), 5400);
	assert_int_equal(total("1小时30分钟"), 5400);
	assert_int_equal(total("2:15"), 8100);
	assert_int_equal(total("1天"), 86400);
	assert_int_equal(total("-5"), -1);
	assert_int_equal(total("abc"), -1);
	assert_int_equal(total("5 weeks"), -1);
	assert_int_equal(total("2:75"), -1);
	assert_int_equal(total("99999999999999"), -1);
	assert_int_equal(total("30 20"), -1);	/* a second number needs its unit */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(intervals_split_where_both_sides_are_times),
		cmocka_unit_test(items_part_at_semicolons_and_line_breaks),
		cmocka_unit_test(totals_in_minutes_or_with_a_unit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
