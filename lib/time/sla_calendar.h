/* sla_calendar.h: business calendars, business time and due times
 * (DESIGN §4).
 *
 * A calendar is a weekly schedule of [open, close) wall-clock intervals per
 * weekday, in one time zone, plus dated exceptions: holidays (no business
 * time) and make-up workdays (a weekend date that gets the workday hours).
 * business() and due() cost a few binary searches whatever the span: the
 * per-day business seconds are a weekly pattern plus prefix sums over the
 * dated exceptions, and the zone's offset changes sit in a table built
 * lazily for the years the queries touch.  Both are derived on the first
 * query after a change, which is why the queries take a non-const
 * calendar.
 *
 * calendar_schedule.c owns the calendar and what defines it, calendar.c
 * the arithmetic (business, due, working days); calendar_hours.c reads
 * the text of the weekly hours into it (sla_calendar_parse_hours), and
 * calendar_dates.c the date sets and their files.  Printing a
 * calendar's answers is sla-time's (sla_calquery.h). */
#ifndef SLA_CALENDAR_H
#define SLA_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_tz.h"

typedef struct sla_calendar sla_calendar;

/* A dated exception; SLA_DAY_REGULAR is only reported (by
 * sla_calendar_day) for a date that is none. */
enum sla_day_kind { SLA_DAY_HOLIDAY, SLA_DAY_WORKDAY, SLA_DAY_REGULAR };

/* The most intervals one weekday may have. */
#define SLA_CALENDAR_MAX_INTERVALS 16

/* A calendar named NAME in zone TZ (borrowed: it must outlive the
 * calendar), with no hours yet.  NULL when out of memory. */
sla_calendar *sla_calendar_new(const char *name, const sla_tz *tz);
/* The built-in "24x7": every instant is business time. */
sla_calendar *sla_calendar_new_24x7(const sla_tz *tz);
void sla_calendar_free(sla_calendar *c);
const char *sla_calendar_name(const sla_calendar *c);
const sla_tz *sla_calendar_tz(const sla_calendar *c);

/* Weekday WD (0 Monday ... 6 Sunday) opens at OPEN and closes at CLOSE,
 * seconds after local midnight; CLOSE 86400 is 24:00; CLOSE < OPEN crosses
 * midnight and the interval belongs to the day it opens.  Intervals that
 * overlap count once.  Returns 0, or -1 for an empty interval (OPEN ==
 * CLOSE), values out of range or more than SLA_CALENDAR_MAX_INTERVALS. */
int sla_calendar_add_hours(sla_calendar *c, unsigned wd, int32_t open, int32_t close);

/* An interval [open, close) in seconds after a day's local midnight, as
 * the calendar keeps it: CLOSE > OPEN, and past 86400 when the interval
 * crosses midnight (22:00-06:00 is 79200, 108000). */
typedef struct sla_span {
	int32_t open, close;
} sla_span;

/* Weekday WD's hours become the N spans S (N 0: closed), replacing what
 * it had.  Returns 0, or -1 for a span out of range or N above
 * SLA_CALENDAR_MAX_INTERVALS.  The numeric form of parse_hours below. */
int sla_calendar_set_hours(sla_calendar *c, unsigned wd, const sla_span *s, unsigned n);

/* Make-up workdays are worked as weekday WD (0 Monday ... 6 Sunday);
 * -1 when WD is not one.  The numeric form of set_makeup_weekday below. */
int sla_calendar_set_makeup_wd(sla_calendar *c, unsigned wd);

/* Set the hours of the weekdays of DAYS ("mon-fri", "sat", "mon,wed",
 * "fri-mon") to HOURS: "09:00-12:00, 13:00-18:00" (HH:MM or HH:MM:SS,
 * 24:00 closes, "closed" or "" is no hours).  A later call for a weekday
 * REPLACES its hours, so "mon-fri = 09:00-18:00" then "fri = 09:00-16:00"
 * gives a short Friday.  Returns 0, or -1 with the reason (quoting the
 * text) in ERR. */
int sla_calendar_parse_hours(sla_calendar *c, const char *days, const char *hours,
			     char *err, size_t errlen);

/* A dated exception: day number DAY (days since 1970-01-01, local date) is
 * a holiday or a make-up workday; NAME (copied; may be NULL) is shown by
 * sla-time days.  A holiday has no hours.  A make-up workday is worked as
 * the weekday it stands in for, with that weekday's hours whatever its own
 * weekday has (DESIGN §4: a half-day Saturday becomes a full workday): the
 * weekday named by sla_calendar_set_makeup_weekday, else Monday, or the
 * first weekday after Monday that has hours.  Adding a date twice with the
 * same kind is harmless; -1 when it already has the other kind (or out of
 * memory). */
int sla_calendar_add_date(sla_calendar *c, int64_t day, enum sla_day_kind kind, const char *name);

/* Make-up workdays are worked as weekday DAY ("mon", "friday", any case;
 * the policy's "workdays = SET as DAY").  Returns 0, or -1 with the reason
 * (quoting DAY) in ERR. */
int sla_calendar_set_makeup_weekday(sla_calendar *c, const char *day, char *err, size_t errlen);

/* The weekday (0 Monday ... 6 Sunday) make-up workdays are worked as, or
 * -1 when that weekday has no hours (none has, or the one named has none);
 * *NAMED tells whether it was named. */
int sla_calendar_makeup_weekday(const sla_calendar *c, bool *named);

/* For lint: true when C has make-up workdays, no weekday is named for them,
 * and the weekdays Monday to Friday that have hours do not all have the
 * same; *WD is then the weekday they are worked as. */
bool sla_calendar_makeup_ambiguous(const sla_calendar *c, unsigned *wd);

/* The lower-case English name of weekday WD (0 "monday" ... 6 "sunday"). */
const char *sla_weekday_name(unsigned wd);

/* Add dates of KIND from SPEC: a list of dates and ranges
 * "2026-01-01, 2026-10-01..2026-10-08"; the name of a bundled set ("cn",
 * compiled in, else <datadir>/calendars/NAME.tsv); or a file of
 * "date<TAB>kind<TAB>name" lines (only rows of KIND are taken; a header
 * line "date...", blank lines and # comments are skipped).  Returns 0, or
 * -1 with the reason in ERR ("file:line: what \"value\"" for a file). */
int sla_calendar_load_dates(sla_calendar *c, enum sla_day_kind kind, const char *spec,
			    char *err, size_t errlen);
/* The same, looking a set NAME up in DIR/NAME.tsv first (DIR may be NULL:
 * sla-check --calendars, else SLA_CALENDARS), then in
 * <datadir>/calendars/NAME.tsv (the installed copy), then the copy
 * compiled in.  A file's "# covers: FIRST-LAST" line (or its dates' years)
 * is recorded with sla_calendar_add_cover. */
int sla_calendar_load_dates_from(sla_calendar *c, enum sla_day_kind kind, const char *spec,
				 const char *dir, char *err, size_t errlen);

/* The first and last years that the date sets cover (the union of their
 * covered years, below), else those of the dated exceptions (for lint);
 * false when there are none. */
bool sla_calendar_date_years(const sla_calendar *c, int64_t *first, int64_t *last);

/* ---- covered years --------------------------------------------------------
 *
 * A date set loaded from a file or a bundled set states the years it
 * covers (a "# covers: 2019-2026" line; without one, the years its dates
 * span).  Outside them a date is not known to be a holiday or a workday:
 * every query (business, due, wd_at_*, day) notes the local dates it
 * touched outside, and the tools say so once per run
 * (sla_calendar_cover_warning).  Inline dates in a policy cover nothing
 * and ask for nothing. */

#define SLA_NO_DAY INT64_MIN

typedef struct sla_cover {
	const char *set;	/* "cn", or the file's name as given */
	int64_t first, last;	/* the years covered */
	/* Touched so far: the latest day before FIRST, the earliest after
	 * LAST, or SLA_NO_DAY. */
	int64_t before, after;
	int64_t safe_lo, safe_hi;	/* instants surely inside: no look-up */
} sla_cover;

/* Record that the date set SET covers the years FIRST..LAST.  The same set
 * again (holidays = cn, workdays = cn) is harmless; -1 when it comes with
 * other years, for years out of range, or out of memory. */
int sla_calendar_add_cover(sla_calendar *c, const char *set, int64_t first, int64_t last);
/* The date sets of C (owned by C), in the order they were loaded. */
size_t sla_calendar_covers(const sla_calendar *c, const sla_cover **v);
/* How many queries so far touched a date outside a set's years: a caller
 * compares the count before and after a computation. */
uint64_t sla_calendar_uncovered(const sla_calendar *c);

/* The warnings about C's date sets, for the end of a run: for the Nth one
 * (N from 0), the text into BUF (size LEN) -- 'calendar "5x8":
 * 2027-01-01 is outside the years its holiday data "cn" covers
 * (2019-2026); holidays after 2026 are not known'.  Returns false when
 * there is no Nth warning.  At most two a set: before and after. */
bool sla_calendar_cover_warning(const sla_calendar *c, size_t n, char *buf, size_t len);
/* The note of a computation over the instants [A, B] (a row of sla-check):
 * the warning's text for the first set and side they reach outside of,
 * without the date, so that many rows share it -- 'calendar "5x8": dates
 * outside the years ...'.  Into BUF; returns its length, 0 when [A, B]
 * stays inside every set's years.  Reads no state. */
size_t sla_calendar_cover_note_span(const sla_calendar *c, int64_t a, int64_t b, char *buf,
				    size_t len);

/* The length of one working day ("wd"): set by the policy's day =, else
 * the business seconds of an ordinary Monday. */
void sla_calendar_set_day_length(sla_calendar *c, int64_t secs);
int64_t sla_calendar_day_length(const sla_calendar *c);
bool sla_calendar_is_24x7(const sla_calendar *c);

/* Instants are taken from 0001-01-01 to 9999-12-31 (and a day either
 * side, for wall-clock times of those years in any zone); the queries
 * below return -1 (sla_business) or SLA_NO_INSTANT (the others) for one
 * outside, and when out of memory. */

/* The answer of a query that has no instant.  Not -1: instants before 1970
 * are negative, and -1 is 1969-12-31T23:59:59Z. */
#define SLA_NO_INSTANT INT64_MIN

/* Business seconds in [a, b); a > b is the caller's error and returns -1. */
int64_t sla_business(sla_calendar *c, int64_t a, int64_t b);

/* The earliest instant d with sla_business(c, s, d) >= target; due(s, 0) is
 * s.  A target used up exactly at closing time is due at closing time.
 * SLA_NO_INSTANT for a negative target, or when the target is never reached (a
 * calendar without hours) before the year 10000. */
int64_t sla_due(sla_calendar *c, int64_t s, int64_t target);

/* "N working days" in the two calendar senses (DESIGN §4); N >= 1.
 * A working day is a date with hours of its own; an instant in an interval
 * that crossed midnight belongs to the day the interval opened.
 * wd_at_time: the same wall-clock time N working days after the working
 * day of S; a start outside hours counts from the next opening.
 * wd_at_close: the close of the Nth working day after the start's day.
 * An Nwd@time reading in a DST gap moves on by the gap (02:30 in a one-hour
 * gap is 03:30); one that occurs twice is the earlier instant.  An
 * Nwd@close whose closing reading occurs twice is the later instant (the
 * end of the day's business time); one skipped, the moment the clocks
 * jump.  SLA_NO_INSTANT as for sla_due. */
int64_t sla_calendar_wd_at_time(sla_calendar *c, int64_t s, int64_t n);
int64_t sla_calendar_wd_at_close(sla_calendar *c, int64_t s, int64_t n);

/* Business seconds and dated exception of local date DAY, for sla-time days:
 * the real seconds of the intervals that open on DAY (a night shift counts
 * whole on the day it opens; where the previous day's night still runs,
 * it keeps that part).  KIND is SLA_DAY_REGULAR when the date is no
 * exception; NAME is the holiday's or make-up day's name, or NULL. */
int64_t sla_calendar_day(sla_calendar *c, int64_t day, enum sla_day_kind *kind,
			 const char **name);

/* The hours of local date DAY as its schedule has them, in the order they
 * were given: its weekday's, none on a holiday, the stand-in weekday's on
 * a make-up workday.  Into S (room for SLA_CALENDAR_MAX_INTERVALS);
 * returns how many (0: closed). */
unsigned sla_calendar_date_spans(sla_calendar *c, int64_t day, sla_span *s);

#endif
