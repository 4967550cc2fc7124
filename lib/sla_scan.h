/* sla_scan.h: the two character tests that the readers of hand-written
 * values (hours, dates, durations) share. */
#ifndef SLA_SCAN_H
#define SLA_SCAN_H

#include <stdbool.h>

static inline bool
sla_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* P past any spaces and tabs. */
static inline const char *
sla_skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

#endif
