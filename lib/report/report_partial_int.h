/* report_partial_int.h: private to partial reports (sla_report_partial.h):
 * what their writer (report_partial.c) and their reader (report_merge.c)
 * share -- the words of the format, a line built in memory, and the
 * settings block written from a report's configuration, so that a merge
 * can tell that the settings it read are the ones it would write.
 *
 * The format, one fact a line, fields separated by tabs; text escaped as
 * in the streams (sla_stream.h); a key field (a grouping column's value,
 * a tier, a customer, a note) exactly as the check stream had it, still
 * escaped, so that a merge tells keys apart as a single run does; PLACE
 * is two numbers, a part (of the partial's own part lines) and a row in
 * it; TALLY is the counts per status then per elapsed-time bucket;
 * PERIOD a period's first day as a day number, "-" for none; "-" for a
 * number not known:
 *
 *   sla-report-partial VERSION DIGEST   the digest of the settings block
 *   set NAME VALUE...                   the settings block (sla_rpt_settings_text)
 *   part INDEX SOURCE FIRST LAST ROWS DIGEST
 *   rows N
 *   satisfaction 0|1                    whether the stream had the column
 *   total TALLY
 *   tier PLACE TIER TALLY
 *   period PLACE PERIOD TALLY
 *   group PLACE PERIOD KEY... TALLY SATISFACTION
 *     hist VALUE:COUNT...               its histogram, ascending, in lines
 *     top ITEM                          its worst overruns, worst first
 *   unassessed ITEM
 *   note PLACE TEXT ROWS
 *   statement PLACE PERIOD CUSTOMER KEPT BROKEN BREACH_SUM
 *     customer PLACE CUSTOMER
 *     breach ITEM
 *   end LINES DIGEST                    the lines and the bytes before it
 *
 * ITEM is PLACE ID CUSTOMER TIER METRIC REASON LINE STATUS PERIOD TARGET
 * ELAPSED OVERRUN PENALTY (penalty in minor units). */
#ifndef SLA_REPORT_PARTIAL_INT_H
#define SLA_REPORT_PARTIAL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_report.h"

#define RPT_PARTIAL_MAGIC "sla-report-partial"

/* The most histogram pairs written on one line. */
enum { RPT_HIST_PAIRS = 1024 };

/* Text built in memory; out of memory, it only remembers that it failed. */
typedef struct rpt_text {
	char *p;
	size_t n, cap;
	bool failed;
} rpt_text;

void sla_rpt_text_raw(rpt_text *t, const char *p, size_t n);
/* A tab, then TEXT escaped. */
void sla_rpt_text_field(rpt_text *t, const char *text);
/* A tab, then F as it is (a field still escaped). */
void sla_rpt_text_key(rpt_text *t, sla_field f);
void sla_rpt_text_u64(rpt_text *t, uint64_t v);
void sla_rpt_text_free(rpt_text *t);

/* The settings block of CFG into T: `set` lines, each ended by a newline,
 * with the digest of the policy's text cfg.policy_digest.  Its digest
 * (sla_digest) is the partial's. */
void sla_rpt_settings_text(const sla_report_config *cfg, rpt_text *t);

#endif
