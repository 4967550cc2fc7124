/* calendar_schedule.c: a business calendar as it is defined (DESIGN §4):
 * the object, its weekly hours, the weekday make-up days are worked as, the
 * length of a working day, the dated exceptions and the years their date
 * sets cover.  Every change drops what calendar.c derived; the arithmetic
 * itself is calendar.c's. */
#include <stdlib.h>
#include <string.h>

#include "calendar_int.h"
#include "sla_mem.h"

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

/* ---- dated exceptions ------------------------------------------------------ */

/* The index of the first exception on or after DAY. */
static size_t
exc_search(const sla_calendar *c, int64_t day)
{
	return sla_cal_lower_bound(c->exc, offsetof(struct exception, day), sizeof *c->exc, c->nexc, day);
}

const struct exception *
sla_cal_exc_find(const sla_calendar *c, int64_t day)
{
	size_t i = exc_search(c, day);
	return i < c->nexc && c->exc[i].day == day ? &c->exc[i] : NULL;
}

/* Room for one more exception, and for the irregular days it brings (the
 * build fills those and cannot fail, so their room is made here). */
static int
exc_reserve(sla_calendar *c)
{
	size_t need = c->nexc + 1;
	return sla_grow((void **)&c->exc, &c->exc_cap, need, sizeof *c->exc) &&
	       sla_grow((void **)&c->irr_day, &c->irr_day_cap, 2 * need, sizeof *c->irr_day) &&
	       sla_grow((void **)&c->irr_end, &c->irr_end_cap, 2 * need, sizeof *c->irr_end) &&
	       sla_grow((void **)&c->irr, &c->irr_cap, 2 * need, sizeof *c->irr) ? 0 : -1;
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

/* ---- the spans of a day, and the make-up weekday --------------------------- */

static int
span_cmp(const void *a, const void *b)
{
	const sla_span *x = a, *y = b;
	return (x->open > y->open) - (x->open < y->open);
}

/* Sort and merge the N spans of S (touching spans become one). */
unsigned
sla_cal_merge_spans(sla_span *s, unsigned n)
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

int64_t
sla_cal_spans_length(const sla_span *s, unsigned n)
{
	int64_t sum = 0;
	for (unsigned i = 0; i < n; i++)
		sum += s[i].close - s[i].open;
	return sum;
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
	h.n = sla_cal_merge_spans(h.s, h.n);
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

/* ---- the length of a working day --------------------------------------------- */

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
	return sla_cal_spans_length(h.s, sla_cal_merge_spans(h.s, h.n));
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
	if (!sla_grow((void **)&c->covers, &c->covers_cap, c->ncovers + 1, sizeof *c->covers))
		return -1;
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

void
sla_cal_touch_days(sla_calendar *c, int64_t lo, int64_t hi)
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
