/* extract.c: the walk through a letter -- each sentence's time limits
 * made commitments with the step, tier, calendar and condition that the
 * other files read around them; the headings that carry a tier (紧急故障：
 * over the items below it) or a kind of note (五、违约责任) down the
 * letter; tables, whose column and row headings name the metric and the
 * tier of each cell; then, once the whole letter is read, the calendars of
 * the commitments that named none (what the letter says of their tier, or
 * of all its service, or round the clock) and the repeats.
 *
 * Not here: the words themselves (durations.c, metrics.c, tiers.c,
 * calendars.c, notes.c) and the drafts (draft*.c). */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "sla_map.h"
#include "sla_mem.h"

enum { MAX_COLUMNS = 32 };

typedef struct walker {
	sla_extract *x;
	int ctx_tier;		/* the tier of a heading above, or XT_ALL */
	enum xlevel ctx_level;	/* a marker of this level or higher ends it */
	bool ctx_used;		/* a sentence under it has been read */
	int section;		/* XN_EXCLUSION, XN_PENALTY under such a heading, else -1 */
	enum xlevel section_level;
	bool ctx_items, section_items;	/* numbered items have followed the heading */
	size_t last_line;
	int line_tier;		/* the label a line opens with ("紧急故障：…"), or XT_ALL */
	size_t line_tier_line;
	/* the table being read */
	size_t header[MAX_COLUMNS];	/* a header cell's sentence, or SIZE_MAX */
	bool has_header;
	int table_tier;		/* a group row's tier ("| 紧急故障 | | |") */
	xdur *durs;
	size_t capdurs;
} walker;

/* ---- headings ------------------------------------------------------------- */

static bool
blank_between(const sla_extract *x, size_t from, size_t to)
{
	for (size_t l = from + 1; l < to; l++) {
		size_t k = 0;
		while (k < x->lines[l].n && (x->lines[l].p[k] == ' ' || x->lines[l].p[k] == '\t'))
			k++;
		if (k == x->lines[l].n)
			return true;
	}
	return false;
}

/* What ends before sentence SENT: a heading's tier at a marker of its
 * level or above, or at a blank line after its items; a note section at
 * a marker of its level or above. */
static void
end_headings(walker *w, size_t sent)
{
	const xsent *st = &w->x->sents[sent];
	bool new_line = st->line != w->last_line;
	if (new_line && blank_between(w->x, w->last_line, st->line) && w->ctx_tier != XT_ALL &&
	    w->ctx_used)
		w->ctx_tier = XT_ALL;
	if (st->level != XL_NONE && st->level <= w->ctx_level)
		w->ctx_tier = XT_ALL;
	if (st->level != XL_NONE && st->level <= w->section_level)
		w->section = -1;
	/* a line of prose after the numbered items ends what headed them */
	if (new_line && st->level == XL_NONE && st->col < 0) {
		if (w->ctx_items)
			w->ctx_tier = XT_ALL;
		if (w->section_items)
			w->section = -1;
	}
	if (st->level != XL_NONE) {
		w->ctx_items |= w->ctx_tier != XT_ALL && st->level > w->ctx_level;
		w->section_items |= w->section >= 0 && st->level > w->section_level;
	}
	if (w->x->lines[st->line].file != w->x->lines[w->last_line].file) {
		w->ctx_tier = XT_ALL;
		w->section = -1;
	}
	w->last_line = st->line;
}

/* A heading: of a tier (紧急故障：) or of a kind of note (免责条款). */
static void
open_headings(walker *w, size_t sent, bool has_times)
{
	const xsent *st = &w->x->sents[sent];
	int kind = xnotes_section(w->x, sent);
	if (kind >= 0) {
		w->section = kind;
		w->section_level = st->level != XL_NONE ? st->level : XL_SECTION;
		w->section_items = false;
	}
	if (has_times)
		return;
	int tier = xtier_heading(w->x, sent);
	if (tier != XT_ALL) {
		w->ctx_tier = tier;
		w->ctx_level = st->level != XL_NONE ? st->level : XL_SECTION;
		w->ctx_used = false;
		w->ctx_items = false;
	}
}

/* ---- commitments ---------------------------------------------------------- */

static void
add_commits(walker *w, size_t sent, const xdur *d, const xmetric_hit *hit, int tier, int cal,
	    enum xcalhow how, unsigned extra)
{
	xcommit c = { .sent = sent, .dur = *d, .tier = tier, .cal = cal, .calhow = how,
		      .cal_sent = how == XH_READ ? sent : SIZE_MAX,
		      .cond = -1, .flags = d->flags | hit->flags | extra, .word_b = hit->b,
		      .word_e = hit->e, .dup_of = SIZE_MAX, .custom = hit->custom };
	if (hit->custom >= 0) {
		xadd_commit(w->x, &c);
		return;
	}
	if (!(c.flags & XF_AND)) {
		c.stops = hit->stops;
		xadd_commit(w->x, &c);
		return;
	}
	for (int m = 0; m < XM_NBUILTIN; m++)
		if (hit->stops & XM_BIT(m)) {
			c.stops = XM_BIT(m);
			xadd_commit(w->x, &c);
		}
}

/* The calendar of a commitment from its own words or unit; -1: not
 * known yet (resolved after the walk), -2: an off-hours clause. */
static int
clause_calendar(walker *w, size_t sent, const xdur *d, enum xcalhow *how)
{
	int c = xcal_in_clause(w->x, sent, d->b, d->e);
	*how = XH_READ;
	if (c != -1)
		return c;
	*how = XH_UNIT;
	if (d->unit == XU_WORKDAYS || d->unit == XU_WORKHOURS)
		return xcal_business(w->x);
	if (d->unit == XU_DAYS)
		return xcal_24x7(w->x);
	*how = XH_ASSUMED;
	return -1;
}

/* Why a duration is no target, for the not-expressed list. */
static const char *
no_target_why(unsigned flags)
{
	if (flags & XF_EVERY)
		return "a period (每…): a recurring duty, not a time limit";
	if (flags & XF_ADVANCE)
		return "a notice period (提前…)";
	if (flags & XF_LEAST)
		return "a lower bound (至少, 不少于, 以上), not a time limit";
	return "an overrun (超过, 逾期), not a time limit";
}

static bool
penalty_sentence(walker *w, size_t sent)
{
	const xsent *st = &w->x->sents[sent];
	size_t b, e;
	return w->section == XN_PENALTY ||
	       xfind(w->x->pats, w->x->m, XP_PENALTY, xsent_text(w->x, st), st->n, 0, false, &b, &e);
}

/* The tier of a time at AT in SENT: a label before it, the one its line
 * opens with, or the heading's. */
static int
tier_at(walker *w, size_t sent, size_t at)
{
	int t = xtier_before(w->x, sent, at, 0);
	if (t == XT_ALL && w->line_tier != XT_ALL && w->line_tier_line == w->x->sents[sent].line)
		t = w->line_tier;
	if (t == XT_ALL) {
		t = w->ctx_tier;
		w->ctx_used = true;
	}
	return t;
}

/* A line that opens with a label and a colon gives its tier to the rest
 * of the line ("紧急故障：指系统瘫痪。响应时间15分钟。"), and may define it. */
static void
line_label(walker *w, size_t sent)
{
	const xsent *st = &w->x->sents[sent];
	if (sent > 0 && w->x->sents[sent - 1].line == st->line)
		return;
	size_t end;
	w->line_tier = xtier_line_label(w->x, sent, &end);
	w->line_tier_line = st->line;
	if (w->line_tier != XT_ALL)
		xtier_definition(w->x, sent, w->line_tier, end, false);
}

/* One time limit D of sentence SENT: a condition, a commitment, or a note.
 * HEADER (a table's column heading, or SIZE_MAX) and ROW (the row's
 * heading cells) stand in for words the cell lacks.  True when it became
 * a commitment. */
typedef struct cell_ctx {
	size_t header;		/* SIZE_MAX: none */
	size_t row_metric;	/* a cell of the row that names the metric, or SIZE_MAX */
	int row_tier;		/* XT_ALL: none */
} cell_ctx;

/* "市区4小时，郊县8小时": a time whose clause names a place, for a metric
 * and tier the sentence has already given a time. */
static bool
second_place(walker *w, size_t sent, const xdur *d, const xmetric_hit *hit, int tier)
{
	const sla_extract *x = w->x;
	if (!xmetric_place(w->x, sent, d))
		return false;
	for (size_t i = x->ncommits; i-- > 0 && x->commits[i].sent == sent;)
		if (x->commits[i].tier == tier && x->commits[i].stops == hit->stops &&
		    x->commits[i].custom == hit->custom)
			return true;
	return false;
}

static bool
one_time(walker *w, size_t sent, const xdur *durs, size_t nd, size_t j, const cell_ctx *cell)
{
	sla_extract *x = w->x;
	const xdur *d = &durs[j];
	bool penalty = penalty_sentence(w, sent);
	if (xmetric_condition(x, sent, d)) {
		xcond c = { .sent = sent, .b = d->b, .e = d->e, .secs = d->secs + d->wd * 8 * 3600 };
		if (!sla_grow((void **)&x->conds, &x->capconds, x->nconds + 1, sizeof c))
			x->oom = true;
		else
			x->conds[x->nconds++] = c;
		return false;
	}
	if (d->flags & XF_NOT_TARGET) {
		if (!penalty && !(d->flags & XF_ORDINAL))
			xnote_add(x, XN_NOT_EXPRESSED, sent, "%s", no_target_why(d->flags));
		return false;
	}
	if (penalty && !(d->flags & XF_WITHIN))
		return false;	/* the unit of a rate: 每超时1小时 */
	xmetric_hit hit;
	bool found = xmetric_find(x, sent, durs, nd, j, &hit);
	if (!found && cell && cell->header != SIZE_MAX)
		found = xmetric_of_sentence(x, cell->header, &hit);
	if (!found && cell && cell->row_metric != SIZE_MAX)
		found = xmetric_of_sentence(x, cell->row_metric, &hit);
	if (!found) {
		if ((d->flags & XF_WITHIN) && !penalty && w->section != XN_EXCLUSION)
			xnote_add(x, XN_NOT_EXPRESSED, sent,
				  "a time limit for a step that is none of the metrics");
		return false;
	}
	if (cell) {	/* the words came from a heading cell: no span in this one */
		hit.flags |= XF_TABLE;
		if (hit.e > x->sents[sent].n || hit.b >= hit.e)
			hit.b = hit.e = 0;
	}
	int tier = xtier_before(x, sent, d->b, 0);
	if (tier == XT_ALL && cell && cell->header != SIZE_MAX)
		tier = xtier_any(x, cell->header) != XT_ALL
			? xtier_before(x, cell->header, x->sents[cell->header].n, 0) : XT_ALL;
	if (tier == XT_ALL && cell)
		tier = cell->row_tier;
	if (tier == XT_ALL)
		tier = tier_at(w, sent, 0);
	enum xcalhow how;
	int cal = clause_calendar(w, sent, d, &how);
	if (cal == -1 && cell && cell->header != SIZE_MAX) {
		const xsent *h = &x->sents[cell->header];
		int hc = xcal_in_clause(x, cell->header, 0, h->n);
		if (hc >= 0) {
			cal = hc;
			how = XH_READ;
		}
	}
	if (cal == -2) {
		xnote_add(x, XN_NOT_EXPRESSED, sent,
			  "a time for outside working hours: a second calendar of one tier");
		return false;
	}
	if (second_place(w, sent, d, &hit, tier)) {
		xnote_add(x, XN_NOT_EXPRESSED, sent,
			  "a second place's time (市区, 郊县): a tier has one target a metric");
		return false;
	}
	add_commits(w, sent, d, &hit, tier, cal, how, xmetric_share(x, sent, d));
	return true;
}

/* Conditions of SENT on its commitments from index FIRST: a condition
 * holds the commitments of its part after it, else those after it, else
 * a replacement anywhere in the sentence ("提供备机，如果8小时内无法修复");
 * the times before it that are no replacement are not its ("1小时内响应，
 * 12小时内修复，如12小时内不能修复，提供备用机"). */
static void
bind_conditions(walker *w, size_t sent, size_t first)
{
	sla_extract *x = w->x;
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	for (size_t k = 0; k < x->nconds; k++) {
		xcond *c = &x->conds[k];
		if (c->sent != sent || c->used)
			continue;
		size_t pb, pe;
		xsent_part(s, st->n, c->b, &pb, &pe);
		for (int pass = 0; pass < 3 && !c->used; pass++)
			for (size_t i = first; i < x->ncommits; i++) {
				xcommit *cm = &x->commits[i];
				size_t at = cm->dur.b;
				bool ok = pass == 0 ? at > c->b && at < pe : pass == 1 ? at > c->b
					  : cm->stops == XM_BIT(XM_REPLACEMENT);
				if (cm->sent == sent && cm->cond < 0 && ok) {
					cm->cond = (int)k;
					c->used = true;
				}
			}
		if (!c->used)
			xnote_add(x, XN_NOT_EXPRESSED, sent, "a condition with no time limit it governs");
	}
}

static void
read_sentence(walker *w, size_t sent)
{
	sla_extract *x = w->x;
	end_headings(w, sent);
	line_label(w, sent);
	size_t nd = xdur_find(x, sent, &w->durs, &w->capdurs), first = x->ncommits;
	open_headings(w, sent, nd > 0);
	bool any = false;
	for (size_t j = 0; j < nd; j++)
		any |= one_time(w, sent, w->durs, nd, j, NULL);
	bind_conditions(w, sent, first);
	xnotes_sentence(x, sent, w->section);
	if (!any && xmetric_has(x, sent, XM_REPLACEMENT))
		xnote_add(x, XN_NOT_EXPRESSED, sent, "a replacement unit promised with no time");
	/* a calendar said in a sentence without times is said of its tiers;
	 * with a time, it is that commitment's (clause_calendar) */
	xcal_statements(x, sent, w->ctx_tier, nd == 0);
}

/* ---- tables --------------------------------------------------------------- */

/* The times of table cell CELL into W->durs: its own, or a bare number
 * under a header that gives the unit. */
static size_t
cell_times(walker *w, size_t cell, size_t header)
{
	size_t nd = xdur_find(w->x, cell, &w->durs, &w->capdurs);
	if (nd == 0 && header != SIZE_MAX)
		nd = xdur_bare(w->x, cell, header, &w->durs, &w->capdurs);
	return nd;
}

static size_t
header_of(const walker *w, size_t cell)
{
	int col = w->x->sents[cell].col;
	return col >= 0 && col < MAX_COLUMNS ? w->header[col] : SIZE_MAX;
}

/* The row of cells [FROM, TO) (one line): a header, a group row or data. */
static void
read_row(walker *w, size_t from, size_t to, bool first_row)
{
	sla_extract *x = w->x;
	end_headings(w, from);
	if (first_row) {
		w->has_header = false;
		w->table_tier = XT_ALL;
		for (size_t c = 0; c < MAX_COLUMNS; c++)
			w->header[c] = SIZE_MAX;
	}
	bool times = false;
	for (size_t i = from; i < to && !times; i++)
		times = cell_times(w, i, w->has_header ? header_of(w, i) : SIZE_MAX) > 0;
	cell_ctx cell = { .header = SIZE_MAX, .row_metric = SIZE_MAX, .row_tier = XT_ALL };
	for (size_t i = from; i < to; i++) {
		size_t h = w->has_header ? header_of(w, i) : SIZE_MAX;
		if (cell_times(w, i, h) > 0 || (h != SIZE_MAX && xtier_definition_column(x, h)))
			continue;
		xmetric_hit hit;
		if (cell.row_metric == SIZE_MAX && xmetric_of_sentence(x, i, &hit))
			cell.row_metric = i;
		if (cell.row_tier == XT_ALL && xtier_any(x, i) != XT_ALL)
			cell.row_tier = xtier_before(x, i, x->sents[i].n, 0);
	}
	if (!times) {
		if (!w->has_header) {
			for (size_t i = from; i < to; i++)
				if (x->sents[i].col >= 0 && x->sents[i].col < MAX_COLUMNS)
					w->header[x->sents[i].col] = i;
			w->has_header = true;
		} else if (cell.row_tier != XT_ALL) {
			w->table_tier = cell.row_tier;
		}
		for (size_t i = from; i < to; i++) {
			xnotes_sentence(x, i, w->section);
			xcal_statements(x, i, w->ctx_tier, true);
		}
		return;
	}
	if (cell.row_tier == XT_ALL)
		cell.row_tier = w->table_tier;
	for (size_t i = from; i < to; i++) {
		cell.header = w->has_header ? header_of(w, i) : SIZE_MAX;
		if (cell.header != SIZE_MAX && cell.row_tier != XT_ALL &&
		    xtier_definition_column(x, cell.header))
			xtier_definition(x, i, cell.row_tier, 0, true);
		size_t nd = cell_times(w, i, cell.header), first = x->ncommits;
		for (size_t j = 0; j < nd; j++)
			one_time(w, i, w->durs, nd, j, &cell);
		bind_conditions(w, i, first);
		xnotes_sentence(x, i, w->section);
		xcal_statements(x, i, cell.row_tier != XT_ALL ? cell.row_tier : w->ctx_tier, nd == 0);
	}
}

/* ---- after the walk ------------------------------------------------------- */

/* The calendar of each commitment that named none: what the letter says of
 * its tier, else of all its service, else round the clock. */
static void
resolve_calendars(sla_extract *x)
{
	for (size_t i = 0; i < x->ncommits; i++) {
		xcommit *c = &x->commits[i];
		if (c->cal >= 0)
			continue;
		c->cal = 0;
		c->calhow = XH_ASSUMED;
		for (size_t k = 0; k < x->ncalnotes; k++)
			if (c->tier != XT_ALL && x->calnotes[k].tier == c->tier) {
				c->cal = x->calnotes[k].cal;
				c->calhow = XH_TIER;
				c->cal_sent = x->calnotes[k].sent;
				break;
			}
		if (c->calhow != XH_ASSUMED)
			continue;
		for (size_t k = 0; k < x->ncalnotes; k++)
			if (x->calnotes[k].tier == XT_ALL) {
				c->cal = x->calnotes[k].cal;
				c->calhow = XH_LETTER;
				c->cal_sent = x->calnotes[k].sent;
				break;
			}
	}
}

static int64_t
cond_secs(const sla_extract *x, const xcommit *c)
{
	return c->cond >= 0 ? x->conds[c->cond].secs : -1;
}

/* A commitment that says again what an earlier one said (a letter that
 * repeats its terms) is marked as a repeat of it: a map from what a
 * commitment says to its first commitment, so a long text costs a lookup
 * a commitment. */
static bool
mark_repeats(sla_extract *x)
{
	sla_map *seen = sla_map_new();
	size_t *first = x->ncommits ? calloc(x->ncommits, sizeof *first) : NULL;
	bool ok = seen && (first || !x->ncommits);
	for (size_t i = 0; ok && i < x->ncommits; i++) {
		xcommit *c = &x->commits[i];
		struct { int64_t secs, wd, cond; int tier, custom, cal, unit; unsigned stops; } key;
		memset(&key, 0, sizeof key);	/* no padding bytes of chance */
		key.secs = c->dur.secs;
		key.wd = c->dur.wd;
		key.cond = cond_secs(x, c);
		key.tier = c->tier;
		key.custom = c->custom;
		key.cal = c->cal;
		key.unit = (int)c->dur.unit;
		key.stops = c->stops;
		bool added;
		size_t k = sla_map_intern(seen, (const char *)&key, sizeof key, &added);
		if (k == SLA_MAP_NONE) {
			ok = false;
			break;
		}
		if (added)
			first[k] = i;
		else
			c->dup_of = first[k];
		if ((c->stops & XM_BIT(XM_REPLACEMENT)) && c->cond < 0)
			c->flags |= XF_COND_DEFAULT;
	}
	sla_map_free(seen);
	free(first);
	if (!ok)
		x->oom = true;
	return ok;
}

int
sla_extract_run(sla_extract *x, const sla_diag *d)
{
	walker w = { .x = x, .ctx_tier = XT_ALL, .section = -1, .line_tier = XT_ALL };
	if (!xsent_cut_all(x)) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < x->nsents && !x->oom;) {
		if (x->sents[i].col < 0) {
			read_sentence(&w, i++);
			continue;
		}
		size_t j = i;
		while (j < x->nsents && x->sents[j].line == x->sents[i].line)
			j++;
		bool first_row = i == 0 || x->sents[i - 1].col < 0;
		for (size_t l = i > 0 ? x->sents[i - 1].line + 1 : 0; !first_row && l < x->sents[i].line; l++)
			first_row = !xsent_rule_row(&x->lines[l]);
		read_row(&w, i, j, first_row);
		i = j;
	}
	free(w.durs);
	resolve_calendars(x);
	mark_repeats(x);
	if (x->oom) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}

size_t
sla_extract_ntargets(const sla_extract *x)
{
	size_t n = 0;
	for (size_t i = 0; i < x->ncommits; i++)
		n += x->commits[i].stops != 0 && x->commits[i].dup_of == SIZE_MAX;
	return n;
}
