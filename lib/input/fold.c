/* fold.c: fold history events into canonical tickets (see sla_fold.h).
 *
 * Each ticket keeps its events in a compact array (time, input order, line,
 * classes) and their status and author names in an arena of its own; when
 * the ticket is complete its events are sorted by time (input order breaks
 * ties) and replayed once.  The replay is where every rule lives: see
 * fold_replay.c and sla-parse(1), EVENTS. */
#include <stdlib.h>
#include <string.h>

#include "sla_fold.h"
#include "sla_fold_replay.h"
#include "sla_mem.h"

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
	sla_kept_ticket **slots;
	size_t cap;
	sla_kept_ticket **order;
	size_t nticket, order_cap;

	/* sorted: the ticket of the current group */
	sla_kept_ticket *current;
	seen_set seen;

	sla_replay_scratch scratch;	/* for the ticket being written */
};

/* Never 0, which marks an empty slot of the seen set. */
static uint64_t
hash_id(sla_field id)
{
	uint64_t h = sla_events_hash(id.p, id.n);
	return h ? h : 1;
}

/* ---- tickets ---------------------------------------------------------------- */

static sla_kept_ticket *
ticket_new(const sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	sla_kept_ticket *t = calloc(1, sizeof *t);
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
ticket_free(sla_kept_ticket *t)
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
arena_put(sla_kept_ticket *t, sla_field s, uint32_t *off, uint32_t *len)
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

/* arena_put, unless S is one of the ticket's recent names (an export
 * repeats a ticket's statuses, authors and columns row after row). */
static bool
arena_reuse(sla_kept_ticket *t, sla_field s, uint32_t *off, uint32_t *len)
{
	unsigned n = t->nrecent < SLA_KEPT_RECENT ? t->nrecent : SLA_KEPT_RECENT;
	for (unsigned i = 0; i < n && s.n; i++)
		if (t->recent_len[i] == s.n && memcmp(t->arena + t->recent_off[i], s.p, s.n) == 0) {
			*off = t->recent_off[i];
			*len = t->recent_len[i];
			return true;
		}
	if (!arena_put(t, s, off, len))
		return false;
	if (*len) {
		t->recent_off[t->nrecent % SLA_KEPT_RECENT] = *off;
		t->recent_len[t->nrecent % SLA_KEPT_RECENT] = *len;
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
keep_latest(sla_kept_ticket *t, sla_kept_value *c, sla_field value, int64_t at, uint64_t seq)
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
keep_carried(sla_kept_ticket *t, const sla_event *e, uint64_t seq, size_t ncarry)
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
ticket_add(sla_fold *f, sla_kept_ticket *t, const sla_event *e)
{
	if (!sla_grow((void **)&t->evs, &t->cap, t->nev + 1, sizeof *t->evs))
		return false;
	sla_kept_event *v = &t->evs[t->nev];
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

/* ---- the fold -------------------------------------------------------------------- */

static void
write_ticket(sla_fold *f, sla_kept_ticket *t)
{
	sla_fold_ticket out;
	sla_fold_replay(&f->scratch, t, f->opt.ncarry, &out);
	f->failed |= f->scratch.failed;
	f->stats.tickets++;
	f->stats.errors += out.error != NULL;
	f->stats.regrouped += t->regrouped;
	f->emit(f->ctx, &out);
}

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
	f->scratch.carry_out = calloc(opt->ncarry + 1, sizeof *f->scratch.carry_out);
	if (!f->scratch.carry_out) {
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
	free(f->scratch.pauses);
	free(f->scratch.carry_out);
	free(f);
}

/* Any order: the slot of ID in the table (an empty one if absent). */
static sla_kept_ticket **
find_ticket(const sla_fold *f, sla_field id, uint64_t hash)
{
	size_t i = (size_t)hash & (f->cap - 1);
	for (sla_kept_ticket *t; (t = f->slots[i]); i = (i + 1) & (f->cap - 1))
		if (t->hash == hash && t->id_len == id.n && memcmp(t->id, id.p, id.n) == 0)
			break;
	return &f->slots[i];
}

static bool
grow_table(sla_fold *f)
{
	size_t cap = f->cap ? f->cap * 2 : 1024;
	sla_kept_ticket **old = f->slots;
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

static sla_kept_ticket *
any_order_ticket(sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	if ((f->nticket + 1) * 4 > f->cap * 3 && !grow_table(f))
		return NULL;
	sla_kept_ticket **slot = find_ticket(f, id, hash);
	if (*slot)
		return *slot;
	if (!sla_grow((void **)&f->order, &f->order_cap, f->nticket + 1, sizeof *f->order))
		return NULL;
	sla_kept_ticket *t = ticket_new(f, id, hash, line);
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

static sla_kept_ticket *
sorted_ticket(sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	sla_kept_ticket *t = f->current;
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
	sla_kept_ticket *t = f->opt.sorted ? sorted_ticket(f, e->id, hash, e->line)
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
