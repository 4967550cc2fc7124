/* lib/core/: what every stage uses, one copy of each primitive (lib/README). */
/* sla_mem.h: growing an array by doubling, with the size checked. */
#ifndef SLA_MEM_H
#define SLA_MEM_H

#include <stdbool.h>
#include <stddef.h>

/* Grow the array *P of *CAP elements of SIZE bytes to hold at least NEED:
 * the capacity doubles (from 8) until it does, so a run of appends costs
 * amortised constant time.  False when out of memory or when the size in
 * bytes would not fit in size_t; *P and *CAP are then unchanged, and *P is
 * still the caller's to free.  P points to the caller's pointer variable,
 * of any object pointer type: (void **)&v.  SIZE is not 0. */
bool sla_grow_to(void **p, size_t *cap, size_t need, size_t size);

/* Inline, so that the common case -- room already there -- costs a
 * comparison and not a call: sla-parse asks for every field it reads. */
static inline bool
sla_grow(void **p, size_t *cap, size_t need, size_t size)
{
	return need <= *cap || sla_grow_to(p, cap, need, size);
}

#endif
