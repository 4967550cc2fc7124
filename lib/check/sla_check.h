/* lib/check/: every ticket and metric measured against the policy (lib/README). */
/* sla_check.h: each ticket measured against the policy
 * (DESIGN §5): one metric as of now (measure.c) and the checker, which
 * turns the ticket stream into the check stream, one row per ticket and
 * metric with a target (check.c, check_setup.c, check_rows.c).
 *
 * The policy's tiers, metrics and targets are sla_policy.h's; a row's
 * status is sla_status.h's. */
#ifndef SLA_CHECK_H
#define SLA_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_calendar.h"
#include "sla_diag.h"
#include "sla_duration.h"
#include "sla_policy.h"
#include "sla_status.h"
#include "sla_stream.h"

/* ---- one measurement -------------------------------------------------------- */

/* A pause [start, end); END is INT64_MAX while still paused. */
typedef struct sla_interval {
	int64_t start, end;
} sla_interval;

/* One metric of one ticket, as of NOW. */
typedef struct sla_measure_in {
	sla_calendar *calendar;
	const sla_duration *target;	/* NULL: elapsed only, no due or status */
	int64_t start;
	bool stopped;
	int64_t stop;		/* when STOPPED */
	int64_t now;
	int32_t warn_ppm;
	const sla_interval *pauses;	/* sorted, merged; NULL when none count */
	size_t npauses;
	/* What the ticket agreed (sla-check(1), Agreements), when TARGET is
	 * set: a due instant in place of TARGET's, at or after START, kept
	 * as an @ target's is (target_s = business(START, DEADLINE)); and
	 * business seconds added to the target, after which the due is
	 * where the longer target is used up. */
	bool has_deadline;
	int64_t deadline;
	int64_t extend_s;
} sla_measure_in;

typedef struct sla_measure {
	enum sla_status status;	/* met, breached, overdue, at-risk, pending or invalid */
	bool has_due;		/* false while a pause without end holds the clock */
	int64_t due;
	bool stopped;		/* stopped as of now */
	int64_t target_s, elapsed_s, paused_s, overrun_s;
} sla_measure;

/* Measure one metric.  Stops and pauses after NOW have not happened yet
 * (the checker leaves such pauses out, and gives a pause that ends after
 * NOW the end INT64_MAX).  The clock ends at the stop: pauses after it
 * change nothing, one across it counts up to it.  A pause moves the due on
 * by the paused business time, never earlier (an @ due stays put under a
 * pause without business time).
 * A target that is never due (sla_duration_no_due: a calendar without
 * hours) is SLA_INVALID, with only elapsed_s and paused_s set. */
sla_measure sla_measure_one(const sla_measure_in *in);

/* ---- the check stream -------------------------------------------------------- */

/* The check stream's own columns, in order (DESIGN §5). */
extern const char *const sla_check_columns[];
#define SLA_CHECK_NCOLUMNS 18

/* One time of the ticket stream: RFC 3339; without an offset, wall-clock
 * time in TZ (a time in a DST gap is an error, one in an overlap the
 * earlier instant).  0 when V is empty, 1 with the instant in T, -1 when
 * it is not a time (WHAT says why, for "column: what \"value\""). */
int sla_check_read_time(const sla_tz *tz, sla_field v, int64_t *t, const char **what);

/* The "as of" instant TEXT (sla-check's --now), read as sla-time reads
 * its times (sla_timeform_instant: RFC 3339, a form sla-parse reads, a
 * date alone for its 00:00) in the policy's zone; the current time when
 * TEXT is NULL.  0, or -1 with why in WHAT. */
int sla_check_now(const sla_policy *p, const char *text, int64_t *now, const char **what);

/* What the caller calls three of the settings below, for the messages that
 * point the user at one and for the reason a ticket opened after NOW is
 * excluded ("opened after NOW-NAME").  The checker knows no command line:
 * sla-check passes its options' names ("--keep", "--strict", "--now"); the
 * names are taken rather than error codes returned because each message
 * also carries what only the checker knows (a file, a line, a value).  A
 * NULL name is the plain word ("keep", "strict", "now").  The name of now
 * goes into the stream as it is: no tab, newline or backslash in it. */
typedef struct sla_check_names {
	const char *keep;	/* the ticket columns carried along */
	const char *strict;	/* the mode in which an invalid row is fatal */
	const char *now;	/* the "as of" instant */
} sla_check_names;

typedef struct sla_check_opts {
	int64_t now;		/* "as of": later stops and pauses have not happened */
	const char *const *keep;	/* ticket columns carried along */
	size_t nkeep;
	bool strict;		/* the first invalid row is fatal */
	sla_check_names names;
} sla_check_opts;

/* Read every ticket of R, write the check stream to W.  Returns the set
 * of the statuses of the rows written (SLA_STATUS_BIT, sla_status.h; 0
 * when there were none), or -1 after a fatal error (the message printed
 * through D).  Whether a status fails the run is the caller's to say. */
int sla_check_run(sla_policy *p, sla_reader *r, sla_writer *w, const sla_check_opts *o,
		  sla_diag *d);

#endif
