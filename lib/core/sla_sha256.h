/* sla_sha256.h: the SHA-256 digest of a text, as hex -- what an auditor
 * checks a report's policy against with sha256sum(1).  A thin use of
 * Debian's libnettle (sha256.c); the one SHA-256 of lib/.
 *
 * Not a consistency check of settings (a report's partial state has its
 * own): this one names the bytes of a file, for people. */
#ifndef SLA_SHA256_H
#define SLA_SHA256_H

#include <stddef.h>

/* 64 hex digits and their NUL. */
#define SLA_SHA256_HEX 65

/* The SHA-256 of the N bytes at P, in lower-case hex, into OUT.
 * Returns OUT. */
char *sla_sha256_hex(const void *p, size_t n, char out[SLA_SHA256_HEX]);

#endif
