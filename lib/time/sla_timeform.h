/* sla_timeform.h: the time forms that helpdesk and spreadsheet exports write.
 *
 * Every form reads into an sla_stamp (sla_time.h): a wall-clock reading
 * unless the text carries an offset (ISO 8601 with Z or +08:00) or is an
 * epoch count; sla_tz_resolve() then places it in a zone.
 *
 *   ISO 8601       2026-03-02T09:30:00+08:00, 2026-03-02 09:30, fractions, Z
 *   year first     2026/3/2 9:30[:00], 2026-3-2 9:30, 2026.03.02
 *   Chinese        2026年3月2日 9:30[:00], 2026年3月2日 下午2:30
 *   Jira           02/Mar/26 9:05 AM (two-digit years are 20YY)
 *   European dots  02.03.2026 09:30
 *   slashes        3/2/2026 9:30 AM (M/D) or 2/3/2026 09:30 (D/M): the order
 *                  comes from the value when a part exceeds 12, else from
 *                  the caller (SLA_ORDER_DMY/MDY); unknown is SLA_TF_AMBIGUOUS
 *   epoch          10 digits: seconds; 13 digits: milliseconds
 *
 * The time of day is optional (midnight), may carry seconds and a fraction
 * (dropped), and AM/PM (also 上午/下午), and may end in a zone: Z, UTC, GMT
 * or an offset ±HH[[:]MM], after a space or not (Ruby and Rails write
 * "2026-03-02 09:30:00 +0800").  Surrounding spaces are ignored.
 * No function here reads or sets TZ, the locale or any other global. */
#ifndef SLA_TIMEFORM_H
#define SLA_TIMEFORM_H

#include <stdbool.h>
#include <stddef.h>

#include "sla_date_order.h"
#include "sla_time.h"
#include "sla_tz.h"

enum {
	SLA_TF_OK = 0,
	SLA_TF_BAD = -1,	/* not a time in any known form */
	SLA_TF_AMBIGUOUS = -2,	/* D/M or M/D, and ORDER is unknown */
	SLA_TF_GAP = -3,	/* a wall-clock time the zone's clocks skip */
};

/* Read the time P[0..N) in any form above.  Returns SLA_TF_OK, SLA_TF_BAD
 * or SLA_TF_AMBIGUOUS. */
int sla_timeform_parse(const char *p, size_t n, enum sla_date_order order,
		       sla_stamp *out);

/* sla_timeform_parse, and into *PROOF the order that the value proves (what
 * sla_timeform_evidence says of it when it reads, else SLA_ORDER_UNKNOWN):
 * one reading instead of two, for sla-parse's every value. */
int sla_timeform_parse_proving(const char *p, size_t n, enum sla_date_order order,
			       sla_stamp *out, enum sla_date_order *proof);

/* The order that the value P[0..N) proves (a slash date with a part above
 * 12), else SLA_ORDER_UNKNOWN. */
enum sla_date_order sla_timeform_evidence(const char *p, size_t n);

/* A time a person wrote (a command-line argument such as sla-check --now
 * or sla-time's FROM, a policy's window, a ticket's agreed deadline) as an
 * instant: any form above, the day/month order unknown; a date alone is
 * its 00:00; a reading without offset is wall-clock time in TZ (an overlap
 * takes the earlier instant).  The one reader of such times, so that every
 * tool takes the same ones.  SLA_TF_OK, SLA_TF_BAD, SLA_TF_AMBIGUOUS or
 * SLA_TF_GAP. */
int sla_timeform_instant(const char *p, size_t n, const sla_tz *tz, int64_t *t);

/* What is wrong with a time that sla_timeform_instant refused with RC, for
 * "column: what \"value\"": "cannot read time", "day/month order unknown
 * (write the date as 2026-03-02)", "wall-clock time skipped by a DST
 * change".  Static text. */
const char *sla_timeform_why(int rc);

/* "dmy" / "mdy" (any case); -1 for anything else. */
int sla_date_order_from_name(const char *name);

/* Read P[0..N) with the strptime(3) format FMT: the whole value must match.
 * "%z" gives the offset; without it the result is a wall-clock reading.
 * SLA_TF_OK or SLA_TF_BAD. */
int sla_timeform_strptime(const char *p, size_t n, const char *fmt, sla_stamp *out);

/* False for a format that strptime would read through global state (%s
 * uses the TZ variable), or that is empty. */
bool sla_timeform_format_ok(const char *fmt);

#endif
