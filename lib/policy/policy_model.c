/* policy_model.c: the policy as the tools see it once it has loaded
 * (sla_policy.h): the accessors, the strings it owns, and freeing it.
 * Reading the file is policy.c's; nothing here reads text. */
#include <stdlib.h>
#include <string.h>

#include "sla_mem.h"
#include "sla_policy_read.h"


char *
sla_pol_strdup(sla_policy *p, const char *s)
{
	if (!sla_grow((void **)&p->strings, &p->capstrings, p->nstrings + 1, sizeof *p->strings))
		return NULL;
	char *c = strdup(s);
	if (c)
		p->strings[p->nstrings++] = c;
	return c;
}

size_t
sla_pol_name(sla_map *m, const char *name, bool *added)
{
	return sla_map_intern(m, name, strlen(name), added);
}

void
sla_policy_free(sla_policy *p)
{
	if (!p)
		return;
	sla_map_free(p->cal_names);
	sla_map_free(p->metric_names);
	sla_map_free(p->tier_names);
	for (size_t i = 0; i < p->ncals; i++)
		sla_calendar_free(p->cals[i]);
	free(p->cals);
	free(p->cal_lines);
	for (size_t i = 0; i < p->ntiers; i++)
		free(p->tiers[i].targets);
	free(p->tiers);
	free(p->metrics);
	free(p->bands);
	free(p->windows);
	free(p->hours);
	sla_tz_free(p->tz);
	for (size_t i = 0; i < p->nstrings; i++)
		free(p->strings[i]);
	free(p->strings);
	free(p->owned_text);
	free(p);
}

size_t
sla_policy_cover_warnings(const sla_policy *p, const sla_diag *d)
{
	size_t n = 0;
	char msg[512];
	for (size_t i = 0; i < p->ncals; i++)
		for (size_t k = 0; sla_calendar_cover_warning(p->cals[i], k, msg, sizeof msg); k++, n++)
			sla_diag_warn(d, NULL, 0, NULL, NULL, 0, "%s", msg);
	return n;
}

/* ---- accessors --------------------------------------------------------------- */

const char *
sla_policy_text(const sla_policy *p, size_t *len)
{
	*len = p->len;
	return p->text;
}

const char *sla_policy_file(const sla_policy *p) { return p->file; }
const char *sla_policy_name(const sla_policy *p) { return p->name; }
const sla_tz *sla_policy_tz(const sla_policy *p) { return p->tz; }
const char *sla_policy_currency(const sla_policy *p) { return p->currency; }
int sla_policy_minor_digits(const sla_policy *p) { return p->digits; }
int64_t sla_policy_fee(const sla_policy *p) { return p->fee; }
sla_cap sla_policy_cap(const sla_policy *p) { return p->cap; }
bool sla_policy_per_customer(const sla_policy *p) { return p->per_customer; }
const char *sla_policy_statement_period(const sla_policy *p) { return p->statement_period; }
int32_t sla_policy_warn_ppm(const sla_policy *p) { return p->warn_ppm; }
size_t sla_policy_ncalendars(const sla_policy *p) { return p->ncals; }
sla_calendar *sla_policy_calendar_at(sla_policy *p, size_t i) { return p->cals[i]; }
size_t sla_policy_nmetrics(const sla_policy *p) { return p->nmetrics; }
const sla_metric *sla_policy_metric(const sla_policy *p, size_t i) { return &p->metrics[i]; }
size_t sla_policy_ntiers(const sla_policy *p) { return p->ntiers; }
const sla_tier *sla_policy_tier_at(sla_policy *p, size_t i) { return &p->tiers[i]; }

size_t
sla_policy_credit_bands(const sla_policy *p, const sla_credit_band **bands)
{
	*bands = p->bands;
	return p->nbands;
}

size_t
sla_policy_windows(const sla_policy *p, const sla_window **windows)
{
	*windows = p->windows;
	return p->nwindows;
}

sla_calendar *
sla_policy_calendar(sla_policy *p, const char *name)
{
	size_t i = sla_map_find(p->cal_names, name, strlen(name));
	return i < p->ncals ? p->cals[i] : NULL;
}

int
sla_policy_metric_find(const sla_policy *p, const char *name)
{
	size_t i = sla_map_find(p->metric_names, name, strlen(name));
	return i < p->nmetrics ? (int)i : -1;
}

const sla_tier *
sla_policy_tier(sla_policy *p, const char *name, size_t n)
{
	size_t i = sla_map_find(p->tier_names, name, n);
	return i < p->ntiers ? &p->tiers[i] : NULL;
}

const sla_tier *
sla_policy_default_tier(sla_policy *p)
{
	return p->default_tier < 0 ? NULL : &p->tiers[p->default_tier];
}
