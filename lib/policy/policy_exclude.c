/* policy_exclude.c: the [exclude NAME] sections of a policy (sla-policy(5)):
 * windows of time in which no clock runs, such as the hours a typhoon
 * lasted, read from the entries that policy_entries.c collected.  What a
 * window does to a ticket is the checker's (sla_check.h). */
#include <string.h>

#include "sla_list.h"
#include "sla_mem.h"
#include "sla_policy_read.h"
#include "sla_timeform.h"

/* *S[0..*N) without its blanks on either side. */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* One end of a window, the N bytes at S: a time as sla-time reads one, in
 * the policy's zone.  False after saying why. */
static bool
window_end(sla_pol_ctx *x, const sla_pol_entry *e, const char *s, size_t n, int64_t *t)
{
	trim(&s, &n);
	int rc = sla_timeform_instant(s, n, x->p->tz, t);
	if (rc == SLA_TF_OK)
		return true;
	char time[128];
	size_t len = n < sizeof time - 1 ? n : sizeof time - 1;
	memcpy(time, s, len);
	time[len] = '\0';
	sla_pol_error_at(x, e->line, e->key, "%s \"%s\" (a window is START .. END)",
			 sla_timeform_why(rc), time);
	return false;
}

/* "A .. B": one window of section NAME. */
static void
read_window(sla_pol_ctx *x, const sla_pol_entry *e, const char *s, size_t n)
{
	sla_policy *p = x->p;
	const char *dots = NULL;
	trim(&s, &n);
	for (size_t i = 0; i + 1 < n && !dots; i++)
		if (s[i] == '.' && s[i + 1] == '.')
			dots = s + i;
	int len = n < 160 ? (int)n : 160;	/* the window, not the whole list */
	if (!dots) {
		sla_pol_error_at(x, e->line, e->key,
				 "expected START .. END (2026-09-14T08:00 .. 2026-09-15T20:00) \"%.*s\"",
				 len, s);
		return;
	}
	int64_t a, b;
	if (!window_end(x, e, s, (size_t)(dots - s), &a) ||
	    !window_end(x, e, dots + 2, n - (size_t)(dots + 2 - s), &b))
		return;
	if (b <= a) {
		sla_pol_error_at(x, e->line, e->key, "a window must end after it starts \"%.*s\"", len, s);
		return;
	}
	if (!sla_grow((void **)&p->windows, &p->windows_cap, p->nwindows + 1, sizeof *p->windows)) {
		sla_pol_error(x, NULL, "out of memory");
		return;
	}
	const char *name = sla_pol_strdup(p, e->name);
	if (!name) {
		sla_pol_error(x, NULL, "out of memory");
		return;
	}
	p->windows[p->nwindows++] = (sla_window){ name, a, b, e->line };
}

/* A section's entries are adjacent (policy_entries.c refuses a section
 * given twice), so a section without a window is seen at its end. */
static void
check_has_window(sla_pol_ctx *x, const sla_pol_entry *first, bool has)
{
	if (first && !has)
		sla_pol_error_at(x, first->line, NULL, "[exclude %s] has no window", first->name);
}

void
sla_pol_read_excludes(sla_pol_ctx *x)
{
	static const char *const keys[] = { "window" };
	const sla_pol_entry *first = NULL;	/* of the section being read */
	bool has = false;
	for (size_t i = 0; i < x->n; i++) {
		const sla_pol_entry *e = &x->v[i];
		if (first && strcmp(first->section, e->section) != 0) {
			check_has_window(x, first, has);
			first = NULL;
		}
		if (e->kind != SLA_POL_EXCLUDE)
			continue;
		if (!first)
			first = e, has = false;
		if (strcmp(e->key, "window") != 0) {
			sla_pol_unknown(x, e->line, e->key, "key in [exclude]", e->key, keys, 1);
			continue;
		}
		/* a list: one window a comma, or a continuation line */
		has = true;
		for (const char *list = e->value; list && *list;) {
			size_t len;
			const char *item = sla_list_next(&list, &len);
			read_window(x, e, item, len);
		}
	}
	check_has_window(x, first, has);
}
