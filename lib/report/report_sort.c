/* report_sort.c: the sort of a group's elapsed times, for exact
 * percentiles (report_int.h).  Sorting is all it does. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* Sort the N non-negative values V: LSD radix sort, a byte a pass, only
 * as many passes as the largest value has bytes (three for durations under
 * six months).  qsort spent most of the report's time here. */
int
sla_rpt_sort_elapsed(int64_t *v, size_t n)
{
	int64_t max = 0;
	for (size_t i = 0; i < n; i++)
		max = v[i] > max ? v[i] : max;
	if (n < 2 || max == 0)
		return 0;
	int64_t *tmp = malloc(n * sizeof *tmp), *src = v, *dst = tmp;
	if (!tmp)
		return -1;
	for (unsigned shift = 0; shift < 64 && (max >> shift) > 0; shift += 8) {
		size_t count[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[((uint64_t)src[i] >> shift & 0xFF) + 1]++;
		for (size_t b = 1; b < 257; b++)
			count[b] += count[b - 1];
		for (size_t i = 0; i < n; i++)
			dst[count[(uint64_t)src[i] >> shift & 0xFF]++] = src[i];
		int64_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
	return 0;
}
