/* fold_replay.c: one ticket's events replayed into a folded ticket (see
 * sla_fold_replay.h): the statuses it moved through, its pauses, its
 * first response, on-site and workaround times, and what makes its
 * history unsound. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_fold_replay.h"
#include "sla_mem.h"

static int
by_time(const void *a, const void *b)
{
	const sla_kept_event *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The phase a status of class C puts the ticket in. */
static sla_event_class
phase_of(sla_event_class c)
{
	switch (c) {
	case SLA_EV_NEW:
	case SLA_EV_CREATED:
		return SLA_EV_NEW;
	case SLA_EV_PAUSE:
	case SLA_EV_RESOLVED:
	case SLA_EV_CLOSED:
		return c;
	default:
		return SLA_EV_ACTIVE;
	}
}

static bool
is_done(sla_event_class phase)
{
	return phase == SLA_EV_RESOLVED || phase == SLA_EV_CLOSED;
}

static void add_error(sla_replay_scratch *sc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Add a reason to the ticket's error, "; " between reasons; a reason that
 * does not fit is cut (the first ones matter most). */
static void
add_error(sla_replay_scratch *sc, const char *fmt, ...)
{
	size_t room = sizeof sc->error - sc->error_len;
	if (room < 8)
		return;
	if (sc->error_len) {
		memcpy(sc->error + sc->error_len, "; ", 2);
		sc->error_len += 2;
		room -= 2;
	}
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(sc->error + sc->error_len, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		sc->error_len += (size_t)n < room ? (size_t)n : room - 1;
}

static bool
fields_equal(sla_field a, sla_field b)
{
	return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

/* Where the replay is. */
typedef struct replay_state {
	const sla_kept_ticket *t;
	sla_fold_ticket *out;
	sla_field requester;
	sla_field initial;	/* the status the ticket was created in */
	sla_field status;	/* the current one */
	sla_event_class phase;
	bool left_initial;
	bool pause_open;	/* the last of sc->pauses is the current pause */
} replay_state;

static void
set_once(sla_fold_ticket *out, enum sla_fold_time which, int64_t at)
{
	if (!out->has[which]) {
		out->has[which] = true;
		out->at[which] = at;
	}
}

/* Open a pause at START; one that ended at START goes on instead, so that
 * pauses that touch are one. */
static bool
add_pause(sla_replay_scratch *sc, int64_t start)
{
	if (sc->npause && sc->pauses[sc->npause - 1].end == start) {
		sc->pauses[sc->npause - 1].open = true;
		return true;
	}
	if (!sla_grow((void **)&sc->pauses, &sc->pause_cap, sc->npause + 1, sizeof *sc->pauses)) {
		add_error(sc, "out of memory");
		sc->failed = true;
		return false;
	}
	sc->pauses[sc->npause++] = (sla_pause){ .start = start, .end = start, .open = true };
	return true;
}

/* Close the open pause at AT; an empty one goes. */
static void
end_pause(sla_replay_scratch *sc, int64_t at)
{
	sla_pause *p = &sc->pauses[sc->npause - 1];
	p->end = at;
	p->open = false;
	if (p->end == p->start)
		sc->npause--;
}

/* The ticket moves to status NAME of class C at AT.  Returns whether the
 * move counts as the first transition out of the initial status. */
static bool
move_status(sla_replay_scratch *sc, replay_state *s, sla_field name, sla_event_class c, int64_t at)
{
	if (s->status.p && fields_equal(s->status, name))
		return false;
	sla_event_class phase = phase_of(c);
	bool first_move = false;
	if (phase != SLA_EV_NEW && !s->left_initial &&
	    !(s->initial.p && fields_equal(s->initial, name))) {
		s->left_initial = true;
		first_move = true;
	}
	sla_fold_ticket *out = s->out;
	if (s->phase == SLA_EV_PAUSE && phase != SLA_EV_PAUSE && s->pause_open)
		end_pause(sc, at);
	if (phase == SLA_EV_PAUSE && s->phase != SLA_EV_PAUSE)
		s->pause_open = add_pause(sc, at);
	else if (phase != SLA_EV_PAUSE)
		s->pause_open = false;
	if (is_done(phase) && !is_done(s->phase)) {
		out->has[SLA_FT_RESOLVED] = true;
		out->at[SLA_FT_RESOLVED] = at;
	} else if (!is_done(phase)) {
		out->has[SLA_FT_RESOLVED] = false;	/* reopened */
	}
	if (phase == SLA_EV_CLOSED && s->phase != SLA_EV_CLOSED) {
		out->has[SLA_FT_CLOSED] = true;
		out->at[SLA_FT_CLOSED] = at;
	} else if (phase != SLA_EV_CLOSED) {
		out->has[SLA_FT_CLOSED] = false;
	}
	s->status = name;
	s->phase = phase;
	return first_move;
}

/* A message the customer sees: a reply unless internal (or of a
 * visibility not understood), a note only when public. */
static bool
is_message_to_customer(sla_event_class c, sla_visibility vis)
{
	if (c == SLA_EV_REPLY)
		return vis == SLA_VIS_PUBLIC || vis == SLA_VIS_UNKNOWN;
	return c == SLA_EV_NOTE && vis == SLA_VIS_PUBLIC;
}

static bool
by_requester(const replay_state *s, const sla_kept_event *v)
{
	sla_field author = sla_kept_field(s->t, v->author_off, v->author_len);
	return author.n && s->requester.n && fields_equal(author, s->requester);
}

/* The effects of an event's class other than its status.  Returns whether
 * it is a response: a message to the customer from someone other than the
 * requester, or an explicit response. */
static bool
apply_effect(const replay_state *s, const sla_kept_event *v, sla_event_class c)
{
	if (c == SLA_EV_ONSITE)
		set_once(s->out, SLA_FT_ONSITE, v->at);
	if (c == SLA_EV_WORKAROUND)
		set_once(s->out, SLA_FT_WORKAROUND, v->at);
	if (c == SLA_EV_RESPONSE)
		return true;
	return is_message_to_customer(c, (sla_visibility)v->vis) && !by_requester(s, v);
}

static void
replay_event(sla_replay_scratch *sc, replay_state *s, const sla_kept_event *v)
{
	bool response = apply_effect(s, v, (sla_event_class)v->kind_class);
	if (v->status_len) {
		sla_event_class c = (sla_event_class)v->status_class;
		if (c != (sla_event_class)v->kind_class)
			response |= apply_effect(s, v, c);
		response |= move_status(sc, s, sla_kept_field(s->t, v->status_off, v->status_len),
					c, v->at);
	}
	if (response)
		set_once(s->out, SLA_FT_FIRST_RESPONSE, v->at);
}

/* The creation event: the first (in time) whose kind or status says so. */
static const sla_kept_event *
creation_event(const sla_kept_ticket *t)
{
	for (size_t i = 0; i < t->nev; i++)
		if (t->evs[i].kind_class == SLA_EV_CREATED ||
		    t->evs[i].status_class == SLA_EV_CREATED)
			return &t->evs[i];
	return NULL;
}

/* " (and N more)", or nothing when N is 0. */
static const char *
and_more(unsigned long n, char *buf, size_t size)
{
	if (n == 0)
		return "";
	snprintf(buf, size, " (and %lu more)", n);
	return buf;
}

/* Contradictions: events before the creation (the events are sorted, so
 * those come first), a second creation at another time. */
static void
check_creation(sla_replay_scratch *sc, const sla_kept_ticket *t, const sla_kept_event *created)
{
	char more[40];
	size_t before = (size_t)(created - t->evs);
	while (before > 0 && t->evs[before - 1].at == created->at)
		before--;
	const sla_kept_event *early = &t->evs[0];
	if (before > 0)
		add_error(sc, "line %lu: %s before the creation event (line %lu)%s", early->line,
			  early->status_len && is_done(phase_of((sla_event_class)early->status_class))
			  ? "resolved" : "event", created->line,
			  and_more(before - 1, more, sizeof more));
	for (const sla_kept_event *v = created + 1; v < t->evs + t->nev; v++)
		if (v->at != created->at &&
		    (v->kind_class == SLA_EV_CREATED || v->status_class == SLA_EV_CREATED)) {
			add_error(sc, "line %lu: created again (first created at line %lu)",
				  v->line, created->line);
			break;
		}
}

static void
ticket_errors(sla_replay_scratch *sc, const sla_kept_ticket *t)
{
	char more[40];
	if (t->unusable)
		add_error(sc, "line %lu: event left out (unreadable)%s", t->unusable_line,
			  and_more(t->unusable - 1, more, sizeof more));
	if (t->regrouped)
		add_error(sc, "events not grouped by id: an earlier group of this id "
			  "was written already");
	if (t->too_big)
		add_error(sc, "history too large (over 4 GiB of names)");
}

/* The status the ticket was created in: the creation event's; else the
 * one its first status change left, where the export says (a Jira
 * changelog's Created row has no status, its first status row a From);
 * else the first event's, unless that is a changelog's row, whose status
 * is where a change went, not where the ticket began; else none is known,
 * and the first move to a status not of the new meaning is the response. */
static sla_field
initial_status(const sla_kept_ticket *t, const sla_kept_event *created,
	       const sla_kept_event *first)
{
	if (created && created->status_len)
		return sla_kept_field(t, created->status_off, created->status_len);
	if (t->first_from.set && t->first_from.len)
		return sla_kept_field(t, t->first_from.off, t->first_from.len);
	if (first && first->status_len && !first->change)
		return sla_kept_field(t, first->status_off, first->status_len);
	return (sla_field){ NULL, 0 };
}

void
sla_fold_replay(sla_replay_scratch *sc, sla_kept_ticket *t, size_t ncarry, sla_fold_ticket *o)
{
	sla_fold_ticket out = { .id = { t->id, t->id_len }, .line = t->first_line,
				.status = { "", 0 }, .description = { "", 0 } };
	sc->npause = 0;
	sc->error_len = 0;
	sc->error[0] = '\0';
	if (t->nev)
		qsort(t->evs, t->nev, sizeof *t->evs, by_time);

	const sla_kept_event *created = creation_event(t);
	const sla_kept_event *first = created ? created : t->nev ? &t->evs[0] : NULL;
	replay_state s = { .t = t, .out = &out, .phase = SLA_EV_NEW };
	if (first) {
		out.line = first->line;
		set_once(&out, SLA_FT_OPENED, first->at);
		s.requester = t->requester.set
			? sla_kept_field(t, t->requester.off, t->requester.len)
			: sla_kept_field(t, first->author_off, first->author_len);
		s.initial = initial_status(t, created, first);
		if (created) {
			out.description = sla_kept_field(t, created->text_off, created->text_len);
			check_creation(sc, t, created);
		} else if (first->change) {	/* a changelog without its beginning */
			add_error(sc, "no creation event: the history begins at line %lu with a "
				  "change, so opened is not known", first->line);
		}
	} else {
		add_error(sc, "no event with a usable time");
	}
	for (size_t i = 0; i < t->nev; i++)
		replay_event(sc, &s, &t->evs[i]);
	ticket_errors(sc, t);

	if (s.status.p)
		out.status = s.status;
	for (size_t i = 0; i < ncarry; i++)
		sc->carry_out[i] = sla_kept_field(t, t->carry[i].off, t->carry[i].len);
	out.carry = sc->carry_out;
	out.paused = sc->pauses;
	out.npaused = sc->npause;
	out.error = sc->error_len ? sc->error : NULL;
	*o = out;
}
