/* canon.c: the canonical column names of the ticket stream (see sla_canon.h). */
#include <string.h>

#include "sla_canon.h"
#include "sla_scan.h"

const char *const sla_canon_names[SLA_NCANON] = {
	"id", "line", "opened", "priority", "severity", "tier", "rule", "category",
	"channel", "customer", "first_response", "onsite", "workaround", "resolved",
	"replaced", "closed", "paused", "exclude", "error", "description",
};

bool
sla_canon_is_time(int col)
{
	switch (col) {
	case SLA_COL_OPENED: case SLA_COL_FIRST_RESPONSE: case SLA_COL_ONSITE:
	case SLA_COL_WORKAROUND: case SLA_COL_RESOLVED: case SLA_COL_REPLACED:
	case SLA_COL_CLOSED:
		return true;
	default:
		return false;
	}
}

int
sla_canon_find(const char *name)
{
	return sla_name_index(name, sla_canon_names, SLA_NCANON);
}
