/* sla_penalty.h: what the contract's penalties cost (DESIGN §6), in one
 * place for both tools: a breach, priced by sla-check (a fixed amount,
 * plus a rate per started unit of overrun, at most a maximum per breach),
 * and a penalty statement, priced by sla-report (the breaches' sum, the
 * credit band the compliance falls in, the cap).  Amounts are minor
 * units; a statement's sums are exact (sla_money.h), never wrapped.
 *
 * Owns the arithmetic only: reading the rules is the policy's
 * (sla_policy.h, which defines the credit bands and the cap), collecting
 * a statement's rows is the report's. */
#ifndef SLA_PENALTY_H
#define SLA_PENALTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- a breach ------------------------------------------------------------ */

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

/* *AMOUNT = the price of one breach that overran by OVERRUN_S seconds.
 * Returns 0, or -1 when FIXED + RATE * units does not fit in an int64 and
 * no MAX bounds it (*AMOUNT is then untouched): never a clamped number.
 * With a MAX below it the price is MAX, however large the sum. */
int sla_penalty_amount(const sla_penalty *pen, int64_t overrun_s, int64_t *amount);

/* Parse a penalty rule with DIGITS minor digits; "none" or "0" is a rule
 * that costs nothing.  Returns 0, or -1 with the reason in ERR. */
int sla_penalty_parse(const char *text, int digits, sla_penalty *out, char *err, size_t errlen);

/* ---- a statement ---------------------------------------------------------- */

/* Defined in sla_policy.h; a statement needs only to read them. */
typedef struct sla_credit_band sla_credit_band;
typedef struct sla_cap sla_cap;

/* The contract's terms for one statement; all borrowed.  FEE is the fee
 * of the statement's period; BANDS in any order. */
typedef struct sla_statement_terms {
	int64_t fee;
	const sla_credit_band *bands;
	size_t nbands;
	const sla_cap *cap;
} sla_statement_terms;

/* What one statement costs. */
typedef struct sla_statement_price {
	const sla_credit_band *band;	/* the band that applies, one of the terms'; NULL: none */
	int64_t credit;		/* the band's share of the fee; 0 without a band */
	int64_t cap;		/* the cap as an amount; 0 when the terms have none */
	bool capped;		/* the cap was lower than breach sum + credit */
	int64_t total;
} sla_statement_price;

/* *SUM += PENALTY: one more breach in a statement's sum of per-breach
 * penalties.  Returns 0, or -1 when the sum does not fit (*SUM is then
 * untouched). */
int sla_statement_add_breach(int64_t *sum, int64_t penalty);

/* The price of a statement whose rows kept KEPT targets and broke BROKEN,
 * and whose breaches cost BREACH_SUM: the lowest band that the compliance
 * KEPT / (KEPT + BROKEN) falls below applies (compared exactly, as
 * kept * 10^6 < below * assessed; none when nothing was assessed), its
 * credit is added to BREACH_SUM, and the cap, when set, bounds the total.
 * Returns 0, or -1 when BREACH_SUM + credit does not fit (*OUT is then
 * incomplete). */
int sla_statement_price_of(const sla_statement_terms *t, uint64_t kept, uint64_t broken,
			   int64_t breach_sum, sla_statement_price *out);

#endif
