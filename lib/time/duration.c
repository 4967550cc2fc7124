/* duration.c: targets as written in a policy (DESIGN §4). */
#include <stdio.h>
#include <string.h>

#include "sla_duration.h"
#include "sla_scan.h"

/* Ten thousand years: any longer target is a typing error. */
static const int64_t MAX_SECS = 10000LL * 366 * SLA_DAY;

const char sla_duration_no_due[] =
	"no due time: the target is not reached before the year 10000 (has the calendar any hours?)";

enum { U_WD, U_D, U_H, U_M, U_S, U_N };

static const struct {
	const char *name;
	int64_t secs;		/* 0: working days */
} units[U_N] = { { "wd", 0 }, { "d", SLA_DAY }, { "h", 3600 }, { "m", 60 }, { "s", 1 } };

static int
fail(char *err, size_t errlen, const char *what, const char *text, size_t n)
{
	if (err && errlen)
		snprintf(err, errlen, "%s \"%.*s\"", what, (int)n, text);
	return -1;
}

/* The unit at P ("wd" before "d"), or -1. */
static int
parse_unit(const char **pp)
{
	for (int u = 0; u < U_N; u++) {
		size_t n = strlen(units[u].name);
		if (strncmp(*pp, units[u].name, n) == 0) {
			*pp += n;
			return u;
		}
	}
	return -1;
}

/* "@time", "@close" or nothing at P, filling the text's end. */
static int
parse_form(const char *p, const char *end, enum sla_duration_form *form)
{
	size_t n = (size_t)(end - p);
	if (n == 0)
		*form = SLA_DUR_PLAIN;
	else if (n == 5 && strncmp(p, "@time", 5) == 0)
		*form = SLA_DUR_WD_AT_TIME;
	else if (n == 6 && strncmp(p, "@close", 6) == 0)
		*form = SLA_DUR_WD_AT_CLOSE;
	else
		return -1;
	return 0;
}

int
sla_duration_parse(const char *text, sla_duration *out, char *err, size_t errlen)
{
	const char *p = sla_skip_blanks(text), *end = text + strlen(text);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	size_t n = (size_t)(end - p);
	unsigned seen = 0;

	*out = (sla_duration){ SLA_DUR_PLAIN, 0, 0, false };
	if (n == 0)
		return fail(err, errlen, "empty duration", p, n);
	if (*p == '-')
		return fail(err, errlen, "negative duration", p, n);
	while (p < end && *p != '@') {
		if (!sla_is_digit(*p))
			return fail(err, errlen, "not a duration such as 8h, 1h30m, 3wd", text, strlen(text));
		int64_t v = 0;
		for (; p < end && sla_is_digit(*p); p++) {
			if (v > MAX_SECS)
				return fail(err, errlen, "duration too long", text, strlen(text));
			v = v * 10 + (*p - '0');
		}
		if (p == end || *p == '@')
			return fail(err, errlen, "duration without a unit (s, m, h, d, wd)", text,
				    strlen(text));
		int u = parse_unit(&p);
		if (u < 0)
			return fail(err, errlen, "unknown unit in duration (s, m, h, d, wd)", text,
				    strlen(text));
		if (seen & (1u << u))
			return fail(err, errlen, "unit given twice in duration", text, strlen(text));
		seen |= 1u << u;
		if (u == U_WD)
			out->wd = v;
		else
			out->secs += v * units[u].secs;
		if (v > MAX_SECS || out->secs > MAX_SECS || out->wd * SLA_DAY > MAX_SECS)
			return fail(err, errlen, "duration too long", text, strlen(text));
		out->uses_d |= u == U_D;
	}
	if (parse_form(p, end, &out->form) < 0)
		return fail(err, errlen, "unknown form in duration (@time, @close)", text, strlen(text));
	if (out->form != SLA_DUR_PLAIN && seen != 1u << U_WD)
		return fail(err, errlen, "@time and @close take working days alone, as in 3wd@time",
			    text, strlen(text));
	if (out->form != SLA_DUR_PLAIN && out->wd == 0)
		return fail(err, errlen, "@time and @close need at least 1wd", text, strlen(text));
	return 0;
}

size_t
sla_duration_format(const sla_duration *d, char *buf, size_t n)
{
	int64_t part[U_N] = { d->wd, 0, 0, 0, 0 }, rest = d->secs;
	for (int u = U_D; u < U_N; u++) {
		if (u == U_D && !d->uses_d)
			continue;
		part[u] = rest / units[u].secs;
		rest %= units[u].secs;
	}
	size_t len = 0;
	/* a d part is written even when zero: it is what lint warns about */
	for (int u = 0; u < U_N; u++)
		if ((part[u] || (u == U_D && d->uses_d)) && len < n)
			len += (size_t)snprintf(buf + len, n - len, "%lld%s", (long long)part[u],
						units[u].name);
	if (len == 0 && n)
		len = (size_t)snprintf(buf, n, "0s");
	static const char *const form[] = { "", "@time", "@close" };
	if (len < n)
		len += (size_t)snprintf(buf + len, n - len, "%s", form[d->form]);
	return len < n ? len : (n ? n - 1 : 0);
}

int64_t
sla_duration_due(sla_calendar *c, const sla_duration *d, int64_t s, int64_t *target_s)
{
	int64_t due;
	switch (d->form) {
	case SLA_DUR_WD_AT_TIME:
		due = sla_calendar_wd_at_time(c, s, d->wd);
		break;
	case SLA_DUR_WD_AT_CLOSE:
		due = sla_calendar_wd_at_close(c, s, d->wd);
		break;
	default:
		/* the day length sorts the template day's hours: asked only
		 * of a target in working days */
		*target_s = d->secs + (d->wd ? d->wd * sla_calendar_day_length(c) : 0);
		return sla_due(c, s, *target_s);
	}
	*target_s = due == SLA_NO_INSTANT ? -1 : sla_business(c, s, due);
	return due;
}
