/* report_partial.c: a report's state written as a partial report
 * (sla_report_partial.h; the format is in report_partial_int.h), and the
 * settings block that both its writer and its reader (report_merge.c)
 * make from a configuration.
 *
 * Everything is written as it is held, before sla_report_finish orders
 * anything: entries with the place of their first row, so that a merge
 * can order the entries of all its parts as a single run would have, and
 * in the order of those places.  Each line is
 * built in memory and then written, and digested on the way for the end
 * line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "report_partial_int.h"
#include "sla_digest.h"
#include "sla_mem.h"
#include "sla_report_partial.h"

/* ---- text in memory ------------------------------------------------------- */

static bool
room(rpt_text *t, size_t more)
{
	if (t->failed || more > SIZE_MAX - t->n - 1 ||
	    !sla_grow((void **)&t->p, &t->cap, t->n + more + 1, 1)) {
		t->failed = true;
		return false;
	}
	return true;
}

void
sla_rpt_text_raw(rpt_text *t, const char *p, size_t n)
{
	if (room(t, n)) {
		memcpy(t->p + t->n, p, n);
		t->n += n;
	}
}

void
sla_rpt_text_field(rpt_text *t, const char *text)
{
	size_t n = strlen(text);
	if (n > SIZE_MAX / 2 - 1 || !room(t, 2 * n + 1))
		return;
	t->p[t->n++] = '\t';
	t->n += sla_escape(text, n, t->p + t->n);
}

void
sla_rpt_text_key(rpt_text *t, sla_field f)
{
	sla_rpt_text_raw(t, "\t", 1);
	sla_rpt_text_raw(t, f.p, f.n);
}

void
sla_rpt_text_u64(rpt_text *t, uint64_t v)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "\t%llu", (unsigned long long)v);
	sla_rpt_text_raw(t, buf, (size_t)n);
}

/* A signed number; "-" for NONE. */
static void
text_i64(rpt_text *t, int64_t v, int64_t none)
{
	char buf[24];
	int n = v == none ? snprintf(buf, sizeof buf, "\t-")
			  : snprintf(buf, sizeof buf, "\t%lld", (long long)v);
	sla_rpt_text_raw(t, buf, (size_t)n);
}

void
sla_rpt_text_free(rpt_text *t)
{
	free(t->p);
	*t = (rpt_text){ 0 };
}

/* ---- the settings ----------------------------------------------------------- */

static void
set_begin(rpt_text *t, const char *name)
{
	sla_rpt_text_raw(t, "set", 3);
	sla_rpt_text_field(t, name);
}

static void
set_end(rpt_text *t)
{
	sla_rpt_text_raw(t, "\n", 1);
}

static void
set_words(rpt_text *t, const char *name, const char *const *v, size_t n)
{
	set_begin(t, name);
	for (size_t i = 0; i < n; i++)
		sla_rpt_text_field(t, v[i]);
	set_end(t);
}

static void
set_terms(rpt_text *t, const sla_report_terms *terms)
{
	set_begin(t, "contract"); /* no field for none, an empty one for "" */
	if (terms->contract)
		sla_rpt_text_field(t, terms->contract);
	set_end(t);
	set_words(t, "currency", &terms->currency, 1);
	set_begin(t, "minor");
	sla_rpt_text_u64(t, (uint64_t)terms->minor_digits);
	set_end(t);
	set_begin(t, "fee");
	text_i64(t, terms->fee, INT64_MIN);
	set_end(t);
	set_begin(t, "credits");
	for (size_t i = 0; i < terms->nbands; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%ld:%ld", (long)terms->bands[i].below_ppm,
			 (long)terms->bands[i].credit_ppm);
		sla_rpt_text_field(t, buf);
	}
	set_end(t);
	set_begin(t, "cap");
	if (!terms->cap.set) {
		sla_rpt_text_field(t, "none");
	} else if (terms->cap.percent) {
		sla_rpt_text_field(t, "percent");
		text_i64(t, terms->cap.ppm, INT64_MIN);
	} else {
		sla_rpt_text_field(t, "amount");
		text_i64(t, terms->cap.amount, INT64_MIN);
	}
	set_end(t);
	const char *statements[] = { sla_period_name(terms->period),
				     terms->per_customer ? "customer" : "contract" };
	set_words(t, "statements", statements, 2);
}

void
sla_rpt_settings_text(const sla_report_config *cfg, rpt_text *t)
{
	char hex[17];
	const char *one[1];

	one[0] = sla_period_name(cfg->period);
	set_words(t, "period", one, 1);
	set_words(t, "by", cfg->by, cfg->nby);
	set_begin(t, "top");
	sla_rpt_text_u64(t, cfg->top);
	set_end(t);
	one[0] = sla_tz_name(cfg->tz);
	set_words(t, "timezone", one, 1);
	one[0] = sla_digest_hex(cfg->policy_digest, hex);
	set_words(t, "policy", one, 1);
	set_words(t, "tiers", cfg->tier_order, cfg->ntiers);
	/* only when known: a partial of an earlier sla-report has no such line,
	 * and still reads back as the block it was read from */
	if (cfg->nmetrics)
		set_words(t, "metrics", cfg->metric_order, cfg->nmetrics);
	if (cfg->terms)
		set_terms(t, cfg->terms);
}

/* ---- the writer --------------------------------------------------------------- */

typedef struct pw {
	sla_writer *w;
	rpt_text line;
	uint64_t digest;	/* of every byte written */
	uint64_t lines;
	bool failed;
} pw;

static void
begin(pw *p, const char *kind)
{
	p->line.n = 0;
	sla_rpt_text_raw(&p->line, kind, strlen(kind));
}

static void
put_raw(pw *p, const char *s, size_t n)
{
	if (p->line.failed) {
		p->failed = true;
		return;
	}
	p->digest = sla_digest(p->digest, s, n);
	sla_writer_raw(p->w, s, n);
}

static void
end(pw *p)
{
	sla_rpt_text_raw(&p->line, "\n", 1);
	put_raw(p, p->line.p, p->line.n);
	p->lines++;
}

static void
pos(pw *p, sla_report_pos at)
{
	sla_rpt_text_u64(&p->line, at.part);
	sla_rpt_text_u64(&p->line, at.row);
}

static void
tally(pw *p, const sla_tally *t)
{
	for (int s = 0; s < SLA_NSTATUS; s++)
		sla_rpt_text_u64(&p->line, t->count[s]);
	for (int b = 0; b < SLA_NBUCKETS; b++)
		sla_rpt_text_u64(&p->line, t->bucket[b]);
}

static void
satisfaction(pw *p, const sla_satisfaction *s)
{
	for (int k = 0; k < 5; k++)
		sla_rpt_text_u64(&p->line, s->scores[k]);
	sla_rpt_text_u64(&p->line, s->nscores);
	sla_rpt_text_u64(&p->line, s->npercent);
	text_i64(&p->line, s->percent_sum, INT64_MIN);
	for (int k = 0; k < 5; k++)
		sla_rpt_text_u64(&p->line, s->percent_band[k]);
	sla_rpt_text_u64(&p->line, s->unreadable);
}

static void
item(pw *p, const char *kind, const sla_report_item *it)
{
	begin(p, kind);
	pos(p, it->at);
	sla_rpt_text_field(&p->line, it->id);
	sla_rpt_text_field(&p->line, it->customer);
	sla_rpt_text_field(&p->line, it->tier);
	sla_rpt_text_field(&p->line, it->metric);
	sla_rpt_text_field(&p->line, it->reason);
	sla_rpt_text_u64(&p->line, it->line);
	sla_rpt_text_field(&p->line, sla_status_name(it->status));
	text_i64(&p->line, it->period, SLA_NO_PERIOD);
	text_i64(&p->line, it->target, INT64_MIN);
	text_i64(&p->line, it->elapsed, INT64_MIN);
	text_i64(&p->line, it->overrun, INT64_MIN);
	if (it->has_penalty)
		text_i64(&p->line, it->penalty, INT64_MIN);
	else
		sla_rpt_text_raw(&p->line, "\t-", 2);
	end(p);
}

/* ---- the order of the entries ---------------------------------------------- */

/* A merge adds each part's entries where their keys put them, so their
 * order in its arrays depends on the order the partials came in; written
 * in the order of their places (first rows), a merged partial is the same
 * whatever the tree.  A run's arrays are in that order already. */
typedef struct by_place {
	sla_report_pos at;
	size_t i;
} by_place;

static int
cmp_place(const void *a, const void *b)
{
	return sla_rpt_pos_cmp(((const by_place *)a)->at, ((const by_place *)b)->at);
}

/* The indices 0 ... N-1 of entries whose places are AT(V, i), in the
 * order of their places when MERGED, else as they are; NULL when out of
 * memory. */
static size_t *
in_order(const void *v, size_t n, sla_report_pos (*at)(const void *, size_t), bool merged)
{
	by_place *p = calloc(n + 1, sizeof *p);
	size_t *order = calloc(n + 1, sizeof *order);
	if (p && order) {
		for (size_t i = 0; i < n; i++)
			p[i] = (by_place){ at(v, i), i };
		if (merged && n > 1)
			qsort(p, n, sizeof *p, cmp_place);
		for (size_t i = 0; i < n; i++)
			order[i] = p[i].i;
	} else {
		free(order);
		order = NULL;
	}
	free(p);
	return order;
}

static sla_report_pos
group_at(const void *v, size_t i)
{
	return ((const rpt_group *)v)[i].first;
}

static sla_report_pos
subtotal_at(const void *v, size_t i)
{
	return ((const sla_report_subtotal *)v)[i].first;
}

static sla_report_pos
note_at(const void *v, size_t i)
{
	return ((const sla_report_note *)v)[i].first;
}

static sla_report_pos
statement_at(const void *v, size_t i)
{
	return ((const rpt_statement *)v)[i].first;
}

static sla_report_pos
customer_at(const void *v, size_t i)
{
	return ((const struct rpt_customer *)v)[i].first;
}

static sla_report_pos
slice_at(const void *v, size_t i)
{
	return ((const sla_report_slice *)v)[i].first;
}

static sla_report_pos
item_at(const void *v, size_t i)
{
	return ((const sla_report_item *)v)[i].at;
}

/* The streams part I read: a run's are its origin's (none: standard
 * input), a merge's those its partials named. */
static void
inputs(pw *p, const sla_report *r, size_t i)
{
	const sla_report_origin *o = r->cfg.origin;
	const char *const *v = r->merged ? (const char *const *)r->parts[i].inputs
					 : o ? o->inputs : NULL;
	size_t n = r->merged ? r->parts[i].ninputs : o ? o->ninputs : 0;

	for (size_t k = 0; k < n; k++) {
		begin(p, "input");
		sla_rpt_text_u64(&p->line, i);
		sla_rpt_text_field(&p->line, v[k]);
		end(p);
	}
}

/* The parts: a run's own (none when it read no row), or a merge's. */
static void
parts(pw *p, const sla_report *r)
{
	const rpt_part *v = r->merged ? r->parts : &r->self;
	size_t n = r->merged ? r->nparts : r->self.rows > 0;
	char hex[17];

	for (size_t i = 0; i < n; i++) {
		begin(p, "part");
		sla_rpt_text_u64(&p->line, i);
		sla_rpt_text_field(&p->line, v[i].source);
		sla_rpt_text_u64(&p->line, v[i].first);
		sla_rpt_text_u64(&p->line, v[i].last);
		sla_rpt_text_u64(&p->line, v[i].rows);
		sla_rpt_text_field(&p->line, sla_digest_hex(v[i].digest, hex));
		end(p);
		inputs(p, r, i);
	}
}

/* What the page's header says besides the inputs: the policy's file and
 * SHA-256 ("" for none), and the as-of instants. */
static void
origin(pw *p, const sla_report *r)
{
	const sla_report_origin *o = r->cfg.origin;
	int64_t earliest, latest;

	if (o) {
		begin(p, "origin");
		sla_rpt_text_field(&p->line, o->policy_file ? o->policy_file : "");
		sla_rpt_text_field(&p->line, o->policy_sha256 ? o->policy_sha256 : "");
		end(p);
	}
	if (sla_report_as_of(r, &earliest, &latest)) {
		begin(p, "asof");
		text_i64(&p->line, earliest, INT64_MIN);
		text_i64(&p->line, latest, INT64_MIN);
		end(p);
	}
}

/* The slices (period, tier, metric, customer), the keys as the stream had
 * them. */
static void
slices(pw *p, const sla_report *r)
{
	sla_field keys[3];
	size_t *order = in_order(r->slices, r->nslices, slice_at, r->merged);

	p->failed |= !order;
	for (size_t o = 0; o < r->nslices && !p->failed; o++) {
		size_t i = order[o];
		begin(p, "slice");
		pos(p, r->slices[i].first);
		text_i64(&p->line, r->slices[i].period, SLA_NO_PERIOD);
		sla_rpt_keymap_fields(&r->slice_keys, i, keys, 3);
		for (int k = 0; k < 3; k++)
			sla_rpt_text_key(&p->line, keys[k]);
		tally(p, &r->slices[i].tally);
		end(p);
	}
	free(order);
}

/* The histogram of G, RPT_HIST_PAIRS pairs a line. */
static void
histogram(pw *p, const rpt_group *g)
{
	rpt_hist_iter it = sla_rpt_hist_iter(&g->elapsed);
	int64_t v;
	uint64_t c;
	size_t on_line = 0;
	char buf[48];

	while (sla_rpt_hist_next(&it, &v, &c)) {
		if (on_line == 0)
			begin(p, "hist");
		int n = snprintf(buf, sizeof buf, "\t%lld:%llu", (long long)v, (unsigned long long)c);
		sla_rpt_text_raw(&p->line, buf, (size_t)n);
		if (++on_line == RPT_HIST_PAIRS) {
			end(p);
			on_line = 0;
		}
	}
	if (on_line)
		end(p);
}

static void
groups(pw *p, sla_report *r)
{
	sla_field *keys = r->by_fields; /* scratch of cfg.nby fields */
	size_t *order = in_order(r->groups, r->ngroups, group_at, r->merged);

	p->failed |= !order;
	for (size_t o = 0; o < r->ngroups && !p->failed; o++) {
		size_t i = order[o];
		rpt_group *g = &r->groups[i];
		if (sla_rpt_hist_fold(&g->elapsed) < 0) {
			p->failed = true;
			break;
		}
		begin(p, "group");
		pos(p, g->first);
		text_i64(&p->line, g->period, SLA_NO_PERIOD);
		sla_rpt_keymap_fields(&r->group_keys, i, keys, r->cfg.nby);
		for (size_t k = 0; k < r->cfg.nby; k++)
			sla_rpt_text_key(&p->line, keys[k]);
		tally(p, &g->tally);
		satisfaction(p, &g->sat);
		end(p);
		histogram(p, g);
		for (size_t t = 0; t < g->ntop; t++)
			item(p, "top", &g->top[t]);
	}
	free(order);
}

static void
subtotals(pw *p, const sla_report *r)
{
	sla_field label;
	size_t *order = in_order(r->tiers, r->ntiers, subtotal_at, r->merged);

	p->failed |= !order;
	for (size_t o = 0; o < r->ntiers && !p->failed; o++) {
		size_t i = order[o];
		begin(p, "tier");
		pos(p, r->tiers[i].first);
		sla_rpt_keymap_fields(&r->tier_keys, i, &label, 1);
		sla_rpt_text_key(&p->line, label);
		tally(p, &r->tiers[i].tally);
		end(p);
	}
	free(order);
	order = in_order(r->periods, r->nperiods, subtotal_at, r->merged);
	p->failed |= !order;
	for (size_t o = 0; o < r->nperiods && !p->failed; o++) {
		const sla_report_subtotal *s = &r->periods[order[o]];
		begin(p, "period");
		pos(p, s->first);
		text_i64(&p->line, s->period, SLA_NO_PERIOD);
		tally(p, &s->tally);
		end(p);
	}
	free(order);
}

/* The items V[0..N) as lines of KIND, in the order of their rows. */
static void
items(pw *p, const char *kind, const sla_report_item *v, size_t n, bool merged)
{
	size_t *order = in_order(v, n, item_at, merged);
	p->failed |= !order;
	for (size_t o = 0; o < n && !p->failed; o++)
		item(p, kind, &v[order[o]]);
	free(order);
}

static void
notes(pw *p, const sla_report *r)
{
	sla_field text;
	size_t *order = in_order(r->notes, r->nnotes, note_at, r->merged);

	p->failed |= !order;
	for (size_t o = 0; o < r->nnotes && !p->failed; o++) {
		size_t i = order[o];
		begin(p, "note");
		pos(p, r->notes[i].first);
		sla_rpt_keymap_fields(&r->note_keys, i, &text, 1);
		sla_rpt_text_key(&p->line, text);
		sla_rpt_text_u64(&p->line, r->notes[i].rows);
		end(p);
	}
	free(order);
}

static void
statement(pw *p, const sla_report *r, size_t i)
{
	const rpt_statement *s = &r->statements[i];
	sla_field customer = { "", 0 };

	begin(p, "statement");
	pos(p, s->first);
	text_i64(&p->line, s->pub.period, SLA_NO_PERIOD);
	if (r->cfg.terms->per_customer)
		sla_rpt_keymap_fields(&r->statement_keys, i, &customer, 1);
	sla_rpt_text_key(&p->line, customer);
	sla_rpt_text_u64(&p->line, s->pub.kept);
	sla_rpt_text_u64(&p->line, s->pub.broken);
	text_i64(&p->line, s->pub.breach_sum, INT64_MIN);
	end(p);
	size_t *order = in_order(s->customer, s->ncustomers, customer_at, r->merged);
	p->failed |= !order;
	for (size_t o = 0; o < s->ncustomers && !p->failed; o++) {
		size_t c = order[o];
		begin(p, "customer");
		pos(p, s->customer[c].first);
		sla_rpt_keymap_fields(&r->statement_customer_keys, s->customer[c].key, &customer, 1);
		sla_rpt_text_key(&p->line, customer);
		end(p);
	}
	free(order);
	items(p, "breach", s->breaches, s->pub.nbreaches, r->merged);
}

static void
statements(pw *p, const sla_report *r)
{
	size_t *order = in_order(r->statements, r->nstatements, statement_at, r->merged);
	p->failed |= !order;
	for (size_t o = 0; o < r->nstatements && !p->failed; o++)
		statement(p, r, order[o]);
	free(order);
}

int
sla_report_write_partial(sla_report *r, sla_writer *w)
{
	pw p = { .w = w, .digest = SLA_DIGEST_INIT };
	rpt_text settings = { 0 };
	char hex[17];

	sla_rpt_settings_text(&r->cfg, &settings);
	begin(&p, RPT_PARTIAL_MAGIC);
	sla_rpt_text_u64(&p.line, SLA_PARTIAL_VERSION);
	sla_rpt_text_field(&p.line, sla_digest_hex(sla_digest(SLA_DIGEST_INIT, settings.p,
							      settings.n), hex));
	end(&p);
	if (settings.failed)
		p.failed = true;
	else
		put_raw(&p, settings.p, settings.n);
	for (size_t i = 0; i < settings.n; i++)
		p.lines += settings.p[i] == '\n';
	sla_rpt_text_free(&settings);
	parts(&p, r);
	origin(&p, r);
	begin(&p, "rows");
	sla_rpt_text_u64(&p.line, r->rows);
	end(&p);
	begin(&p, "satisfaction");
	sla_rpt_text_u64(&p.line, r->has_satisfaction);
	end(&p);
	begin(&p, "total");
	tally(&p, &r->total);
	end(&p);
	subtotals(&p, r);
	groups(&p, r);
	items(&p, "unassessed", r->unassessed, r->nunassessed, r->merged);
	notes(&p, r);
	slices(&p, r);
	if (r->cfg.terms)
		statements(&p, r);
	if (!p.failed) {
		uint64_t lines = p.lines;
		begin(&p, "end");
		sla_rpt_text_u64(&p.line, lines);
		sla_rpt_text_field(&p.line, sla_digest_hex(p.digest, hex));
		end(&p);
	}
	sla_rpt_text_free(&p.line);
	if (p.failed) {
		sla_diag_msg(r->d, NULL, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}
