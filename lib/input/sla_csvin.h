/* sla_csvin.h: CSV exports read through libcsv, with its pitfalls tamed.
 *
 * The input is decoded to UTF-8 first (sla_encoding.h; leading U+FEFFs are
 * dropped), then read one physical line at a time, so that every record
 * knows the line where it starts: a line that is a whole record of plain
 * and quoted fields is split by the reader itself, into what libcsv would
 * give, and every other line is fed to libcsv.  libcsv runs in strict mode and
 * trims nothing.  A record whose quoting is broken never takes the rest of
 * the file with it: its first line is read literally (split at every
 * delimiter, quotes kept), it is flagged, and reading resumes at the next
 * line, so the records after it are read as records.  A field still open
 * past the cap at the end of a line (a runaway quote), or a record still
 * open past the record cap, is flagged the same way; a field or record
 * that ends on its line past its cap is flagged and kept whole.  Line
 * breaks are LF, CRLF and a lone CR.
 *
 * Records come out in order; their fields point into the reader's own
 * buffers (no allocation per field) and stay valid until the next call.
 * Which delimiter, when none is given, is sla_csv_dialect.h's. */
#ifndef SLA_CSVIN_H
#define SLA_CSVIN_H

#include <stdbool.h>
#include <stddef.h>

#include "sla_csv_span.h"
#include "sla_diag.h"
#include "sla_stream.h"

#define SLA_CSVIN_MAX_FIELD ((size_t)64 << 20)
/* The record cap is the field cap, but never below this: it bounds memory
 * (a line of countless short fields), and a small field cap must not make
 * every ordinary record too big. */
#define SLA_CSVIN_MIN_RECORD ((size_t)1 << 20)

typedef struct sla_csvin_opts {
	char delim;		/* 0: detect among , ; TAB | */
	bool no_quote;		/* read quotes as data (unquoted dialects) */
	const char *encoding;	/* NULL: detect */
	const char *encoding_why;	/* why ENCODING, in the caller's words
					 * ("--encoding"); NULL: "given" */
	size_t max_field;	/* the longest field, in bytes of UTF-8, exactly;
				 * 0: SLA_CSVIN_MAX_FIELD */
	bool quiet;		/* the encoding's guess was said already: not again */
	bool libcsv_only;	/* every line through libcsv, none split by the
				 * reader's own fast path: the reference that
				 * tests/fuzz/fuzz_csvline.c holds the fast path to */
} sla_csvin_opts;

enum sla_csv_fault {
	SLA_CSV_OK = 0,
	SLA_CSV_BADQUOTE,	/* strict RFC 4180 quoting broken */
	SLA_CSV_TOOLONG,	/* a field above the cap still open at a line's end:
				 * its first line read literally */
	SLA_CSV_TOOBIG,		/* a record above the record cap (its fields and
				 * their count; SLA_CSVIN_MIN_RECORD at least) */
	SLA_CSV_LONGFIELD,	/* a field above the cap that ended: kept whole */
	SLA_CSV_UNTERMINATED,	/* a quote still open at the end of the file */
};

typedef struct sla_csvrec {
	const sla_field *fields;
	size_t n;
	unsigned long line;	/* physical line where the record starts */
	enum sla_csv_fault fault;
	size_t fault_field;	/* the field being read when the fault was found */
	bool bad_encoding;	/* an invalid byte sequence became U+FFFD */
	bool read_as_utf8;	/* a line of it was UTF-8 in a file of another
				 * encoding, and read as UTF-8 (sla_encoding.h) */
	/* Lines of a quoted field that look like records (a stray quote?):
	 * how many (0: none), the line where its quote opened, and which
	 * field it is.  The record is read as RFC 4180 says all the same. */
	size_t swallowed;
	unsigned long swallowed_line;
	size_t swallowed_field;
} sla_csvrec;

/* Field J of record R, or an empty field when J is -1 (a column the export
 * does not have) or past the record's end (a short row). */
static inline sla_field
sla_csvrec_field(const sla_csvrec *r, int j)
{
	if (j < 0 || (size_t)j >= r->n)
		return (sla_field){ "", 0 };
	return r->fields[j];
}

typedef struct sla_csvin sla_csvin;

/* Open PATH ("-" is standard input) and read enough to detect its encoding
 * and delimiter.  NULL on failure (the message is printed through D). */
sla_csvin *sla_csvin_open(const char *path, const sla_csvin_opts *o, sla_diag *d);
void sla_csvin_free(sla_csvin *in);

/* The file's name for messages ("<stdin>" for "-"), the encoding read and
 * why it was chosen, and the delimiter. */
const char *sla_csvin_file(const sla_csvin *in);
const char *sla_csvin_encoding(const sla_csvin *in, const char **why);
char sla_csvin_delim(const sla_csvin *in);
/* The field cap in effect (the default when none was given). */
size_t sla_csvin_max_field(const sla_csvin *in);

/* From now on, count the lines of each quoted field that look like
 * records of SHAPE (sla_csv_span.h; copied, its CTX must outlive IN): set
 * once the header is known, before the records are read. */
void sla_csvin_watch_quotes(sla_csvin *in, const sla_csv_shape *shape);

/* The next record: 1, 0 at the end, -1 on a fatal error (printed). */
int sla_csvin_next(sla_csvin *in, sla_csvrec *rec);

/* Read ahead, without handing out, until MAX_RECORDS records or MAX_BYTES
 * of fields are waiting (or the end).  Returns how many wait. */
size_t sla_csvin_prefetch(sla_csvin *in, size_t max_records, size_t max_bytes);
/* The I-th waiting record (0 is the one sla_csvin_next returns next). */
void sla_csvin_peek(sla_csvin *in, size_t i, sla_csvrec *rec);

#endif
