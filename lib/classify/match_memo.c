/* match_memo.c: the results of rule lines on short texts (match_memo.h).
 *
 * The texts are the keys of an sla_map, whose dense numbers index one
 * array of results, NLINES bytes a text, allocated whole at the start
 * (zeroed pages cost no memory until a text uses them): it never moves,
 * so results handed out stay valid while more texts come in.  The memo
 * fills and then stays as it is, without eviction: the short, repeated
 * values of an export all come in its first rows, and a stream of unique
 * short texts after them costs one failed lookup each.  At most 1024
 * texts of 32 bytes: some 150 KiB with the map's slots, whatever the
 * length of the stream. */
#include <stdlib.h>

#include "match_memo.h"
#include "sla_map.h"

enum {
	MAX_TEXTS = 1024,
	MAX_RESULT_BYTES = 256 * 1024,
};

struct match_memo {
	sla_map *texts;
	size_t nlines;
	size_t max_texts;
	unsigned char *results;	/* nlines bytes a text, by its number */
};

match_memo *
match_memo_new(size_t nlines)
{
	match_memo *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->nlines = nlines ? nlines : 1;
	m->max_texts = MAX_RESULT_BYTES / m->nlines;
	if (m->max_texts > MAX_TEXTS)
		m->max_texts = MAX_TEXTS;
	m->texts = sla_map_new();
	m->results = calloc(m->max_texts, m->nlines);
	if (!m->texts || !m->results) {
		match_memo_free(m);
		return NULL;
	}
	return m;
}

void
match_memo_free(match_memo *m)
{
	if (!m)
		return;
	sla_map_free(m->texts);
	free(m->results);
	free(m);
}

unsigned char *
match_memo_results(match_memo *m, const char *text, size_t n)
{
	if (n > MATCH_MEMO_TEXT_MAX)
		return NULL;
	uint64_t h = sla_hash(text, n);
	size_t k = sla_map_find_hashed(m->texts, text, n, h);
	if (k != SLA_MAP_NONE)
		return m->results + k * m->nlines;
	k = sla_map_count(m->texts);
	if (k >= m->max_texts || sla_map_intern_hashed(m->texts, text, n, h, NULL) != k)
		return NULL;	/* full, or out of memory */
	return m->results + k * m->nlines;	/* all MEMO_UNKNOWN, as calloc left it */
}
