/* policy_lint.c: the traps of a policy that loads (sla-check --lint). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sla_list.h"
#include "sla_money.h"
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
	sla_diag_warn(d, p->file, line, key, NULL, 0, "%s", msg);
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
week_of_calendar(sla_calendar *c, const sla_tz *tz)
{
	int64_t from, to;
	int64_t day0 = sla_days_from_civil(2001, 1, 1);
	if (sla_tz_to_utc(tz, day0 * SLA_DAY, &from) != SLA_TZ_OK ||
	    sla_tz_to_utc(tz, (day0 + 8) * SLA_DAY, &to) != SLA_TZ_OK)
		return 0;
	return sla_business(c, from, to);
}

/* Business seconds of the reference week of a calendar whose hours are
 * H1 on the days D1, then H2 on the days D2 (D2 may be NULL). */
static int64_t
week_of(const sla_policy *p, const char *d1, const char *h1, const char *d2, const char *h2)
{
	char err[128];
	sla_calendar *c = sla_calendar_new("lint", p->tz);
	if (!c)
		return 0;
	sla_calendar_parse_hours(c, d1, h1, err, sizeof err);
	if (d2)
		sla_calendar_parse_hours(c, d2, h2, err, sizeof err);
	int64_t secs = week_of_calendar(c, p->tz);
	sla_calendar_free(c);
	return secs;
}

/* Two intervals of one line that overlap count once: together they give
 * less business time than each alone. */
static size_t
lint_line_overlaps(const sla_policy *p, const sla_diag *d, const sla_pol_hours *h)
{
	enum { MAX_PIECES = SLA_CALENDAR_MAX_INTERVALS };
	const char *s[MAX_PIECES];
	size_t len[MAX_PIECES], np = 0, n = 0;
	int64_t alone[MAX_PIECES];
	char buf[256];
	for (const char *t = h->hours; t && *t && np < MAX_PIECES; np++) {
		size_t ilen;
		const char *item = sla_list_next(&t, &ilen);
		size_t blanks = strspn(item, " ");	/* stops at the comma */
		s[np] = item + blanks;
		len[np] = ilen - blanks;
		snprintf(buf, sizeof buf, "%.*s", (int)len[np], s[np]);
		alone[np] = week_of(p, h->days, buf, NULL, NULL);
	}
	for (size_t j = 0; j < np; j++)
		for (size_t i = 0; i < j; i++) {
			snprintf(buf, sizeof buf, "%.*s, %.*s", (int)len[i], s[i], (int)len[j], s[j]);
			if (week_of(p, h->days, buf, NULL, NULL) >= alone[i] + alone[j])
				continue;
			warn(p, d, h->line, h->days, "hours \"%.*s\" overlap \"%.*s\": the overlap counts once",
			     (int)len[j], s[j], (int)len[i], s[i]);
			n++;
		}
	return n;
}

/* A later line for a weekday replaces the hours of an earlier one.  A
 * calendar's lines are next to each other in p->hours (its section is
 * read whole), so only those before J of J's own calendar are looked at. */
static size_t
lint_replaced_days(const sla_policy *p, const sla_diag *d, size_t j)
{
	static const char all_day[] = "00:00-24:00";
	const sla_pol_hours *b = &p->hours[j];
	int64_t alone_b = week_of(p, b->days, all_day, NULL, NULL);
	size_t n = 0, from = j;
	while (from > 0 && p->hours[from - 1].calendar == b->calendar)
		from--;
	for (size_t i = from; i < j; i++) {
		const sla_pol_hours *a = &p->hours[i];
		if (week_of(p, a->days, all_day, b->days, all_day) >=
			    week_of(p, a->days, all_day, NULL, NULL) + alone_b)
			continue;
		warn(p, d, b->line, b->days, "replaces the hours of line %lu for the days they share",
		     a->line);
		n++;
	}
	return n;
}

static size_t
lint_overlaps(const sla_policy *p, const sla_diag *d)
{
	size_t n = 0;
	for (size_t j = 0; j < p->nhours; j++)
		n += lint_line_overlaps(p, d, &p->hours[j]) + lint_replaced_days(p, d, j);
	return n;
}

/* Holidays known only for some years: tickets outside them get none. */
static size_t
lint_holiday_years(sla_policy *p, const sla_diag *d, int64_t now)
{
	int64_t y;
	unsigned mo, da;
	size_t n = 0;
	int64_t local = now + sla_tz_offset(p->tz, now);
	sla_civil_from_days(sla_floor_div(local, SLA_DAY), &y, &mo, &da);
	for (size_t i = 1; i < p->ncals; i++) {
		int64_t first, last;
		sla_calendar *c = p->cals[i];
		unsigned long line = p->cal_lines[i];
		if (!sla_calendar_date_years(c, &first, &last)) {
			warn(p, d, line, NULL, "calendar %s has no holidays at all", sla_calendar_name(c));
			n++;
		} else if (y < first || y > last) {
			warn(p, d, line, NULL,
			     "calendar %s knows holidays for %lld-%lld only, not for %lld",
			     sla_calendar_name(c), (long long)first, (long long)last, (long long)y);
			n++;
		}
		if (week_of_calendar(c, p->tz) == 0) {
			warn(p, d, line, NULL, "calendar %s has no business hours: no target on it "
			     "is ever due, its rows are invalid", sla_calendar_name(c));
			n++;
		} else if (sla_calendar_day_length(c) == 0) {
			warn(p, d, line, NULL, "calendar %s has no hours on Monday: wd is 0 (set day =)",
			     sla_calendar_name(c));
			n++;
		}
	}
	return n;
}

/* Make-up workdays are worked as one weekday: when Monday to Friday have
 * different hours, which one should be said. */
static size_t
lint_makeup_weekday(const sla_policy *p, const sla_diag *d)
{
	size_t n = 0;
	for (size_t i = 1; i < p->ncals; i++) {
		unsigned wd;
		if (!sla_calendar_makeup_ambiguous(p->cals[i], &wd))
			continue;
		warn(p, d, p->cal_lines[i], NULL,
		     "calendar %s has different hours from Monday to Friday and works its make-up "
		     "workdays as %s: name the weekday with workdays = SET as DAY",
		     sla_calendar_name(p->cals[i]), sla_weekday_name(wd));
		n++;
	}
	return n;
}

/* Credits and a cap in percent are shares of the fee: without one they
 * cost nothing. */
static size_t
lint_fee(const sla_policy *p, const sla_diag *d)
{
	if (p->fee > 0 || (p->nbands == 0 && !(p->cap.set && p->cap.percent)))
		return 0;
	warn(p, d, 0, NULL, "credits and a cap in %% are shares of the fee, and [policy] has no fee");
	return 1;
}

/* A lower compliance must never cost less: "99%:25%, 95%:10%" credits 25 %
 * at 97 % and 10 % at 90 %, most likely two bands swapped.  The bands are
 * sorted by compliance, highest first. */
static size_t
lint_credit_order(const sla_policy *p, const sla_diag *d)
{
	size_t n = 0;
	for (size_t i = 1; i < p->nbands; i++) {
		const sla_credit_band *hi = &p->bands[i - 1], *lo = &p->bands[i];
		if (lo->credit_ppm >= hi->credit_ppm)
			continue;
		char a[32], b[32], c[32], e[32];
		sla_percent_format(lo->below_ppm, a);
		sla_percent_format(lo->credit_ppm, b);
		sla_percent_format(hi->below_ppm, c);
		sla_percent_format(hi->credit_ppm, e);
		warn(p, d, p->credits_line, "credits",
		     "a compliance below %s gives %s, less than the %s below %s: "
		     "a lower compliance must never give a smaller credit", a, b, e, c);
		n++;
	}
	return n;
}

/* Credits and a cap are the contract's, or each customer's: a policy that
 * prices a period should say which, since the same file reads either way
 * (one signed letter, or one template for many customers). */
static size_t
lint_per(const sla_policy *p, const sla_diag *d)
{
	if (p->per_set || (p->nbands == 0 && !p->cap.set))
		return 0;
	warn(p, d, 0, NULL, "[penalties] sets credits or a cap but not per: they apply to the "
	     "whole contract (per = contract); write per = customer if each customer has its own");
	return 1;
}

size_t
sla_policy_lint(sla_policy *p, const sla_diag *d, int64_t now)
{
	return lint_targets(p, d) + lint_overlaps(p, d) + lint_holiday_years(p, d, now) +
	       lint_makeup_weekday(p, d) + lint_fee(p, d) + lint_credit_order(p, d) +
	       lint_per(p, d);
}
