/* rules_tiers.c: the tiers that a rule set gives, held against the tiers
 * of a policy (sla-classify --policy).  A rule whose tier the policy does
 * not know classifies tickets that sla-check then finds invalid, one by
 * one ("unknown tier"); said here once per rule, before any ticket, the
 * mistake is found where it is made: a contract of one's own with the
 * rules of another. */
#include <stdio.h>
#include <string.h>

#include "rules_int.h"

/* The policy's tiers, for the hint: as many as fit in BUF. */
static void
tier_list(sla_policy *p, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sla_policy_ntiers(p); i++) {
		const char *name = sla_policy_tier_at(p, i)->name;
		size_t need = strlen(name) + (len ? 2 : 0);
		if (len + need + 5 >= n) {
			snprintf(buf + len, n - len, "%s...", len ? ", " : "");
			return;
		}
		len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "", name);
	}
	if (len == 0)
		snprintf(buf, n, "none");
}

size_t
sla_rules_check_tiers(const sla_rules *rs, const char *default_tier, sla_policy *p,
		      const sla_diag *d)
{
	char tiers[256];
	size_t n = 0;
	tier_list(p, tiers, sizeof tiers);
	for (size_t i = 0; i < rs->n; i++) {
		const rule *r = &rs->rules[i];
		if (r->cond || sla_policy_tier(p, r->tier, strlen(r->tier)))
			continue;
		sla_diag_warn(d, r->file, r->line, "tier", r->tier, strlen(r->tier),
			      "the policy %s has no such tier (it has %s): sla-check finds "
			      "its tickets invalid", sla_policy_file(p), tiers);
		n++;
	}
	if (default_tier && !sla_policy_tier(p, default_tier, strlen(default_tier))) {
		sla_diag_warn(d, NULL, 0, "--default", default_tier, strlen(default_tier),
			      "the policy %s has no such tier (it has %s): sla-check finds "
			      "its tickets invalid", sla_policy_file(p), tiers);
		n++;
	}
	return n;
}
