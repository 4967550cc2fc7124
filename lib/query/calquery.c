/* calquery.c: sla-time's questions to a calendar, and its answers. */
#include <stdio.h>
#include <string.h>

#include "sla_calquery.h"
#include "sla_duration.h"
#include "sla_timeform.h"

static const char wd_names[7][4] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

/* Append ", NAME" to the list in BUF (size N, used *LEN), never past its
 * end: a policy may name many calendars. */
static void
append_name(char *buf, size_t n, size_t *len, const char *name)
{
	int put = snprintf(buf + *len, n - *len, "%s%s", *len ? ", " : "", name);
	if (put < 0 || (size_t)put >= n - *len)
		*len = n - 1;
	else
		*len += (size_t)put;
}

sla_calendar *
sla_calq_pick_calendar(sla_policy *p, const char *name, const char *what,
		       const sla_diag *d)
{
	if (name) {
		sla_calendar *c = sla_policy_calendar(p, name);
		if (!c) {
			char list[512] = "";
			size_t len = 0;
			for (size_t i = 0; i < sla_policy_ncalendars(p); i++)
				append_name(list, sizeof list, &len,
					    sla_calendar_name(sla_policy_calendar_at(p, i)));
			sla_diag_msg(d, sla_policy_file(p), 0, what, name, strlen(name),
				     "no such calendar (there are: %s)", list);
		}
		return c;
	}
	for (size_t i = 0; i < sla_policy_ncalendars(p); i++) {
		sla_calendar *c = sla_policy_calendar_at(p, i);
		if (strcmp(sla_calendar_name(c), "24x7") != 0)
			return c;
	}
	return sla_policy_calendar(p, "24x7");
}

int
sla_calq_time(const sla_calq *q, const char *arg, const char *text, int64_t *t)
{
	const sla_tz *tz = sla_calendar_tz(q->cal);
	size_t n = strlen(text);

	if (strcmp(text, "now") == 0) {
		*t = q->now;
		return 0;
	}
	int rc = sla_timeform_instant(text, n, tz, t);
	if (rc == SLA_TF_AMBIGUOUS)
		sla_diag_msg(q->d, NULL, 0, arg, text, n, "%s", sla_timeform_why(rc));
	else if (rc == SLA_TF_GAP)
		sla_diag_msg(q->d, NULL, 0, arg, text, n,
			     "no such wall-clock time in %s (the clocks skip it)", sla_tz_name(tz));
	else if (rc != SLA_TF_OK)
		sla_diag_msg(q->d, NULL, 0, arg, text, n,
			     "cannot read time (RFC 3339, a form sla-parse reads, or now)");
	return rc == SLA_TF_OK ? 0 : -1;
}

/* A query the calendar could not answer: the instants lie outside the
 * years it counts, or the target is never reached. */
static int
no_answer(const sla_calq *q, const char *what)
{
	sla_diag_msg(q->d, NULL, 0, NULL, NULL, 0, "%s", what);
	return -1;
}

/* Business seconds: "26h30m" for a person, the number for a script. */
static void
secs_text(const sla_calq *q, int64_t secs, char *buf, size_t n)
{
	sla_duration d = { SLA_DUR_PLAIN, secs, 0, false };
	if (q->seconds || q->format == SLA_CALQ_TSV)
		snprintf(buf, n, "%lld", (long long)secs);
	else
		sla_duration_format(&d, buf, n);
}

static void
put_duration(const sla_calq *q, int64_t secs)
{
	char buf[64];
	secs_text(q, secs, buf, sizeof buf);
	sla_writer_str(q->out, buf);
}

static void
put_time(const sla_calq *q, int64_t t)
{
	char buf[SLA_RFC3339_MAX];
	const sla_tz *tz = sla_calendar_tz(q->cal);
	sla_writer_raw(q->out, buf, sla_rfc3339_format(t, sla_tz_offset(tz, t), buf));
}

static void
put_tab(const sla_calq *q)
{
	sla_writer_char(q->out, '\t');
}

static void
put_name(const sla_calq *q)
{
	const char *name = sla_calendar_name(q->cal);
	sla_writer_escaped(q->out, name, strlen(name));
}

int
sla_calq_between(const sla_calq *q, const char *from, const char *to)
{
	int64_t a, b;
	if (sla_calq_time(q, "FROM", from, &a) < 0 || sla_calq_time(q, "TO", to, &b) < 0)
		return -1;
	if (a > b) {
		sla_diag_msg(q->d, NULL, 0, "TO", to, strlen(to), "the end is before the start");
		return -1;
	}
	int64_t secs = sla_business(q->cal, a, b);
	if (secs < 0)
		return no_answer(q, "times outside the years 0001 to 9999");
	if (q->format == SLA_CALQ_TSV) {
		sla_writer_str(q->out, "start\tend\tcalendar\tbusiness_s\n");
		put_time(q, a);
		put_tab(q);
		put_time(q, b);
		put_tab(q);
		put_name(q);
		put_tab(q);
	}
	put_duration(q, secs);
	sla_writer_char(q->out, '\n');
	return 0;
}

int
sla_calq_due(const sla_calq *q, const char *start, const char *duration)
{
	int64_t s, target;
	sla_duration dur;
	char err[200];
	if (sla_calq_time(q, "START", start, &s) < 0)
		return -1;
	if (sla_duration_parse(duration, &dur, err, sizeof err) < 0) {
		sla_diag_msg(q->d, NULL, 0, "DURATION", NULL, 0, "%s", err);
		return -1;
	}
	int64_t due = sla_duration_due(q->cal, &dur, s, &target);
	if (due == SLA_NO_INSTANT)
		return no_answer(q, sla_duration_no_due);
	if (q->format == SLA_CALQ_TSV) {
		char buf[64];
		sla_writer_str(q->out, "start\tduration\tcalendar\tdue\ttarget_s\n");
		put_time(q, s);
		put_tab(q);
		sla_writer_raw(q->out, buf, sla_duration_format(&dur, buf, sizeof buf));
		put_tab(q);
		put_name(q);
		put_tab(q);
		put_time(q, due);
		put_tab(q);
		sla_writer_i64(q->out, target);
	} else {
		put_time(q, due);
	}
	sla_writer_char(q->out, '\n');
	return 0;
}

/* The local date of instant T as a day number. */
static int64_t
local_day(const sla_calq *q, int64_t t)
{
	return sla_floor_div(t + sla_tz_offset(sla_calendar_tz(q->cal), t), SLA_DAY);
}

/* The kind of a day: as the date files write it for a script, in words
 * for a person. */
static const char *
kind_name(enum sla_day_kind kind, bool text)
{
	if (kind == SLA_DAY_HOLIDAY)
		return "holiday";
	if (kind == SLA_DAY_WORKDAY)
		return text ? "make-up workday" : "workday";
	return "";
}

/* HH:MM, or HH:MM:SS when the seconds are not zero. */
static size_t
format_clock(int32_t secs, char *buf, size_t n)
{
	int h = secs / 3600, m = secs / 60 % 60, s = secs % 60;
	int len = s ? snprintf(buf, n, "%02d:%02d:%02d", h, m, s) : snprintf(buf, n, "%02d:%02d", h, m);
	return len < 0 ? 0 : (size_t)len;
}

size_t
sla_calq_day_hours(sla_calendar *c, int64_t day, char *buf, size_t n)
{
	sla_span s[SLA_CALENDAR_MAX_INTERVALS];
	unsigned ns = sla_calendar_date_spans(c, day, s);
	size_t len = 0;
	if (n)
		buf[0] = '\0';
	if (ns == 0)
		return (size_t)snprintf(buf, n, "closed");
	for (unsigned i = 0; i < ns && len + 24 < n; i++) {
		int32_t close = s[i].close > SLA_DAY ? s[i].close - SLA_DAY : s[i].close;
		if (i)
			len += (size_t)snprintf(buf + len, n - len, ", ");
		len += format_clock(s[i].open, buf + len, n - len);
		buf[len++] = '-';
		len += format_clock(close, buf + len, n - len);
	}
	return len;
}

/* One line of the days listing. */
static int
put_day(const sla_calq *q, int64_t day, int64_t *total)
{
	enum sla_day_kind kind;
	const char *name;
	int64_t secs = sla_calendar_day(q->cal, day, &kind, &name);
	if (secs < 0)
		return -1;
	*total += secs;
	char date[SLA_DATE_MAX], hours[256];
	sla_date_format(day, date);
	sla_calq_day_hours(q->cal, day, hours, sizeof hours);
	const char *wd = wd_names[sla_weekday(day)];
	if (q->format == SLA_CALQ_TSV) {
		char line[320];
		snprintf(line, sizeof line, "%s\t%s\t%lld\t%s\t%s\t", date, wd, (long long)secs, hours,
			 kind_name(kind, false));
		sla_writer_str(q->out, line);
		if (name)
			sla_writer_escaped(q->out, name, strlen(name));
	} else {
		char line[320], dur[64];
		secs_text(q, secs, dur, sizeof dur);
		int n = snprintf(line, sizeof line, "%s %s %8s  %-24s", date, wd, dur, hours);
		if (kind != SLA_DAY_REGULAR)
			snprintf(line + n, sizeof line - (size_t)n, "  %s%s%s", kind_name(kind, true),
				 name ? ": " : "", name ? name : "");
		size_t len = strlen(line);
		while (len && line[len - 1] == ' ')
			len--;
		sla_writer_raw(q->out, line, len);
	}
	sla_writer_char(q->out, '\n');
	return 0;
}

int
sla_calq_days(const sla_calq *q, const char *from, const char *to)
{
	int64_t a, b;
	if (sla_calq_time(q, "FROM", from, &a) < 0 || sla_calq_time(q, "TO", to, &b) < 0)
		return -1;
	int64_t first = local_day(q, a), last = local_day(q, b), total = 0;
	if (last < first) {
		sla_diag_msg(q->d, NULL, 0, "TO", to, strlen(to), "the last day is before the first");
		return -1;
	}
	if (q->format == SLA_CALQ_TSV)
		sla_writer_str(q->out, "date\tweekday\tbusiness_s\thours\tkind\tname\n");
	for (int64_t day = first; day <= last; day++)
		if (put_day(q, day, &total) < 0)
			return no_answer(q, "times outside the years 0001 to 9999");
	if (q->format == SLA_CALQ_TEXT) {
		char dur[64], line[96];
		secs_text(q, total, dur, sizeof dur);
		snprintf(line, sizeof line, "%-14s %8s\n", "total", dur);
		sla_writer_str(q->out, line);
	}
	return 0;
}
