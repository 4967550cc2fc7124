/* colnames.c: a header's column names, and unique names for repeated ones
 * (see sla_colnames.h).  Open addressing with linear probing, kept at most
 * half full; the hash is the one of the [events] names and ticket ids. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_colnames.h"
#include "sla_event_names.h"

typedef struct slot {
	char *name;		/* NULL: empty */
	size_t n, first, count;
	uint64_t hash;
} slot;

struct sla_colnames {
	slot *slots;
	size_t cap, used;	/* cap: a power of two */
};

sla_colnames *
sla_colnames_new(void)
{
	sla_colnames *s = calloc(1, sizeof *s);
	if (s && !(s->slots = calloc(s->cap = 16, sizeof *s->slots))) {
		free(s);
		return NULL;
	}
	return s;
}

void
sla_colnames_free(sla_colnames *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->cap; i++)
		free(s->slots[i].name);
	free(s->slots);
	free(s);
}

/* The slot of NAME, or the empty slot where it would go. */
static slot *
find(slot *slots, size_t cap, const char *name, size_t n, uint64_t hash)
{
	size_t i = (size_t)hash & (cap - 1);
	while (slots[i].name && !(slots[i].hash == hash && slots[i].n == n &&
				  memcmp(slots[i].name, name, n) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool
grow(sla_colnames *s)
{
	size_t ncap = s->cap * 2;
	slot *nv = ncap > s->cap ? calloc(ncap, sizeof *nv) : NULL;
	if (!nv)
		return false;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].name)
			*find(nv, ncap, s->slots[i].name, s->slots[i].n, s->slots[i].hash) = s->slots[i];
	free(s->slots);
	s->slots = nv;
	s->cap = ncap;
	return true;
}

size_t
sla_colnames_add(sla_colnames *s, const char *name, size_t n, size_t col, size_t *first)
{
	if (2 * (s->used + 1) > s->cap && !grow(s))
		return 0;
	uint64_t hash = sla_events_hash(name, n);
	slot *e = find(s->slots, s->cap, name, n, hash);
	if (!e->name) {
		char *copy = malloc(n + 1);
		if (!copy)
			return 0;
		memcpy(copy, name, n);
		copy[n] = '\0';
		*e = (slot){ copy, n, col, 0, hash };
		s->used++;
	}
	if (first)
		*first = e->first;
	return ++e->count;
}

bool
sla_colnames_has(const sla_colnames *s, const char *name, size_t n)
{
	return find(s->slots, s->cap, name, n, sla_events_hash(name, n))->name != NULL;
}

char *
sla_colnames_unique(sla_colnames *s, const char *name, size_t occurrence, size_t col)
{
	size_t n = strlen(name), room = n + sizeof "export." + 3 * sizeof(size_t) + 2;
	char *out = malloc(room);
	if (!out)
		return NULL;
	memcpy(out, name, n + 1);
	if (occurrence > 1 || sla_colnames_has(s, out, n)) {
		snprintf(out, room, "export.%s", name);
		for (size_t k = occurrence > 1 ? occurrence : 2; sla_colnames_has(s, out, strlen(out)); k++)
			snprintf(out, room, "export.%s.%zu", name, k);
	}
	if (!sla_colnames_add(s, out, strlen(out), col, NULL)) {
		free(out);
		return NULL;
	}
	return out;
}
