/* utf8.c: decoding one UTF-8 sequence (sla_utf8.h). */
#include "sla_utf8.h"

size_t
sla_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = sla_utf8_seq_len(p[0]);

	if (k == 1) {
		*cp = p[0];
		return 1;
	}
	if (k == 0 || k > n || !sla_utf8_seq_ok(p, k, k))
		return 0;
	uint32_t v = p[0] & (0x7Fu >> k);
	for (size_t i = 1; i < k; i++)
		v = v << 6 | (p[i] & 0x3Fu);
	*cp = v;
	return k;
}
