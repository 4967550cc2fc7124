/* report_settings.c: a partial's settings block read back into a
 * configuration (report_settings.h).  One line a setting, in the order
 * report_partial.c writes them; a block is taken only when the
 * configuration read writes the same block again. */
#include <stdlib.h>
#include <string.h>

#include "report_partial_int.h"
#include "report_settings.h"
#include "sla_digest.h"
#include "sla_mem.h"
#include "sla_policy.h"

/* Keep P (may be NULL: out of memory) for the settings' life; returns it. */
static void *
own(rpt_settings *s, void *p)
{
	if (p && !sla_grow((void **)&s->owned, &s->owned_cap, s->nowned + 1, sizeof *s->owned)) {
		free(p);
		return NULL;
	}
	if (p)
		s->owned[s->nowned++] = p;
	return p;
}

static char *
text(rpt_settings *s, sla_field f)
{
	char *t = own(s, malloc(f.n + 1));
	if (t)
		t[sla_unescape(f, t)] = '\0';
	return t;
}

/* The fields of one line: the value fields after "set" and the name. */
typedef struct set_line {
	sla_field name;
	sla_field *v;
	size_t n;
} set_line;

/* Split LINE[0..N) at its tabs into *FS (grown; *CAP), their number. */
static size_t
split(const char *line, size_t n, sla_field **fs, size_t *cap)
{
	size_t k = 0;
	const char *p = line, *end = line + n;
	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		if (!sla_grow((void **)fs, cap, k + 1, sizeof **fs))
			return 0;
		(*fs)[k++] = (sla_field){ p, (size_t)((tab ? tab : end) - p) };
		if (!tab)
			return k;
		p = tab + 1;
	}
}

/* A whole number 0 ... MAX written in F into *V: 0, or -1. */
static int
number(sla_field f, int64_t min, int64_t max, int64_t *v)
{
	bool neg = f.n > 0 && f.p[0] == '-';
	uint64_t x = 0;
	if (f.n == (size_t)neg || f.n > 20)
		return -1;
	for (size_t i = neg; i < f.n; i++) {
		if (f.p[i] < '0' || f.p[i] > '9' || x > (UINT64_MAX - 9) / 10)
			return -1;
		x = x * 10 + (uint64_t)(f.p[i] - '0');
	}
	if (x > (uint64_t)INT64_MAX + neg)
		return -1;
	int64_t y = neg ? (x == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)x) : (int64_t)x;
	if (y < min || y > max)
		return -1;
	*v = y;
	return 0;
}

static const char *
read_words(rpt_settings *s, const set_line *l, const char *const **out, size_t *n)
{
	const char **v = own(s, calloc(l->n + 1, sizeof *v));
	if (!v)
		return "out of memory";
	for (size_t i = 0; i < l->n; i++)
		if (!(v[i] = text(s, l->v[i])))
			return "out of memory";
	*out = v;
	*n = l->n;
	return NULL;
}

static const char *
read_period(const set_line *l, sla_period_kind *k)
{
	char name[16];
	if (l->n < 1 || l->v[0].n >= sizeof name)
		return "unknown period";
	memcpy(name, l->v[0].p, l->v[0].n);
	name[l->v[0].n] = '\0';
	return sla_period_parse(name, k) < 0 ? "unknown period" : NULL;
}

static const char *
read_credits(rpt_settings *s, const set_line *l)
{
	sla_credit_band *b = own(s, calloc(l->n + 1, sizeof *b));
	if (!b)
		return "out of memory";
	for (size_t i = 0; i < l->n; i++) {
		const char *colon = memchr(l->v[i].p, ':', l->v[i].n);
		int64_t below, credit;
		if (!colon ||
		    number((sla_field){ l->v[i].p, (size_t)(colon - l->v[i].p) }, 0, 1000000, &below) ||
		    number((sla_field){ colon + 1, l->v[i].n - (size_t)(colon + 1 - l->v[i].p) }, 0,
			   1000000, &credit))
			return "not a credit band";
		b[i] = (sla_credit_band){ (int32_t)below, (int32_t)credit };
	}
	s->terms.bands = b;
	s->terms.nbands = l->n;
	return NULL;
}

static const char *
read_cap(rpt_settings *s, const set_line *l)
{
	int64_t v;
	if (l->n == 1 && sla_field_eq(l->v[0], "none"))
		return NULL;
	if (l->n != 2 || number(l->v[1], 0, INT64_MAX, &v) < 0)
		return "not a cap";
	s->terms.cap.set = true;
	if (sla_field_eq(l->v[0], "percent") && v <= 1000000) {
		s->terms.cap.percent = true;
		s->terms.cap.ppm = (int32_t)v;
		return NULL;
	}
	s->terms.cap.amount = v;
	return sla_field_eq(l->v[0], "amount") ? NULL : "not a cap";
}

static const char *
read_tz(rpt_settings *s, const set_line *l)
{
	char err[128];
	const char *name = l->n == 1 ? text(s, l->v[0]) : NULL;
	if (!name)
		return "not a time zone";
	if (s->tz)
		return "a time zone twice";
	s->tz = sla_tz_load(name, err, sizeof err);
	s->cfg.tz = s->tz;
	return s->tz ? NULL : "cannot load the time zone";
}

/* One setting; the terms of payment are all there or all missing (the
 * block written again from them tells). */
static const char *
read_set(rpt_settings *s, const set_line *l)
{
	int64_t v;
	sla_report_terms *t = &s->terms;

	s->cfg.terms = sla_field_eq(l->name, "contract") ? t : s->cfg.terms;
	if (sla_field_eq(l->name, "period"))
		return read_period(l, &s->cfg.period);
	if (sla_field_eq(l->name, "by"))
		return read_words(s, l, &s->cfg.by, &s->cfg.nby);
	if (sla_field_eq(l->name, "top")) {
		if (l->n != 1 || number(l->v[0], 0, 1000, &v) < 0)
			return "not a count 0-1000";
		s->cfg.top = (size_t)v;
		return NULL;
	}
	if (sla_field_eq(l->name, "timezone"))
		return read_tz(s, l);
	if (sla_field_eq(l->name, "policy"))
		return l->n == 1 && sla_digest_parse(l->v[0].p, l->v[0].n, &s->cfg.policy_digest) == 0
		       ? NULL : "not a digest";
	if (sla_field_eq(l->name, "tiers"))
		return read_words(s, l, &s->cfg.tier_order, &s->cfg.ntiers);
	if (sla_field_eq(l->name, "metrics"))
		return read_words(s, l, &s->cfg.metric_order, &s->cfg.nmetrics);
	if (sla_field_eq(l->name, "contract")) {
		t->contract = l->n ? text(s, l->v[0]) : NULL;
		return l->n > 1 ? "not a name" : NULL;
	}
	if (sla_field_eq(l->name, "currency"))
		return l->n == 1 && (t->currency = text(s, l->v[0])) ? NULL : "not a currency";
	if (sla_field_eq(l->name, "minor")) {
		if (l->n != 1 || number(l->v[0], 0, 18, &v) < 0)
			return "not a number of digits";
		t->minor_digits = (int)v;
		return NULL;
	}
	if (sla_field_eq(l->name, "fee"))
		return l->n == 1 && number(l->v[0], INT64_MIN + 1, INT64_MAX, &t->fee) == 0
		       ? NULL : "not an amount";
	if (sla_field_eq(l->name, "credits"))
		return read_credits(s, l);
	if (sla_field_eq(l->name, "cap"))
		return read_cap(s, l);
	if (sla_field_eq(l->name, "statements")) {
		t->per_customer = l->n == 2 && sla_field_eq(l->v[1], "customer");
		if (l->n != 2 || (!t->per_customer && !sla_field_eq(l->v[1], "contract")))
			return "not a statement period and per";
		return read_period(l, &t->period);
	}
	return "unknown setting";
}

const char *
sla_rpt_settings_read(rpt_settings *s, const char *block, size_t n, size_t *line)
{
	sla_field *fs = NULL;
	size_t cap = 0;
	const char *why = NULL, *p = block, *end = block + n;

	*line = 0;
	if (n == 0)
		return "no settings";
	while (!why && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t k = split(p, (size_t)((nl ? nl : end) - p), &fs, &cap);
		++*line;
		if (k < 2 || !sla_field_eq(fs[0], "set"))
			why = "not a setting";
		else
			why = read_set(s, &(set_line){ fs[1], fs + 2, k - 2 });
		p = nl ? nl + 1 : end;
	}
	free(fs);
	if (why)
		return why;
	/* The configuration read must write the block it was read from. */
	rpt_text again = { 0 };
	if (!s->cfg.tz)
		return *line = 0, "no time zone";
	if (s->cfg.terms && !s->terms.currency)
		return *line = 0, "terms of payment without a currency";
	sla_rpt_settings_text(&s->cfg, &again);
	bool same = !again.failed && again.n == n && memcmp(again.p, block, n) == 0;
	if (!same && !again.failed)
		*line = sla_rpt_settings_differ(block, n, again.p, again.n, &(const char *){ NULL });
	sla_rpt_text_free(&again);
	return same ? NULL : "settings missing, repeated or out of order";
}

void
sla_rpt_settings_free(rpt_settings *s)
{
	for (size_t i = 0; i < s->nowned; i++)
		free(s->owned[i]);
	free(s->owned);
	sla_tz_free(s->tz);
	*s = (rpt_settings){ 0 };
}

/* What a setting's line is set by, for a message. */
static const char *
setting_words(sla_field name)
{
	static const char *const names[][2] = {
		{ "period", "--period" }, { "by", "--by" }, { "top", "--top" },
		{ "timezone", "the time zone (--tz, or the policy's)" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (sla_field_eq(name, names[i][0]))
			return names[i][1];
	return "the policy";
}

size_t
sla_rpt_settings_differ(const char *a, size_t an, const char *b, size_t bn, const char **what)
{
	size_t line = 1;
	const char *pa = a, *pb = b, *ea = a + an, *eb = b + bn;

	*what = "the settings";
	while (pa < ea || pb < eb) {
		const char *na = memchr(pa, '\n', (size_t)(ea - pa)), *nb = memchr(pb, '\n', (size_t)(eb - pb));
		size_t la = (size_t)((na ? na : ea) - pa), lb = (size_t)((nb ? nb : eb) - pb);
		if (la != lb || memcmp(pa, pb, la) != 0) {
			/* "set\tNAME\t...": the name of A's line, else B's */
			const char *l = pa < ea ? pa : pb;
			size_t ln = pa < ea ? la : lb;
			const char *name = ln > 4 ? l + 4 : l, *stop = memchr(name, '\t', ln > 4 ? ln - 4 : 0);
			*what = setting_words((sla_field){ name, stop ? (size_t)(stop - name)
								      : (size_t)(l + ln - name) });
			return line;
		}
		pa = na ? na + 1 : ea;
		pb = nb ? nb + 1 : eb;
		line++;
	}
	return 0;
}
