/* sha256.c: a text's SHA-256 as hex (sla_sha256.h), over libnettle. */
#include <nettle/sha2.h>

#include "sla_sha256.h"

char *
sla_sha256_hex(const void *p, size_t n, char out[SLA_SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, n, p);
	sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[2 * sizeof digest] = '\0';
	return out;
}
