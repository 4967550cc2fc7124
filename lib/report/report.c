/* report.c: the report's model -- groups, counts, exact percentiles, worst
 * overruns, unassessed rows and penalty statements (DESIGN §5, §6;
 * sla_report.h): a report made and freed, and each row counted into the
 * entries it belongs to.
 *
 * Memory is one entry per group, tier, period and statement, the exact
 * histogram of each group's elapsed times (its distinct values with their
 * counts: exact percentiles need no more, report_histogram.h), the N worst
 * overruns of each group, and the few rows listed by name: breaches for the
 * statements, excluded and invalid rows.  A row itself is never kept.
 *
 * Not here (report_int.h): reading a row (report_rows.c), periods
 * (report_period.c), the keys of the entries (report_keymap.c), satisfaction
 * (report_satisfaction.c), and all that happens after the last row
 * (report_finish.c). */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "sla_digest.h"
#include "sla_mem.h"
#include "sla_report_partial.h"
#include "sla_penalty.h"

const int64_t sla_bucket_upper[SLA_NBUCKETS - 1] = {
	15 * 60, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 72 * 3600,
};

/* ---- tallies ------------------------------------------------------------ */

uint64_t
sla_tally_rows(const sla_tally *t)
{
	uint64_t n = 0;
	for (int s = 0; s < SLA_NSTATUS; s++)
		n += t->count[s];
	return n;
}

uint64_t sla_tally_kept(const sla_tally *t) { return t->count[SLA_MET]; }

uint64_t
sla_tally_broken(const sla_tally *t)
{
	return t->count[SLA_BREACHED] + t->count[SLA_OVERDUE];
}

size_t
sla_rpt_bucket_of(int64_t elapsed)
{
	size_t b = 0;
	while (b < SLA_NBUCKETS - 1 && elapsed > sla_bucket_upper[b])
		b++;
	return b;
}

static void
tally_add(sla_tally *t, sla_status s, int64_t elapsed)
{
	t->count[s]++;
	if (rpt_counts_in_compliance(s))
		t->bucket[sla_rpt_bucket_of(elapsed)]++;
}

/* ---- a report ----------------------------------------------------------- */

sla_report *
sla_rpt_alloc(const sla_report_config *cfg, sla_diag *d)
{
	sla_report *r = calloc(1, sizeof *r);
	if (!r || !(r->by_col = calloc(cfg->nby + 1, sizeof *r->by_col)) ||
	    !(r->by_fields = calloc(cfg->nby + 1, sizeof *r->by_fields)) ||
	    !(r->self.source = strdup(cfg->source ? cfg->source : ""))) {
		sla_report_free(r);
		return NULL;
	}
	r->cfg = *cfg;
	r->d = d;
	r->self.digest = SLA_DIGEST_INIT;
	r->ticket_period = SLA_NO_PERIOD;
	r->report_clock.kind = cfg->period;
	if (cfg->terms)
		r->statement_clock.kind = cfg->terms->period;
	for (int c = 0; c < RPT_NCOL; c++)
		r->col[c] = -1;
	return r;
}

/* FILE, where HEADER is line 1, places messages; NULL when unknown. */
static sla_report *
report_new(const sla_report_config *cfg, const sla_field *header, size_t ncols,
	   const char *file, sla_diag *d)
{
	sla_report *r = sla_rpt_alloc(cfg, d);
	if (!r) {
		sla_diag_msg(d, file, 0, NULL, NULL, 0, "out of memory");
		return NULL;
	}
	for (int c = 0; c < RPT_NCOL; c++) {
		r->col[c] = -1;
		for (size_t i = 0; i < ncols; i++)
			if (sla_field_eq(header[i], sla_rpt_col_names[c]))
				r->col[c] = (int)i;
	}
	r->has_satisfaction = r->col[RPT_COL_SATISFACTION] >= 0;
	const char *missing = r->col[RPT_COL_ID] < 0 ? "id" : r->col[RPT_COL_STATUS] < 0 ? "status" : NULL;
	const char *asked = "";
	for (size_t b = 0; b < cfg->nby && !missing; b++) {
		r->by_col[b] = -1;
		for (size_t i = 0; i < ncols; i++)
			if (sla_field_eq(header[i], cfg->by[b]))
				r->by_col[b] = (int)i;
		if (r->by_col[b] < 0)
			missing = cfg->by[b], asked = cfg->by_name ? cfg->by_name : "by";
		else if (r->by_col[b] == r->col[RPT_COL_TIER])
			r->tier_in_group = true;
	}
	if (missing) {
		/* The header is line 1 of the file. */
		sla_diag_msg(d, file, 1, NULL, missing, strlen(missing),
			     "%s%sthe check stream has no column", asked, *asked ? ": " : "");
		sla_report_free(r);
		return NULL;
	}
	return r;
}

sla_report *
sla_report_new(const sla_report_config *cfg, const sla_field *header, size_t ncols,
	       sla_diag *d)
{
	return report_new(cfg, header, ncols, NULL, d);
}

sla_report *
sla_report_open(const sla_report_config *cfg, const sla_reader *in, sla_diag *d)
{
	return report_new(cfg, sla_reader_header(in), sla_reader_ncols(in), sla_reader_file(in), d);
}

void
sla_rpt_item_free(sla_report_item *it)
{
	free((char *)it->id); /* the one block that holds all its strings */
}

void
sla_report_free(sla_report *r)
{
	if (!r)
		return;
	for (size_t g = 0; g < r->ngroups; g++) {
		rpt_group *gr = &r->groups[g];
		for (size_t k = 0; gr->keys && k < r->cfg.nby; k++)
			free(gr->keys[k]);
		free(gr->keys);
		sla_rpt_hist_free(&gr->elapsed);
		for (size_t i = 0; i < gr->ntop; i++)
			sla_rpt_item_free(&gr->top[i]);
		free(gr->top);
	}
	for (size_t t = 0; t < r->ntiers; t++)
		free((char *)r->tiers[t].label);
	for (size_t s = 0; s < r->nstatements; s++) {
		rpt_statement *st = &r->statements[s];
		for (size_t c = 0; c < st->ncustomers; c++)
			free(st->customers[c]); /* pub.customer is one of them */
		free(st->customers);
		free(st->customer);
		for (size_t i = 0; i < st->pub.nbreaches; i++)
			sla_rpt_item_free(&st->breaches[i]);
		free(st->breaches);
	}
	for (size_t i = 0; i < r->nunassessed; i++)
		sla_rpt_item_free(&r->unassessed[i]);
	sla_rpt_keymap_free(&r->group_keys);
	sla_rpt_keymap_free(&r->tier_keys);
	sla_rpt_keymap_free(&r->period_keys);
	sla_rpt_keymap_free(&r->statement_keys);
	sla_rpt_keymap_free(&r->statement_customer_keys);
	sla_rpt_keymap_free(&r->note_keys);
	sla_rpt_free_slices(r);
	for (size_t i = 0; i < r->nnotes; i++)
		free((char *)r->notes[i].text);
	free(r->notes);
	free(r->groups);
	free(r->tiers);
	free(r->periods);
	free(r->statements);
	free(r->unassessed);
	free(r->by_col);
	free(r->by_fields);
	free(r->last_id);
	free(r->view);
	free(r->statement_view);
	free(r->customer_slot);
	free(r->self.source);
	for (size_t i = 0; i < r->nparts; i++) {
		free(r->parts[i].source);
		free(r->parts[i].file);
		for (size_t k = 0; k < r->parts[i].ninputs; k++)
			free(r->parts[i].inputs[k]);
		free(r->parts[i].inputs);
		free(r->parts[i].policy_file);
		free(r->parts[i].policy_sha256);
	}
	free(r->parts);
	free(r->merged_inputs);
	free(r);
}

/* ---- keeping rows by name ------------------------------------------------ */

int
sla_rpt_item_text(sla_report_item *it, const sla_field text[5])
{
	size_t need = 0;
	for (size_t i = 0; i < 5; i++)
		need += text[i].n + 1;
	char *block = malloc(need), *p = block;
	if (!block)
		return -1;
	const char *s[5];
	for (size_t i = 0; i < 5; i++) {
		s[i] = p;
		p += sla_unescape(text[i], p);
		*p++ = '\0';
	}
	it->id = s[0], it->customer = s[1], it->tier = s[2], it->metric = s[3], it->reason = s[4];
	return 0;
}

/* The row's place in the stream: the row just counted. */
static sla_report_pos
here(const sla_report *r)
{
	return (sla_report_pos){ 0, r->rows };
}

/* One allocation holds the item's decoded strings; id comes first so that
 * sla_rpt_item_free can find the block. */
static int
make_item(const sla_report *r, const rpt_row *w, sla_report_item *it)
{
	static const enum rpt_col text_cols[] = {
		RPT_COL_ID, RPT_COL_CUSTOMER, RPT_COL_TIER, RPT_COL_METRIC, RPT_COL_REASON,
	};
	sla_field fs[5];

	for (size_t i = 0; i < 5; i++) {
		fs[i] = rpt_field(r, w, text_cols[i]);
		if (text_cols[i] == RPT_COL_REASON && w->why)
			fs[i] = (sla_field){ w->why, strlen(w->why) }; /* holds no backslash */
	}
	int64_t line = sla_rpt_parse_count(rpt_field(r, w, RPT_COL_LINE));
	*it = (sla_report_item){
		.line = line > 0 ? (unsigned long)line : 0, .status = w->status,
		.period = w->period, .target = w->target, .elapsed = w->elapsed,
		.overrun = w->overrun, .penalty = w->penalty, .has_penalty = w->has_penalty,
		.at = here(r),
	};
	return sla_rpt_item_text(it, fs);
}

/* Keep the row among the group's worst overruns, if it is one: the array
 * stays sorted worst first, and an earlier row wins a tie. */
static int
consider_top(const sla_report *r, rpt_group *g, const rpt_row *w)
{
	size_t n = r->cfg.top, at = g->ntop;

	while (at > 0 && g->top[at - 1].overrun < w->overrun)
		at--;
	if (at >= n)
		return 0;
	if (g->ntop == n)
		sla_rpt_item_free(&g->top[--g->ntop]);
	memmove(&g->top[at + 1], &g->top[at], (g->ntop - at) * sizeof *g->top);
	g->ntop++;
	return make_item(r, w, &g->top[at]);
}

sla_report_item *
sla_rpt_item_push(sla_report_item **v, size_t *n, size_t *cap)
{
	if (!sla_grow((void **)v, cap, *n + 1, sizeof **v))
		return NULL;
	(*v)[*n] = (sla_report_item){ 0 };
	return &(*v)[(*n)++];
}

static int
push_item(const sla_report *r, const rpt_row *w, sla_report_item **v, size_t *n, size_t *cap)
{
	sla_report_item *it = sla_rpt_item_push(v, n, cap);
	return it && make_item(r, w, it) == 0 ? 0 : -1;
}

/* ---- finding a row's entries --------------------------------------------- */

static char *
decode(sla_field f)
{
	char *s = malloc(f.n + 1);
	if (s)
		s[sla_unescape(f, s)] = '\0';
	return s;
}

rpt_group *
sla_rpt_group(sla_report *r, int64_t period, const sla_field *keys, sla_report_pos at,
	      size_t *index, bool *added)
{
	long i = sla_rpt_keymap_get(&r->group_keys, period, keys, r->cfg.nby, added);

	if (i < 0)
		return NULL;
	*index = (size_t)i;
	if (!*added)
		return &r->groups[i];
	if (!sla_grow((void **)&r->groups, &r->groups_cap, r->ngroups + 1, sizeof *r->groups))
		return NULL;
	rpt_group *g = &r->groups[r->ngroups];
	*g = (rpt_group){ .period = period, .first = at };
	g->keys = calloc(r->cfg.nby + 1, sizeof *g->keys);
	g->top = calloc(r->cfg.top + 1, sizeof *g->top);
	r->ngroups++;
	if (!g->keys || !g->top)
		return NULL;
	for (size_t k = 0; k < r->cfg.nby; k++)
		if (!(g->keys[k] = decode(keys[k])))
			return NULL;
	return g;
}

static rpt_group *
find_group(sla_report *r, const rpt_row *w, size_t *index)
{
	bool added;
	for (size_t k = 0; k < r->cfg.nby; k++)
		r->by_fields[k] = w->f[r->by_col[k]];
	return sla_rpt_group(r, w->period, r->by_fields, here(r), index, &added);
}

/* The index in map M of PERIOD and the field LABEL (none when NULL),
 * added when new (*ADDED); -1 when out of memory. */
static long
find_index(rpt_keymap *m, int64_t period, const sla_field *label, bool *added)
{
	return sla_rpt_keymap_get(m, period, label, label ? 1 : 0, added);
}

static sla_report_subtotal *
find_subtotal(rpt_keymap *m, sla_report_subtotal **v, size_t *n, size_t *cap,
	      int64_t period, const sla_field *label, sla_report_pos at, bool *added)
{
	long i = find_index(m, period, label, added);

	if (i < 0 || !sla_grow((void **)v, cap, (size_t)i + 1, sizeof **v))
		return NULL;
	sla_report_subtotal *s = &(*v)[i];
	if (!*added)
		return s;
	*s = (sla_report_subtotal){ .period = period, .first = at };
	if (label && !(s->label = decode(*label)))
		return NULL;
	(*n)++;
	return s;
}

sla_report_subtotal *
sla_rpt_tier(sla_report *r, sla_field tier, sla_report_pos at, bool *added)
{
	return find_subtotal(&r->tier_keys, &r->tiers, &r->ntiers, &r->tiers_cap, 0, &tier, at,
			     added);
}

sla_report_subtotal *
sla_rpt_period_total(sla_report *r, int64_t period, sla_report_pos at, bool *added)
{
	return find_subtotal(&r->period_keys, &r->periods, &r->nperiods, &r->periods_cap, period,
			     NULL, at, added);
}

rpt_statement *
sla_rpt_statement(sla_report *r, int64_t period, sla_field customer, sla_report_pos at,
		  bool *added)
{
	bool per_customer = r->cfg.terms->per_customer;
	long i = find_index(&r->statement_keys, period, per_customer ? &customer : NULL, added);

	if (i < 0 || !sla_grow((void **)&r->statements, &r->statements_cap, (size_t)i + 1,
			       sizeof *r->statements))
		return NULL;
	rpt_statement *s = &r->statements[i];
	if (*added) {
		*s = (rpt_statement){ .first = at };
		s->pub.period = period;
		r->nstatements++;
	}
	return s;
}

int
sla_rpt_statement_customer(sla_report *r, rpt_statement *s, sla_field customer,
			   sla_report_pos at, size_t *index, bool *added)
{
	/* Each customer once, in order of first appearance: the map's key is
	 * the statement's index and the customer. */
	long c = find_index(&r->statement_customer_keys, (int64_t)(s - r->statements), &customer,
			    added);
	if (c < 0)
		return -1;
	if (!*added) {
		*index = r->customer_slot[c];
		return 0;
	}
	char *name = decode(customer);
	if (!name || !sla_grow((void **)&s->customers, &s->customers_cap, s->ncustomers + 1,
			       sizeof *s->customers) ||
	    !sla_grow((void **)&s->customer, &s->customer_cap, s->ncustomers + 1,
		      sizeof *s->customer) ||
	    !sla_grow((void **)&r->customer_slot, &r->customer_slot_cap, (size_t)c + 1,
		      sizeof *r->customer_slot)) {
		free(name);
		return -1;
	}
	r->customer_slot[c] = *index = s->ncustomers;
	s->customer[s->ncustomers] = (struct rpt_customer){ at, (size_t)c };
	s->customers[s->ncustomers++] = name;
	if (r->cfg.terms->per_customer)
		s->pub.customer = name;
	return 0;
}

/* The statement of the row's contract period, and of its customer when
 * the terms are per customer. */
static rpt_statement *
find_statement(sla_report *r, const rpt_row *w)
{
	bool added;
	size_t ci;
	sla_field customer = rpt_field(r, w, RPT_COL_CUSTOMER);
	rpt_statement *s = sla_rpt_statement(r, w->statement_period, customer, here(r), &added);

	if (!s || sla_rpt_statement_customer(r, s, customer, here(r), &ci, &added) < 0)
		return NULL;
	return s;
}

/* ---- one row ------------------------------------------------------------- */

/* The subtotals of row W's tier and period, *T and *P.  A group's key holds
 * its period, and its tier when it groups by tier (the default): then the
 * group keeps their indices, found at its first row, and its later rows
 * look neither up.  -1 when out of memory. */
static int
find_subtotals(sla_report *r, rpt_group *g, const rpt_row *w, sla_report_subtotal **t,
	       sla_report_subtotal **p)
{
	bool added;
	*t = g->tier_at ? &r->tiers[g->tier_at - 1]
			: sla_rpt_tier(r, rpt_field(r, w, RPT_COL_TIER), here(r), &added);
	*p = g->period_at ? &r->periods[g->period_at - 1]
			  : sla_rpt_period_total(r, w->period, here(r), &added);
	if (!*t || !*p)
		return -1;
	if (r->tier_in_group)
		g->tier_at = (size_t)(*t - r->tiers) + 1;
	g->period_at = (size_t)(*p - r->periods) + 1;
	return 0;
}

static int
count_row(sla_report *r, const rpt_row *w)
{
	size_t gi = 0;
	rpt_group *g = find_group(r, w, &gi);
	sla_report_subtotal *t, *p;
	if (!g || find_subtotals(r, g, w, &t, &p) < 0)
		return -1;
	tally_add(&g->tally, w->status, w->elapsed);
	tally_add(&t->tally, w->status, w->elapsed);
	tally_add(&p->tally, w->status, w->elapsed);
	tally_add(&r->total, w->status, w->elapsed);
	if (rpt_counts_in_compliance(w->status) && sla_rpt_hist_add(&g->elapsed, w->elapsed) < 0)
		return -1;
	if ((w->status == SLA_BREACHED || w->status == SLA_OVERDUE) && consider_top(r, g, w) < 0)
		return -1;
	if (w->status == SLA_EXCLUDED || w->status == SLA_INVALID)
		return push_item(r, w, &r->unassessed, &r->nunassessed, &r->unassessed_cap);
	sla_rpt_note_satisfaction(r, w, &g->sat, gi);
	return 0;
}

static int
add_to_statement(sla_report *r, const rpt_row *w)
{
	if (!r->cfg.terms || !rpt_counts_in_compliance(w->status))
		return 0;
	rpt_statement *s = find_statement(r, w);
	if (!s)
		return -1;
	if (w->status == SLA_MET) {
		s->pub.kept++;
		return 0;
	}
	s->pub.broken++;
	if (!w->has_penalty)
		return 0;
	if (sla_statement_add_breach(&s->pub.breach_sum, w->penalty) < 0)
		return -2;
	if (push_item(r, w, &s->breaches, &s->pub.nbreaches, &s->cap) < 0)
		return -1;
	/* listed in the statement, the breach is in the statement's period */
	s->breaches[s->pub.nbreaches - 1].period = w->statement_period;
	return 0;
}

/* A row of a new ticket forgets what the previous ticket's rows left:
 * the groups that counted its satisfaction, and its period.  -1 when out
 * of memory. */
static int
follow_ticket(sla_report *r, const rpt_row *w)
{
	sla_field id = rpt_field(r, w, RPT_COL_ID);

	if (id.n == r->last_id_len && (id.n == 0 || memcmp(id.p, r->last_id, id.n) == 0))
		return 0;
	if (!sla_grow((void **)&r->last_id, &r->last_id_cap, id.n, 1))
		return -1;
	memcpy(r->last_id, id.p, id.n);
	r->last_id_len = id.n;
	r->nseen = 0;
	r->ticket_period = SLA_NO_PERIOD;
	return 0;
}

sla_report_note *
sla_rpt_note(sla_report *r, sla_field text, sla_report_pos at, bool *added)
{
	long i = find_index(&r->note_keys, 0, &text, added);
	if (i < 0 || !sla_grow((void **)&r->notes, &r->notes_cap, (size_t)i + 1, sizeof *r->notes))
		return NULL;
	if (*added) {
		char *s = decode(text);
		if (!s)
			return NULL;
		r->notes[i] = (sla_report_note){ .text = s, .first = at };
		r->nnotes++;
	}
	return &r->notes[i];
}

/* The row's note (sla-check's `calendar_note` column): counted per distinct text. */
static int
count_note(sla_report *r, const rpt_row *w)
{
	sla_field f = rpt_field(r, w, RPT_COL_NOTE);
	if (f.n == 0)
		return 0;
	bool added;
	sla_report_note *note = sla_rpt_note(r, f, here(r), &added);
	if (!note)
		return -1;
	note->rows++;
	return 0;
}

/* What tells this part of the stream from another (cfg.partial): its
 * smallest and largest line, its rows, a digest of their lines and ids. */
static void
note_part(sla_report *r, const rpt_row *w)
{
	sla_field line = rpt_field(r, w, RPT_COL_LINE), id = rpt_field(r, w, RPT_COL_ID);
	int64_t n = sla_rpt_parse_count(line);
	rpt_part *p = &r->self;

	if (n > 0 && (p->first == 0 || (uint64_t)n < p->first))
		p->first = (uint64_t)n;
	if (n > 0 && (uint64_t)n > p->last)
		p->last = (uint64_t)n;
	p->rows++;
	p->digest = sla_digest(p->digest, line.p, line.n);
	p->digest = sla_digest(p->digest, "\t", 1);
	p->digest = sla_digest(p->digest, id.p, id.n);
	p->digest = sla_digest(p->digest, "\n", 1);
}

int
sla_report_add(sla_report *r, const sla_field *fields, size_t ragged, const sla_field *nul,
	       const char *file, unsigned long line)
{
	rpt_row w = { .f = fields };

	r->rows++;
	if (r->cfg.partial)
		note_part(r, &w);
	if (follow_ticket(r, &w) < 0) {
		sla_diag_msg(r->d, file, line, NULL, NULL, 0, "out of memory");
		return -1;
	}
	sla_rpt_read_row(r, &w, ragged, nul, file, line);
	if (w.why && r->cfg.strict)
		return -1; /* read_row said why */
	int got = count_row(r, &w);
	if (got == 0)
		got = add_to_statement(r, &w);
	if (got == 0)
		got = count_note(r, &w);
	if (got == 0 && r->cfg.slices)
		got = sla_rpt_count_slice(r, &w, here(r));
	if (got == -2) {
		/* found again, not added: add_to_statement found it first */
		const rpt_statement *s = find_statement(r, &w);
		sla_field pen = rpt_field(r, &w, RPT_COL_PENALTY);
		char name[RPT_STATEMENT_NAME_MAX];
		sla_diag_msg(r->d, file, line, sla_rpt_col_names[RPT_COL_PENALTY], pen.p, pen.n,
			     "statement %s: the sum of its penalties does not fit",
			     sla_rpt_statement_name(r->cfg.terms->period, s->pub.period,
						    s->pub.customer, name, sizeof name));
		return -1;
	}
	if (got < 0) {
		sla_diag_msg(r->d, file, line, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}

int
sla_report_take(sla_report *r, sla_reader *in)
{
	int got;
	while ((got = sla_reader_next(in)) > 0) {
		size_t nul = sla_reader_nul(in);
		if (sla_report_add(r, sla_reader_fields(in), sla_reader_ragged(in),
				   nul ? &sla_reader_header(in)[nul - 1] : NULL, sla_reader_file(in),
				   sla_reader_line(in)) < 0)
			return -1;
	}
	return got == 0 ? 0 : -1;
}

int
sla_report_read(sla_report *r, sla_reader *in)
{
	int done = sla_report_take(r, in) == 0 ? sla_report_finish(r) : -2;
	if (done == 0)
		return 0;
	if (done == -1)
		sla_diag_msg(r->d, sla_reader_file(in), 0, NULL, NULL, 0, "out of memory");
	return -1;
}
