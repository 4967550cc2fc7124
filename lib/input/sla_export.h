/* sla_export.h: the front half of reading an export, shared by the ticket
 * reader (sla_parse.h) and the history reader (sla_events_input.h).
 *
 * Owns: splitting the COLUMN=VALUE of --map and --time-format, opening an
 * export, its header row (or the names given instead), which header means
 * which of the reader's columns (--map first, then the reader's aliases,
 * the lowest rank winning), the columns an export must have, the
 * look-ahead that settles day/month order, and reading one time cell into
 * an instant.  It does not own what a reader's columns are or mean (a
 * sla_export_kind says), how a record is checked or written, or any
 * message of a record error: it returns why, the reader reports.  An
 * option a reader will not take is refused (sla_export_refusal), never
 * printed: how a usage error reads, and the exit status, are cmd/'s.
 *
 * Memory: per file, a copy of the header names and an int per column. */
#ifndef SLA_EXPORT_H
#define SLA_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_csvin.h"
#include "sla_date_order.h"
#include "sla_diag.h"
#include "sla_excel_serial.h"
#include "sla_stream.h"
#include "sla_timeform.h"
#include "sla_tz.h"

/* The most columns a kind of export may have: the ticket stream's 20, and
 * the time columns a policy's metrics add. */
#define SLA_EXPORT_MAXCOLS 64

/* What a reader calls its columns.  It outlives every export read with it. */
typedef struct sla_export_kind {
	const char *const *names;	/* NCOLS column names, as --map names them */
	int ncols;
	/* The column that header H[0..N) means by the reader's own aliases,
	 * with its RANK (lower wins), or -1. */
	int (*alias)(const char *h, size_t n, long *rank);
	int named_from;			/* the columns from this one on have no
					 * aliases: a header of their name means
					 * them, after the aliases */
	const int *required;		/* columns every export must have */
	size_t nrequired;
	int unmappable;			/* a column --map may not name, or -1 */
	bool (*is_time)(int col);	/* the columns --time-format may name */
} sla_export_kind;

/* --map COLUMN=HEADER, parsed: HEADER points into the option's text. */
typedef struct sla_export_map {
	int col;
	const char *header;
} sla_export_map;

/* An option a reader would not take: WHAT it is and the VALUE given.  The
 * caller words the message (lib knows no option names); WHAT is
 * SLA_EXPORT_TAKEN when nothing was refused (out of memory: no message). */
typedef enum sla_export_refused {
	SLA_EXPORT_TAKEN = 0,
	SLA_EXPORT_BAD_MAP,		/* a map that names no column the kind may map */
	SLA_EXPORT_BAD_FORMAT,		/* a time format for no time column, or %s */
	SLA_EXPORT_TOO_MANY,		/* a column more than SLA_EXPORT_MAXCOLS */
} sla_export_refused;

typedef struct sla_export_refusal {
	sla_export_refused what;
	const char *value;
} sla_export_refusal;

/* The column of kind K named NAME[0..N) exactly, or -1. */
int sla_export_column(const sla_export_kind *k, const char *name, size_t n);

/* "column=rest": the column of kind K named exactly before the '=', and
 * *REST after it; -1 when there is no such column or nothing after. */
int sla_export_assignment(const sla_export_kind *k, const char *s, const char **rest);

/* --map COLUMN=HEADER options MAPS[0..NMAPS) into OUT[0..NMAPS), and
 * --time-format COLUMN=FORMAT options FORMATS[0..NFORMATS) into
 * FORMAT_OF (per kind column; the last for a column counts).  False with
 * *NO naming the first one refused. */
bool sla_export_read_options(const sla_export_kind *k, char *const *maps, size_t nmaps,
			     sla_export_map *out, char *const *formats, size_t nformats,
			     const char **format_of, sla_export_refusal *no);

/* The day/month order that a column's (or a file's) values proved. */
typedef struct sla_order_proof {
	enum sla_date_order order;
	bool conflict;		/* proof both ways: decide nothing */
} sla_order_proof;

/* One export file being read: its header and how its columns map. */
typedef struct sla_export {
	const sla_export_kind *kind;
	sla_csvin *in;
	const char *file;	/* the name for messages */
	char **names;		/* header names, NUL-terminated copies */
	size_t ncols;
	int col_of[SLA_EXPORT_MAXCOLS];	/* export column of each kind column, or -1 */
	int *read_as;		/* NCOLS: the kind column each export column is, or -1 */
	sla_order_proof proof[SLA_EXPORT_MAXCOLS], file_proof;
} sla_export;

/* Open PATH ("-" is standard input) into *X for kind K: false after a
 * message (the file cannot be opened).  sla_export_close frees it, opened
 * or not. */
bool sla_export_open(sla_export *x, const sla_export_kind *k, const char *path,
		     const sla_csvin_opts *o, sla_diag *d);
void sla_export_close(sla_export *x);

/* For -v: the encoding and delimiter found, and why. */
void sla_export_say_dialect(const sla_export *x, const sla_diag *d);

/* The header: the first row, or COLUMNS ("a,b,c", may be NULL) in its
 * place; NO_HEADER: the first row is a record, and COLUMNS names it.
 * False after a message (empty file, unreadable header, out of memory). */
bool sla_export_read_header(sla_export *x, const char *columns, bool no_header,
			    const sla_diag *d);

/* Which export column is read as which kind column: MAPS[0..N) first,
 * then the kind's aliases; when several mean one column the lowest rank
 * wins.  Allocates read_as (again when called again): false when out of
 * memory. */
bool sla_export_map_columns(sla_export *x, const sla_export_map *maps, size_t n);

/* Whether every map names a column of the export and every required
 * column is found: false after a message, which calls the maps by the
 * caller's name for them, MAP_OPTION ("--map"; NULL: "map"). */
bool sla_export_check_columns(const sla_export *x, const sla_export_map *maps, size_t n,
			      const char *map_option,
			      const sla_diag *d);

/* Have the reader flag a quoted field whose lines look like records of
 * this export (sla_csv_span.h): as many fields as the header, and a time
 * in kind column C, read with the strptime FORMAT (may be NULL: the known
 * forms).  After sla_export_map_columns, before the records are read; no
 * effect when the export has no column C. */
void sla_export_watch_quotes(sla_export *x, int c, const char *format);

/* Settle day/month order from the records read ahead: each column C for
 * which OBSERVE[C] (a kind column that the export has) adds the proof of
 * its values.  Later values add theirs through sla_export_prove. */
void sla_export_lookahead(sla_export *x, const bool *observe);

/* Proof E of column C's order: each column's own proof first, else the
 * file's (one spreadsheet has one locale); proof both ways decides
 * nothing.  Inline, as sla_export_order: both run for every time cell. */
static inline void
sla_export_prove_one(sla_order_proof *p, enum sla_date_order e)
{
	if (p->order != SLA_ORDER_UNKNOWN && p->order != e)
		p->conflict = true;
	p->order = e;
}

static inline void
sla_export_prove(sla_export *x, int c, enum sla_date_order e)
{
	if (e != SLA_ORDER_UNKNOWN) {
		sla_export_prove_one(&x->proof[c], e);
		sla_export_prove_one(&x->file_proof, e);
	}
}

/* The order to read column C in: GIVEN (--date-order) if known, else the
 * column's own proof, else the file's; UNKNOWN where proof went both ways. */
static inline enum sla_date_order
sla_export_order(const sla_export *x, int c, enum sla_date_order given)
{
	if (given != SLA_ORDER_UNKNOWN)
		return given;
	if (x->proof[c].order != SLA_ORDER_UNKNOWN)
		return x->proof[c].conflict ? SLA_ORDER_UNKNOWN : x->proof[c].order;
	return x->file_proof.conflict ? SLA_ORDER_UNKNOWN : x->file_proof.order;
}

/* The value of kind column C in record R (empty when the export has none). */
static inline sla_field
sla_export_value(const sla_export *x, const sla_csvrec *r, int c)
{
	return sla_csvrec_field(r, x->col_of[c]);
}

/* ---- one time cell ------------------------------------------------------ */

enum sla_export_time_result {
	SLA_XT_OK = 0,
	SLA_XT_AMBIGUOUS,	/* a slash date whose day/month order is not known */
	SLA_XT_UNREADABLE,	/* no time form matches */
	SLA_XT_GAP,		/* a wall-clock time the zone skips */
};

/* The time V (not empty) as an instant into *UTC: with the strptime
 * FORMAT, else in the forms sla_timeform reads, in ORDER, or as an Excel
 * serial date of the 1900 system (DATE_1904: of the 1904 one,
 * sla_excel_serial.h); a time without offset is placed in TZ.  *PROOF
 * receives the order V proves by itself (UNKNOWN with a FORMAT).  Returns
 * an sla_export_time_result.  Inline: it runs for every time cell, and a
 * serial is tried only where no time form reads. */
static inline int
sla_export_time(sla_field v, const char *format, enum sla_date_order order, bool date_1904,
		const sla_tz *tz, int64_t *utc, enum sla_date_order *proof)
{
	sla_stamp st;
	int rc;

	*proof = SLA_ORDER_UNKNOWN;
	if (format)
		rc = sla_timeform_strptime(v.p, v.n, format, &st);
	else if ((rc = sla_timeform_parse_proving(v.p, v.n, order, &st, proof)) == SLA_TF_BAD &&
		 sla_excel_serial(v.p, v.n, date_1904, &st))
		rc = SLA_TF_OK;
	if (rc == SLA_TF_AMBIGUOUS)
		return SLA_XT_AMBIGUOUS;
	if (rc != SLA_TF_OK)
		return SLA_XT_UNREADABLE;
	return sla_tz_resolve(tz, &st, utc) == SLA_TZ_OK ? SLA_XT_OK : SLA_XT_GAP;
}

/* Why RC (not SLA_XT_OK) into BUF of SIZE bytes, for the record error. */
void sla_export_time_why(int rc, const sla_tz *tz, char *buf, size_t size);

#endif
