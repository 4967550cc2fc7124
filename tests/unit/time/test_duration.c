/* Unit tests: durations as a policy writes them, and their due times. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "sla_duration.h"
#include "time_helpers.h"

static sla_duration
parsed(const char *text)
{
	sla_duration d;
	char err[200];
	if (sla_duration_parse(text, &d, err, sizeof err) < 0)
		fail_msg("%s", err);
	return d;
}

static void
reads_units_and_combinations(void **state)
{
	(void)state;
	sla_duration d = parsed("8h");
	assert_int_equal(d.secs, 8 * HOUR);
	assert_int_equal(d.wd, 0);
	assert_int_equal(d.form, SLA_DUR_PLAIN);
	assert_int_equal(parsed("1h30m").secs, 5400);
	assert_int_equal(parsed(" 90s ").secs, 90);
	assert_int_equal(parsed("0s").secs, 0);
	d = parsed("2d");
	assert_int_equal(d.secs, 48 * HOUR);
	assert_true(d.uses_d);
	assert_false(parsed("48h").uses_d);
	d = parsed("1wd4h");
	assert_int_equal(d.wd, 1);
	assert_int_equal(d.secs, 4 * HOUR);
	d = parsed("3wd@time");
	assert_int_equal(d.wd, 3);
	assert_int_equal(d.form, SLA_DUR_WD_AT_TIME);
	assert_int_equal(parsed("1wd@close").form, SLA_DUR_WD_AT_CLOSE);
}

static void
refuses_what_is_not_a_duration(void **state)
{
	(void)state;
	static const struct {
		const char *text, *err;
	} bad[] = {
		{ "", "empty duration \"\"" },
		{ "-1h", "negative duration \"-1h\"" },
		{ "8", "duration without a unit (s, m, h, d, wd) \"8\"" },
		{ "1h30", "duration without a unit (s, m, h, d, wd) \"1h30\"" },
		{ "8x", "unknown unit in duration (s, m, h, d, wd) \"8x\"" },
		{ "8 h", "unknown unit in duration (s, m, h, d, wd) \"8 h\"" },
		{ "h", "not a duration such as 8h, 1h30m, 3wd \"h\"" },
		{ "1h1h", "unit given twice in duration \"1h1h\"" },
		{ "99999999999999999999999h", "duration too long \"99999999999999999999999h\"" },
		{ "400000000000s", "duration too long \"400000000000s\"" },
		{ "9999999wd", "duration too long \"9999999wd\"" },
		{ "2h@time", "@time and @close take working days alone, as in 3wd@time \"2h@time\"" },
		{ "1wd2h@close", "@time and @close take working days alone, as in 3wd@time \"1wd2h@close\"" },
		{ "0wd@close", "@time and @close need at least 1wd \"0wd@close\"" },
		{ "3wd@noon", "unknown form in duration (@time, @close) \"3wd@noon\"" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sla_duration d;
		char err[200] = "";
		assert_int_equal(sla_duration_parse(bad[i].text, &d, err, sizeof err), -1);
		assert_string_equal(err, bad[i].err);
	}
}

static void
writes_back_what_it_read(void **state)
{
	(void)state;
	static const char *const texts[] = { "8h", "1h30m", "1d", "2d12h", "36h", "3wd@time",
					     "1wd@close", "2wd4h", "0s", "1h0m5s", "0d5h", "0d" };
	static const char *const want[] = { "8h", "1h30m", "1d", "2d12h", "36h", "3wd@time",
					    "1wd@close", "2wd4h", "0s", "1h5s", "0d5h", "0d" };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		sla_duration d = parsed(texts[i]);
		char buf[64];
		size_t n = sla_duration_format(&d, buf, sizeof buf);
		assert_string_equal(buf, want[i]);
		assert_int_equal(n, strlen(want[i]));
	}
}

static void
due_times_on_a_5x8_calendar(void **state)
{
	(void)state;
	char err[200];
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = sla_calendar_new("5x8", tz);
	assert_int_equal(sla_calendar_parse_hours(c, "mon-fri", "09:00-12:00, 13:00-18:00", err,
						  sizeof err), 0);
	int64_t s = at(tz, "2026-03-04T10:00:00"), target;
	sla_duration d = parsed("8h");
	assert_at(tz, sla_duration_due(c, &d, s, &target), "2026-03-05T10:00:00+08:00");
	assert_int_equal(target, 8 * HOUR);
	/* wd: the day length, Monday's 8 h, or as set */
	d = parsed("2wd");
	assert_at(tz, sla_duration_due(c, &d, s, &target), "2026-03-06T10:00:00+08:00");
	assert_int_equal(target, 16 * HOUR);
	sla_calendar_set_day_length(c, 4 * HOUR);
	assert_at(tz, sla_duration_due(c, &d, s, &target), "2026-03-05T10:00:00+08:00");
	/* d is 24 business hours: 2d on a 5x8 calendar is six working days */
	d = parsed("2d");
	assert_at(tz, sla_duration_due(c, &d, s, &target), "2026-03-12T10:00:00+08:00");
	assert_int_equal(target, 48 * HOUR);
	/* the calendar forms: the due comes first, the target follows */
	d = parsed("3wd@time");
	assert_at(tz, sla_duration_due(c, &d, s, &target), "2026-03-09T10:00:00+08:00");
	assert_int_equal(target, 24 * HOUR);
	d = parsed("1wd@close");
	assert_at(tz, sla_duration_due(c, &d, s, &target), "2026-03-05T18:00:00+08:00");
	assert_int_equal(target, 15 * HOUR);
	d = parsed("0s");
	assert_int_equal(sla_duration_due(c, &d, s, &target), s);
	assert_int_equal(target, 0);
	sla_calendar_free(c);

	/* no hours at all: no due, and the @ forms say so in the target too */
	c = sla_calendar_new("none", tz);
	d = parsed("1wd@time");
	assert_int_equal(sla_duration_due(c, &d, s, &target), SLA_NO_INSTANT);
	assert_int_equal(target, -1);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_units_and_combinations),
		cmocka_unit_test(refuses_what_is_not_a_duration),
		cmocka_unit_test(writes_back_what_it_read),
		cmocka_unit_test(due_times_on_a_5x8_calendar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
