/* report.c: the report's model -- groups, counts, exact percentiles, worst
 * overruns, unassessed rows and penalty statements (DESIGN §5, §6;
 * sla_report.h): a report made and freed, and each row counted into the
 * entries it belongs to.
 *
 * Memory is one entry per group, tier, period and statement, the elapsed
 * times of assessed rows (exact percentiles need every value), the N worst
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
#include "sla_mem.h"
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

/* FILE, where HEADER is line 1, places messages; NULL when unknown. */
static sla_report *
report_new(const sla_report_config *cfg, const sla_field *header, size_t ncols,
	   const char *file, sla_diag *d)
{
	sla_report *r = calloc(1, sizeof *r);
	if (!r || !(r->by_col = calloc(cfg->nby + 1, sizeof *r->by_col)) ||
	    !(r->by_fields = calloc(cfg->nby + 1, sizeof *r->by_fields))) {
		sla_diag_msg(d, file, 0, NULL, NULL, 0, "out of memory");
		sla_report_free(r);
		return NULL;
	}
	r->cfg = *cfg;
	r->d = d;
	r->ticket_period = SLA_NO_PERIOD;
	r->report_clock.kind = cfg->period;
	if (cfg->terms)
		r->statement_clock.kind = cfg->terms->period;
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

static void
item_free(sla_report_item *it)
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
		free(gr->elapsed);
		for (size_t i = 0; i < gr->ntop; i++)
			item_free(&gr->top[i]);
		free(gr->top);
	}
	for (size_t t = 0; t < r->ntiers; t++)
		free((char *)r->tiers[t].label);
	for (size_t s = 0; s < r->nstatements; s++) {
		rpt_statement *st = &r->statements[s];
		for (size_t c = 0; c < st->ncustomers; c++)
			free(st->customers[c]); /* pub.customer is one of them */
		free(st->customers);
		for (size_t i = 0; i < st->pub.nbreaches; i++)
			item_free(&st->breaches[i]);
		free(st->breaches);
	}
	for (size_t i = 0; i < r->nunassessed; i++)
		item_free(&r->unassessed[i]);
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
	free(r);
}

/* ---- keeping rows by name ------------------------------------------------ */

/* One allocation holds the item's decoded strings; id comes first so that
 * item_free can find the block. */
static int
make_item(const sla_report *r, const rpt_row *w, sla_report_item *it)
{
	static const enum rpt_col text_cols[] = {
		RPT_COL_ID, RPT_COL_CUSTOMER, RPT_COL_TIER, RPT_COL_METRIC, RPT_COL_REASON,
	};
	enum { NTEXT = sizeof text_cols / sizeof text_cols[0] };
	size_t need = 0;
	sla_field fs[NTEXT];

	for (size_t i = 0; i < NTEXT; i++) {
		fs[i] = rpt_field(r, w, text_cols[i]);
		if (text_cols[i] == RPT_COL_REASON && w->why)
			fs[i] = (sla_field){ w->why, strlen(w->why) };
		need += fs[i].n + 1;
	}
	char *block = malloc(need), *p = block;
	if (!block)
		return -1;
	const char *s[NTEXT];
	for (size_t i = 0; i < NTEXT; i++) {
		s[i] = p;
		p += sla_unescape(fs[i], p); /* our own reasons hold no backslash */
		*p++ = '\0';
	}
	int64_t line = sla_rpt_parse_count(rpt_field(r, w, RPT_COL_LINE));
	*it = (sla_report_item){
		.id = s[0], .customer = s[1], .tier = s[2], .metric = s[3], .reason = s[4],
		.line = line > 0 ? (unsigned long)line : 0, .status = w->status,
		.period = w->period, .target = w->target, .elapsed = w->elapsed,
		.overrun = w->overrun, .penalty = w->penalty, .has_penalty = w->has_penalty,
	};
	return 0;
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
		item_free(&g->top[--g->ntop]);
	memmove(&g->top[at + 1], &g->top[at], (g->ntop - at) * sizeof *g->top);
	g->ntop++;
	return make_item(r, w, &g->top[at]);
}

static int
push_item(const sla_report *r, const rpt_row *w, sla_report_item **v, size_t *n, size_t *cap)
{
	if (!sla_grow((void **)v, cap, *n + 1, sizeof **v) || make_item(r, w, &(*v)[*n]) < 0)
		return -1;
	(*n)++;
	return 0;
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

static rpt_group *
find_group(sla_report *r, const rpt_row *w, size_t *index)
{
	bool added;
	for (size_t k = 0; k < r->cfg.nby; k++)
		r->by_fields[k] = w->f[r->by_col[k]];
	long i = sla_rpt_keymap_get(&r->group_keys, w->period, r->by_fields, r->cfg.nby, &added);

	if (i < 0)
		return NULL;
	*index = (size_t)i;
	if (!added)
		return &r->groups[i];
	if (!sla_grow((void **)&r->groups, &r->groups_cap, r->ngroups + 1, sizeof *r->groups))
		return NULL;
	rpt_group *g = &r->groups[r->ngroups];
	*g = (rpt_group){ .period = w->period, .order = r->ngroups };
	g->keys = calloc(r->cfg.nby + 1, sizeof *g->keys);
	g->top = calloc(r->cfg.top + 1, sizeof *g->top);
	r->ngroups++;
	if (!g->keys || !g->top)
		return NULL;
	for (size_t k = 0; k < r->cfg.nby; k++)
		if (!(g->keys[k] = decode(r->by_fields[k])))
			return NULL;
	return g;
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
	      int64_t period, const sla_field *label)
{
	bool added;
	long i = find_index(m, period, label, &added);

	if (i < 0 || !sla_grow((void **)v, cap, (size_t)i + 1, sizeof **v))
		return NULL;
	sla_report_subtotal *s = &(*v)[i];
	if (!added)
		return s;
	*s = (sla_report_subtotal){ .period = period };
	if (label && !(s->label = decode(*label)))
		return NULL;
	(*n)++;
	return s;
}

/* The statement of the row's contract period, and of its customer when
 * the terms are per customer. */
static rpt_statement *
find_statement(sla_report *r, const rpt_row *w)
{
	bool added;
	bool per_customer = r->cfg.terms->per_customer;
	sla_field customer = rpt_field(r, w, RPT_COL_CUSTOMER);
	long i = find_index(&r->statement_keys, w->statement_period,
			    per_customer ? &customer : NULL, &added);

	if (i < 0 || !sla_grow((void **)&r->statements, &r->statements_cap, (size_t)i + 1,
			       sizeof *r->statements))
		return NULL;
	rpt_statement *s = &r->statements[i];
	if (added) {
		*s = (rpt_statement){ .order = (size_t)i };
		s->pub.period = w->statement_period;
		r->nstatements++;
	}
	/* Each customer once, in order of first appearance: the map's key is
	 * the statement's index and the customer. */
	long c = find_index(&r->statement_customer_keys, (int64_t)i, &customer, &added);
	if (c < 0)
		return NULL;
	if (added) {
		char *name = decode(customer);
		if (!name || !sla_grow((void **)&s->customers, &s->customers_cap,
				       s->ncustomers + 1, sizeof *s->customers)) {
			free(name);
			return NULL;
		}
		s->customers[s->ncustomers++] = name;
		if (per_customer)
			s->pub.customer = name;
	}
	return s;
}

/* ---- one row ------------------------------------------------------------- */

static int
count_row(sla_report *r, const rpt_row *w)
{
	size_t gi = 0;
	rpt_group *g = find_group(r, w, &gi);
	sla_field tier = rpt_field(r, w, RPT_COL_TIER);
	sla_report_subtotal *t = find_subtotal(&r->tier_keys, &r->tiers, &r->ntiers,
					       &r->tiers_cap, 0, &tier);
	sla_report_subtotal *p = find_subtotal(&r->period_keys, &r->periods, &r->nperiods,
					       &r->periods_cap, w->period, NULL);
	if (!g || !t || !p)
		return -1;
	tally_add(&g->tally, w->status, w->elapsed);
	tally_add(&t->tally, w->status, w->elapsed);
	tally_add(&p->tally, w->status, w->elapsed);
	tally_add(&r->total, w->status, w->elapsed);
	if (rpt_counts_in_compliance(w->status)) {
		if (!sla_grow((void **)&g->elapsed, &g->cap, g->nelapsed + 1, sizeof *g->elapsed))
			return -1;
		g->elapsed[g->nelapsed++] = w->elapsed;
	}
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

/* The row's note (sla-check's `calendar_note` column): counted per distinct text. */
static int
count_note(sla_report *r, const rpt_row *w)
{
	sla_field f = rpt_field(r, w, RPT_COL_NOTE);
	if (f.n == 0)
		return 0;
	bool added;
	long i = find_index(&r->note_keys, 0, &f, &added);
	if (i < 0 || !sla_grow((void **)&r->notes, &r->notes_cap, (size_t)i + 1, sizeof *r->notes))
		return -1;
	if (added) {
		char *text = decode(f);
		if (!text)
			return -1;
		r->notes[i] = (sla_report_note){ .text = text };
		r->nnotes++;
	}
	r->notes[i].rows++;
	return 0;
}

int
sla_report_add(sla_report *r, const sla_field *fields, size_t ragged, const sla_field *nul,
	       const char *file, unsigned long line)
{
	rpt_row w = { .f = fields };

	r->rows++;
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
		got = sla_rpt_count_slice(r, &w);
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
sla_report_read(sla_report *r, sla_reader *in)
{
	int got;
	while ((got = sla_reader_next(in)) > 0) {
		size_t nul = sla_reader_nul(in);
		if (sla_report_add(r, sla_reader_fields(in), sla_reader_ragged(in),
				   nul ? &sla_reader_header(in)[nul - 1] : NULL, sla_reader_file(in),
				   sla_reader_line(in)) < 0)
			return -1;
	}
	int done = got == 0 ? sla_report_finish(r) : -2;
	if (done == 0)
		return 0;
	if (done == -1)
		sla_diag_msg(r->d, sla_reader_file(in), 0, NULL, NULL, 0, "out of memory");
	return -1;
}
