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

/* Columns an export may have that the stream has not: its pauses as
 * people export them, start and end columns and a total, which sla-parse
 * reads into `paused` (sla-parse(1), PAUSES). */
enum sla_pause_col { SLA_PAUSE_START, SLA_PAUSE_END, SLA_PAUSE_TOTAL, SLA_NPAUSECOLS };

/* "paused_start", "paused_end", "paused_total": their names for --map. */
extern const char *const sla_pause_col_names[SLA_NPAUSECOLS];

/* The pause column that H[0..N) means, or -1; RANK as for
 * sla_alias_lookup (may be NULL). */
int sla_alias_pause_lookup(const char *h, size_t n, unsigned *rank);

/* True when the header names A and B are the same after normalising. */
bool sla_alias_same(const char *a, size_t an, const char *b, size_t bn);

/* For a header H[0..N) that no alias names, the canonical column it may
 * hold, or -1: the one whose name or alias is in it as whole words, the
 * longest such (Jira's "Custom field (First Response Date)" holds
 * "First response"); columns C with SKIP[C] (SLA_NCANON of them) are not
 * suggested.  A hint for -v, never a mapping: "First response time (in
 * hrs)" holds a duration. */
int sla_alias_suggest(const char *h, size_t n, const bool *skip);

/* The table as TSV (canonical, alias, source), for --list-aliases: the
 * canonical columns, then the pause columns. */
void sla_alias_print(FILE *out);

#endif
