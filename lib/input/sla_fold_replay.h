/* sla_fold_replay.h: the rules of the fold (fold_replay.c), private to
 * fold.c.
 *
 * fold.c keeps each ticket's events as they come (sla_kept_ticket); when
 * the ticket is complete, sla_fold_replay sorts them by time (input order
 * breaks ties) and replays them once into a folded ticket.  Every rule of
 * sla-parse(1), EVENTS, lives in the replay; collecting events by id and
 * handing tickets out is fold.c's. */
#ifndef SLA_FOLD_REPLAY_H
#define SLA_FOLD_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_fold.h"

/* A ticket's names (statuses, authors) are few and repeat row after row:
 * the last SLA_KEPT_RECENT distinct ones are looked up before a name is copied. */
enum { SLA_KEPT_RECENT = 8 };

/* One event as kept: 56 bytes, names in the ticket's arena. */
typedef struct sla_kept_event {
	int64_t at;
	uint64_t seq;		/* input order, for ties */
	unsigned long line;
	uint32_t status_off, status_len;	/* status, or a kind that is one */
	uint32_t author_off, author_len;
	uint32_t text_off, text_len;		/* kept for creation events only */
	uint8_t status_class;	/* meaningful when status_len > 0 */
	uint8_t kind_class;	/* the effect of the event's kind */
	uint8_t vis;
	bool change;		/* a changelog's row (sla_event.is_change) */
} sla_kept_event;

/* A carried ticket column: the latest non-empty value by time. */
typedef struct sla_kept_value {
	int64_t at;
	uint64_t seq;
	uint32_t off, len;
	bool set;
} sla_kept_value;

typedef struct sla_kept_ticket {
	size_t key;			/* its id's number in the fold's map of ids */
	const char *id;			/* the map's copy, set just before the replay */
	size_t id_len;
	uint64_t hash;
	sla_kept_event *evs;
	size_t nev, cap;
	char *arena;
	size_t alen, acap;
	sla_kept_value *carry;
	sla_kept_value requester;		/* as the export names it */
	sla_kept_value first_from;		/* the earliest status change's from */
	uint32_t recent_off[SLA_KEPT_RECENT], recent_len[SLA_KEPT_RECENT];	/* names kept lately */
	unsigned nrecent;		/* names put in recent_* so far */
	unsigned long unusable;		/* events left out (no usable time) */
	unsigned long unusable_line;	/* the first of them */
	unsigned long first_line;	/* of its first row in the input */
	bool regrouped;			/* sorted input whose group came back */
	bool too_big;			/* its arena passed 4 GiB */
} sla_kept_ticket;

/* The name at OFF, LEN in T's arena (no copy). */
static inline sla_field
sla_kept_field(const sla_kept_ticket *t, uint32_t off, uint32_t len)
{
	return (sla_field){ len ? t->arena + off : "", len };
}

/* What the replay writes into, reused from ticket to ticket. */
typedef struct sla_replay_scratch {
	sla_pause *pauses;
	size_t npause, pause_cap;
	sla_field *carry_out;	/* NCARRY of them */
	char error[512];
	size_t error_len;
	bool failed;		/* out of memory met */
} sla_replay_scratch;

/* Sort T's events and replay them into *OUT, with NCARRY carried columns.
 * OUT points into T and S: valid until either changes.  Never fails: out
 * of memory leaves an error on the ticket and sets S->failed. */
void sla_fold_replay(sla_replay_scratch *s, sla_kept_ticket *t, size_t ncarry,
		     sla_fold_ticket *out);

#endif
