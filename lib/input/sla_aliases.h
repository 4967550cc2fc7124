/* sla_aliases.h: the canonical ticket columns (DESIGN §3) and the export
 * header names that mean each of them.
 *
 * Header names compare case-insensitively (ASCII) and with spaces,
 * underscores and hyphens ignored (also the ideographic space U+3000), so
 * "Created At", "created_at" and "CREATED-AT" are one name. */
#ifndef SLA_ALIASES_H
#define SLA_ALIASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum sla_canon {
	SLA_COL_ID, SLA_COL_LINE, SLA_COL_OPENED, SLA_COL_PRIORITY, SLA_COL_SEVERITY,
	SLA_COL_TIER, SLA_COL_RULE, SLA_COL_CATEGORY, SLA_COL_CHANNEL, SLA_COL_CUSTOMER,
	SLA_COL_FIRST_RESPONSE, SLA_COL_ONSITE, SLA_COL_WORKAROUND, SLA_COL_RESOLVED,
	SLA_COL_REPLACED, SLA_COL_CLOSED, SLA_COL_PAUSED, SLA_COL_EXCLUDE, SLA_COL_ERROR,
	SLA_COL_DESCRIPTION,
	SLA_NCANON
};

/* The canonical column names, in the stream's order. */
extern const char *const sla_canon_names[SLA_NCANON];

/* True for the canonical columns that hold a time (opened, first_response,
 * onsite, workaround, resolved, replaced, closed). */
bool sla_canon_is_time(int col);

/* The canonical column named NAME exactly, or -1. */
int sla_canon_find(const char *name);

/* The canonical column that the export header H[0..N) means, or -1.  RANK
 * (may be NULL) receives the alias's place in the table: when several
 * export columns mean one canonical column, the lowest rank wins. */
int sla_alias_lookup(const char *h, size_t n, unsigned *rank);

/* True when the header names A and B are the same after normalising. */
bool sla_alias_same(const char *a, size_t an, const char *b, size_t bn);

/* The table as TSV (canonical, alias, source), for --list-aliases. */
void sla_alias_print(FILE *out);

#endif
