/* rules.c: the rules file reader (sla-rules(5)): cutting each line into
 * tier, fields and pattern, checking them, compiling the pattern with
 * PCRE2 (JIT-compiled where it can), and the embedded default rules.  The
 * rule set it builds is described in rules_int.h.
 *
 * Not here: running the rules on a stream (classifier.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_int.h"
#include "sla_data.h"
#include "sla_file.h"
#include "sla_list.h"
#include "sla_mem.h"
#include "sla_utf8.h"

/* ---- the rule set --------------------------------------------------------- */

sla_rules *
sla_rules_new(bool use_jit)
{
	sla_rules *rs = calloc(1, sizeof *rs);
	if (rs)
		rs->use_jit = use_jit;
	return rs;
}

void
sla_rules_free(sla_rules *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->rules[i].tier);
		free(rs->rules[i].fields);
		free(rs->rules[i].label);
		pcre2_code_free(rs->rules[i].code);
	}
	for (size_t i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	free(rs->rules);
	free(rs);
}

size_t
sla_rules_count(const sla_rules *rs)
{
	return rs->n;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool
tier_char_ok(unsigned char c)
{
	return c > ' ' && c != 0x7f && c != '\\' && c != ',' && c != '#';
}

static bool
tier_ok(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!tier_char_ok((unsigned char)p[i]))
			return false;
	return n > 0;
}

bool
sla_rules_tier_ok(const char *tier)
{
	return tier_ok(tier, strlen(tier));
}

static char *
copy_text(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

/* The 1-based column of byte OFFSET of LINE, counted in characters, as an
 * editor shows it (a stray byte counts as one). */
static unsigned long
char_column(const char *line, size_t offset)
{
	unsigned long col = 1;
	for (size_t i = 0; i < offset; i++)
		if (!sla_utf8_continuation((unsigned char)line[i]))
			col++;
	return col;
}

/* One line of a rules file, cut into its three parts. */
typedef struct rule_text {
	const char *line;
	size_t len;
	sla_field tier, fields, pattern;
} rule_text;

static const char *
skip_blanks(const char *p, const char *end)
{
	while (p < end && is_blank(*p))
		p++;
	return p;
}

static const char *
skip_word(const char *p, const char *end)
{
	while (p < end && !is_blank(*p))
		p++;
	return p;
}

/* Cut T->line into tier, fields and pattern (the rest of the line, less
 * trailing blanks).  Returns false for a blank or comment line. */
static bool
cut_line(rule_text *t)
{
	const char *end = t->line + t->len;
	const char *p = skip_blanks(t->line, end);

	if (p == end || *p == '#')
		return false;
	const char *q = skip_word(p, end);
	t->tier = (sla_field){ p, (size_t)(q - p) };
	p = skip_blanks(q, end);
	q = skip_word(p, end);
	t->fields = (sla_field){ p, (size_t)(q - p) };
	p = skip_blanks(q, end);
	while (end > p && is_blank(end[-1]))
		end--;
	t->pattern = (sla_field){ p, (size_t)(end - p) };
	return true;
}

/* Check the field list F ("a,b,c") and copy it as NUL-ended names. */
static const char *
parse_fields(sla_field f, rule *r)
{
	if (f.n == 0)
		return "missing the fields and the pattern";
	r->fields = copy_text(f.p, f.n);
	if (!r->fields)
		return "out of memory";
	/* each name ends where its comma was */
	r->nfields = 0;
	for (const char *s = r->fields; s; r->nfields++) {
		size_t len;
		size_t at = (size_t)(sla_list_next(&s, &len) - r->fields);
		if (len == 0)
			return "empty field name in the field list";
		r->fields[at + len] = '\0';
	}
	return NULL;
}

static const char *
make_label(rule *r)
{
	char num[24];
	int nlen = snprintf(num, sizeof num, ":%lu", r->line);
	size_t flen = strlen(r->file);

	r->label = malloc(2 * flen + (size_t)nlen + 1);
	if (!r->label)
		return "out of memory";
	r->label_len = sla_escape(r->file, flen, r->label);
	memcpy(r->label + r->label_len, num, (size_t)nlen + 1);
	r->label_len += (size_t)nlen;
	return NULL;
}

/* Compile the pattern; on failure print PCRE2's message at its column. */
static int
compile_pattern(const sla_rules *rs, rule *r, const rule_text *t, const sla_diag *d)
{
	int err;
	PCRE2_SIZE off;

	r->code = pcre2_compile((PCRE2_SPTR)t->pattern.p, t->pattern.n, PCRE2_UTF | PCRE2_UCP, &err,
				&off, NULL);
	if (!r->code) {
		PCRE2_UCHAR msg[256];
		char column[40];
		pcre2_get_error_message(err, msg, sizeof msg);
		size_t at = (size_t)(t->pattern.p - t->line) + off;
		snprintf(column, sizeof column, "column %lu", char_column(t->line, at));
		sla_diag_msg(d, r->file, r->line, column, t->pattern.p, t->pattern.n, "%s", (char *)msg);
		return -1;
	}
	r->jit = rs->use_jit && pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0;
	if (pcre2_pattern_info(r->code, PCRE2_INFO_MINLENGTH, &r->min_length) != 0)
		r->min_length = 0;
	return 0;
}

static rule *
append_rule(sla_rules *rs)
{
	if (!sla_grow((void **)&rs->rules, &rs->cap, rs->n + 1, sizeof *rs->rules))
		return NULL;
	rule *r = &rs->rules[rs->n++];
	*r = (rule){ 0 };
	return r;
}

/* Check and copy the tier, fields and label of rule R from T: NULL, or
 * why not (with *BAD the part to quote, when there is one). */
static const char *
read_parts(rule *r, const rule_text *t, const sla_field **bad)
{
	if (!tier_ok(t->tier.p, t->tier.n)) {
		*bad = &t->tier;
		return "tier names hold no blank, backslash, comma or '#'";
	}
	const char *why = parse_fields(t->fields, r);
	if (why)
		return why;
	if (t->pattern.n == 0)
		return "missing the pattern";
	r->tier = copy_text(t->tier.p, t->tier.n);
	r->tier_len = t->tier.n;
	return r->tier ? make_label(r) : "out of memory";
}

/* A "&" line: one more condition of the rule above it, in the same text. */
static bool
is_condition(const rule_text *t)
{
	return t->tier.n == 1 && t->tier.p[0] == '&';
}

/* Read one rule line T into a new rule; -1 after printing why not. */
static int
add_rule(sla_rules *rs, const char *file, unsigned long line, const rule_text *t, const sla_diag *d)
{
	bool cond = is_condition(t);
	if (cond && (rs->n == 0 || rs->rules[rs->n - 1].file != file)) {
		sla_diag_msg(d, file, line, NULL, NULL, 0,
			     "& adds a condition to the rule above it, and there is none");
		return -1;
	}
	rule *r = append_rule(rs);
	if (!r) {
		sla_diag_msg(d, file, line, NULL, NULL, 0, "out of memory");
		return -1;
	}
	r->file = file;
	r->line = line;
	r->cond = cond;
	const sla_field *bad = NULL;
	const char *why = read_parts(r, t, &bad);
	if (why) {
		sla_diag_msg(d, file, line, NULL, bad ? bad->p : NULL, bad ? bad->n : 0, "%s", why);
		return -1;
	}
	return compile_pattern(rs, r, t, d);
}

static const char *
keep_name(sla_rules *rs, const char *name)
{
	if (!sla_grow((void **)&rs->files, &rs->capfiles, rs->nfiles + 1, sizeof *rs->files))
		return NULL;
	char *copy = copy_text(name, strlen(name));
	if (copy)
		rs->files[rs->nfiles++] = copy;
	return copy;
}

int
sla_rules_add_text(sla_rules *rs, const char *name, const char *text, size_t len,
		   const sla_diag *d)
{
	const char *file = keep_name(rs, name);
	const char *p = text, *end = text + len;
	unsigned long line = 0;

	if (!file) {
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3; /* a byte order mark, as Windows editors write */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		rule_text t = { .line = p, .len = (size_t)((nl ? nl : end) - p) };
		line++;
		if (cut_line(&t) && add_rule(rs, file, line, &t, d) < 0)
			return -1;
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int
sla_rules_add_file(sla_rules *rs, const char *path, const sla_diag *d)
{
	size_t len = 0;
	sla_file_error why;
	char *text = sla_file_read(path, SLA_FILE_ANY_SIZE, &len, &why);

	if (!text) {
		if (why == SLA_FILE_OPEN)
			sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot open: %s", strerror(errno));
		else
			sla_diag_msg(d, path, 0, NULL, NULL, 0, "%s",
				     why == SLA_FILE_NOMEM ? "out of memory" : "read error");
		return -1;
	}
	int rc = sla_rules_add_text(rs, path, text, len, d);
	free(text);
	return rc;
}

int
sla_rules_add_default(sla_rules *rs, const sla_diag *d)
{
	const struct sla_blob *b = sla_data_find(SLA_RULES_DEFAULT);
	if (!b) {
		sla_diag_msg(d, SLA_RULES_DEFAULT, 0, NULL, NULL, 0, "not compiled in");
		return -1;
	}
	return sla_rules_add_text(rs, SLA_RULES_DEFAULT, b->data, b->len, d);
}
