/* time_helpers.h: what the calendar and duration tests share: zones by
 * name, instants from text, and an assertion on how an instant reads.
 * Included after cmocka.h. */
#ifndef TIME_HELPERS_H
#define TIME_HELPERS_H

#include <string.h>

#include "sla_tz.h"

enum { HOUR = 3600, MIN = 60 };

static sla_tz *
zone(const char *name)
{
	char err[200];
	sla_tz *tz = sla_tz_load(name, err, sizeof err);
	if (!tz)
		fail_msg("%s", err);
	return tz;
}

/* The instant of TEXT (RFC 3339, or wall-clock time in TZ). */
static int64_t
at(const sla_tz *tz, const char *text)
{
	sla_stamp st;
	int64_t t;
	assert_int_equal(sla_rfc3339_parse(text, strlen(text), &st), 0);
	assert_int_equal(sla_tz_resolve(tz, &st, &t), SLA_TZ_OK);
	return t;
}

/* Assert that instant T reads TEXT in TZ (a macro: failures show the
 * caller's line). */
#define assert_at(tz, t, text)                                                    \
	do {                                                                     \
		char buf_[SLA_RFC3339_MAX];                                      \
		int64_t t_ = (t);                                                \
		sla_rfc3339_format(t_, sla_tz_offset((tz), t_), buf_);           \
		assert_string_equal(buf_, (text));                               \
	} while (0)

#endif
