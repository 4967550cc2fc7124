/* sla_calendar.h: business calendars, business time and due times
 * (DESIGN §4).
 *
 * A calendar is a weekly schedule of [open, close) wall-clock intervals per
 * weekday, in one time zone, plus dated exceptions: holidays (no business
 * time) and make-up workdays (a weekend date that gets the workday hours).
 * business() and due() cost O(log days) whatever the span: per-day business
 * seconds are kept with prefix sums, built lazily for the years touched,
 * which is why the query functions take a non-const calendar. */
#ifndef SLA_CALENDAR_H
#define SLA_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_tz.h"

typedef struct sla_calendar sla_calendar;

enum sla_day_kind { SLA_DAY_HOLIDAY, SLA_DAY_WORKDAY };

/* A calendar named NAME in zone TZ (borrowed: it must outlive the
 * calendar), with no hours yet.  NULL when out of memory. */
sla_calendar *sla_calendar_new(const char *name, const sla_tz *tz);
/* The built-in "24x7": every instant is business time. */
sla_calendar *sla_calendar_new_24x7(const sla_tz *tz);
void sla_calendar_free(sla_calendar *c);
const char *sla_calendar_name(const sla_calendar *c);

/* Weekday WD (0 Monday ... 6 Sunday) opens at OPEN and closes at CLOSE,
 * seconds after local midnight; CLOSE 86400 is 24:00; CLOSE < OPEN crosses
 * midnight and the interval belongs to the day it opens.  Returns 0, or -1
 * for an empty interval (OPEN == CLOSE) or values out of range. */
int sla_calendar_add_hours(sla_calendar *c, unsigned wd, int32_t open, int32_t close);

/* Parse and add a list of hours for the weekdays of DAYS ("mon-fri",
 * "sat", "mon,wed"): "09:00-12:00, 13:00-18:00".  Returns 0, or -1 with
 * the reason in ERR. */
int sla_calendar_parse_hours(sla_calendar *c, const char *days, const char *hours,
			     char *err, size_t errlen);

/* A dated exception: day number DAY (days since 1970-01-01, local date) is
 * a holiday or a make-up workday; NAME (copied; may be NULL) is shown by
 * sla-time days. */
int sla_calendar_add_date(sla_calendar *c, int64_t day, enum sla_day_kind kind, const char *name);

/* Add dates of KIND from SPEC: the name of a bundled set ("cn"), a file of
 * "date<TAB>kind<TAB>name" lines (only rows of KIND are taken), or a list of
 * dates "2026-01-01, 2026-10-01".  Returns 0, or -1 with the reason in ERR. */
int sla_calendar_load_dates(sla_calendar *c, enum sla_day_kind kind, const char *spec,
			    char *err, size_t errlen);

/* The first and last years that dated exceptions cover (for lint), or
 * false when there are none. */
bool sla_calendar_date_years(const sla_calendar *c, int64_t *first, int64_t *last);

/* The length of one working day ("wd"): set by the policy's day =, else
 * the business seconds of an ordinary Monday. */
void sla_calendar_set_day_length(sla_calendar *c, int64_t secs);
int64_t sla_calendar_day_length(const sla_calendar *c);
bool sla_calendar_is_24x7(const sla_calendar *c);

/* Business seconds in [a, b); a > b is the caller's error and returns -1. */
int64_t sla_business(sla_calendar *c, int64_t a, int64_t b);

/* The earliest instant d with sla_business(c, s, d) >= target; due(s, 0) is
 * s.  A target used up exactly at closing time is due at closing time. */
int64_t sla_due(sla_calendar *c, int64_t s, int64_t target);

/* Business seconds and dated exception of local date DAY, for sla-time days:
 * NAME is the holiday's or make-up day's name, or NULL. */
int64_t sla_calendar_day(sla_calendar *c, int64_t day, enum sla_day_kind *kind,
			 const char **name);

#endif
