/* lib/query/: sla-time's questions to a policy's calendar (lib/README). */
/* sla_calquery.h: the questions sla-time asks a calendar (sla-time(1)):
 * business time between two instants, the due time of a target, and each
 * day's business hours; answered as text for a person or TSV for a script. */
#ifndef SLA_CALQUERY_H
#define SLA_CALQUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "sla_calendar.h"
#include "sla_diag.h"
#include "sla_policy.h"
#include "sla_stream.h"

enum sla_calq_format { SLA_CALQ_TEXT, SLA_CALQ_TSV };

typedef struct sla_calq {
	sla_calendar *cal;
	enum sla_calq_format format;
	bool seconds;		/* text durations as integer seconds */
	int64_t now;		/* what the time "now" means */
	sla_writer *out;
	const sla_diag *d;
} sla_calq;

/* The calendar NAME of policy P, or when NAME is NULL the first calendar
 * the policy defines itself, else the built-in 24x7.  NULL after saying,
 * through D, that there is no such calendar and which there are; the
 * message is placed at WHAT, the caller's name for where NAME came from
 * (sla-time passes "--calendar": a name, not an error code, because the
 * message also lists the policy's calendars, which only this knows). */
sla_calendar *sla_calq_pick_calendar(sla_policy *p, const char *name, const char *what,
				     const sla_diag *d);

/* Read a time argument: any form sla-parse reads (sla_timeform.h: RFC
 * 3339, 2026/3/2 9:30, 2026年3月2日 下午2:30, 02.03.2026, a date alone for
 * its 00:00, ...; a slash date whose day and month could be either is
 * refused), or "now".  A time without offset is read in the calendar's
 * zone: a DST gap is an error, an overlap takes the earlier instant.
 * Messages name the argument ARG ("START").  Returns 0, or -1 after
 * saying why through Q->d. */
int sla_calq_time(const sla_calq *q, const char *arg, const char *text, int64_t *t);

/* The hours of local date DAY of calendar C as text into BUF (size N):
 * "09:00-12:00, 13:00-18:00", "22:00-06:00", or "closed"; a time with
 * seconds as HH:MM:SS.  Returns the length. */
size_t sla_calq_day_hours(sla_calendar *c, int64_t day, char *buf, size_t n);

/* The three commands; each returns 0, or -1 after saying why through
 * Q->d (the exit status is the caller's to choose). */
int sla_calq_between(const sla_calq *q, const char *from, const char *to);
int sla_calq_due(const sla_calq *q, const char *start, const char *duration);
int sla_calq_days(const sla_calq *q, const char *from, const char *to);

#endif
