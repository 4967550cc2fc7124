/* report_settings.h: private to the merge (report_merge.c): the settings
 * block of a partial report read back into a report's configuration, in
 * report_settings.c.  The block is the one report_partial.c writes
 * (sla_rpt_settings_text): a block is read only when writing the
 * configuration read gives the same block again, byte for byte, so that
 * whatever a merge writes, it writes with the settings it was given. */
#ifndef SLA_REPORT_SETTINGS_H
#define SLA_REPORT_SETTINGS_H

#include <stddef.h>

#include "sla_report.h"

/* A configuration read from a block, and all it points to. */
typedef struct rpt_settings {
	sla_report_config cfg;
	sla_report_terms terms;
	sla_tz *tz;
	void **owned;		/* every string and array cfg points to */
	size_t nowned, owned_cap;
} rpt_settings;

/* Read the block TEXT[0..N) into S (zeroed by the caller).  NULL, or
 * what is wrong, with the block's line (from 1) in *LINE; S is to be
 * freed either way. */
const char *sla_rpt_settings_read(rpt_settings *s, const char *text, size_t n, size_t *line);
void sla_rpt_settings_free(rpt_settings *s);

/* The first line where blocks A and B differ (from 1; 0 when they do
 * not), and what the line sets in words ("--by", "the policy"), into
 * *WHAT. */
size_t sla_rpt_settings_differ(const char *a, size_t an, const char *b, size_t bn,
			       const char **what);

#endif
