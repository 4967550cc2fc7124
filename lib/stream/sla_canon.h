/* sla_canon.h: the canonical columns of the ticket stream (DESIGN §3).
 *
 * Owns the one list of their names, in the stream's order, and which of
 * them hold a time.  Every stage that speaks of the stream's columns by
 * name uses it: sla-parse writes them (sla_aliases.h maps export headers
 * onto them), sla-classify warns of a rule naming a column outside them.
 * It does not own the header aliases (input) nor any column's format
 * (sla_stream_fields.h). */
#ifndef SLA_CANON_H
#define SLA_CANON_H

#include <stdbool.h>

enum sla_canon {
	SLA_COL_ID, SLA_COL_LINE, SLA_COL_OPENED, SLA_COL_PRIORITY, SLA_COL_SEVERITY,
	SLA_COL_TIER, SLA_COL_RULE, SLA_COL_CATEGORY, SLA_COL_CHANNEL, SLA_COL_CUSTOMER,
	SLA_COL_FIRST_RESPONSE, SLA_COL_ONSITE, SLA_COL_WORKAROUND, SLA_COL_RESOLVED,
	SLA_COL_REPLACED, SLA_COL_CLOSED, SLA_COL_PAUSED, SLA_COL_EXCLUDE, SLA_COL_ERROR,
	SLA_COL_DESCRIPTION,
	SLA_NCANON
};

/* The canonical column names, in the stream's order (static storage). */
extern const char *const sla_canon_names[SLA_NCANON];

/* True for the canonical columns that hold a time (opened, first_response,
 * onsite, workaround, resolved, replaced, closed). */
bool sla_canon_is_time(int col);

/* The canonical column named NAME exactly (NUL-terminated), or -1. */
int sla_canon_find(const char *name);

#endif
