/* penalty.c: what penalties cost (sla_penalty.h): a breach, by its rule
 * "500 + 100/h max 2000" (read here too), and a penalty statement, by the
 * contract's credit bands and cap.  The one owner of both prices: sla-check
 * prices breaches, sla-report statements. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "sla_duration.h"
#include "sla_money.h"
#include "sla_penalty.h"
#include "sla_policy.h"

/* ---- a breach ------------------------------------------------------------ */

int
sla_penalty_amount(const sla_penalty *pen, int64_t overrun_s, int64_t *amount)
{
	int64_t total = pen->fixed, cost;
	bool fits = true;
	if (pen->rate > 0 && pen->unit_s > 0 && overrun_s > 0) {
		/* "each hour or part of it": every started unit counts */
		int64_t units = (overrun_s - 1) / pen->unit_s + 1;
		fits = sla_money_mul(units, pen->rate, &cost) == 0 &&
		       sla_money_add(total, cost, &total) == 0;
	}
	/* Under a maximum the price is exact even when the sum it bounds
	 * would not fit: it is the maximum.  Without one it is refused. */
	if (pen->has_max && (!fits || total > pen->max))
		total = pen->max;
	else if (!fits)
		return -1;
	*amount = total;
	return 0;
}

/* S without blanks at either end (S is modified). */
static char *
trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int
parse_amount(char *s, int digits, int64_t *out)
{
	s = trim(s);
	return sla_money_parse(s, strlen(s), digits, out) < 0 || *out < 0 ? -1 : 0;
}

/* "100/h", "100/30m": a rate per unit of overrun, the unit a plain
 * duration of fixed length (a working day would depend on the calendar). */
static int
parse_rate(char *term, int digits, sla_penalty *out, char *err, size_t errlen)
{
	char *slash = strchr(term, '/');
	*slash = '\0';
	if (parse_amount(term, digits, &out->rate) < 0) {
		snprintf(err, errlen, "cannot read the rate \"%s\"", trim(term));
		return -1;
	}
	char unit[64];
	char *u = trim(slash + 1);
	snprintf(unit, sizeof unit, "%s%s", isdigit((unsigned char)*u) ? "" : "1", u);
	sla_duration d;
	char derr[128];
	if (sla_duration_parse(unit, &d, derr, sizeof derr) < 0 || d.form != SLA_DUR_PLAIN ||
	    d.wd != 0 || d.secs <= 0) {
		snprintf(err, errlen, "cannot read the unit \"/%s\" (s, m, h or d)", u);
		return -1;
	}
	out->unit_s = d.secs;
	return 0;
}

int
sla_penalty_parse(const char *text, int digits, sla_penalty *out, char *err, size_t errlen)
{
	char buf[256];
	if (strlen(text) >= sizeof buf) {
		snprintf(err, errlen, "penalty rule too long");
		return -1;
	}
	strcpy(buf, text);
	*out = (sla_penalty){ .set = true };
	char *s = trim(buf);
	if (strcmp(s, "none") == 0)
		return 0;
	char *max = strstr(s, "max");
	if (max) {
		*max = '\0';
		out->has_max = true;
		if (parse_amount(max + 3, digits, &out->max) < 0) {
			snprintf(err, errlen, "cannot read the amount after \"max\"");
			return -1;
		}
	}
	bool have_fixed = false, have_rate = false;
	for (char *term = s, *next; term; term = next) {
		next = strchr(term, '+');
		if (next)
			*next++ = '\0';
		if (strchr(term, '/')) {
			if (have_rate) {
				snprintf(err, errlen, "more than one rate");
				return -1;
			}
			have_rate = true;
			if (parse_rate(term, digits, out, err, errlen) < 0)
				return -1;
		} else {
			if (have_fixed) {
				snprintf(err, errlen, "more than one fixed amount");
				return -1;
			}
			have_fixed = true;
			if (parse_amount(term, digits, &out->fixed) < 0) {
				snprintf(err, errlen,
					 "cannot read amount \"%s\" (FIXED + RATE/UNIT max MAX, "
					 "at most %d decimals)", trim(term), digits);
				return -1;
			}
		}
	}
	return 0;
}

/* ---- a statement ---------------------------------------------------------- */

int
sla_statement_add_breach(int64_t *sum, int64_t penalty)
{
	return sla_money_add(*sum, penalty, sum);
}

/* Products of two 64-bit counts, which 64 bits would wrap. */
__extension__ typedef unsigned __int128 wide_count;

/* The lowest band below which KEPT of ASSESSED falls; NULL for none. */
static const sla_credit_band *
band_of(const sla_statement_terms *t, uint64_t kept, uint64_t assessed)
{
	const sla_credit_band *hit = NULL;

	for (size_t i = 0; i < t->nbands; i++) {
		const sla_credit_band *b = &t->bands[i];
		if ((wide_count)kept * 1000000u < (wide_count)(uint64_t)b->below_ppm * assessed &&
		    (!hit || b->below_ppm < hit->below_ppm))
			hit = b;
	}
	return hit;
}

int
sla_statement_price_of(const sla_statement_terms *t, uint64_t kept, uint64_t broken,
		       int64_t breach_sum, sla_statement_price *out)
{
	*out = (sla_statement_price){ .band = band_of(t, kept, kept + broken) };
	out->credit = out->band ? sla_money_ppm(t->fee, out->band->credit_ppm) : 0;
	if (sla_money_add(breach_sum, out->credit, &out->total) < 0)
		return -1;
	if (t->cap->set) {
		out->cap = t->cap->percent ? sla_money_ppm(t->fee, t->cap->ppm) : t->cap->amount;
		out->capped = out->cap < out->total;
		if (out->capped)
			out->total = out->cap;
	}
	return 0;
}
