/* sla_csv_dialect.h: the dialect of a CSV export -- which delimiter it
 * uses, sniffed from its first lines, and the delimiter and size names an
 * export's options give.
 *
 * Owns no memory and reads no file: csvin.c (sla_csvin.h) hands it the
 * first decoded block and reads the records. */
#ifndef SLA_CSV_DIALECT_H
#define SLA_CSV_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether C ends a line (LF, or the CR of CRLF or of an old Mac file). */
static inline bool
sla_csv_is_eol(char c)
{
	return c == '\n' || c == '\r';
}

/* The delimiter among , ; TAB | that splits the first line of P[0..N) into
 * the most fields and the next lines (up to 50) into as many; ',' when
 * none splits at all.  Quotes are skipped over unless NO_QUOTE. */
char sla_csv_sniff_delim(const char *p, size_t n, bool no_quote);

/* A delimiter as given on the command line: one byte, or "tab" / "\t".
 * -1 for a quote, a line break, or more than one byte. */
int sla_csvin_delim_from_name(const char *s);

#endif
