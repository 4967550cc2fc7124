/* sla_csv_span.h: the lines of a quoted field that look like records.
 *
 * RFC 4180 lets a quoted field hold line breaks, so two stray quotes (one
 * that opens a field, one that closes it many lines later) read as one
 * valid field that holds every record between them.  Nothing is broken,
 * so nothing would be said.  A line inside a quoted field is taken for a
 * record swallowed this way when it has the export's number of fields
 * (split at every delimiter, as a record on its own line would be) and a
 * time where the export has its opening time, with no quote before that
 * time; prose, steps, pasted mail and logs seldom have both.  (The line
 * that closes a field in an early column holds the rest of its record, a
 * time too, but after the closing quote.)
 *
 * Owns no memory.  The reader (csvin.c) feeds a probe only the lines that
 * start inside a quoted field, in as many pieces as the line arrives in,
 * so a record on one line costs nothing. */
#ifndef SLA_CSV_SPAN_H
#define SLA_CSV_SPAN_H

#include <stdbool.h>
#include <stddef.h>

/* Whether P[0..N) reads as a time, for CTX (the caller's time forms). */
typedef bool (*sla_csv_is_time)(const char *p, size_t n, const void *ctx);

/* What a record of the export looks like on its own line. */
typedef struct sla_csv_shape {
	size_t nfields;		/* the header's; 0: no line looks like a record */
	size_t time_col;	/* the field that holds a time */
	sla_csv_is_time is_time;
	const void *ctx;
} sla_csv_shape;

/* The longest time value looked at; a longer field is no time. */
#define SLA_CSV_PROBE_TIME 64

/* One line being looked at. */
typedef struct sla_csv_probe {
	size_t delims;		/* delimiters so far */
	size_t tlen;		/* bytes of the time field so far */
	bool no;		/* settled: not a record */
	char time[SLA_CSV_PROBE_TIME];
} sla_csv_probe;

static inline void
sla_csv_probe_start(sla_csv_probe *pr)
{
	pr->delims = 0;
	pr->tlen = 0;
	pr->no = false;
}

/* The next piece P[0..N) of the line (its line break may end it). */
void sla_csv_probe_feed(sla_csv_probe *pr, const sla_csv_shape *s, char delim,
			const char *p, size_t n);

/* Whether the line fed so far, whole, looks like a record of S. */
bool sla_csv_probe_is_record(const sla_csv_probe *pr, const sla_csv_shape *s);

#endif
