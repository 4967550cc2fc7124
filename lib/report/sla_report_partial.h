/* sla_report_partial.h: partial reports (DESIGN §11; sla-report(1),
 * "Partial reports"): a report's state written out, so that the check
 * stream can be cut into parts at tickets, each part counted on its own
 * (on other cores or hosts: GNU parallel), and the parts merged, in any
 * order or as a tree, into the report a single run writes, byte for byte.
 *
 * A partial is escaped TSV, one fact a line: a header with the format's
 * version and a digest of the settings that shape the result (the
 * policy's text, --by, --period, --top, the time zone), the settings
 * themselves, the parts it counts (where each was in the export, its
 * rows, a digest of their lines and ids), then every count, integer sum,
 * exact histogram, worst overrun, listed row and note with the place of
 * its first row, and an end line that counts the lines and digests the
 * bytes before it, so a truncated or damaged partial is told from a whole
 * one.  Credits, caps and statement totals are not in it: they are not
 * additive (min(cap, sum) of parts is not that of the whole), and are
 * worked out only when the last merge finishes the report.
 *
 * Writing: report.c's sla_report_take and report_partial.c.  Reading and
 * merging: report_merge.c.  Messages go through the report's or the
 * merge's diag. */
#ifndef SLA_REPORT_PARTIAL_H
#define SLA_REPORT_PARTIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_report.h"

/* The version of the format this library writes and reads. */
#define SLA_PARTIAL_VERSION 2

/* Add every row of IN, without finishing: a part, for
 * sla_report_write_partial.  Returns 0, or -1 on a fatal error (the
 * message is printed). */
int sla_report_take(sla_report *r, sla_reader *in);

/* Write the state of R -- rows taken (sla_report_take) or parts merged
 * (sla_merge_report with FINISH false), never a finished report -- as a
 * partial report on W.  Returns 0, or -1 when out of memory (printed). */
int sla_report_write_partial(sla_report *r, sla_writer *w);

/* ---- merging ------------------------------------------------------------ */

/* What a merge is told to check the partials against: the policy given
 * again (its text, and its name for messages) and a zone given again (its
 * name); NULL or 0 for what was not given. */
typedef struct sla_merge_check {
	const char *policy_text;
	size_t policy_len;
	const char *policy_name;	/* "--policy FILE", say */
	const char *tz;
} sla_merge_check;

typedef struct sla_merge sla_merge;

/* A merge with nothing read; CHECK is copied (its strings are borrowed).
 * NULL when out of memory (printed). */
sla_merge *sla_merge_new(const sla_merge_check *check, sla_diag *d);
void sla_merge_free(sla_merge *m);

/* Read every partial in IN (sla_reader_open_lines: files one after
 * another, each holding one partial or several concatenated) into the
 * merge.  Refused, with a message that names the file and line: a partial
 * of another version, of other settings than the first one read, or of
 * another policy or zone than CHECK gives; one cut short or damaged; and
 * anything that is not a partial.  Returns 0, or -1 (printed). */
int sla_merge_read(sla_merge *m, sla_reader *in);

/* The report of every part read: refused when none was read, when one
 * part came twice, or when two overlap (a stream cut in two ways); the
 * parts then in the order of the stream.  FINISH: finished, for
 * sla_report_write; else for sla_report_write_partial (a tree of merges).
 * Owned by the merge; NULL on error (printed). */
sla_report *sla_merge_report(sla_merge *m, bool finish);

#endif
