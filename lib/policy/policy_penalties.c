/* policy_penalties.c: the [penalties] section of a policy (DESIGN §6,
 * sla-policy(5)): the credit bands, the cap, whom a statement is for and
 * the period it covers -- the terms a statement is priced by, read from
 * the entries that policy_entries.c collected.  What a breach or a
 * statement costs is not read here: sla_penalty.h and sla-report. */
#include <stdlib.h>
#include <string.h>

#include "sla_list.h"
#include "sla_money.h"
#include "sla_policy_read.h"
#include "sla_scan.h"

static int
by_below_desc(const void *a, const void *b)
{
	const sla_credit_band *x = a, *y = b;
	return (x->below_ppm < y->below_ppm) - (x->below_ppm > y->below_ppm);
}

/* "99%:5%, 95%:10%": compliance below the first costs the second of the fee. */
static void
read_credits(sla_pol_ctx *x, const sla_pol_entry *e)
{
	sla_policy *p = x->p;
	size_t n = sla_list_count(e->value);
	free(p->bands);		/* a second credits = is an error of its own */
	p->nbands = 0;
	p->credits_line = e->line;
	p->bands = calloc(n, sizeof *p->bands);
	if (!p->bands) {
		sla_pol_error(x, NULL, "out of memory");
		return;
	}
	for (const char *list = e->value; list && *list;) {
		size_t len;
		const char *s = sla_list_next(&list, &len);
		size_t blanks = strspn(s, " ");	/* stops at the comma */
		s += blanks;
		len -= blanks;
		const char *colon = memchr(s, ':', len);
		size_t tail = len;
		while (tail > 0 && s[tail - 1] == ' ')
			tail--;
		sla_credit_band *b = &p->bands[p->nbands];
		size_t blen = colon ? (size_t)(colon - s) : 0;
		while (blen > 0 && s[blen - 1] == ' ')
			blen--;
		const char *c = colon ? colon + 1 + strspn(colon + 1, " ") : NULL;
		/* "99%:   ," : the blanks after the colon are past the trimmed end */
		size_t clen = c && c < s + tail ? (size_t)(s + tail - c) : 0;
		if (!colon || sla_percent_parse(s, blen, &b->below_ppm) < 0 ||
		    sla_percent_parse(c, clen, &b->credit_ppm) < 0) {
			sla_pol_error(x, e, "expected COMPLIANCE%%:CREDIT%%, ... (99%%:5%%, 95%%:10%%)");
			return;
		}
		p->nbands++;
	}
	/* sorted first, so that a level given twice is next to itself: a
	 * long list costs n log n, not n squared */
	qsort(p->bands, p->nbands, sizeof *p->bands, by_below_desc);
	for (size_t i = 1; i < p->nbands; i++)
		if (p->bands[i].below_ppm == p->bands[i - 1].below_ppm) {
			sla_pol_error(x, e, "a compliance level appears twice");
			return;
		}
}

/* "10%" of the fee, or an amount "5000.00". */
static void
read_cap(sla_pol_ctx *x, const sla_pol_entry *e, sla_cap *cap)
{
	size_t n = strlen(e->value);
	*cap = (sla_cap){ .set = true };
	if (n > 0 && e->value[n - 1] == '%') {
		cap->percent = true;
		if (sla_percent_parse(e->value, n, &cap->ppm) < 0)
			sla_pol_error(x, e, "cannot read percentage");
	} else if (sla_money_parse(e->value, n, x->p->digits, &cap->amount) < 0 || cap->amount < 0) {
		sla_pol_error(x, e, "cannot read amount (at most %d decimals)", x->p->digits);
	}
}

/* "customer" or "contract": who a statement's fee, credits and cap are for. */
static void
read_per(sla_pol_ctx *x, const sla_pol_entry *e)
{
	static const char *const pers[] = { "contract", "customer" };
	x->p->per_set = true;
	if (strcmp(e->value, "customer") == 0)
		x->p->per_customer = true;
	else if (strcmp(e->value, "contract") == 0)
		x->p->per_customer = false;
	else
		sla_pol_unknown(x, e->line, e->key, "per (contract or customer)", e->value, pers, 2);
}

/* "month", "quarter" or "year": the period of a statement. */
static void
read_statement_period(sla_pol_ctx *x, const sla_pol_entry *e)
{
	static const char *const periods[] = { "month", "quarter", "year" };
	int i = sla_name_index(e->value, periods, sizeof periods / sizeof *periods);
	if (i >= 0)
		x->p->statement_period = periods[i];
	else
		sla_pol_unknown(x, e->line, e->key, "period (month, quarter or year)", e->value, periods, 3);
}

void
sla_pol_read_penalties(sla_pol_ctx *x)
{
	sla_policy *p = x->p;
	static const char *const keys[] = { "credits", "cap", "per", "period" };
	for (size_t i = 0; i < x->n; i++) {
		sla_pol_entry *e = &x->v[i];
		if (e->kind != SLA_POL_PENALTIES)
			continue;
		if (strcmp(e->key, "credits") == 0)
			read_credits(x, e);
		else if (strcmp(e->key, "cap") == 0)
			read_cap(x, e, &p->cap);
		else if (strcmp(e->key, "per") == 0)
			read_per(x, e);
		else if (strcmp(e->key, "period") == 0)
			read_statement_period(x, e);
		else
			sla_pol_unknown(x, e->line, e->key, "key in [penalties]", e->key, keys,
					sizeof keys / sizeof *keys);
	}
}
