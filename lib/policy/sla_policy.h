/* lib/policy/: the contract, its money and its prices (lib/README). */
/* sla_policy.h: one contract as a file (DESIGN §7, sla-policy(5)).
 *
 * CONTRACT: this part of the interface is shared by sla-check (which owns
 * the reader), sla-time (calendars), sla-parse (the zone) and sla-report
 * (penalties per period).  The policy owns everything reached from here:
 * its calendars, metrics and tiers live as long as it does.
 *
 * A calendar's queries fill its caches (sla_calendar.h), so whatever hands
 * one out -- a calendar, or a tier whose targets name one -- takes a
 * policy that is not const. */
#ifndef SLA_POLICY_H
#define SLA_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_calendar.h"
#include "sla_diag.h"
#include "sla_duration.h"
#include "sla_penalty.h"
#include "sla_tz.h"

typedef struct sla_policy sla_policy;

/* Read the policy file PATH, or the embedded default when PATH is NULL.
 * TZ_OVERRIDE (may be NULL) replaces the policy's timezone.
 * Errors are printed through D with file:line and key; NULL then. */
sla_policy *sla_policy_load(const char *path, const char *tz_override, sla_diag *d);

/* What a tool may put in place of the policy's own settings, and the names
 * it gives them in a message (its options; NULL: the policy's words). */
typedef struct sla_policy_overrides {
	const char *tz;		/* replaces [policy] timezone; NULL: none */
	const char *tz_name;	/* e.g. "--tz"; NULL: "timezone" */
	/* named date sets ("holidays = cn") are looked up in this directory
	 * first (NULL: $SLA_CALENDARS, when set), then in the installed
	 * <datadir>/calendars, then in the copy compiled in
	 * (sla_calendar_load_dates_from); borrowed for the load */
	const char *calendars;
} sla_policy_overrides;

/* sla_policy_load with the overrides O (NULL: none). */
sla_policy *sla_policy_load_from(const char *path, const sla_policy_overrides *o, sla_diag *d);
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
sla_calendar *sla_policy_calendar(sla_policy *p, const char *name);
/* The calendars in file order, for sla-time --list and lint. */
size_t sla_policy_ncalendars(const sla_policy *p);
sla_calendar *sla_policy_calendar_at(sla_policy *p, size_t i);

/* ---- metrics and tiers (DESIGN §5, §6) ----------------------------------- */

/* The most columns one stop names ("stop = replaced | resolved"). */
#define SLA_MAX_STOPS 8

typedef struct sla_metric {
	const char *name;
	const char *start_col;	/* ticket columns */
	/* the clock stops at the earliest of these that has happened */
	const char *stop_cols[SLA_MAX_STOPS];
	size_t nstops;		/* 0 only while a policy's section is read */
	bool pausable;		/* business time inside `paused` does not count */
	int when_metric;	/* applies only when that metric's elapsed > WHEN; -1 always */
	sla_duration when;	/* a plain duration */
} sla_metric;

/* What one tier promises for one metric. */
typedef struct sla_target {
	bool set;		/* false: no target, no row (n/a) */
	sla_duration target;
	sla_calendar *calendar;	/* the tier's, or its calendar.METRIC */
	sla_penalty penalty;	/* the tier's penalty, or its penalty.METRIC */
	unsigned long line;	/* of the target in the policy file */
} sla_target;

typedef struct sla_tier {
	const char *name;
	sla_target *targets;	/* one per metric, in the policy's metric order */
	unsigned long line;	/* of the section's first key */
} sla_tier;

size_t sla_policy_nmetrics(const sla_policy *p);
const sla_metric *sla_policy_metric(const sla_policy *p, size_t i);
/* The metric named NAME, or -1. */
int sla_policy_metric_find(const sla_policy *p, const char *name);

size_t sla_policy_ntiers(const sla_policy *p);
const sla_tier *sla_policy_tier_at(sla_policy *p, size_t i);
/* The tier named by the N bytes at NAME, or NULL. */
const sla_tier *sla_policy_tier(sla_policy *p, const char *name, size_t n);
/* The tier of tickets whose tier is empty, or NULL when they are invalid. */
const sla_tier *sla_policy_default_tier(sla_policy *p);
/* The warn fraction in ppm (75 % = 750000). */
int32_t sla_policy_warn_ppm(const sla_policy *p);

/* Lint (sla-check --lint): print warnings about the traps of a policy that
 * loaded (NOW: the year whose holidays must be known); returns how many. */
size_t sla_policy_lint(sla_policy *p, const sla_diag *d, int64_t now);

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

/* ---- exclusions narrower than a ticket ------------------------------------ */

/* "[exclude typhoon] window = 2026-09-14T08:00 .. 2026-09-15T20:00": the
 * hours of a force majeure, in which no clock of any ticket runs (every
 * metric, pausable or not, on every calendar).  [START, END), START before
 * END; NAME is the section's. */
typedef struct sla_window {
	const char *name;
	int64_t start, end;
	unsigned long line;
} sla_window;
/* The windows of every [exclude] section, in file order; overlapping ones
 * are not merged. */
size_t sla_policy_windows(const sla_policy *p, const sla_window **windows);

/* "per = customer | contract": whether fee, credits and cap apply to each
 * customer's rows apart (one contract template signed by many) or to the
 * whole contract at once (the default: one signed letter, one cap). */
bool sla_policy_per_customer(const sla_policy *p);

/* "period = month | quarter | year": the period a statement covers, by
 * each ticket's opening in the policy's zone; "month" by default. */
const char *sla_policy_statement_period(const sla_policy *p);

#endif
