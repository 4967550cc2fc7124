/* sla_events_input.h: history exports (CSV) read as events, folded into
 * tickets (sla_fold.h) and written as the ticket stream: sla-parse
 * --events.
 *
 * The export's columns are found by header name (sla_events_input_print
 * lists the names): the ticket id, the event's time, the status after it
 * and, in a changelog, the status before it, the kind of event, the
 * changed field (for Jira changelogs and ServiceNow audits, where a row
 * changes one field: its values are statuses only when the field is the
 * status), the author, the requester, the visibility and the text; and
 * the ticket columns that ride along
 * (priority, severity, tier, category, channel, customer, exclude,
 * description), each ticket taking its latest non-empty value.  Other
 * columns are not written (the -v message names them).  The front half
 * (header, column mapping, day/month look-ahead, time cells) is
 * sla_export.h's; this file owns the event columns and their aliases, the
 * rows as events, and the folded tickets as stream rows. */
#ifndef SLA_EVENTS_INPUT_H
#define SLA_EVENTS_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sla_csvin.h"
#include "sla_date_order.h"
#include "sla_diag.h"
#include "sla_export.h"
#include "sla_fold.h"
#include "sla_stream.h"
#include "sla_tz.h"

typedef struct sla_events_input_opts {
	sla_csvin_opts csv;
	const sla_tz *tz;		/* wall-clock times are read in it; output zone */
	enum sla_date_order order;	/* --date-order, else UNKNOWN */
	bool date_1904;			/* Excel serials of the 1904 system */
	char *const *maps;		/* "column=Header", NMAPS of them */
	size_t nmaps;
	const char *map_option;		/* the caller's name of the maps, for messages */
	char *const *formats;		/* "time=strptime format" (the last one counts) */
	size_t nformats;
	const sla_events_map *map;	/* the [events] names */
	bool sorted;			/* grouped by id: write each ticket at its group's end */
	bool strict;			/* the first record error is fatal */
} sla_events_input_opts;

typedef struct sla_events_input sla_events_input;

/* NULL when a --map or --time-format is malformed: *NO says which and
 * the value, for the caller to word as a usage error (NO->what is
 * SLA_EXPORT_TAKEN when out of memory).  O's strings and map must outlive the reader.  The header is
 * written at once. */
sla_events_input *sla_events_input_new(const sla_events_input_opts *o, sla_writer *w,
				       sla_diag *d, sla_export_refusal *no);
void sla_events_input_free(sla_events_input *in);

/* Read one export ("-" is standard input).  0, or -1 after a fatal error
 * (printed).  VERBOSE says the encoding, the delimiter and the columns. */
int sla_events_input_file(sla_events_input *in, const char *path, bool verbose);

/* After the last file: write the tickets still held.  0, or -1 when out
 * of memory was met. */
int sla_events_input_finish(sla_events_input *in);

sla_fold_stats sla_events_input_stats(const sla_events_input *in);

/* The event column names and their header aliases, as TSV. */
void sla_events_input_print(FILE *out);

#endif
