/* colnames.c: a header's column names, and unique names for repeated ones
 * (see sla_colnames.h).  The names are an sla_map; the columns that had a
 * name are counted in an array beside it, by the name's number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_colnames.h"
#include "sla_map.h"
#include "sla_mem.h"

typedef struct seen {
	size_t first, count;	/* the first column that had the name; how many did */
} seen;

struct sla_colnames {
	sla_map *names;
	seen *seen;		/* by the name's number in the map */
	size_t cap;
};

sla_colnames *
sla_colnames_new(void)
{
	sla_colnames *s = calloc(1, sizeof *s);
	if (s && !(s->names = sla_map_new())) {
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
	sla_map_free(s->names);
	free(s->seen);
	free(s);
}

size_t
sla_colnames_add(sla_colnames *s, const char *name, size_t n, size_t col, size_t *first)
{
	/* room first, so that a name is never in the map without its count */
	if (!sla_grow((void **)&s->seen, &s->cap, sla_map_count(s->names) + 1, sizeof *s->seen))
		return 0;
	bool added;
	size_t i = sla_map_intern(s->names, name, n, &added);
	if (i == SLA_MAP_NONE)
		return 0;
	if (added)
		s->seen[i] = (seen){ col, 0 };
	if (first)
		*first = s->seen[i].first;
	return ++s->seen[i].count;
}

bool
sla_colnames_has(const sla_colnames *s, const char *name, size_t n)
{
	return sla_map_find(s->names, name, n) != SLA_MAP_NONE;
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
