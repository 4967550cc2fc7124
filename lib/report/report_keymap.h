/* report_keymap.h: private to the report's model (report_int.h): the keys
 * of the entries a row counts into -- groups, tiers, periods, statements,
 * notes -- and their indices, in report_keymap.c.
 *
 * An entry's key is a period and a few fields of the row (a group's is its
 * period and grouping fields, a tier's its tier, a note's its text).  The
 * map is a thin use of lib/core's one hash map (sla_map.h), which numbers
 * keys 0, 1, 2 ... in order of first appearance: those numbers are the
 * indices of the report's entry arrays.  What this adds to it:
 *   - the key laid out here, once: the period's 8 bytes, then each field
 *     ended by a tab (stream fields are escaped, so they hold none);
 *   - the key found last remembered and compared with the row's period
 *     and fields before any key is built or hashed: a ticket's rows repeat
 *     their tier, period, statement and customer, and about half of all
 *     look-ups end there;
 *   - then the keys found recently, by a cheap hash of the period and the
 *     fields where they lie (their lengths and first and last eight
 *     bytes), one index a slot of RPT_KEYMAP_RECENT, each checked against
 *     the map's copy of its key: a key seen before costs neither its
 *     building nor the map's hash and probe, and most look-ups that pass
 *     the key found last end here (the groups of one ticket differ in
 *     their metric, the next ticket is in another month);
 *   - a map that is empty when zeroed (the report's maps live in its
 *     calloc'd structure; the sla_map is made at the first key). */
#ifndef SLA_REPORT_KEYMAP_H
#define SLA_REPORT_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_map.h"
#include "sla_stream.h"

/* Slots of the recent keys: 8 KiB a map, made with the map. */
enum { RPT_KEYMAP_RECENT = 1024 };

typedef struct rpt_keymap {
	sla_map *map;		/* NULL until the first key */
	const char *last;	/* the map's copy of the key found last, or NULL */
	size_t last_len, last_index;
	size_t *recent;		/* RPT_KEYMAP_RECENT slots: a key's index + 1, 0 for none */
	char *scratch;		/* where a key is built */
	size_t scratch_cap;
} rpt_keymap;

/* The index of the key of PERIOD and the fields FS[0..N), added at the end
 * when new (*ADDED); the map keeps a copy of the key.  Indices are 0, 1,
 * 2 ... in order of addition.  Returns -1 when out of memory (the map then
 * holds the keys it held). */
long sla_rpt_keymap_get(rpt_keymap *m, int64_t period, const sla_field *fs, size_t n,
			bool *added);
/* The fields of the key of index I, as they were given (still escaped),
 * into FS[0..N); valid until the next sla_rpt_keymap_get. */
void sla_rpt_keymap_fields(const rpt_keymap *m, size_t i, sla_field *fs, size_t n);
/* Free what M holds (M itself is the caller's); a zeroed map is empty. */
void sla_rpt_keymap_free(rpt_keymap *m);

#endif
