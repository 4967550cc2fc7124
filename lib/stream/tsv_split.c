/* tsv_split.c: a stream line found and split in one pass (sla_tsv_split.h
 * says why).  Thirty-two bytes at a time give two bit masks, one of tabs and
 * one of line feeds; the tabs below the first line feed cut the fields, a
 * bit at a time.  Only chunk_masks() knows the machine. */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "sla_tsv_split.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Two SSE2 vectors a step: a row of the check stream is some 190 bytes,
 * and each step costs its loop as well as its masks. */
enum { CHUNK = 32 };

/* Bit I of *TABS (of *LFS) set when C[I] is a tab (a line feed), for the
 * CHUNK bytes at C. */
static inline void
chunk_masks(const char *c, uint32_t *tabs, uint32_t *lfs)
{
#if defined(__SSE2__)
	__m128i lo = _mm_loadu_si128((const __m128i *)(const void *)c);
	__m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(c + 16));
	__m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n');
	*tabs = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lo, tab)) |
		(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(hi, tab)) << 16;
	*lfs = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lo, lf)) |
	       (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(hi, lf)) << 16;
#else
	uint32_t t = 0, l = 0;
	for (unsigned i = 0; i < CHUNK; i++) {
		t |= (uint32_t)(c[i] == '\t') << i;
		l |= (uint32_t)(c[i] == '\n') << i;
	}
	*tabs = t;
	*lfs = l;
#endif
}

/* The index of the lowest bit set in M (M != 0). */
static inline unsigned
lowest_bit(uint32_t m)
{
#if defined(__GNUC__) && UINT_MAX >= UINT32_MAX
	return (unsigned)__builtin_ctz(m);
#else
	unsigned i = 0;
	for (; !(m & 1u); m >>= 1)
		i++;
	return i;
#endif
}

size_t
sla_tsv_split(const char *p, size_t n, sla_field *fields, size_t ncols, size_t *nfields)
{
	size_t k = 0, from = 0, extra = 0, len = n;
	char tail[CHUNK];

	for (size_t off = 0; off < n; off += CHUNK) {
		const char *c = p + off;
		uint32_t tabs, lfs;
		if (n - off < CHUNK) {	/* the last bytes, padded with NULs: neither tab nor LF */
			memset(tail, 0, sizeof tail);
			memcpy(tail, c, n - off);
			c = tail;
		}
		chunk_masks(c, &tabs, &lfs);
		if (lfs) {
			unsigned at = lowest_bit(lfs);
			tabs &= ((uint32_t)1 << at) - 1;
			len = off + at;
		}
		for (; tabs && k + 1 < ncols; tabs &= tabs - 1) {
			size_t t = off + lowest_bit(tabs);
			fields[k++] = (sla_field){ p + from, t - from };
			from = t + 1;
		}
		for (; tabs; tabs &= tabs - 1)
			extra++;	/* folded into the last field */
		if (lfs)
			break;
	}
	fields[k] = (sla_field){ p + from, len - from };
	for (size_t i = k + 1; i < ncols; i++)
		fields[i] = (sla_field){ p + len, 0 };
	*nfields = k + 1 + extra;
	return len;
}
