/* policy_lint.c: the traps of a policy that loads (sla-check --lint). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sla_policy_read.h"

static void warn(const sla_policy *p, const sla_diag *d, unsigned long line, const char *key,
		 const char *what, ...) __attribute__((format(printf, 5, 6)));

static void
warn(const sla_policy *p, const sla_diag *d, unsigned long line, const char *key,
     const char *what, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, what);
	vsnprintf(msg, sizeof msg, what, ap);
	va_end(ap);
	sla_diag_msg(d, p->file, line, key, NULL, 0, "warning: %s", msg);
}

/* `d` is 24 business hours: on a 5x8 calendar 2d is 6 working days. */
static size_t
lint_targets(const sla_policy *p, const sla_diag *d)
{
	size_t n = 0;
	for (size_t t = 0; t < p->ntiers; t++) {
		const sla_tier *tier = &p->tiers[t];
		bool any = false;
		for (size_t k = 0; k < p->nmetrics; k++) {
			const sla_target *tg = &tier->targets[k];
			any |= tg->set;
			if (tg->set && tg->target.uses_d && !sla_calendar_is_24x7(tg->calendar)) {
				warn(p, d, tg->line, p->metrics[k].name,
				     "d is 24 business hours on calendar %s, not a day; "
				     "did you mean wd (working days)?", sla_calendar_name(tg->calendar));
				n++;
			}
		}
		if (!any) {
			warn(p, d, tier->line, NULL, "[tier %s] has no target: its tickets give no rows",
			     tier->name);
			n++;
		}
	}
	return n;
}

/* Business seconds of one reference week (and the day after, for hours
 * past midnight) on calendar C: Monday 2001-01-01 local time on. */
static int64_t
week_seconds(sla_calendar *c, const sla_tz *tz)
{
	int64_t from, to;
	int64_t day0 = sla_days_from_civil(2001, 1, 1);
	if (sla_tz_to_utc(tz, day0 * SLA_DAY, &from) != SLA_TZ_OK ||
	    sla_tz_to_utc(tz, (day0 + 8) * SLA_DAY, &to) != SLA_TZ_OK)
		return 0;
	return sla_business(c, from, to);
}

/* One interval of a weekday line: "13:00-18:00" of "mon-fri = ...". */
typedef struct piece {
	const pol_hours *h;
	const char *s;
	size_t n;
	int64_t alone;		/* its business seconds in the reference week */
} piece;

enum { MAX_PIECES = 128 };

/* The business seconds of a calendar made of the pieces A and B (may be NULL). */
static int64_t
pieces_seconds(const sla_policy *p, const piece *a, const piece *b)
{
	char buf[256], err[128];
	sla_calendar *c = sla_calendar_new("lint", p->tz);
	if (!c)
		return 0;
	for (const piece *x = a; x; x = x == a ? b : NULL) {
		snprintf(buf, sizeof buf, "%.*s", (int)x->n, x->s);
		sla_calendar_parse_hours(c, x->h->days, buf, err, sizeof err);
	}
	int64_t secs = week_seconds(c, p->tz);
	sla_calendar_free(c);
	return secs;
}

/* Overlapping intervals of one calendar count once: two intervals overlap
 * when together they give less business time than each alone. */
static size_t
lint_overlaps(const sla_policy *p, const sla_diag *d)
{
	piece v[MAX_PIECES];
	size_t nv = 0, n = 0;
	for (size_t i = 0; i < p->nhours; i++)
		for (const char *s = p->hours[i].hours; *s && nv < MAX_PIECES;) {
			s += strspn(s, " ");
			v[nv] = (piece){ &p->hours[i], s, strcspn(s, ","), 0 };
			v[nv].alone = pieces_seconds(p, &v[nv], NULL);
			s += v[nv++].n;
			s += *s == ',';
		}
	for (size_t j = 0; j < nv; j++)
		for (size_t i = 0; i < j; i++) {
			if (v[i].h->calendar != v[j].h->calendar ||
			    pieces_seconds(p, &v[i], &v[j]) >= v[i].alone + v[j].alone)
				continue;
			warn(p, d, v[j].h->line, v[j].h->days,
			     "hours \"%.*s\" overlap \"%.*s\" of line %lu: the overlap counts once",
			     (int)v[j].n, v[j].s, (int)v[i].n, v[i].s, v[i].h->line);
			n++;
		}
	return n;
}

/* Holidays known only for some years: tickets outside them get none. */
static size_t
lint_holiday_years(const sla_policy *p, const sla_diag *d, int64_t now)
{
	int64_t y;
	unsigned mo, da;
	size_t n = 0;
	int64_t local = now + sla_tz_offset(p->tz, now);
	sla_civil_from_days(sla_floor_div(local, SLA_DAY), &y, &mo, &da);
	for (size_t i = 1; i < p->ncals; i++) {
		int64_t first, last;
		sla_calendar *c = p->cals[i];
		if (!sla_calendar_date_years(c, &first, &last)) {
			warn(p, d, 0, NULL, "calendar %s has no holidays at all", sla_calendar_name(c));
			n++;
		} else if (y < first || y > last) {
			warn(p, d, 0, NULL,
			     "calendar %s knows holidays for %lld-%lld only, not for %lld",
			     sla_calendar_name(c), (long long)first, (long long)last, (long long)y);
			n++;
		}
		if (sla_calendar_day_length(c) == 0) {
			warn(p, d, 0, NULL, "calendar %s has no hours on Monday: wd is 0 (set day =)",
			     sla_calendar_name(c));
			n++;
		}
	}
	return n;
}

size_t
sla_policy_lint(sla_policy *p, const sla_diag *d, int64_t now)
{
	return lint_targets(p, d) + lint_overlaps(p, d) + lint_holiday_years(p, d, now);
}
