/* sla_policy.h: one contract as a file (DESIGN §7, sla-policy(5)).
 *
 * CONTRACT: this part of the interface is shared by sla-check (which owns
 * the reader), sla-time (calendars), sla-parse (the zone) and sla-report
 * (penalties per period).  Tiers, metrics and per-breach penalties are
 * reached through sla_check.h, not from here. */
#ifndef SLA_POLICY_H
#define SLA_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_calendar.h"
#include "sla_diag.h"
#include "sla_tz.h"

typedef struct sla_policy sla_policy;

/* Read the policy file PATH, or the embedded default when PATH is NULL.
 * TZ_OVERRIDE (may be NULL) replaces the policy's timezone (--tz).
 * Errors are printed through D with file:line and key; NULL then. */
sla_policy *sla_policy_load(const char *path, const char *tz_override, sla_diag *d);
/* The same, with named date sets ("holidays = cn") looked up in the
 * directory CALENDARS first (--calendars; NULL: $SLA_CALENDARS, when set),
 * then in the installed <datadir>/calendars, then in the copy compiled in
 * (sla_calendar_load_dates_from).  CALENDARS is borrowed for the load. */
sla_policy *sla_policy_load_from(const char *path, const char *tz_override,
				 const char *calendars, sla_diag *d);
void sla_policy_free(sla_policy *p);

/* At the end of a run: print, through D, one warning for each date set of
 * each calendar whose covered years the run's queries went outside
 * (sla_calendar_cover_warning).  Returns how many. */
size_t sla_policy_cover_warnings(const sla_policy *p, const sla_diag *d);

/* The policy's text as read (for --print-policy) and its file name
 * ("<default>" for the embedded one). */
const char *sla_policy_text(const sla_policy *p, size_t *len);
const char *sla_policy_file(const sla_policy *p);

const char *sla_policy_name(const sla_policy *p);
const sla_tz *sla_policy_tz(const sla_policy *p);

/* The calendar NAME ("24x7" always exists), or NULL.  Owned by the policy. */
sla_calendar *sla_policy_calendar(const sla_policy *p, const char *name);
/* The calendars in file order, for sla-time --list and lint. */
size_t sla_policy_ncalendars(const sla_policy *p);
sla_calendar *sla_policy_calendar_at(const sla_policy *p, size_t i);

/* ---- per period: the base of credits and caps (DESIGN §6) --------------- */

const char *sla_policy_currency(const sla_policy *p);	/* "CNY" */
int sla_policy_minor_digits(const sla_policy *p);	/* 2 for CNY, USD, EUR; 0 for JPY */
int64_t sla_policy_fee(const sla_policy *p);		/* per period, minor units; 0 when unset */

/* "credits = 99%:5%, 95%:10%": compliance below BELOW (parts per million)
 * costs CREDIT (parts per million of the fee).  Sorted by BELOW
 * descending; the lowest band that the compliance falls below applies. */
typedef struct sla_credit_band {
	int32_t below_ppm;
	int32_t credit_ppm;
} sla_credit_band;
size_t sla_policy_credit_bands(const sla_policy *p, const sla_credit_band **bands);

/* "cap = 10%" (of the fee) or "cap = 5000.00" (absolute). */
typedef struct sla_cap {
	bool set;
	bool percent;		/* ppm of the fee, else amount */
	int32_t ppm;
	int64_t amount;		/* minor units */
} sla_cap;
sla_cap sla_policy_cap(const sla_policy *p);

/* "per = customer | contract": whether fee, credits and cap apply to each
 * customer's rows apart (one contract template signed by many) or to the
 * whole contract at once (the default: one signed letter, one cap). */
bool sla_policy_per_customer(const sla_policy *p);

/* "period = month | quarter | year": the period a statement covers, by
 * each ticket's opening in the policy's zone; "month" by default. */
const char *sla_policy_statement_period(const sla_policy *p);

#endif
