/* report_merge.c: partial reports read and merged into one report
 * (sla_report_partial.h; the format is in report_partial_int.h).
 *
 * Every partial is read line by line into one report: the settings of the
 * first one become the report's (report_settings.c), and each later one
 * must have the same; its parts join the report's table of parts; each
 * entry goes where its key puts it (the key maps of the model, as a run's
 * rows do), its counts and sums added (sums of money checked), its first
 * row kept when it comes before the entry's; histograms merge; the worst
 * overruns of a group keep the worst of both, an earlier row first on a
 * tie; listed rows are kept.  A place compares by its part -- the export
 * it came from (--source), then its first line -- then by its row: the
 * order of the stream, whatever order the partials come in.
 *
 * At the end (sla_merge_report) the parts are sorted into the stream's
 * order, a part given twice or two that overlap are refused, and every
 * place is renumbered by that order; sla_report_finish then orders the
 * entries by their places, as a single run would have them. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "report_partial_int.h"
#include "report_settings.h"
#include "sla_digest.h"
#include "sla_mem.h"
#include "sla_money.h"
#include "sla_report_partial.h"

/* Where the reading of one partial is. */
enum rpt_phase { OUTSIDE, SETTINGS, BODY };

struct sla_merge {
	sla_diag *d;
	sla_merge_check check;
	rpt_settings settings;	/* of the first partial read */
	rpt_text first_block;	/* ... its settings block, and where it was */
	char *first_file;
	sla_report *r;		/* made at the first partial's settings */
	size_t npartials;
	bool taken;		/* sla_merge_report ran */

	/* the partial being read */
	enum rpt_phase phase;
	const char *file;	/* the reader's name for it */
	unsigned long at, start;	/* the line read last, the header's */
	uint64_t header_digest, digest, lines;
	rpt_text block;		/* its settings block */
	size_t *part_map;	/* its part INDEX: the report's part, or SIZE_MAX */
	size_t nlocal, part_map_cap;
	size_t group, statement;	/* of its hist, top, customer and breach lines */
	bool in_group, in_statement;

	sla_field *f;		/* the line's fields */
	size_t nf, f_cap;
};

#define RPT_STRING(x) RPT_STRING_(x)
#define RPT_STRING_(x) #x

/* ---- messages ----------------------------------------------------------- */

/* A refusal at the line read last: -1. */
static int
refuse(const sla_merge *m, const char *column, sla_field value, const char *what)
{
	sla_diag_msg(m->d, m->file, m->at, column, value.p, value.n, "%s", what);
	return -1;
}

static int
no_memory(const sla_merge *m)
{
	sla_diag_msg(m->d, m->file, m->at, NULL, NULL, 0, "out of memory");
	return -1;
}

/* ---- fields --------------------------------------------------------------- */

/* The fields of the line being read, one after another; a bad or missing
 * one is remembered (the first), and the line refused once it is read. */
typedef struct cursor {
	const sla_merge *m;
	size_t i;
	bool bad;
	sla_field bad_field;
} cursor;

static sla_field
next_field(cursor *c)
{
	if (c->i < c->m->nf)
		return c->m->f[c->i++];
	if (!c->bad)
		c->bad = true, c->bad_field = (sla_field){ "", 0 };
	return (sla_field){ "", 0 };
}

static void
bad(cursor *c, sla_field f)
{
	if (!c->bad)
		c->bad = true, c->bad_field = f;
}

/* The decimal digits of F, at most 20, into *V: false when not that or
 * too large for 64 bits. */
static bool
digits(sla_field f, uint64_t *v)
{
	uint64_t x = 0;
	if (f.n == 0 || f.n > 20)
		return false;
	for (size_t i = 0; i < f.n; i++) {
		unsigned d = (unsigned)(f.p[i] - '0');
		if (d > 9 || x > (UINT64_MAX - d) / 10)
			return false;
		x = x * 10 + d;
	}
	*v = x;
	return true;
}

static uint64_t
u64(cursor *c)
{
	sla_field f = next_field(c);
	uint64_t v = 0;
	if (!digits(f, &v))
		bad(c, f);
	return v;
}

/* A signed number; NONE for "-". */
static int64_t
i64(cursor *c, int64_t none)
{
	sla_field f = next_field(c);
	if (f.n == 1 && f.p[0] == '-')
		return none;
	bool neg = f.n > 1 && f.p[0] == '-';
	uint64_t v = 0;
	if (!digits((sla_field){ f.p + neg, f.n - neg }, &v) || v > (uint64_t)INT64_MAX + neg) {
		bad(c, f);
		return 0;
	}
	return neg && v > 0 ? -(int64_t)(v - 1) - 1 : (int64_t)v;
}

static sla_field
raw(cursor *c)
{
	return next_field(c);
}

/* A place: the partial's part, mapped to the report's, and a row. */
static sla_report_pos
place(cursor *c)
{
	sla_field f = c->i < c->m->nf ? c->m->f[c->i] : (sla_field){ "", 0 };
	uint64_t part = u64(c), row = u64(c);
	if (!c->bad && (part >= c->m->nlocal || c->m->part_map[part] == SIZE_MAX || row == 0))
		bad(c, f);
	return (sla_report_pos){ c->bad ? 0 : c->m->part_map[part], row };
}

/* The line is whole: no field bad or missing, none left over. */
static int
done(cursor *c, const char *kind)
{
	if (!c->bad && c->i < c->m->nf)
		bad(c, c->m->f[c->i]);
	if (!c->bad)
		return 0;
	return refuse(c->m, kind, c->bad_field, c->bad_field.n ? "not a partial report's field"
							       : "a partial report's field is missing");
}

/* ---- adding up ------------------------------------------------------------ */

static bool
add_u64(uint64_t *to, uint64_t v)
{
	if (*to > UINT64_MAX - v)
		return false;
	*to += v;
	return true;
}

/* The fields of a TALLY into *T. */
static void
tally(cursor *c, sla_tally *t)
{
	for (int s = 0; s < SLA_NSTATUS; s++)
		t->count[s] = u64(c);
	for (int b = 0; b < SLA_NBUCKETS; b++)
		t->bucket[b] = u64(c);
}

/* The fields of a group's satisfaction counts into *S. */
static void
satisfaction(cursor *c, sla_satisfaction *s)
{
	for (int k = 0; k < 5; k++)
		s->scores[k] = u64(c);
	s->nscores = u64(c);
	s->npercent = u64(c);
	s->percent_sum = i64(c, 0);
	for (int k = 0; k < 5; k++)
		s->percent_band[k] = u64(c);
	s->unreadable = u64(c);
}

/* V added into TO: false when a count would not fit. */
static bool
add_tally(sla_tally *to, const sla_tally *v)
{
	bool fits = true;
	for (int k = 0; k < SLA_NSTATUS; k++)
		fits &= add_u64(&to->count[k], v->count[k]);
	for (int k = 0; k < SLA_NBUCKETS; k++)
		fits &= add_u64(&to->bucket[k], v->bucket[k]);
	return fits;
}

static bool
add_satisfaction(sla_satisfaction *to, const sla_satisfaction *v)
{
	bool fits = true;
	for (int k = 0; k < 5; k++) {
		fits &= add_u64(&to->scores[k], v->scores[k]);
		fits &= add_u64(&to->percent_band[k], v->percent_band[k]);
	}
	fits &= add_u64(&to->nscores, v->nscores);
	fits &= add_u64(&to->npercent, v->npercent);
	fits &= add_u64(&to->unreadable, v->unreadable);
	/* hundredths of a percent, checked as money is */
	return fits && sla_money_add(to->percent_sum, v->percent_sum, &to->percent_sum) == 0;
}

/* The order of two places before the parts are numbered in order: by
 * the parts' exports and first lines, then by row. */
static int
pos_cmp(const sla_report *r, sla_report_pos a, sla_report_pos b)
{
	if (a.part != b.part) {
		const rpt_part *x = &r->parts[a.part], *y = &r->parts[b.part];
		int c = strcmp(x->source, y->source);
		if (!c)
			c = (x->first > y->first) - (x->first < y->first);
		return c ? c : a.part < b.part ? -1 : 1;
	}
	return (a.row > b.row) - (a.row < b.row);
}

static void
keep_first(const sla_report *r, sla_report_pos *first, sla_report_pos at, bool added)
{
	if (!added && pos_cmp(r, at, *first) < 0)
		*first = at;
}

/* ---- the lines ------------------------------------------------------------ */

static int
on_part(sla_merge *m, cursor *c)
{
	sla_report *r = m->r;
	uint64_t index = u64(c);
	sla_field source = raw(c);
	rpt_part p = { .first = u64(c), .last = u64(c), .rows = u64(c) };
	sla_field hex = raw(c);
	if (!c->bad && (index != m->nlocal || sla_digest_parse(hex.p, hex.n, &p.digest) < 0 ||
			p.first > p.last))
		bad(c, index != m->nlocal ? m->f[1] : hex);
	if (done(c, "part") < 0)
		return -1;
	if (!sla_grow((void **)&m->part_map, &m->part_map_cap, m->nlocal + 1, sizeof *m->part_map) ||
	    (p.rows > 0 && !sla_grow((void **)&r->parts, &r->parts_cap, r->nparts + 1, sizeof *r->parts)))
		return no_memory(m);
	m->part_map[m->nlocal++] = p.rows > 0 ? r->nparts : SIZE_MAX; /* an empty part is nowhere */
	if (p.rows == 0)
		return 0;
	p.source = malloc(source.n + 1);
	p.file = strdup(m->file);
	if (!p.source || !p.file) {
		free(p.source);
		free(p.file);
		return no_memory(m);
	}
	p.source[sla_unescape(source, p.source)] = '\0';
	r->parts[r->nparts++] = p;
	return 0;
}

static int
on_subtotal(sla_merge *m, cursor *c, bool tier)
{
	sla_report_pos at = place(c);
	sla_field label = { "", 0 };
	int64_t period = 0;
	if (tier)
		label = raw(c);
	else
		period = i64(c, SLA_NO_PERIOD);
	sla_tally t = { 0 };
	tally(c, &t);
	if (done(c, tier ? "tier" : "period") < 0)
		return -1;
	bool added;
	sla_report_subtotal *s = tier ? sla_rpt_tier(m->r, label, at, &added)
				      : sla_rpt_period_total(m->r, period, at, &added);
	if (!s)
		return no_memory(m);
	keep_first(m->r, &s->first, at, added);
	return add_tally(&s->tally, &t) ? 0 : refuse(m, tier ? "tier" : "period", (sla_field){ "", 0 }, "counts do not fit");
}

static int
on_group(sla_merge *m, cursor *c)
{
	sla_report *r = m->r;
	sla_report_pos at = place(c);
	int64_t period = i64(c, SLA_NO_PERIOD);
	for (size_t k = 0; k < r->cfg.nby; k++)
		r->by_fields[k] = raw(c);
	sla_tally t = { 0 };
	sla_satisfaction sat = { 0 };
	tally(c, &t);
	satisfaction(c, &sat);
	if (done(c, "group") < 0)
		return -1;
	bool added;
	rpt_group *g = sla_rpt_group(r, period, r->by_fields, at, &m->group, &added);
	if (!g)
		return no_memory(m);
	m->in_group = true;
	keep_first(r, &g->first, at, added);
	bool fits = add_tally(&g->tally, &t);
	fits &= add_satisfaction(&g->sat, &sat);
	return fits ? 0 : refuse(m, "group", (sla_field){ "", 0 }, "counts do not fit");
}

static int
on_hist(sla_merge *m)
{
	size_t n = m->nf - 1;
	int64_t *v = malloc((n + 1) * sizeof *v);
	uint64_t *cnt = malloc((n + 1) * sizeof *cnt);
	int rc = 0;

	if (!v || !cnt)
		rc = no_memory(m);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		sla_field f = m->f[i + 1];
		const char *colon = memchr(f.p, ':', f.n);
		uint64_t x[2] = { 0, 0 };
		bool ok = colon && colon > f.p && colon + 1 < f.p + f.n;
		ok = ok && digits((sla_field){ f.p, (size_t)(colon - f.p) }, &x[0]) &&
		     digits((sla_field){ colon + 1, (size_t)(f.p + f.n - colon - 1) }, &x[1]);
		if (!ok || x[0] > INT64_MAX || x[1] == 0 || (i > 0 && (int64_t)x[0] <= v[i - 1]))
			rc = refuse(m, "hist", f, "not an ascending value:count pair");
		else
			v[i] = (int64_t)x[0], cnt[i] = x[1];
	}
	if (rc == 0 && !m->in_group)
		rc = refuse(m, "hist", m->f[0], "a histogram line outside a group");
	if (rc == 0) {
		int got = sla_rpt_hist_add_counts(&m->r->groups[m->group].elapsed, v, cnt, n);
		if (got == -1)
			rc = no_memory(m);
		else if (got < 0)
			rc = refuse(m, "hist", m->f[1], "counts do not fit");
	}
	free(v);
	free(cnt);
	return rc;
}

static int
parse_status(sla_field f, sla_status *s)
{
	for (int k = 0; k < SLA_NSTATUS; k++)
		if (sla_field_eq(f, sla_status_name((sla_status)k))) {
			*s = (sla_status)k;
			return 0;
		}
	return -1;
}

/* An ITEM's fields into IT (its strings in a block of their own). */
static int
read_item(sla_merge *m, cursor *c, const char *kind, sla_report_item *it)
{
	sla_field text[5];
	it->at = place(c);
	for (size_t i = 0; i < 5; i++)
		text[i] = raw(c);
	it->line = (unsigned long)u64(c);
	sla_field status = raw(c);
	if (!c->bad && parse_status(status, &it->status) < 0)
		bad(c, status);
	it->period = i64(c, SLA_NO_PERIOD);
	it->target = i64(c, INT64_MIN);
	it->elapsed = i64(c, INT64_MIN);
	it->overrun = i64(c, INT64_MIN);
	it->penalty = i64(c, INT64_MIN);
	it->has_penalty = it->penalty != INT64_MIN;
	if (!it->has_penalty)
		it->penalty = 0;
	if (done(c, kind) < 0)
		return -1;
	return sla_rpt_item_text(it, text) < 0 ? no_memory(m) : 0;
}

/* Keep IT among group G's worst overruns if it is one of the cfg.top
 * worst: worst first, an earlier row first on a tie. */
static int
on_top(sla_merge *m, cursor *c)
{
	sla_report *r = m->r;
	sla_report_item it = { 0 };
	if (read_item(m, c, "top", &it) < 0)
		return -1;
	if (!m->in_group) {
		sla_rpt_item_free(&it);
		return refuse(m, "top", m->f[0], "a worst overrun outside a group");
	}
	rpt_group *g = &r->groups[m->group];
	size_t at = g->ntop;
	while (at > 0 && (g->top[at - 1].overrun < it.overrun ||
			  (g->top[at - 1].overrun == it.overrun &&
			   pos_cmp(r, it.at, g->top[at - 1].at) < 0)))
		at--;
	if (at >= r->cfg.top) {
		sla_rpt_item_free(&it);
		return 0;
	}
	if (g->ntop == r->cfg.top)
		sla_rpt_item_free(&g->top[--g->ntop]);
	memmove(&g->top[at + 1], &g->top[at], (g->ntop - at) * sizeof *g->top);
	g->top[at] = it;
	g->ntop++;
	return 0;
}

static int
on_listed(sla_merge *m, cursor *c, sla_report_item **v, size_t *n, size_t *cap,
	  const char *kind)
{
	sla_report_item it = { 0 };
	if (read_item(m, c, kind, &it) < 0)
		return -1;
	sla_report_item *slot = sla_rpt_item_push(v, n, cap);
	if (!slot) {
		sla_rpt_item_free(&it);
		return no_memory(m);
	}
	*slot = it;
	return 0;
}

static int
on_note(sla_merge *m, cursor *c)
{
	sla_report_pos at = place(c);
	sla_field text = raw(c);
	uint64_t rows = u64(c);
	if (done(c, "note") < 0)
		return -1;
	bool added;
	sla_report_note *n = sla_rpt_note(m->r, text, at, &added);
	if (!n)
		return no_memory(m);
	keep_first(m->r, &n->first, at, added);
	return add_u64(&n->rows, rows) ? 0 : refuse(m, "note", m->f[m->nf - 1], "counts do not fit");
}

/* A field's text, unescaped, in a new string; NULL when out of memory. */
static char *
unescaped(sla_field f)
{
	char *s = malloc(f.n + 1);
	if (s)
		s[sla_unescape(f, s)] = '\0';
	return s;
}

static int
on_input(sla_merge *m, cursor *c)
{
	uint64_t part = u64(c);
	sla_field name = raw(c);
	if (!c->bad && part >= m->nlocal)
		bad(c, m->f[1]);
	if (done(c, "input") < 0)
		return -1;
	if (m->part_map[part] == SIZE_MAX)
		return 0; /* an empty part is nowhere */
	rpt_part *p = &m->r->parts[m->part_map[part]];
	char *s = unescaped(name);
	if (!s || !sla_grow((void **)&p->inputs, &p->inputs_cap, p->ninputs + 1, sizeof *p->inputs)) {
		free(s);
		return no_memory(m);
	}
	p->inputs[p->ninputs++] = s;
	return 0;
}

/* The policy's file and SHA-256 the partial's parts were counted with. */
static int
on_origin(sla_merge *m, cursor *c)
{
	sla_field file = raw(c), sha = raw(c);
	if (done(c, "origin") < 0)
		return -1;
	for (size_t i = 0; i < m->nlocal; i++) {
		if (m->part_map[i] == SIZE_MAX)
			continue;
		rpt_part *p = &m->r->parts[m->part_map[i]];
		free(p->policy_file);
		free(p->policy_sha256);
		p->policy_file = unescaped(file);
		p->policy_sha256 = unescaped(sha);
		if (!p->policy_file || !p->policy_sha256)
			return no_memory(m);
	}
	return 0;
}

static int
on_as_of(sla_merge *m, cursor *c)
{
	int64_t earliest = i64(c, INT64_MIN), latest = i64(c, INT64_MIN);
	if (!c->bad && (earliest == INT64_MIN || latest < earliest))
		bad(c, m->f[1]);
	if (done(c, "asof") < 0)
		return -1;
	sla_rpt_note_as_of(m->r, earliest, latest);
	return 0;
}

static int
on_slice(sla_merge *m, cursor *c)
{
	sla_report_pos at = place(c);
	int64_t period = i64(c, SLA_NO_PERIOD);
	sla_field keys[3] = { raw(c), raw(c), raw(c) };
	sla_tally t = { 0 };
	tally(c, &t);
	if (done(c, "slice") < 0)
		return -1;
	bool added;
	sla_report_slice *s = sla_rpt_slice(m->r, period, keys, at, &added);
	if (!s)
		return no_memory(m);
	keep_first(m->r, &s->first, at, added);
	return add_tally(&s->tally, &t) ? 0 : refuse(m, "slice", (sla_field){ "", 0 }, "counts do not fit");
}

static int
on_statement(sla_merge *m, cursor *c)
{
	sla_report *r = m->r;
	sla_report_pos at = place(c);
	int64_t period = i64(c, SLA_NO_PERIOD);
	sla_field customer = raw(c);
	uint64_t kept = u64(c), broken = u64(c);
	int64_t sum = i64(c, INT64_MIN);
	if (!c->bad && (!r->cfg.terms || sum == INT64_MIN))
		bad(c, m->f[0]);
	if (done(c, "statement") < 0)
		return -1;
	bool added;
	rpt_statement *s = sla_rpt_statement(r, period, customer, at, &added);
	if (!s)
		return no_memory(m);
	m->statement = (size_t)(s - r->statements);
	m->in_statement = true;
	keep_first(r, &s->first, at, added);
	if (!add_u64(&s->pub.kept, kept) || !add_u64(&s->pub.broken, broken))
		return refuse(m, "statement", m->f[0], "counts do not fit");
	if (sla_money_add(s->pub.breach_sum, sum, &s->pub.breach_sum) < 0)
		return refuse(m, "statement", m->f[m->nf - 1],
			      "the statement's sum of penalties does not fit");
	return 0;
}

static int
on_customer(sla_merge *m, cursor *c)
{
	sla_report *r = m->r;
	sla_report_pos at = place(c);
	sla_field customer = raw(c);
	if (done(c, "customer") < 0)
		return -1;
	if (!m->in_statement)
		return refuse(m, "customer", customer, "a customer outside a statement");
	rpt_statement *s = &r->statements[m->statement];
	size_t k;
	bool added;
	if (sla_rpt_statement_customer(r, s, customer, at, &k, &added) < 0)
		return no_memory(m);
	keep_first(r, &s->customer[k].first, at, added);
	return 0;
}

static int
on_breach(sla_merge *m, cursor *c)
{
	if (!m->in_statement)
		return refuse(m, "breach", m->f[0], "a breach outside a statement");
	rpt_statement *s = &m->r->statements[m->statement];
	return on_listed(m, c, &s->breaches, &s->pub.nbreaches, &s->cap, "breach");
}

static int
on_count(sla_merge *m, cursor *c, const char *kind)
{
	sla_report *r = m->r;
	sla_tally t = { 0 };
	bool fits = true;
	if (strcmp(kind, "rows") == 0) {
		fits = add_u64(&r->rows, u64(c));
	} else if (strcmp(kind, "satisfaction") == 0) {
		uint64_t v = u64(c);
		if (v > 1)
			bad(c, m->f[1]);
		r->has_satisfaction |= v == 1;
	} else {
		tally(c, &t);
	}
	if (done(c, kind) < 0)
		return -1;
	fits &= add_tally(&r->total, &t);
	return fits ? 0 : refuse(m, kind, m->f[0], "counts do not fit");
}

/* The end line: the lines and bytes before it are the partial's. */
static int
on_end(sla_merge *m, cursor *c)
{
	uint64_t lines = u64(c), digest = 0;
	sla_field hex = raw(c);
	if (!c->bad && sla_digest_parse(hex.p, hex.n, &digest) < 0)
		bad(c, hex);
	if (done(c, "end") < 0)
		return -1;
	if (lines != m->lines || digest != m->digest)
		return refuse(m, NULL, (sla_field){ NULL, 0 },
			      lines != m->lines ? "damaged partial report: its end line counts other lines"
						: "damaged partial report: its bytes are not the ones its end line digests");
	m->phase = OUTSIDE;
	m->npartials++;
	return 0;
}

static int
body_line(sla_merge *m)
{
	cursor c = { .m = m, .i = 1 };
	sla_field k = m->f[0];
	sla_report *r = m->r;

	if (sla_field_eq(k, "part"))
		return on_part(m, &c);
	if (sla_field_eq(k, "rows") || sla_field_eq(k, "satisfaction") || sla_field_eq(k, "total"))
		return on_count(m, &c, sla_field_eq(k, "rows") ? "rows"
				: sla_field_eq(k, "total") ? "total" : "satisfaction");
	if (sla_field_eq(k, "tier") || sla_field_eq(k, "period"))
		return on_subtotal(m, &c, sla_field_eq(k, "tier"));
	if (sla_field_eq(k, "group"))
		return on_group(m, &c);
	if (sla_field_eq(k, "hist"))
		return on_hist(m);
	if (sla_field_eq(k, "top"))
		return on_top(m, &c);
	if (sla_field_eq(k, "unassessed"))
		return on_listed(m, &c, &r->unassessed, &r->nunassessed, &r->unassessed_cap,
				 "unassessed");
	if (sla_field_eq(k, "note"))
		return on_note(m, &c);
	if (sla_field_eq(k, "input"))
		return on_input(m, &c);
	if (sla_field_eq(k, "origin"))
		return on_origin(m, &c);
	if (sla_field_eq(k, "asof"))
		return on_as_of(m, &c);
	if (sla_field_eq(k, "slice"))
		return on_slice(m, &c);
	if (sla_field_eq(k, "statement"))
		return on_statement(m, &c);
	if (sla_field_eq(k, "customer"))
		return on_customer(m, &c);
	if (sla_field_eq(k, "breach"))
		return on_breach(m, &c);
	if (sla_field_eq(k, RPT_PARTIAL_MAGIC))
		return refuse(m, NULL, (sla_field){ NULL, 0 },
			      "truncated partial report: the one before ends without its end line");
	return refuse(m, NULL, k, "not a line of a partial report");
}

/* ---- settings ------------------------------------------------------------- */

/* The first partial's settings become the report's. */
static int
take_settings(sla_merge *m)
{
	size_t line;
	const char *why = sla_rpt_settings_read(&m->settings, m->block.p, m->block.n, &line);
	if (why) {
		sla_diag_msg(m->d, m->file, line ? m->start + line : m->start, NULL, NULL, 0,
			     "not the settings of a partial report: %s", why);
		return -1;
	}
	sla_report_config *cfg = &m->settings.cfg;
	char hex[17];
	if (m->check.policy_text &&
	    sla_digest(SLA_DIGEST_INIT, m->check.policy_text, m->check.policy_len) != cfg->policy_digest) {
		sla_diag_msg(m->d, m->file, 0, NULL, NULL, 0,
			     "made with another policy than --policy %s (policy digest %s)",
			     m->check.policy_name ? m->check.policy_name : "",
			     sla_digest_hex(cfg->policy_digest, hex));
		return -1;
	}
	if (m->check.tz && strcmp(m->check.tz, sla_tz_name(cfg->tz)) != 0) {
		const char *tz = sla_tz_name(cfg->tz);
		sla_diag_msg(m->d, m->file, 0, NULL, tz, strlen(tz), "made in another time zone than --tz %s",
			     m->check.tz);
		return -1;
	}
	cfg->by_name = "--by";
	cfg->slices = true; /* a merge may write any format, and the partials have them */
	m->r = sla_rpt_alloc(cfg, m->d);
	m->first_file = strdup(m->file);
	if (!m->r || !m->first_file)
		return no_memory(m);
	m->r->merged = true;
	m->first_block = m->block;
	m->block = (rpt_text){ 0 };
	return 0;
}

/* The settings block of the partial being read is over. */
static int
end_settings(sla_merge *m)
{
	if (m->block.failed)
		return no_memory(m);
	if (sla_digest(SLA_DIGEST_INIT, m->block.p, m->block.n) != m->header_digest) {
		sla_diag_msg(m->d, m->file, m->start, NULL, NULL, 0,
			     "damaged partial report: its settings are not the ones its digest says");
		return -1;
	}
	m->phase = BODY;
	m->nlocal = 0;
	m->in_group = m->in_statement = false;
	if (!m->r)
		return take_settings(m);
	const char *what;
	size_t line = sla_rpt_settings_differ(m->first_block.p, m->first_block.n, m->block.p,
					      m->block.n, &what);
	if (line == 0)
		return 0;
	/* the values of the line that differs: after "set\tNAME\t" */
	const char *p = m->block.p, *end = m->block.p + m->block.n;
	for (size_t i = 1; i < line && p < end; i++)
		p = (const char *)memchr(p, '\n', (size_t)(end - p)) + 1;
	const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
	sla_field v = { p, nl ? (size_t)(nl - p) : 0 };
	for (int tabs = 0; tabs < 2 && v.n > 0; v.p++, v.n--)
		tabs += *v.p == '\t';
	sla_diag_msg(m->d, m->file, m->start + line, what, v.p, v.n,
		     "not the setting of %s, the first partial read: partials of other settings do "
		     "not merge", m->first_file);
	return -1;
}

/* ---- reading -------------------------------------------------------------- */

/* Split the line into m->f. */
static int
split_line(sla_merge *m, sla_field line)
{
	const char *p = line.p, *end = line.p + line.n;
	m->nf = 0;
	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		if (!sla_grow((void **)&m->f, &m->f_cap, m->nf + 1, sizeof *m->f))
			return no_memory(m);
		m->f[m->nf++] = (sla_field){ p, (size_t)((tab ? tab : end) - p) };
		if (!tab)
			return 0;
		p = tab + 1;
	}
}

static int
start_partial(sla_merge *m, sla_field line)
{
	if (!sla_field_eq(m->f[0], RPT_PARTIAL_MAGIC)) {
		sla_field head = { line.p, line.n < 40 ? line.n : 40 };
		return refuse(m, NULL, head, "not a partial report (sla-report --partial)");
	}
	char version[24];
	snprintf(version, sizeof version, "%d", SLA_PARTIAL_VERSION);
	if (m->nf < 2 || !sla_field_eq(m->f[1], version))
		return refuse(m, NULL, m->nf < 2 ? line : m->f[1],
			      "a partial report of another format version: this sla-report reads version "
			      RPT_STRING(SLA_PARTIAL_VERSION) " only");
	if (m->nf != 3 || sla_digest_parse(m->f[2].p, m->f[2].n, &m->header_digest) < 0)
		return refuse(m, NULL, line, "not a partial report's header line");
	m->phase = SETTINGS;
	m->start = m->at;
	m->block.n = 0;
	m->block.failed = false;
	sla_rpt_text_raw(&m->block, "", 0); /* never a null block, even an empty one */
	m->lines = 0;
	m->digest = SLA_DIGEST_INIT;
	return 0;
}

static int
one_line(sla_merge *m, sla_field line)
{
	if (split_line(m, line) < 0)
		return -1;
	switch (m->phase) {
	case OUTSIDE:
		if (start_partial(m, line) < 0)
			return -1;
		break;
	case SETTINGS:
		if (sla_field_eq(m->f[0], "set")) {
			sla_rpt_text_raw(&m->block, line.p, line.n);
			sla_rpt_text_raw(&m->block, "\n", 1);
			break;
		}
		if (end_settings(m) < 0)
			return -1;
		/* FALLTHROUGH - the line is the body's first */
	case BODY:
		if (sla_field_eq(m->f[0], "end"))
			return on_end(m, &(cursor){ .m = m, .i = 1 });
		if (body_line(m) < 0)
			return -1;
		break;
	}
	/* what the end line counts and digests */
	m->digest = sla_digest(m->digest, line.p, line.n);
	m->digest = sla_digest(m->digest, "\n", 1);
	m->lines++;
	return 0;
}

/* A partial that the file (or the input) ends in without its end line. */
static int
truncated(const sla_merge *m)
{
	sla_diag_msg(m->d, m->file, 0, NULL, NULL, 0,
		     "truncated partial report: it ends at line %lu without its end line", m->at);
	return -1;
}

sla_merge *
sla_merge_new(const sla_merge_check *check, sla_diag *d)
{
	sla_merge *m = calloc(1, sizeof *m);
	if (!m) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		return NULL;
	}
	m->d = d;
	m->check = *check;
	return m;
}

int
sla_merge_read(sla_merge *m, sla_reader *in)
{
	int got;
	while ((got = sla_reader_next(in)) > 0) {
		const char *file = sla_reader_file(in);
		unsigned long at = sla_reader_line(in);
		if ((file != m->file || at <= m->at) && m->phase != OUTSIDE)
			return truncated(m); /* the file before ended inside a partial */
		m->file = file;
		m->at = at;
		if (one_line(m, sla_reader_fields(in)[0]) < 0)
			return -1;
	}
	if (got < 0)
		return -1;
	return m->phase == OUTSIDE ? 0 : truncated(m);
}

/* ---- the end -------------------------------------------------------------- */

typedef struct ranked {
	const rpt_part *p;
	size_t index;
} ranked;

static int
cmp_ranked(const void *a, const void *b)
{
	const rpt_part *x = ((const ranked *)a)->p, *y = ((const ranked *)b)->p;
	int c = strcmp(x->source, y->source);
	if (!c)
		c = (x->first > y->first) - (x->first < y->first);
	if (!c)
		c = (x->last > y->last) - (x->last < y->last);
	if (!c)
		c = (x->rows > y->rows) - (x->rows < y->rows);
	if (!c)
		c = (x->digest > y->digest) - (x->digest < y->digest);
	if (!c)
		c = (((const ranked *)a)->index > ((const ranked *)b)->index) -
		    (((const ranked *)a)->index < ((const ranked *)b)->index);
	return c;
}

/* Parts in order that may not follow one another: the same part twice,
 * two that overlap, or one without lines beside another.  -1 (printed). */
static int
refuse_neighbours(const sla_merge *m, const rpt_part *a, const rpt_part *b)
{
	if (strcmp(a->source, b->source) != 0)
		return 0;
	if (a->first == 0 || b->first == 0) {
		const rpt_part *p = a->first == 0 ? a : b;
		sla_diag_msg(m->d, p->file, 0, NULL, NULL, 0,
			     "a part without line numbers (the check stream's line column) has no place among other parts");
		return -1;
	}
	if (a->first == b->first && a->last == b->last && a->rows == b->rows &&
	    a->digest == b->digest) {
		sla_diag_msg(m->d, b->file, 0, NULL, NULL, 0,
			     "a part given twice: lines %llu-%llu (%llu rows) are in %s too",
			     (unsigned long long)b->first, (unsigned long long)b->last,
			     (unsigned long long)b->rows, a->file);
		return -1;
	}
	if (b->first > a->last)
		return 0;
	sla_diag_msg(m->d, b->file, 0, NULL, NULL, 0,
		     "its part of lines %llu-%llu overlaps lines %llu-%llu of %s: not one split of one "
		     "stream (partials of different exports need --source)",
		     (unsigned long long)b->first, (unsigned long long)b->last,
		     (unsigned long long)a->first, (unsigned long long)a->last, a->file);
	return -1;
}

static void
renumber(sla_report_pos *at, const size_t *rank)
{
	at->part = rank[at->part];
}

static void
renumber_items(sla_report_item *v, size_t n, const size_t *rank)
{
	for (size_t i = 0; i < n; i++)
		renumber(&v[i].at, rank);
}

/* Every place of the report, by RANK of its part. */
static void
renumber_all(sla_report *r, const size_t *rank)
{
	for (size_t i = 0; i < r->ngroups; i++) {
		renumber(&r->groups[i].first, rank);
		renumber_items(r->groups[i].top, r->groups[i].ntop, rank);
	}
	for (size_t i = 0; i < r->ntiers; i++)
		renumber(&r->tiers[i].first, rank);
	for (size_t i = 0; i < r->nperiods; i++)
		renumber(&r->periods[i].first, rank);
	for (size_t i = 0; i < r->nnotes; i++)
		renumber(&r->notes[i].first, rank);
	for (size_t i = 0; i < r->nslices; i++)
		renumber(&r->slices[i].first, rank);
	renumber_items(r->unassessed, r->nunassessed, rank);
	for (size_t i = 0; i < r->nstatements; i++) {
		rpt_statement *s = &r->statements[i];
		renumber(&s->first, rank);
		for (size_t c = 0; c < s->ncustomers; c++)
			renumber(&s->customer[c].first, rank);
		renumber_items(s->breaches, s->pub.nbreaches, rank);
	}
}

/* The origin of the merged report: the first part's policy, and every
 * part's inputs in the parts' order, each once.  -1 (printed). */
static int
merged_origin(sla_merge *m)
{
	sla_report *r = m->r;
	size_t total = 0, n = 0;
	for (size_t i = 0; i < r->nparts; i++)
		total += r->parts[i].ninputs;
	const char **v = calloc(total + 1, sizeof *v);
	if (!v)
		return no_memory(m);
	for (size_t i = 0; i < r->nparts; i++)
		for (size_t k = 0; k < r->parts[i].ninputs; k++) {
			size_t j = 0;
			while (j < n && strcmp(v[j], r->parts[i].inputs[k]) != 0)
				j++;
			if (j == n)
				v[n++] = r->parts[i].inputs[k];
		}
	const rpt_part *first = r->nparts ? &r->parts[0] : NULL;
	const char *file = first ? first->policy_file : NULL;
	const char *sha = first ? first->policy_sha256 : NULL;
	r->merged_inputs = v;
	r->merged_origin = (sla_report_origin){ .inputs = v, .ninputs = n,
						 .policy_file = file && *file ? file : NULL,
						 .policy_sha256 = sha && *sha ? sha : NULL };
	r->cfg.origin = &r->merged_origin;
	return 0;
}

/* The parts in the stream's order, each once, and the places numbered by
 * it.  -1 (printed). */
static int
settle(sla_merge *m)
{
	sla_report *r = m->r;
	size_t n = r->nparts;
	ranked *v = calloc(n + 1, sizeof *v);
	size_t *rank = calloc(n + 1, sizeof *rank);
	rpt_part *sorted = calloc(n + 1, sizeof *sorted);
	int rc = v && rank && sorted ? 0 : no_memory(m);

	for (size_t i = 0; rc == 0 && i < n; i++)
		v[i] = (ranked){ &r->parts[i], i };
	if (rc == 0 && n > 1)
		qsort(v, n, sizeof *v, cmp_ranked);
	for (size_t i = 1; rc == 0 && i < n; i++)
		rc = refuse_neighbours(m, v[i - 1].p, v[i].p);
	if (rc == 0) {
		for (size_t i = 0; i < n; i++) {
			rank[v[i].index] = i;
			sorted[i] = *v[i].p;
		}
		if (n > 0)
			memcpy(r->parts, sorted, n * sizeof *sorted);
		renumber_all(r, rank);
		rc = merged_origin(m);
	}
	free(v);
	free(rank);
	free(sorted);
	return rc;
}

sla_report *
sla_merge_report(sla_merge *m, bool finish)
{
	if (m->taken)
		return m->r;
	if (!m->r || m->npartials == 0) {
		sla_diag_msg(m->d, m->file, 0, NULL, NULL, 0, "no partial report to merge");
		return NULL;
	}
	m->taken = true;
	if (settle(m) < 0)
		return NULL;
	int done = finish ? sla_report_finish(m->r) : 0;
	if (done == -1)
		no_memory(m);
	return done == 0 ? m->r : NULL;
}

void
sla_merge_free(sla_merge *m)
{
	if (!m)
		return;
	sla_report_free(m->r); /* before the settings it points to */
	sla_rpt_settings_free(&m->settings);
	sla_rpt_text_free(&m->first_block);
	sla_rpt_text_free(&m->block);
	free(m->first_file);
	free(m->part_map);
	free(m->f);
	free(m);
}
