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
#include "sla_map.h"
#include "sla_mem.h"

struct sla_fold {
	const sla_events_map *map;
	sla_fold_options opt;
	sla_fold_emit emit;
	void *ctx;
	uint64_t seq;
	sla_fold_stats stats;
	bool failed;		/* out of memory: further events are only counted */

	/* every id met: any order, a ticket's number is its order[] index;
	 * sorted, the ids whose group has started */
	sla_map *ids;

	/* any order: every ticket, in order of first appearance */
	sla_kept_ticket **order;
	size_t nticket, order_cap;

	/* sorted: the ticket of the current group */
	sla_kept_ticket *current;

	sla_replay_scratch scratch;	/* for the ticket being written */
};

/* ---- tickets ---------------------------------------------------------------- */

static sla_kept_ticket *
ticket_new(const sla_fold *f, size_t key, uint64_t hash, unsigned long line)
{
	sla_kept_ticket *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->carry = f->opt.ncarry ? calloc(f->opt.ncarry, sizeof *t->carry) : NULL;
	if (f->opt.ncarry && !t->carry) {
		free(t);
		return NULL;
	}
	t->key = key;	/* the id stays in the map: a ticket keeps no copy */
	t->hash = hash;
	t->first_line = line;
	return t;
}

static void
ticket_free(sla_kept_ticket *t)
{
	if (!t)
		return;
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

/* VALUE, seen at AT (SEQ), into C. */
static bool
store(sla_kept_ticket *t, sla_kept_value *c, sla_field value, int64_t at, uint64_t seq)
{
	if (!arena_reuse(t, value, &c->off, &c->len))
		return false;
	c->at = at;
	c->seq = seq;
	c->set = true;
	return true;
}

/* Keep VALUE in C when it is the latest non-empty one so far. */
static bool
keep_latest(sla_kept_ticket *t, sla_kept_value *c, sla_field value, int64_t at, uint64_t seq)
{
	if (value.n == 0 || (c->set && !later(at, seq, c->at, c->seq)))
		return true;
	return store(t, c, value, at, seq);
}

/* Keep VALUE in C when it comes earliest so far, an empty one too: the
 * from of a ticket's first status change, or none. */
static bool
keep_earliest(sla_kept_ticket *t, sla_kept_value *c, sla_field value, int64_t at, uint64_t seq)
{
	if (c->set && later(at, seq, c->at, c->seq))
		return true;
	return store(t, c, value, at, seq);
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
	v->change = e->is_change;
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
	if (!keep_carried(t, e, f->seq, f->opt.ncarry) ||
	    (e->status.n && !keep_earliest(t, &t->first_from, e->from, e->at, f->seq)))
		return false;
	t->nev++;
	return true;
}

/* ---- the fold -------------------------------------------------------------------- */

static void
write_ticket(sla_fold *f, sla_kept_ticket *t)
{
	sla_fold_ticket out;
	t->id = sla_map_key(f->ids, t->key, &t->id_len);
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
	f->ids = sla_map_new();
	f->scratch.carry_out = calloc(opt->ncarry + 1, sizeof *f->scratch.carry_out);
	if (!f->ids || !f->scratch.carry_out) {
		sla_map_free(f->ids);
		free(f->scratch.carry_out);
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
	sla_map_free(f->ids);
	free(f->order);
	free(f->scratch.pauses);
	free(f->scratch.carry_out);
	free(f);
}

/* Any order: the ticket of ID, a new one the first time.  An id's number in
 * f->ids is its ticket's place in f->order. */
static sla_kept_ticket *
any_order_ticket(sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	if (!sla_grow((void **)&f->order, &f->order_cap, f->nticket + 1, sizeof *f->order))
		return NULL;
	bool added;
	size_t k = sla_map_intern_hashed(f->ids, id.p, id.n, hash, &added);
	if (k == SLA_MAP_NONE)
		return NULL;
	if (!added)
		return f->order[k];
	sla_kept_ticket *t = ticket_new(f, k, hash, line);
	if (!t)
		return NULL;	/* the fold has failed: the id is never looked up again */
	f->order[f->nticket++] = t;	/* k == nticket */
	return t;
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

/* Whether T is the ticket of ID. */
static bool
same_id(const sla_fold *f, const sla_kept_ticket *t, sla_field id)
{
	size_t n;
	const char *p = sla_map_key(f->ids, t->key, &n);
	return n == id.n && memcmp(p, id.p, n) == 0;
}

static sla_kept_ticket *
sorted_ticket(sla_fold *f, sla_field id, uint64_t hash, unsigned long line)
{
	sla_kept_ticket *t = f->current;
	if (t && t->hash == hash && same_id(f, t, id))
		return t;
	flush_current(f);
	bool added;	/* the id is new: its group has not come before */
	size_t k = sla_map_intern_hashed(f->ids, id.p, id.n, hash, &added);
	if (k == SLA_MAP_NONE || !(t = ticket_new(f, k, hash, line)))
		return NULL;
	t->regrouped = !added;
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
	uint64_t hash = sla_hash(e->id.p, e->id.n);
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
