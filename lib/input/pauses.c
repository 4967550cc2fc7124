/* pauses.c: a ticket export's pauses taken apart (see sla_pauses.h). */
#include <string.h>

#include "sla_pauses.h"

#define FULLWIDTH_SEMICOLON "\xEF\xBC\x9B"	/* ； */
#define FULLWIDTH_TILDE "\xEF\xBD\x9E"		/* ～ */
#define ZHI "\xE8\x87\xB3"			/* 至: "to" */

static bool
at(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* The length of an item separator at P, or 0. */
static size_t
item_separator(const char *p, const char *end)
{
	if (*p == ';' || *p == '\n' || *p == '\r')
		return 1;
	return at(p, end, FULLWIDTH_SEMICOLON) ? 3 : 0;
}

static sla_field
trimmed(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return (sla_field){ p, (size_t)(end - p) };
}

bool
sla_pause_next(sla_field *rest, sla_field *item)
{
	const char *p = rest->p, *end = rest->p + rest->n;

	for (;;) {
		size_t k;
		while (p < end && (k = item_separator(p, end)) > 0)
			p += k;
		const char *q = p;
		while (q < end && item_separator(q, end) == 0)
			q++;
		*rest = (sla_field){ q, (size_t)(end - q) };
		if (p == end)
			return false;
		*item = trimmed(p, q);
		if (item->n)
			return true;
		p = q;	/* blanks only: passed over */
	}
}

/* The length of a start/end separator at P, or 0. */
static size_t
range_separator(const char *p, const char *end)
{
	if (*p == '/' || *p == '~')
		return 1;
	return at(p, end, FULLWIDTH_TILDE) || at(p, end, ZHI) ? 3 : 0;
}

int
sla_pause_split(sla_field iv, sla_pause_reads reads, void *ctx, sla_field *start,
		sla_field *end)
{
	const char *p = iv.p, *stop = iv.p + iv.n;
	const char *slash = memchr(p, '/', iv.n);

	/* the stream's form, and most exports': one slash */
	if (slash && !memchr(slash + 1, '/', (size_t)(stop - slash - 1))) {
		*start = trimmed(p, slash);
		*end = trimmed(slash + 1, stop);
		return 1;
	}
	int found = 0;
	for (const char *q = p; q < stop; q++) {
		size_t k = range_separator(q, stop);
		if (!k)
			continue;
		sla_field s = trimmed(p, q), e = trimmed(q + k, stop);
		if (s.n && reads(s, ctx) && (e.n == 0 || reads(e, ctx))) {
			if (found++)
				return -1;
			*start = s;
			*end = e;
		}
		q += k - 1;
	}
	return found;
}

/* ---- totals ------------------------------------------------------------------- */

enum { MICRO = 1000000 };

/* A number "135" or "7.5" at *P into *V, in millionths. */
static bool
number(const char **p, const char *end, int64_t *v)
{
	int64_t whole = 0, frac = 0, scale = MICRO;
	const char *q = *p;

	while (q < end && *q >= '0' && *q <= '9' && whole < 100000000)
		whole = whole * 10 + (*q++ - '0');
	if (q == *p || (q < end && *q >= '0' && *q <= '9'))
		return false;
	if (q < end && *q == '.') {
		q++;
		for (; q < end && *q >= '0' && *q <= '9'; q++)
			if (scale > 1)
				frac += (*q - '0') * (scale /= 10);
	}
	*v = whole * MICRO + frac;
	*p = q;
	return true;
}

/* The unit at *P, in seconds: 0 when there is none. */
static int64_t
unit(const char **p, const char *end)
{
	static const struct {
		const char *name;
		int64_t seconds;
	} units[] = {	/* longest first, where one begins another */
		{ "分钟", 60 }, { "分", 60 }, { "min", 60 }, { "m", 60 },
		{ "小时", 3600 }, { "时", 3600 }, { "hr", 3600 }, { "h", 3600 },
		{ "天", 86400 }, { "d", 86400 },
	};
	while (*p < end && **p == ' ')
		(*p)++;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (at(*p, end, units[i].name)) {
			*p += strlen(units[i].name);
			return units[i].seconds;
		}
	return 0;
}

bool
sla_pause_total(sla_field v, int64_t *seconds)
{
	sla_field t = trimmed(v.p, v.p + v.n);
	const char *p = t.p, *end = t.p + t.n;
	int64_t total = 0, n, mm;

	if (!number(&p, end, &n))
		return false;
	if (p < end && *p == ':') {	/* hours and minutes, 2:15 */
		p++;
		if (end - p != 2 || !number(&p, end, &mm) || mm >= 60 * (int64_t)MICRO ||
		    n % MICRO)
			return false;
		*seconds = n / MICRO * 3600 + mm / MICRO * 60;
		return *seconds <= (int64_t)100 * 366 * 86400;
	}
	for (bool first = true;; first = false) {
		int64_t u = unit(&p, end);
		if (!u && !(first && p == end))
			return false;
		total += n * (u ? u : 60) / MICRO;	/* a bare number is minutes */
		if (total > (int64_t)100 * 366 * 86400)
			return false;
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		if (!number(&p, end, &n))
			return false;
	}
	*seconds = total;
	return true;
}
