/* classifier.c: the classifier (DESIGN §7): binding a rule set's fields to
 * a stream's header, running the rules on each record, flagging a record
 * that cannot be classified, the counts and -v report, and
 * sla_classify_stream.
 *
 * Patterns are compiled once (rules.c) and run here with one match context
 * (match limit, depth limit, JIT stack) and one match data block for the
 * whole stream, so a record costs no allocation.  Each field is unescaped
 * at most once per record, only when it holds an escape, and checked as
 * UTF-8 the first time a rule reads it.  What a rule line gave on a short
 * text (a priority, a category) is remembered (match_memo.h), so the few
 * values that come on every ticket are matched once each.
 *
 * Not here: reading rules files and the rule set's lifetime (rules.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_memo.h"
#include "rules_int.h"
#include "sla_canon.h"
#include "sla_mem.h"
#include "sla_utf8.h"

/* A hostile field against a catastrophic pattern must end quickly: (a+)+$
 * on 100 kB of "a" gives up within a few milliseconds at these limits,
 * while a legitimate pattern scanning a long description stays far below
 * them (the match limit counts backtracking, not subject bytes). */
enum {
	MATCH_LIMIT = 1000000,
	DEPTH_LIMIT = 10000,
	JIT_STACK_START = 32 * 1024,
	JIT_STACK_MAX = 1024 * 1024,
};

const char *const sla_classify_columns[SLA_CLASSIFY_NCOLS] = { "tier", "rule", "error" };

/* What one record's field looks like to the matcher, found once. */
typedef struct field_text {
	unsigned long seen;	/* the record number it was found for */
	unsigned char *memo;	/* each rule line's result on it, or NULL */
	bool found;		/* its text below is found */
	bool utf_checked;
	bool decoded;		/* the text is at scratch + off, else the field itself */
	size_t off, len;
} field_text;

/* Why a record could not be classified. */
typedef struct match_failure {
	int rc;			/* PCRE2's error code */
	size_t rule;
	int col;
	size_t at;		/* for a UTF-8 error, its byte offset */
} match_failure;

struct sla_classifier {
	const sla_rules *rs;
	const sla_field *header;
	sla_classify_opts opts;
	int tier_col, rule_col, error_col;
	int **rule_cols;	/* per rule: its fields' column indexes, -1 absent */

	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	pcre2_match_data *md;
	match_memo *memo;	/* results on short texts seen before; NULL: none */

	unsigned long record;
	field_text *texts;	/* per column */
	size_t ncols;
	char *scratch;		/* unescaped fields of the current record */
	size_t scratch_len, scratch_cap;
	char *error;		/* the error column, when this record adds to it */
	size_t error_cap;
	sla_realigner *realigner;	/* for a row with too many fields */

	unsigned long *hits;	/* per rule */
	sla_classify_counts counts;
};

static int
header_column(const sla_field *header, size_t ncols, const char *name)
{
	for (size_t i = 0; i < ncols; i++)
		if (sla_field_eq(header[i], name))
			return (int)i;
	return -1;
}

void
sla_classifier_warn_columns(const sla_classifier *c, const sla_diag *d)
{
	for (size_t i = 0; i < c->rs->n; i++) {
		const rule *r = &c->rs->rules[i];
		const char *name = r->fields;
		for (size_t k = 0; k < r->nfields; k++, name += strlen(name) + 1)
			/* A rule may name a canonical column this input
			 * lacks; another name it lacks is likely a typo. */
			if (c->rule_cols[i][k] < 0 && sla_canon_find(name) < 0)
				sla_diag_warn(d, r->file, r->line, NULL, name, strlen(name),
					      "the input has no such column");
	}
}

static bool
bind_rules(sla_classifier *c)
{
	c->rule_cols = calloc(c->rs->n ? c->rs->n : 1, sizeof *c->rule_cols);
	if (!c->rule_cols)
		return false;
	for (size_t i = 0; i < c->rs->n; i++) {
		const rule *r = &c->rs->rules[i];
		c->rule_cols[i] = malloc(r->nfields * sizeof **c->rule_cols);
		if (!c->rule_cols[i])
			return false;
		const char *name = r->fields;
		for (size_t k = 0; k < r->nfields; k++, name += strlen(name) + 1)
			c->rule_cols[i][k] = header_column(c->header, c->ncols, name);
	}
	return true;
}

static bool
make_match_context(sla_classifier *c)
{
	c->mctx = pcre2_match_context_create(NULL);
	c->md = pcre2_match_data_create(1, NULL);
	c->jit_stack = pcre2_jit_stack_create(JIT_STACK_START, JIT_STACK_MAX, NULL);
	if (!c->mctx || !c->md || !c->jit_stack)
		return false;
	pcre2_set_match_limit(c->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(c->mctx, DEPTH_LIMIT);
	pcre2_jit_stack_assign(c->mctx, NULL, c->jit_stack);
	return true;
}

sla_classifier *
sla_classifier_new(const sla_rules *rs, const sla_field *header, size_t ncols,
		   const sla_classify_opts *opts)
{
	sla_classifier *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->rs = rs;
	c->header = header;
	c->ncols = ncols;
	c->opts = *opts;
	c->tier_col = header_column(header, ncols, "tier");
	c->rule_col = header_column(header, ncols, "rule");
	c->error_col = header_column(header, ncols, "error");
	c->texts = calloc(ncols ? ncols : 1, sizeof *c->texts);
	c->realigner = sla_realigner_new(ncols);
	c->hits = calloc(rs->n ? rs->n : 1, sizeof *c->hits);
	c->memo = match_memo_new(rs->n);	/* NULL: match every text afresh */
	if (!c->texts || !c->realigner || !c->hits || !bind_rules(c) || !make_match_context(c)) {
		sla_classifier_free(c);
		return NULL;
	}
	return c;
}

void
sla_classifier_free(sla_classifier *c)
{
	if (!c)
		return;
	if (c->rule_cols)
		for (size_t i = 0; i < c->rs->n; i++)
			free(c->rule_cols[i]);
	free(c->rule_cols);
	pcre2_match_data_free(c->md);
	pcre2_jit_stack_free(c->jit_stack);
	pcre2_match_context_free(c->mctx);
	match_memo_free(c->memo);
	free(c->texts);
	sla_realigner_free(c->realigner);
	free(c->scratch);
	free(c->error);
	free(c->hits);
	free(c);
}

/* Column COL of the current record as the matcher sees it, with the
 * rule lines' results on its text when the memo has them. */
static field_text *
field_of(sla_classifier *c, const sla_field *in, int col)
{
	field_text *t = &c->texts[col];

	if (t->seen != c->record) {
		unsigned char *memo = c->memo ? match_memo_results(c->memo, in[col].p, in[col].n) : NULL;
		*t = (field_text){ .seen = c->record, .memo = memo };
	}
	return t;
}

/* The text of T, column COL: the field itself when it holds no escape,
 * else its unescaped copy in the scratch buffer (which grows only when a
 * record is longer than any before it). */
static field_text *
text_of(sla_classifier *c, const sla_field *in, int col, field_text *t)
{
	sla_field f = in[col];

	if (t->found)
		return t;
	t->found = true;
	t->len = f.n;
	if (!memchr(f.p, '\\', f.n))
		return t;
	if (!sla_grow((void **)&c->scratch, &c->scratch_cap, c->scratch_len + f.n, 1))
		return t; /* out of memory: match the escaped text rather than fail */
	t->decoded = true;
	t->off = c->scratch_len;
	t->len = sla_unescape(f, c->scratch + t->off);
	c->scratch_len += t->len;
	return t;
}

/* Run rule R on field text T: >= 0 a match, PCRE2_ERROR_NOMATCH, or an
 * error.  The field's UTF-8 is checked once, by sla_utf8_valid (which
 * takes what PCRE2 takes: Unicode's well-formed UTF-8), and every run goes
 * straight to the JIT code; only a field that fails the check is left to
 * pcre2_match's own check, for its error code and offset.  The profile
 * (tests/bench/profile-classify.md) found pcre2_match's check and dispatch
 * at a third of the matching. */
static int
run_rule(sla_classifier *c, const rule *r, field_text *t, const sla_field *in, int col)
{
	PCRE2_SPTR s = (PCRE2_SPTR)(t->decoded ? c->scratch + t->off : in[col].p);

	if (!t->utf_checked) {
		if (sla_utf8_valid(s, t->len) != t->len)
			return pcre2_match(r->code, s, t->len, 0, 0, c->md, c->mctx);
		t->utf_checked = true;
	}
	if (r->jit)
		return pcre2_jit_match(r->code, s, t->len, 0, 0, c->md, c->mctx);
	return pcre2_match(r->code, s, t->len, 0, PCRE2_NO_UTF_CHECK, c->md, c->mctx);
}

/* Line I of the rules on column COL: MEMO_MATCH, MEMO_NOMATCH, or 0 when
 * one cannot tell (F then says why, with F->rc != 0).  What the memo has
 * is not run again; what a run gives, the memo keeps. */
static int
field_matches(sla_classifier *c, size_t i, const sla_field *in, int col, match_failure *f)
{
	const rule *r = &c->rs->rules[i];
	field_text *t = field_of(c, in, col);

	if (t->memo && t->memo[i] != MEMO_UNKNOWN)
		return t->memo[i];
	text_of(c, in, col, t);
	int got = MEMO_NOMATCH;
	if (t->len >= r->min_length) {
		int rc = run_rule(c, r, t, in, col);
		if (rc != PCRE2_ERROR_NOMATCH && rc < 0) {
			*f = (match_failure){ rc, i, col, pcre2_get_startchar(c->md) };
			return 0;
		}
		got = rc >= 0 ? MEMO_MATCH : MEMO_NOMATCH;
	}
	if (t->memo)
		t->memo[i] = (unsigned char)got;
	return got;
}

/* Does line I of the rules match any of its fields in the record?  1 yes,
 * 0 no, -1 when one cannot tell (F then says why, with F->rc != 0). */
static int
line_matches(sla_classifier *c, size_t i, const sla_field *in, match_failure *f)
{
	const rule *r = &c->rs->rules[i];
	for (size_t k = 0; k < r->nfields; k++) {
		int col = c->rule_cols[i][k];
		if (col < 0 || in[col].n < r->min_length)
			continue; /* decoding never lengthens: too short stays so */
		int got = field_matches(c, i, in, col, f);
		if (got == MEMO_MATCH)
			return 1;
		if (got == 0)
			return -1;
	}
	return 0;
}

/* The index of the first rule that matches the record, or -1 when none
 * does or one cannot tell (F then says why, with F->rc != 0).  A rule
 * with "&" lines matches when its line and each of them match; the lines
 * after the first that fails are not run. */
static long
first_match(sla_classifier *c, const sla_field *in, match_failure *f)
{
	for (size_t i = 0; i < c->rs->n; i++) {
		if (c->rs->rules[i].cond)
			continue;	/* tried with its rule */
		int rc = line_matches(c, i, in, f);
		for (size_t j = i + 1; rc > 0 && j < c->rs->n && c->rs->rules[j].cond; j++)
			rc = line_matches(c, j, in, f);
		if (rc != 0)
			return rc > 0 ? (long)i : -1;
	}
	return -1;
}

/* Set OWN_ERROR to the record's error column with WHAT (escaped text)
 * appended, after "; " when the column holds an error already: an earlier
 * tool's reason is never overwritten. */
static void
append_error(sla_classifier *c, const sla_field *in, const char *what, sla_field *own_error)
{
	sla_field old = c->error_col >= 0 ? in[c->error_col] : (sla_field){ "", 0 };
	size_t need = old.n + 2 + strlen(what) + 1;

	if (!sla_grow((void **)&c->error, &c->error_cap, need, 1)) {
		*own_error = old; /* out of memory: the message was still printed */
		return;
	}
	int n = snprintf(c->error, c->error_cap, "%.*s%s%s", (int)old.n, old.p, old.n ? "; " : "", what);
	*own_error = (sla_field){ c->error, (size_t)n };
}

/* Report the failure F and append it to the record's error. */
static void
flag_failure(sla_classifier *c, const sla_field *in, const match_failure *f, sla_field *own_error,
	     sla_diag *d, const char *file, unsigned long line)
{
	PCRE2_UCHAR pmsg[256];
	char what[512];
	const rule *r = &c->rs->rules[f->rule];
	sla_field col = c->header[f->col];
	bool bad_utf8 = f->rc <= PCRE2_ERROR_UTF8_ERR1 && f->rc >= PCRE2_ERROR_UTF8_ERR21;

	pcre2_get_error_message(f->rc, pmsg, sizeof pmsg);
	if (bad_utf8)
		snprintf(what, sizeof what, "%.*s: %s at byte %zu", (int)col.n, col.p, (char *)pmsg, f->at);
	else
		snprintf(what, sizeof what, "%.*s: rule %s: %s", (int)col.n, col.p, r->label, (char *)pmsg);
	field_text *t = &c->texts[f->col];
	const char *text = t->decoded ? c->scratch + t->off : in[f->col].p;
	/* quote an invalid field only up to its bad byte: no stray bytes on a terminal */
	sla_diag_record(d, file, line, NULL, text, bad_utf8 ? f->at : t->len, "%s", what);
	append_error(c, in, what, own_error);
}

static sla_field
input_or_empty(const sla_field *in, int col)
{
	return col >= 0 ? in[col] : (sla_field){ "", 0 };
}

/* A record the reader could not give as it was written: a row whose
 * field count is not the header's (RAGGED), or one that held a NUL byte in
 * column NUL (from 1), read as U+FFFD.  Flagged with each reason, and not
 * classified: its columns are not where the header says, or its text is not
 * the export's. */
static const sla_field *
flag_unread(sla_classifier *c, const sla_field *in, size_t ragged, size_t nul,
	    sla_field *own_error, sla_diag *d, const char *file, unsigned long line)
{
	char what[256];
	size_t n = 0;

	if (nul) {
		sla_field col = c->header[nul - 1];
		int len = col.n < 128 ? (int)col.n : 128;
		n = (size_t)snprintf(what, sizeof what, "%.*s: NUL byte (read as U+FFFD)", len, col.p);
		sla_diag_record(d, file, line, NULL, in[nul - 1].p, in[nul - 1].n, "%s", what);
	}
	if (ragged) {
		const char *sep = n ? "; " : "";
		snprintf(what + n, sizeof what - n, "%srow has %zu fields, the header %zu", sep, ragged,
			 c->ncols);
		sla_diag_record(d, file, line, NULL, NULL, 0, "%s", what + n + strlen(sep));
	}
	append_error(c, in, what, own_error);
	c->counts.errors++;
	return ragged > c->ncols ? sla_realign(c->realigner, in) : in;
}

/* The caller's name of the default tier (sla_classify_opts). */
static const char *
default_name(const sla_classifier *c)
{
	return c->opts.default_name ? c->opts.default_name : "default";
}

const sla_field *
sla_classifier_run(sla_classifier *c, const sla_field *in, size_t ragged, size_t nul,
		   sla_field own[SLA_CLASSIFY_NCOLS], sla_diag *d, const char *file, unsigned long line)
{
	sla_field tier = input_or_empty(in, c->tier_col);
	own[0] = tier;
	own[1] = input_or_empty(in, c->rule_col);
	own[2] = input_or_empty(in, c->error_col);
	c->counts.tickets++;
	c->record++;
	c->scratch_len = 0;

	if (ragged || nul)
		return flag_unread(c, in, ragged, nul, &own[2], d, file, line);
	if (tier.n && !c->opts.override) {
		c->counts.kept++;
		return in;
	}
	match_failure f = { 0 };
	long i = first_match(c, in, &f);
	if (i >= 0) {
		const rule *r = &c->rs->rules[i];
		own[0] = (sla_field){ r->tier, r->tier_len };
		own[1] = (sla_field){ r->label, r->label_len };
		c->hits[i]++;
		c->counts.by_rule++;
	} else if (f.rc) {
		flag_failure(c, in, &f, &own[2], d, file, line);
		c->counts.errors++;
	} else if (tier.n) {
		c->counts.kept++;
	} else if (c->opts.default_tier) {
		own[0] = (sla_field){ c->opts.default_tier, strlen(c->opts.default_tier) };
		own[1] = (sla_field){ default_name(c), strlen(default_name(c)) };
		c->counts.by_default++;
	} else {
		c->counts.unmatched++;
	}
	return in;
}

sla_classify_counts
sla_classifier_counts(const sla_classifier *c)
{
	return c->counts;
}

void
sla_classifier_report(const sla_classifier *c, const sla_diag *d)
{
	for (size_t i = 0; i < c->rs->n; i++) {
		const rule *r = &c->rs->rules[i];
		if (!r->cond)	/* a rule's "&" lines count with it */
			sla_diag_msg(d, r->file, r->line, NULL, NULL, 0, "%s: %lu", r->tier, c->hits[i]);
	}
	const sla_classify_counts *n = &c->counts;
	sla_diag_msg(d, NULL, 0, NULL, NULL, 0,
		     "%lu tickets: %lu by a rule, %lu kept their tier, %lu by %s, "
		     "%lu unclassified, %lu errors",
		     n->tickets, n->by_rule, n->kept, n->by_default, default_name(c), n->unmatched,
		     n->errors);
}

int
sla_classify_stream(sla_reader *r, sla_writer *w, const sla_rules *rs,
		    const sla_classify_opts *opts, sla_diag *d)
{
	const sla_field *header = sla_reader_header(r);
	size_t ncols = sla_reader_ncols(r);
	sla_classifier *c = sla_classifier_new(rs, header, ncols, opts);
	sla_layout *l = sla_layout_new(header, ncols, sla_classify_columns, SLA_CLASSIFY_NCOLS);
	int got = -1;

	if (!c || !l) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
	} else {
		sla_classifier_warn_columns(c, d);
		sla_layout_write_header(l, w);
		sla_field own[SLA_CLASSIFY_NCOLS];
		while ((got = sla_reader_next(r)) > 0) {
			const sla_field *row = sla_classifier_run(c, sla_reader_fields(r),
								  sla_reader_ragged(r), sla_reader_nul(r),
								  own, d, sla_reader_file(r),
								  sla_reader_line(r));
			if (opts->strict && c->counts.errors) {
				got = -1; /* the record's message is out; nothing after it */
				break;
			}
			sla_layout_write_row(l, w, row, own);
		}
		if (opts->verbose)
			sla_classifier_report(c, d);
	}
	sla_layout_free(l);
	sla_classifier_free(c);
	return got < 0 ? -1 : 0;
}
