/* sla_list.h: comma-separated lists ("breach,overdue", "a,b,c") -- the one
 * list splitter of lib/.
 *
 * An item is what stands between two commas, blanks included: trimming,
 * and what an empty item means, are the caller's.  Nothing is copied or
 * allocated; the items point into the list. */
#ifndef SLA_LIST_H
#define SLA_LIST_H

#include <stddef.h>

/* The item at *S (a NUL-ended list), its length in *LEN.  *S moves past the
 * comma that ends the item, or becomes NULL after the last one.  So
 *
 *	for (const char *s = list; s;)		every item, "a," is a and ""
 *	for (const char *s = list; s && *s;)	a trailing empty item and an
 *						empty list give none
 *
 * and each loop calls item = sla_list_next(&s, &len). */
const char *sla_list_next(const char **s, size_t *len);

/* The number of items the first loop gives: the commas, plus one. */
size_t sla_list_count(const char *s);

/* The length of the list separator at P (END: the end of the text): 1 for
 * the comma, 3 for the Chinese ， and 、 (as [events] and INI lists take
 * them), 0 for anything else. */
size_t sla_list_separator(const char *p, const char *end);

#endif
