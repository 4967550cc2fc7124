/* sla_policy_read.h: private to lib/policy/, the reader of a policy file
 * and the policy it builds.  The files, top down (no file calls one above
 * it):
 *
 *	policy.c           loads a file: the text, [policy], the order of
 *	                   the sections
 *	policy_sections.c  [calendar], [metric], [tier]
 *	policy_penalties.c [penalties]
 *	policy_exclude.c   [exclude], the windows in which no clock runs
 *	policy_entries.c   the key = value entries and the reader's messages
 *	policy_model.c     the policy's accessors, strings and freeing
 *	policy_lint.c      the traps of a policy that loaded (beside them)
 *
 * Not for the tools: they use sla_policy.h. */
#ifndef SLA_POLICY_READ_H
#define SLA_POLICY_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_map.h"
#include "sla_policy.h"

/* The kinds of section, in the order of section_kinds (policy_entries.c). */
enum {
	SLA_POL_POLICY,
	SLA_POL_CALENDAR,
	SLA_POL_METRIC,
	SLA_POL_TIER,
	SLA_POL_PENALTIES,
	SLA_POL_EVENTS,
	SLA_POL_EXCLUDE,
	SLA_POL_NKINDS
};

/* "mon-fri = 09:00-12:00, 13:00-18:00" of a calendar. */
typedef struct sla_pol_hours {
	sla_calendar *calendar;
	const char *days, *hours;
	unsigned long line;
} sla_pol_hours;

struct sla_policy {
	const char *file;
	const char *text;	/* the embedded blob, or OWNED_TEXT */
	char *owned_text;
	size_t len;

	const char *name, *currency;
	int digits;
	int64_t fee;
	int32_t warn_ppm;
	sla_tz *tz;
	const char *calendars;	/* where named date sets are looked up first, or NULL */

	/* Each name map numbers its names as the array beside it: calendar,
	 * metric or tier I is named by key I, so a lookup is a hash, not a
	 * walk (a policy of 20,000 tiers loads in linear time). */
	sla_calendar **cals;	/* 24x7 first, then file order */
	unsigned long *cal_lines;	/* of each calendar's first key, for lint */
	size_t ncals, cals_cap, cal_lines_cap;
	sla_map *cal_names;
	sla_metric *metrics;	/* the built-in ones first */
	size_t nmetrics;
	sla_map *metric_names;
	sla_tier *tiers;
	size_t ntiers;
	sla_map *tier_names;
	int default_tier;	/* index, or -1 */

	sla_credit_band *bands;
	size_t nbands;
	unsigned long credits_line;	/* of credits =, for lint */
	sla_cap cap;
	bool per_customer;	/* per = customer; else the whole contract */
	bool per_set;		/* per = was written (lint) */
	const char *statement_period;	/* "month", "quarter" or "year" */

	sla_window *windows;	/* of the [exclude] sections, in file order */
	size_t nwindows, windows_cap;

	sla_pol_hours *hours;	/* each weekday line of the calendars, for lint */
	size_t nhours, hours_cap;

	char **strings;		/* every string the policy owns */
	size_t nstrings, capstrings;
};

/* One key = value of the file. */
typedef struct sla_pol_entry {
	char *section, *key, *value;
	unsigned long line;
	int kind;		/* SLA_POL_*, or -1 */
	const char *name;	/* the section's name ("urgent"), inside SECTION */
} sla_pol_entry;

typedef struct sla_pol_ctx {
	sla_policy *p;
	const sla_diag *d;
	sla_pol_entry *v;
	size_t n;
	size_t errors;
} sla_pol_ctx;

/* Pass 1 (policy_entries.c): collect the entries of X->p's text into X,
 * and check its [section] lines and keys (errors counted in X).  False
 * when the text cannot be read at all (the message is printed); the
 * entries are freed with sla_pol_entries_free in either case. */
bool sla_pol_entries_read(sla_pol_ctx *x);
void sla_pol_entries_free(sla_pol_ctx *x);

/* Report an error at entry E (NULL: the whole file) and count it. */
void sla_pol_error(sla_pol_ctx *x, const sla_pol_entry *e, const char *what, ...)
	__attribute__((format(printf, 3, 4)));
/* The same at LINE with KEY (may be NULL) but no value: for a whole
 * section, or a reason that quotes the value itself. */
void sla_pol_error_at(sla_pol_ctx *x, unsigned long line, const char *key, const char *what, ...)
	__attribute__((format(printf, 4, 5)));
/* Report WORD as an unknown WHAT at LINE (KEY may be NULL), with the
 * nearest of CANDS as a hint. */
void sla_pol_unknown(sla_pol_ctx *x, unsigned long line, const char *key, const char *what,
		     const char *word, const char *const *cands, size_t n);
/* The entry KEY of the section of KIND named NAME, or NULL. */
sla_pol_entry *sla_pol_get(sla_pol_ctx *x, int kind, const char *name, const char *key);
/* A copy of S owned by the policy, or NULL when out of memory
 * (policy_model.c). */
char *sla_pol_strdup(sla_policy *p, const char *s);
/* NAME's number in the name map M (cal_names, metric_names, tier_names),
 * the next one when it is new (*ADDED says which); SLA_MAP_NONE when out
 * of memory (policy_model.c). */
size_t sla_pol_name(sla_map *m, const char *name, bool *added);

/* The section readers (policy_sections.c); each returns the number of
 * errors it reported. */
size_t sla_pol_read_calendars(sla_pol_ctx *x);
size_t sla_pol_read_metrics(sla_pol_ctx *x);
size_t sla_pol_read_tiers(sla_pol_ctx *x);
/* [penalties] (policy_penalties.c); its errors are counted in X. */
void sla_pol_read_penalties(sla_pol_ctx *x);
/* [exclude NAME] (policy_exclude.c), after the zone is known; its errors
 * are counted in X. */
void sla_pol_read_excludes(sla_pol_ctx *x);

#endif
