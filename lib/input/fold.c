/* fold.c: fold history events into canonical tickets (see sla_fold.h).
 *
 * Each ticket keeps its events in a compact array (time, input order, line,
 * classes) and their status and author names in an arena of its own; when
 * the ticket is complete its events are sorted by time (input order breaks
 * ties) and replayed once.  The replay is where every rule lives: see
 * replay() and sla-parse(1), EVENTS. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_fold.h"
#include "sla_mem.h"
#include "sla_time.h"

/* A ticket's names (statuses, authors) are few and repeat row after row:
 * the last RECENT distinct ones are looked up before a name is copied. */
enum { RECENT = 8 };

/* One event as kept: 56 bytes, names in the ticket's arena. */
typedef struct ev {
	int64_t at;
	uint64_t seq;		/* input order, for ties */
	unsigned long line;
	uint32_t status_off, status_len;	/* status, or a kind that is one */
	uint32_t author_off, author_len;
	uint32_t text_off, text_len;		/* kept for creation events only */
	uint8_t status_class;	/* meaningful when status_len > 0 */
	uint8_t kind_class;	/* the effect of the event's kind */
	uint8_t vis;
} ev;

/* A carried ticket column: the latest non-empty value by time. */
typedef struct carried {
	int64_t at;
	uint64_t seq;
	uint32_t off, len;
	bool set;
} carried;

typedef struct ticket {
	char *id;
	size_t id_len;
	uint64_t hash;
	ev *evs;
	size_t nev, cap;
	char *arena;
	size_t alen, acap;
	carried *carry;
	carried requester;		/* as the export names it */
	uint32_t recent_off[RECENT], recent_len[RECENT];	/* names kept lately */
	unsigned nrecent;		/* names put in recent_* so far */
	unsigned long unusable;		/* events left out (no usable time) */
	unsigned long unusable_line;	/* the first of them */
	unsigned long first_line;	/* of its first row in the input */
	bool regrouped;			/* sorted input whose group came back */
	bool too_big;			/* its arena passed 4 GiB */
} ticket;

/* Sorted mode: the hashes of the ids already written (0 is the empty slot). */
typedef struct seen_set {
	uint64_t *slots;
	size_t cap, count;
} seen_set;

struct sla_fold {
	const sla_events_map *map;
	sla_fold_options opt;
	sla_fold_emit emit;
	void *ctx;
	uint64_t seq;
	sla_fold_stats stats;
	bool failed;		/* out of memory: further events are only counted */

	/* any order: every ticket, by id and in order of first appearance */
	ticket **slots;
	size_t cap;
	ticket **order;
	size_t nticket, order_cap;

	/* sorted: the ticket of the current group */
	ticket *current;
	seen_set seen;

	/* scratch for the ticket being written */
	sla_pause *pauses;
	size_t npause, pause_cap;
	sla_field *carry_out;
	char error[512];
	size_t error_len;
};

/* Never 0, which marks an empty slot of the seen set. */
static uint64_t
hash_id(sla_field id)
{
	uint64_t h = sla_events_hash(id.p, id.n);
	return h ? h : 1;
}

/* ---- tickets ---------------------------------------------------------------- */

static ticket *
ticket_new(const sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	ticket *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->id = malloc(id.n + 1);
	t->carry = f->opt.ncarry ? calloc(f->opt.ncarry, sizeof *t->carry) : NULL;
	if (!t->id || (f->opt.ncarry && !t->carry)) {
		free(t->id);
		free(t->carry);
		free(t);
		return NULL;
	}
	memcpy(t->id, id.p, id.n);
	t->id[id.n] = '\0';
	t->id_len = id.n;
	t->hash = hash;
	t->first_line = line;
	return t;
}

static void
ticket_free(ticket *t)
{
	if (!t)
		return;
	free(t->id);
	free(t->evs);
	free(t->arena);
	free(t->carry);
	free(t);
}

/* Copy S into the ticket's arena; *OFF and *LEN say where.  A ticket whose
 * names pass 4 GiB keeps the rest empty and carries an error. */
static bool
arena_put(ticket *t, sla_field s, uint32_t *off, uint32_t *len)
{
	*off = *len = 0;
	if (s.n == 0)
		return true;
	if (t->alen + s.n > UINT32_MAX) {
		t->too_big = true;
		return true;
	}
	if (!sla_grow((void **)&t->arena, &t->acap, t->alen + s.n, 1))
		return false;
	memcpy(t->arena + t->alen, s.p, s.n);
	*off = (uint32_t)t->alen;
	*len = (uint32_t)s.n;
	t->alen += s.n;
	return true;
}

static sla_field
arena_field(const ticket *t, uint32_t off, uint32_t len)
{
	return (sla_field){ len ? t->arena + off : "", len };
}

/* arena_put, unless S is one of the ticket's recent names (an export
 * repeats a ticket's statuses, authors and columns row after row). */
static bool
arena_reuse(ticket *t, sla_field s, uint32_t *off, uint32_t *len)
{
	unsigned n = t->nrecent < RECENT ? t->nrecent : RECENT;
	for (unsigned i = 0; i < n && s.n; i++)
		if (t->recent_len[i] == s.n && memcmp(t->arena + t->recent_off[i], s.p, s.n) == 0) {
			*off = t->recent_off[i];
			*len = t->recent_len[i];
			return true;
		}
	if (!arena_put(t, s, off, len))
		return false;
	if (*len) {
		t->recent_off[t->nrecent % RECENT] = *off;
		t->recent_len[t->nrecent % RECENT] = *len;
		t->nrecent++;
	}
	return true;
}

static bool
is_status_class(sla_event_class c)
{
	return c == SLA_EV_NEW || c == SLA_EV_ACTIVE || c == SLA_EV_PAUSE ||
	       c == SLA_EV_RESOLVED || c == SLA_EV_CLOSED || c == SLA_EV_REOPEN;
}

static bool
later(int64_t at, uint64_t seq, int64_t than_at, uint64_t than_seq)
{
	return at > than_at || (at == than_at && seq > than_seq);
}

/* Keep VALUE in C when it is the latest non-empty one so far. */
static bool
keep_latest(ticket *t, carried *c, sla_field value, int64_t at, uint64_t seq)
{
	if (value.n == 0 || (c->set && !later(at, seq, c->at, c->seq)))
		return true;
	if (!arena_reuse(t, value, &c->off, &c->len))
		return false;
	c->at = at;
	c->seq = seq;
	c->set = true;
	return true;
}

static bool
keep_carried(ticket *t, const sla_event *e, uint64_t seq, size_t ncarry)
{
	for (size_t i = 0; i < ncarry; i++)
		if (!keep_latest(t, &t->carry[i], e->carry[i], e->at, seq))
			return false;
	return keep_latest(t, &t->requester, e->requester, e->at, seq);
}

/* Keep event E in ticket T: its classes looked up once, here.  A status
 * column names the status; without one, a kind that names a status
 * (Resolved, 激活) stands for it. */
static bool
ticket_add(sla_fold *f, ticket *t, const sla_event *e)
{
	if (!sla_grow((void **)&t->evs, &t->cap, t->nev + 1, sizeof *t->evs))
		return false;
	ev *v = &t->evs[t->nev];
	memset(v, 0, sizeof *v);
	v->at = e->at;
	v->seq = f->seq;
	v->line = e->line;
	v->vis = (uint8_t)e->vis;
	sla_event_class kind = sla_events_map_lookup(f->map, e->kind.p, e->kind.n);
	sla_event_class status = sla_events_map_lookup(f->map, e->status.p, e->status.n);
	sla_field status_name = e->status;
	if (e->status.n == 0 && is_status_class(kind)) {
		status_name = e->kind;
		status = kind;
	}
	v->kind_class = (uint8_t)kind;
	v->status_class = (uint8_t)status;
	if (!arena_reuse(t, status_name, &v->status_off, &v->status_len) ||
	    !arena_reuse(t, e->author, &v->author_off, &v->author_len))
		return false;
	if ((kind == SLA_EV_CREATED || status == SLA_EV_CREATED) &&
	    !arena_put(t, e->text, &v->text_off, &v->text_len))
		return false;
	if (!keep_carried(t, e, f->seq, f->opt.ncarry))
		return false;
	t->nev++;
	return true;
}

/* ---- the replay ---------------------------------------------------------------- */

static int
by_time(const void *a, const void *b)
{
	const ev *x = a, *y = b;
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

static void add_error(sla_fold *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Add a reason to the ticket's error, "; " between reasons; a reason that
 * does not fit is cut (the first ones matter most). */
static void
add_error(sla_fold *f, const char *fmt, ...)
{
	size_t room = sizeof f->error - f->error_len;
	if (room < 8)
		return;
	if (f->error_len) {
		memcpy(f->error + f->error_len, "; ", 2);
		f->error_len += 2;
		room -= 2;
	}
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(f->error + f->error_len, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		f->error_len += (size_t)n < room ? (size_t)n : room - 1;
}

static bool
fields_equal(sla_field a, sla_field b)
{
	return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

/* Where the replay is. */
typedef struct replay_state {
	const ticket *t;
	sla_fold_ticket *out;
	sla_field requester;
	sla_field initial;	/* the status the ticket was created in */
	sla_field status;	/* the current one */
	sla_event_class phase;
	bool left_initial;
	bool pause_open;	/* the last of f->pauses is the current pause */
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
add_pause(sla_fold *f, int64_t start)
{
	if (f->npause && f->pauses[f->npause - 1].end == start) {
		f->pauses[f->npause - 1].open = true;
		return true;
	}
	if (!sla_grow((void **)&f->pauses, &f->pause_cap, f->npause + 1, sizeof *f->pauses)) {
		add_error(f, "out of memory");
		f->failed = true;
		return false;
	}
	f->pauses[f->npause++] = (sla_pause){ .start = start, .end = start, .open = true };
	return true;
}

/* Close the open pause at AT; an empty one goes. */
static void
end_pause(sla_fold *f, int64_t at)
{
	sla_pause *p = &f->pauses[f->npause - 1];
	p->end = at;
	p->open = false;
	if (p->end == p->start)
		f->npause--;
}

/* The ticket moves to status NAME of class C at AT.  Returns whether the
 * move counts as the first transition out of the initial status. */
static bool
move_status(sla_fold *f, replay_state *s, sla_field name, sla_event_class c, int64_t at)
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
		end_pause(f, at);
	if (phase == SLA_EV_PAUSE && s->phase != SLA_EV_PAUSE)
		s->pause_open = add_pause(f, at);
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
by_requester(const replay_state *s, const ev *v)
{
	sla_field author = arena_field(s->t, v->author_off, v->author_len);
	return author.n && s->requester.n && fields_equal(author, s->requester);
}

/* The effects of an event's class other than its status.  Returns whether
 * it is a response: a message to the customer from someone other than the
 * requester, or an explicit response. */
static bool
apply_effect(const replay_state *s, const ev *v, sla_event_class c)
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
replay_event(sla_fold *f, replay_state *s, const ev *v)
{
	bool response = apply_effect(s, v, (sla_event_class)v->kind_class);
	if (v->status_len) {
		sla_event_class c = (sla_event_class)v->status_class;
		if (c != (sla_event_class)v->kind_class)
			response |= apply_effect(s, v, c);
		response |= move_status(f, s, arena_field(s->t, v->status_off, v->status_len),
					c, v->at);
	}
	if (response)
		set_once(s->out, SLA_FT_FIRST_RESPONSE, v->at);
}

/* The creation event: the first (in time) whose kind or status says so. */
static const ev *
creation_event(const ticket *t)
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
check_creation(sla_fold *f, const ticket *t, const ev *created)
{
	char more[40];
	size_t before = (size_t)(created - t->evs);
	while (before > 0 && t->evs[before - 1].at == created->at)
		before--;
	const ev *early = &t->evs[0];
	if (before > 0)
		add_error(f, "line %lu: %s before the creation event (line %lu)%s", early->line,
			  early->status_len && is_done(phase_of((sla_event_class)early->status_class))
			  ? "resolved" : "event", created->line,
			  and_more(before - 1, more, sizeof more));
	for (const ev *v = created + 1; v < t->evs + t->nev; v++)
		if (v->at != created->at &&
		    (v->kind_class == SLA_EV_CREATED || v->status_class == SLA_EV_CREATED)) {
			add_error(f, "line %lu: created again (first created at line %lu)",
				  v->line, created->line);
			break;
		}
}

static void
ticket_errors(sla_fold *f, const ticket *t)
{
	char more[40];
	if (t->unusable)
		add_error(f, "line %lu: event left out (unreadable)%s", t->unusable_line,
			  and_more(t->unusable - 1, more, sizeof more));
	if (t->regrouped)
		add_error(f, "events not grouped by id: an earlier group of this id "
			  "was written already");
	if (t->too_big)
		add_error(f, "history too large (over 4 GiB of names)");
}

static void
write_ticket(sla_fold *f, ticket *t)
{
	sla_fold_ticket out = { .id = { t->id, t->id_len }, .line = t->first_line,
				.status = { "", 0 }, .description = { "", 0 } };
	f->npause = 0;
	f->error_len = 0;
	f->error[0] = '\0';
	if (t->nev)
		qsort(t->evs, t->nev, sizeof *t->evs, by_time);

	const ev *created = creation_event(t);
	const ev *first = created ? created : t->nev ? &t->evs[0] : NULL;
	replay_state s = { .t = t, .out = &out, .phase = SLA_EV_NEW };
	if (first) {
		out.line = first->line;
		set_once(&out, SLA_FT_OPENED, first->at);
		s.requester = t->requester.set
			? arena_field(t, t->requester.off, t->requester.len)
			: arena_field(t, first->author_off, first->author_len);
		if (first->status_len)
			s.initial = arena_field(t, first->status_off, first->status_len);
		if (created) {
			out.description = arena_field(t, created->text_off, created->text_len);
			check_creation(f, t, created);
		}
	} else {
		add_error(f, "no event with a usable time");
	}
	for (size_t i = 0; i < t->nev; i++)
		replay_event(f, &s, &t->evs[i]);
	ticket_errors(f, t);

	if (s.status.p)
		out.status = s.status;
	for (size_t i = 0; i < f->opt.ncarry; i++)
		f->carry_out[i] = arena_field(t, t->carry[i].off, t->carry[i].len);
	out.carry = f->carry_out;
	out.paused = f->pauses;
	out.npaused = f->npause;
	out.error = f->error_len ? f->error : NULL;
	f->stats.tickets++;
	f->stats.errors += out.error != NULL;
	f->stats.regrouped += t->regrouped;
	f->emit(f->ctx, &out);
}

/* ---- the fold -------------------------------------------------------------------- */

sla_fold *
sla_fold_new(const sla_events_map *m, const sla_fold_options *opt, sla_fold_emit emit,
	     void *ctx)
{
	sla_fold *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->map = m;
	f->opt = *opt;
	f->emit = emit;
	f->ctx = ctx;
	f->carry_out = calloc(opt->ncarry + 1, sizeof *f->carry_out);
	if (!f->carry_out) {
		free(f);
		return NULL;
	}
	return f;
}

void
sla_fold_free(sla_fold *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nticket; i++)
		ticket_free(f->order[i]);
	ticket_free(f->current);
	free(f->slots);
	free(f->order);
	free(f->seen.slots);
	free(f->pauses);
	free(f->carry_out);
	free(f);
}

/* Any order: the slot of ID in the table (an empty one if absent). */
static ticket **
find_ticket(const sla_fold *f, sla_field id, uint64_t hash)
{
	size_t i = (size_t)hash & (f->cap - 1);
	for (ticket *t; (t = f->slots[i]); i = (i + 1) & (f->cap - 1))
		if (t->hash == hash && t->id_len == id.n && memcmp(t->id, id.p, id.n) == 0)
			break;
	return &f->slots[i];
}

static bool
grow_table(sla_fold *f)
{
	size_t cap = f->cap ? f->cap * 2 : 1024;
	ticket **old = f->slots;
	size_t oldcap = f->cap;
	f->slots = calloc(cap, sizeof *f->slots);
	if (!f->slots) {
		f->slots = old;
		return false;
	}
	f->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i])
			*find_ticket(f, (sla_field){ old[i]->id, old[i]->id_len },
				     old[i]->hash) = old[i];
	free(old);
	return true;
}

static ticket *
any_order_ticket(sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	if ((f->nticket + 1) * 4 > f->cap * 3 && !grow_table(f))
		return NULL;
	ticket **slot = find_ticket(f, id, hash);
	if (*slot)
		return *slot;
	if (!sla_grow((void **)&f->order, &f->order_cap, f->nticket + 1, sizeof *f->order))
		return NULL;
	ticket *t = ticket_new(f, id, hash, line);
	if (!t)
		return NULL;
	*slot = t;
	f->order[f->nticket++] = t;
	return t;
}

/* Sorted mode: remember HASH as written; whether it was already. */
static bool
seen_before(seen_set *s, uint64_t hash, bool *nomem)
{
	if ((s->count + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		uint64_t *slots = calloc(cap, sizeof *slots);
		if (!slots) {
			*nomem = true;
			return false;
		}
		for (size_t i = 0; i < s->cap; i++)
			for (size_t j = (size_t)s->slots[i] & (cap - 1); s->slots[i];
			     j = (j + 1) & (cap - 1))
				if (!slots[j]) {
					slots[j] = s->slots[i];
					break;
				}
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	size_t i = (size_t)hash & (s->cap - 1);
	for (; s->slots[i]; i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == hash)
			return true;
	s->slots[i] = hash;
	s->count++;
	return false;
}

static void
flush_current(sla_fold *f)
{
	if (!f->current)
		return;
	write_ticket(f, f->current);
	ticket_free(f->current);
	f->current = NULL;
}

static ticket *
sorted_ticket(sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	ticket *t = f->current;
	if (t && t->hash == hash && t->id_len == id.n && memcmp(t->id, id.p, id.n) == 0)
		return t;
	flush_current(f);
	bool nomem = false;
	bool again = seen_before(&f->seen, hash, &nomem);
	if (nomem || !(t = ticket_new(f, id, hash, line)))
		return NULL;
	t->regrouped = again;
	f->current = t;
	return t;
}

sla_fold_result
sla_fold_add(sla_fold *f, const sla_event *e)
{
	f->stats.events++;
	f->seq++;
	if (sla_field_blank(e->id)) {
		f->stats.rejected++;
		return SLA_FOLD_NO_ID;
	}
	if (f->failed)
		return SLA_FOLD_NOMEM;
	uint64_t hash = hash_id(e->id);
	ticket *t = f->opt.sorted ? sorted_ticket(f, e->id, hash, e->line)
				  : any_order_ticket(f, e->id, hash, e->line);
	if (!t) {
		f->failed = true;
		return SLA_FOLD_NOMEM;
	}
	if (!e->has_time) {
		f->stats.rejected++;
		if (t->unusable++ == 0)
			t->unusable_line = e->line;
		return SLA_FOLD_UNUSABLE;
	}
	if (!ticket_add(f, t, e)) {
		f->failed = true;
		return SLA_FOLD_NOMEM;
	}
	return SLA_FOLD_OK;
}

const char *
sla_fold_result_text(sla_fold_result r)
{
	switch (r) {
	case SLA_FOLD_OK:
		return "ok";
	case SLA_FOLD_NO_ID:
		return "event without a ticket id: no ticket can be built from it";
	case SLA_FOLD_UNUSABLE:
		return "event left out: its ticket is marked in error";
	case SLA_FOLD_NOMEM:
		break;
	}
	return "out of memory";
}

void
sla_fold_finish(sla_fold *f)
{
	if (f->opt.sorted) {
		flush_current(f);
		return;
	}
	for (size_t i = 0; i < f->nticket; i++) {
		write_ticket(f, f->order[i]);
		ticket_free(f->order[i]);
	}
	f->nticket = 0;
}

sla_fold_stats
sla_fold_get_stats(const sla_fold *f)
{
	return f->stats;
}
