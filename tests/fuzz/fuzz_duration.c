/* libFuzzer harness: durations (sla_duration.h) as a policy writes them,
 * from any start between the years 0001 and 9999, on a 5x8 calendar with
 * the bundled cn holidays and on 24x7.
 *
 * The first eight bytes choose the start; the rest is the duration text.
 * A duration either is refused with a reason or writes back as itself;
 * its due instant, when there is one, is never before the start, and the
 * business time up to it is the target (for a plain duration, the earliest
 * such instant).  Huge targets and far years must neither overflow nor
 * hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sla_duration.h"

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z */
#define FIRST_INSTANT (-62135596800LL)
#define LAST_INSTANT 253402300799LL

static void
check_due(sla_calendar *c, const sla_duration *d, int64_t s)
{
	int64_t target, due = sla_duration_due(c, d, s, &target);
	if (due == SLA_NO_INSTANT)
		return;
	if (due < s || target < 0)
		abort();
	if (sla_business(c, s, due) != target)
		abort();
	if (d->form == SLA_DUR_PLAIN) {
		if (target != d->secs + d->wd * sla_calendar_day_length(c))
			abort();
		if (target > 0 && sla_business(c, s, due - 1) >= target)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 8 || size > 128)
		return 0;
	uint64_t u = 0;
	for (int i = 0; i < 8; i++)
		u = u << 8 | data[i];
	int64_t s = FIRST_INSTANT + (int64_t)(u % (uint64_t)(LAST_INSTANT - FIRST_INSTANT));
	char text[128];
	memcpy(text, data + 8, size - 8);
	text[size - 8] = '\0';

	sla_duration d, back;
	char err[200], buf[96];
	if (sla_duration_parse(text, &d, err, sizeof err) < 0) {
		if (!err[0])
			abort();
		return 0;
	}
	if (d.secs < 0 || d.wd < 0)
		abort();
	sla_duration_format(&d, buf, sizeof buf);
	if (sla_duration_parse(buf, &back, err, sizeof err) < 0 || back.secs != d.secs ||
	    back.wd != d.wd || back.form != d.form)
		abort();

	sla_tz *tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	sla_calendar *office = tz ? sla_calendar_new("5x8", tz) : NULL;
	sla_calendar *always = tz ? sla_calendar_new_24x7(tz) : NULL;
	if (!office || !always ||
	    sla_calendar_parse_hours(office, "mon-fri", "09:00-12:00, 13:00-18:00", err, sizeof err) < 0 ||
	    sla_calendar_load_dates(office, SLA_DAY_HOLIDAY, "cn", err, sizeof err) < 0 ||
	    sla_calendar_load_dates(office, SLA_DAY_WORKDAY, "cn", err, sizeof err) < 0)
		abort();
	check_due(office, &d, s);
	check_due(always, &d, s);
	sla_calendar_free(office);
	sla_calendar_free(always);
	sla_tz_free(tz);
	return 0;
}
