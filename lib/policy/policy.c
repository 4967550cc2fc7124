/* policy.c: loading a policy file (DESIGN §7, sla-policy(5)).
 *
 * Two passes.  The entries are collected first (policy_entries.c); they
 * are then read section kind by section kind ([policy] here, calendars,
 * metrics, tiers and penalties in policy_sections.c), so a tier may name a
 * calendar or metric defined further down.  Every error names file:line and
 * the key; all of them are reported before the load fails.  The arrows go
 * one way: this file calls the sections, the sections the entries. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sla_data.h"
#include "sla_event_names.h"
#include "sla_file.h"
#include "sla_money.h"
#include "sla_policy_read.h"

#define DEFAULT_NAME "default-policy.ini"
#define DEFAULT_FILE "<default>"

/* Currencies whose minor unit is not two places (ISO 4217). */
static int
currency_digits(const char *code)
{
	static const char *const zero[] = { "JPY", "KRW", "VND", "ISK", "CLP" };
	static const char *const three[] = { "BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD" };
	for (size_t i = 0; i < sizeof zero / sizeof *zero; i++)
		if (strcmp(code, zero[i]) == 0)
			return 0;
	for (size_t i = 0; i < sizeof three / sizeof *three; i++)
		if (strcmp(code, three[i]) == 0)
			return 3;
	return 2;
}

static const char *const policy_keys[] = {
	"name", "timezone", "currency", "digits", "fee", "warn", "default_tier",
};

static void
read_policy_section(sla_pol_ctx *x, const char *tz_override, const char *tz_name)
{
	sla_policy *p = x->p;
	sla_pol_entry *e;

	if ((e = sla_pol_get(x, SLA_POL_POLICY, "", "name")) && !(p->name = sla_pol_strdup(p, e->value)))
		sla_pol_error(x, NULL, "out of memory");
	if ((e = sla_pol_get(x, SLA_POL_POLICY, "", "currency"))) {
		if (strlen(e->value) != 3 || strspn(e->value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)
			sla_pol_error(x, e, "currency is not an ISO 4217 code");
		else if (!(p->currency = sla_pol_strdup(p, e->value)))
			sla_pol_error(x, NULL, "out of memory");
		else
			p->digits = currency_digits(e->value);
	}
	if ((e = sla_pol_get(x, SLA_POL_POLICY, "", "digits"))) {
		if (strlen(e->value) != 1 || e->value[0] < '0' || e->value[0] > '4')
			sla_pol_error(x, e, "digits is 0 to 4");
		else
			p->digits = e->value[0] - '0';
	}
	if ((e = sla_pol_get(x, SLA_POL_POLICY, "", "fee")) &&
	    (sla_money_parse(e->value, strlen(e->value), p->digits, &p->fee) < 0 || p->fee < 0))
		sla_pol_error(x, e, "cannot read amount (at most %d decimals, not negative)", p->digits);
	if ((e = sla_pol_get(x, SLA_POL_POLICY, "", "warn")) &&
	    (sla_percent_parse(e->value, strlen(e->value), &p->warn_ppm) < 0 || p->warn_ppm == 0))
		sla_pol_error(x, e, "cannot read percentage (above 0%% and at most 100%%)");

	e = sla_pol_get(x, SLA_POL_POLICY, "", "timezone");
	const char *zone = tz_override ? tz_override : e ? e->value : NULL;
	char err[256];
	if (!zone)
		sla_pol_error(x, NULL, "[policy] timezone is not set");
	else if (!(p->tz = sla_tz_load(zone, err, sizeof err))) {
		if (tz_override)
			sla_diag_msg(x->d, NULL, 0, tz_name ? tz_name : "timezone", NULL, 0, "%s",
				     err); /* ERR quotes the name */
		else
			sla_pol_error_at(x, e->line, e->key, "%s", err);
		x->errors++;
	}
}

static void
check_policy_keys(sla_pol_ctx *x)
{
	for (size_t i = 0; i < x->n; i++) {
		sla_pol_entry *e = &x->v[i];
		if (e->kind != SLA_POL_POLICY)
			continue;
		bool known = false;
		for (size_t k = 0; k < sizeof policy_keys / sizeof *policy_keys; k++)
			known |= strcmp(e->key, policy_keys[k]) == 0;
		if (!known)
			sla_pol_unknown(x, e->line, e->key, "key in [policy]", e->key, policy_keys,
					sizeof policy_keys / sizeof *policy_keys);
	}
}

/* [events] is sla-parse --events' (sla_event_names.h reads its values); here
 * its keys are only checked, so that a typo is caught by --lint too. */
static void
check_events_keys(sla_pol_ctx *x)
{
	const char *keys[SLA_EV_NCLASSES];
	size_t nkeys = 0;
	for (int c = 0; c < SLA_EV_NCLASSES; c++)
		if (sla_event_class_key((sla_event_class)c))
			keys[nkeys++] = sla_event_class_key((sla_event_class)c);
	for (size_t i = 0; i < x->n; i++) {
		sla_pol_entry *e = &x->v[i];
		bool known = false;
		for (size_t k = 0; e->kind == SLA_POL_EVENTS && k < nkeys; k++)
			known |= strcmp(e->key, keys[k]) == 0;
		if (e->kind == SLA_POL_EVENTS && !known)
			sla_pol_unknown(x, e->line, e->key, "key in [events]", e->key, keys, nkeys);
	}
}

/* The whole text of PATH, NUL-terminated, or NULL (message printed). */
static char *
slurp_file(const char *path, size_t *len, const sla_diag *d)
{
	sla_file_error why;
	char *buf = sla_file_read(path, SLA_FILE_ANY_SIZE, len, &why);
	if (!buf && why == SLA_FILE_OPEN)
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot open policy: %s", strerror(errno));
	else if (!buf)
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot read policy");
	return buf;
}

static bool
load_text(sla_policy *p, const char *path, const sla_diag *d)
{
	if (!path) {
		const struct sla_blob *b = sla_data_find(DEFAULT_NAME);
		if (!b)
			return false;
		p->text = b->data;
		p->len = b->len;
		return (p->file = sla_pol_strdup(p, DEFAULT_FILE)) != NULL;
	}
	char *text = slurp_file(path, &p->len, d);
	if (!text)
		return false;
	p->text = p->owned_text = text;
	if (memchr(text, '\0', p->len)) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "policy holds a NUL byte: not a text file");
		return false;
	}
	return (p->file = sla_pol_strdup(p, path)) != NULL;
}

static sla_policy *
policy_new(void)
{
	sla_policy *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->cal_names = sla_map_new();
	p->metric_names = sla_map_new();
	p->tier_names = sla_map_new();
	if (!p->cal_names || !p->metric_names || !p->tier_names) {
		sla_policy_free(p);
		return NULL;
	}
	p->name = "";
	p->currency = "";
	p->digits = 2;
	p->warn_ppm = 750000;
	p->statement_period = "month";
	p->default_tier = -1;
	return p;
}

sla_policy *
sla_policy_load(const char *path, const char *tz_override, sla_diag *d)
{
	return sla_policy_load_from(path, &(sla_policy_overrides){ .tz = tz_override }, d);
}

sla_policy *
sla_policy_load_from(const char *path, const sla_policy_overrides *o, sla_diag *d)
{
	static const sla_policy_overrides none = { 0 };
	sla_policy *p = policy_new();
	sla_pol_ctx x = { .p = p, .d = d };

	if (!o)
		o = &none;
	if (p)
		p->calendars = o->calendars ? o->calendars : getenv("SLA_CALENDARS");
	if (!p || !load_text(p, path, d) || !sla_pol_entries_read(&x))
		goto fail;
	check_policy_keys(&x);
	read_policy_section(&x, o->tz, o->tz_name);
	/* later sections need the zone, and tiers the calendars and metrics */
	if (p->tz && sla_pol_read_calendars(&x) == 0 && sla_pol_read_metrics(&x) == 0)
		sla_pol_read_tiers(&x);
	sla_pol_read_penalties(&x);
	if (p->tz)
		sla_pol_read_excludes(&x);
	check_events_keys(&x);
	if (x.errors)
		goto fail;
	sla_pol_entries_free(&x);
	return p;
fail:
	sla_pol_entries_free(&x);
	sla_policy_free(p);
	return NULL;
}
