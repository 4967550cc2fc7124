/* tz.c: a TZif (RFC 8536) reader and POSIX TZ rules. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_file.h"
#include "sla_tz.h"

enum { TZIF_MAX = 1 << 20 };	/* far above any zone: tzdata's are a few kB */

/* One half of a POSIX rule: the day of the change and the time of day. */
struct rule_date {
	char kind;		/* 'J' Julian 1-365, 'D' zero-based day, 'M' month.week.day */
	int day, week, month;
	int32_t time;		/* seconds after local midnight, may be <0 or >24h */
};

struct posix_rule {
	int32_t std_off, dst_off; /* seconds east of UTC */
	bool has_dst;
	struct rule_date start, end;
};

struct sla_tz {
	char *name;
	size_t n;		/* transitions */
	int64_t *at;		/* transition instants, ascending */
	int32_t *off_after;	/* offset from at[i] on */
	int32_t first_off;	/* before the first transition */
	bool has_rule;
	struct posix_rule rule;	/* after the last transition */
};

static void
set_err(char *err, size_t errlen, const char *fmt, const char *arg)
{
	if (err && errlen)
		snprintf(err, errlen, fmt, arg);
}

/* ---- POSIX TZ strings: "CET-1CEST,M3.5.0,M10.5.0/3" ---------------------- */

static const char *
skip_name(const char *p)
{
	if (*p == '<') {
		const char *q = strchr(p, '>');
		return q ? q + 1 : NULL;
	}
	const char *q = p;
	while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
		q++;
	return q - p >= 3 ? q : NULL;
}

static const char *
parse_num(const char *p, int *v, int max)
{
	if (*p < '0' || *p > '9')
		return NULL;
	long n = 0;
	while (*p >= '0' && *p <= '9') {
		n = n * 10 + (*p++ - '0');
		if (n > max)
			return NULL;
	}
	*v = (int)n;
	return p;
}

/* [+|-]hh[:mm[:ss]] as seconds. */
static const char *
parse_hms(const char *p, int32_t *secs)
{
	int sign = 1, h, m = 0, s = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (!(p = parse_num(p, &h, 167)))
		return NULL;
	if (*p == ':' && !(p = parse_num(p + 1, &m, 59)))
		return NULL;
	if (p && *p == ':' && !(p = parse_num(p + 1, &s, 59)))
		return NULL;
	*secs = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *
parse_rule_date(const char *p, struct rule_date *rd)
{
	rd->time = 7200;
	if (*p == 'J') {
		rd->kind = 'J';
		p = parse_num(p + 1, &rd->day, 365);
	} else if (*p == 'M') {
		rd->kind = 'M';
		if (!(p = parse_num(p + 1, &rd->month, 12)) || *p != '.' ||
		    !(p = parse_num(p + 1, &rd->week, 5)) || *p != '.' ||
		    !(p = parse_num(p + 1, &rd->day, 6)))
			return NULL;
		if (rd->month < 1 || rd->week < 1)
			return NULL;
	} else {
		rd->kind = 'D';
		p = parse_num(p, &rd->day, 365);
	}
	if (p && *p == '/')
		p = parse_hms(p + 1, &rd->time);
	return p;
}

static bool
parse_posix(const char *p, struct posix_rule *r)
{
	int32_t off;

	if (!(p = skip_name(p)) || !(p = parse_hms(p, &off)))
		return false;
	r->std_off = -off;
	r->has_dst = false;
	if (*p == '\0')
		return true;
	if (!(p = skip_name(p)))
		return false;
	r->dst_off = r->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if (!(p = parse_hms(p, &off)))
			return false;
		r->dst_off = -off;
	}
	if (*p != ',' || !(p = parse_rule_date(p + 1, &r->start)) ||
	    *p != ',' || !(p = parse_rule_date(p + 1, &r->end)) || *p != '\0')
		return false;
	r->has_dst = true;
	return true;
}

/* Local midnight (as local seconds) of the rule's day in year Y. */
static int64_t
rule_day(const struct rule_date *rd, int64_t y)
{
	int64_t jan1 = sla_days_from_civil(y, 1, 1);

	switch (rd->kind) {
	case 'J': /* 1..365, February 29 never counted */
		return jan1 + rd->day - 1 + (sla_leap_year(y) && rd->day >= 60);
	case 'D':
		return jan1 + rd->day;
	default: {
		int64_t first = sla_days_from_civil(y, (unsigned)rd->month, 1);
		/* POSIX day 0 is Sunday; sla_weekday 6 is Sunday */
		int wd = (int)(sla_weekday(first) + 1) % 7;
		int64_t day = first + (rd->day - wd + 7) % 7 + (rd->week - 1) * 7;
		int64_t last = first + sla_days_in_month(y, (unsigned)rd->month) - 1;
		while (day > last)
			day -= 7;
		return day;
	}
	}
}

static int32_t
rule_offset(const struct posix_rule *r, int64_t utc)
{
	if (!r->has_dst)
		return r->std_off;
	int64_t y;
	unsigned m, d;
	sla_civil_from_days(sla_floor_div(utc + r->std_off, SLA_DAY), &y, &m, &d);
	int64_t start = rule_day(&r->start, y) * SLA_DAY + r->start.time - r->std_off;
	int64_t end = rule_day(&r->end, y) * SLA_DAY + r->end.time - r->dst_off;
	bool dst = start < end ? (utc >= start && utc < end) : (utc < end || utc >= start);
	return dst ? r->dst_off : r->std_off;
}

/* ---- TZif ---------------------------------------------------------------- */

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static bool
parse_tzif(sla_tz *tz, const unsigned char *b, size_t len)
{
	if (len < 44 || memcmp(b, "TZif", 4) != 0)
		return false;
	uint32_t cnt[6];
	for (int i = 0; i < 6; i++)
		cnt[i] = be32(b + 20 + 4 * i);
	/* isut, isstd, leap, time, type, char */
	size_t v1 = (size_t)cnt[3] * 5 + (size_t)cnt[4] * 6 + cnt[5] + (size_t)cnt[2] * 8 + cnt[1] + cnt[0];
	if (b[4] < '2' || 44 + v1 + 44 > len)
		return false; /* version 1 files carry only 32-bit times: not supported */
	const unsigned char *h = b + 44 + v1;
	if (memcmp(h, "TZif", 4) != 0)
		return false;
	for (int i = 0; i < 6; i++)
		cnt[i] = be32(h + 20 + 4 * i);
	size_t ntime = cnt[3], ntype = cnt[4];
	size_t body = ntime * 9 + ntype * 6 + cnt[5] + (size_t)cnt[2] * 12 + cnt[1] + cnt[0];
	const unsigned char *p = h + 44;
	if (ntype == 0 || (size_t)(p - b) + body > len)
		return false;
	const unsigned char *idx = p + ntime * 8, *types = idx + ntime;

	tz->n = ntime;
	tz->at = malloc((ntime ? ntime : 1) * sizeof *tz->at);
	tz->off_after = malloc((ntime ? ntime : 1) * sizeof *tz->off_after);
	if (!tz->at || !tz->off_after)
		return false;
	for (size_t i = 0; i < ntime; i++) {
		if (idx[i] >= ntype)
			return false;
		tz->at[i] = be64(p + 8 * i);
		tz->off_after[i] = (int32_t)be32(types + 6 * idx[i]);
		if (i && tz->at[i] <= tz->at[i - 1])
			return false;
	}
	tz->first_off = (int32_t)be32(types);

	const unsigned char *foot = p + body, *end = b + len;
	if (foot < end && *foot == '\n') {
		const unsigned char *nl = memchr(foot + 1, '\n', (size_t)(end - foot - 1));
		if (nl && nl > foot + 1) {
			char s[128];
			size_t n = (size_t)(nl - foot - 1);
			if (n < sizeof s) {
				memcpy(s, foot + 1, n);
				s[n] = '\0';
				tz->has_rule = parse_posix(s, &tz->rule);
			}
		}
	}
	return true;
}

static bool
safe_name(const char *name)
{
	if (!*name || *name == '/' || strlen(name) > 255)
		return false;
	for (const char *p = name; *p; p++) {
		char c = *p;
		bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  c == '/' || c == '_' || c == '-' || c == '+' || c == '.';
		if (!ok)
			return false;
	}
	return !strstr(name, "..");
}

/* "+08:00", "-0530", "UTC": a zone with one offset for ever. */
static bool
fixed_offset(const char *name, int32_t *off)
{
	if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0) {
		*off = 0;
		return true;
	}
	size_t n = strlen(name);
	if ((name[0] != '+' && name[0] != '-') || (n != 6 && n != 5 && n != 3))
		return false;
	sla_stamp st;
	char probe[40];
	snprintf(probe, sizeof probe, "2000-01-01T00:00:00%s", name);
	if (sla_rfc3339_parse(probe, strlen(probe), &st) < 0)
		return false;
	*off = st.offset;
	return true;
}

sla_tz *
sla_tz_load(const char *name, char *err, size_t errlen)
{
	sla_tz *tz = calloc(1, sizeof *tz);
	if (!tz || !(tz->name = strdup(name))) {
		set_err(err, errlen, "out of memory%s", "");
		sla_tz_free(tz);
		return NULL;
	}
	int32_t off;
	if (fixed_offset(name, &off)) {
		tz->first_off = off;
		return tz;
	}
	if (!safe_name(name)) {
		set_err(err, errlen, "not a time zone name: \"%s\"", name);
		sla_tz_free(tz);
		return NULL;
	}
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	size_t len = 0;
	sla_file_error why;
	unsigned char *buf = (unsigned char *)sla_file_read(path, TZIF_MAX, &len, &why);
	if (!buf && (why == SLA_FILE_OPEN || why == SLA_FILE_NOMEM)) {
		set_err(err, errlen, "unknown time zone \"%s\" (no such zone in the tz database)", name);
		sla_tz_free(tz);
		return NULL;
	}
	/* a file that opens but does not read (a directory), or one larger
	 * than any zone, is not a zone file */
	bool ok = buf && parse_tzif(tz, buf, len);
	free(buf);
	if (!ok) {
		set_err(err, errlen, "time zone \"%s\": not a TZif version 2+ file", name);
		sla_tz_free(tz);
		return NULL;
	}
	return tz;
}

void
sla_tz_free(sla_tz *tz)
{
	if (!tz)
		return;
	free(tz->name);
	free(tz->at);
	free(tz->off_after);
	free(tz);
}

const char *
sla_tz_name(const sla_tz *tz)
{
	return tz->name;
}

int32_t
sla_tz_offset(const sla_tz *tz, int64_t utc)
{
	if (tz->n == 0 || utc < tz->at[0])
		return tz->n == 0 && tz->has_rule ? rule_offset(&tz->rule, utc) : tz->first_off;
	if (utc >= tz->at[tz->n - 1] && tz->has_rule)
		return rule_offset(&tz->rule, utc);
	size_t lo = 0, hi = tz->n; /* at[lo] <= utc < at[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (tz->at[mid] <= utc)
			lo = mid;
		else
			hi = mid;
	}
	return tz->off_after[lo];
}

int
sla_tz_to_utc(const sla_tz *tz, int64_t local, int64_t *utc)
{
	/* Real zones change offset at most once within a day either side, so
	 * the offsets in force a day before and after are the only candidates. */
	int32_t cand[2] = { sla_tz_offset(tz, local - SLA_DAY), sla_tz_offset(tz, local + SLA_DAY) };
	bool found = false;
	int64_t best = 0;

	for (int i = 0; i < 2; i++) {
		int64_t u = local - cand[i];
		if (sla_tz_offset(tz, u) == cand[i] && (!found || u < best)) {
			best = u;
			found = true;
		}
	}
	if (!found)
		return SLA_TZ_GAP;
	*utc = best;
	return SLA_TZ_OK;
}

int
sla_tz_resolve(const sla_tz *tz, const sla_stamp *st, int64_t *utc)
{
	if (st->has_offset) {
		*utc = st->secs;
		return SLA_TZ_OK;
	}
	return sla_tz_to_utc(tz, st->secs, utc);
}

/* The first change of the POSIX rule after UTC: the start or end of DST in
 * the year before UTC's, its own or the next (the year's civil date is
 * taken at UTC so the window holds at least one change either side). */
static int64_t
rule_next_change(const struct posix_rule *r, int64_t utc)
{
	int64_t y, best = INT64_MAX;
	unsigned m, d;

	sla_civil_from_days(sla_floor_div(utc, SLA_DAY), &y, &m, &d);
	for (int64_t yy = y - 1; yy <= y + 1; yy++) {
		int64_t start = rule_day(&r->start, yy) * SLA_DAY + r->start.time - r->std_off;
		int64_t end = rule_day(&r->end, yy) * SLA_DAY + r->end.time - r->dst_off;
		if (start > utc && start < best)
			best = start;
		if (end > utc && end < best)
			best = end;
	}
	return best;
}

/* The next instant after UTC where the offset may change: a transition of
 * the file, or a change of the rule that follows the file. */
static int64_t
next_breakpoint(const sla_tz *tz, int64_t utc)
{
	if (tz->n && utc < tz->at[tz->n - 1]) {
		size_t lo = 0, hi = tz->n - 1; /* the first at[i] > utc is at[hi] */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (tz->at[mid] > utc)
				hi = mid;
			else
				lo = mid + 1;
		}
		return tz->at[hi];
	}
	if (!tz->has_rule || !tz->rule.has_dst || tz->rule.std_off == tz->rule.dst_off)
		return INT64_MAX;
	return rule_next_change(&tz->rule, utc);
}

int64_t
sla_tz_next_change(const sla_tz *tz, int64_t utc)
{
	int32_t off = sla_tz_offset(tz, utc);
	int64_t ruled_from = INT64_MAX;
	/* Breakpoints that keep the offset (a new abbreviation only) are
	 * stepped over; a rule whose changes keep it for two years (DST all
	 * year round) never changes it. */
	for (int64_t t = utc;;) {
		int64_t c = next_breakpoint(tz, t);
		if (c == INT64_MAX || sla_tz_offset(tz, c) != off)
			return c;
		if ((tz->n == 0 || c > tz->at[tz->n - 1]) && ruled_from == INT64_MAX)
			ruled_from = c;
		if (ruled_from != INT64_MAX && c - ruled_from > 2 * 366 * (int64_t)SLA_DAY)
			return INT64_MAX;
		t = c;
	}
}
