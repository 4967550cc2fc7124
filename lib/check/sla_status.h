/* sla_status.h: the status of one row of the check stream (DESIGN §5):
 * what sla-check writes and sla-report counts (status.c).  Owns the names
 * only; measuring is sla_check.h's. */
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

/* "met", "breached", "overdue", "at-risk", ... */
const char *sla_status_name(enum sla_status s);

#endif
