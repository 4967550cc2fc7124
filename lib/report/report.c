/* report.c: the report's model -- groups, counts, exact percentiles, worst
 * overruns, unassessed rows and penalty statements (DESIGN §5, §6).
 *
 * Memory is one entry per group, tier, period and statement, the elapsed
 * times of assessed rows (exact percentiles need every value), the N worst
 * overruns of each group, and the few rows listed by name: breaches for the
 * statements, excluded and invalid rows.  A row itself is never kept. */
#include <stdlib.h>
#include <string.h>

#include "sla_mem.h"
#include "sla_money.h"
#include "sla_report.h"
#include "sla_stream_fields.h"
#include "sla_time.h"

const int64_t sla_bucket_upper[SLA_NBUCKETS - 1] = {
	15 * 60, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 72 * 3600,
};

/* ---- periods ------------------------------------------------------------ */

int
sla_period_parse(const char *name, sla_period_kind *kind)
{
	static const char *const names[] = { "day", "week", "month", "quarter", "year" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0) {
			*kind = (sla_period_kind)i;
			return 0;
		}
	return -1;
}

static int64_t
period_first_day(sla_period_kind kind, int64_t day)
{
	int64_t y;
	unsigned m, d;

	if (kind == SLA_PERIOD_DAY)
		return day;
	if (kind == SLA_PERIOD_WEEK)
		return day - sla_weekday(day);
	sla_civil_from_days(day, &y, &m, &d);
	if (kind == SLA_PERIOD_QUARTER)
		m = (m - 1) / 3 * 3 + 1;
	else if (kind == SLA_PERIOD_YEAR)
		m = 1;
	return sla_days_from_civil(y, m, 1);
}

/* ISO 8601 week-numbering year and week of the Monday FIRST_DAY. */
static void
iso_week(int64_t monday, int64_t *year, unsigned *week)
{
	int64_t y;
	unsigned m, d;

	sla_civil_from_days(monday + 3, &y, &m, &d); /* the week's Thursday */
	*year = y;
	*week = (unsigned)((monday + 3 - sla_days_from_civil(y, 1, 1)) / 7 + 1);
}

const char *
sla_period_label(sla_period_kind kind, int64_t first_day, char *buf)
{
	int64_t y;
	unsigned m, d, w;

	if (first_day == SLA_NO_PERIOD) {
		strcpy(buf, "-");
		return buf;
	}
	sla_civil_from_days(first_day, &y, &m, &d);
	switch (kind) {
	case SLA_PERIOD_DAY: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-%02u-%02u", (long long)y, m, d); break;
	case SLA_PERIOD_WEEK:
		iso_week(first_day, &y, &w);
		snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-W%02u", (long long)y, w);
		break;
	case SLA_PERIOD_MONTH: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-%02u", (long long)y, m); break;
	case SLA_PERIOD_QUARTER: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld-Q%u", (long long)y, (m + 2) / 3); break;
	case SLA_PERIOD_YEAR: snprintf(buf, SLA_PERIOD_LABEL_MAX, "%04lld", (long long)y); break;
	}
	return buf;
}

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

static bool
counts_in_compliance(sla_status s)
{
	return s == SLA_MET || s == SLA_BREACHED || s == SLA_OVERDUE;
}

static size_t
bucket_of(int64_t elapsed)
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
	if (counts_in_compliance(s))
		t->bucket[bucket_of(elapsed)]++;
}

/* ---- a map from byte strings to the indices of their entries ------------- */

typedef struct keymap {
	size_t *slot;		/* entry index + 1; 0 is empty */
	size_t nslots;
	char **key;
	size_t *len;
	uint64_t *hash;
	size_t n, cap;
	size_t last;		/* the entry found last, + 1: rows repeat keys */
} keymap;

/* Eight bytes at a time: the keys are short, and hashing is per row. */
static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	return h ^ (h >> 29);
}

static void
keymap_free(keymap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->key[i]);
	free(m->slot);
	free(m->key);
	free(m->len);
	free(m->hash);
}

static size_t *
keymap_probe(const keymap *m, uint64_t h, const char *k, size_t n)
{
	size_t mask = m->nslots - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		size_t e = m->slot[i];
		if (e == 0 || (m->hash[e - 1] == h && m->len[e - 1] == n &&
			       memcmp(m->key[e - 1], k, n) == 0))
			return &m->slot[i];
	}
}

static int
keymap_grow(keymap *m)
{
	/* The three arrays grow alike; one that grew before another failed is
	 * merely larger than m->cap. */
	size_t kcap = m->cap, lcap = m->cap, hcap = m->cap;
	if (!sla_grow((void **)&m->key, &kcap, m->n + 1, sizeof *m->key) ||
	    !sla_grow((void **)&m->len, &lcap, m->n + 1, sizeof *m->len) ||
	    !sla_grow((void **)&m->hash, &hcap, m->n + 1, sizeof *m->hash))
		return -1;
	m->cap = kcap;
	if ((m->n + 1) * 2 <= m->nslots)
		return 0;
	size_t nslots = m->nslots ? m->nslots * 2 : 64;
	size_t *slot = calloc(nslots, sizeof *slot);
	if (!slot)
		return -1;
	free(m->slot);
	m->slot = slot;
	m->nslots = nslots;
	for (size_t e = 0; e < m->n; e++)
		*keymap_probe(m, m->hash[e], m->key[e], m->len[e]) = e + 1;
	return 0;
}

/* The index of key K (N bytes), added at the end when new (*ADDED).
 * Returns -1 when out of memory. */
static long
keymap_get(keymap *m, const char *k, size_t n, bool *added)
{
	*added = false;
	if (m->last && m->len[m->last - 1] == n && memcmp(m->key[m->last - 1], k, n) == 0)
		return (long)(m->last - 1);

	uint64_t h = hash_bytes(k, n);
	size_t *s = m->nslots ? keymap_probe(m, h, k, n) : NULL;
	if (s && *s) {
		m->last = *s;
		return (long)(*s - 1);
	}
	if (keymap_grow(m) < 0)
		return -1;
	char *copy = malloc(n + 1);
	if (!copy)
		return -1;
	memcpy(copy, k, n);
	copy[n] = '\0';
	m->key[m->n] = copy;
	m->len[m->n] = n;
	m->hash[m->n] = h;
	*keymap_probe(m, h, k, n) = m->n + 1;
	*added = true;
	m->last = m->n + 1;
	return (long)m->n++;
}

/* ---- the report --------------------------------------------------------- */

enum col {
	COL_ID, COL_LINE, COL_CUSTOMER, COL_TIER, COL_METRIC, COL_START,
	COL_TARGET, COL_ELAPSED, COL_OVERRUN, COL_STATUS, COL_PENALTY,
	COL_REASON, COL_SATISFACTION, COL_OPENED, COL_NOTE, NCOL
};

static const char *const col_names[NCOL] = {
	"id", "line", "customer", "tier", "metric", "start", "target_s",
	"elapsed_s", "overrun_s", "status", "penalty", "reason", "satisfaction", "opened",
	"calendar_note",
};

typedef struct group {
	int64_t period;
	size_t tier_rank;	/* of its tier key in the policy's order */
	size_t order;		/* of first appearance */
	char **keys;
	sla_tally tally;
	int64_t *elapsed;
	size_t nelapsed, cap;
	sla_report_item *top;	/* cfg.top slots, ntop used, worst first */
	size_t ntop;
	sla_satisfaction sat;
} group;

typedef struct statement {
	sla_statement pub;
	size_t order;
	sla_report_item *breaches;
	size_t cap;
	char **customers;
	size_t ncustomers, customers_cap;
} statement;

/* The periods of one kind that rows fall in: the instants of the last one
 * found are remembered, so that most rows cost one comparison. */
typedef struct period_clock {
	sla_period_kind kind;
	int64_t lo, hi, last;
} period_clock;

/* A ticket's rows come one after another: remember the groups that have
 * counted its satisfaction already. */
enum { SEEN_MAX = 16 };

struct sla_report {
	sla_report_config cfg;
	sla_diag *d;
	int col[NCOL];		/* -1 when the stream lacks it */
	int *by_col;
	sla_field *by_fields;	/* scratch: the row's grouping fields */

	keymap group_keys, tier_keys, period_keys, statement_keys, note_keys;
	keymap statement_customer_keys;	/* a statement's index and a customer */
	group *groups;
	size_t ngroups, groups_cap;
	/* Entries are counted once they are whole, so that an allocation that
	 * fails half way never leaves one for sla_report_free to trip on. */
	sla_report_subtotal *tiers, *periods;
	size_t ntiers, tiers_cap, nperiods, periods_cap;
	statement *statements;
	size_t nstatements, statements_cap;
	sla_report_item *unassessed;
	size_t nunassessed, unassessed_cap;
	sla_report_note *notes;	/* in order of first appearance */
	size_t nnotes, notes_cap;
	sla_tally total;
	uint64_t rows;
	bool has_satisfaction;

	char *key;		/* scratch for building map keys */
	size_t key_cap;
	/* The ticket of the previous row: its rows come one after another. */
	char *last_id;
	size_t last_id_len, last_id_cap;
	size_t seen[SEEN_MAX], nseen;	/* groups that counted its satisfaction */
	int64_t ticket_period;	/* of its rows so far with a start */
	period_clock report_clock;	/* cfg.period: the groups */
	period_clock statement_clock;	/* terms.period: the statements */

	/* Views built by sla_report_finish. */
	sla_report_group *view;
	sla_statement *statement_view;
};

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
	for (int c = 0; c < NCOL; c++) {
		r->col[c] = -1;
		for (size_t i = 0; i < ncols; i++)
			if (sla_field_eq(header[i], col_names[c]))
				r->col[c] = (int)i;
	}
	r->has_satisfaction = r->col[COL_SATISFACTION] >= 0;
	const char *missing = r->col[COL_ID] < 0 ? "id" : r->col[COL_STATUS] < 0 ? "status" : NULL;
	const char *asked = "";
	for (size_t b = 0; b < cfg->nby && !missing; b++) {
		r->by_col[b] = -1;
		for (size_t i = 0; i < ncols; i++)
			if (sla_field_eq(header[i], cfg->by[b]))
				r->by_col[b] = (int)i;
		if (r->by_col[b] < 0)
			missing = cfg->by[b], asked = "--by: ";
	}
	if (missing) {
		/* The header is line 1 of the file. */
		sla_diag_msg(d, file, 1, NULL, missing, strlen(missing),
			     "%sthe check stream has no column", asked);
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
		group *gr = &r->groups[g];
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
		statement *st = &r->statements[s];
		for (size_t c = 0; c < st->ncustomers; c++)
			free(st->customers[c]); /* pub.customer is one of them */
		free(st->customers);
		for (size_t i = 0; i < st->pub.nbreaches; i++)
			item_free(&st->breaches[i]);
		free(st->breaches);
	}
	for (size_t i = 0; i < r->nunassessed; i++)
		item_free(&r->unassessed[i]);
	keymap_free(&r->group_keys);
	keymap_free(&r->tier_keys);
	keymap_free(&r->period_keys);
	keymap_free(&r->statement_keys);
	keymap_free(&r->statement_customer_keys);
	keymap_free(&r->note_keys);
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
	free(r->key);
	free(r->last_id);
	free(r->view);
	free(r->statement_view);
	free(r);
}

/* ---- reading one row ---------------------------------------------------- */

typedef struct row {
	const sla_field *f;
	sla_status status;
	const char *why;	/* our own reason when we made the row invalid */
	int64_t period, target, elapsed, overrun, penalty;
	int64_t statement_period;	/* of terms.period; rows that count in compliance */
	bool has_penalty;
} row;

static sla_field
field(const sla_report *r, const row *w, enum col c)
{
	return r->col[c] >= 0 ? w->f[r->col[c]] : (sla_field){ "", 0 };
}

/* The status named by F.  This runs per row: the names start with
 * distinct letters, so the first byte picks the one name to compare. */
static int
parse_status(sla_field f, sla_status *s)
{
	static const struct { char first; sla_status status; } by_first[] = {
		{ 'm', SLA_MET }, { 'b', SLA_BREACHED }, { 'o', SLA_OVERDUE },
		{ 'a', SLA_AT_RISK }, { 'p', SLA_PENDING }, { 'e', SLA_EXCLUDED },
		{ 'i', SLA_INVALID },
	};
	for (size_t i = 0; f.n > 0 && i < sizeof by_first / sizeof by_first[0]; i++)
		if (f.p[0] == by_first[i].first) {
			*s = by_first[i].status;
			return sla_field_eq(f, sla_status_name(*s)) ? 0 : -1;
		}
	return -1;
}

/* A whole non-negative number (seconds, a line); -1 for an empty field,
 * -2 for a bad one. */
static int64_t
parse_count(sla_field f)
{
	int64_t v = 0;

	if (f.n == 0)
		return -1;
	if (f.n > 18)
		return -2;
	for (size_t i = 0; i < f.n; i++) {
		if (f.p[i] < '0' || f.p[i] > '9')
			return -2;
		v = v * 10 + (f.p[i] - '0');
	}
	return v;
}

/* The first day of the period after the one that starts on FIRST. */
static int64_t
period_next(sla_period_kind kind, int64_t first)
{
	static const unsigned months[] = { [SLA_PERIOD_MONTH] = 1, [SLA_PERIOD_QUARTER] = 3,
					   [SLA_PERIOD_YEAR] = 12 };
	int64_t y;
	unsigned m, d;

	if (kind == SLA_PERIOD_DAY || kind == SLA_PERIOD_WEEK)
		return first + (kind == SLA_PERIOD_DAY ? 1 : 7);
	sla_civil_from_days(first, &y, &m, &d);
	m += months[kind];
	return sla_days_from_civil(y + (m - 1) / 12, (m - 1) % 12 + 1, 1);
}

/* The period of clock C that holds the instant UTC, read in zone TZ. */
static int64_t
period_at(const sla_tz *tz, period_clock *c, int64_t utc)
{
	if (utc >= c->lo && utc < c->hi)
		return c->last;
	int64_t local = utc + sla_tz_offset(tz, utc);
	int64_t first = period_first_day(c->kind, sla_floor_div(local, SLA_DAY));
	int64_t next = period_next(c->kind, first);
	c->last = first;
	if (sla_tz_to_utc(tz, first * SLA_DAY, &c->lo) != SLA_TZ_OK ||
	    sla_tz_to_utc(tz, next * SLA_DAY, &c->hi) != SLA_TZ_OK)
		c->lo = c->hi = 0; /* midnight in a gap: no shortcut */
	return first;
}

/* The period of clock C that holds the time written in F; SLA_NO_PERIOD
 * when F is not one. */
static int64_t
period_of(sla_report *r, period_clock *c, sla_field f)
{
	const char *what;
	int64_t utc;

	if (sla_stream_time_read(r->cfg.tz, f, &utc, &what) <= 0)
		return SLA_NO_PERIOD;
	return period_at(r->cfg.tz, c, utc);
}

/* A pending metric whose start has not happened yet: sla-check leaves
 * its start empty, and there is nothing wrong with it. */
static bool
start_not_yet(const sla_report *r, const row *w)
{
	return w->status == SLA_PENDING && field(r, w, COL_START).n == 0;
}

/* What is wrong with a row that its status needs, and in which column
 * (*BAD); NULL when nothing is.  Reads the penalty amount on the way. */
static const char *
row_problem(sla_report *r, row *w, enum col *bad)
{
	if (parse_status(field(r, w, COL_STATUS), &w->status) < 0)
		return *bad = COL_STATUS, "unknown status";
	if (w->status == SLA_EXCLUDED || w->status == SLA_INVALID)
		return NULL;
	if (w->period == SLA_NO_PERIOD && !start_not_yet(r, w))
		return *bad = COL_START, "cannot read start time";
	if (r->cfg.terms && counts_in_compliance(w->status)) {
		/* The contract's period is that of the ticket's opening.  A stream
		 * without an opened column (sla-check --keep opened) has the
		 * metric's start instead: the opening for every built-in metric,
		 * but not for a policy's metric that starts at another time. */
		sla_field opened = field(r, w, COL_OPENED);
		w->statement_period = period_of(r, &r->statement_clock,
						opened.n ? opened : field(r, w, COL_START));
		if (w->statement_period == SLA_NO_PERIOD)
			return *bad = COL_OPENED, "cannot read opened time";
	}
	if (w->elapsed < 0)
		return *bad = COL_ELAPSED, "cannot read elapsed seconds";
	if ((w->status == SLA_BREACHED || w->status == SLA_OVERDUE) && w->overrun < 0)
		return *bad = COL_OVERRUN, "cannot read overrun seconds";
	sla_field pen = field(r, w, COL_PENALTY);
	if (pen.n == 0 || !r->cfg.terms)
		return NULL;
	if (sla_money_parse(pen.p, pen.n, r->cfg.terms->minor_digits, &w->penalty) < 0)
		return *bad = COL_PENALTY, "cannot read penalty amount";
	w->has_penalty = true;
	return NULL;
}

/* Read the numbers of a row; one that lacks what its status needs becomes
 * invalid, with the reason, and is reported. */
static void
read_row(sla_report *r, row *w, size_t ragged, const char *file, unsigned long line)
{
	enum col bad = COL_STATUS;

	w->why = NULL;
	w->has_penalty = false;
	w->penalty = 0;
	w->target = parse_count(field(r, w, COL_TARGET));
	w->elapsed = parse_count(field(r, w, COL_ELAPSED));
	w->overrun = parse_count(field(r, w, COL_OVERRUN));
	w->statement_period = SLA_NO_PERIOD;
	w->period = period_of(r, &r->report_clock, field(r, w, COL_START));
	if (ragged) {
		sla_diag_record(r->d, file, line, NULL, NULL, 0,
				"row has %zu fields, not the header's number", ragged);
		w->status = SLA_INVALID;
		w->why = "row has the wrong number of fields";
		return;
	}
	const char *why = row_problem(r, w, &bad);
	if (!why && w->period == SLA_NO_PERIOD && start_not_yet(r, w))
		w->period = r->ticket_period; /* the period of its opening, if known */
	else if (!why && w->period != SLA_NO_PERIOD)
		r->ticket_period = w->period;
	if (why) {
		sla_field v = field(r, w, bad);
		sla_diag_record(r->d, file, line, col_names[bad], v.p, v.n, "%s", why);
		w->status = SLA_INVALID;
		w->why = why;
	}
}

/* ---- keeping rows by name ------------------------------------------------ */

/* One allocation holds the item's decoded strings; id comes first so that
 * item_free can find the block. */
static int
make_item(const sla_report *r, const row *w, sla_report_item *it)
{
	static const enum col text_cols[] = { COL_ID, COL_CUSTOMER, COL_TIER, COL_METRIC, COL_REASON };
	enum { NTEXT = sizeof text_cols / sizeof text_cols[0] };
	size_t need = 0;
	sla_field fs[NTEXT];

	for (size_t i = 0; i < NTEXT; i++) {
		fs[i] = field(r, w, text_cols[i]);
		if (text_cols[i] == COL_REASON && w->why)
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
	int64_t line = parse_count(field(r, w, COL_LINE));
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
consider_top(const sla_report *r, group *g, const row *w)
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
push_item(const sla_report *r, const row *w, sla_report_item **v, size_t *n, size_t *cap)
{
	if (!sla_grow((void **)v, cap, *n + 1, sizeof **v) || make_item(r, w, &(*v)[*n]) < 0)
		return -1;
	(*n)++;
	return 0;
}

/* ---- finding a row's entries --------------------------------------------- */

/* The key of PERIOD followed by the fields FS[0..N), each ended by a tab
 * (fields are escaped, so they hold none).  Its length; 0 out of memory. */
static size_t
build_key(sla_report *r, int64_t period, const sla_field *fs, size_t n)
{
	size_t len = sizeof period;
	for (size_t i = 0; i < n; i++)
		len += fs[i].n + 1;
	if (!sla_grow((void **)&r->key, &r->key_cap, len, 1))
		return 0;
	memcpy(r->key, &period, sizeof period);
	size_t o = sizeof period;
	for (size_t i = 0; i < n; i++) {
		memcpy(r->key + o, fs[i].p, fs[i].n);
		o += fs[i].n;
		r->key[o++] = '\t';
	}
	return o;
}

static char *
decode(sla_field f)
{
	char *s = malloc(f.n + 1);
	if (s)
		s[sla_unescape(f, s)] = '\0';
	return s;
}

static group *
find_group(sla_report *r, const row *w, size_t *index)
{
	bool added;
	for (size_t k = 0; k < r->cfg.nby; k++)
		r->by_fields[k] = w->f[r->by_col[k]];
	size_t len = build_key(r, w->period, r->by_fields, r->cfg.nby);
	long i = len ? keymap_get(&r->group_keys, r->key, len, &added) : -1;

	if (i < 0)
		return NULL;
	*index = (size_t)i;
	if (!added)
		return &r->groups[i];
	if (!sla_grow((void **)&r->groups, &r->groups_cap, r->ngroups + 1, sizeof *r->groups))
		return NULL;
	group *g = &r->groups[r->ngroups];
	*g = (group){ .period = w->period, .order = r->ngroups };
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
find_index(sla_report *r, keymap *m, int64_t period, const sla_field *label, bool *added)
{
	size_t len = build_key(r, period, label, label ? 1 : 0);
	return len ? keymap_get(m, r->key, len, added) : -1;
}

static sla_report_subtotal *
find_subtotal(sla_report *r, keymap *m, sla_report_subtotal **v, size_t *n, size_t *cap,
	      int64_t period, const sla_field *label)
{
	bool added;
	long i = find_index(r, m, period, label, &added);

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
static statement *
find_statement(sla_report *r, const row *w)
{
	bool added;
	bool per_customer = r->cfg.terms->per_customer;
	sla_field customer = field(r, w, COL_CUSTOMER);
	long i = find_index(r, &r->statement_keys, w->statement_period,
			    per_customer ? &customer : NULL, &added);

	if (i < 0 || !sla_grow((void **)&r->statements, &r->statements_cap, (size_t)i + 1,
			       sizeof *r->statements))
		return NULL;
	statement *s = &r->statements[i];
	if (added) {
		*s = (statement){ .order = (size_t)i };
		s->pub.period = w->statement_period;
		r->nstatements++;
	}
	/* Each customer once, in order of first appearance: the map's key is
	 * the statement's index and the customer. */
	long c = find_index(r, &r->statement_customer_keys, (int64_t)i, &customer, &added);
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

/* ---- satisfaction -------------------------------------------------------- */

/* A decimal with up to two places, in hundredths; -1 when it is not one. */
static int64_t
parse_hundredths(const char *p, size_t n)
{
	int64_t v = 0;
	size_t i = 0, places = 0;
	bool dot = false;

	if (n == 0 || n > 12)
		return -1;
	for (; i < n; i++) {
		if (p[i] == '.' && !dot && i > 0) {
			dot = true;
			continue;
		}
		if (p[i] < '0' || p[i] > '9' || places == 2)
			return -1;
		v = v * 10 + (p[i] - '0');
		places += dot;
	}
	while (places++ < 2)
		v *= 10;
	return v;
}

static void
satisfaction_add(sla_satisfaction *s, sla_field f)
{
	bool percent = f.n > 0 && f.p[f.n - 1] == '%';
	int64_t v = parse_hundredths(f.p, f.n - percent);

	if (v >= 100 && v <= 500 && v % 100 == 0 && !percent) {
		s->scores[v / 100 - 1]++;
		s->nscores++;
	} else if (v >= 0 && v <= 10000 && (percent || v > 500)) {
		s->npercent++;
		s->percent_sum += v;
		s->percent_band[v >= 10000 ? 4 : v / 2000]++;
	} else {
		s->unreadable++;
	}
}

/* Count the ticket's satisfaction once per group: its rows come one after
 * another, so the groups it reached so far suffice. */
static void
note_satisfaction(sla_report *r, const row *w, group *g, size_t gi)
{
	sla_field sat = field(r, w, COL_SATISFACTION);

	if (sat.n == 0)
		return;
	for (size_t i = 0; i < r->nseen; i++)
		if (r->seen[i] == gi)
			return;
	if (r->nseen < SEEN_MAX)
		r->seen[r->nseen++] = gi;
	satisfaction_add(&g->sat, sat);
}

/* ---- one row ------------------------------------------------------------- */

static int
count_row(sla_report *r, const row *w)
{
	size_t gi = 0;
	group *g = find_group(r, w, &gi);
	sla_field tier = field(r, w, COL_TIER);
	sla_report_subtotal *t = find_subtotal(r, &r->tier_keys, &r->tiers, &r->ntiers,
					       &r->tiers_cap, 0, &tier);
	sla_report_subtotal *p = find_subtotal(r, &r->period_keys, &r->periods, &r->nperiods,
					       &r->periods_cap, w->period, NULL);
	if (!g || !t || !p)
		return -1;
	tally_add(&g->tally, w->status, w->elapsed);
	tally_add(&t->tally, w->status, w->elapsed);
	tally_add(&p->tally, w->status, w->elapsed);
	tally_add(&r->total, w->status, w->elapsed);
	if (counts_in_compliance(w->status)) {
		if (!sla_grow((void **)&g->elapsed, &g->cap, g->nelapsed + 1, sizeof *g->elapsed))
			return -1;
		g->elapsed[g->nelapsed++] = w->elapsed;
	}
	if ((w->status == SLA_BREACHED || w->status == SLA_OVERDUE) && consider_top(r, g, w) < 0)
		return -1;
	if (w->status == SLA_EXCLUDED || w->status == SLA_INVALID)
		return push_item(r, w, &r->unassessed, &r->nunassessed, &r->unassessed_cap);
	note_satisfaction(r, w, g, gi);
	return 0;
}

static int
add_to_statement(sla_report *r, const row *w)
{
	if (!r->cfg.terms || !counts_in_compliance(w->status))
		return 0;
	statement *s = find_statement(r, w);
	if (!s)
		return -1;
	if (w->status == SLA_MET) {
		s->pub.kept++;
		return 0;
	}
	s->pub.broken++;
	if (!w->has_penalty)
		return 0;
	if (sla_money_add(s->pub.breach_sum, w->penalty, &s->pub.breach_sum) < 0)
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
follow_ticket(sla_report *r, const row *w)
{
	sla_field id = field(r, w, COL_ID);

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
count_note(sla_report *r, const row *w)
{
	sla_field f = field(r, w, COL_NOTE);
	if (f.n == 0)
		return 0;
	bool added;
	long i = keymap_get(&r->note_keys, f.p, f.n, &added);
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
sla_report_add(sla_report *r, const sla_field *fields, size_t ragged,
	       const char *file, unsigned long line)
{
	row w = { .f = fields };

	r->rows++;
	if (follow_ticket(r, &w) < 0) {
		sla_diag_msg(r->d, file, line, NULL, NULL, 0, "out of memory");
		return -1;
	}
	read_row(r, &w, ragged, file, line);
	if (w.why && r->cfg.strict)
		return -1; /* read_row said why */
	int got = count_row(r, &w);
	if (got == 0)
		got = add_to_statement(r, &w);
	if (got == 0)
		got = count_note(r, &w);
	if (got == -2) {
		sla_field pen = field(r, &w, COL_PENALTY);
		sla_diag_msg(r->d, file, line, col_names[COL_PENALTY], pen.p, pen.n,
			     "the statement's sum of penalties does not fit");
		return -1;
	}
	if (got < 0) {
		sla_diag_msg(r->d, file, line, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}

/* ---- finishing ----------------------------------------------------------- */

/* Sort the N non-negative values V: LSD radix sort, a byte a pass, only
 * as many passes as the largest value has bytes (three for durations under
 * six months).  qsort spent most of the report's time here. */
static int
sort_elapsed(int64_t *v, size_t n)
{
	int64_t max = 0;
	for (size_t i = 0; i < n; i++)
		max = v[i] > max ? v[i] : max;
	if (n < 2 || max == 0)
		return 0;
	int64_t *tmp = malloc(n * sizeof *tmp), *src = v, *dst = tmp;
	if (!tmp)
		return -1;
	for (unsigned shift = 0; shift < 64 && (max >> shift) > 0; shift += 8) {
		size_t count[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[((uint64_t)src[i] >> shift & 0xFF) + 1]++;
		for (size_t b = 1; b < 257; b++)
			count[b] += count[b - 1];
		for (size_t i = 0; i < n; i++)
			dst[count[(uint64_t)src[i] >> shift & 0xFF]++] = src[i];
		int64_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
	return 0;
}

/* qsort, which must not be given a null array even when it is empty. */
static void
sort(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(v, n, size, cmp);
}

/* Rows without a period go last. */
static int
cmp_period(int64_t a, int64_t b)
{
	if (a == b)
		return 0;
	if (a == SLA_NO_PERIOD || b == SLA_NO_PERIOD)
		return a == SLA_NO_PERIOD ? 1 : -1;
	return a < b ? -1 : 1;
}

static int
cmp_group(const void *a, const void *b)
{
	const group *x = a, *y = b;
	int c = cmp_period(x->period, y->period);
	if (!c)
		c = (x->tier_rank > y->tier_rank) - (x->tier_rank < y->tier_rank);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int
cmp_statement(const void *a, const void *b)
{
	const statement *x = a, *y = b;
	int c = cmp_period(x->pub.period, y->pub.period);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int
cmp_subtotal(const void *a, const void *b)
{
	const sla_report_subtotal *x = a, *y = b;
	int c = cmp_period(x->period, y->period);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Tiers the policy names come in its order, the others after them (in
 * the order given by FALLBACK). */
static size_t
tier_rank(const sla_report *r, const char *label, size_t fallback)
{
	for (size_t k = 0; k < r->cfg.ntiers; k++)
		if (strcmp(label, r->cfg.tier_order[k]) == 0)
			return k;
	return r->cfg.ntiers + fallback;
}

static void
order_tiers(sla_report *r)
{
	for (size_t t = 0; t < r->ntiers; t++)
		r->tiers[t].order = tier_rank(r, r->tiers[t].label, t);
	sort(r->tiers, r->ntiers, sizeof *r->tiers, cmp_subtotal);
}

/* Within a period, groups grouped by tier read urgent first, as the
 * policy lists its tiers; otherwise in the order they first appeared. */
static void
order_groups(sla_report *r)
{
	size_t tier_key = r->cfg.nby;
	for (size_t k = 0; k < r->cfg.nby; k++)
		if (strcmp(r->cfg.by[k], "tier") == 0)
			tier_key = k;
	for (size_t i = 0; i < r->ngroups; i++) {
		group *g = &r->groups[i];
		g->tier_rank = tier_key < r->cfg.nby && g->keys ? tier_rank(r, g->keys[tier_key], 0) : 0;
	}
	sort(r->groups, r->ngroups, sizeof *r->groups, cmp_group);
}

/* The value of nearest rank ceil(P/100 * N) in the sorted V. */
static int64_t
percentile(const int64_t *v, size_t n, unsigned p)
{
	size_t rank = (n * p + 99) / 100;
	return v[rank ? rank - 1 : 0];
}

static int
finish_group(const group *g, sla_report_group *out)
{
	*out = (sla_report_group){
		.period = g->period, .keys = (const char *const *)g->keys,
		.tally = g->tally, .nelapsed = g->nelapsed, .top = g->top,
		.ntop = g->ntop, .satisfaction = g->sat,
	};
	if (g->nelapsed == 0)
		return 0;
	if (sort_elapsed(g->elapsed, g->nelapsed) < 0)
		return -1;
	out->p50 = percentile(g->elapsed, g->nelapsed, 50);
	out->p90 = percentile(g->elapsed, g->nelapsed, 90);
	out->p95 = percentile(g->elapsed, g->nelapsed, 95);
	out->max = g->elapsed[g->nelapsed - 1];
	return 0;
}

/* The credit band, cap and total of one statement (DESIGN §6): the lowest
 * band that the compliance falls below applies; compared exactly, as
 * kept * 10^6 < below * (kept + broken).  -1 when the total does not fit. */
static int
finish_statement(const sla_report_terms *t, sla_statement *s)
{
	uint64_t assessed = s->kept + s->broken;

	for (size_t i = 0; i < t->nbands; i++) {
		const sla_credit_band *b = &t->bands[i];
		if (s->kept * 1000000u < (uint64_t)b->below_ppm * assessed &&
		    (!s->band_hit || b->below_ppm < s->band.below_ppm)) {
			s->band_hit = true;
			s->band = *b;
		}
	}
	s->credit = s->band_hit ? sla_money_ppm(t->fee, s->band.credit_ppm) : 0;
	if (sla_money_add(s->breach_sum, s->credit, &s->total) < 0)
		return -1;
	if (t->cap.set) {
		s->cap = t->cap.percent ? sla_money_ppm(t->fee, t->cap.ppm) : t->cap.amount;
		s->capped = s->cap < s->total;
		if (s->capped)
			s->total = s->cap;
	}
	return 0;
}

int
sla_report_finish(sla_report *r)
{
	order_groups(r);
	order_tiers(r);
	sort(r->periods, r->nperiods, sizeof *r->periods, cmp_subtotal);
	sort(r->statements, r->nstatements, sizeof *r->statements, cmp_statement);
	r->view = calloc(r->ngroups + 1, sizeof *r->view);
	r->statement_view = calloc(r->nstatements + 1, sizeof *r->statement_view);
	if (!r->view || !r->statement_view)
		return -1;
	for (size_t g = 0; g < r->ngroups; g++) {
		if (finish_group(&r->groups[g], &r->view[g]) < 0)
			return -1;
		free(r->groups[g].elapsed); /* the percentiles are all it was for */
		r->groups[g].elapsed = NULL;
	}
	for (size_t s = 0; s < r->nstatements; s++) {
		statement *st = &r->statements[s];
		st->pub.breaches = st->breaches;
		st->pub.customers = (const char *const *)st->customers;
		st->pub.ncustomers = st->ncustomers;
		if (finish_statement(r->cfg.terms, &st->pub) < 0) {
			char label[SLA_PERIOD_LABEL_MAX];
			sla_diag_msg(r->d, NULL, 0, NULL, NULL, 0,
				     "statement %s%s%s: penalties and credit add up to more than fits",
				     sla_period_label(r->cfg.terms->period, st->pub.period, label),
				     st->pub.customer ? " " : "",
				     st->pub.customer ? st->pub.customer : "");
			return -2;
		}
		r->statement_view[s] = st->pub;
	}
	return 0;
}

int
sla_report_read(sla_report *r, sla_reader *in)
{
	int got;
	while ((got = sla_reader_next(in)) > 0)
		if (sla_report_add(r, sla_reader_fields(in), sla_reader_ragged(in),
				   sla_reader_file(in), sla_reader_line(in)) < 0)
			return -1;
	int done = got == 0 ? sla_report_finish(r) : -2;
	if (done == 0)
		return 0;
	if (done == -1)
		sla_diag_msg(r->d, sla_reader_file(in), 0, NULL, NULL, 0, "out of memory");
	return -1;
}

/* ---- the finished model -------------------------------------------------- */

const sla_report_config *sla_report_config_of(const sla_report *r) { return &r->cfg; }
uint64_t sla_report_rows(const sla_report *r) { return r->rows; }
const sla_tally *sla_report_total(const sla_report *r) { return &r->total; }
bool sla_report_has_satisfaction(const sla_report *r) { return r->has_satisfaction; }

const sla_report_group *
sla_report_groups(const sla_report *r, size_t *n)
{
	*n = r->ngroups;
	return r->view;
}

const sla_report_subtotal *
sla_report_tiers(const sla_report *r, size_t *n)
{
	*n = r->ntiers;
	return r->tiers;
}

const sla_report_subtotal *
sla_report_periods(const sla_report *r, size_t *n)
{
	*n = r->nperiods;
	return r->periods;
}

const sla_report_item *
sla_report_unassessed(const sla_report *r, size_t *n)
{
	*n = r->nunassessed;
	return r->unassessed;
}

const sla_report_note *
sla_report_notes(const sla_report *r, size_t *n)
{
	*n = r->nnotes;
	return r->notes;
}

const sla_statement *
sla_report_statements(const sla_report *r, size_t *n)
{
	*n = r->nstatements;
	return r->statement_view;
}
