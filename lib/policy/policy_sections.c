/* policy_sections.c: the [calendar], [metric] and [tier] sections of a
 * policy, read from the entries that policy_entries.c collected.  Below
 * policy.c, above policy_entries.c and policy_model.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_mem.h"
#include "sla_policy_read.h"
#include "sla_scan.h"

/* A section's entries are adjacent (policy_entries.c refuses a section given
 * twice): the index just past the section that starts at I. */
static size_t
section_end(const sla_pol_ctx *x, size_t i)
{
	size_t j = i + 1;
	while (j < x->n && strcmp(x->v[j].section, x->v[i].section) == 0)
		j++;
	return j;
}

static bool
section_start(const sla_pol_ctx *x, size_t i, int kind)
{
	return x->v[i].kind == kind && (i == 0 || strcmp(x->v[i - 1].section, x->v[i].section) != 0);
}

/* Report WORD as an unknown WHAT, with the nearest of EXTRA[0..NEXTRA)
 * and the policy's names of KIND (metrics, calendars or tiers) as a hint. */
static void
unknown_name(sla_pol_ctx *x, const sla_pol_entry *e, const char *what, const char *word, int kind,
	     const char *const *extra, size_t nextra)
{
	enum { MAX_HINTS = 64 };
	const sla_policy *p = x->p;
	const char *names[MAX_HINTS];
	size_t n = 0;
	size_t count = kind == SLA_POL_METRIC	  ? p->nmetrics
		       : kind == SLA_POL_CALENDAR ? p->ncals
						  : p->ntiers;
	for (; n < nextra && n < MAX_HINTS; n++)
		names[n] = extra[n];
	for (size_t i = 0; i < count && n < MAX_HINTS; i++)
		names[n++] = kind == SLA_POL_METRIC	    ? p->metrics[i].name
			     : kind == SLA_POL_CALENDAR ? sla_calendar_name(p->cals[i])
							: p->tiers[i].name;
	sla_pol_unknown(x, e->line, e->key, what, word, names, n);
}

/* ---- calendars ------------------------------------------------------------- */

static const char *const calendar_keys[] = {
	"holidays", "workdays", "day", "mon-fri", "sat", "sun",
};

/* Does KEY name weekdays ("mon-fri", "Sat,Sun", "monday")?  The calendar's
 * own reader decides, on a scratch calendar. */
static bool
is_days_key(const sla_policy *p, const char *key)
{
	char err[64];
	sla_calendar *c = sla_calendar_new("days", p->tz);
	bool days = c && sla_calendar_parse_hours(c, key, "", err, sizeof err) == 0;
	if (c)
		sla_calendar_free(c);
	return days;
}

/* Keep the weekday lines, so that lint can look at each interval. */
static void
keep_hours(sla_pol_ctx *x, sla_calendar *c, const sla_pol_entry *e)
{
	sla_policy *p = x->p;
	if (!sla_grow((void **)&p->hours, &p->hours_cap, p->nhours + 1, sizeof *p->hours)) {
		sla_pol_error(x, NULL, "out of memory");
		return;
	}
	sla_pol_hours *h = &p->hours[p->nhours];
	*h = (sla_pol_hours){ c, sla_pol_strdup(p, e->key), sla_pol_strdup(p, e->value), e->line };
	if (!h->days || !h->hours)
		sla_pol_error(x, NULL, "out of memory");
	else
		p->nhours++;
}

/* The word after a last " as " that ends VALUE ("cn as fri"), or NULL: a
 * single word of letters, so that a file name with " as " in it is not
 * taken for one. */
static const char *
as_clause(const char *value)
{
	const char *as = NULL;
	for (const char *p = strstr(value, "as"); p; p = strstr(p + 1, "as"))
		if (p > value && (p[-1] == ' ' || p[-1] == '\t') && (p[2] == ' ' || p[2] == '\t'))
			as = p;
	if (!as)
		return NULL;
	const char *day = sla_skip_blanks(as + 2), *q = day;
	while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
		q++;
	return q > day && *sla_skip_blanks(q) == '\0' ? as : NULL;
}

/* holidays = SET, workdays = SET [as DAY]. */
static void
read_date_set(sla_pol_ctx *x, sla_calendar *c, const sla_pol_entry *e)
{
	char err[256] = "";
	enum sla_day_kind kind = e->key[0] == 'h' ? SLA_DAY_HOLIDAY : SLA_DAY_WORKDAY;
	const char *as = as_clause(e->value);
	if (as && kind == SLA_DAY_HOLIDAY) {
		sla_pol_error(x, e, "as DAY names the weekday make-up days are worked as: "
			      "it belongs to workdays =");
		return;
	}
	size_t len = as ? (size_t)(as - e->value) : 0;
	char *set = as ? malloc(len + 1) : NULL;
	if (as && !set) {
		sla_pol_error(x, NULL, "out of memory");
		return;
	}
	if (set) {
		memcpy(set, e->value, len);
		set[len] = '\0';
	}
	if (as && sla_calendar_set_makeup_weekday(c, sla_skip_blanks(as + 2), err, sizeof err) < 0)
		sla_pol_error_at(x, e->line, e->key, "%s", err);
	else if (sla_calendar_load_dates_from(c, kind, set ? set : e->value, x->p->calendars,
						     err, sizeof err) < 0)
		sla_pol_error_at(x, e->line, e->key, "%s", err);
	free(set);
}

/* A weekday named for make-up days that has no hours would leave them
 * closed: refused once the whole section is read. */
static void
check_makeup_weekday(sla_pol_ctx *x, sla_calendar *c, size_t from, size_t end)
{
	bool named;
	if (sla_calendar_makeup_weekday(c, &named) >= 0 || !named)
		return;
	for (size_t j = from; j < end; j++)
		if (strcmp(x->v[j].key, "workdays") == 0)
			sla_pol_error(x, &x->v[j], "the weekday after as has no hours: make-up days would be closed");
}

static void
read_calendar_entry(sla_pol_ctx *x, sla_calendar *c, const sla_pol_entry *e)
{
	char err[256] = "";
	if (strcmp(e->key, "holidays") == 0 || strcmp(e->key, "workdays") == 0) {
		read_date_set(x, c, e);
	} else if (strcmp(e->key, "day") == 0) {
		sla_duration d;
		if (sla_duration_parse(e->value, &d, err, sizeof err) < 0 || d.form != SLA_DUR_PLAIN ||
		    d.wd != 0 || d.secs <= 0 || d.secs > 86400)
			sla_pol_error(x, e, "day length is a duration above 0s and at most 24h");
		else
			sla_calendar_set_day_length(c, d.secs);
	} else if (is_days_key(x->p, e->key)) {
		if (sla_calendar_parse_hours(c, e->key, e->value, err, sizeof err) < 0)
			sla_pol_error_at(x, e->line, e->key, "%s", err);
		else
			keep_hours(x, c, e);
	} else {
		sla_pol_unknown(x, e->line, e->key,
				"key in [calendar] (weekdays, holidays, workdays or day)", e->key,
				calendar_keys, sizeof calendar_keys / sizeof *calendar_keys);
	}
}

/* Calendar C, numbered in cal_names as it is in cals: its name is new. */
static bool
add_calendar(sla_policy *p, sla_calendar *c, unsigned long line)
{
	if (!sla_grow((void **)&p->cals, &p->cals_cap, p->ncals + 1, sizeof *p->cals) ||
	    !sla_grow((void **)&p->cal_lines, &p->cal_lines_cap, p->ncals + 1, sizeof *p->cal_lines) ||
	    sla_pol_name(p->cal_names, sla_calendar_name(c), NULL) != p->ncals) {
		sla_calendar_free(c);
		return false;
	}
	p->cal_lines[p->ncals] = line;
	p->cals[p->ncals++] = c;
	return true;
}

size_t
sla_pol_read_calendars(sla_pol_ctx *x)
{
	sla_policy *p = x->p;
	size_t before = x->errors;
	sla_calendar *c = sla_calendar_new_24x7(p->tz);
	if (!c || !add_calendar(p, c, 0)) {
		sla_pol_error(x, NULL, "out of memory");
		return x->errors - before;
	}
	for (size_t i = 0; i < x->n; i++) {
		if (!section_start(x, i, SLA_POL_CALENDAR))
			continue;
		const sla_pol_entry *e = &x->v[i];
		size_t was = sla_map_find(p->cal_names, e->name, strlen(e->name));
		if (was == 0) {
			sla_pol_error_at(x, e->line, NULL, "calendar %s is built in: choose another name", e->name);
			continue;
		}
		if (was != SLA_MAP_NONE) {	/* [calendar a] and [calendar  a] */
			sla_pol_error_at(x, e->line, NULL, "calendar %s is defined twice (first at line %lu)",
					 e->name, p->cal_lines[was]);
			continue;
		}
		const char *name = sla_pol_strdup(p, e->name);
		if (!name || !(c = sla_calendar_new(name, p->tz)) || !add_calendar(p, c, e->line)) {
			sla_pol_error(x, NULL, "out of memory");
			break;
		}
		size_t end = section_end(x, i);
		for (size_t j = i; j < end; j++)
			read_calendar_entry(x, c, &x->v[j]);
		check_makeup_weekday(x, c, i, end);
	}
	return x->errors - before;
}

/* ---- metrics -------------------------------------------------------------- */

/* A replacement obligation ends when the unit is replaced or the fault
 * repaired, whichever comes first (直至故障货物修复). */
static const sla_metric builtin_metrics[] = {
	{ "response", "opened", { "first_response" }, 1, false, -1, { 0 } },
	{ "onsite", "opened", { "onsite" }, 1, false, -1, { 0 } },
	{ "workaround", "opened", { "workaround" }, 1, false, -1, { 0 } },
	{ "resolve", "opened", { "resolved" }, 1, true, -1, { 0 } },
	{ "replacement", "opened", { "replaced", "resolved" }, 2, false, -1, { 0 } },
};
enum { NBUILTIN = sizeof builtin_metrics / sizeof *builtin_metrics };
/* The built-in replacement applies when resolve took longer than 8 h. */
#define REPLACEMENT_WHEN_SECS (8 * 3600)

static const char *const metric_keys[] = { "start", "stop", "pausable", "when" };

/* A name that can stand as a key of [tier] and as a column: [a-z0-9_]. */
static bool
is_name(const char *s)
{
	return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(s);
}

static void
read_when(sla_pol_ctx *x, sla_metric *m, const sla_pol_entry *e)
{
	sla_policy *p = x->p;
	char left[64], err[256];
	const char *gt = strchr(e->value, '>');
	if (strcmp(e->value, "always") == 0) {
		m->when_metric = -1;
		return;
	}
	if (!gt || (size_t)(gt - e->value) >= sizeof left) {
		sla_pol_error(x, e, "expected METRIC > DURATION, or always");
		return;
	}
	snprintf(left, sizeof left, "%.*s", (int)(gt - e->value), e->value);
	for (size_t n = strlen(left); n > 0 && left[n - 1] == ' '; n--)
		left[n - 1] = '\0';
	int ref = sla_policy_metric_find(p, left);
	if (ref < 0) {
		unknown_name(x, e, "metric in when", left, SLA_POL_METRIC, NULL, 0);
		return;
	}
	if (&p->metrics[ref] == m) {
		sla_pol_error(x, e, "a metric's when cannot name the metric itself");
		return;
	}
	const char *dur = gt + 1 + strspn(gt + 1, " ");
	if (sla_duration_parse(dur, &m->when, err, sizeof err) < 0) {
		sla_pol_error_at(x, e->line, e->key, "%s", err);
		return;
	}
	if (m->when.form != SLA_DUR_PLAIN) {
		sla_pol_error(x, e, "when takes a plain duration (no @time, @close)");
		return;
	}
	m->when_metric = ref;
}

/* "replaced | resolved": the first of several columns.  Each is a name,
 * none twice, at most SLA_MAX_STOPS; they are cut out of one copy of the
 * value, which the policy owns. */
static void
read_stops(sla_pol_ctx *x, sla_metric *m, const sla_pol_entry *e)
{
	const char *cols[SLA_MAX_STOPS];
	size_t n = 0;
	char *v = sla_pol_strdup(x->p, e->value);
	if (!v) {
		sla_pol_error(x, NULL, "out of memory");
		return;
	}
	for (char *s = v;;) {
		char *bar = strchr(s, '|');
		if (bar)
			*bar = '\0';
		s += strspn(s, " \t");
		for (size_t len = strlen(s); len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'); len--)
			s[len - 1] = '\0';
		if (!is_name(s)) {
			sla_pol_error(x, e, "expected a column name ([a-z0-9_])");
			return;
		}
		if (n == SLA_MAX_STOPS) {
			sla_pol_error(x, e, "a stop is the first of at most %d columns", SLA_MAX_STOPS);
			return;
		}
		for (size_t i = 0; i < n; i++)
			if (strcmp(cols[i], s) == 0) {
				sla_pol_error(x, e, "column %s is named twice", s);
				return;
			}
		cols[n++] = s;
		if (!bar)
			break;
		s = bar + 1;
	}
	memcpy(m->stop_cols, cols, n * sizeof *cols);
	m->nstops = n;
}

static void
read_metric_entry(sla_pol_ctx *x, sla_metric *m, const sla_pol_entry *e)
{
	if (strcmp(e->key, "start") == 0) {
		const char *col = is_name(e->value) ? sla_pol_strdup(x->p, e->value) : NULL;
		if (!col)
			sla_pol_error(x, e, "expected a column name ([a-z0-9_])");
		else
			m->start_col = col;
	} else if (strcmp(e->key, "stop") == 0) {
		read_stops(x, m, e);
	} else if (strcmp(e->key, "pausable") == 0) {
		if (strcmp(e->value, "yes") == 0 || strcmp(e->value, "true") == 0)
			m->pausable = true;
		else if (strcmp(e->value, "no") == 0 || strcmp(e->value, "false") == 0)
			m->pausable = false;
		else
			sla_pol_error(x, e, "expected yes or no");
	} else if (strcmp(e->key, "when") != 0) {
		sla_pol_unknown(x, e->line, e->key, "key in [metric]", e->key, metric_keys,
				sizeof metric_keys / sizeof *metric_keys);
	}
}

static size_t
count_sections(const sla_pol_ctx *x, int kind)
{
	size_t n = 0;
	for (size_t i = 0; i < x->n; i++)
		n += section_start(x, i, kind);
	return n;
}

size_t
sla_pol_read_metrics(sla_pol_ctx *x)
{
	sla_policy *p = x->p;
	size_t before = x->errors;
	p->metrics = calloc(NBUILTIN + count_sections(x, SLA_POL_METRIC), sizeof *p->metrics);
	if (!p->metrics) {
		sla_pol_error(x, NULL, "out of memory");
		return 1;
	}
	memcpy(p->metrics, builtin_metrics, sizeof builtin_metrics);
	for (p->nmetrics = 0; p->nmetrics < NBUILTIN; p->nmetrics++)
		if (sla_pol_name(p->metric_names, builtin_metrics[p->nmetrics].name, NULL) != p->nmetrics) {
			sla_pol_error(x, NULL, "out of memory");
			return 1;
		}
	p->metrics[4].when_metric = 3;
	p->metrics[4].when = (sla_duration){ SLA_DUR_PLAIN, REPLACEMENT_WHEN_SECS, 0, false };

	for (size_t i = 0; i < x->n; i++) {
		if (!section_start(x, i, SLA_POL_METRIC))
			continue;
		const sla_pol_entry *e = &x->v[i];
		int k = sla_policy_metric_find(p, e->name);
		if (k < 0 && (!is_name(e->name) || strcmp(e->name, "calendar") == 0 ||
			      strcmp(e->name, "penalty") == 0)) {
			sla_pol_error_at(x, e->line, NULL,
					 "metric name \"%s\": use a-z, 0-9 and _, not calendar or penalty",
					 e->name);
			continue;
		}
		if (k < 0 && sla_pol_name(p->metric_names, e->name, NULL) != p->nmetrics) {
			sla_pol_error(x, NULL, "out of memory");
			break;
		}
		sla_metric *m = k >= 0 ? &p->metrics[k] : &p->metrics[p->nmetrics++];
		if (k < 0)
			*m = (sla_metric){ sla_pol_strdup(p, e->name), NULL, { NULL }, 0, false, -1, { 0 } };
		for (size_t j = i, end = section_end(x, i); j < end; j++)
			read_metric_entry(x, m, &x->v[j]);
		if (!m->name || !m->start_col || !m->nstops)
			sla_pol_error_at(x, e->line, NULL, "[metric %s] needs both start and stop", e->name);
	}
	/* when names any metric, defined above or below */
	for (size_t i = 0; i < x->n; i++) {
		const sla_pol_entry *e = &x->v[i];
		int k;
		if (e->kind == SLA_POL_METRIC && strcmp(e->key, "when") == 0 &&
		    (k = sla_policy_metric_find(p, e->name)) >= 0)
			read_when(x, &p->metrics[k], e);
	}
	return x->errors - before;
}

/* ---- tiers ---------------------------------------------------------------- */

/* A key "penalty.resolve" names a metric after its dot: that metric's index. */
static int
dotted_metric(sla_pol_ctx *x, const sla_pol_entry *e, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(e->key, prefix, n) != 0 || e->key[n] != '.')
		return -2;
	int k = sla_policy_metric_find(x->p, e->key + n + 1);
	if (k < 0)
		unknown_name(x, e, "metric after the dot", e->key + n + 1, SLA_POL_METRIC, NULL, 0);
	return k;
}

static sla_calendar *
find_calendar(sla_pol_ctx *x, const sla_pol_entry *e)
{
	sla_calendar *c = sla_policy_calendar(x->p, e->value);
	if (!c)
		unknown_name(x, e, "calendar", e->value, SLA_POL_CALENDAR, NULL, 0);
	return c;
}

static void
read_penalty(sla_pol_ctx *x, const sla_pol_entry *e, sla_penalty *pen)
{
	char err[256];
	if (sla_penalty_parse(e->value, x->p->digits, pen, err, sizeof err) < 0)
		sla_pol_error(x, e, "%s", err);	/* quotes the whole rule */
}

/* The keys of one [tier] section: calendar, penalty, METRIC, calendar.METRIC,
 * penalty.METRIC.  The overrides are kept apart until the tier's own
 * calendar and penalty are known, whatever the order in the file. */
static void
read_tier(sla_pol_ctx *x, sla_tier *t, size_t from, size_t to)
{
	sla_policy *p = x->p;
	sla_calendar *cal = NULL;
	bool cal_given = false;
	sla_penalty pen = { 0 };
	unsigned long first_line = x->v[from].line;

	for (size_t j = from; j < to; j++) {
		const sla_pol_entry *e = &x->v[j];
		int k;
		char err[256];
		if (strcmp(e->key, "calendar") == 0) {
			cal = find_calendar(x, e);
			cal_given = true;
		}
		else if (strcmp(e->key, "penalty") == 0)
			read_penalty(x, e, &pen);
		else if ((k = dotted_metric(x, e, "calendar")) != -2) {
			if (k >= 0)
				t->targets[k].calendar = find_calendar(x, e);
		} else if ((k = dotted_metric(x, e, "penalty")) != -2) {
			if (k >= 0)
				read_penalty(x, e, &t->targets[k].penalty);
		} else if ((k = sla_policy_metric_find(p, e->key)) >= 0) {
			t->targets[k].set = true;
			t->targets[k].line = e->line;
			if (sla_duration_parse(e->value, &t->targets[k].target, err, sizeof err) < 0)
				sla_pol_error_at(x, e->line, e->key, "%s", err);
		} else {
			static const char *const keys[] = { "calendar", "penalty" };
			unknown_name(x, e, "metric or key in [tier]", e->key, SLA_POL_METRIC, keys, 2);
		}
	}
	if (!cal && !cal_given)
		sla_pol_error_at(x, first_line, NULL, "[tier %s] has no calendar", t->name);
	for (size_t k = 0; k < p->nmetrics; k++) {
		if (!t->targets[k].calendar)
			t->targets[k].calendar = cal;
		if (!t->targets[k].penalty.set)
			t->targets[k].penalty = pen;
	}
}

size_t
sla_pol_read_tiers(sla_pol_ctx *x)
{
	sla_policy *p = x->p;
	size_t before = x->errors;
	p->tiers = calloc(count_sections(x, SLA_POL_TIER) + 1, sizeof *p->tiers);
	if (!p->tiers) {
		sla_pol_error(x, NULL, "out of memory");
		return 1;
	}
	for (size_t i = 0; i < x->n; i++) {
		if (!section_start(x, i, SLA_POL_TIER))
			continue;
		const sla_pol_entry *e = &x->v[i];
		bool added;
		size_t num = sla_pol_name(p->tier_names, e->name, &added);
		if (num != SLA_MAP_NONE && !added) {	/* [tier a] and [tier  a] */
			sla_pol_error_at(x, e->line, NULL, "tier %s is defined twice (first at line %lu)",
					 e->name, p->tiers[num].line);
			continue;
		}
		if (num != p->ntiers) {
			sla_pol_error(x, NULL, "out of memory");
			break;
		}
		sla_tier *t = &p->tiers[p->ntiers++];
		t->name = sla_pol_strdup(p, e->name);
		t->targets = calloc(p->nmetrics, sizeof *t->targets);
		if (!t->name || !t->targets) {
			sla_pol_error(x, NULL, "out of memory");
			break;
		}
		t->line = e->line;
		read_tier(x, t, i, section_end(x, i));
	}
	sla_pol_entry *e = sla_pol_get(x, SLA_POL_POLICY, "", "default_tier");
	if (e) {
		const sla_tier *t = sla_policy_tier(p, e->value, strlen(e->value));
		if (t)
			p->default_tier = (int)(t - p->tiers);
		else
			unknown_name(x, e, "tier", e->value, SLA_POL_TIER, NULL, 0);
	}
	return x->errors - before;
}
