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

/* The rows of a dates file held in TEXT; errors carry "FILE:LINE: ". */
static int
add_rows(sla_calendar *c, enum sla_day_kind kind, const char *file, const char *text,
	 size_t len, char *err, size_t errlen)
{
	const char *p = text, *end = text + len;
	for (unsigned long line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		bool skip = n == 0 || *p == '#' || (line == 1 && strncmp(p, "date\t", 5) == 0) ||
			    (n == 1 && *p == '\r');
		char why[256];
		if (!skip && add_row(c, kind, p, n, why, sizeof why) < 0) {
			if (err && errlen)
				snprintf(err, errlen, "%s:%lu: %s", file, line, why);
			return -1;
		}
		p += n + 1;
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
add_file(sla_calendar *c, enum sla_day_kind kind, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		sla_scan_error(err, errlen, "no bundled date set or readable file \"%.*s\"", path,
			strlen(path));
		return -1;
	}
	char *buf = malloc(DATES_FILE_MAX);
	size_t len = buf ? fread(buf, 1, DATES_FILE_MAX, f) : 0;
	bool whole = buf && feof(f) && !ferror(f);
	fclose(f);
	int rc = -1;
	if (!whole)
		sla_scan_error(err, errlen, "cannot read the dates file (1 MB at most) \"%.*s\"", path,
			strlen(path));
	else
		rc = add_rows(c, kind, path, buf, len, err, errlen);
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

int
sla_calendar_load_dates(sla_calendar *c, enum sla_day_kind kind, const char *spec,
			char *err, size_t errlen)
{
	const char *p = sla_skip_blanks(spec);
	if (sla_is_digit(*p))
		return add_inline(c, kind, p, err, errlen);
	if (is_set_name(p)) {
		char name[96];
		snprintf(name, sizeof name, "calendars/%s.tsv", p);
		const struct sla_blob *b = sla_data_find(name);
		if (b)
			return add_rows(c, kind, name, b->data, b->len, err, errlen);
		char path[256];
		snprintf(path, sizeof path, "%s/%s", SLA_DATADIR, name);
		FILE *f = fopen(path, "rb");
		if (f) {
			fclose(f);
			return add_file(c, kind, path, err, errlen);
		}
	}
	return add_file(c, kind, p, err, errlen);
}
