/* sla_status.h: the status of one row of the check stream (DESIGN §5):
 * what sla-check writes and sla-report counts (status.c).  Owns the names
 * and the bits of a set of statuses; measuring is sla_check.h's. */
#ifndef SLA_STATUS_H
#define SLA_STATUS_H

enum sla_status {
	SLA_MET,
	SLA_BREACHED,
	SLA_OVERDUE,
	SLA_AT_RISK,
	SLA_PENDING,
	SLA_EXCLUDED,
	SLA_INVALID,
	SLA_NSTATUS
};

/* A set of statuses, as bits: SLA_STATUS_BIT(s) for each status S in it
 * (what sla_check_run returns: the statuses of the rows it wrote). */
#define SLA_STATUS_BIT(s) (1u << (unsigned)(s))

/* "met", "breached", "overdue", "at-risk", ... */
const char *sla_status_name(enum sla_status s);

#endif
