/* report_keymap.c: the report's keys and their indices, over sla_map, the
 * key found last compared first, then the keys found recently
 * (report_keymap.h says why and how a key is laid out). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_keymap.h"
#include "sla_mem.h"

void
sla_rpt_keymap_free(rpt_keymap *m)
{
	sla_map_free(m->map);
	free(m->recent);
	free(m->scratch);
	*m = (rpt_keymap){ 0 };
}

/* Whether the key K[0..LEFT) (NULL: none) is that of PERIOD and FS[0..N),
 * compared field by field where they lie, without building the key. */
static inline bool
key_is(const char *k, size_t left, int64_t period, const sla_field *fs, size_t n)
{
	int64_t kp;
	if (!k || left < sizeof period)
		return false;
	memcpy(&kp, k, sizeof kp);
	if (kp != period)
		return false;
	k += sizeof period;
	left -= sizeof period;
	for (size_t i = 0; i < n; i++) {
		if (left <= fs[i].n || k[fs[i].n] != '\t' ||
		    (fs[i].n > 0 && memcmp(k, fs[i].p, fs[i].n) != 0))
			return false;
		k += fs[i].n + 1;
		left -= fs[i].n + 1;
	}
	return left == 0;
}

/* The slot of the recent keys for PERIOD and FS[0..N): a hash of the
 * period and of each field's length and first and last eight bytes (all
 * of a short field), the bytes read where they lie.  Not sla_hash: that
 * one hashes the key built, which this is here to spare. */
static size_t
recent_slot(int64_t period, const sla_field *fs, size_t n)
{
	uint64_t h = (uint64_t)period * 0x9E3779B97F4A7C15u;
	for (size_t i = 0; i < n; i++) {
		uint64_t a = 0, b = 0;
		size_t len = fs[i].n;
		memcpy(&a, fs[i].p, len < 8 ? len : 8);
		if (len > 8)
			memcpy(&b, fs[i].p + (len < 16 ? 8 : len - 8), len < 16 ? len - 8 : 8);
		h = (h ^ a ^ len) * 0xFF51AFD7ED558CCDu;
		h = (h ^ b ^ (h >> 32)) * 0xC4CEB9FE1A85EC53u;
	}
	return (size_t)(h ^ h >> 29) % RPT_KEYMAP_RECENT;
}

/* The key of PERIOD and FS[0..N) in M's scratch: its length, 0 when out of
 * memory (a key is never empty: the period alone is 8 bytes). */
static size_t
build_key(rpt_keymap *m, int64_t period, const sla_field *fs, size_t n)
{
	size_t len = sizeof period;
	for (size_t i = 0; i < n; i++)
		len += fs[i].n + 1;
	if (!sla_grow((void **)&m->scratch, &m->scratch_cap, len, 1))
		return 0;
	memcpy(m->scratch, &period, sizeof period);
	size_t o = sizeof period;
	for (size_t i = 0; i < n; i++) {
		memcpy(m->scratch + o, fs[i].p, fs[i].n);
		o += fs[i].n;
		m->scratch[o++] = '\t';
	}
	return o;
}

long
sla_rpt_keymap_get(rpt_keymap *m, int64_t period, const sla_field *fs, size_t n, bool *added)
{
	*added = false;
	if (key_is(m->last, m->last_len, period, fs, n))
		return (long)m->last_index;
	if (!m->map && (!(m->map = sla_map_new()) ||
			!(m->recent = calloc(RPT_KEYMAP_RECENT, sizeof *m->recent)))) {
		sla_map_free(m->map);
		m->map = NULL;
		return -1;
	}
	size_t *slot = &m->recent[recent_slot(period, fs, n)];
	if (*slot) {
		size_t klen;
		const char *k = sla_map_key(m->map, *slot - 1, &klen);
		if (key_is(k, klen, period, fs, n)) {
			m->last = k;
			m->last_len = klen;
			m->last_index = *slot - 1;
			return (long)m->last_index;
		}
	}
	size_t len = build_key(m, period, fs, n);
	if (len == 0)
		return -1;
	size_t i = sla_map_intern_hashed(m->map, m->scratch, len, sla_hash(m->scratch, len),
					 added);
	if (i == SLA_MAP_NONE || i > LONG_MAX) {
		m->last = NULL;	/* a failed intern may have moved the keys */
		return -1;
	}
	/* The map's copy stays where it is until the next intern, and every
	 * intern is followed by this line. */
	m->last = sla_map_key(m->map, i, &m->last_len);
	m->last_index = i;
	*slot = i + 1;
	return (long)i;
}

void
sla_rpt_keymap_fields(const rpt_keymap *m, size_t i, sla_field *fs, size_t n)
{
	size_t len;
	const char *k = sla_map_key(m->map, i, &len), *end = k + len;

	k += sizeof(int64_t);
	for (size_t f = 0; f < n; f++) {
		const char *tab = memchr(k, '\t', (size_t)(end - k));
		fs[f] = (sla_field){ k, (size_t)(tab - k) };
		k = tab + 1;
	}
}
