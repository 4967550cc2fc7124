/* draft.c: the policy draft (sla-policy(5)) of a letter: [policy], the
 * calendars and metric sections it needs, one [tier] a class, then as
 * comments the custom metrics to complete, the 违约责任 clauses with the
 * amounts they state, the exclusions, and what it could not express.
 *
 * Every value cites its line and sentence; a value inferred rather than
 * read says "; review:" and why, so that `grep review:` lists every guess.
 * The draft loads with `sla-check --lint` as written: custom metrics
 * whose stop column no export has, and penalties whose tier and metric the
 * letter does not say, stay comments. */
#include <stdio.h>
#include <string.h>

#include "draft_model.h"
#include "sla_textwidth.h"
#include "sla_utf8.h"

enum { CITE_CHARS = 88 };	/* columns: 44 Chinese characters */

/* ---- citations ------------------------------------------------------------ */

void
xwhere(const sla_extract *x, size_t sent, char *buf, size_t n)
{
	const xline *l = &x->lines[x->sents[sent].line];
	if (x->nfiles > 1)
		snprintf(buf, n, "%s:%lu", x->files[l->file], l->no);
	else
		snprintf(buf, n, "line %lu", l->no);
}

/* The offset COLS columns before (COLS < 0) or after AT in S[0..N), a
 * whole character at a time. */
static size_t
step_chars(const char *s, size_t n, size_t at, long cols)
{
	while (cols < 0 && at > 0) {
		size_t j = at;
		do
			j--;
		while (j > 0 && sla_utf8_continuation((unsigned char)s[j]));
		cols += (long)sla_text_width(s + j, at - j);
		at = j;
	}
	while (cols > 0 && at < n) {
		size_t j = at;
		do
			j++;
		while (j < n && sla_utf8_continuation((unsigned char)s[j]));
		cols -= (long)sla_text_width(s + at, j - at);
		at = j;
	}
	return at;
}

/* The size of S[0..N) in citation units: a wide character (CJK) counts 2,
 * any other 1, so that a Chinese and an English citation are alike long. */
static size_t
count_chars(const char *s, size_t n)
{
	return sla_text_width(s, n);
}

void
xcite(const sla_extract *x, size_t sent, size_t b, size_t e, size_t maxch, char *buf, size_t n)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t len = st->n, from = 0;
	if (b > st->n || e > st->n || e < b)
		b = e = 0;
	if (st->col >= 0) {	/* a table cell: its row says what it is */
		const xline *l = &x->lines[st->line];
		s = l->p;
		len = l->n;
		b += st->off;
		e += st->off;
	}
	size_t to = len;
	if (count_chars(s, len) > maxch) {
		size_t focus = count_chars(s + b, e - b);
		long side = focus < maxch ? (long)(maxch - focus) / 2 : 0;
		from = step_chars(s, len, b, -side);
		to = step_chars(s, len, e, side + side - (long)count_chars(s + from, b - from));
		if (to == len)
			from = step_chars(s, len, from, -(long)(maxch - count_chars(s + from, to - from)));
	}
	size_t o = 0;
	if (n < 16)
		return;
	o += (size_t)snprintf(buf, n, "「%s", from > 0 ? "…" : "");
	for (size_t i = from; i < to && o + 8 < n; i++)
		buf[o++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
	while (o > 0 && o + 8 >= n && sla_utf8_continuation((unsigned char)buf[o]))
		o--;
	snprintf(buf + o, n - o, "%s」", to < len ? "…" : "");
}

/* The citation of commitment C: its time and its metric word. */
static void
cite_commit(const sla_extract *x, const xcommit *c, char *buf, size_t n)
{
	size_t b = c->dur.b, e = c->dur.e;
	if (c->word_e > c->word_b && !(c->flags & XF_TABLE)) {
		if (c->word_b < b)
			b = c->word_b;
		if (c->word_e > e)
			e = c->word_e;
	}
	char where[300], cite[400];
	xwhere(x, c->sent, where, sizeof where);
	xcite(x, c->sent, b, e, CITE_CHARS, cite, sizeof cite);
	snprintf(buf, n, "%s %s", where, cite);
}

/* ---- values --------------------------------------------------------------- */

typedef struct out {
	FILE *f;
	const draft_model *dm;
	const sla_extract *x;
} out;

/* The review reasons of value V (of key K), ";"-joined, in BUF. */
static void
reasons(const out *o, const dm_value *v, char *buf, size_t n)
{
	static const struct { unsigned flag; const char *why; } flags[] = {
		{ XF_APPROX, "the letter says about this time (约, 左右): taken as the limit" },
		{ XF_PART_WD, "part of a working day: hours of an 8-hour day" },
		{ XF_REPLY_BARE, "回复 names no request: read as the response" },
		{ XF_FAR_METRIC, "the step is named away from the time" },
		{ XF_AND, "one time for two steps" },
		{ XF_REMOTE, "remote or telephone support read as the response" },
		{ XF_RESTORE, "恢复 (restoring service) read as the fix: a workaround?" },
	};
	const xcommit *c = &o->x->commits[v->commit];
	size_t k = 0;
	buf[0] = '\0';
	if (c->flags & XF_RANGE) {
		char lo[32], hi[32];
		xdur_format(&c->dur, true, lo, sizeof lo);
		xdur_format(&c->dur, false, hi, sizeof hi);
		k += (size_t)snprintf(buf + k, n - k, "a range %s~%s: the upper bound binds the provider",
				      lo, hi);
	}
	for (size_t i = 0; i < sizeof flags / sizeof *flags && k < n; i++)
		if (c->flags & flags[i].flag)
			k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? "; " : "", flags[i].why);
	if (v->inherited && k < n)
		k += (size_t)snprintf(buf + k, n - k, "%sfrom the clause for all requests", k ? "; " : "");
	for (size_t i = 0; i < v->nothers && k < n; i++) {
		const xcommit *oc = &o->x->commits[v->others[i]];
		char t[32], where[300];
		xdur_format(&oc->dur, false, t, sizeof t);
		xwhere(o->x, oc->sent, where, sizeof where);
		k += (size_t)snprintf(buf + k, n - k, "%s%s also says %s: the smaller kept",
				      k ? "; " : "", where, t);
	}
}

/* "key = value" padded to WIDTH, then the comment. */
static void
line_kv(const out *o, const char *prefix, const char *key, int width, const char *value,
	const char *comment)
{
	int kv = fprintf(o->f, "%s%-*s = %s", prefix, width, key, value);
	if (comment && comment[0])
		fprintf(o->f, "%*s; %s", kv < 28 ? 28 - kv : 1, "", comment);
	fputc('\n', o->f);
}

static void
value_line(const out *o, const char *prefix, const char *key, int width, const dm_value *v)
{
	const xcommit *c = &o->x->commits[v->commit];
	char t[32], why[1024], cite[800], comment[2000];
	xdur_format(&c->dur, false, t, sizeof t);
	reasons(o, v, why, sizeof why);
	cite_commit(o->x, c, cite, sizeof cite);
	if (why[0])
		snprintf(comment, sizeof comment, "review: %s — %s", why, cite);
	else
		snprintf(comment, sizeof comment, "%s", cite);
	line_kv(o, prefix, key, width, t, comment);
}

/* ---- sections ------------------------------------------------------------- */

static bool
line_blank(const xline *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->p[i] != ' ' && l->p[i] != '\t')
			return false;
	return true;
}

/* Where WORD first stands in S[FROM..N), or SIZE_MAX. */
static size_t
find(const char *s, size_t n, size_t from, const char *word)
{
	size_t k = strlen(word);
	for (size_t i = from; i + k <= n; i++)
		if (memcmp(s + i, word, k) == 0)
			return i;
	return SIZE_MAX;
}

/* The contract's name: the letter's first line, cut after its title word
 * (承诺书, 协议) or at 40 columns when it is long; a ';' would start a comment. */
static void
title(const sla_extract *x, char *buf, size_t n, unsigned long *line)
{
	static const char *const words[] = { "承诺书", "承诺函", "协议书", "协议", "合同" };
	buf[0] = '\0';
	*line = 0;
	for (size_t i = 0; i < x->nlines; i++) {
		const xline *l = &x->lines[i];
		if (line_blank(l))
			continue;
		size_t b = 0, e = l->n;
		while (b < e && (l->p[b] == ' ' || l->p[b] == '\t' || l->p[b] == '#'))
			b++;
		size_t cut = sla_text_width(l->p + b, e - b) <= 60 ? e : step_chars(l->p, e, b, 40);
		for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
			size_t at = find(l->p, e, b, words[w]);
			if (at != SIZE_MAX && at + strlen(words[w]) < cut) {
				cut = at + strlen(words[w]);
				break;
			}
		}
		size_t k = 0;
		for (size_t j = b; j < cut && k + 1 < n; j++)
			buf[k++] = l->p[j] == ';' || (unsigned char)l->p[j] < 0x20 ? ' ' : l->p[j];
		while (k > 0 && buf[k - 1] == ' ')
			k--;
		buf[k] = '\0';
		*line = l->no;
		return;
	}
}

static bool
has_amounts(const sla_extract *x)
{
	for (size_t i = 0; i < x->nnotes; i++)	/* money, not only percentages */
		if (x->notes[i].kind == XN_PENALTY && strstr(x->notes[i].why, "penalty = "))
			return true;
	return false;
}

static const dm_tier *
rest_tier(const draft_model *dm)
{
	for (size_t t = 0; t < dm->ntiers; t++)
		if (dm->tiers[t].rest)
			return &dm->tiers[t];
	return NULL;
}

static void
policy_section(const out *o)
{
	char name[256], comment[160];
	unsigned long line;
	title(o->x, name, sizeof name, &line);
	fprintf(o->f, "[policy]\n");
	if (name[0]) {
		snprintf(comment, sizeof comment, "review: the letter's title, line %lu", line);
		line_kv(o, "", "name", 12, name, comment);
	}
	if (o->x->opts.tz)
		line_kv(o, "", "timezone", 12, o->x->opts.tz, "--tz");
	else
		line_kv(o, "", "timezone", 12, "Asia/Shanghai",
			"review: the letter names no timezone (--tz sets one)");
	if (has_amounts(o->x))
		line_kv(o, "", "currency", 12, "CNY", "review: the amounts below are in 元");
	const dm_tier *rest = rest_tier(o->dm);
	if (rest && rest->ntargets)
		line_kv(o, "", "default_tier", 12, xtier_name(o->x, rest->cls),
			"review: a ticket of no tier has the commitments for all requests");
	fputc('\n', o->f);
}

static bool
calendar_used(const draft_model *dm, int cal)
{
	for (size_t t = 0; t < dm->ntiers; t++)	/* by a written tier's target */
		for (size_t k = 0; k < dm->nkeys; k++)
			if (dm->tiers[t].ntargets && dm->keys[k].stops && dm->tiers[t].val[k] &&
			    dm_value_cal(dm, dm->tiers[t].val[k]) == cal)
				return true;
	return false;
}

static void
calendar_sections(const out *o)
{
	static const char *const days[] = { "", "", "", "", "", "mon-fri", "mon-sat", "mon-sun" };
	for (size_t i = 1; i < o->x->ncals; i++) {
		const xcal *c = &o->x->cals[i];
		if (!calendar_used(o->dm, (int)i))
			continue;
		char cite[800] = "", where[300], comment[1200];
		fprintf(o->f, "[calendar %s]\n", c->name);
		if (c->hours_read && c->sent != SIZE_MAX) {
			xwhere(o->x, c->sent, where, sizeof where);
			xcite(o->x, c->sent, 0, 0, CITE_CHARS, cite, sizeof cite);
			snprintf(comment, sizeof comment, "%s %s", where, cite);
		} else {
			snprintf(comment, sizeof comment,
				 "review: the letter states no hours: those of the embedded 5x8");
		}
		line_kv(o, "", days[c->days], 8, c->hours, comment);
		const char *why = o->x->working_days ? "the letter speaks of working days"
			: "review: the letter does not say whether public holidays are worked";
		line_kv(o, "", "holidays", 8, "cn", why);
		line_kv(o, "", "workdays", 8, "cn", "make-up working days (调休)");
		fputc('\n', o->f);
	}
}

/* Whether key K is set in any tier. */
static bool
key_used(const draft_model *dm, size_t k)
{
	for (size_t t = 0; t < dm->ntiers; t++)
		if (dm->tiers[t].val[k])
			return true;
	return false;
}

static void
stop_list(const dm_key *k, char *buf, size_t n)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int m = 0; m < XM_NBUILTIN && o < n; m++)
		if (k->stops & XM_BIT(m))
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? " | " : "",
					      xmetric_stop_columns[m]);
	if (k->stops == XM_BIT(XM_REPLACEMENT) && o < n)
		snprintf(buf + o, n - o, " | resolved");
}

static void
when_line(const out *o, const dm_key *k)
{
	xdur d = { .secs = k->cond >= 0 ? k->cond : 8 * 3600, .unit = XU_TIME };
	char t[32], v[64], cite[800], where[300], comment[1200];
	xdur_format(&d, false, t, sizeof t);
	snprintf(v, sizeof v, "resolve > %s", t);
	const xcommit *c = &o->x->commits[k->first];
	if (k->cond >= 0 && c->cond >= 0) {
		const xcond *cd = &o->x->conds[c->cond];
		xwhere(o->x, cd->sent, where, sizeof where);
		xcite(o->x, cd->sent, cd->b, cd->e, CITE_CHARS, cite, sizeof cite);
		snprintf(comment, sizeof comment, "%s %s", where, cite);
	} else {
		snprintf(comment, sizeof comment,
			 "review: the letter states no condition: the built-in's");
	}
	line_kv(o, "", "when", 5, v, comment);
}

static void
metric_sections(const out *o)
{
	for (size_t k = 0; k < o->dm->nkeys; k++) {
		const dm_key *key = &o->dm->keys[k];
		bool replacement = key->stops == XM_BIT(XM_REPLACEMENT);
		if (!key_used(o->dm, k) || key->stops == 0 || (!key->section && !replacement))
			continue;
		char stops[128], cite[800];
		stop_list(key, stops, sizeof stops);
		cite_commit(o->x, &o->x->commits[key->first], cite, sizeof cite);
		if (key->stops & (key->stops - 1))
			fprintf(o->f, "; either step stops the clock, %s\n", cite);
		else if (!replacement)
			fprintf(o->f, "; only when the fault is not fixed in time, %s\n", cite);
		else
			fprintf(o->f, "; a replacement unit, until the replacement or the repair\n");
		fprintf(o->f, "[metric %s]\n", key->name);
		line_kv(o, "", "start", 5, "opened", NULL);
		line_kv(o, "", "stop", 5, stops, NULL);
		if (key->cond >= 0 || replacement)
			when_line(o, key);
		fputc('\n', o->f);
	}
}

/* The labels of class CLS as the letter writes them: "紧急服务请求, 紧急". */
static void
labels_of(const sla_extract *x, int cls, char *buf, size_t n)
{
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < x->nlabels && o < n; i++)
		if (x->labels[i].tier == cls)
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? ", " : "", x->labels[i].word);
}

static int
key_width(const draft_model *dm, const dm_tier *t)
{
	int w = 8;
	for (size_t k = 0; k < dm->nkeys; k++)
		if (t->val[k] && dm->keys[k].stops) {
			int n = (int)strlen(dm->keys[k].name);
			bool cal = dm_value_cal(dm, t->val[k]) != t->cal;
			n += cal ? 9 : 0;
			if (n > w)
				w = n;
		}
	return w;
}

static void
calendar_line(const out *o, const char *key, int width, int cal, const dm_value *v)
{
	const xcommit *c = &o->x->commits[v->commit];
	char comment[1200], where[300], cite[800];
	switch (c->calhow) {
	case XH_READ:
	case XH_TIER:
		xwhere(o->x, c->cal_sent != SIZE_MAX ? c->cal_sent : c->sent, where, sizeof where);
		xcite(o->x, c->cal_sent != SIZE_MAX ? c->cal_sent : c->sent, 0, 0, CITE_CHARS, cite,
		      sizeof cite);
		snprintf(comment, sizeof comment, "%s %s", where, cite);
		break;
	case XH_UNIT:
		snprintf(comment, sizeof comment, "the targets are in %s",
			 c->dur.unit == XU_DAYS ? "calendar days" : "working days or hours");
		break;
	case XH_LETTER:
		xwhere(o->x, c->cal_sent, where, sizeof where);
		xcite(o->x, c->cal_sent, 0, 0, CITE_CHARS, cite, sizeof cite);
		snprintf(comment, sizeof comment,
			 "review: what the letter says of all its service — %s %s", where, cite);
		break;
	default:
		snprintf(comment, sizeof comment,
			 "review: the letter states no hours for these targets: round the clock");
	}
	line_kv(o, "", key, width, o->x->cals[cal].name, comment);
}

static void
tier_section(const out *o, const dm_tier *t)
{
	const draft_model *dm = o->dm;
	char labels[512];
	labels_of(o->x, t->cls, labels, sizeof labels);
	if (t->labelled && labels[0])
		fprintf(o->f, "; %s\n", labels);
	if (t->rest)
		fprintf(o->f, "; %s\n", t->labelled ? "and the requests the letter gives no tier"
						     : "the requests the letter gives no tier");
	fprintf(o->f, "[tier %s]\n", xtier_name(o->x, t->cls));
	int width = key_width(dm, t);
	const dm_value *first = NULL;
	for (size_t k = 0; k < dm->nkeys && !first; k++)
		if (t->val[k] && dm->keys[k].stops && dm_value_cal(dm, t->val[k]) == t->cal)
			first = t->val[k];
	if (first)
		calendar_line(o, "calendar", width, t->cal, first);
	else
		line_kv(o, "", "calendar", width, "24x7", "review: no target of this tier");
	for (size_t k = 0; k < dm->nkeys; k++) {
		const dm_value *v = t->val[k];
		if (!v || !dm->keys[k].stops)
			continue;
		int cal = dm_value_cal(dm, v);
		if (cal != t->cal) {
			char key[80];
			snprintf(key, sizeof key, "calendar.%s", dm->keys[k].name);
			calendar_line(o, key, width, cal, v);
		}
		value_line(o, "", dm->keys[k].name, width, v);
	}
	fputc('\n', o->f);
}

static void
custom_sections(const out *o)
{
	const draft_model *dm = o->dm;
	bool any = false;
	for (size_t k = 0; k < dm->nkeys; k++) {
		const dm_key *key = &dm->keys[k];
		if (key->stops || !key_used(dm, k))
			continue;
		if (!any)
			fprintf(o->f, "; Other commitments, which no built-in metric measures.  To keep one,\n"
				      "; name the ticket column its clock stops at, and uncomment.\n");
		any = true;
		fprintf(o->f, "; [metric %s]\n;   start = opened\n;   stop  = %s_at"
			      "            ; review: a column of your export\n", key->name, key->name);
		for (size_t t = 0; t < dm->ntiers; t++) {
			const dm_value *v = dm->tiers[t].val[k];
			if (!v)
				continue;
			char prefix[64];
			snprintf(prefix, sizeof prefix, ";   [tier %s] ", xtier_name(o->x, dm->tiers[t].cls));
			value_line(o, prefix, key->name, 0, v);
		}
	}
	if (any)
		fputc('\n', o->f);
}

static void
notes_of(const out *o, enum xnote kind, const char *head)
{
	bool any = false;
	for (size_t i = 0; i < o->x->nnotes; i++) {
		const xnote_t *n = &o->x->notes[i];
		if (n->kind != kind)
			continue;
		if (!any)
			fprintf(o->f, "%s", head);
		any = true;
		char where[300], cite[800];
		xwhere(o->x, n->sent, where, sizeof where);
		xcite(o->x, n->sent, 0, 0, 2 * CITE_CHARS, cite, sizeof cite);
		fprintf(o->f, ";   %s %s\n", where, cite);
		if (n->why[0] && kind == XN_PENALTY)
			fprintf(o->f, ";     suggested: %s   ; review: %s\n", n->why,
				strncmp(n->why, "penalty", 7) == 0 ? "for which tiers and metrics?"
				: "[penalties] takes it, with the fee (sla-policy(5))");
		else if (n->why[0])
			fprintf(o->f, ";     %s\n", n->why);
	}
	if (any)
		fputc('\n', o->f);
}

static void
header(const out *o, const char *rules_name)
{
	const sla_extract *x = o->x;
	fprintf(o->f, "; Policy draft (sla-policy(5)) written by sla-extract from\n;   %s\n",
		x->nfiles ? x->files[0] : "<stdin>");
	fprintf(o->f, "; Each value cites the line and sentence it was read from; \"review:\"\n"
		      "; marks what was inferred rather than read, and why.  Check every value\n"
		      "; against the signed letter, then: sla-check --lint --policy FILE\n");
	if (rules_name)
		fprintf(o->f, "; The tiers' rules for sla-classify: %s\n", rules_name);
	if (o->dm->ntargets == 0)
		fprintf(o->f, ";\n; No service commitment found: the letter sets no time for a response,\n"
			      "; an engineer on site, a workaround, a fix or a replacement, so the\n"
			      "; draft defines no tier.\n");
	else {
		size_t n = 0;
		for (size_t t = 0; t < o->dm->ntiers; t++)
			n += o->dm->tiers[t].ntargets > 0;
		fprintf(o->f, "; %zu target%s in %zu tier%s:", o->dm->ntargets,
			o->dm->ntargets == 1 ? "" : "s", n, n == 1 ? "" : "s");
		for (size_t t = 0; t < o->dm->ntiers; t++)
			if (o->dm->tiers[t].ntargets)
				fprintf(o->f, " %s", xtier_name(o->x, o->dm->tiers[t].cls));
		fprintf(o->f, ".\n");
	}
	fputc('\n', o->f);
}

int
sla_extract_write_policy(const sla_extract *x, const char *rules_name, FILE *f)
{
	draft_model dm;
	draft_model_build(&dm, x);
	out o = { .f = f, .dm = &dm, .x = x };
	header(&o, rules_name);
	policy_section(&o);
	calendar_sections(&o);
	metric_sections(&o);
	for (size_t t = 0; t < dm.ntiers; t++)
		if (dm.tiers[t].ntargets)
			tier_section(&o, &dm.tiers[t]);
	custom_sections(&o);
	notes_of(&o, XN_PENALTY,
		 "; 违约责任: what the letter says a missed commitment costs.  Amounts go\n"
		 "; into the tiers' penalty keys and [penalties] (sla-policy(5), PENALTIES):\n");
	notes_of(&o, XN_EXCLUSION,
		 "; Exclusions: a ticket so caused takes a reason in the export's exclude\n"
		 "; column (sla-check(1)); no policy key says them:\n");
	notes_of(&o, XN_NOT_EXPRESSED, "; not expressed: commitments no policy key can say:\n");
	if (dm.over)
		fprintf(f, "; not expressed: more kinds of commitment than a draft holds (%d);\n"
			   "; sla-extract --format tsv lists them all\n", DM_MAX_KEYS);
	return ferror(f) ? -1 : 0;
}
