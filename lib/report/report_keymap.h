/* report_keymap.h: private to the report's model (report_int.h): a map
 * from byte strings to the indices of the entries they name -- groups,
 * tiers, periods, statements, notes -- in report_keymap.c.
 *
 * Its own face on purpose: when lib/core's one hash map (sla_map) is in,
 * this header and report_keymap.c become a thin use of it, and no other
 * file changes (the callers see only rpt_keymap, zeroed when empty, and
 * the two functions below). */
#ifndef SLA_REPORT_KEYMAP_H
#define SLA_REPORT_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rpt_keymap {
	size_t *slot;		/* entry index + 1; 0 is empty */
	size_t nslots;
	char **key;
	size_t *len;
	uint64_t *hash;
	size_t n, cap;
	size_t last;		/* the entry found last, + 1: rows repeat keys */
} rpt_keymap;

/* The index of key K (N bytes), added at the end when new (*ADDED); the
 * map keeps a copy of K.  Indices are 0, 1, 2 ... in order of addition.
 * Returns -1 when out of memory (the map is then as it was). */
long sla_rpt_keymap_get(rpt_keymap *m, const char *k, size_t n, bool *added);
/* Free what M holds (M itself is the caller's); a zeroed map is empty. */
void sla_rpt_keymap_free(rpt_keymap *m);

#endif
