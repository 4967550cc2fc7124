/* data.c: lookup of the files compiled in from lib/data. */
#include <string.h>

#include "sla_data.h"

const struct sla_blob *
sla_data_find(const char *name)
{
	for (const struct sla_blob *b = sla_data_blobs; b->name; b++)
		if (strcmp(b->name, name) == 0)
			return b;
	return NULL;
}
