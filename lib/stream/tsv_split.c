/* tsv_split.c: a stream line found and split in one pass (sla_tsv_split.h
 * says why).  Sixteen bytes at a time give two bit masks, one of tabs and
 * one of line feeds; the tabs below the first line feed cut the fields, a
 * bit at a time.  Only chunk_masks() knows the machine. */
#include <string.h>

#include "sla_tsv_split.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { CHUNK = 16 };

/* Bit I of *TABS (of *LFS) set when C[I] is a tab (a line feed), for the
 * CHUNK bytes at C. */
static inline void
chunk_masks(const char *c, unsigned *tabs, unsigned *lfs)
{
#if defined(__SSE2__)
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)c);
	*tabs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
	*lfs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
#else
	unsigned t = 0, l = 0;
	for (unsigned i = 0; i < CHUNK; i++) {
		t |= (unsigned)(c[i] == '\t') << i;
		l |= (unsigned)(c[i] == '\n') << i;
	}
	*tabs = t;
	*lfs = l;
#endif
}

/* The index of the lowest bit set in M (M != 0). */
static inline unsigned
lowest_bit(unsigned m)
{
#if defined(__GNUC__)
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
		unsigned tabs, lfs;
		if (n - off < CHUNK) {	/* the last bytes, padded with NULs: neither tab nor LF */
			memset(tail, 0, sizeof tail);
			memcpy(tail, c, n - off);
			c = tail;
		}
		chunk_masks(c, &tabs, &lfs);
		if (lfs) {
			unsigned at = lowest_bit(lfs);
			tabs &= (1u << at) - 1;
			len = off + at;
		}
		for (; tabs; tabs &= tabs - 1) {
			size_t t = off + lowest_bit(tabs);
			if (k + 1 < ncols) {
				fields[k++] = (sla_field){ p + from, t - from };
				from = t + 1;
			} else {
				extra++;	/* folded into the last field */
			}
		}
		if (lfs)
			break;
	}
	fields[k] = (sla_field){ p + from, len - from };
	for (size_t i = k + 1; i < ncols; i++)
		fields[i] = (sla_field){ p + len, 0 };
	*nfields = k + 1 + extra;
	return len;
}
