/* report_keymap.c: the report's keys and their indices, over sla_map, the
 * key found last compared first (report_keymap.h says why and how a key
 * is laid out). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "report_keymap.h"
#include "sla_mem.h"

void
sla_rpt_keymap_free(rpt_keymap *m)
{
	sla_map_free(m->map);
	free(m->scratch);
	*m = (rpt_keymap){ 0 };
}

/* Whether the key found last is that of PERIOD and FS[0..N), compared
 * field by field where it lies, without building the key. */
static bool
is_last(const rpt_keymap *m, int64_t period, const sla_field *fs, size_t n)
{
	const char *k = m->last;
	size_t left = m->last_len;

	if (!k || left < sizeof period || memcmp(k, &period, sizeof period) != 0)
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
	if (is_last(m, period, fs, n))
		return (long)m->last_index;
	size_t len = build_key(m, period, fs, n);
	if (len == 0 || (!m->map && !(m->map = sla_map_new())))
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
