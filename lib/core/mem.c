/* mem.c: growing arrays (sla_mem.h). */
#include <stdint.h>
#include <stdlib.h>

#include "sla_mem.h"

/* sla_grow's work when the array is full. */
bool
sla_grow_to(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need)
		ncap = ncap <= SIZE_MAX / 2 ? ncap * 2 : need;
	if (size == 0 || ncap > SIZE_MAX / size)
		return false;
	void *np = realloc(*p, ncap * size);
	if (!np)
		return false;
	*p = np;
	*cap = ncap;
	return true;
}
