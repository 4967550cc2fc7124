/* list.c: comma-separated lists (sla_list.h). */
#include <string.h>

#include "sla_list.h"

const char *
sla_list_next(const char **s, size_t *len)
{
	const char *item = *s, *comma = strchr(item, ',');
	*len = comma ? (size_t)(comma - item) : strlen(item);
	*s = comma ? comma + 1 : NULL;
	return item;
}

size_t
sla_list_count(const char *s)
{
	size_t n = 1;
	for (; *s; s++)
		n += *s == ',';
	return n;
}

size_t
sla_list_separator(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);
	if (n >= 1 && *p == ',')
		return 1;
	if (n >= 3 && (memcmp(p, "\xef\xbc\x8c", 3) == 0 || memcmp(p, "\xe3\x80\x81", 3) == 0))
		return 3;
	return 0;
}
