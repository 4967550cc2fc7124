/* sla_utf8.h: UTF-8 sequences -- how long one is, whether it is
 * well-formed, which code point it holds: the one decoder of lib/.
 *
 * Well-formed as Unicode says (Table 3-7): no overlong forms, no
 * surrogates, nothing above U+10FFFF.  The length and the check are inline
 * because validating a whole export calls them a character at a time.
 * Display width is sla_textwidth.h's; nothing here allocates. */
#ifndef SLA_UTF8_H
#define SLA_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether C is a continuation byte (10xxxxxx): inside a character, never
 * the start of one. */
static inline bool
sla_utf8_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Bytes of the sequence that lead byte C starts: 1 to 4, or 0 when C
 * cannot start one (a continuation byte, C0, C1, F5 to FF). */
static inline size_t
sla_utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Whether P[0..HAVE) can begin a well-formed sequence of K bytes, P[0]
 * being a lead byte of length K (sla_utf8_seq_len): only the HAVE bytes
 * present are checked, so a sequence cut by the end of a buffer can be
 * told from a bad one.  With HAVE == K: the sequence is well-formed. */
static inline bool
sla_utf8_seq_ok(const unsigned char *p, size_t k, size_t have)
{
	for (size_t i = 1; i < have; i++)
		if (!sla_utf8_continuation(p[i]))
			return false;
	if (have < 2)
		return true;
	if (k == 3 && ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F)))
		return false;	/* overlong; a surrogate */
	if (k == 4 && ((p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F)))
		return false;	/* overlong; above U+10FFFF */
	return true;
}

/* Decode the UTF-8 sequence at S (N > 0 bytes left) into *CP: its length,
 * or 0 when S does not start a well-formed sequence within N bytes. */
size_t sla_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The length of the longest prefix of P[0..N) that is well-formed UTF-8: N
 * when all of it is.  A sequence cut by the end counts as not well-formed
 * (the prefix ends before it).  ASCII runs cost a test per eight bytes. */
size_t sla_utf8_valid(const unsigned char *p, size_t n);

#endif
