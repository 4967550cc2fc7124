/* sla_ini_source.h: a line source for libinih with no limit on line length.
 *
 * libinih reads a line into a buffer of a size fixed when it was built
 * (200 bytes with the newline and NUL in Debian's), and an fgets() reader
 * hands it a longer line cut in pieces that it reads as lines of their
 * own.  This reader hands it an over-long key = value line as the key line
 * and indented continuation lines, split where inih strips nothing (and at
 * a list comma when one is in reach), so the handler can put the value
 * back together byte for byte; it cuts a comment (";" after a blank) off
 * every line first, continuation lines too, as sla-policy(5) promises.
 * It keeps the physical line number, for the handler and for inih's own
 * error line.  It owns only the list of inih's extra line numbers. */
#ifndef SLA_INI_SOURCE_H
#define SLA_INI_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sla_ini_source {
	const char *pos, *end;	/* the text not read yet */
	unsigned long line;	/* the physical line of the last piece handed */
	bool continuation;	/* that line starts with a blank: it continues a value */
	bool piece;		/* the last piece goes on with the line before it */
	bool at_separator;	/* ... and the line was split before a list separator */
	const char *glue;	/* ... the bytes the split dropped (blanks): the value
				 * is the value so far, these, then the piece */
	size_t nglue;
	unsigned long too_long;	/* the first line that could not be handed over, or 0 */
	const char *why;	/* ... and why not */
	int max_line;		/* inih's buffer, as it told the reader */
	/* private: the rest of a line being handed in pieces */
	const char *rest, *rest_end, *next_glue;
	size_t next_nglue;
	bool next_at_separator;
	unsigned long calls;	/* lines handed, as inih counts them */
	unsigned long *extra;	/* inih's numbers of the pieces after the first */
	size_t nextra, capextra;
	bool nomem;
} sla_ini_source;

/* Read TEXT[0..LEN) (not NUL-ended). */
void sla_ini_source_init(sla_ini_source *s, const char *text, size_t len);
void sla_ini_source_free(sla_ini_source *s);

/* An ini_reader: hand ini_parse_stream() the next line or piece, with the
 * sla_ini_source as its stream.  A line that cannot be handed over (a
 * [section] line too long for inih, one with no key, no place to split) is
 * handed as an empty line and noted in too_long and why. */
char *sla_ini_source_read(char *str, int num, void *stream);

/* The physical line of INIH_LINE, a line number inih returned. */
unsigned long sla_ini_source_line(const sla_ini_source *s, unsigned long inih_line);

#endif
