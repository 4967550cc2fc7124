/* sla_tz.h: time zones from the system tz database (TZif files).
 *
 * No TZ environment variable, no localtime(): each zone is an object of its
 * own, so one process can hold several and stays free of global state.
 * The TZif transitions are used as they are, and the POSIX rule at the end
 * of the file for instants after the last transition, so any year works. */
#ifndef SLA_TZ_H
#define SLA_TZ_H

#include <stddef.h>
#include <stdint.h>

#include "sla_time.h"

typedef struct sla_tz sla_tz;

/* NAME is an IANA name (Asia/Shanghai), "UTC", or a fixed offset written
 * +HH:MM / -HH:MM.  Files are looked up in $TZDIR, else
 * /usr/share/zoneinfo.  NULL on failure with the reason in ERR. */
sla_tz *sla_tz_load(const char *name, char *err, size_t errlen);
void sla_tz_free(sla_tz *tz);
const char *sla_tz_name(const sla_tz *tz);

/* Seconds east of UTC in force at instant UTC. */
int32_t sla_tz_offset(const sla_tz *tz, int64_t utc) __attribute__((pure));

enum { SLA_TZ_OK = 0, SLA_TZ_GAP = -1 };

/* The instant at which the zone's clocks read LOCAL.  In a gap (the clocks
 * jumped over it) SLA_TZ_GAP; in an overlap the earlier instant. */
int sla_tz_to_utc(const sla_tz *tz, int64_t local, int64_t *utc);

/* The first instant after UTC at which the zone's offset changes, or
 * INT64_MAX when it never changes again (the calendar keeps a table of
 * the changes to count business time across them). */
int64_t sla_tz_next_change(const sla_tz *tz, int64_t utc);

/* A parsed stamp as an instant: its own offset, else read in TZ. */
int sla_tz_resolve(const sla_tz *tz, const sla_stamp *st, int64_t *utc);

#endif
