/* xpattern.c: compiling and running the extractor's patterns (xpattern.h).
 *
 * JIT-compiled where PCRE2 can, the interpreter otherwise; the letter's
 * text is valid UTF-8 by the time it is matched (the decoder replaced
 * what was not), so matches skip PCRE2's UTF check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "xpattern.h"

/* Far above what a sentence of a letter needs, far below a hang: the
 * patterns are linear, and a sentence is at most a few kilobytes. */
enum {
	MATCH_LIMIT = 200000,
	DEPTH_LIMIT = 2000,
	JIT_STACK_START = 32 * 1024,
	JIT_STACK_MAX = 512 * 1024,
};

struct xpatterns {
	pcre2_code *code[XP_N];
	bool jit[XP_N];
};

struct xmatcher {
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	pcre2_jit_stack *js;
};

void
xpatterns_free(xpatterns *ps)
{
	if (!ps)
		return;
	for (int i = 0; i < XP_N; i++)
		pcre2_code_free(ps->code[i]);
	free(ps);
}

static bool
compile_one(xpatterns *ps, enum xpat_id id, const char *src, char *err, size_t errlen)
{
	int rc;
	PCRE2_SIZE off;
	ps->code[id] = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
				     PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &rc, &off, NULL);
	if (!ps->code[id]) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(rc, msg, sizeof msg);
		snprintf(err, errlen, "pattern %d: column %zu: %s", (int)id, (size_t)off,
			 (const char *)msg);
		return false;
	}
	ps->jit[id] = pcre2_jit_compile(ps->code[id], PCRE2_JIT_COMPLETE) == 0;
	return true;
}

/* The pieces of pattern ID joined, in a new string (C caps a literal's
 * length, so a long pattern comes in several entries of one id). */
static char *
joined_source(const xpat_src *const *tables, enum xpat_id id)
{
	size_t n = 0;
	for (size_t t = 0; tables[t]; t++)
		for (const xpat_src *s = tables[t]; s->src; s++)
			n += s->id == id ? strlen(s->src) : 0;
	char *src = n ? malloc(n + 1) : NULL;
	if (!src)
		return NULL;
	size_t o = 0;
	for (size_t t = 0; tables[t]; t++)
		for (const xpat_src *s = tables[t]; s->src; s++)
			if (s->id == id) {
				memcpy(src + o, s->src, strlen(s->src));
				o += strlen(s->src);
			}
	src[o] = '\0';
	return src;
}

xpatterns *
xpatterns_new(const xpat_src *const *tables, char *err, size_t errlen)
{
	xpatterns *ps = calloc(1, sizeof *ps);
	if (!ps) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (int id = 0; id < XP_N; id++) {
		char *src = joined_source(tables, (enum xpat_id)id);
		bool ok = src && compile_one(ps, (enum xpat_id)id, src, err, errlen);
		if (!src)
			snprintf(err, errlen, "pattern %d: no source", id);
		free(src);
		if (!ok) {
			xpatterns_free(ps);
			return NULL;
		}
	}
	return ps;
}

xmatcher *
xmatcher_new(void)
{
	xmatcher *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->mctx = pcre2_match_context_create(NULL);
	m->md = pcre2_match_data_create(32, NULL);
	m->js = pcre2_jit_stack_create(JIT_STACK_START, JIT_STACK_MAX, NULL);
	if (!m->mctx || !m->md || !m->js) {
		xmatcher_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, DEPTH_LIMIT);
	pcre2_jit_stack_assign(m->mctx, NULL, m->js);
	return m;
}

void
xmatcher_free(xmatcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_jit_stack_free(m->js);
	pcre2_match_context_free(m->mctx);
	free(m);
}

bool
xfind(const xpatterns *ps, xmatcher *m, enum xpat_id id, const char *s, size_t n, size_t start,
      bool anchored, size_t *b, size_t *e)
{
	if (start > n)
		return false;
	uint32_t opts = PCRE2_NO_UTF_CHECK | (anchored ? PCRE2_ANCHORED : 0);
	int rc = ps->jit[id] && !anchored
		? pcre2_jit_match(ps->code[id], (PCRE2_SPTR)s, n, start, opts, m->md, m->mctx)
		: pcre2_match(ps->code[id], (PCRE2_SPTR)s, n, start, opts, m->md, m->mctx);
	if (rc < 0)
		return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	*b = ov[0];
	*e = ov[1];
	return true;
}

bool
xgroup(const xmatcher *m, int k, size_t *b, size_t *e)
{
	if (k <= 0 || (uint32_t)k >= pcre2_get_ovector_count(m->md))
		return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	if (ov[2 * k] == PCRE2_UNSET)
		return false;
	*b = ov[2 * k];
	*e = ov[2 * k + 1];
	return true;
}

int
xgroup_number(const xpatterns *ps, enum xpat_id id, const char *name)
{
	int k = pcre2_substring_number_from_name(ps->code[id], (PCRE2_SPTR)name);
	return k > 0 ? k : 0;
}
