/* map.c: the hash table of lib/ (sla_map.h).
 *
 * Three arrays: the slots (a power of two of them, each a hash and the key's
 * number + 1, 0 for an empty slot), the keys (where each starts in the
 * arena, and its length) and the arena (every key, NUL-ended).  Growing the
 * slots rehashes from the hashes they hold, never from the keys. */
#include <stdlib.h>
#include <string.h>

#include "sla_map.h"
#include "sla_mem.h"

enum { FIRST_SLOTS = 16 };

typedef struct slot {
	uint64_t hash;
	size_t key;		/* the key's number + 1; 0: empty */
} slot;

typedef struct key {
	size_t off, len;	/* in the arena */
} key;

struct sla_map {
	slot *slots;
	size_t nslots;		/* a power of two */
	key *keys;
	size_t n, keycap;
	char *arena;
	size_t used, arenacap;
};

/* Eight bytes a multiply; the last 0 to 7 in loads of fixed size, so that
 * no key costs a call of memcpy. */
uint64_t
sla_hash(const char *p, size_t n)
{
	/* the length multiplied in first: XORed into the bits the last bytes
	 * land in, keys one byte longer collided ("T-6710", "T-67710") */
	uint64_t h = (0x9E3779B97F4A7C15u ^ n) * 0xFF51AFD7ED558CCDu, w = 0;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	w = 0;
	if (n >= 4) {
		uint32_t a, b;	/* the first four and the last four: all of them */
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n > 0) {
		const unsigned char *u = (const unsigned char *)p;
		w = (uint64_t)u[0] << 16 | (uint64_t)u[n / 2] << 8 | u[n - 1];
	}
	h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	return h ^ (h >> 29);
}

sla_map *
sla_map_new(void)
{
	sla_map *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	if (!(m->slots = calloc(FIRST_SLOTS, sizeof *m->slots))) {
		free(m);
		return NULL;
	}
	m->nslots = FIRST_SLOTS;
	return m;
}

void
sla_map_free(sla_map *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m->keys);
	free(m->arena);
	free(m);
}

/* The slot that holds KEY, or the empty one where it would go. */
static slot *
probe(const sla_map *m, const char *k, size_t n, uint64_t hash)
{
	size_t mask = m->nslots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		slot *s = &m->slots[i];
		if (s->key == 0)
			return s;
		const key *e = &m->keys[s->key - 1];
		if (s->hash == hash && e->len == n && memcmp(m->arena + e->off, k, n) == 0)
			return s;
	}
}

/* Twice the slots, every key put back by its hash. */
static bool
grow_slots(sla_map *m)
{
	if (m->nslots > SIZE_MAX / 2 / sizeof *m->slots)
		return false;
	size_t nslots = m->nslots * 2, mask = nslots - 1;
	slot *ns = calloc(nslots, sizeof *ns);
	if (!ns)
		return false;
	for (size_t i = 0; i < m->nslots; i++) {
		if (m->slots[i].key == 0)
			continue;
		size_t j = (size_t)m->slots[i].hash & mask;
		while (ns[j].key != 0)
			j = (j + 1) & mask;
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->nslots = nslots;
	return true;
}

size_t
sla_map_find_hashed(const sla_map *m, const char *k, size_t n, uint64_t hash)
{
	const slot *s = probe(m, k, n, hash);
	return s->key ? s->key - 1 : SLA_MAP_NONE;
}

size_t
sla_map_find(const sla_map *m, const char *k, size_t n)
{
	return sla_map_find_hashed(m, k, n, sla_hash(k, n));
}

/* Room for one more key of N bytes; false when out of memory or full. */
static bool
reserve(sla_map *m, size_t n)
{
	if (n >= SIZE_MAX - m->used || m->n >= SLA_MAP_NONE - 1)
		return false;
	if (!sla_grow((void **)&m->keys, &m->keycap, m->n + 1, sizeof *m->keys) ||
	    !sla_grow((void **)&m->arena, &m->arenacap, m->used + n + 1, 1))
		return false;
	return 2 * (m->n + 1) <= m->nslots || grow_slots(m);
}

size_t
sla_map_intern_hashed(sla_map *m, const char *k, size_t n, uint64_t hash, bool *added)
{
	if (added)
		*added = false;
	slot *s = probe(m, k, n, hash);
	if (s->key)
		return s->key - 1;
	size_t nslots = m->nslots;
	if (!reserve(m, n))
		return SLA_MAP_NONE;
	if (m->nslots != nslots)
		s = probe(m, k, n, hash);	/* the slots grew: the empty one moved */
	if (n > 0)
		memcpy(m->arena + m->used, k, n);
	m->arena[m->used + n] = '\0';
	m->keys[m->n] = (key){ m->used, n };
	m->used += n + 1;
	*s = (slot){ hash, m->n + 1 };
	if (added)
		*added = true;
	return m->n++;
}

size_t
sla_map_intern(sla_map *m, const char *k, size_t n, bool *added)
{
	return sla_map_intern_hashed(m, k, n, sla_hash(k, n), added);
}

size_t
sla_map_count(const sla_map *m)
{
	return m->n;
}

const char *
sla_map_key(const sla_map *m, size_t i, size_t *n)
{
	if (n)
		*n = m->keys[i].len;
	return m->arena + m->keys[i].off;
}
