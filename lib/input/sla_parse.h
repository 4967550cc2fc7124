/* lib/input/: exports and histories into the ticket stream (lib/README). */
/* sla_parse.h: an export in, the ticket stream out (sla-parse(1)).
 *
 * Every record of the export becomes one row: the canonical columns
 * (DESIGN §3) in their order, then the caller's extra time columns (a
 * policy's metrics'), then the export's unmapped columns in its order.
 * Pause start, end and total columns are read into `paused`
 * (sla_pauses.h) and not written.  Times become RFC 3339 in the zone given; what cannot be read
 * leaves the cell empty and says why in `error`; `line` is where the
 * record starts in the export.  The front half (header, column mapping,
 * day/month look-ahead, time cells) is sla_export.h's; this file owns the
 * canonical columns' checks and the rows written. */
#ifndef SLA_PARSE_H
#define SLA_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "sla_csvin.h"
#include "sla_date_order.h"
#include "sla_diag.h"
#include "sla_export.h"
#include "sla_stream.h"
#include "sla_tz.h"

typedef struct sla_parse_opts {
	sla_csvin_opts csv;
	const char *columns;		/* --columns a,b,c: the column names */
	bool no_header;			/* the first row is a record (needs columns) */
	const sla_tz *tz;		/* wall-clock times are read in it */
	enum sla_date_order order;	/* --date-order, else UNKNOWN */
	bool date_1904;			/* Excel serials of the 1904 system */
	char *const *maps;		/* "canonical=Header", NMAPS of them */
	size_t nmaps;
	const char *map_option;		/* the caller's name of the maps, for messages */
	char *const *formats;		/* "column=strptime format" */
	size_t nformats;
	/* time columns beyond the canonical ones (a policy's metrics start and
	 * stop at them): read like the canonical times, from the export
	 * column of their name or the one --map names, and written after the
	 * canonical columns; --map and --time-format may name them */
	const char *const *extra_times;
	size_t nextra;
	bool strict;			/* the first record error is fatal */
} sla_parse_opts;

typedef struct sla_parser sla_parser;

/* NULL when a --map or --time-format is malformed: *NO says which and
 * the value, for the caller to word as a usage error (NO->what is
 * SLA_EXPORT_TAKEN when out of memory).  O's strings must outlive the parser. */
sla_parser *sla_parser_new(const sla_parse_opts *o, sla_writer *w, sla_diag *d,
			   sla_export_refusal *no);
void sla_parser_free(sla_parser *ps);

/* Before any file is read, for several: read the header of PATH ("-" is
 * standard input, which stays open for sla_parser_file) and check that it
 * gives the stream the same columns as the first file checked, so that a
 * difference is fatal before anything is written.  0, or -1 after a
 * message.  VERBOSE says what sla_parser_file would; it then does not. */
int sla_parser_check(sla_parser *ps, const char *path, bool verbose);

/* Read one export ("-" is standard input) and write its rows; the first
 * file also writes the header.  0, or -1 after a fatal error (printed):
 * a file whose columns differ from the first file's is one.  VERBOSE says
 * the encoding and delimiter found, and the columns not read. */
int sla_parser_file(sla_parser *ps, const char *path, bool verbose);

/* Records read, written and flagged so far. */
void sla_parser_counts(const sla_parser *ps, unsigned long *read,
		       unsigned long *written, unsigned long *flagged);

#endif
