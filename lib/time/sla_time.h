/* lib/time/: instants, zones, time forms, business calendars (lib/README). */
/* sla_time.h: instants, civil dates and RFC 3339 (DESIGN §3, §4).
 *
 * An instant is int64 seconds since 1970-01-01T00:00:00Z.  A wall-clock
 * reading ("local seconds") uses the same count as if the zone were UTC;
 * sla_tz turns one into the other. */
#ifndef SLA_TIME_H
#define SLA_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SLA_DAY 86400

/* Days since 1970-01-01 of the proleptic Gregorian date Y-M-D, and back
 * (Howard Hinnant's algorithms: exact for any int32 year). */
int64_t sla_days_from_civil(int64_t y, unsigned m, unsigned d);
void sla_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);
/* The date of day number DAY as YYYY-MM-DD into OUT, which has room for
 * SLA_DATE_MAX bytes; returns the length. */
#define SLA_DATE_MAX 24
size_t sla_date_format(int64_t day, char *out);
/* ISO weekday of a day number: 0 Monday ... 6 Sunday. */
unsigned sla_weekday(int64_t days);
/* Floor division for day numbers of negative instants. */
int64_t sla_floor_div(int64_t a, int64_t b);
bool sla_leap_year(int64_t y);
unsigned sla_days_in_month(int64_t y, unsigned m);

/* A time as written: with an offset it is an instant; without one it is a
 * wall-clock reading to be placed in a zone (sla_tz_resolve). */
typedef struct sla_stamp {
	int64_t secs;		/* instant if has_offset, else local seconds */
	int32_t offset;		/* seconds east of UTC, when has_offset */
	bool has_offset;
} sla_stamp;

/* Parse RFC 3339 as the streams write it, and the ISO 8601 forms close to
 * it: YYYY-MM-DD[T| ]HH:MM[:SS[.frac]][Z|±HH:MM|±HHMM|±HH].  A fraction is
 * dropped (the streams count whole seconds).  Years 0001-9999.
 * Returns 0, or -1 when the text is not such a time. */
int sla_rfc3339_parse(const char *p, size_t n, sla_stamp *out);

/* Longest text sla_rfc3339_format writes, with its NUL. */
#define SLA_RFC3339_MAX 32

/* Write instant UTC as seen at OFFSET: 2026-03-02T09:30:00+08:00.  An
 * offset with seconds (local mean time) is cut to whole minutes, so the
 * text always names the exact instant.  Returns the length. */
size_t sla_rfc3339_format(int64_t utc, int32_t offset, char *out);

/* The dates of the days written lately, for a caller that writes many
 * times of a few hundred days (sla-parse, six a ticket): the calendar
 * arithmetic of a date was half the cost of writing a time.  The caller
 * owns it (about 24 KiB); zeroed, it holds none.  Days SLA_RFC3339_DAYS
 * apart share a slot. */
#define SLA_RFC3339_DAYS 1024
typedef struct sla_rfc3339_days {
	struct sla_rfc3339_day {
		int64_t day;	/* days since 1970-01-01, local */
		char date[10];	/* "2026-03-02" */
		bool set;
	} slot[SLA_RFC3339_DAYS];
} sla_rfc3339_days;

/* sla_rfc3339_format, the date taken from MEMO when it holds the day
 * (and kept there when not): the same text. */
size_t sla_rfc3339_format_memo(int64_t utc, int32_t offset, sla_rfc3339_days *memo, char *out);

#endif
