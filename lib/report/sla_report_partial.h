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
 * Writing: report.c's sla_report_take and report_partial.c.  Messages go
 * through the report's diag. */
#ifndef SLA_REPORT_PARTIAL_H
#define SLA_REPORT_PARTIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_report.h"

/* The version of the format this library writes and reads. */
#define SLA_PARTIAL_VERSION 1

/* Add every row of IN, without finishing: a part, for
 * sla_report_write_partial.  Returns 0, or -1 on a fatal error (the
 * message is printed). */
int sla_report_take(sla_report *r, sla_reader *in);

/* Write the state of R -- rows taken (sla_report_take) or parts merged
 * (sla_merge_report with FINISH false), never a finished report -- as a
 * partial report on W.  Returns 0, or -1 when out of memory (printed). */
int sla_report_write_partial(sla_report *r, sla_writer *w);

#endif
