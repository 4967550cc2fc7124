/* visible.c: the unsafe characters of a text and their visible forms
 * (sla_visible.h). */
#include <stdbool.h>
#include <string.h>

#include "sla_utf8.h"
#include "sla_visible.h"

/* Whether the well-formed character CP acts on the reader instead of
 * showing itself (C1, bidi) or is no character (U+FFFE, U+FFFF). */
static bool
unsafe_char(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFE || cp == 0xFFFF;
}

/* Whether the eight bytes of W are all printable ASCII (0x20 to 0x7E):
 * none below 0x20, none at 0x7F or above. */
static bool
plain_word(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;

	return !((((w - ones * 0x20) & ~w) | (w + ones) | w) & highs);
}

size_t
sla_visible_run(const char *p, size_t n, sla_unsafe *u)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x20 && c < 0x7F) {
			/* most text is ASCII: a word at a time */
			uint64_t w;
			i++;
			while (i + 8 <= n && (memcpy(&w, p + i, 8), plain_word(w)))
				i += 8;
			continue;
		}
		if (c < 0x80) {
			*u = (sla_unsafe){ SLA_UNSAFE_CONTROL, c, 1 };
			return i;
		}
		/* Chinese is three-byte sequences, and of those only the ones
		 * led by E2 (U+2xxx) and EF (U+Fxxx) can be unsafe */
		if ((c & 0xF0) == 0xE0 && c != 0xE2 && c != 0xEF && i + 3 <= n &&
		    sla_utf8_seq_ok((const unsigned char *)p + i, 3, 3)) {
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t len = sla_utf8_decode(p + i, n - i, &cp);
		if (len == 0) {
			*u = (sla_unsafe){ SLA_UNSAFE_BYTE, c, 1 };
			return i;
		}
		if (unsafe_char(cp)) {
			*u = (sla_unsafe){ SLA_UNSAFE_CHAR, cp, len };
			return i;
		}
		i += len;
	}
	return n;
}

size_t
sla_visible_form(const sla_unsafe *u, char buf[SLA_VISIBLE_MAX])
{
	static const char lower[] = "0123456789abcdef", upper[] = "0123456789ABCDEF";
	size_t o = 0;

	if (u->kind == SLA_UNSAFE_CHAR) {
		/* every unsafe character is in the BMP: four digits */
		buf[o++] = '<', buf[o++] = 'U', buf[o++] = '+';
		for (int shift = 12; shift >= 0; shift -= 4)
			buf[o++] = upper[u->cp >> shift & 15];
		buf[o++] = '>';
	} else if (u->cp == '\t' || u->cp == '\n' || u->cp == '\r') {
		buf[o++] = '\\';
		buf[o++] = u->cp == '\t' ? 't' : u->cp == '\n' ? 'n' : 'r';
	} else {
		buf[o++] = '\\', buf[o++] = 'x';
		buf[o++] = lower[u->cp >> 4 & 15];
		buf[o++] = lower[u->cp & 15];
	}
	buf[o] = '\0';
	return o;
}

void
sla_visible_walk(const char *p, size_t n, const sla_visible_ops *ops, void *ctx)
{
	while (n > 0) {
		sla_unsafe u;
		size_t k = sla_visible_run(p, n, &u);
		if (k > 0)
			ops->run(ctx, p, k);
		if (k == n)
			return;
		ops->unsafe(ctx, &u);
		p += k + u.len;
		n -= k + u.len;
	}
}
