/* sla_digest.h: a digest of bytes to tell one text from another: FNV-1a,
 * 64 bits (Fowler, Noll, Vo; draft-eastlake-fnv), stable across runs,
 * builds and machines, so that it can be written in a file and compared
 * later (a partial report's settings and parts, sla-report(1)).
 *
 * A consistency check, not security: anyone can make two texts of one
 * digest on purpose.  For a hash table use sla_hash (sla_map.h), which is
 * faster and may change. */
#ifndef SLA_DIGEST_H
#define SLA_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/* The digest of no bytes: where a digest starts. */
#define SLA_DIGEST_INIT UINT64_C(0xcbf29ce484222325)

/* The digest H (SLA_DIGEST_INIT, or one made so far) continued over
 * P[0..N); a digest of A then B is that of A and B together. */
uint64_t sla_digest(uint64_t h, const void *p, size_t n);

/* H as 16 lower-case hex digits and a NUL, into BUF (17 bytes); BUF. */
char *sla_digest_hex(uint64_t h, char *buf);

/* The 16 hex digits at P[0..N) into *H: 0, or -1 when they are not that. */
int sla_digest_parse(const char *p, size_t n, uint64_t *h);

#endif
