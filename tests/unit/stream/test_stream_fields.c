/* Unit tests: the stream's time and paused cells. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_stream_fields.h"

static sla_tz *
zone(const char *name)
{
	char err[256];
	sla_tz *tz = sla_tz_load(name, err, sizeof err);
	assert_non_null(tz);
	return tz;
}

/* 2026-03-02T10:00:00+08:00 */
#define T0 INT64_C(1772416800)

static void
a_time_reads_with_or_without_offset(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	const char *what = NULL;
	int64_t t = 7;
	assert_int_equal(sla_stream_time_read(tz, SLA_FIELD(""), &t, &what), 0);
	assert_int_equal(t, 7);
	assert_int_equal(sla_stream_time_read(tz, SLA_FIELD("2026-03-02T10:00:00+08:00"), &t,
					      &what), 1);
	assert_int_equal(t, T0);
	assert_int_equal(sla_stream_time_read(tz, SLA_FIELD("2026-03-02 10:00"), &t, &what), 1);
	assert_int_equal(t, T0);
	assert_int_equal(sla_stream_time_read(tz, SLA_FIELD("soon"), &t, &what), -1);
	assert_string_equal(what, "cannot read time");
	sla_tz_free(tz);
}

static void
a_skipped_wall_clock_time_is_not_read(void **state)
{
	(void)state;
	sla_tz *tz = zone("Europe/Berlin");
	const char *what = NULL;
	int64_t t;
	assert_int_equal(sla_stream_time_read(tz, SLA_FIELD("2026-03-29 02:30"), &t, &what), -1);
	assert_string_equal(what, "wall-clock time skipped by a DST change");
	sla_tz_free(tz);
}

static void
a_time_writes_at_the_zones_offset(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	char out[SLA_RFC3339_MAX];
	assert_int_equal(sla_stream_time_write(T0, tz, out), 25);
	assert_string_equal(out, "2026-03-02T10:00:00+08:00");
	sla_stream_time_write(T0, NULL, out);
	assert_string_equal(out, "2026-03-02T02:00:00+00:00");
	sla_tz_free(tz);
}

static void
pauses_write_and_read_back(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	const sla_pause in[] = { { T0, T0 + 3600, false }, { T0 + 7200, 0, true } };
	char *out = malloc(sla_paused_max(2));
	assert_non_null(out);
	size_t n = sla_paused_write(in, 2, tz, out);
	assert_string_equal(out, "2026-03-02T10:00:00+08:00/2026-03-02T11:00:00+08:00;"
			    "2026-03-02T12:00:00+08:00/");
	assert_int_equal(n, strlen(out));
	assert_true(n < sla_paused_max(2));
	sla_field rest = { out, n }, text;
	sla_pause p;
	assert_int_equal(sla_paused_next(tz, &rest, &p, &text), 1);
	assert_true(p.start == T0 && p.end == T0 + 3600 && !p.open);
	assert_int_equal(sla_paused_next(tz, &rest, &p, &text), 1);
	assert_true(p.start == T0 + 7200 && p.open);
	assert_int_equal(sla_paused_next(tz, &rest, &p, &text), 0);
	assert_int_equal(sla_paused_write(in, 0, tz, out), 0);
	assert_string_equal(out, "");
	free(out);
	sla_tz_free(tz);
}

static void
a_bad_interval_is_named(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	static const char *const bad[] = {
		"2026-03-02 10:00",			/* no end */
		"/2026-03-02 10:00",			/* no start */
		"2026-03-02 11:00/2026-03-02 10:00",	/* ends before it starts */
		"2026-03-02 10:00/later",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char cell[128];
		snprintf(cell, sizeof cell, ";;2026-03-02 09:00/2026-03-02 09:30;%s;", bad[i]);
		sla_field rest = { cell, strlen(cell) }, text;
		sla_pause p;
		assert_int_equal(sla_paused_next(tz, &rest, &p, &text), 1);
		assert_int_equal(sla_paused_next(tz, &rest, &p, &text), -1);
		assert_int_equal(text.n, strlen(bad[i]));
		assert_memory_equal(text.p, bad[i], text.n);
	}
	sla_field rest = SLA_FIELD(";;"), text;
	sla_pause p;
	assert_int_equal(sla_paused_next(tz, &rest, &p, &text), 0);
	sla_tz_free(tz);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_time_reads_with_or_without_offset),
		cmocka_unit_test(a_skipped_wall_clock_time_is_not_read),
		cmocka_unit_test(a_time_writes_at_the_zones_offset),
		cmocka_unit_test(pauses_write_and_read_back),
		cmocka_unit_test(a_bad_interval_is_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
