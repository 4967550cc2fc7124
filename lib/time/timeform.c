/* timeform.c: reading the time forms of exports (see sla_timeform.h).
 *
 * One small cursor scanner reads a date part (three numbers, or a month
 * name, or 年月日) and an optional time of day; the forms differ only in the
 * order of the three numbers, settled from the separators. */
#define _XOPEN_SOURCE 700	/* strptime(3) */
#define _DEFAULT_SOURCE		/* tm_gmtoff */
#include <string.h>
#include <time.h>

#include "sla_timeform.h"

typedef struct cursor {
	const char *p, *end;
} cursor;

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* MIN to MAX digits as a number; -1 when fewer than MIN. */
static int
number(cursor *c, int min, int max, int *ndigits)
{
	int v = 0, k = 0;

	while (k < max && c->p < c->end && is_digit(*c->p)) {
		v = v * 10 + (*c->p++ - '0');
		k++;
	}
	if (ndigits)
		*ndigits = k;
	return k >= min ? v : -1;
}

static bool
accept(cursor *c, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
		return false;
	c->p += n;
	return true;
}

static void
skip_spaces(cursor *c)
{
	while (c->p < c->end && *c->p == ' ')
		c->p++;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* An English month name or its abbreviation of three letters or more. */
static int
month_name(cursor *c)
{
	static const char *const names[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
	};
	const char *s = c->p;
	size_t n = 0;

	while (s + n < c->end && ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z'))
		n++;
	if (n < 3)
		return -1;
	for (int m = 0; m < 12; m++) {
		size_t k = 0;
		while (k < n && names[m][k] && lower(s[k]) == names[m][k])
			k++;
		if (k == n) {
			c->p += n;
			return m + 1;
		}
	}
	return -1;
}

typedef struct civil {
	int y, mo, d, h, mi, s;
	enum sla_date_order proof;	/* the order the value itself showed */
} civil;

/* A two-digit year is read as 20YY (Jira's dd/MMM/yy). */
static int
full_year(int y, int ndigits)
{
	return ndigits == 2 ? 2000 + y : y;
}

/* Y?M?D with year first: 2026-3-2, 2026/03/02, 2026.3.2, 2026年3月2日. */
static int
date_year_first(cursor *c, civil *t)
{
	if (accept(c, "年")) {
		if ((t->mo = number(c, 1, 2, NULL)) < 0 || !accept(c, "月") ||
		    (t->d = number(c, 1, 2, NULL)) < 0)
			return SLA_TF_BAD;
		if (!accept(c, "日"))
			accept(c, "号");
		return SLA_TF_OK;
	}
	if (c->p >= c->end || (*c->p != '-' && *c->p != '/' && *c->p != '.'))
		return SLA_TF_BAD;
	char sep = *c->p++;
	if ((t->mo = number(c, 1, 2, NULL)) < 0 || c->p >= c->end || *c->p++ != sep ||
	    (t->d = number(c, 1, 2, NULL)) < 0)
		return SLA_TF_BAD;
	return SLA_TF_OK;
}

/* A/B/Y: D/M or M/D, settled by a part above 12, else by ORDER. */
static int
settle_order(int a, int b, enum sla_date_order order, civil *t)
{
	if (a > 12 && b <= 12)
		t->proof = SLA_ORDER_DMY;
	else if (b > 12 && a <= 12)
		t->proof = SLA_ORDER_MDY;
	if (a > 12 || (b <= 12 && order == SLA_ORDER_DMY)) {
		t->d = a;
		t->mo = b;
	} else if (b > 12 || order == SLA_ORDER_MDY) {
		t->mo = a;
		t->d = b;
	} else {
		return SLA_TF_AMBIGUOUS;
	}
	return SLA_TF_OK;
}

/* Day or month first: 02.03.2026, 02/Mar/26, 3/2/2026, 2-3-2026. */
static int
date_year_last(cursor *c, int a, enum sla_date_order order, civil *t)
{
	int yd;

	if (c->p >= c->end || (*c->p != '.' && *c->p != '/' && *c->p != '-'))
		return SLA_TF_BAD;
	char sep = *c->p++;
	int mon = month_name(c);
	if (mon > 0) {
		if (c->p >= c->end || *c->p++ != sep ||
		    (t->y = number(c, 2, 4, &yd)) < 0 || yd == 3)
			return SLA_TF_BAD;
		t->y = full_year(t->y, yd);
		t->mo = mon;
		t->d = a;
		return SLA_TF_OK;
	}
	int b = number(c, 1, 2, NULL);
	if (b < 0 || c->p >= c->end || *c->p++ != sep || (t->y = number(c, 4, 4, &yd)) < 0)
		return SLA_TF_BAD;
	if (sep == '.') {	/* dots are the European D.M.Y, never M.D.Y */
		t->d = a;
		t->mo = b;
		return SLA_TF_OK;
	}
	return settle_order(a, b, order, t);
}

/* AM/PM after the time, or 上午/下午 before it: 0 none, 1 AM, 2 PM. */
static int
meridiem(cursor *c)
{
	skip_spaces(c);
	if (accept(c, "上午"))
		return 1;
	if (accept(c, "下午") || accept(c, "晚上"))
		return 2;
	if (c->end - c->p >= 2 && (c->p[1] | 0x20) == 'm') {
		char a = (char)(c->p[0] | 0x20);
		if (a == 'a' || a == 'p') {
			c->p += 2;
			return a == 'a' ? 1 : 2;
		}
	}
	return 0;
}

static int
apply_meridiem(int h, int m)
{
	if (m == 0)
		return h;
	if (h < 1 || h > 12)
		return -1;
	return (h % 12) + (m == 2 ? 12 : 0);
}

/* [sep] [上午|下午] H:MM[:SS[.frac]] [AM|PM], or nothing (midnight). */
static int
time_of_day(cursor *c, civil *t)
{
	if (c->p < c->end && (*c->p == 'T' || *c->p == 't' || *c->p == ','))
		c->p++;
	int before = meridiem(c);
	skip_spaces(c);
	if (c->p == c->end && !before)
		return SLA_TF_OK;
	if ((t->h = number(c, 1, 2, NULL)) < 0 || !(accept(c, ":") || accept(c, "时")) ||
	    (t->mi = number(c, 2, 2, NULL)) < 0)
		return SLA_TF_BAD;
	accept(c, "分");
	if (accept(c, ":")) {
		if ((t->s = number(c, 2, 2, NULL)) < 0)
			return SLA_TF_BAD;
		if (accept(c, ".") || accept(c, ","))
			number(c, 1, 9, NULL);
	}
	accept(c, "秒");
	int after = meridiem(c);
	if (before && after)
		return SLA_TF_BAD;
	t->h = apply_meridiem(t->h, before | after);
	return SLA_TF_OK;
}

/* What may end a time: nothing, Z, UTC, GMT, or an offset ±HH[[:]MM]
 * (Rails and Ruby write "2026-03-02 09:30:00 +0800").  -1 when something
 * else is left; else 1 with *OFFSET set, or 0 for none. */
static int
zone_suffix(cursor *c, int32_t *offset)
{
	int h, m = 0;

	skip_spaces(c);
	*offset = 0;
	if (c->p == c->end)
		return 0;
	if (accept(c, "Z") || accept(c, "UTC") || accept(c, "GMT"))
		return c->p == c->end ? 1 : -1;
	if (*c->p != '+' && *c->p != '-')
		return -1;
	int sign = *c->p++ == '-' ? -1 : 1;
	if ((h = number(c, 2, 2, NULL)) < 0 || h > 14)
		return -1;
	accept(c, ":");
	if (c->p < c->end && (m = number(c, 2, 2, NULL)) < 0)
		return -1;
	if (m > 59 || c->p != c->end)
		return -1;
	*offset = sign * (h * 3600 + m * 60);
	return 1;
}

static bool
valid(const civil *t)
{
	return t->y >= 1 && t->y <= 9999 && t->mo >= 1 && t->mo <= 12 && t->d >= 1 &&
	       t->d <= (int)sla_days_in_month(t->y, (unsigned)t->mo) && t->h >= 0 &&
	       t->h <= 23 && t->mi >= 0 && t->mi <= 59 && t->s >= 0 && t->s <= 59;
}

static int64_t
civil_seconds(const civil *t)
{
	return sla_days_from_civil(t->y, (unsigned)t->mo, (unsigned)t->d) * SLA_DAY +
	       t->h * 3600 + t->mi * 60 + t->s;
}

/* Ten digits are epoch seconds, thirteen milliseconds (2001 to 2286). */
static bool
epoch(const char *p, size_t n, sla_stamp *out)
{
	if (n != 10 && n != 13)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(p[i]))
			return false;
		v = v * 10 + (p[i] - '0');
	}
	*out = (sla_stamp){ .secs = n == 13 ? v / 1000 : v, .offset = 0, .has_offset = true };
	return true;
}

static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && (**p == ' ' || **p == '\t')) {
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t'))
		(*n)--;
}

static int
scan(const char *p, size_t n, enum sla_date_order order, sla_stamp *out, civil *t)
{
	trim(&p, &n);
	if (epoch(p, n, out) || sla_rfc3339_parse(p, n, out) == 0)
		return SLA_TF_OK;

	cursor c = { p, p + n };
	int nd, rc;
	int first = number(&c, 1, 4, &nd);
	if (first < 0)
		return SLA_TF_BAD;
	if (nd == 4) {
		t->y = first;
		rc = date_year_first(&c, t);
	} else if (nd <= 2) {
		rc = date_year_last(&c, first, order, t);
	} else {
		return SLA_TF_BAD;
	}
	if (rc != SLA_TF_OK)
		return rc;
	/* the time follows a space, T or comma; after 日 it may follow at once */
	if (c.p < c.end && *c.p != ' ' && *c.p != 'T' && *c.p != 't' && *c.p != ',' &&
	    !(c.p[-1] & 0x80))
		return SLA_TF_BAD;
	int32_t offset;
	int zone;
	if (time_of_day(&c, t) != SLA_TF_OK || (zone = zone_suffix(&c, &offset)) < 0 ||
	    !valid(t))
		return SLA_TF_BAD;
	*out = (sla_stamp){ .secs = civil_seconds(t) - offset, .offset = offset,
			    .has_offset = zone == 1 };
	return SLA_TF_OK;
}

int
sla_timeform_parse(const char *p, size_t n, enum sla_date_order order, sla_stamp *out)
{
	civil t = { 0 };

	return scan(p, n, order, out, &t);
}

int
sla_timeform_instant(const char *p, size_t n, const sla_tz *tz, int64_t *t)
{
	sla_stamp st;
	int rc = sla_timeform_parse(p, n, SLA_ORDER_UNKNOWN, &st);
	if (rc != SLA_TF_OK)
		return rc;
	return sla_tz_resolve(tz, &st, t) == SLA_TZ_OK ? SLA_TF_OK : SLA_TF_GAP;
}

const char *
sla_timeform_why(int rc)
{
	switch (rc) {
	case SLA_TF_AMBIGUOUS: return "day/month order unknown (write the date as 2026-03-02)";
	case SLA_TF_GAP: return "wall-clock time skipped by a DST change";
	default: return "cannot read time";
	}
}

/* A value that proves an order reads the same in any order (settle_order),
 * so its proof does not depend on ORDER. */
int
sla_timeform_parse_proving(const char *p, size_t n, enum sla_date_order order,
			   sla_stamp *out, enum sla_date_order *proof)
{
	civil t = { 0 };
	int rc = scan(p, n, order, out, &t);

	*proof = rc == SLA_TF_OK ? t.proof : SLA_ORDER_UNKNOWN;
	return rc;
}

enum sla_date_order
sla_timeform_evidence(const char *p, size_t n)
{
	civil t = { 0 };
	sla_stamp st;

	/* Any order will do: a part above 12 settles the reading by itself. */
	if (scan(p, n, SLA_ORDER_DMY, &st, &t) != SLA_TF_OK)
		return SLA_ORDER_UNKNOWN;
	return t.proof;
}

int
sla_date_order_from_name(const char *name)
{
	char low[4];
	size_t n = strlen(name);

	if (n != 3)
		return -1;
	for (size_t i = 0; i < 3; i++)
		low[i] = lower(name[i]);
	low[3] = '\0';
	if (strcmp(low, "dmy") == 0)
		return SLA_ORDER_DMY;
	if (strcmp(low, "mdy") == 0)
		return SLA_ORDER_MDY;
	return -1;
}

bool
sla_timeform_format_ok(const char *fmt)
{
	if (!*fmt)
		return false;
	for (const char *s = fmt; *s; s++) {
		if (*s == '%' && s[1]) {
			s++;
			if (*s == 's')
				return false;
		}
	}
	return true;
}

/* strptime(3) fills a struct tm; the seconds are computed here, never with
 * mktime(), which would read TZ. */
int
sla_timeform_strptime(const char *p, size_t n, const char *fmt, sla_stamp *out)
{
	char buf[128];
	struct tm tm;

	trim(&p, &n);
	if (n == 0 || n >= sizeof buf || !sla_timeform_format_ok(fmt))
		return SLA_TF_BAD;
	memcpy(buf, p, n);
	buf[n] = '\0';
	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	const char *end = strptime(buf, fmt, &tm);
	if (!end || *end != '\0')
		return SLA_TF_BAD;
	civil t = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec > 59 ? 59 : tm.tm_sec, SLA_ORDER_UNKNOWN };
	if (!valid(&t))
		return SLA_TF_BAD;
	bool has_offset = strstr(fmt, "%z") != NULL;
	int32_t off = has_offset ? (int32_t)tm.tm_gmtoff : 0;
	*out = (sla_stamp){ .secs = civil_seconds(&t) - off, .offset = off,
			    .has_offset = has_offset };
	return SLA_TF_OK;
}
