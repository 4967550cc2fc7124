/* sla_tsv_split.h: one stream line found and split into fields in one
 * pass (the reader's inner loop, reader.c; tsv_split.c).
 *
 * The streams' fields are short (about a dozen bytes), so finding each tab
 * with its own memchr, after a memchr for the line end, costs more in
 * calls and starts than in bytes.  This looks at 32 bytes at a time for
 * tabs and line feeds at once (SSE2, which every x86-64 has; elsewhere a
 * byte loop that builds the same masks) and cuts fields as the tab bits
 * come.  No allocation; reads no byte past P + N. */
#ifndef SLA_TSV_SPLIT_H
#define SLA_TSV_SPLIT_H

#include <stddef.h>

#include "sla_stream.h"

/* The line at P: its length, the offset of the first LF in P[0..N), or N
 * when there is none.  Its fields go into FIELDS[0..NCOLS) (NCOLS >= 1),
 * as sla_reader_fields() hands them out: cut at each tab; missing ones
 * empty (at the line's end); the ones past NCOLS folded, tabs and all,
 * into the last.  *NFIELDS is the number of fields the line really has
 * (its tabs and one). */
size_t sla_tsv_split(const char *p, size_t n, sla_field *fields, size_t ncols, size_t *nfields);

#endif
