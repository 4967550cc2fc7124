/* Unit tests: business calendars, business time and due times.
 *
 * Hand cases for each rule of DESIGN §4, then a cross-check of the fast
 * path against a brute-force reference that walks minute by minute over
 * thousands of random calendars in five zones, across DST changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_calendar.h"
#include "sla_calquery.h"
#include "time_helpers.h"

static sla_calendar *
office(const sla_tz *tz, const char *hours)
{
	char err[200];
	sla_calendar *c = sla_calendar_new("5x8", tz);
	assert_non_null(c);
	if (sla_calendar_parse_hours(c, "mon-fri", hours, err, sizeof err) < 0)
		fail_msg("%s", err);
	return c;
}

/* The usual 5x8 in Shanghai with the bundled cn dates. */
static sla_calendar *
office_cn(const sla_tz *tz)
{
	char err[200];
	sla_calendar *c = office(tz, "09:00-12:00, 13:00-18:00");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "cn", err, sizeof err), 0);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_WORKDAY, "cn", err, sizeof err), 0);
	return c;
}

static void
hours_are_parsed_and_checked(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	sla_calendar *c = sla_calendar_new("x", tz);
	char err[200];

	assert_int_equal(sla_calendar_parse_hours(c, "mon", "09:00-09:00", err, sizeof err), -1);
	assert_string_equal(err, "empty interval \"09:00-09:00\"");
	assert_int_equal(sla_calendar_add_hours(c, 0, 9 * HOUR, 9 * HOUR), -1);
	assert_int_equal(sla_calendar_parse_hours(c, "mon", "09:00-25:00", err, sizeof err), -1);
	assert_string_equal(err, "not an interval HH:MM-HH:MM \"09:00-25:00\"");
	assert_int_equal(sla_calendar_parse_hours(c, "mon", "24:00-09:00", err, sizeof err), -1);
	assert_int_equal(sla_calendar_parse_hours(c, "mon", "9-17", err, sizeof err), -1);
	assert_int_equal(sla_calendar_parse_hours(c, "moon", "09:00-17:00", err, sizeof err), -1);
	assert_string_equal(err, "not weekdays such as mon-fri or sat \"moon\"");
	assert_int_equal(sla_calendar_parse_hours(c, "mon-", "09:00-17:00", err, sizeof err), -1);
	assert_int_equal(sla_calendar_parse_hours(c, "mo", "09:00-17:00", err, sizeof err), -1);
	assert_int_equal(sla_calendar_parse_hours(c, "mon", "9:00-17:00:60", err, sizeof err), -1);

	/* H:MM and whole weekday names are read too */
	assert_int_equal(sla_calendar_parse_hours(c, "Monday - friday", "9:00-17:30", err, sizeof err), 0);
	assert_int_equal(sla_calendar_day_length(c), 8 * HOUR + 30 * MIN);

	/* a later line replaces the hours of its days; fri-mon wraps */
	assert_int_equal(sla_calendar_parse_hours(c, "Mon-Fri", "09:00-18:00", err, sizeof err), 0);
	assert_int_equal(sla_calendar_parse_hours(c, "fri", "09:00-16:00", err, sizeof err), 0);
	assert_int_equal(sla_calendar_parse_hours(c, "sat-sun, wed", "closed", err, sizeof err), 0);
	char buf[80];
	int64_t mon = sla_days_from_civil(2026, 3, 2);
	sla_calq_day_hours(c, mon, buf, sizeof buf);
	assert_string_equal(buf, "09:00-18:00");
	sla_calq_day_hours(c, mon + 2, buf, sizeof buf);
	assert_string_equal(buf, "closed");
	sla_calq_day_hours(c, mon + 4, buf, sizeof buf);
	assert_string_equal(buf, "09:00-16:00");
	assert_int_equal(sla_calendar_day_length(c), 9 * HOUR);
	sla_calendar_set_day_length(c, 8 * HOUR);
	assert_int_equal(sla_calendar_day_length(c), 8 * HOUR);

	assert_int_equal(sla_calendar_parse_hours(c, "fri-mon", "22:00-06:00, 12:00-12:30:30", err,
						  sizeof err), 0);
	sla_calq_day_hours(c, mon + 5, buf, sizeof buf);
	assert_string_equal(buf, "22:00-06:00, 12:00-12:30:30");
	sla_calendar_free(c);
	sla_tz_free(tz);
}

/* The calendar keeps the last F(t) it computed (calendar.c's measure_at),
 * which a due from the same start reuses: a holiday added before that
 * start moves every F, and must not leave the old one behind. */
static void
a_change_of_the_calendar_drops_what_it_kept(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = office(tz, "09:00-12:00, 13:00-18:00");
	int64_t mon = at(tz, "2026-03-09T09:00:00"), wed = at(tz, "2026-03-11T09:00:00");
	assert_int_equal(sla_business(c, mon, wed), 16 * HOUR);
	assert_int_equal(sla_calendar_add_date(c, sla_days_from_civil(2026, 3, 2), SLA_DAY_HOLIDAY,
					       NULL), 0);
	assert_at(tz, sla_due(c, mon, 9 * HOUR), "2026-03-10T10:00:00+08:00");
	assert_int_equal(sla_business(c, mon, wed), 16 * HOUR);
	assert_int_equal(sla_calendar_add_date(c, sla_days_from_civil(2026, 3, 10), SLA_DAY_HOLIDAY,
					       NULL), 0);
	assert_int_equal(sla_business(c, mon, wed), 8 * HOUR);
	assert_at(tz, sla_due(c, mon, 9 * HOUR), "2026-03-11T10:00:00+08:00");
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
closing_at_24_00(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = office(tz, "18:00-24:00");
	int64_t mon = at(tz, "2026-03-02T00:00:00");
	assert_int_equal(sla_business(c, mon, mon + 2 * SLA_DAY), 12 * HOUR);
	assert_at(tz, sla_due(c, at(tz, "2026-03-02T23:00:00"), HOUR), "2026-03-03T00:00:00+08:00");
	assert_at(tz, sla_due(c, at(tz, "2026-03-02T23:00:00"), HOUR + 1),
		  "2026-03-03T18:00:01+08:00");
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
interval_across_midnight(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	char err[200];
	sla_calendar *c = office(tz, "22:00-06:00");
	/* Friday's shift runs into Saturday; Sunday has none */
	assert_int_equal(sla_business(c, at(tz, "2026-03-06T12:00:00"), at(tz, "2026-03-09T12:00:00")),
			 8 * HOUR);
	assert_at(tz, sla_due(c, at(tz, "2026-03-06T23:00:00"), 7 * HOUR), "2026-03-07T06:00:00+08:00");
	assert_at(tz, sla_due(c, at(tz, "2026-03-07T05:00:00"), 2 * HOUR), "2026-03-09T23:00:00+08:00");
	/* a holiday removes its night whole, the part after midnight too */
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "2026-03-06", err, sizeof err), 0);
	assert_int_equal(sla_business(c, at(tz, "2026-03-06T12:00:00"), at(tz, "2026-03-09T12:00:00")),
			 0);
	/* a holiday after a working night keeps the night's morning */
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "2026-03-10", err, sizeof err), 0);
	assert_int_equal(sla_business(c, at(tz, "2026-03-10T00:00:00"), at(tz, "2026-03-11T00:00:00")),
			 6 * HOUR);
	enum sla_day_kind kind;
	const char *name;
	/* days count the nights they open */
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2026, 3, 10), &kind, &name), 0);
	assert_int_equal(kind, SLA_DAY_HOLIDAY);
	assert_null(name);
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2026, 3, 9), &kind, &name), 8 * HOUR);
	assert_int_equal(kind, SLA_DAY_REGULAR);
	/* where the night before still runs, the day keeps only the rest */
	assert_int_equal(sla_calendar_parse_hours(c, "wed", "05:00-07:00, 22:00-06:00", err, sizeof err),
			 0);
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2026, 3, 18), &kind, &name),
			 HOUR + 8 * HOUR);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
starts_and_ends_at_the_edges(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = office_cn(tz);

	/* before opening: counts from 09:00 */
	int64_t s = at(tz, "2026-03-02T07:00:00");
	assert_int_equal(sla_business(c, s, at(tz, "2026-03-02T10:00:00")), HOUR);
	assert_at(tz, sla_due(c, s, HOUR), "2026-03-02T10:00:00+08:00");
	/* end exactly at closing, and a target used up at closing is due then */
	assert_int_equal(sla_business(c, s, at(tz, "2026-03-02T18:00:00")), 8 * HOUR);
	assert_at(tz, sla_due(c, s, 8 * HOUR), "2026-03-02T18:00:00+08:00");
	assert_at(tz, sla_due(c, s, 3 * HOUR), "2026-03-02T12:00:00+08:00");
	assert_at(tz, sla_due(c, s, 3 * HOUR + 1), "2026-03-02T13:00:01+08:00");
	/* zero target: due at the start, even outside hours */
	assert_int_equal(sla_due(c, s, 0), s);
	assert_int_equal(sla_business(c, s, s), 0);
	/* a > b is an error, not a negative duration */
	assert_int_equal(sla_business(c, s + 1, s), -1);
	assert_int_equal(sla_due(c, s, -1), SLA_NO_INSTANT);

	/* on a holiday (National Day 2026-10-01..07; 10-10 Saturday is worked) */
	s = at(tz, "2026-10-02T10:00:00");
	assert_int_equal(sla_business(c, s, at(tz, "2026-10-08T00:00:00")), 0);
	assert_at(tz, sla_due(c, s, HOUR), "2026-10-08T10:00:00+08:00");
	/* on a make-up Saturday: a working day with Monday's hours */
	s = at(tz, "2026-10-10T08:00:00");
	assert_int_equal(sla_business(c, s, at(tz, "2026-10-11T00:00:00")), 8 * HOUR);
	assert_at(tz, sla_due(c, s, 9 * HOUR), "2026-10-12T10:00:00+08:00");
	enum sla_day_kind kind;
	const char *name;
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2026, 10, 10), &kind, &name),
			 8 * HOUR);
	assert_int_equal(kind, SLA_DAY_WORKDAY);
	assert_string_equal(name, "National Day (国庆节)");
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2026, 10, 9), &kind, &name),
			 8 * HOUR);
	assert_int_equal(kind, SLA_DAY_REGULAR);
	assert_null(name);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
spring_festival_2026(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = office_cn(tz);
	/* 2026-02-14 (Sat) and 02-28 (Sat) are worked; 02-15..02-23 are off */
	int64_t a = at(tz, "2026-02-13T17:00:00");
	int64_t b = at(tz, "2026-03-02T09:00:00");
	int64_t days = 1 /* 02-14 */ + 4 /* 02-24..27 */ + 1 /* 02-28 */;
	assert_int_equal(sla_business(c, a, b), HOUR + days * 8 * HOUR);
	assert_at(tz, sla_due(c, a, HOUR + 8 * HOUR), "2026-02-14T18:00:00+08:00");
	assert_at(tz, sla_due(c, a, HOUR + 8 * HOUR + 1), "2026-02-24T09:00:01+08:00");
	assert_at(tz, sla_due(c, a, 8 * HOUR * 3), "2026-02-25T17:00:00+08:00");
	int64_t first, last;
	assert_true(sla_calendar_date_years(c, &first, &last));
	assert_int_equal(first, 2019);
	assert_int_equal(last, 2026);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

/* DESIGN §4: a make-up workday is worked with the workday hours even when
 * its own weekday has hours (a half-day Saturday becomes a full day). */
static void
makeup_saturday_gets_the_workday_hours(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	char err[200];
	sla_calendar *c = office(tz, "09:00-12:00, 13:30-18:00");
	assert_int_equal(sla_calendar_parse_hours(c, "sat", "09:00-12:00", err, sizeof err), 0);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_WORKDAY, "2026-02-14", err, sizeof err), 0);
	/* opened Fri 17:00, 4 h response, answered Sat 14:00: 1 h on Friday,
	 * 09:00-12:00 and 13:30-14:00 on Saturday, 30 min over */
	int64_t opened = at(tz, "2026-02-13T17:00:00"), answered = at(tz, "2026-02-14T14:00:00");
	assert_int_equal(sla_business(c, opened, answered), 4 * HOUR + 30 * MIN);
	assert_at(tz, sla_due(c, opened, 4 * HOUR), "2026-02-14T12:00:00+08:00");
	assert_int_equal(sla_business(c, opened, answered) - 4 * HOUR, 30 * MIN);
	char buf[80];
	int64_t sat = sla_days_from_civil(2026, 2, 14);
	sla_calq_day_hours(c, sat, buf, sizeof buf);
	assert_string_equal(buf, "09:00-12:00, 13:30-18:00");
	/* an ordinary Saturday keeps its half day */
	sla_calq_day_hours(c, sat + 7, buf, sizeof buf);
	assert_string_equal(buf, "09:00-12:00");
	bool named;
	assert_int_equal(sla_calendar_makeup_weekday(c, &named), 0);
	assert_false(named);

	/* a short Friday: make-up days are Mondays unless the calendar names
	 * the weekday ("workdays = SET as fri"); lint asks which */
	unsigned wd = 9;
	assert_false(sla_calendar_makeup_ambiguous(c, &wd));
	assert_int_equal(sla_calendar_parse_hours(c, "fri", "09:00-16:00", err, sizeof err), 0);
	assert_true(sla_calendar_makeup_ambiguous(c, &wd));
	assert_int_equal(wd, 0);
	assert_string_equal(sla_weekday_name(wd), "monday");
	assert_int_equal(sla_calendar_day(c, sat, &(enum sla_day_kind){ 0 }, &(const char *){ NULL }),
			 7 * HOUR + 30 * MIN);
	assert_int_equal(sla_calendar_set_makeup_weekday(c, "Friday", err, sizeof err), 0);
	assert_false(sla_calendar_makeup_ambiguous(c, &wd));
	assert_int_equal(sla_calendar_makeup_weekday(c, &named), 4);
	assert_true(named);
	sla_calq_day_hours(c, sat, buf, sizeof buf);
	assert_string_equal(buf, "09:00-16:00");
	assert_int_equal(sla_business(c, opened, answered), 5 * HOUR);
	assert_at(tz, sla_due(c, opened, 4 * HOUR), "2026-02-14T13:00:00+08:00");
	/* the day length stays Monday's */
	assert_int_equal(sla_calendar_day_length(c), 7 * HOUR + 30 * MIN);
	/* a weekday without hours leaves make-up days closed */
	assert_int_equal(sla_calendar_set_makeup_weekday(c, "sun", err, sizeof err), 0);
	assert_int_equal(sla_calendar_makeup_weekday(c, &named), -1);
	assert_int_equal(sla_business(c, opened, answered), 0);
	assert_int_equal(sla_calendar_set_makeup_weekday(c, "fr", err, sizeof err), -1);
	assert_string_equal(err, "not a weekday such as mon or friday \"fr\"");
	assert_int_equal(sla_calendar_set_makeup_weekday(c, "mon-fri", err, sizeof err), -1);
	sla_calendar_free(c);

	/* Monday closed: the first weekday after it with hours */
	c = sla_calendar_new("tue-sat", tz);
	assert_int_equal(sla_calendar_parse_hours(c, "tue-sat", "10:00-14:00", err, sizeof err), 0);
	assert_int_equal(sla_calendar_parse_hours(c, "wed", "10:00-19:00", err, sizeof err), 0);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_WORKDAY, "2026-02-15", err, sizeof err), 0);
	assert_int_equal(sla_calendar_makeup_weekday(c, &named), 1);
	assert_int_equal(sla_calendar_day(c, sat + 1, &(enum sla_day_kind){ 0 }, &(const char *){ NULL }),
			 4 * HOUR);
	assert_true(sla_calendar_makeup_ambiguous(c, &wd));
	assert_int_equal(wd, 1);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
dst_days_have_23_and_25_hours(void **state)
{
	(void)state;
	sla_tz *tz = zone("Europe/Berlin");
	char err[200];
	sla_calendar *c = sla_calendar_new("night", tz);
	assert_int_equal(sla_calendar_parse_hours(c, "mon-sun", "01:00-04:00", err, sizeof err), 0);
	/* 2026-03-29 02:00 -> 03:00; 2026-10-25 03:00 -> 02:00 */
	assert_int_equal(sla_business(c, at(tz, "2026-03-29T00:00:00"), at(tz, "2026-03-30T00:00:00")),
			 2 * HOUR);
	assert_int_equal(sla_business(c, at(tz, "2026-10-25T00:00:00"), at(tz, "2026-10-26T00:00:00")),
			 4 * HOUR);
	assert_at(tz, sla_due(c, at(tz, "2026-03-29T01:30:00"), HOUR), "2026-03-29T03:30:00+02:00");
	assert_at(tz, sla_due(c, at(tz, "2026-10-25T01:30:00"), 2 * HOUR),
		  "2026-10-25T02:30:00+01:00");
	/* an Nwd@time reading in the gap moves on by the gap (RFC 5545); one
	 * that occurs twice is the earlier instant */
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-28T02:30:00"), 1),
		  "2026-03-29T03:30:00+02:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-28T02:00:01"), 1),
		  "2026-03-29T03:00:01+02:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-28T02:00:00"), 1),
		  "2026-03-29T03:00:00+02:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-28T01:59:59"), 1),
		  "2026-03-29T01:59:59+01:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-28T03:00:00"), 1),
		  "2026-03-29T03:00:00+02:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-10-24T02:30:00"), 1),
		  "2026-10-25T02:30:00+02:00");
	enum sla_day_kind kind;
	const char *name;
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2026, 10, 25), &kind, &name),
			 4 * HOUR);
	/* Nwd@close: a close that occurs twice is the later instant, the end
	 * of the day's business time; a close skipped, when the clocks jump */
	assert_int_equal(sla_calendar_parse_hours(c, "mon-sun", "01:00-02:30", err, sizeof err), 0);
	int64_t due = sla_calendar_wd_at_close(c, at(tz, "2026-10-24T10:00:00"), 1);
	assert_at(tz, due, "2026-10-25T02:30:00+01:00");
	/* 01:00-02:30 summer time, then 02:00-02:30 winter time */
	assert_int_equal(sla_business(c, at(tz, "2026-10-25T00:00:00"), due), 2 * HOUR);
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-10-24T02:15:00"), 1),
		  "2026-10-25T02:15:00+02:00");
	due = sla_calendar_wd_at_close(c, at(tz, "2026-03-28T10:00:00"), 1);
	assert_at(tz, due, "2026-03-29T03:00:00+02:00");
	assert_int_equal(sla_business(c, at(tz, "2026-03-29T00:00:00"), due), HOUR);
	sla_calendar_free(c);

	sla_calendar *all = sla_calendar_new_24x7(tz);
	assert_true(sla_calendar_is_24x7(all));
	assert_int_equal(sla_calendar_day_length(all), SLA_DAY);
	assert_int_equal(sla_calendar_day(all, sla_days_from_civil(2026, 3, 29), &kind, &name),
			 23 * HOUR);
	assert_int_equal(sla_business(all, at(tz, "2026-03-28T12:00:00"), at(tz, "2026-03-29T12:00:00")),
			 23 * HOUR);
	/* dated exceptions take a 24x7 calendar off its shortcut */
	assert_int_equal(sla_calendar_load_dates(all, SLA_DAY_HOLIDAY, "2026-03-29", err, sizeof err), 0);
	assert_false(sla_calendar_is_24x7(all));
	assert_int_equal(sla_business(all, at(tz, "2026-03-28T12:00:00"), at(tz, "2026-03-30T12:00:00")),
			 24 * HOUR);
	sla_calendar_free(all);
	sla_tz_free(tz);
}

static void
working_days_at_time_and_close(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = office_cn(tz);
	/* inside hours: the same wall-clock time three working days on */
	int64_t s = at(tz, "2026-03-04T10:30:00");
	assert_at(tz, sla_calendar_wd_at_time(c, s, 3), "2026-03-09T10:30:00+08:00");
	/* outside hours: from the next opening */
	s = at(tz, "2026-03-06T19:00:00");
	assert_at(tz, sla_calendar_wd_at_time(c, s, 3), "2026-03-12T09:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-07T11:00:00"), 1),
		  "2026-03-10T09:00:00+08:00");
	/* across National Day (10-01..10-07 off) */
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-09-30T14:00:00"), 1),
		  "2026-10-08T14:00:00+08:00");
	/* the close of the Nth working day after the start's day */
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-06T10:30:00"), 1),
		  "2026-03-09T18:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-06T20:30:00"), 1),
		  "2026-03-09T18:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-07T10:00:00"), 1),
		  "2026-03-09T18:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-10-09T10:00:00"), 1),
		  "2026-10-10T18:00:00+08:00");
	assert_int_equal(sla_calendar_wd_at_close(c, s, 0), SLA_NO_INSTANT);
	sla_calendar_free(c);

	/* a night shift: the start belongs to the night it opened (Tuesday
	 * 02:00 is in Monday's 22:00-06:00) */
	c = office(tz, "22:00-06:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-03T02:00:00"), 1),
		  "2026-03-04T02:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-03T02:00:00"), 2),
		  "2026-03-05T02:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-03T02:00:00"), 1),
		  "2026-03-04T06:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-03T02:00:00"), 2),
		  "2026-03-05T06:00:00+08:00");
	/* Saturday 02:00 is in Friday's night: one working day on is Monday's */
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-07T02:00:00"), 1),
		  "2026-03-10T02:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-07T02:00:00"), 1),
		  "2026-03-10T06:00:00+08:00");
	/* outside the shifts: the day is the date, @time counts from the
	 * next opening (Tuesday 22:00) */
	assert_at(tz, sla_calendar_wd_at_time(c, at(tz, "2026-03-03T07:00:00"), 1),
		  "2026-03-04T22:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-03T07:00:00"), 1),
		  "2026-03-05T06:00:00+08:00");
	/* the shift's close counts: 06:00 Tuesday is no longer Monday's */
	assert_at(tz, sla_calendar_wd_at_close(c, at(tz, "2026-03-03T06:00:00"), 1),
		  "2026-03-05T06:00:00+08:00");
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
dates_from_lists_files_and_sets(void **state)
{
	(void)state;
	sla_tz *tz = zone("UTC");
	sla_calendar *c = office(tz, "09:00-17:00");
	char err[200];
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "2026-12-24..2026-12-26, 2026-12-31",
						 err, sizeof err), 0);
	int64_t a = at(tz, "2026-12-21T00:00:00");
	assert_int_equal(sla_business(c, a, at(tz, "2027-01-04T00:00:00")), 7 * 8 * HOUR); /* 12-24, 12-25, 12-31 off */
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_WORKDAY, "2026-12-24", err, sizeof err), -1);
	assert_string_equal(err, "date listed as both holiday and workday \"2026-12-24\"");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "2026-02-30", err, sizeof err), -1);
	assert_string_equal(err, "not a date or range of dates \"2026-02-30\"");
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, "nosuchset", err, sizeof err), -1);
	assert_string_equal(err, "no bundled date set or readable file \"nosuchset\"");

	char path[64] = "/tmp/sla-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char text[] = "date\tkind\tname\n# ours\n2027-01-04\tholiday\tDay off\r\n"
			    "2027-01-09\tworkday\tMake-up\n\n2027-01-05\tfeast\tx\n";
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	assert_int_equal(sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, path, err, sizeof err), -1);
	char want[160];
	snprintf(want, sizeof want, "%s:6: kind is neither holiday nor workday \"feast\"", path);
	assert_string_equal(err, want);
	enum sla_day_kind kind;
	const char *name;
	assert_int_equal(sla_calendar_day(c, sla_days_from_civil(2027, 1, 4), &kind, &name), 0);
	assert_string_equal(name, "Day off");
	unlink(path);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

/* Instants before 1970 are negative: a due time there is an answer, not
 * the "none" of a query that has none (it was -1, and every caller that
 * tested "< 0" threw the years before 1970 away). */
static void
due_times_before_1970(void **state)
{
	(void)state;
	sla_tz *tz = zone("Asia/Shanghai");
	sla_calendar *c = office_cn(tz);
	int64_t s = at(tz, "1969-06-02T10:00:00+08:00");
	assert_at(tz, sla_due(c, s, 8 * HOUR), "1969-06-03T10:00:00+08:00");
	assert_at(tz, sla_calendar_wd_at_time(c, s, 1), "1969-06-03T10:00:00+08:00");
	s = at(tz, "1969-12-31T23:59:58Z");
	sla_calendar *all = sla_calendar_new_24x7(tz);
	assert_int_equal(sla_due(all, s, 1), -1);	/* 1969-12-31T23:59:59Z */
	sla_calendar_free(all);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
out_of_range_and_no_hours(void **state)
{
	(void)state;
	sla_tz *tz = zone("America/New_York");
	sla_calendar *c = sla_calendar_new("none", tz);
	int64_t s = at(tz, "2026-03-02T09:00:00Z");
	assert_int_equal(sla_business(c, s, s + 10 * SLA_DAY), 0);
	assert_int_equal(sla_due(c, s, 1), SLA_NO_INSTANT);
	assert_int_equal(sla_calendar_wd_at_close(c, s, 1), SLA_NO_INSTANT);
	sla_calendar_free(c);
	c = office(tz, "09:00-17:00");
	assert_int_equal(sla_business(c, s, INT64_MAX), -1);
	assert_int_equal(sla_business(c, INT64_MIN, s), -1);
	assert_int_equal(sla_due(c, s, INT64_MAX), SLA_NO_INSTANT);
	/* a target far away is still found, in a year the table had to grow to */
	int64_t far = sla_due(c, s, 400LL * 52 * 5 * 8 * HOUR);
	assert_true(far > s);
	assert_int_equal(sla_business(c, s, far), 400LL * 52 * 5 * 8 * HOUR);
	assert_int_equal(sla_business(c, at(tz, "0001-06-01T00:00:00Z"), at(tz, "9999-06-01T00:00:00Z")) %
				 (8 * HOUR), 0);
	sla_calendar_free(c);
	sla_tz_free(tz);
}

static void
zone_changes_are_found(void **state)
{
	(void)state;
	/* the expected instants come from Python's zoneinfo */
	static const struct {
		const char *zone;
		int64_t from, first, second;
	} cases[] = {
		{ "Europe/Berlin", 1767225600, 1774746000, 1792890000 },	/* 2026 */
		{ "Europe/Berlin", 2366841600, 2374102800, 2392851600 },	/* 2045: the rule */
		{ "Australia/Sydney", 1767225600, 1775318400, 1791043200 },
		{ "Australia/Sydney", 2556144000, 2563977600, 2579702400 },	/* 2051 */
		{ "America/New_York", 4083955200, 4097196000, 4108690800 },	/* 2099-2100 */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sla_tz *tz = zone(cases[i].zone);
		int64_t first = sla_tz_next_change(tz, cases[i].from);
		assert_int_equal(first, cases[i].first);
		assert_int_equal(sla_tz_next_change(tz, first - 1), first);
		assert_int_equal(sla_tz_next_change(tz, first), cases[i].second);
		sla_tz_free(tz);
	}
	sla_tz *utc = zone("UTC"), *cn = zone("Asia/Shanghai"), *fixed = zone("+05:30");
	assert_int_equal(sla_tz_next_change(utc, 0), INT64_MAX);
	assert_int_equal(sla_tz_next_change(cn, 1767225600), INT64_MAX);
	assert_int_equal(sla_tz_next_change(fixed, 0), INT64_MAX);
	sla_tz_free(utc);
	sla_tz_free(cn);
	sla_tz_free(fixed);
}

/* ---- the brute-force reference ------------------------------------------------- */

/* splitmix64: the same cases on every machine. */
static uint64_t
next_random(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int64_t
pick(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(next_random(s) % (uint64_t)(hi - lo + 1));
}

enum { MAX_IV = 3, MAX_EXC = 40 };

/* A random calendar as plain data, read by the reference walk alone. */
struct spec {
	int n[7];
	int32_t open[7][MAX_IV], close[7][MAX_IV]; /* close may pass 86400 */
	int nexc;
	int64_t exc_day[MAX_EXC];
	bool exc_holiday[MAX_EXC];
};

/* A random time of day on a quarter hour, in [lo, hi]. */
static int32_t
quarter(uint64_t *s, int lo, int hi)
{
	return (int32_t)pick(s, lo, hi) * 900;
}

static void
random_hours(uint64_t *s, struct spec *sp, int wd)
{
	sp->n[wd] = (int)pick(s, 0, MAX_IV);
	for (int i = 0; i < sp->n[wd]; i++) {
		int32_t open = quarter(s, 0, 95), close;
		switch (pick(s, 0, 5)) {
		case 0: /* to 24:00 */
			close = SLA_DAY;
			break;
		case 1: /* across midnight */
			close = open + quarter(s, 1, 95);
			break;
		default:
			close = open + quarter(s, 1, 40);
			if (close > SLA_DAY)
				close = SLA_DAY;
		}
		if (close == open)
			close = open + 900;
		sp->open[wd][i] = open;
		sp->close[wd][i] = close;
	}
}

static const char *const zones[] = { "Asia/Shanghai", "UTC", "Europe/Berlin", "America/New_York",
				     "Australia/Sydney" };

static sla_calendar *
make_calendar(const struct spec *sp, const sla_tz *tz)
{
	sla_calendar *c = sla_calendar_new("random", tz);
	assert_non_null(c);
	for (unsigned wd = 0; wd < 7; wd++) {
		for (int i = 0; i < sp->n[wd]; i++) {
			int32_t close = sp->close[wd][i] > SLA_DAY ? sp->close[wd][i] - SLA_DAY
								  : sp->close[wd][i];
			assert_int_equal(sla_calendar_add_hours(c, wd, sp->open[wd][i], close), 0);
		}
	}
	for (int i = 0; i < sp->nexc; i++)
		assert_int_equal(sla_calendar_add_date(c, sp->exc_day[i],
						       sp->exc_holiday[i] ? SLA_DAY_HOLIDAY
									  : SLA_DAY_WORKDAY,
						       NULL), 0);
	return c;
}

/* The weekday whose hours DAY has, per the rules, or -1 for none. */
static int
ref_hours_of(const struct spec *sp, int64_t day)
{
	int wd = (int)sla_weekday(day);
	for (int i = 0; i < sp->nexc; i++) {
		if (sp->exc_day[i] != day)
			continue;
		if (sp->exc_holiday[i])
			return -1;
		for (int t = 0; t < 7; t++)
			if (sp->n[t])
				return t;
		return -1;
	}
	return wd;
}

static bool
in_hours(const struct spec *sp, int wd, int64_t secs)
{
	for (int i = 0; wd >= 0 && i < sp->n[wd]; i++)
		if (secs >= sp->open[wd][i] && secs < sp->close[wd][i])
			return true;
	return false;
}

/* Business seconds before each minute of the window [W0, W0 + 60 × N):
 * ref[i] for [W0, W0 + 60 i), walking minute by minute. */
static int64_t *
reference_walk(const struct spec *sp, const sla_tz *tz, int64_t w0, size_t n)
{
	int64_t *ref = malloc((n + 1) * sizeof *ref);
	assert_non_null(ref);
	int64_t cached = INT64_MIN;
	int today = -1, yesterday = -1;
	ref[0] = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t t = w0 + (int64_t)i * MIN;
		int64_t x = t + sla_tz_offset(tz, t);
		int64_t day = sla_floor_div(x, SLA_DAY), secs = x - day * SLA_DAY;
		if (day != cached) {
			today = ref_hours_of(sp, day);
			yesterday = ref_hours_of(sp, day - 1);
			cached = day;
		}
		bool on = in_hours(sp, today, secs) || in_hours(sp, yesterday, secs + SLA_DAY);
		ref[i + 1] = ref[i] + (on ? MIN : 0);
	}
	return ref;
}

/* The due instant per the reference: the first minute whose end reaches G. */
static int64_t
reference_due(const int64_t *ref, size_t n, int64_t w0, size_t from, int64_t g)
{
	size_t lo = from, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ref[mid] >= g)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (ref[lo] == g)
		return w0 + (int64_t)lo * MIN;
	return w0 + (int64_t)(lo - 1) * MIN + (g - ref[lo - 1]);
}

static void
random_spec(uint64_t *rs, struct spec *sp, int64_t first_day, int64_t ndays)
{
	memset(sp, 0, sizeof *sp);
	for (int wd = 0; wd < 7; wd++)
		random_hours(rs, sp, wd);
	int want = (int)pick(rs, 0, ndays > 30 ? MAX_EXC : 6);
	for (int i = 0; i < want; i++) {
		int64_t day = pick(rs, first_day - 1, first_day + ndays);
		bool dup = false;
		for (int j = 0; j < sp->nexc; j++)
			dup |= sp->exc_day[j] == day;
		if (dup)
			continue;
		sp->exc_day[sp->nexc] = day;
		/* make-up days mostly on weekends, as in real calendars */
		sp->exc_holiday[sp->nexc] = sla_weekday(day) < 5 ? pick(rs, 0, 3) > 0 : pick(rs, 0, 3) == 0;
		sp->nexc++;
	}
}

/* The latest close of weekday WD's hours (0 without hours). */
static int32_t
ref_last_close(const struct spec *sp, int wd)
{
	int32_t close = 0;
	for (int i = 0; wd >= 0 && i < sp->n[wd]; i++)
		if (sp->close[wd][i] > close)
			close = sp->close[wd][i];
	return close;
}

/* The day that local reading X belongs to: the day before when it is in
 * one of that day's intervals across midnight. */
static int64_t
ref_owning_day(const struct spec *sp, int64_t x, int64_t *tod)
{
	int64_t day = sla_floor_div(x, SLA_DAY);
	if (in_hours(sp, ref_hours_of(sp, day - 1), x - (day - 1) * SLA_DAY))
		day--;
	*tod = x - day * SLA_DAY;
	return day;
}

/* The Nth working day after DAY, walking day by day. */
static int64_t
ref_nth_working_day(const struct spec *sp, int64_t day, int64_t n)
{
	while (n > 0) {
		int wd = ref_hours_of(sp, ++day);
		if (wd >= 0 && sp->n[wd] > 0)
			n--;
	}
	return day;
}

/* The later instant whose reading in TZ is X, found by trying the offsets
 * in force a day either side; false when none reads X (a gap). */
static bool
ref_later_instant(const sla_tz *tz, int64_t x, int64_t *t)
{
	bool found = false;
	for (int side = -1; side <= 1; side += 2) {
		int64_t u = x - sla_tz_offset(tz, x + side * SLA_DAY);
		if (u + sla_tz_offset(tz, u) == x && (!found || u > *t)) {
			*t = u;
			found = true;
		}
	}
	return found;
}

/* Nwd@close and Nwd@time from A against a walk over the days (an
 * Nwd@close whose close the clocks skip is left out). */
static void
check_working_days(uint64_t *rs, const struct spec *sp, sla_calendar *c, const sla_tz *tz, int64_t a)
{
	bool hours = false;
	for (int wd = 0; wd < 7; wd++)
		hours |= sp->n[wd] > 0;
	int64_t n = pick(rs, 1, 5), tod, want;
	if (!hours) {
		assert_int_equal(sla_calendar_wd_at_close(c, a, n), SLA_NO_INSTANT);
		assert_int_equal(sla_calendar_wd_at_time(c, a, n), SLA_NO_INSTANT);
		return;
	}
	int64_t day = ref_owning_day(sp, a + sla_tz_offset(tz, a), &tod);
	day = ref_nth_working_day(sp, day, n);
	int64_t close = day * SLA_DAY + ref_last_close(sp, ref_hours_of(sp, day));
	if (ref_later_instant(tz, close, &want) && sla_calendar_wd_at_close(c, a, n) != want)
		fail_msg("%s: %lldwd@close from %lld = %lld, reference %lld", sla_tz_name(tz),
			 (long long)n, (long long)a, (long long)sla_calendar_wd_at_close(c, a, n),
			 (long long)want);
	int64_t open = sla_due(c, a, 1) - 1; /* checked against the walk already */
	day = ref_owning_day(sp, open + sla_tz_offset(tz, open), &tod);
	day = ref_nth_working_day(sp, day, n);
	/* a reading in a gap moves on by the gap: read with the offset before it */
	int64_t reading = day * SLA_DAY + tod;
	if (sla_tz_to_utc(tz, reading, &want) != SLA_TZ_OK)
		want = reading - sla_tz_offset(tz, reading - SLA_DAY);
	if (sla_calendar_wd_at_time(c, a, n) != want)
		fail_msg("%s: %lldwd@time from %lld = %lld, reference %lld", sla_tz_name(tz),
			 (long long)n, (long long)a, (long long)sla_calendar_wd_at_time(c, a, n),
			 (long long)want);
}

/* One random calendar checked against the walk over a window of NDAYS
 * that starts in YEAR or the next, a few days before a DST change of its
 * zone when it has one. */
static void
cross_check_one(uint64_t *rs, const sla_tz *tz, int64_t year, int64_t ndays, int queries)
{
	int64_t start = pick(rs, sla_days_from_civil(year, 1, 1), sla_days_from_civil(year + 2, 1, 1)) * SLA_DAY;
	int64_t change = sla_tz_next_change(tz, start);
	if (change != INT64_MAX && change - start < 400 * SLA_DAY)
		start = change - pick(rs, 0, 3 * SLA_DAY / MIN) * MIN;
	struct spec sp;
	random_spec(rs, &sp, sla_floor_div(start, SLA_DAY), ndays);
	sla_calendar *c = make_calendar(&sp, tz);
	size_t n = (size_t)(ndays * SLA_DAY / MIN);
	int64_t *ref = reference_walk(&sp, tz, start, n);

	for (int q = 0; q < queries; q++) {
		size_t i = (size_t)pick(rs, 0, (int64_t)n), j = (size_t)pick(rs, (int64_t)i, (int64_t)n);
		int64_t a = start + (int64_t)i * MIN, b = start + (int64_t)j * MIN;
		int64_t got = sla_business(c, a, b);
		if (got != ref[j] - ref[i])
			fail_msg("%s: business(%lld, %lld) = %lld, reference %lld", sla_tz_name(tz),
				 (long long)a, (long long)b, (long long)got, (long long)(ref[j] - ref[i]));
		int64_t left = ref[n] - ref[i];
		int64_t target = left ? pick(rs, 0, left) : 0;
		if (q % 3 == 0)
			target -= target % MIN;
		int64_t want = target ? reference_due(ref, n, start, i, ref[i] + target) : a;
		got = sla_due(c, a, target);
		if (got != want)
			fail_msg("%s: due(%lld, %lld) = %lld, reference %lld", sla_tz_name(tz),
				 (long long)a, (long long)target, (long long)got, (long long)want);
		if (q % 4 == 0)
			check_working_days(rs, &sp, c, tz, a);
	}
	free(ref);
	sla_calendar_free(c);
}

static void
fast_path_matches_the_minute_walk(void **state)
{
	(void)state;
	uint64_t rs = 20260301;
	sla_tz *tz[5];
	for (int z = 0; z < 5; z++)
		tz[z] = zone(zones[z]);
	for (int k = 0; k < 3000; k++) {
		bool two_years = k % 50 == 0;
		/* one in ten after 2037, where the zones' POSIX rules take over */
		int64_t year = k % 10 == 9 ? 2045 : 2025;
		cross_check_one(&rs, tz[k % 5], year, two_years ? 730 : pick(&rs, 2, 16),
				two_years ? 400 : 40);
	}
	for (int z = 0; z < 5; z++)
		sla_tz_free(tz[z]);
}

/* A calendar keeps what it derived for each date it was asked about
 * (direct-mapped by day) and its last F(t).  Asked in a scrambled order
 * over dates that share a slot (512 days apart), midnights, a DST change,
 * holiday edges and a year's end, a used calendar answers as a fresh one,
 * and again after a date is added to it. */
static sla_calendar *
office_ny(const sla_tz *tz, bool with_new_holiday)
{
	sla_calendar *c = office(tz, "09:00-12:00, 13:00-18:00, 22:00-02:00");
	assert_int_equal(sla_calendar_add_date(c, sla_days_from_civil(2026, 12, 31), SLA_DAY_HOLIDAY,
					       NULL), 0);
	assert_int_equal(sla_calendar_add_date(c, sla_days_from_civil(2027, 1, 1), SLA_DAY_HOLIDAY,
					       NULL), 0);
	assert_int_equal(sla_calendar_add_date(c, sla_days_from_civil(2027, 1, 2), SLA_DAY_WORKDAY,
					       NULL), 0);
	if (with_new_holiday)
		assert_int_equal(sla_calendar_add_date(c, sla_days_from_civil(2026, 3, 9),
						       SLA_DAY_HOLIDAY, NULL), 0);
	return c;
}

static void
kept_dates_answer_as_a_fresh_calendar(void **state)
{
	(void)state;
	sla_tz *tz = zone("America/New_York");
	static const char *const when[] = {
		"2026-03-08T00:00:00", "2026-03-08T03:00:00", "2026-03-09T00:00:00",
		"2026-03-09T09:00:00", "2026-03-10T01:30:00", "2027-08-02T00:00:00",
		"2027-08-03T10:00:00", "2027-08-03T23:59:59", "2026-12-30T18:00:00",
		"2026-12-31T00:00:00", "2027-01-01T00:00:00", "2027-01-02T09:00:00",
		"2027-01-03T00:00:00", "2027-01-04T01:00:00", "2025-10-14T12:00:00",
	};
	enum { N = sizeof when / sizeof *when };
	sla_calendar *used = office_ny(tz, false);
	for (int round = 0; round < 2; round++) {
		if (round == 1)	/* a change drops what was kept */
			assert_int_equal(sla_calendar_add_date(used, sla_days_from_civil(2026, 3, 9),
							       SLA_DAY_HOLIDAY, NULL), 0);
		for (size_t i = 0; i < N; i++) {
			for (size_t j = 0; j < N; j++) {
				/* scrambled: each slot is filled and refilled */
				int64_t a = at(tz, when[(i * 7 + j) % N]), b = at(tz, when[(j * 11 + i) % N]);
				if (a > b) {
					int64_t t = a;
					a = b;
					b = t;
				}
				sla_calendar *fresh = office_ny(tz, round == 1);
				assert_int_equal(sla_business(used, a, b), sla_business(fresh, a, b));
				sla_calendar_free(fresh);
				fresh = office_ny(tz, round == 1);
				int64_t target = (int64_t)(j * 3 + 1) * 3600 + (int64_t)i * 61;
				assert_int_equal(sla_due(used, a, target), sla_due(fresh, a, target));
				sla_calendar_free(fresh);
			}
		}
	}
	sla_calendar_free(used);
	sla_tz_free(tz);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hours_are_parsed_and_checked),
		cmocka_unit_test(closing_at_24_00),
		cmocka_unit_test(interval_across_midnight),
		cmocka_unit_test(starts_and_ends_at_the_edges),
		cmocka_unit_test(spring_festival_2026),
		cmocka_unit_test(makeup_saturday_gets_the_workday_hours),
		cmocka_unit_test(dst_days_have_23_and_25_hours),
		cmocka_unit_test(working_days_at_time_and_close),
		cmocka_unit_test(dates_from_lists_files_and_sets),
		cmocka_unit_test(due_times_before_1970),
		cmocka_unit_test(out_of_range_and_no_hours),
		cmocka_unit_test(zone_changes_are_found),
		cmocka_unit_test(fast_path_matches_the_minute_walk),
		cmocka_unit_test(a_change_of_the_calendar_drops_what_it_kept),
		cmocka_unit_test(kept_dates_answer_as_a_fresh_calendar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
