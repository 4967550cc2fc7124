/* report_keymap.c: a map from byte strings to the indices of their
 * entries, for the report's groups, tiers, periods, statements and notes:
 * open addressing, keys copied, the entry found last remembered (a
 * ticket's rows repeat their keys).  Its face is report_keymap.h, which
 * says why it stands alone. */
#include <stdlib.h>
#include <string.h>

#include "report_keymap.h"
#include "sla_mem.h"

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

void
sla_rpt_keymap_free(rpt_keymap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->key[i]);
	free(m->slot);
	free(m->key);
	free(m->len);
	free(m->hash);
}

static size_t *
keymap_probe(const rpt_keymap *m, uint64_t h, const char *k, size_t n)
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
keymap_grow(rpt_keymap *m)
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

long
sla_rpt_keymap_get(rpt_keymap *m, const char *k, size_t n, bool *added)
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
