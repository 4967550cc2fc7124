/* sla_duration.h: targets such as 8h, 1h30m, 3wd, 2wd@time, 1wd@close
 * (DESIGN §4). */
#ifndef SLA_DURATION_H
#define SLA_DURATION_H

#include <stdbool.h>
#include <stdint.h>

#include "sla_calendar.h"

enum sla_duration_form {
	SLA_DUR_PLAIN,		/* secs + wd × the calendar's day length */
	SLA_DUR_WD_AT_TIME,	/* the same wall-clock time wd working days on */
	SLA_DUR_WD_AT_CLOSE,	/* the close of the wd-th working day after the start's day */
};

typedef struct sla_duration {
	enum sla_duration_form form;
	int64_t secs;		/* s, m, h and d (24 h) parts, in business seconds */
	int64_t wd;		/* working days */
	bool uses_d;		/* has a d part (lint: d on a business calendar) */
} sla_duration;

/* Parse TEXT ("8h", "1h30m", "2wd", "1wd4h", "3wd@time", "1wd@close",
 * "0s"): numbers each followed by a unit s, m, h, d (24 h) or wd, each unit
 * at most once; @time and @close follow working days alone, at least 1wd.
 * Negative, overflowing (over 10000 years), unit-less or empty values are
 * errors.  Returns 0, or -1 with the reason, quoting TEXT, in ERR:
 * negative duration "-1h". */
int sla_duration_parse(const char *text, sla_duration *out, char *err, size_t errlen);

/* Write D back as text (for --print-policy): "1h30m", "3wd@time". */
size_t sla_duration_format(const sla_duration *d, char *buf, size_t n);

/* The due instant of D started at S on calendar C, and the target in
 * business seconds (for the @ forms: business(S, due)).  SLA_NO_INSTANT (and target
 * -1 for the @ forms) when there is none: see sla_due. */
int64_t sla_duration_due(sla_calendar *c, const sla_duration *d, int64_t s, int64_t *target_s);

/* Why there is no due time (sla_duration_due gave -1): one wording for
 * sla-time's message and sla-check's invalid rows. */
extern const char sla_duration_no_due[];

#endif
