/* report_period.c: the report's periods (sla_report.h): their names
 * (--period, a statement's period), their labels (2026-W10, 2026-Q1), and
 * the period that holds an instant of the stream, read in the report's
 * zone (report_int.h).  A period is the day number of its first day.
 *
 * Not here: which period a row counts in (report_rows.c), the calendar
 * arithmetic itself (sla_time.h, sla_tz.h). */
#include <stdio.h>
#include <string.h>

#include "report_int.h"
#include "sla_stream_fields.h"
#include "sla_time.h"
#include "sla_scan.h"

static const char *const names[] = { "day", "week", "month", "quarter", "year" };

const char *
sla_period_name(sla_period_kind kind)
{
	return names[kind];
}

int
sla_period_parse(const char *name, sla_period_kind *kind)
{
	int i = sla_name_index(name, names, sizeof names / sizeof names[0]);
	if (i >= 0)
		*kind = (sla_period_kind)i;
	return i < 0 ? -1 : 0;
}

static int64_t
period_first_day(sla_period_kind kind, int64_t day)
{
	int64_t y;
	unsigned m, d;

	if (kind == SLA_PERIOD_DAY)
		return day;
	if (kind == SLA_PERIOD_WEEK)
		return day - sla_weekday(day);
	sla_civil_from_days(day, &y, &m, &d);
	if (kind == SLA_PERIOD_QUARTER)
		m = (m - 1) / 3 * 3 + 1;
	else if (kind == SLA_PERIOD_YEAR)
		m = 1;
	return sla_days_from_civil(y, m, 1);
}

int64_t
sla_period_last_day(sla_period_kind kind, int64_t first_day)
{
	static const unsigned months[] = { [SLA_PERIOD_MONTH] = 1, [SLA_PERIOD_QUARTER] = 3,
					   [SLA_PERIOD_YEAR] = 12 };
	int64_t y;
	unsigned m, d;

	if (kind == SLA_PERIOD_DAY || kind == SLA_PERIOD_WEEK)
		return first_day + (kind == SLA_PERIOD_WEEK ? 6 : 0);
	sla_civil_from_days(first_day, &y, &m, &d);
	m += months[kind];
	if (m > 12)
		y++, m -= 12;
	return sla_days_from_civil(y, m, 1) - 1;
}

/* ISO 8601 week-numbering year and week of the Monday FIRST_DAY. */
static void
iso_week(int64_t monday, int64_t *year, unsigned *week)
{
	int64_t y;
	unsigned m, d;

	sla_civil_from_days(monday + 3, &y, &m, &d); /* the week's Thursday */
	*year = y;
	*week = (unsigned)((monday + 3 - sla_days_from_civil(y, 1, 1)) / 7 + 1);
}

const char *
sla_period_label(sla_period_kind kind, int64_t first_day, char *buf)
{
	int64_t y;
	unsigned m, d, w;

	if (first_day == SLA_NO_PERIOD) {
		strcpy(buf, "-");
		return buf;
	}
	sla_civil_from_days(first_day, &y, &m, &d);
	switch (kind) {
	case SLA_PERIOD_DAY: sla_date_format(first_day, buf); break;
	case SLA_PERIOD_WEEK:
		iso_week(first_day, &y, &w);
		snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-W%02u", (long long)y, w);
		break;
	case SLA_PERIOD_MONTH: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-%02u", (long long)y, m); break;
	case SLA_PERIOD_QUARTER: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-Q%u", (long long)y, (m + 2) / 3); break;
	case SLA_PERIOD_YEAR: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld", (long long)y); break;
	}
	return buf;
}

const char *
sla_rpt_statement_name(sla_period_kind kind, int64_t first_day, const char *customer,
		       char *buf, size_t n)
{
	char label[SLA_PERIOD_LABEL_MAX];
	snprintf(buf, n, "%s%s%s", sla_period_label(kind, first_day, label), customer ? " " : "",
		 customer ? customer : "");
	return buf;
}

/* The first day of the period after the one that starts on FIRST. */
static int64_t
period_next(sla_period_kind kind, int64_t first)
{
	static const unsigned months[] = { [SLA_PERIOD_MONTH] = 1, [SLA_PERIOD_QUARTER] = 3,
					   [SLA_PERIOD_YEAR] = 12 };
	int64_t y;
	unsigned m, d;

	if (kind == SLA_PERIOD_DAY || kind == SLA_PERIOD_WEEK)
		return first + (kind == SLA_PERIOD_DAY ? 1 : 7);
	sla_civil_from_days(first, &y, &m, &d);
	m += months[kind];
	return sla_days_from_civil(y + (m - 1) / 12, (m - 1) % 12 + 1, 1);
}

/* The index of the first of C's spans that starts after UTC. */
static size_t
span_after(const rpt_clock *c, int64_t utc)
{
	size_t lo = 0, hi = c->nspans;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->span[mid].lo <= utc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The period of clock C that holds the instant UTC, read in zone TZ. */
static int64_t
period_at(const sla_tz *tz, rpt_clock *c, int64_t utc)
{
	if (utc >= c->lo && utc < c->hi)
		return c->last;
	size_t at = span_after(c, utc);
	if (at > 0 && utc < c->span[at - 1].hi) {
		const rpt_span *s = &c->span[at - 1];
		c->lo = s->lo, c->hi = s->hi, c->last = s->first;
		return s->first;
	}
	int64_t local = utc + sla_tz_offset(tz, utc);
	int64_t first = period_first_day(c->kind, sla_floor_div(local, SLA_DAY));
	int64_t next = period_next(c->kind, first);
	c->last = first;
	if (sla_tz_to_utc(tz, first * SLA_DAY, &c->lo) != SLA_TZ_OK ||
	    sla_tz_to_utc(tz, next * SLA_DAY, &c->hi) != SLA_TZ_OK) {
		c->lo = c->hi = 0; /* midnight in a gap: no shortcut */
		return first;
	}
	/* Periods do not overlap, so the new one goes where UTC would. */
	if (c->nspans < RPT_CLOCK_SPANS) {
		memmove(&c->span[at + 1], &c->span[at], (c->nspans - at) * sizeof *c->span);
		c->span[at] = (rpt_span){ c->lo, c->hi, first };
		c->nspans++;
	}
	return first;
}

/* The instant written in F, read in zone TZ, into *UTC; false when F is
 * not a time.  The answer for the text read last is remembered in LAST. */
static bool
instant_of(const sla_tz *tz, rpt_stamp *last, sla_field f, int64_t *utc)
{
	if (f.n > 0 && f.n == last->n && memcmp(f.p, last->text, f.n) == 0) {
		*utc = last->utc;
		return last->ok;
	}
	const char *what;
	bool ok = sla_stream_time_read(tz, f, utc, &what) > 0;
	if (f.n > 0 && f.n <= sizeof last->text) {
		memcpy(last->text, f.p, f.n);
		last->n = f.n;
		last->ok = ok;
		last->utc = ok ? *utc : 0;
	}
	return ok;
}

int64_t
sla_rpt_period_of(const sla_tz *tz, rpt_stamp *last, rpt_clock *c, sla_field f)
{
	int64_t utc;

	if (!instant_of(tz, last, f, &utc))
		return SLA_NO_PERIOD;
	return period_at(tz, c, utc);
}
