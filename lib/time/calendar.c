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
 * handful of binary searches, whatever the span.
 *
 * What a calendar is (its hours, exceptions and covered years) is
 * calendar_schedule.c's; this file derives its tables and answers the
 * queries. */
#include <stdlib.h>
#include <string.h>

#include "calendar_int.h"
#include "sla_mem.h"

static const struct hours no_hours;

/* ---- derived tables ---------------------------------------------------------- */

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
	out->n = sla_cal_merge_spans(out->s, n);
}

/* The hours of date DAY: its weekday's, none on a holiday, and on a
 * make-up workday those of the weekday it stands in for, whatever its own
 * weekday has (a half-day Saturday worked as a Monday is a full day). */
static const struct hours *
date_hours(const sla_calendar *c, int64_t day)
{
	const struct exception *e = sla_cal_exc_find(c, day);
	if (!e)
		return &c->week[sla_weekday(day)];
	if (e->kind == SLA_DAY_HOLIDAY || c->makeup_wd < 0)
		return &no_hours;
	return &c->week[c->makeup_wd];
}

static void
day_values(const struct dayset *set, const struct hours *own, int64_t val[Q_N])
{
	val[Q_SECS] = sla_cal_spans_length(set->s, set->n);
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
	for (size_t i = 0; i < DAY_MEMO; i++)
		c->day_memo[i].day = INT64_MIN;
	c->built = true;
}

/* ---- the wall-clock axis ------------------------------------------------------ */

/* The index of the first irregular day on or after DAY. */
static size_t
irr_search(const sla_calendar *c, int64_t day)
{
	return sla_cal_lower_bound(c->irr_day, 0, sizeof *c->irr_day, c->nirr, day);
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

/* M(x): business seconds on the wall-clock axis before local reading X.
 * F asks it at every query, and the day's base costs a search of the
 * irregular days: the base and business time of each date asked are kept
 * (direct-mapped), for the next query on that date. */
static int64_t
local_measure(sla_calendar *c, int64_t x)
{
	int64_t day = sla_floor_div(x, SLA_DAY), s = x - day * SLA_DAY;
	struct day_memo *dm = &c->day_memo[(uint64_t)day % DAY_MEMO];
	if (dm->day != day) {
		size_t k;
		dm->base = day_base(c, Q_SECS, day, &k);
		dm->set = day_set(c, day, k);
		dm->day = day;
	}
	int64_t m = dm->base;
	const struct dayset *set = dm->set;
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
	size_t lo = sla_cal_lower_bound(c->irr_end, (size_t)q * sizeof **c->irr_end, sizeof *c->irr_end,
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
	c->memo_set = false;
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

/* F(t) at the start of change J, or at T in J's period. */
static int64_t
measure_in(sla_calendar *c, size_t j, int64_t t)
{
	return local_measure(c, t + c->chg[j].off) + c->chg[j].cc;
}

/* The last change from LO on that starts at KEY or before (BY_MEASURE
 * false), or at whose start F is below KEY (true); LO itself when no later
 * one does.  Either test holds for a run of changes from LO on, so one
 * bisection finds the run's end.  Not a lower bound: LO is the answer for
 * a key before the table.  Inlined, BY_MEASURE is a constant at each call. */
static inline size_t
last_change(sla_calendar *c, size_t lo, int64_t key, bool by_measure)
{
	size_t hi = c->nchg;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t at = c->chg[mid].at;
		if (by_measure ? measure_in(c, mid, at) < key : at <= key)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The change in force at instant T (covered by the table). */
static size_t
change_at(sla_calendar *c, int64_t t)
{
	return last_change(c, 0, t, false);
}

/* F(t), T covered by the table.  A ticket's metrics start at one instant,
 * and each asks F there twice (its business time and its due): the last
 * answer is kept, until the table is rebuilt (F counts from its start). */
static int64_t
measure_at(sla_calendar *c, int64_t t)
{
	if (c->memo_set && c->memo_t == t)
		return c->memo_f;
	c->memo_f = measure_in(c, change_at(c, t), t);
	c->memo_t = t;
	c->memo_set = true;
	return c->memo_f;
}

/* ---- queries ----------------------------------------------------------------- */

/* The local date of instant T. */
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
		sla_cal_touch_days(c, local_day(c, a), local_day(c, b));
}

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
	return measure_at(c, b) - measure_at(c, a);
}

/* The last period, from the one holding S on, that starts below G: the
 * due instant lies in it. */
static size_t
period_below(sla_calendar *c, int64_t s, int64_t g)
{
	return last_change(c, change_at(c, s), g, true);
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
	int64_t g = measure_at(c, s) + target;
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
	sla_cal_touch_days(c, day, day);
	const struct exception *e = sla_cal_exc_find(c, day);
	*kind = e ? e->kind : SLA_DAY_REGULAR;
	*name = e ? e->name : NULL;
	struct hours own = *date_hours(c, day);
	own.n = sla_cal_merge_spans(own.s, own.n);
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
