/* sla_penalty.h: per-breach penalties (DESIGN §6): a fixed amount, plus a
 * rate per started unit of overrun, at most a maximum per breach. */
#ifndef SLA_PENALTY_H
#define SLA_PENALTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "500 + 100/h max 2000": FIXED, plus RATE per started UNIT_S of overrun,
 * at most MAX per breach.  Amounts in minor units. */
typedef struct sla_penalty {
	bool set;		/* a rule was given (it may be "0") */
	int64_t fixed;
	int64_t rate;
	int64_t unit_s;		/* business seconds; 0 when there is no rate */
	bool has_max;
	int64_t max;
} sla_penalty;

/* The amount of one breach that overran by OVERRUN_S seconds. */
int64_t sla_penalty_amount(const sla_penalty *pen, int64_t overrun_s);

/* Parse a penalty rule with DIGITS minor digits; "none" or "0" is a rule
 * that costs nothing.  Returns 0, or -1 with the reason in ERR. */
int sla_penalty_parse(const char *text, int digits, sla_penalty *out, char *err, size_t errlen);

#endif
