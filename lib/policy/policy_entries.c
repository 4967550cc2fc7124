/* policy_entries.c: a policy file's entries, before any is understood
 * (DESIGN §7, sla-policy(5)).
 *
 * libinih collects every key = value with its line (through
 * sla_ini_source, which counts physical lines and hands inih a line of any
 * length in pieces it can read); the [section] lines it passes are checked
 * here too, since inih reports keys only.  The messages of the whole
 * reader live here, so that every section reader below the loader can
 * report and nothing calls back up into policy.c. */
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_ini_source.h"
#include "sla_map.h"
#include "sla_mem.h"
#include "sla_policy_read.h"

/* libinih keeps this many bytes of a section name, with the NUL (its
 * MAX_SECTION, which ini.h does not export), and cuts the rest silently. */
#define INI_MAX_SECTION 50

/* ---- pass 1: entries --------------------------------------------------------- */

/* A [section] line: inih reports keys only, so an empty or repeated
 * section is seen here. */
typedef struct header {
	char *name;
	unsigned long line;
} header;

/* The line source handed to inih, and the [section] lines it passed. */
struct line_src {
	sla_ini_source in;
	header *headers;
	size_t nheaders, capheaders;
	unsigned long long_section;	/* the first [section] whose name inih would cut */
	bool nomem;
};

/* Note the line STR when it is a [section] header, as inih reads one. */
static void
note_header(struct line_src *s, const char *str)
{
	const char *open = str + strspn(str, " \t");
	const char *close = *open == '[' ? strchr(open, ']') : NULL;
	if (!close)
		return;
	if ((size_t)(close - open - 1) >= INI_MAX_SECTION && !s->long_section)
		s->long_section = s->in.line;
	if (!sla_grow((void **)&s->headers, &s->capheaders, s->nheaders + 1, sizeof *s->headers)) {
		s->nomem = true;
		return;
	}
	char *name = strndup(open + 1, (size_t)(close - open - 1));
	if (!name)
		s->nomem = true;
	else
		s->headers[s->nheaders++] = (header){ name, s->in.line };
}

static char *
read_line(char *str, int num, void *stream)
{
	struct line_src *s = stream;
	char *got = sla_ini_source_read(str, num, &s->in);
	if (got && !s->in.piece)
		note_header(s, str);
	return got;
}

struct collect {
	struct line_src src;
	sla_pol_entry *v;
	size_t n, cap;
	size_t last_len, last_cap;	/* the last entry's value: its length and room */
	bool nomem;
};

/* The last entry's value goes on with SEP[0..NSEP) and VALUE, in place:
 * its length and room are kept, so that a value of many lines costs its
 * length, not its length times its lines. */
static int
extend_last(struct collect *c, const char *sep, size_t nsep, const char *value)
{
	size_t nv = strlen(value), len = c->last_len;
	char **v = &c->v[c->n - 1].value;
	if (!sla_grow((void **)v, &c->last_cap, len + nsep + nv + 1, 1))
		return c->nomem = true, 0;
	memcpy(*v + len, sep, nsep);
	memcpy(*v + len + nsep, value, nv + 1);
	c->last_len = len + nsep + nv;
	return 1;
}

/* A continuation line extends the previous value of the same key: lists
 * (hours, dates, credits) go on with a comma.  A piece of a line too long
 * for inih extends it with what the split dropped (none after an empty
 * value), so the value is the line's own. */
static int
on_entry(void *user, const char *section, const char *key, const char *value)
{
	struct collect *c = user;
	const sla_ini_source *in = &c->src.in;
	if (in->piece && c->n > 0)
		return extend_last(c, in->glue, c->last_len ? in->nglue : 0, value);
	if (in->continuation && c->n > 0 && strcmp(c->v[c->n - 1].section, section) == 0 &&
	    strcmp(c->v[c->n - 1].key, key) == 0)
		return extend_last(c, ", ", 2, value);
	if (!sla_grow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v))
		return c->nomem = true, 0;
	sla_pol_entry *e = &c->v[c->n];
	*e = (sla_pol_entry){ .section = strdup(section), .key = strdup(key),
			  .value = strdup(value), .line = in->line, .kind = -1 };
	if (!e->section || !e->key || !e->value) {
		free(e->section), free(e->key), free(e->value);
		return c->nomem = true, 0;
	}
	c->last_len = strlen(value);
	c->last_cap = c->last_len + 1;
	c->n++;
	return 1;
}

/* ---- messages ------------------------------------------------------------- */

static void
verror(sla_pol_ctx *x, unsigned long line, const char *key, const char *value, const char *what,
       va_list ap)
{
	char msg[512];
	vsnprintf(msg, sizeof msg, what, ap);
	sla_diag_msg(x->d, x->p->file, line, key, value, value ? strlen(value) : 0, "%s", msg);
	x->errors++;
}

void
sla_pol_error(sla_pol_ctx *x, const sla_pol_entry *e, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	verror(x, e ? e->line : 0, e ? e->key : NULL, e ? e->value : NULL, what, ap);
	va_end(ap);
}

void
sla_pol_error_at(sla_pol_ctx *x, unsigned long line, const char *key, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	verror(x, line, key, NULL, what, ap);
	va_end(ap);
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[64];
	if (lb >= 64 || la >= 64)
		return 64;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The candidate nearest to WORD within a typo (edit distance 2, or 1 for a
 * word shorter than 3 bytes), or NULL. */
static const char *
sla_pol_nearest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t best_d = strlen(word) / 3 + 1;	/* a typo, not another word */
	if (best_d > 2)
		best_d = 2;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(word, cands[i]);
		if (dist <= best_d && (!best || dist < edit_distance(word, best)))
			best = cands[i];
	}
	return best;
}

void
sla_pol_unknown(sla_pol_ctx *x, unsigned long line, const char *key, const char *what,
		const char *word, const char *const *cands, size_t n)
{
	const char *hint = sla_pol_nearest(word, cands, n);
	char msg[256];
	if (hint)
		snprintf(msg, sizeof msg, "unknown %s \"%s\"; did you mean \"%s\"?", what, word, hint);
	else
		snprintf(msg, sizeof msg, "unknown %s \"%s\"", what, word);
	sla_diag_msg(x->d, x->p->file, line, key, NULL, 0, "%s", msg);
	x->errors++;
}

/* ---- sections ------------------------------------------------------------- */

static const char *const section_kinds[] = { "policy", "calendar", "metric", "tier", "penalties",
					      "events", "exclude" };

/* Split "tier urgent" into its kind and name; -1 for an unknown kind. */
static int
section_kind(const char *section, const char **name)
{
	const char *sp = strchr(section, ' ');
	size_t klen = sp ? (size_t)(sp - section) : strlen(section);
	*name = sp ? sp + strspn(sp, " ") : "";
	for (int k = 0; k < SLA_POL_NKINDS; k++)
		if (strlen(section_kinds[k]) == klen && memcmp(section_kinds[k], section, klen) == 0)
			return k;
	return -1;
}

/* The number of KEY[0..N) in M, new or not; FIRST[number] is the index of
 * its first appearance, kept when it is new.  *AGAIN says it was there
 * before.  False when out of memory (*FIRST is the caller's to free). */
static bool
first_seen(sla_map *m, size_t **first, size_t *cap, const char *key, size_t n, size_t index,
	   size_t *num, bool *again)
{
	bool added;
	*num = m ? sla_map_intern(m, key, n, &added) : SLA_MAP_NONE;
	if (*num == SLA_MAP_NONE || !sla_grow((void **)first, cap, *num + 1, sizeof **first))
		return false;
	if (added)
		(*first)[*num] = index;
	*again = !added;
	return true;
}

/* Every section known, named when it must be, and given once (a map of the
 * names seen, so that many sections cost no more than their number). */
static void
check_sections(sla_pol_ctx *x, const struct line_src *src)
{
	sla_map *seen = sla_map_new();
	size_t *first = NULL, cap = 0;
	for (size_t i = 0; i < src->nheaders; i++) {
		const header *h = &src->headers[i];
		const char *name;
		int k = section_kind(h->name, &name);
		char word[64];
		snprintf(word, sizeof word, "%.*s", (int)strcspn(h->name, " "), h->name);
		if (k < 0)
			sla_pol_unknown(x, h->line, NULL, "section", word, section_kinds, SLA_POL_NKINDS);
		else if ((k == SLA_POL_CALENDAR || k == SLA_POL_METRIC || k == SLA_POL_TIER ||
			  k == SLA_POL_EXCLUDE) == (*name == '\0'))
			sla_pol_error_at(x, h->line, NULL,
					 *name ? "section [%s] takes no name" : "section [%s] needs a name",
					 h->name);
		size_t num;
		bool again;
		if (!first_seen(seen, &first, &cap, h->name, strlen(h->name), i, &num, &again)) {
			sla_pol_error(x, NULL, "out of memory");
			break;
		}
		if (again)
			sla_pol_error_at(x, h->line, NULL, "section [%s] appears twice (first at line %lu)",
					 h->name, src->headers[first[num]].line);
	}
	free(first);
	sla_map_free(seen);
}

/* Each entry's section kind and name; every key in a section, and once:
 * a map of "section\0key", as check_sections. */
static void
check_entries(sla_pol_ctx *x)
{
	sla_map *seen = sla_map_new();
	size_t *first = NULL, cap = 0;
	char *both = NULL;
	size_t both_cap = 0;
	for (size_t i = 0; i < x->n; i++) {
		sla_pol_entry *e = &x->v[i];
		e->kind = section_kind(e->section, &e->name);
		if (e->section[0] == '\0')
			sla_pol_error_at(x, e->line, e->key, "key outside any [section]");
		size_t ls = strlen(e->section) + 1, lk = strlen(e->key), num;
		bool again;
		if (!sla_grow((void **)&both, &both_cap, ls + lk, 1) ||
		    (memcpy(both, e->section, ls), memcpy(both + ls, e->key, lk),
		     !first_seen(seen, &first, &cap, both, ls + lk, i, &num, &again))) {
			sla_pol_error(x, NULL, "out of memory");
			break;
		}
		if (again)
			sla_pol_error_at(x, e->line, e->key, "key given twice (first at line %lu)",
					 x->v[first[num]].line);
	}
	free(both);
	free(first);
	sla_map_free(seen);
}

sla_pol_entry *
sla_pol_get(sla_pol_ctx *x, int kind, const char *name, const char *key)
{
	for (size_t i = 0; i < x->n; i++) {
		sla_pol_entry *e = &x->v[i];
		if (e->kind == kind && strcmp(e->name, name) == 0 && strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

/* ---- reading and freeing ----------------------------------------------------- */

static void
free_entries(sla_pol_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].section);
		free(v[i].key);
		free(v[i].value);
	}
	free(v);
}

static void
free_headers(struct line_src *s)
{
	for (size_t i = 0; i < s->nheaders; i++)
		free(s->headers[i].name);
	free(s->headers);
	sla_ini_source_free(&s->in);
}

/* Pass 1: inih collects the entries into X. */
static bool
collect(sla_pol_ctx *x, struct collect *c)
{
	c->src = (struct line_src){ .nomem = false };
	sla_ini_source_init(&c->src.in, x->p->text, x->p->len);
	int rc = ini_parse_stream(read_line, &c->src, on_entry, c);
	x->v = c->v;
	x->n = c->n;
	if (c->nomem || c->src.nomem || c->src.in.nomem || rc == -2) {
		sla_diag_msg(x->d, x->p->file, 0, NULL, NULL, 0, "out of memory");
		return false;
	}
	if (c->src.long_section) {
		sla_diag_msg(x->d, x->p->file, c->src.long_section, NULL, NULL, 0,
			     "section name longer than %d bytes (the INI reader cuts it)",
			     INI_MAX_SECTION - 1);
		return false;
	}
	if (c->src.in.too_long) {
		sla_diag_msg(x->d, x->p->file, c->src.in.too_long, NULL, NULL, 0,
			     "%s (it takes %d bytes a line)", c->src.in.why, c->src.in.max_line - 2);
		return false;
	}
	if (rc > 0) {
		sla_diag_msg(x->d, x->p->file, sla_ini_source_line(&c->src.in, (unsigned long)rc),
			     NULL, NULL, 0,
			     "cannot read line: expected [section] or key = value");
		return false;
	}
	return true;
}


bool
sla_pol_entries_read(sla_pol_ctx *x)
{
	struct collect c = { 0 };
	bool ok = collect(x, &c);
	if (ok) {
		check_sections(x, &c.src);
		check_entries(x);
	}
	free_headers(&c.src);
	return ok;
}

void
sla_pol_entries_free(sla_pol_ctx *x)
{
	free_entries(x->v, x->n);
	x->v = NULL;
	x->n = 0;
}
