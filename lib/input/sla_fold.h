/* sla_fold.h: history events folded into tickets (sla-parse --events).
 *
 * Many helpdesks cannot export a "first response" or "paused" column; they
 * export history: one row per status change or message.  The fold
 * (fold.c) turns a stream of such events into one canonical ticket per
 * id, through a callback; what the names mean is the map's
 * (sla_event_names.h), reading the export is sla_events_input.h's.
 *
 * Memory: events are held per ticket until the ticket is complete.  In any
 * order, that is at the end of the input, so memory grows with the events
 * of all tickets: 56 bytes an event, each ticket's distinct names once,
 * and some 500 bytes a ticket (1 M events in 100 k tickets: 177 MB).
 * With sorted input (grouped by id) a ticket is complete when its group
 * ends: memory is that of one ticket's events, plus 8 bytes per ticket
 * already written (to catch a group that comes back). */
#ifndef SLA_FOLD_H
#define SLA_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_event_names.h"
#include "sla_stream.h"
#include "sla_stream_fields.h"

/* ---- events ------------------------------------------------------------- */

/* One history row.  Text fields need not be NUL-terminated; the fold
 * copies what it keeps, so they need to live only during the call. */
typedef struct sla_event {
	sla_field id;		/* the ticket; empty: no ticket can be built */
	bool has_time;		/* false: no usable time, or a row not read whole */
	int64_t at;		/* the instant, UTC seconds */
	sla_field status;	/* the status after the event (may be empty) */
	sla_field from;		/* the status before it, where the export says */
	bool is_change;		/* a changelog's row: its status is the target of a
				 * change, never the status a ticket was created in */
	sla_field kind;		/* the kind of event (may be empty) */
	sla_field author;	/* who did it (may be empty) */
	sla_field requester;	/* who asked, when the export says (may be empty) */
	sla_visibility vis;
	sla_field text;		/* the creation event's becomes the description */
	const sla_field *carry;	/* sla_fold_options.ncarry ticket columns */
	unsigned long line;	/* where the row is, for the audit trail */
} sla_event;

/* ---- tickets ------------------------------------------------------------ */

enum sla_fold_time {
	SLA_FT_OPENED,
	SLA_FT_FIRST_RESPONSE,
	SLA_FT_ONSITE,
	SLA_FT_WORKAROUND,
	SLA_FT_RESOLVED,
	SLA_FT_CLOSED,
	SLA_FT_NTIMES
};

/* A folded ticket, valid during the callback only.  No field's p is NULL. */
typedef struct sla_fold_ticket {
	sla_field id;
	unsigned long line;		/* of the event that opened it */
	bool has[SLA_FT_NTIMES];
	int64_t at[SLA_FT_NTIMES];
	const sla_pause *paused;	/* in time order, not overlapping (sla_paused_write) */
	size_t npaused;
	sla_field status;		/* the last status seen (may be empty) */
	sla_field description;		/* the creation event's text */
	const sla_field *carry;		/* per carried column: the latest non-empty value */
	const char *error;		/* NULL, or why the history is not sound */
} sla_fold_ticket;

typedef void (*sla_fold_emit)(void *ctx, const sla_fold_ticket *t);

typedef struct sla_fold_options {
	bool sorted;		/* events come grouped by id */
	size_t ncarry;		/* ticket columns carried from the events */
} sla_fold_options;

typedef struct sla_fold sla_fold;

/* A fold with the map M (borrowed: it must outlive the fold).  Tickets go
 * to EMIT with CTX: with sorted input as each group ends, else from
 * sla_fold_finish in the order their ids first appeared. */
sla_fold *sla_fold_new(const sla_events_map *m, const sla_fold_options *opt,
		       sla_fold_emit emit, void *ctx);
void sla_fold_free(sla_fold *f);

typedef enum sla_fold_result {
	SLA_FOLD_OK = 0,
	SLA_FOLD_NO_ID,		/* rejected: no ticket can be built from it */
	SLA_FOLD_UNUSABLE,	/* rejected (!has_time); its ticket carries an error */
	SLA_FOLD_NOMEM,		/* out of memory: fatal, stop reading */
} sla_fold_result;

/* Add one event.  A rejected event is counted, never silently lost: the
 * caller reports it (sla_fold_result_text) at the event's line; one with
 * an id but no usable time still makes its ticket come out, with an error,
 * since a history with a hole in it cannot be audited. */
sla_fold_result sla_fold_add(sla_fold *f, const sla_event *e);
const char *sla_fold_result_text(sla_fold_result r);

/* Write every ticket not yet written.  Call once, after the last event. */
void sla_fold_finish(sla_fold *f);

typedef struct sla_fold_stats {
	unsigned long events;	/* added */
	unsigned long rejected;	/* of which not usable (no id, or no time) */
	unsigned long tickets;	/* written */
	unsigned long errors;	/* tickets written with an error */
	unsigned long regrouped;	/* sorted input: groups of an id already written */
} sla_fold_stats;
sla_fold_stats sla_fold_get_stats(const sla_fold *f);

#endif
