/* sla_colnames.h: the column names of a header, counted, and the stream's
 * rule for a repeated one (sla(7), "Duplicates"; sla-parse(1), HEADERS).
 *
 * A set of names (byte strings, compared exactly, as the stream tools find
 * their columns), each with the first column that had it and how many
 * did.  sla-parse counts an export's header names in one set and takes
 * the stream's names in another; the stream reader refuses a header that
 * repeats a name.  A hash table: adding or finding a name costs a hash and
 * a probe or two, so a header of any width is read in linear time.  The
 * set owns copies of its names. */
#ifndef SLA_COLNAMES_H
#define SLA_COLNAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sla_colnames sla_colnames;

/* An empty set, or NULL when out of memory. */
sla_colnames *sla_colnames_new(void);
void sla_colnames_free(sla_colnames *s);

/* Count one more column, COL, named NAME[0..N): how many columns have the
 * name now (1 for the first), or 0 when out of memory.  *FIRST (FIRST may
 * be NULL) is the first column that had it. */
size_t sla_colnames_add(sla_colnames *s, const char *name, size_t n, size_t col, size_t *first);

/* Whether a column has NAME[0..N). */
bool sla_colnames_has(const sla_colnames *s, const char *name, size_t n);

/* The name under which the stream writes export column COL, headed NAME
 * (NUL-ended) and the OCCURRENCE-th export column so headed (from 1):
 * NAME when it is the first and no column of S has it; else export.NAME
 * when free; else export.NAME.K for the first free K from OCCURRENCE on,
 * 2 at least (the third "Comment" is export.Comment.3).  The name is added to S.
 * A new string (malloc), or NULL when out of memory. */
char *sla_colnames_unique(sla_colnames *s, const char *name, size_t occurrence, size_t col);

#endif
