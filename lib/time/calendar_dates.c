/* calendar_dates.c: date sets for a calendar's holidays and make-up
 * workdays: inline lists and ranges, files of "date<TAB>kind<TAB>name"
 * rows, and the bundled sets (lib/data/calendars) found by name.  Built on
 * sla_calendar_add_date alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_calendar.h"
#include "sla_scan.h"
#include "sla_data.h"
#include "sla_file.h"
#include "sla_time.h"

enum { DATES_FILE_MAX = 1 << 20, YEAR_FIRST = 1 };

/* YYYY-MM-DD at P as a day number; P advances past it. */
static int
parse_date(const char **pp, int64_t *day)
{
	const char *p = *pp;
	int v[3] = { 0, 0, 0 };
	static const int width[3] = { 4, 2, 2 };
	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < width[f]; i++, p++) {
				if (!sla_is_digit(*p))
				return -1;
			v[f] = v[f] * 10 + (*p - '0');
		}
		if (f < 2 && *p++ != '-')
			return -1;
	}
	if (v[0] < YEAR_FIRST || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    v[2] > (int)sla_days_in_month(v[0], (unsigned)v[1]))
		return -1;
	*day = sla_days_from_civil(v[0], (unsigned)v[1], (unsigned)v[2]);
	*pp = p;
	return 0;
}

/* One row of a dates file: "date<TAB>kind<TAB>name". */
static int
add_row(sla_calendar *c, enum sla_day_kind want, const char *row, size_t n,
	char *err, size_t errlen)
{
	char line[512];
	if (n >= sizeof line) {
		sla_scan_error(err, errlen, "line too long \"%.*s\"", row, 40);
		return -1;
	}
	memcpy(line, row, n);
	line[n] = '\0';
	if (n && line[n - 1] == '\r')
		line[--n] = '\0';
	const char *p = line;
	int64_t day;
	if (parse_date(&p, &day) < 0 || *p != '\t') {
		sla_scan_error(err, errlen, "not a date YYYY-MM-DD \"%.*s\"", line, strcspn(line, "\t"));
		return -1;
	}
	const char *kind = p + 1, *name = strchr(kind, '\t');
	size_t klen = name ? (size_t)(name - kind) : strlen(kind);
	bool holiday = klen == 7 && strncmp(kind, "holiday", 7) == 0;
	bool workday = klen == 7 && strncmp(kind, "workday", 7) == 0;
	if (!holiday && !workday) {
		sla_scan_error(err, errlen, "kind is neither holiday nor workday \"%.*s\"", kind, klen);
		return -1;
	}
	if (holiday != (want == SLA_DAY_HOLIDAY))
		return 0;
	if (sla_calendar_add_date(c, day, want, name && name[1] ? name + 1 : NULL) < 0) {
		sla_scan_error(err, errlen, "date listed as both holiday and workday \"%.*s\"", line, 10);
		return -1;
	}
	return 0;
}

/* "# covers: 2019-2026" (or one year) after the "#": 1 with the years,
 * 0 when the comment is something else, -1 when it is a covers line that
 * cannot be read. */
static int
covers_line(const char *p, size_t n, int64_t *first, int64_t *last)
{
	const char *end = p + n;
	p = sla_skip_blanks(p + 1);
	if ((size_t)(end - p) < 7 || strncmp(p, "covers:", 7) != 0)
		return 0;
	p = sla_skip_blanks(p + 7);
	int64_t y[2] = { 0, 0 };
	for (int k = 0; k < 2; k++) {
		int digits = 0;
		for (; p < end && sla_is_digit(*p) && digits < 5; p++, digits++)
			y[k] = y[k] * 10 + (*p - '0');
		if (digits != 4)
			return -1;
		if (k == 0 && (p == end || *p != '-')) {
			y[1] = y[0];
			break;
		}
		if (k == 0)
			p++;
	}
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p != end || y[0] < YEAR_FIRST || y[0] > y[1])
		return -1;
	*first = y[0];
	*last = y[1];
	return 1;
}

/* The rows of a dates file held in TEXT; errors carry "FILE:LINE: ".  The
 * years it covers are recorded under SET: its covers line, else the years
 * of its first and last dates. */
static int
add_rows(sla_calendar *c, enum sla_day_kind kind, const char *set, const char *file,
	 const char *text, size_t len, char *err, size_t errlen)
{
	const char *p = text, *end = text + len;
	bool header = true;	/* the first line that is no comment may be one */
	int64_t first = 0, last = 0, lo = SLA_NO_DAY, hi = SLA_NO_DAY;
	unsigned long covers_at = 0;
	for (unsigned long line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char why[256] = "";
		bool blank = n == 0 || (n == 1 && *p == '\r');
		if (!blank && *p == '#') {
			int rc = covers_line(p, n, &first, &last);
			if (rc < 0)
				snprintf(why, sizeof why, "covers is not a year or years YYYY-YYYY \"%.*s\"",
					 (int)(n < 40 ? n : 40), p);
			else if (rc > 0 && covers_at)
				snprintf(why, sizeof why, "covers given twice (line %lu)", covers_at);
			else if (rc > 0)
				covers_at = line;
		} else if (!blank && !(header && n >= 5 && strncmp(p, "date\t", 5) == 0)) {
			const char *q = p;
			int64_t day;
			if (add_row(c, kind, p, n, why, sizeof why) == 0 && parse_date(&q, &day) == 0) {
				if (lo == SLA_NO_DAY || day < lo)
					lo = day;
				if (hi == SLA_NO_DAY || day > hi)
					hi = day;
			}
		}
		if (!blank && *p != '#')
			header = false;
		if (why[0]) {
			if (err && errlen)
				snprintf(err, errlen, "%s:%lu: %s", file, line, why);
			return -1;
		}
		p += n + 1;
	}
	if (!covers_at && lo != SLA_NO_DAY) {
		unsigned m, d;
		sla_civil_from_days(lo, &first, &m, &d);
		sla_civil_from_days(hi, &last, &m, &d);
	}
	if ((covers_at || lo != SLA_NO_DAY) && sla_calendar_add_cover(c, set, first, last) < 0) {
		sla_scan_error(err, errlen, "the date set covers other years than before \"%.*s\"",
			       set, strlen(set));
		return -1;
	}
	return 0;
}

/* "2026-01-01, 2026-10-01..2026-10-08": dates and ranges of dates. */
static int
add_inline(sla_calendar *c, enum sla_day_kind kind, const char *spec, char *err, size_t errlen)
{
	const char *p = sla_skip_blanks(spec);
	while (*p) {
		const char *item = p;
		int64_t from, to;
		int ok = parse_date(&p, &from);
		to = from;
		if (ok == 0 && strncmp(p, "..", 2) == 0) {
			p += 2;
			ok = parse_date(&p, &to);
		}
		p = sla_skip_blanks(p);
		size_t len = strcspn(item, ", \t");
		if (ok < 0 || (*p != ',' && *p != '\0') || to < from || to - from > 366) {
			sla_scan_error(err, errlen, "not a date or range of dates \"%.*s\"", item, len);
			return -1;
		}
		for (int64_t day = from; day <= to; day++) {
			if (sla_calendar_add_date(c, day, kind, NULL) < 0) {
				sla_scan_error(err, errlen, "date listed as both holiday and workday \"%.*s\"",
					item, len);
				return -1;
			}
		}
		if (*p == ',')
			p = sla_skip_blanks(p + 1);
	}
	return 0;
}

static int
add_file(sla_calendar *c, enum sla_day_kind kind, const char *set, const char *path,
	 char *err, size_t errlen)
{
	size_t len;
	sla_file_error why;
	/* less than DATES_FILE_MAX: a file of exactly 1 MiB has always been refused */
	char *buf = sla_file_read(path, DATES_FILE_MAX - 1, &len, &why);
	if (!buf && why == SLA_FILE_OPEN) {
		sla_scan_error(err, errlen, "no bundled date set or readable file \"%.*s\"", path,
			strlen(path));
		return -1;
	}
	if (!buf) {
		sla_scan_error(err, errlen, "cannot read the dates file (1 MB at most) \"%.*s\"", path,
			strlen(path));
		return -1;
	}
	int rc = add_rows(c, kind, set, path, buf, len, err, errlen);
	free(buf);
	return rc;
}

static bool
is_set_name(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || sla_is_digit(*s) || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* NAME.tsv in DIR, when there is one: 1 loaded, 0 none, -1 an error. */
static int
add_set_in(sla_calendar *c, enum sla_day_kind kind, const char *name, const char *dir,
	   char *err, size_t errlen)
{
	char path[4096];
	if (!dir || !*dir || (size_t)snprintf(path, sizeof path, "%s/%s.tsv", dir, name) >= sizeof path)
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	fclose(f);
	return add_file(c, kind, name, path, err, errlen) < 0 ? -1 : 1;
}

/* NAME.tsv among the installed date sets, DATADIR/calendars (sla_data.h). */
static int
add_installed_set(sla_calendar *c, enum sla_day_kind kind, const char *name, char *err,
		  size_t errlen)
{
	char dir[4096];
	if ((size_t)snprintf(dir, sizeof dir, "%s/calendars", sla_datadir) >= sizeof dir)
		return 0;
	return add_set_in(c, kind, name, dir, err, errlen);
}

int
sla_calendar_load_dates_from(sla_calendar *c, enum sla_day_kind kind, const char *spec,
			     const char *dir, char *err, size_t errlen)
{
	const char *p = sla_skip_blanks(spec);
	if (sla_is_digit(*p))
		return add_inline(c, kind, p, err, errlen);
	if (is_set_name(p)) {
		int rc = add_set_in(c, kind, p, dir, err, errlen);
		if (rc == 0)
			rc = add_installed_set(c, kind, p, err, errlen);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
		char name[96];
		snprintf(name, sizeof name, "calendars/%s.tsv", p);
		const struct sla_blob *b = sla_data_find(name);
		if (b)
			return add_rows(c, kind, p, name, b->data, b->len, err, errlen);
	}
	return add_file(c, kind, p, p, err, errlen);
}

int
sla_calendar_load_dates(sla_calendar *c, enum sla_day_kind kind, const char *spec,
			char *err, size_t errlen)
{
	return sla_calendar_load_dates_from(c, kind, spec, NULL, err, errlen);
}

/* ---- what a run touched outside the covered years ------------------------ */

static size_t
note_text(const sla_calendar *c, const sla_cover *v, int side, int64_t day, char *buf, size_t len)
{
	char date[SLA_DATE_MAX + 4] = "dates ";
	if (day != SLA_NO_DAY)
		strcpy(date + sla_date_format(day, date), " is ");
	int n = snprintf(buf, len,
			 "calendar \"%s\": %soutside the years its holiday data \"%s\" covers "
			 "(%lld-%lld); holidays %s %lld are not known",
			 sla_calendar_name(c), date, v->set, (long long)v->first, (long long)v->last,
			 side ? "after" : "before", (long long)(side ? v->last : v->first));
	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len ? len - 1 : 0;
}

size_t
sla_calendar_cover_note_span(const sla_calendar *c, int64_t a, int64_t b, char *buf, size_t len)
{
	const sla_tz *tz = sla_calendar_tz(c);
	int64_t ya, yb;
	unsigned m, d;
	sla_civil_from_days(sla_floor_div(a + sla_tz_offset(tz, a), SLA_DAY), &ya, &m, &d);
	sla_civil_from_days(sla_floor_div(b + sla_tz_offset(tz, b), SLA_DAY), &yb, &m, &d);
	const sla_cover *v;
	size_t nv = sla_calendar_covers(c, &v);
	for (size_t i = 0; i < nv; i++)
		if (yb > v[i].last)
			return note_text(c, &v[i], 1, SLA_NO_DAY, buf, len);
	for (size_t i = 0; i < nv; i++)
		if (ya < v[i].first)
			return note_text(c, &v[i], 0, SLA_NO_DAY, buf, len);
	if (len)
		buf[0] = '\0';
	return 0;
}

static bool
cover_text(const sla_calendar *c, size_t n, char *buf, size_t len)
{
	const sla_cover *v;
	size_t nv = sla_calendar_covers(c, &v);
	for (size_t i = 0; i < nv; i++) {
		for (int side = 0; side < 2; side++) {
			int64_t day = side ? v[i].after : v[i].before;
			if (day == SLA_NO_DAY || n-- > 0)
				continue;
			note_text(c, &v[i], side, day, buf, len);
			return true;
		}
	}
	return false;
}

bool
sla_calendar_cover_warning(const sla_calendar *c, size_t n, char *buf, size_t len)
{
	return cover_text(c, n, buf, len);
}
