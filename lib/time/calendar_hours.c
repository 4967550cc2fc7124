/* calendar_hours.c: the text of a calendar's weekly hours (DESIGN §4,
 * sla-policy(5)): "mon-fri = 09:00-12:00, 13:00-18:00", the weekday after
 * "workdays = cn as fri", and the names of the weekdays.  It reads text
 * into the numeric setters of calendar_schedule.c; the arithmetic and
 * the dated exceptions are not here. */
#include <string.h>
#include <strings.h>

#include "sla_calendar.h"
#include "sla_scan.h"

enum { MAX_SPANS = SLA_CALENDAR_MAX_INTERVALS, WEEK = 7 };

static const char *const wd_names[WEEK] = { "monday", "tuesday", "wednesday", "thursday",
					    "friday", "saturday", "sunday" };

/* A weekday name at P, its first three letters or whole, in any case: its
 * number, or -1. */
static int
parse_weekday(const char **pp)
{
	const char *p = sla_skip_blanks(*pp);
	size_t n = 0;
	while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
		n++;
	for (int wd = 0; wd < WEEK; wd++) {
		if ((n == 3 || n == strlen(wd_names[wd])) && strncasecmp(p, wd_names[wd], n) == 0) {
			*pp = sla_skip_blanks(p + n);
			return wd;
		}
	}
	return -1;
}

const char *
sla_weekday_name(unsigned wd)
{
	return wd < WEEK ? wd_names[wd] : "";
}

/* "mon-fri", "sat", "mon,wed", "fri-mon" as a set of weekdays (bit wd). */
static int
parse_days(const char *days, unsigned *set)
{
	const char *p = days;
	*set = 0;
	for (;;) {
		int from = parse_weekday(&p), to = from;
		if (from < 0)
			return -1;
		if (*p == '-') {
			p++;
			if ((to = parse_weekday(&p)) < 0)
				return -1;
		}
		for (int wd = from;; wd = (wd + 1) % WEEK) {
			*set |= 1u << wd;
			if (wd == to)
				break;
		}
		if (*p == '\0')
			return 0;
		if (*p++ != ',')
			return -1;
	}
}

/* H:MM, HH:MM or HH:MM:SS as seconds after midnight (24:00 allowed), or -1. */
static int32_t
parse_clock(const char **pp)
{
	const char *p = sla_skip_blanks(*pp);
	int32_t part[3] = { 0, 0, 0 };
	int n = 0;
	for (; n < 3; n++) {
		bool one = n == 0 && sla_is_digit(p[0]) && !sla_is_digit(p[1]);
		if (!one && (!sla_is_digit(p[0]) || !sla_is_digit(p[1])))
			return -1;
		part[n] = one ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0');
		p += one ? 1 : 2;
		if (*p != ':' || n == 2)
			break;
		p++;
	}
	if (n == 0 || part[0] > 24 || part[1] > 59 || part[2] > 59)
		return -1;
	int32_t secs = part[0] * 3600 + part[1] * 60 + part[2];
	if (secs > SLA_DAY)
		return -1;
	*pp = sla_skip_blanks(p);
	return secs;
}

/* "09:00-12:00, 13:00-18:00" into the N spans S (room for MAX_SPANS);
 * "closed" or nothing is no hours. */
static int
parse_hours(const char *text, sla_span *s, unsigned *n, char *err, size_t errlen)
{
	const char *p = sla_skip_blanks(text);
	*n = 0;
	if (*p == '\0' || strcasecmp(p, "closed") == 0)
		return 0;
	for (;;) {
		const char *item = p;
		int32_t open = parse_clock(&p), close = -1;
		if (open >= 0 && *p == '-') {
			p++;
			close = parse_clock(&p);
		}
		size_t len = strcspn(item, ",");
		while (len && (item[len - 1] == ' ' || item[len - 1] == '\t'))
			len--;
		if (open < 0 || close < 0 || open == SLA_DAY || (*p != ',' && *p != '\0')) {
			sla_scan_error(err, errlen, "not an interval HH:MM-HH:MM \"%.*s\"", item, len);
			return -1;
		}
		if (open == close) {
			sla_scan_error(err, errlen, "empty interval \"%.*s\"", item, len);
			return -1;
		}
		if (*n == MAX_SPANS) {
			sla_scan_error(err, errlen, "too many intervals in a day \"%.*s\"", item, len);
			return -1;
		}
		s[(*n)++] = (sla_span){ open, close < open ? close + SLA_DAY : close };
		if (*p == '\0')
			return 0;
		p = sla_skip_blanks(p + 1);
	}
}

int
sla_calendar_parse_hours(sla_calendar *c, const char *days, const char *hours,
			 char *err, size_t errlen)
{
	unsigned set, n;
	sla_span s[MAX_SPANS];

	if (parse_days(days, &set) < 0) {
		sla_scan_error(err, errlen, "not weekdays such as mon-fri or sat \"%.*s\"", days,
			strlen(days));
		return -1;
	}
	if (parse_hours(hours, s, &n, err, errlen) < 0)
		return -1;
	for (unsigned wd = 0; wd < WEEK; wd++)
		if ((set & (1u << wd)) && sla_calendar_set_hours(c, wd, s, n) < 0)
			return -1;	/* not reached: the spans were checked above */
	return 0;
}

int
sla_calendar_set_makeup_weekday(sla_calendar *c, const char *day, char *err, size_t errlen)
{
	const char *p = day;
	int wd = parse_weekday(&p);
	if (wd < 0 || *p != '\0') {
		sla_scan_error(err, errlen, "not a weekday such as mon or friday \"%.*s\"", day,
			strlen(day));
		return -1;
	}
	return sla_calendar_set_makeup_wd(c, (unsigned)wd);
}
