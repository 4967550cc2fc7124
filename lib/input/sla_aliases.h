/* sla_aliases.h: the export header names that mean each canonical ticket
 * column (the columns themselves are the stream's: sla_canon.h).
 *
 * Header names compare case-insensitively (ASCII) and with spaces,
 * underscores and hyphens ignored (also the ideographic space U+3000), so
 * "Created At", "created_at" and "CREATED-AT" are one name. */
#ifndef SLA_ALIASES_H
#define SLA_ALIASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sla_canon.h"

/* The canonical column that the export header H[0..N) means, or -1.  RANK
 * (may be NULL) receives the alias's place in the table: when several
 * export columns mean one canonical column, the lowest rank wins. */
int sla_alias_lookup(const char *h, size_t n, unsigned *rank);

/* True when the header names A and B are the same after normalising. */
bool sla_alias_same(const char *a, size_t an, const char *b, size_t bn);

/* The table as TSV (canonical, alias, source), for --list-aliases. */
void sla_alias_print(FILE *out);

#endif
