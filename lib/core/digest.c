/* digest.c: FNV-1a 64 (sla_digest.h). */
#include "sla_digest.h"

uint64_t
sla_digest(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

char *
sla_digest_hex(uint64_t h, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--, h >>= 4)
		buf[i] = hex[h & 15];
	buf[16] = '\0';
	return buf;
}

int
sla_digest_parse(const char *p, size_t n, uint64_t *h)
{
	uint64_t v = 0;
	if (n != 16)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			   : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 16;
		if (d == 16)
			return -1;
		v = v << 4 | d;
	}
	*h = v;
	return 0;
}
