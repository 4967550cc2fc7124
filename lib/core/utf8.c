/* utf8.c: decoding one UTF-8 sequence, and the valid prefix of a text
 * (sla_utf8.h). */
#include <string.h>

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

size_t
sla_utf8_valid(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			/* ASCII runs eight bytes at a time */
			uint64_t w;
			while (i + 8 <= n && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ULL)))
				i += 8;
			continue;
		}
		/* Chinese text is three-byte sequences: checked with K known */
		if ((p[i] & 0xF0) == 0xE0 && i + 3 <= n && sla_utf8_seq_ok(p + i, 3, 3)) {
			i += 3;
			continue;
		}
		size_t k = sla_utf8_seq_len(p[i]);
		if (k == 0)
			return i;
		size_t have = n - i < k ? n - i : k;
		if (!sla_utf8_seq_ok(p + i, k, have))
			return i;
		if (have < k)
			return i;
		i += k;
	}
	return n;
}
