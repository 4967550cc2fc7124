/* libFuzzer harness: a calendar's hours, dates and a duration as a policy
 * writes them, one a line (days, hours, holidays, workdays, duration),
 * then queries on whatever was accepted.  Nothing may crash, and the
 * answers must agree: business() is additive, due() is the earliest
 * instant whose business time reaches the target, and a duration written
 * back reads as the same duration. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sla_duration.h"

enum { FIELDS = 5 };

static void
check_duration(sla_calendar *c, const char *text, int64_t s)
{
	sla_duration d, back;
	char err[160], buf[96];
	if (sla_duration_parse(text, &d, err, sizeof err) < 0)
		return;
	sla_duration_format(&d, buf, sizeof buf);
	if (sla_duration_parse(buf, &back, err, sizeof err) < 0 || back.secs != d.secs ||
	    back.wd != d.wd || back.form != d.form || back.uses_d != d.uses_d)
		abort();
	int64_t target, due = sla_duration_due(c, &d, s, &target);
	if (due == SLA_NO_INSTANT)
		return;
	if (sla_business(c, s, due) != target)
		abort();
	if (d.form == SLA_DUR_PLAIN && target > 0 && sla_business(c, s, due - 1) >= target)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[2048];
	if (size >= sizeof text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	char *field[FIELDS];
	char *p = text;
	for (int i = 0; i < FIELDS; i++) {
		field[i] = p;
		p += strcspn(p, "\n");
		if (*p)
			*p++ = '\0';
	}
	char err[160];
	sla_tz *tz = sla_tz_load("Europe/Berlin", err, sizeof err);
	sla_calendar *c = tz ? sla_calendar_new("fuzz", tz) : NULL;
	if (!c)
		abort();
	sla_calendar_parse_hours(c, field[0], field[1], err, sizeof err);
	/* inline dates only: a file name in the input would read the disk */
	if (field[2][0] >= '0' && field[2][0] <= '9')
		sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, field[2], err, sizeof err);
	if (field[3][0] >= '0' && field[3][0] <= '9')
		sla_calendar_load_dates(c, SLA_DAY_WORKDAY, field[3], err, sizeof err);

	uint64_t h = 1469598103934665603u; /* FNV-1a: start and span from the input */
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 1099511628211u;
	int64_t s = 1767225600 + (int64_t)(h % (2 * 365 * 86400)), span = (int64_t)(h >> 32) % (400 * 86400);
	int64_t whole = sla_business(c, s, s + span), half = sla_business(c, s, s + span / 2);
	if (whole < 0 || half < 0 || half + sla_business(c, s + span / 2, s + span) != whole)
		abort();
	check_duration(c, field[4], s);
	sla_calendar_free(c);
	sla_tz_free(tz);
	return 0;
}
