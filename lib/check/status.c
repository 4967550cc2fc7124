/* status.c: the names of the statuses of the check stream (sla_status.h). */
#include "sla_status.h"

const char *
sla_status_name(enum sla_status s)
{
	static const char *const names[SLA_NSTATUS] = {
		"met", "breached", "overdue", "at-risk", "pending", "excluded", "invalid",
	};
	return (unsigned)s < SLA_NSTATUS ? names[s] : "invalid";
}
