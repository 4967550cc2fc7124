/* calendar_int.h: private to lib/time/calendar*.c that hold a calendar's
 * state: calendar_schedule.c (the object, its weekly hours, dated
 * exceptions and covered years) and calendar.c (the arithmetic over them,
 * and what it derives).  calendar_hours.c and calendar_dates.c read text
 * through sla_calendar.h alone.  Not for the tools. */
#ifndef SLA_CALENDAR_INT_H
#define SLA_CALENDAR_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sla_calendar.h"

enum {
	MAX_SPANS = SLA_CALENDAR_MAX_INTERVALS,
	WEEK = 7,
	MONDAY_REF = -3,	/* day number of Monday 1969-12-29 */
	YEAR_FIRST = 1,		/* instants are taken from 0001 to 9999 */
	YEAR_LAST = 9999,
};

/* The intervals of one day as written in the schedule. */
struct hours {
	unsigned n;
	sla_span s[MAX_SPANS];
};

/* One date's business time on its own wall-clock day: its own intervals
 * and the previous day's that cross midnight, cut at 24:00 and merged. */
struct dayset {
	unsigned n;
	sla_span s[2 * MAX_SPANS];
};

struct exception {
	int64_t day;
	enum sla_day_kind kind;
	char *name;
};

/* The two per-day quantities kept as prefix sums: business seconds on the
 * wall-clock axis, and working days (dates with hours of their own). */
enum { Q_SECS, Q_WORK, Q_N };

/* A day that differs from the weekly pattern, with the sums of the
 * differences of the irregular days before it. */
struct irregular {
	int64_t cum[Q_N];
	int64_t val[Q_N];
	struct dayset set;
};

/* M at the start of local date DAY, and that date's business time
 * (calendar.c's local_measure; dropped with the tables). */
struct day_memo {
	int64_t day;
	int64_t base;
	const struct dayset *set;
};

/* Direct-mapped by day: a stream's times fall on a few hundred dates. */
enum { DAY_MEMO = 512 };

/* From AT on, the zone's offset is OFF and the correction C is CC. */
struct change {
	int64_t at;
	int64_t cc;
	int32_t off;
};

struct sla_calendar {
	char *name;
	const sla_tz *tz;
	bool all_hours;		/* 24x7 without dated exceptions: F(t) = t */
	bool is_24x7;
	int64_t day_length;	/* 0: the template day's */
	int makeup_named;	/* the weekday named for make-up days; -1: none */
	struct hours week[WEEK];
	struct exception *exc;	/* sorted by day, no day twice */
	size_t nexc, exc_cap;

	/* Derived from the above when a query first needs them. */
	bool built;
	int makeup_wd;		/* the weekday a make-up day is worked as; -1: none */
	struct dayset regular[WEEK];
	int64_t reg_val[Q_N][WEEK];
	int64_t week_pre[Q_N][WEEK + 1];
	int64_t *irr_day;	/* room for 2 × nexc: each exception and the day after */
	int64_t (*irr_end)[Q_N]; /* the sums up to and including each irregular day */
	struct irregular *irr;
	size_t nirr, irr_day_cap, irr_end_cap, irr_cap;	/* the capacities of the three */
	int64_t cum_end[Q_N];

	struct change *chg;	/* offset changes in [chg_lo, chg_hi) */
	size_t nchg, chg_cap;
	int64_t chg_lo, chg_hi;
	int64_t year_lo, year_hi;
	bool memo_set;		/* F(memo_t) is memo_f (calendar.c's measure_at; dropped with the table) */
	int64_t memo_t, memo_f;
	struct day_memo day_memo[DAY_MEMO];	/* day INT64_MIN: empty */

	/* The date sets and the years they cover, with what the queries
	 * touched outside them (see "covered years" below). */
	sla_cover *covers;
	size_t ncovers, covers_cap;
	uint64_t uncovered;
};

/* The index of the first of the N ascending int64_t values at BASE +
 * OFFSET, STRIDE bytes apart, that is KEY or more; N when none is: the
 * one search over the exceptions, the irregular days and their running
 * sums.  Inline: the queries ask it on every call. */
static inline size_t
sla_cal_lower_bound(const void *base, size_t offset, size_t stride, size_t n, int64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t v;
		memcpy(&v, (const char *)base + offset + mid * stride, sizeof v);
		if (v < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- calendar_schedule.c, for the arithmetic ------------------------------- */

/* The dated exception of DAY, or NULL. */
const struct exception *sla_cal_exc_find(const sla_calendar *c, int64_t day);
/* Sort and merge the N spans of S (touching spans become one); returns
 * how many are left. */
unsigned sla_cal_merge_spans(sla_span *s, unsigned n);
/* The seconds the N spans of S hold together (they do not overlap). */
int64_t sla_cal_spans_length(const sla_span *s, unsigned n);
/* Note that a query touched the local dates [LO, HI], for the covered
 * years of the date sets (calendar.c first rules out, inline, the
 * instants well inside them: the common case costs no call). */
void sla_cal_touch_days(sla_calendar *c, int64_t lo, int64_t hi);

#endif
