/* Unit tests: civil dates, RFC 3339 text and time zones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sla_time.h"
#include "sla_tz.h"

static int64_t
parse_utc(const char *s)
{
	sla_stamp st;
	assert_int_equal(sla_rfc3339_parse(s, strlen(s), &st), 0);
	assert_true(st.has_offset);
	return st.secs;
}

static void
civil_round_trips(void **state)
{
	(void)state;
	assert_int_equal(sla_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(sla_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(sla_days_from_civil(1969, 12, 31), -1);
	for (int64_t z = -800000; z < 3000000; z += 997) {
		int64_t y;
		unsigned m, d;
		sla_civil_from_days(z, &y, &m, &d);
		assert_int_equal(sla_days_from_civil(y, m, d), z);
	}
	assert_int_equal(sla_weekday(sla_days_from_civil(2026, 3, 2)), 0); /* a Monday */
	assert_int_equal(sla_weekday(sla_days_from_civil(1969, 12, 28)), 6); /* a Sunday */
}

/* Day after day across the edges of the arithmetic: 0000-03-01 (the first
 * day of the unsigned way), the eras around 1600 and 2000, and a far year. */
/* A day number as YYYY-MM-DD: the epoch, a leap day, before 1970, year 9999. */
static void
dates_are_written_yyyy_mm_dd(void **state)
{
	(void)state;
	char buf[SLA_DATE_MAX];
	assert_int_equal(sla_date_format(0, buf), 10);
	assert_string_equal(buf, "1970-01-01");
	sla_date_format(sla_days_from_civil(2024, 2, 29), buf);
	assert_string_equal(buf, "2024-02-29");
	sla_date_format(-1, buf);
	assert_string_equal(buf, "1969-12-31");
	sla_date_format(sla_days_from_civil(9999, 12, 31), buf);
	assert_string_equal(buf, "9999-12-31");
}

static void
civil_days_follow_one_another(void **state)
{
	static const int64_t around[] = { -719468, -135140, 10957, 3652424 };
	(void)state;
	for (size_t i = 0; i < sizeof around / sizeof *around; i++) {
		int64_t y, y2;
		unsigned m, d, m2, d2;
		sla_civil_from_days(around[i] - 800, &y, &m, &d);
		for (int64_t z = around[i] - 799; z < around[i] + 800; z++) {
			sla_civil_from_days(z, &y2, &m2, &d2);
			bool next_day = y2 == y && m2 == m && d2 == d + 1;
			bool next_month = y2 == y && m2 == m + 1 && d2 == 1 &&
					  d == sla_days_in_month(y, m);
			bool next_year = y2 == y + 1 && m == 12 && d == 31 && m2 == 1 && d2 == 1;
			assert_true(next_day || next_month || next_year);
			assert_int_equal(sla_days_from_civil(y2, m2, d2), z);
			y = y2, m = m2, d = d2;
		}
	}
	assert_int_equal(sla_days_from_civil(0, 3, 1), -719468);
	assert_int_equal(sla_days_from_civil(-1, 12, 31), -719529);
}

static void
parses_rfc3339_and_near_forms(void **state)
{
	(void)state;
	sla_stamp st;
	assert_int_equal(parse_utc("2026-03-02T09:30:00+08:00"), 1772415000);
	assert_int_equal(parse_utc("2026-03-02T01:30:00Z"), 1772415000);
	assert_int_equal(parse_utc("2026-03-02 01:30:00.999z"), 1772415000);
	assert_int_equal(parse_utc("2026-03-02T09:30+0800"), 1772415000);
	assert_int_equal(parse_utc("2026-03-01T20:30:00-05"), 1772415000);
	assert_int_equal(parse_utc("1969-12-31T23:59:59Z"), -1);
	assert_int_equal(sla_rfc3339_parse("2026-03-02T09:30:00", 19, &st), 0);
	assert_false(st.has_offset);
	assert_int_equal(st.secs, 1772415000 + 8 * 3600);
	const char *bad[] = { "", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02",
			      "2026-03-02T24:00:00Z", "2026-03-02T09:30:00+8", "2026-03-02T09:30:00.Z",
			      "0000-01-01T00:00:00Z", "2026-03-02T09:30:00+08:00x", "2026-03-02X09:30:00Z" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(sla_rfc3339_parse(bad[i], strlen(bad[i]), &st), -1);
}

static void
formats_rfc3339(void **state)
{
	(void)state;
	char buf[SLA_RFC3339_MAX];
	assert_int_equal(sla_rfc3339_format(1772415000, 8 * 3600, buf), 25);
	assert_string_equal(buf, "2026-03-02T09:30:00+08:00");
	sla_rfc3339_format(-1, -(5 * 3600 + 30 * 60), buf);
	assert_string_equal(buf, "1969-12-31T18:29:59-05:30");
	sla_rfc3339_format(parse_utc("9999-12-31T23:59:59Z"), 0, buf);
	assert_string_equal(buf, "9999-12-31T23:59:59+00:00");
	/* Berlin's local mean time, +00:53:28: shown at +00:53, same instant */
	sla_rfc3339_format(parse_utc("1026-09-10T14:22:32Z"), 3208, buf);
	assert_string_equal(buf, "1026-09-10T15:15:32+00:53");
	assert_int_equal(parse_utc(buf), parse_utc("1026-09-10T14:22:32Z"));
}

/* The memo gives sla_rfc3339_format's text: for days that share a slot,
 * the days around 1970, years of other lengths than four digits, offsets
 * of either sign and with seconds, seconds at both ends of a day. */
static void
formats_rfc3339_with_the_days_kept(void **state)
{
	(void)state;
	static const int32_t offsets[] = { 0, 8 * 3600, -(5 * 3600 + 30 * 60), 3208, -3208, 14 * 3600 };
	static const int64_t starts[] = { -3 * SLA_DAY, 20000 * SLA_DAY, -62135596800 - SLA_DAY,
					  253402300800 - 3 * SLA_DAY, -62198755200 - 5 * SLA_DAY };
	sla_rfc3339_days *memo = calloc(1, sizeof *memo);
	char want[SLA_RFC3339_MAX], got[SLA_RFC3339_MAX];

	assert_non_null(memo);
	for (int round = 0; round < 2; round++)	/* the second finds them kept */
		for (size_t s = 0; s < sizeof starts / sizeof *starts; s++)
			for (int64_t t = starts[s]; t < starts[s] + 6 * SLA_DAY; t += 3599)
				for (size_t k = 0; k < sizeof offsets / sizeof *offsets; k++) {
					int64_t u = t + (int64_t)(k % 2) * SLA_RFC3339_DAYS * SLA_DAY;
					size_t n = sla_rfc3339_format(u, offsets[k], want);
					assert_int_equal(sla_rfc3339_format_memo(u, offsets[k], memo, got), n);
					assert_string_equal(got, want);
				}
	free(memo);
}

static sla_tz *
zone(const char *name)
{
	char err[160];
	sla_tz *tz = sla_tz_load(name, err, sizeof err);
	if (!tz)
		fail_msg("%s", err);
	return tz;
}

static int64_t
local(const char *s)
{
	sla_stamp st;
	assert_int_equal(sla_rfc3339_parse(s, strlen(s), &st), 0);
	return st.secs;
}

static void
zones_follow_dst(void **state)
{
	(void)state;
	sla_tz *berlin = zone("Europe/Berlin");
	int64_t u;
	assert_int_equal(sla_tz_offset(berlin, parse_utc("2026-01-15T12:00:00Z")), 3600);
	assert_int_equal(sla_tz_offset(berlin, parse_utc("2026-07-15T12:00:00Z")), 7200);
	/* far beyond the file's transitions: the POSIX rule decides */
	assert_int_equal(sla_tz_offset(berlin, parse_utc("2300-07-15T12:00:00Z")), 7200);
	assert_int_equal(sla_tz_offset(berlin, parse_utc("2300-12-15T12:00:00Z")), 3600);
	/* 2026-03-29 02:30 does not exist in Berlin */
	assert_int_equal(sla_tz_to_utc(berlin, local("2026-03-29T02:30:00"), &u), SLA_TZ_GAP);
	/* 2026-10-25 02:30 happens twice: the earlier instant wins */
	assert_int_equal(sla_tz_to_utc(berlin, local("2026-10-25T02:30:00"), &u), SLA_TZ_OK);
	assert_int_equal(u, parse_utc("2026-10-25T02:30:00+02:00"));
	sla_tz_free(berlin);

	sla_tz *sydney = zone("Australia/Sydney");
	assert_int_equal(sla_tz_offset(sydney, parse_utc("2400-01-15T12:00:00Z")), 11 * 3600);
	assert_int_equal(sla_tz_offset(sydney, parse_utc("2400-07-15T12:00:00Z")), 10 * 3600);
	sla_tz_free(sydney);

	sla_tz *sh = zone("Asia/Shanghai");
	assert_int_equal(sla_tz_to_utc(sh, local("2026-03-02T09:30:00"), &u), SLA_TZ_OK);
	assert_int_equal(u, 1772415000);
	sla_tz_free(sh);
}

static void
fixed_and_bad_zones(void **state)
{
	(void)state;
	char err[160];
	sla_tz *tz = zone("+05:30");
	assert_int_equal(sla_tz_offset(tz, 0), 19800);
	sla_tz_free(tz);
	tz = zone("UTC");
	assert_int_equal(sla_tz_offset(tz, 1772415000), 0);
	sla_tz_free(tz);
	assert_null(sla_tz_load("Mars/Olympus", err, sizeof err));
	assert_non_null(strstr(err, "Mars/Olympus"));
	assert_null(sla_tz_load("../../etc/passwd", err, sizeof err));
	assert_null(sla_tz_load("/etc/passwd", err, sizeof err));
}

/* What a zone file that is not one is told apart by: one that is not
 * there is unknown; a directory, or a file that is not TZif, is not TZif. */
static void
zone_files_that_are_not_zones(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_time.XXXXXX", path[64], err[160];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/Area", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/Text", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("# not a zone\n", f);
	assert_int_equal(fclose(f), 0);
	const char *before = getenv("TZDIR");
	char *saved = before ? strdup(before) : NULL;
	assert_int_equal(setenv("TZDIR", dir, 1), 0);

	assert_null(sla_tz_load("Nowhere", err, sizeof err));
	assert_string_equal(err, "unknown time zone \"Nowhere\" (no such zone in the tz database)");
	assert_null(sla_tz_load("Area", err, sizeof err));
	assert_string_equal(err, "time zone \"Area\": not a TZif version 2+ file");
	assert_null(sla_tz_load("Text", err, sizeof err));
	assert_string_equal(err, "time zone \"Text\": not a TZif version 2+ file");

	if (saved)
		setenv("TZDIR", saved, 1);
	else
		unsetenv("TZDIR");
	free(saved);
	unlink(path);
	snprintf(path, sizeof path, "%s/Area", dir);
	rmdir(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(civil_round_trips),
		cmocka_unit_test(civil_days_follow_one_another),
		cmocka_unit_test(dates_are_written_yyyy_mm_dd),
		cmocka_unit_test(parses_rfc3339_and_near_forms),
		cmocka_unit_test(formats_rfc3339),
		cmocka_unit_test(formats_rfc3339_with_the_days_kept),
		cmocka_unit_test(zones_follow_dst),
		cmocka_unit_test(fixed_and_bad_zones),
		cmocka_unit_test(zone_files_that_are_not_zones),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
