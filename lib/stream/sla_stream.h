/* lib/stream/: the ticket and check streams, their cells and names (lib/README). */
/* sla_stream.h: the ticket and check streams (DESIGN §3).
 *
 * UTF-8 TSV, one header line, one record a line, no quoting: inside a field
 * tab, newline, carriage return and backslash are written \t \n \r \\.
 * The reader hands out fields still escaped, pointing into its buffer (no
 * copy, no allocation per field); sla_unescape() decodes one when a tool
 * needs its text.  The writer escapes text, or copies escaped fields raw.
 *
 * The face of two files: reader.c (fields, the reader, unescaping, the
 * realigner) and writer.c (escaping, the writer, the layout).  The formats
 * of single cells (times, paused) are sla_stream_fields.h's, the column
 * names sla_canon.h's and sla_colnames.h's. */
#ifndef SLA_STREAM_H
#define SLA_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "sla_diag.h"

/* A run of bytes that is not NUL-terminated. */
typedef struct sla_field {
	const char *p;
	size_t n;
} sla_field;

#define SLA_FIELD(s) ((sla_field){ (s), sizeof(s) - 1 })

bool sla_field_eq(sla_field f, const char *s);
/* True when F is empty or only spaces and tabs.  Inline: sla-parse asks it
 * of every time cell. */
static inline bool
sla_field_blank(sla_field f)
{
	for (size_t i = 0; i < f.n; i++)
		if (f.p[i] != ' ' && f.p[i] != '\t')
			return false;
	return true;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct sla_reader sla_reader;

/* The longest line a reader takes by default (--max-line). */
#define SLA_READER_MAX_LINE ((size_t)64 << 20)

/* Read the files PATHS[0..N) in turn ("-" is standard input; N == 0 reads
 * standard input).  Each file starts with a header line; every file's header
 * must be the first file's.  A line ends at LF, CRLF or a lone CR.  Messages
 * go through D.  NULL when the first file cannot be opened or has no header,
 * or its header holds a NUL byte (the message is printed).  Holds one buffer
 * of at least 256 KiB, grown to the longest line read. */
sla_reader *sla_reader_open(char *const *paths, size_t n, sla_diag *d);
/* The same, with lines bounded at MAX_LINE bytes (0: SLA_READER_MAX_LINE)
 * rather than SLA_READER_MAX_LINE: a longer line is a fatal error (of
 * sla_reader_open_max or sla_reader_next), found before the buffer grows
 * past MAX_LINE + 2 bytes. */
sla_reader *sla_reader_open_max(char *const *paths, size_t n, size_t max_line, sla_diag *d);
/* The same for files of lines without a header (partial reports): each
 * line is one field, tabs and all (sla_reader_ragged() counts them), and
 * the files follow one another with nothing checked.  NULL only when the
 * first file cannot be opened. */
sla_reader *sla_reader_open_lines(char *const *paths, size_t n, sla_diag *d);
void sla_reader_free(sla_reader *r);

/* The header's column count and names (escaped, as in the file). */
size_t sla_reader_ncols(const sla_reader *r);
const sla_field *sla_reader_header(const sla_reader *r);
/* Index of the column named NAME, or -1. */
int sla_reader_column(const sla_reader *r, const char *name);

/* Advance to the next record: 1 a record, 0 the end, -1 a fatal error
 * (I/O error, a line longer than the bound, or a later file whose header
 * differs; the message is printed).  Blank lines are skipped. */
int sla_reader_next(sla_reader *r);

/* The current record's fields: always sla_reader_ncols() of them, valid
 * until the next call.  A row with fewer fields than the header has the
 * missing ones empty; one with more has the extra ones folded into the last
 * (tab and all), so no byte is lost.  Either way sla_reader_ragged() gives
 * the number of fields the row really had, else 0. */
const sla_field *sla_reader_fields(const sla_reader *r);
size_t sla_reader_ragged(const sla_reader *r);

/* A NUL byte is no text (sla(7)): a record that holds one is handed out
 * with each NUL read as U+FFFD, never cut at it, for the tool to flag the
 * record.  sla_reader_nul() is then the number (from 1) of the first field
 * that held one, else 0.  Such a record costs a copy of its line. */
size_t sla_reader_nul(const sla_reader *r);

/* Where the current record is: the file name as given ("-" reads as
 * "<stdin>") and its line number (the header is line 1). */
const char *sla_reader_file(const sla_reader *r);
unsigned long sla_reader_line(const sla_reader *r);

/* Decode the escapes of F into DST, which has room for F.n bytes (decoding
 * never lengthens).  Returns the decoded length.  An unknown escape, or a
 * backslash at the end, is kept as it is. */
size_t sla_unescape(sla_field f, char *dst);

/* Escape TEXT[0..N) into DST, which has room for 2 * N bytes: the inverse
 * of sla_unescape, for a column built before it is written.  Returns the
 * escaped length. */
size_t sla_escape(const char *text, size_t n, char *dst);

/* A row with more fields than the header has the extra ones folded into its
 * last field, tabs and all (sla_reader_fields); written as they are, those
 * tabs would shift every column after.  A realigner gives the row with the
 * last field's tabs escaped (\t), so it keeps its columns and no text is
 * lost.  It owns its buffers, grown to the longest row seen. */
typedef struct sla_realigner sla_realigner;

/* A realigner for rows of NCOLS fields; NULL when out of memory. */
sla_realigner *sla_realigner_new(size_t ncols);
void sla_realigner_free(sla_realigner *ra);
/* FIELDS (NCOLS of them) realigned, valid until the next call; FIELDS
 * itself when out of memory. */
const sla_field *sla_realign(sla_realigner *ra, const sla_field *fields);

/* ---- writing ------------------------------------------------------------ */

typedef struct sla_writer sla_writer;

/* A buffered writer on file descriptor FD (not closed by sla_writer_close). */
sla_writer *sla_writer_new(int fd);
/* Flush and free.  Returns 0, or -1 when any write failed (errno is set). */
int sla_writer_close(sla_writer *w);
int sla_writer_flush(sla_writer *w);

void sla_writer_raw(sla_writer *w, const char *p, size_t n);
void sla_writer_str(sla_writer *w, const char *s);
void sla_writer_char(sla_writer *w, char c);
/* Write text, escaping tab, newline, carriage return and backslash. */
void sla_writer_escaped(sla_writer *w, const char *p, size_t n);
void sla_writer_i64(sla_writer *w, long long v);

/* The decimal digits of V (with its '-') into OUT, which has room for
 * SLA_I64_MAX bytes; no NUL.  Returns the length. */
#define SLA_I64_MAX 24
size_t sla_i64_text(long long v, char *out);
/* "00" to "99" in a row, without a NUL: the two digits of N are at 2 × N. */
extern const char sla_digit_pairs[200];

/* Room for N bytes in the writer's block, for a caller that builds a row
 * in place rather than a call a field: write at most N bytes from the
 * pointer returned, then hand the end back to sla_writer_commit.  NULL
 * when N is more than a block holds (write it with sla_writer_raw). */
char *sla_writer_reserve(sla_writer *w, size_t n);
void sla_writer_commit(sla_writer *w, const char *end);

/* ---- columns that a tool adds or replaces -------------------------------- */

/* The output columns of a tool: the input's, in order, with the tool's own
 * columns OWN[0..NOWN) replacing an input column of the same name in place,
 * or appended at the end in the order given. */
typedef struct sla_layout sla_layout;

sla_layout *sla_layout_new(const sla_field *header, size_t ncols,
			   const char *const *own, size_t nown);
void sla_layout_free(sla_layout *l);
void sla_layout_write_header(const sla_layout *l, sla_writer *w);
/* Write one row: input fields IN pass through, the tool's own columns come
 * from OWN (already escaped), in the order given to sla_layout_new. */
void sla_layout_write_row(const sla_layout *l, sla_writer *w,
			  const sla_field *in, const sla_field *own);

#endif
