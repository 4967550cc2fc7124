/* sla_stream_fields.h: the formats of the ticket stream's time and paused
 * cells (DESIGN §3), written and read in one place.
 *
 *   time    RFC 3339 at the offset of the stream's zone, e.g.
 *           2026-03-02T09:30:00+08:00; a time without offset (written by
 *           hand) is read in the zone; empty: not known, or not yet.
 *   paused  "start/end;start/end": intervals of such times, in the order
 *           written; an end left empty is a pause not ended yet.
 *
 * Owns only the text of these cells.  What a pause means (clipped at
 * "now", merged, counted in business time) is the checker's; turning an
 * export's times into instants is sla-parse's.  No allocation. */
#ifndef SLA_STREAM_FIELDS_H
#define SLA_STREAM_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_stream.h"
#include "sla_time.h"
#include "sla_tz.h"

/* ---- times -------------------------------------------------------------- */

/* The time in cell V as an instant into *T: 1; 0 when V is empty (*T
 * untouched); -1 when it cannot be read, *WHAT saying why (static text).
 * Inline: sla-check reads every time of every ticket through it. */
static inline int
sla_stream_time_read(const sla_tz *tz, sla_field v, int64_t *t, const char **what)
{
	sla_stamp st;
	if (v.n == 0)
		return 0;
	if (sla_rfc3339_parse(v.p, v.n, &st) < 0) {
		*what = "cannot read time";
		return -1;
	}
	if (sla_tz_resolve(tz, &st, t) != SLA_TZ_OK) {
		*what = "wall-clock time skipped by a DST change";
		return -1;
	}
	return 1;
}

/* Instant AT as RFC 3339 at the offset TZ has then (NULL: UTC) into OUT,
 * which has room for SLA_RFC3339_MAX bytes.  Returns the length.  _at: at
 * the offset OFF the caller has already asked the zone for. */
static inline size_t
sla_stream_time_write_at(int64_t at, int32_t off, char *out)
{
	return sla_rfc3339_format(at, off, out);
}

/* _at, the dates of the days written lately kept in MEMO (sla_time.h):
 * the same text, for a writer of many times. */
static inline size_t
sla_stream_time_write_memo(int64_t at, int32_t off, sla_rfc3339_days *memo, char *out)
{
	return sla_rfc3339_format_memo(at, off, memo, out);
}

static inline size_t
sla_stream_time_write(int64_t at, const sla_tz *tz, char *out)
{
	return sla_stream_time_write_at(at, tz ? sla_tz_offset(tz, at) : 0, out);
}

/* ---- paused ------------------------------------------------------------- */

/* A pause: [start, end); OPEN while it has not ended (END is then unused). */
typedef struct sla_pause {
	int64_t start, end;
	bool open;
} sla_pause;

/* Room the cell of N pauses needs, with its NUL. */
size_t sla_paused_max(size_t n);

/* The cell of pauses P[0..N) into OUT (sla_paused_max(N) bytes), times at
 * TZ's offsets (NULL: UTC).  Returns the length (OUT is NUL-ended). */
size_t sla_paused_write(const sla_pause *p, size_t n, const sla_tz *tz, char *out);

/* The next interval of the cell *REST, which it advances; empty intervals
 * (";;") are passed over.  1 with *P (an end before the start is not read);
 * 0 at the end; -1 when the interval *TEXT cannot be read. */
int sla_paused_next(const sla_tz *tz, sla_field *rest, sla_pause *p, sla_field *text);

#endif
