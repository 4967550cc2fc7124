/* sla_map.h: byte strings to the dense numbers 0, 1, 2 ... of their first
 * appearance -- the one hash table of lib/, and its one string hash.
 *
 * A key is any N bytes (NUL included), compared exactly.  The map owns a
 * copy of every key, all in one arena, and the slots; it does not own
 * what a caller keeps for a key: that goes in the caller's own array,
 * indexed by the number sla_map_intern gives (a map of names to classes is
 * an sla_map and an array of classes).  Open addressing with linear
 * probing, kept at most half full; a slot holds its key's hash, so a probe
 * reads a key only when the hashes agree.  A lookup costs one hash and a
 * probe or two; the map costs 50 to 100 bytes a key besides the key's
 * own bytes (slots and numbers grow by doubling). */
#ifndef SLA_MAP_H
#define SLA_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What sla_map_find and sla_map_intern give for no key. */
#define SLA_MAP_NONE SIZE_MAX

/* The hash of P[0..N), eight bytes at a time (the keys are short, and
 * callers hash once a record).  Not for anything stored: it may change. */
uint64_t sla_hash(const char *p, size_t n);

typedef struct sla_map sla_map;

/* An empty map, or NULL when out of memory. */
sla_map *sla_map_new(void);
void sla_map_free(sla_map *m);

/* The number of KEY[0..N), or SLA_MAP_NONE when it is not in the map. */
size_t sla_map_find(const sla_map *m, const char *key, size_t n);

/* The number of KEY[0..N), the next one (sla_map_count before the call)
 * when it is new: *ADDED (ADDED may be NULL) says which.  SLA_MAP_NONE when
 * out of memory or full; the map is then as it was. */
size_t sla_map_intern(sla_map *m, const char *key, size_t n, bool *added);

/* The same with the key's hash, HASH == sla_hash(KEY, N), for a caller
 * that needs the hash for itself as well and computes it once. */
size_t sla_map_find_hashed(const sla_map *m, const char *key, size_t n, uint64_t hash);
size_t sla_map_intern_hashed(sla_map *m, const char *key, size_t n, uint64_t hash,
			     bool *added);

/* How many keys the map holds. */
size_t sla_map_count(const sla_map *m);

/* Key I (< sla_map_count), NUL-ended, its length in *N (N may be NULL).
 * The map's copy: valid until the next sla_map_intern or sla_map_free. */
const char *sla_map_key(const sla_map *m, size_t i, size_t *n);

#endif
