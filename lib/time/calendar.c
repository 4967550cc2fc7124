/* calendar.c: business calendars, business time and due times (DESIGN §4).
 *
 * The arithmetic works on two axes.  On the wall-clock axis ("local
 * seconds") the business set L is a weekly pattern with a few dated
 * exceptions, so M(x), the business seconds of L before local reading x,
 * is a closed form over whole weeks plus a prefix sum over the irregular
 * days (the dated exceptions and the day after each, which receives what
 * crosses midnight).  Real time maps onto that axis piecewise: between two
 * offset changes of the zone, local = utc + offset.  Hence
 *
 *	F(t) = M(t + offset(t)) + C(t)
 *
 * counts business seconds up to instant t, where C(t) adds, for each offset
 * change up to t, the business seconds of the wall-clock hour that the
 * change repeated (clocks back) or skipped (clocks forward).  The changes
 * and the running sum C are kept in a table built lazily for the years the
 * queries touch.  business(a, b) = F(b) - F(a) and due inverts F: each is a
 * handful of binary searches, whatever the span. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sla_calendar.h"
#include "sla_mem.h"
#include "sla_scan.h"

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
	size_t nexc, cap;

	/* Derived from the above when a query first needs them. */
	bool built;
	int makeup_wd;		/* the weekday a make-up day is worked as; -1: none */
	struct dayset regular[WEEK];
	int64_t reg_val[Q_N][WEEK];
	int64_t week_pre[Q_N][WEEK + 1];
	int64_t *irr_day;	/* capacity 2 × cap: each exception and the day after */
	int64_t (*irr_end)[Q_N]; /* the sums up to and including each irregular day */
	struct irregular *irr;
	size_t nirr;
	int64_t cum_end[Q_N];

	struct change *chg;	/* offset changes in [chg_lo, chg_hi) */
	size_t nchg, chg_cap;
	int64_t chg_lo, chg_hi;
	int64_t year_lo, year_hi;

	/* The date sets and the years they cover, with what the queries
	 * touched outside them (see "covered years" below). */
	sla_cover *covers;
	size_t ncovers;
	uint64_t uncovered;
};

static const struct hours no_hours;

/* ---- the calendar object -------------------------------------------------- */

sla_calendar *
sla_calendar_new(const char *name, const sla_tz *tz)
{
	sla_calendar *c = calloc(1, sizeof *c);
	if (!c || !(c->name = strdup(name))) {
		free(c);
		return NULL;
	}
	c->tz = tz;
	c->makeup_named = -1;
	return c;
}

sla_calendar *
sla_calendar_new_24x7(const sla_tz *tz)
{
	sla_calendar *c = sla_calendar_new("24x7", tz);
	if (!c)
		return NULL;
	for (unsigned wd = 0; wd < WEEK; wd++)
		sla_calendar_add_hours(c, wd, 0, SLA_DAY);
	c->is_24x7 = c->all_hours = true;
	return c;
}

void
sla_calendar_free(sla_calendar *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nexc; i++)
		free(c->exc[i].name);
	free(c->exc);
	free(c->irr_day);
	free(c->irr_end);
	free(c->irr);
	free(c->chg);
	for (size_t i = 0; i < c->ncovers; i++)
		free((char *)c->covers[i].set);
	free(c->covers);
	free(c->name);
	free(c);
}

const char *
sla_calendar_name(const sla_calendar *c)
{
	return c->name;
}

const sla_tz *
sla_calendar_tz(const sla_calendar *c)
{
	return c->tz;
}

bool
sla_calendar_is_24x7(const sla_calendar *c)
{
	return c->all_hours;
}

/* Anything that changes the calendar throws away what was derived. */
static void
invalidate(sla_calendar *c)
{
	c->built = false;
	c->nchg = 0;
	c->chg_lo = c->chg_hi = 0;
}

int
sla_calendar_add_hours(sla_calendar *c, unsigned wd, int32_t open, int32_t close)
{
	if (wd >= WEEK || open < 0 || open >= SLA_DAY || close < 0 || close > SLA_DAY ||
	    open == close || c->week[wd].n == MAX_SPANS)
		return -1;
	if (close < open)
		close += SLA_DAY;
	c->week[wd].s[c->week[wd].n++] = (sla_span){ open, close };
	invalidate(c);
	return 0;
}

int
sla_calendar_set_hours(sla_calendar *c, unsigned wd, const sla_span *s, unsigned n)
{
	if (wd >= WEEK || n > MAX_SPANS)
		return -1;
	for (unsigned i = 0; i < n; i++)
		if (s[i].open < 0 || s[i].open >= SLA_DAY || s[i].close <= s[i].open ||
		    s[i].close - s[i].open > SLA_DAY)
			return -1;
	c->week[wd].n = n;
	memcpy(c->week[wd].s, s, n * sizeof *s);
	c->all_hours = false;
	invalidate(c);
	return 0;
}

int
sla_calendar_set_makeup_wd(sla_calendar *c, unsigned wd)
{
	if (wd >= WEEK)
		return -1;
	c->makeup_named = (int)wd;
	invalidate(c);
	return 0;
}

/* The index of the first of the N ascending int64_t values at BASE +
 * OFFSET, STRIDE bytes apart, that is KEY or more; N when none is.  Every
 * sorted table of the calendar is searched with it. */
static size_t
lower_bound(const void *base, size_t offset, size_t stride, size_t n, int64_t key)
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

/* ---- dated exceptions ------------------------------------------------------ */

/* The index of the first exception on or after DAY. */
static size_t
exc_search(const sla_calendar *c, int64_t day)
{
	return lower_bound(c->exc, offsetof(struct exception, day), sizeof *c->exc, c->nexc, day);
}

static const struct exception *
exc_find(const sla_calendar *c, int64_t day)
{
	size_t i = exc_search(c, day);
	return i < c->nexc && c->exc[i].day == day ? &c->exc[i] : NULL;
}

/* Room for one more exception, and for the irregular days it brings. */
static int
exc_reserve(sla_calendar *c)
{
	if (c->nexc < c->cap)
		return 0;
	size_t cap = c->cap ? 2 * c->cap : 64;
	struct exception *exc = realloc(c->exc, cap * sizeof *exc);
	if (!exc)
		return -1;
	c->exc = exc;
	int64_t *days = realloc(c->irr_day, 2 * cap * sizeof *days);
	if (!days)
		return -1;
	c->irr_day = days;
	int64_t(*end)[Q_N] = realloc(c->irr_end, 2 * cap * sizeof *end);
	if (!end)
		return -1;
	c->irr_end = end;
	struct irregular *irr = realloc(c->irr, 2 * cap * sizeof *irr);
	if (!irr)
		return -1;
	c->irr = irr;
	c->cap = cap;
	return 0;
}

int
sla_calendar_add_date(sla_calendar *c, int64_t day, enum sla_day_kind kind, const char *name)
{
	if (kind != SLA_DAY_HOLIDAY && kind != SLA_DAY_WORKDAY)
		return -1;
	size_t i = exc_search(c, day);
	if (i < c->nexc && c->exc[i].day == day)
		return c->exc[i].kind == kind ? 0 : -1;
	char *copy = NULL;
	if (exc_reserve(c) < 0 || (name && !(copy = strdup(name))))
		return -1;
	memmove(c->exc + i + 1, c->exc + i, (c->nexc - i) * sizeof *c->exc);
	c->exc[i] = (struct exception){ day, kind, copy };
	c->nexc++;
	c->all_hours = false;
	invalidate(c);
	return 0;
}

bool
sla_calendar_date_years(const sla_calendar *c, int64_t *first, int64_t *last)
{
	if (c->ncovers) {
		*first = c->covers[0].first;
		*last = c->covers[0].last;
		for (size_t i = 1; i < c->ncovers; i++) {
			if (c->covers[i].first < *first)
				*first = c->covers[i].first;
			if (c->covers[i].last > *last)
				*last = c->covers[i].last;
		}
		return true;
	}
	if (c->nexc == 0)
		return false;
	unsigned m, d;
	sla_civil_from_days(c->exc[0].day, first, &m, &d);
	sla_civil_from_days(c->exc[c->nexc - 1].day, last, &m, &d);
	return true;
}

/* ---- derived tables ---------------------------------------------------------- */

static int
span_cmp(const void *a, const void *b)
{
	const sla_span *x = a, *y = b;
	return (x->open > y->open) - (x->open < y->open);
}

/* Sort and merge the N spans of S (touching spans become one). */
static unsigned
merge_spans(sla_span *s, unsigned n)
{
	qsort(s, n, sizeof *s, span_cmp);
	unsigned out = 0;
	for (unsigned i = 0; i < n; i++) {
		if (out && s[i].open <= s[out - 1].close) {
			if (s[i].close > s[out - 1].close)
				s[out - 1].close = s[i].close;
		} else {
			s[out++] = s[i];
		}
	}
	return out;
}

static int64_t
spans_length(const sla_span *s, unsigned n)
{
	int64_t sum = 0;
	for (unsigned i = 0; i < n; i++)
		sum += s[i].close - s[i].open;
	return sum;
}

/* A day's business time on its own date: OWN cut at 24:00, and what of
 * PREV crosses midnight. */
static void
make_dayset(const struct hours *prev, const struct hours *own, struct dayset *out)
{
	unsigned n = 0;
	for (unsigned i = 0; i < own->n; i++) {
		int32_t close = own->s[i].close < SLA_DAY ? own->s[i].close : SLA_DAY;
		out->s[n++] = (sla_span){ own->s[i].open, close };
	}
	for (unsigned i = 0; i < prev->n; i++)
		if (prev->s[i].close > SLA_DAY)
			out->s[n++] = (sla_span){ 0, prev->s[i].close - SLA_DAY };
	out->n = merge_spans(out->s, n);
}

/* The hours of date DAY: its weekday's, none on a holiday, and on a
 * make-up workday those of the weekday it stands in for, whatever its own
 * weekday has (a half-day Saturday worked as a Monday is a full day). */
static const struct hours *
date_hours(const sla_calendar *c, int64_t day)
{
	const struct exception *e = exc_find(c, day);
	if (!e)
		return &c->week[sla_weekday(day)];
	if (e->kind == SLA_DAY_HOLIDAY || c->makeup_wd < 0)
		return &no_hours;
	return &c->week[c->makeup_wd];
}

static void
day_values(const struct dayset *set, const struct hours *own, int64_t val[Q_N])
{
	val[Q_SECS] = spans_length(set->s, set->n);
	val[Q_WORK] = own->n > 0;
}

/* Quantity Q summed over the weekly pattern for the days before DAY. */
static int64_t
weekly_sum(const sla_calendar *c, int q, int64_t day)
{
	int64_t r = day - MONDAY_REF, w = sla_floor_div(r, WEEK);
	return w * c->week_pre[q][WEEK] + c->week_pre[q][r - w * WEEK];
}

static void
build_irregular(sla_calendar *c)
{
	int64_t cum[Q_N] = { 0, 0 };
	c->nirr = 0;
	for (size_t i = 0; i < c->nexc; i++) {
		for (int64_t day = c->exc[i].day; day <= c->exc[i].day + 1; day++) {
			if (c->nirr && c->irr_day[c->nirr - 1] >= day)
				continue;
			struct irregular *r = &c->irr[c->nirr];
			const struct hours *own = date_hours(c, day);
			make_dayset(date_hours(c, day - 1), own, &r->set);
			day_values(&r->set, own, r->val);
			unsigned wd = sla_weekday(day);
			for (int q = 0; q < Q_N; q++) {
				r->cum[q] = cum[q];
				cum[q] += r->val[q] - c->reg_val[q][wd];
				c->irr_end[c->nirr][q] = weekly_sum(c, q, day + 1) + cum[q];
			}
			c->irr_day[c->nirr++] = day;
		}
	}
	memcpy(c->cum_end, cum, sizeof cum);
}

/* The template day (the hours a make-up workday gets): Monday, or the
 * first weekday after it that has hours; -1 when none has. */
static int
template_weekday(const sla_calendar *c)
{
	for (int wd = 0; wd < WEEK; wd++)
		if (c->week[wd].n)
			return wd;
	return -1;
}

int
sla_calendar_makeup_weekday(const sla_calendar *c, bool *named)
{
	*named = c->makeup_named >= 0;
	int wd = *named ? c->makeup_named : template_weekday(c);
	return wd >= 0 && c->week[wd].n ? wd : -1;
}

/* The weekday's hours sorted and merged, to compare two weekdays. */
static struct hours
merged_hours(const sla_calendar *c, unsigned wd)
{
	struct hours h = c->week[wd];
	h.n = merge_spans(h.s, h.n);
	return h;
}

bool
sla_calendar_makeup_ambiguous(const sla_calendar *c, unsigned *wd)
{
	bool named, makeup = false;
	int as = sla_calendar_makeup_weekday(c, &named);
	for (size_t i = 0; i < c->nexc && !makeup; i++)
		makeup = c->exc[i].kind == SLA_DAY_WORKDAY;
	if (named || !makeup || as < 0)
		return false;
	struct hours ref = merged_hours(c, (unsigned)as);
	for (unsigned d = 0; d < 5; d++) {
		struct hours h = merged_hours(c, d);
		if (h.n && (h.n != ref.n || memcmp(h.s, ref.s, h.n * sizeof *h.s) != 0)) {
			*wd = (unsigned)as;
			return true;
		}
	}
	return false;
}

static void
build(sla_calendar *c)
{
	bool named;
	c->makeup_wd = sla_calendar_makeup_weekday(c, &named);
	for (unsigned wd = 0; wd < WEEK; wd++) {
		make_dayset(&c->week[(wd + WEEK - 1) % WEEK], &c->week[wd], &c->regular[wd]);
		int64_t val[Q_N];
		day_values(&c->regular[wd], &c->week[wd], val);
		for (int q = 0; q < Q_N; q++) {
			c->reg_val[q][wd] = val[q];
			c->week_pre[q][wd + 1] = c->week_pre[q][wd] + val[q];
		}
	}
	build_irregular(c);
	c->built = true;
}

/* ---- the wall-clock axis ------------------------------------------------------ */

/* The index of the first irregular day on or after DAY. */
static size_t
irr_search(const sla_calendar *c, int64_t day)
{
	return lower_bound(c->irr_day, 0, sizeof *c->irr_day, c->nirr, day);
}

static int64_t
cum_at(const sla_calendar *c, int q, size_t k)
{
	return k < c->nirr ? c->irr[k].cum[q] : c->cum_end[q];
}

/* Quantity Q summed over the days before DAY (from a fixed origin). */
static int64_t
day_base(const sla_calendar *c, int q, int64_t day, size_t *k)
{
	*k = irr_search(c, day);
	return weekly_sum(c, q, day) + cum_at(c, q, *k);
}

/* The same, K being irr_search(DAY) already. */
static int64_t
day_base_at(const sla_calendar *c, int q, int64_t day, size_t k)
{
	return weekly_sum(c, q, day) + cum_at(c, q, k);
}

/* The business time of DAY on its own date; K is irr_search(DAY). */
static const struct dayset *
day_set(const sla_calendar *c, int64_t day, size_t k)
{
	if (k < c->nirr && c->irr_day[k] == day)
		return &c->irr[k].set;
	return &c->regular[sla_weekday(day)];
}

/* M(x): business seconds on the wall-clock axis before local reading X. */
static int64_t
local_measure(const sla_calendar *c, int64_t x)
{
	int64_t day = sla_floor_div(x, SLA_DAY), s = x - day * SLA_DAY;
	size_t k;
	int64_t m = day_base(c, Q_SECS, day, &k);
	const struct dayset *set = day_set(c, day, k);
	for (unsigned i = 0; i < set->n && set->s[i].open < s; i++)
		m += (set->s[i].close < s ? set->s[i].close : s) - set->s[i].open;
	return m;
}

/* The first day D such that quantity Q summed over the days up to and
 * including D reaches H, and irr_search(D) in *K; false when no day ever
 * does. */
static bool
first_day_reaching(const sla_calendar *c, int q, int64_t h, int64_t *day, size_t *k)
{
	/* the first irregular day whose end reaches H bounds the answer */
	size_t lo = lower_bound(c->irr_end, (size_t)q * sizeof **c->irr_end, sizeof *c->irr_end,
				c->nirr, h);
	*k = lo;
	int64_t week = c->week_pre[q][WEEK], rest = h - cum_at(c, q, lo);
	if (week == 0) {
		if (lo == c->nirr)
			return false;
		*day = c->irr_day[lo];
		return true;
	}
	/* the regular days before it: the first r with weekly_sum(r) >= rest,
	 * in week w where w × week < rest <= (w + 1) × week */
	int64_t w = sla_floor_div(rest - 1, week), m = 1;
	while (w * week + c->week_pre[q][m] < rest)
		m++;
	int64_t d = MONDAY_REF + w * WEEK + m - 1;
	if (lo > 0 && d <= c->irr_day[lo - 1])
		d = c->irr_day[lo - 1] + 1;
	if (lo < c->nirr && d > c->irr_day[lo])
		d = c->irr_day[lo];
	*day = d;
	return true;
}

/* The first local reading x with M(x) >= G, or false. */
static bool
local_reach(const sla_calendar *c, int64_t g, int64_t *x)
{
	int64_t day;
	size_t k;
	if (!first_day_reaching(c, Q_SECS, g, &day, &k))
		return false;
	int64_t left = g - day_base_at(c, Q_SECS, day, k);
	const struct dayset *set = day_set(c, day, k);
	/* 0 < left <= the day's business seconds */
	unsigned i = 0;
	while (i + 1 < set->n && set->s[i].close - set->s[i].open < left) {
		left -= set->s[i].close - set->s[i].open;
		i++;
	}
	*x = day * SLA_DAY + set->s[i].open + left;
	return true;
}

/* ---- real time: the table of the zone's offset changes ---------------------- */

/* Instants are taken from 0001-01-01 to 9999-12-31, and a day either side
 * so that any wall-clock time of those years is in, whatever its zone. */
static const int64_t T_MIN = -62135596800 - SLA_DAY, T_MAX = 253402300800 + SLA_DAY;

static bool
in_range(int64_t t)
{
	return t >= T_MIN && t < T_MAX;
}

static int64_t
in_range_or_none(int64_t t)
{
	return in_range(t) ? t : SLA_NO_INSTANT;
}

static void
prepare(sla_calendar *c)
{
	if (!c->built)
		build(c);
}

static int
change_push(sla_calendar *c, struct change ch)
{
	if (!sla_grow((void **)&c->chg, &c->chg_cap, c->nchg + 1, sizeof *c->chg))
		return -1;
	c->chg[c->nchg++] = ch;
	return 0;
}

static int64_t
year_start(int64_t y)
{
	return sla_days_from_civil(y, 1, 1) * SLA_DAY;
}

/* The changes of the years [YLO, YHI), each with the running correction:
 * at a change the wall-clock axis jumps, and the business seconds of the
 * reading it skipped are taken off (clocks forward) or of the reading it
 * repeats added (clocks back). */
static int
build_changes(sla_calendar *c, int64_t ylo, int64_t yhi)
{
	int64_t lo = year_start(ylo), hi = year_start(yhi), t = lo, cc = 0;
	int32_t off = sla_tz_offset(c->tz, lo);

	c->nchg = 0;
	c->chg_lo = c->chg_hi = 0;
	if (change_push(c, (struct change){ lo, 0, off }) < 0)
		return -1;
	for (int64_t at; (at = sla_tz_next_change(c->tz, t)) < hi; t = at) {
		int32_t next = sla_tz_offset(c->tz, at);
		cc += local_measure(c, at + off) - local_measure(c, at + next);
		if (change_push(c, (struct change){ at, cc, next }) < 0) {
			c->nchg = 0;
			return -1;
		}
		off = next;
	}
	c->chg_lo = lo;
	c->chg_hi = hi;
	c->year_lo = ylo;
	c->year_hi = yhi;
	return 0;
}

/* Make sure the table holds instant T: grown to cover its year and the
 * ones either side, and by as much again as it held, so that queries
 * moving through time rebuild it only a few times. */
static int
cover(sla_calendar *c, int64_t t)
{
	prepare(c);
	if (t >= c->chg_lo && t < c->chg_hi)
		return 0;
	int64_t y;
	unsigned m, d;
	sla_civil_from_days(sla_floor_div(t, SLA_DAY), &y, &m, &d);
	int64_t ylo = y - 1, yhi = y + 2;
	if (c->nchg) {
		int64_t pad = c->year_hi - c->year_lo;
		ylo = y < c->year_lo ? y - 1 - pad : c->year_lo;
		yhi = y >= c->year_hi ? y + 2 + pad : c->year_hi;
	}
	return build_changes(c, ylo < YEAR_FIRST - 1 ? YEAR_FIRST - 1 : ylo,
			     yhi > YEAR_LAST + 2 ? YEAR_LAST + 2 : yhi);
}

/* The change in force at instant T (covered by the table). */
static size_t
change_at(const sla_calendar *c, int64_t t)
{
	/* the last change at T or before: the one before the first after T */
	size_t after = lower_bound(c->chg, offsetof(struct change, at), sizeof *c->chg, c->nchg, t + 1);
	return after > 0 ? after - 1 : 0;
}

/* F(t) at the start of change J, or at T in J's period. */
static int64_t
measure_in(const sla_calendar *c, size_t j, int64_t t)
{
	return local_measure(c, t + c->chg[j].off) + c->chg[j].cc;
}

/* ---- queries ----------------------------------------------------------------- */

static void touch(sla_calendar *c, int64_t a, int64_t b);
static void touch_days(sla_calendar *c, int64_t lo, int64_t hi);

int64_t
sla_business(sla_calendar *c, int64_t a, int64_t b)
{
	if (a > b || !in_range(a) || !in_range(b))
		return -1;
	touch(c, a, b);
	if (c->all_hours)
		return b - a;
	if (cover(c, a) < 0 || cover(c, b) < 0)
		return -1;
	return measure_in(c, change_at(c, b), b) - measure_in(c, change_at(c, a), a);
}

/* The last period, from the one holding S on, that starts below G: the
 * due instant lies in it. */
static size_t
period_below(const sla_calendar *c, int64_t s, int64_t g)
{
	size_t lo = change_at(c, s), hi = c->nchg;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (measure_in(c, mid, c->chg[mid].at) < g)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int64_t
due_of(sla_calendar *c, int64_t s, int64_t target)
{
	if (target < 0 || target >= T_MAX - T_MIN || !in_range(s))
		return SLA_NO_INSTANT;
	if (target == 0)
		return s;
	if (c->all_hours)
		return target < T_MAX - s ? s + target : SLA_NO_INSTANT;
	if (cover(c, s) < 0)
		return SLA_NO_INSTANT;
	int64_t g = measure_in(c, change_at(c, s), s) + target;
	for (;;) {
		size_t j = period_below(c, s, g);
		int64_t x;
		if (!local_reach(c, g - c->chg[j].cc, &x))
			return SLA_NO_INSTANT;
		int64_t d = x - c->chg[j].off;
		if (!in_range(d))
			return SLA_NO_INSTANT;
		/* past the table's end, a change may lie before D: extend, retry */
		if (j + 1 < c->nchg || d < c->chg_hi)
			return d;
		if (cover(c, d) < 0)
			return SLA_NO_INSTANT;
	}
}

int64_t
sla_due(sla_calendar *c, int64_t s, int64_t target)
{
	int64_t d = due_of(c, s, target);
	if (in_range(s))
		touch(c, s, d == SLA_NO_INSTANT ? s : d);
	return d;
}

/* The first instant whose wall-clock reading is X or later: the earlier
 * of two in an overlap, the moment the clocks jump in a gap. */
static int64_t
instant_of_local(const sla_calendar *c, int64_t x)
{
	int64_t t;
	if (sla_tz_to_utc(c->tz, x, &t) == SLA_TZ_OK)
		return t;
	int32_t before = sla_tz_offset(c->tz, x - SLA_DAY);
	return sla_tz_next_change(c->tz, x - before - SLA_DAY);
}

/* The instant of wall-clock reading X for an Nwd@time due time: in a gap
 * the reading moved on by the gap (RFC 5545: 02:00:01 in a one-hour gap is
 * 03:00:01), in an overlap the earlier of the two. */
static int64_t
instant_of_reading(const sla_calendar *c, int64_t x)
{
	int64_t t;
	if (sla_tz_to_utc(c->tz, x, &t) == SLA_TZ_OK)
		return t;
	int64_t jump = instant_of_local(c, x);
	return jump == INT64_MAX ? SLA_NO_INSTANT : x - sla_tz_offset(c->tz, jump - 1);
}

/* The instant of closing reading X for an Nwd@close due time: the later of
 * two when the clocks went back over it (the end of the day's business
 * time), the moment the clocks jump when they skipped it. */
static int64_t
instant_of_close(const sla_calendar *c, int64_t x)
{
	int64_t t;
	if (sla_tz_to_utc(c->tz, x, &t) != SLA_TZ_OK)
		return instant_of_local(c, x);
	int64_t next = sla_tz_next_change(c->tz, t);
	if (next != INT64_MAX) {
		int64_t later = x - sla_tz_offset(c->tz, next);
		if (later >= next && later > t)
			return later;
	}
	return t;
}

/* The end of what the hours of the day before DAY hold after midnight:
 * they all start at 00:00 there, so they cover [00:00, end). */
static int32_t
spill_end(const sla_calendar *c, int64_t day)
{
	const struct hours *prev = date_hours(c, day - 1);
	int32_t end = 0;
	for (unsigned i = 0; i < prev->n; i++)
		if (prev->s[i].close - SLA_DAY > end)
			end = prev->s[i].close - SLA_DAY;
	return end;
}

int64_t
sla_calendar_day(sla_calendar *c, int64_t day, enum sla_day_kind *kind, const char **name)
{
	prepare(c);
	touch_days(c, day, day);
	const struct exception *e = exc_find(c, day);
	*kind = e ? e->kind : SLA_DAY_REGULAR;
	*name = e ? e->name : NULL;
	struct hours own = *date_hours(c, day);
	own.n = merge_spans(own.s, own.n);
	int32_t from = spill_end(c, day);
	int64_t sum = 0;
	for (unsigned i = 0; i < own.n; i++) {
		int64_t open = own.s[i].open > from ? own.s[i].open : from, close = own.s[i].close;
		if (open >= close)
			continue;
		int64_t secs = sla_business(c, instant_of_local(c, day * SLA_DAY + open),
					    instant_of_local(c, day * SLA_DAY + close));
		if (secs < 0)
			return -1;
		sum += secs;
	}
	return sum;
}

unsigned
sla_calendar_date_spans(sla_calendar *c, int64_t day, sla_span *s)
{
	prepare(c);
	const struct hours *h = date_hours(c, day);
	memcpy(s, h->s, h->n * sizeof *s);
	return h->n;
}

/* ---- working days --------------------------------------------------------------- */

void
sla_calendar_set_day_length(sla_calendar *c, int64_t secs)
{
	c->day_length = secs;
}

int64_t
sla_calendar_day_length(const sla_calendar *c)
{
	if (c->day_length > 0)
		return c->day_length;
	int wd = template_weekday(c);
	if (wd < 0)
		return 0;
	struct hours h = c->week[wd];
	return spans_length(h.s, merge_spans(h.s, h.n));
}

/* The working day instant T belongs to: the date of its wall-clock
 * reading, or the day before when T is in an interval of that day that
 * crosses midnight.  *TOD is the reading's seconds after that day's
 * midnight. */
static int64_t
owning_day(const sla_calendar *c, int64_t t, int64_t *tod)
{
	int64_t x = t + sla_tz_offset(c->tz, t), day = sla_floor_div(x, SLA_DAY);
	const struct hours *prev = date_hours(c, day - 1);
	int64_t into_prev = x - (day - 1) * SLA_DAY;
	for (unsigned i = 0; i < prev->n; i++) {
		if (into_prev >= prev->s[i].open && into_prev < prev->s[i].close) {
			*tod = into_prev;
			return day - 1;
		}
	}
	*tod = x - day * SLA_DAY;
	return day;
}

/* The Nth working day after DAY. */
static bool
nth_working_day(const sla_calendar *c, int64_t day, int64_t n, int64_t *out)
{
	size_t k;
	return first_day_reaching(c, Q_WORK, day_base(c, Q_WORK, day + 1, &k) + n, out, &k);
}

int64_t
sla_calendar_wd_at_time(sla_calendar *c, int64_t s, int64_t n)
{
	if (n < 1 || !in_range(s))
		return SLA_NO_INSTANT;
	int64_t open = sla_due(c, s, 1);	/* the next opening, or S inside hours */
	if (open == SLA_NO_INSTANT)
		return SLA_NO_INSTANT;
	prepare(c);
	int64_t tod, day = owning_day(c, open - 1, &tod), due_day;
	if (!nth_working_day(c, day, n, &due_day))
		return SLA_NO_INSTANT;
	int64_t d = in_range_or_none(instant_of_reading(c, due_day * SLA_DAY + tod));
	touch(c, s, d == SLA_NO_INSTANT ? s : d);
	return d;
}

int64_t
sla_calendar_wd_at_close(sla_calendar *c, int64_t s, int64_t n)
{
	if (n < 1 || !in_range(s))
		return SLA_NO_INSTANT;
	prepare(c);
	int64_t tod, day = owning_day(c, s, &tod), due_day;
	if (!nth_working_day(c, day, n, &due_day))
		return SLA_NO_INSTANT;
	const struct hours *h = date_hours(c, due_day);
	int32_t close = 0;
	for (unsigned i = 0; i < h->n; i++)
		if (h->s[i].close > close)
			close = h->s[i].close;
	int64_t d = in_range_or_none(instant_of_close(c, due_day * SLA_DAY + close));
	touch(c, s, d == SLA_NO_INSTANT ? s : d);
	return d;
}

/* ---- covered years ------------------------------------------------------------ *
 *
 * A date set (a file or a bundled set) states the years it covers; outside
 * them a date is not known to be a holiday or a workday.  Each query notes
 * the local dates it touched, so that the tools can say once per run that
 * an answer rests on dates the data does not know.  The common case costs
 * two comparisons: the instants well inside every set's years are
 * precomputed. */

int
sla_calendar_add_cover(sla_calendar *c, const char *set, int64_t first, int64_t last)
{
	if (first > last || first < YEAR_FIRST || last > YEAR_LAST)
		return -1;
	for (size_t i = 0; i < c->ncovers; i++)
		if (strcmp(c->covers[i].set, set) == 0)
			return c->covers[i].first == first && c->covers[i].last == last ? 0 : -1;
	sla_cover *nv = realloc(c->covers, (c->ncovers + 1) * sizeof *nv);
	if (!nv)
		return -1;
	c->covers = nv;
	char *copy = strdup(set);
	if (!copy)
		return -1;
	/* a day's margin either side stands in for the zone's offset */
	int64_t lo = sla_days_from_civil(first, 1, 1) + 1, hi = sla_days_from_civil(last, 12, 31) - 1;
	c->covers[c->ncovers++] = (sla_cover){
		.set = copy, .first = first, .last = last,
		.before = SLA_NO_DAY, .after = SLA_NO_DAY,
		.safe_lo = lo * SLA_DAY, .safe_hi = hi * SLA_DAY,
	};
	return 0;
}

static void
touch_days(sla_calendar *c, int64_t lo, int64_t hi)
{
	bool outside = false;
	for (size_t i = 0; i < c->ncovers; i++) {
		sla_cover *v = &c->covers[i];
		int64_t first = sla_days_from_civil(v->first, 1, 1);
		int64_t last = sla_days_from_civil(v->last, 12, 31);
		if (lo < first) {
			int64_t day = hi < first ? hi : first - 1;	/* the nearest to the years */
			if (v->before == SLA_NO_DAY || day > v->before)
				v->before = day;
			outside = true;
		}
		if (hi > last) {
			int64_t day = lo > last ? lo : last + 1;
			if (v->after == SLA_NO_DAY || day < v->after)
				v->after = day;
			outside = true;
		}
	}
	c->uncovered += outside;
}

static int64_t
local_day(const sla_calendar *c, int64_t t)
{
	return sla_floor_div(t + sla_tz_offset(c->tz, t), SLA_DAY);
}

static void
touch(sla_calendar *c, int64_t a, int64_t b)
{
	bool inside = true;
	for (size_t i = 0; i < c->ncovers && inside; i++)
		inside = a >= c->covers[i].safe_lo && b <= c->covers[i].safe_hi;
	if (!inside)
		touch_days(c, local_day(c, a), local_day(c, b));
}

size_t
sla_calendar_covers(const sla_calendar *c, const sla_cover **v)
{
	*v = c->covers;
	return c->ncovers;
}

uint64_t
sla_calendar_uncovered(const sla_calendar *c)
{
	return c->uncovered;
}
