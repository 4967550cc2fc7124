/* Unit tests: date sets (calendar_dates.c) -- the covers line, the years a
 * set without one covers, the look-up order of a named set, and what the
 * queries note outside the covered years, and the size a dates file may have. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sla_calendar.h"
#include "time_helpers.h"

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/sla-dates-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* TEXT as the file NAME in the temporary directory; its path. */
static const char *
file(const char *name, const char *text)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static sla_calendar *
office(const sla_tz *tz)
{
	char err[200];
	sla_calendar *c = sla_calendar_new("5x8", tz);
	assert_non_null(c);
	assert_int_equal(sla_calendar_parse_hours(c, "mon-fri", "09:00-18:00", err, sizeof err), 0);
	return c;
}

/* The years of C's only date set. */
static void
assert_covers(const sla_calendar *c, const char *set, int64_t first, int64_t last)
{
	const sla_cover *v;
	assert_int_equal(sla_calendar_covers(c, &v), 1);
	assert_string_equal(v[0].set, set);
	assert_int_equal(v[0].first, first);
	assert_int_equal(v[0].last, last);
}

static void
covers_line_is_read(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	char err[256];
	const char *forms[][2] = {
		{ "# covers: 2019-2026\n", "2019 2026" },
		{ "#covers:2019-2026 \r\n", "2019 2026" },
		{ "# covers: 2027\n", "2027 2027" },
	};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		char text[200];
		snprintf(text, sizeof text, "date\tkind\tname\n# a comment\n%s2026-10-01\tholiday\tx\n",
			 forms[i][0]);
		sla_calendar *c = office(tz);
		const char *path = file("set.tsv", text);
		assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), 0);
		const sla_cover *v;
		assert_int_equal(sla_calendar_covers(c, &v), 1);
		char got[32];
		snprintf(got, sizeof got, "%lld %lld", (long long)v[0].first, (long long)v[0].last);
		assert_string_equal(got, forms[i][1]);
		sla_calendar_free(c);
	}
	/* a covers line before the header: the header is the first line that is
	 * no comment */
	sla_calendar *c = office(tz);
	const char *path = file("set.tsv", "# covers: 2026\ndate\tkind\tname\n2026-10-01\tholiday\tx\n");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), 0);
	assert_covers(c, path, 2026, 2026);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
bad_covers_lines_are_errors(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	char err[256], want[300];
	const char *bad[] = { "# covers: 19-26", "# covers: 2026-2019", "# covers: 2019-2026x",
			      "# covers: 2019..2026", "# covers:" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[200];
		snprintf(text, sizeof text, "2026-10-01\tholiday\tx\n%s\n", bad[i]);
		sla_calendar *c = office(tz);
		const char *path = file("bad.tsv", text);
		assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), -1);
		snprintf(want, sizeof want, "%s:2: covers is not a year or years YYYY-YYYY \"%s\"", path,
			 bad[i]);
		assert_string_equal(err, want);
		sla_calendar_free(c);
	}
	sla_calendar *c = office(tz);
	const char *path = file("twice.tsv", "# covers: 2026\n# covers: 2027\n");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s:2: covers given twice (line 1)", path);
	assert_string_equal(err, want);
	sla_calendar_free(c);
	/* a comment that merely mentions the word is a comment */
	c = office(tz);
	path = file("word.tsv", "# what it covers: the office\n2026-10-01\tholiday\tx\n");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), 0);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
without_covers_the_dates_span_the_years(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	char err[256];
	sla_calendar *c = office(tz);
	/* workday rows count for the span even when holidays are loaded */
	const char *path = file("span.tsv", "2024-12-28\tworkday\tx\n2026-10-01\tholiday\tx\n");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), 0);
	assert_covers(c, path, 2024, 2026);
	/* the same set for the other kind is the same years */
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_WORKDAY, path, err, sizeof err), 0);
	assert_covers(c, path, 2024, 2026);
	int64_t first, last;
	assert_true(sla_calendar_date_years(c, &first, &last));
	assert_int_equal(first, 2024);
	assert_int_equal(last, 2026);
	sla_calendar_free(c);
	/* inline dates cover nothing */
	c = office(tz);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "2026-10-01", err, sizeof err), 0);
	const sla_cover *v;
	assert_int_equal(sla_calendar_covers(c, &v), 0);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
bundled_cn_covers_2019_to_2026(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	char err[256];
	sla_calendar *c = office(tz);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "cn", err, sizeof err), 0);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_WORKDAY, "cn", err, sizeof err), 0);
	assert_covers(c, "cn", 2019, 2026);
	enum sla_day_kind kind;
	const char *name;
	sla_calendar_day(c, sla_days_from_civil(2022, 10, 3), &kind, &name);
	assert_int_equal(kind, SLA_DAY_HOLIDAY);
	sla_calendar_day(c, sla_days_from_civil(2021, 9, 18), &kind, &name);
	assert_int_equal(kind, SLA_DAY_WORKDAY);
	/* the 2019 notice's last days of 2018 are there, 2018 is not covered */
	sla_calendar_day(c, sla_days_from_civil(2018, 12, 29), &kind, &name);
	assert_int_equal(kind, SLA_DAY_WORKDAY);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
a_directory_comes_before_the_built_in_copy(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	char err[256];
	file("cn.tsv", "# covers: 2030\n2030-01-01\tholiday\tNew Year\n");
	sla_calendar *c = office(tz);
	assert_int_equal(sla_calendar_load_dates_from(c, SLA_DAY_HOLIDAY, "cn", tmpdir, err, sizeof err), 0);
	assert_covers(c, "cn", 2030, 2030);
	sla_calendar_free(c);
	/* a directory without the set passes the look-up on */
	c = office(tz);
	assert_int_equal(sla_calendar_load_dates_from(c, SLA_DAY_HOLIDAY, "cn", "/nonexistent", err,
						      sizeof err), 0);
	assert_covers(c, "cn", 2019, 2026);
	sla_calendar_free(c);
	/* an error in the directory's set is the error, with its file */
	const char *path = file("cn.tsv", "2030-02-30\tholiday\tx\n");
	c = office(tz);
	assert_int_equal(sla_calendar_load_dates_from(c, SLA_DAY_HOLIDAY, "cn", tmpdir, err, sizeof err), -1);
	char want[300];
	snprintf(want, sizeof want, "%s:1: not a date YYYY-MM-DD \"2030-02-30\"", path);
	assert_string_equal(err, want);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
queries_note_dates_outside_the_years(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	char err[256], msg[512];
	sla_calendar *c = office(tz);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "cn", err, sizeof err), 0);
	assert_int_equal(sla_calendar_uncovered(c), 0);
	/* inside: nothing */
	sla_business(c, at(tz, "2026-12-30T09:00:00"), at(tz, "2026-12-31T23:59:59"));
	sla_due(c, at(tz, "2019-01-01T00:00:00"), 8 * HOUR);
	assert_int_equal(sla_calendar_uncovered(c), 0);
	assert_false(sla_calendar_cover_warning(c, 0, msg, sizeof msg));
	/* 2027-01-01 00:00 in Shanghai is still 2026 in UTC: the local date counts */
	sla_business(c, at(tz, "2026-12-31T09:00:00"), at(tz, "2027-01-01T00:00:01"));
	assert_int_equal(sla_calendar_uncovered(c), 1);
	sla_due(c, at(tz, "2027-03-01T09:00:00"), HOUR);
	sla_due(c, at(tz, "2026-12-31T17:00:00"), 8 * HOUR);
	assert_int_equal(sla_calendar_uncovered(c), 3);
	assert_true(sla_calendar_cover_warning(c, 0, msg, sizeof msg));
	assert_string_equal(msg, "calendar \"5x8\": 2027-01-01 is outside the years its holiday data "
				 "\"cn\" covers (2019-2026); holidays after 2026 are not known");
	assert_false(sla_calendar_cover_warning(c, 1, msg, sizeof msg));
	/* before the years: the latest date touched */
	enum sla_day_kind kind;
	const char *name;
	sla_calendar_day(c, sla_days_from_civil(2018, 6, 1), &kind, &name);
	sla_calendar_wd_at_close(c, at(tz, "2018-12-20T10:00:00"), 3);
	assert_true(sla_calendar_cover_warning(c, 0, msg, sizeof msg));
	assert_string_equal(msg, "calendar \"5x8\": 2018-12-25 is outside the years its holiday data "
				 "\"cn\" covers (2019-2026); holidays before 2019 are not known");
	assert_true(sla_calendar_cover_warning(c, 1, msg, sizeof msg));
	/* a row's note: no date, and only for its own span */
	size_t n = sla_calendar_cover_note_span(c, at(tz, "2026-12-31T09:00:00"),
						at(tz, "2027-01-04T09:00:00"), msg, sizeof msg);
	assert_int_equal(n, strlen(msg));
	assert_string_equal(msg, "calendar \"5x8\": dates outside the years its holiday data "
				 "\"cn\" covers (2019-2026); holidays after 2026 are not known");
	sla_calendar_cover_note_span(c, at(tz, "2018-12-31T09:00:00"), at(tz, "2019-01-04T09:00:00"),
				     msg, sizeof msg);
	assert_non_null(strstr(msg, "; holidays before 2019 are not known"));
	assert_int_equal(sla_calendar_cover_note_span(c, at(tz, "2019-01-01T00:00:00"),
						      at(tz, "2026-12-31T23:59:59"), msg, sizeof msg), 0);
	assert_true(sla_calendar_uncovered(c) > 3);	/* a day asks business() too */
	sla_calendar_free(c);
	sla_tz_free(tz);
}


/* A dates file of SIZE bytes: one holiday, then blank lines. */
static const char *
sized_file(const char *name, size_t size)
{
	static const char row[] = "2030-01-01\tholiday\tNew Year\n";
	const char *path = file(name, row);
	FILE *f = fopen(path, "a");
	assert_non_null(f);
	for (size_t n = sizeof row - 1; n < size; n++)
		fputc('\n', f);
	fclose(f);
	return path;
}

static void
a_dates_file_is_less_than_a_mebibyte(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	char err[256], want[300];
	sla_calendar *c = office(tz);
	const char *path = sized_file("big.tsv", (1u << 20) - 1);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), 0);
	assert_covers(c, path, 2030, 2030);
	sla_calendar_free(c);
	/* exactly 1 MiB is one byte too many */
	c = office(tz);
	path = sized_file("big.tsv", 1u << 20);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), -1);
	snprintf(want, sizeof want, "cannot read the dates file (1 MB at most) \"%s\"", path);
	assert_string_equal(err, want);
	/* a directory opens but does not read */
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, tmpdir, err, sizeof err), -1);
	snprintf(want, sizeof want, "cannot read the dates file (1 MB at most) \"%s\"", tmpdir);
	assert_string_equal(err, want);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "/nonexistent/x.tsv", err,
						 sizeof err), -1);
	assert_string_equal(err, "no bundled date set or readable file \"/nonexistent/x.tsv\"");
	sla_calendar_free(c);
	sla_tz_free(tz);
}
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(covers_line_is_read),
		cmocka_unit_test(bad_covers_lines_are_errors),
		cmocka_unit_test(without_covers_the_dates_span_the_years),
		cmocka_unit_test(bundled_cn_covers_2019_to_2026),
		cmocka_unit_test(a_directory_comes_before_the_built_in_copy),
		cmocka_unit_test(queries_note_dates_outside_the_years),
		cmocka_unit_test(a_dates_file_is_less_than_a_mebibyte),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
