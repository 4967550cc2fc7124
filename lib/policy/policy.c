/* policy.c: the policy file reader (DESIGN §7, sla-policy(5)).
 *
 * Two passes.  libinih first collects every key = value with its line
 * (through sla_ini_source, which counts physical lines and hands inih a
 * line of any length in pieces it can read).  The entries are then read
 * section kind by section kind (policy, calendars, metrics, tiers, penalties), so a tier may name a
 * calendar or metric defined further down.  Every error names file:line and
 * the key; all of them are reported before the load fails. */
#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_check.h"
#include "sla_data.h"
#include "sla_duration.h"
#include "sla_event_names.h"
#include "sla_ini_source.h"
#include "sla_money.h"
#include "sla_policy.h"
#include "sla_policy_read.h"

#define DEFAULT_NAME "default-policy.ini"
#define DEFAULT_FILE "<default>"
/* libinih keeps this many bytes of a section name, with the NUL (its
 * MAX_SECTION, which ini.h does not export), and cuts the rest silently. */
#define INI_MAX_SECTION 50

/* ---- pass 1: entries --------------------------------------------------------- */

/* A [section] line: inih reports keys only, so an empty or repeated
 * section is seen here. */
typedef struct header {
	char *name;
	unsigned long line;
} header;

/* The line source handed to inih, and the [section] lines it passed. */
struct line_src {
	sla_ini_source in;
	header *headers;
	size_t nheaders, capheaders;
	unsigned long long_section;	/* the first [section] whose name inih would cut */
	bool nomem;
};

/* Note the line STR when it is a [section] header, as inih reads one. */
static void
note_header(struct line_src *s, const char *str)
{
	const char *open = str + strspn(str, " \t");
	const char *close = *open == '[' ? strchr(open, ']') : NULL;
	if (!close)
		return;
	if ((size_t)(close - open - 1) >= INI_MAX_SECTION && !s->long_section)
		s->long_section = s->in.line;
	if (s->nheaders == s->capheaders) {
		size_t ncap = s->capheaders ? 2 * s->capheaders : 16;
		header *nv = realloc(s->headers, ncap * sizeof *nv);
		if (!nv) {
			s->nomem = true;
			return;
		}
		s->headers = nv;
		s->capheaders = ncap;
	}
	char *name = strndup(open + 1, (size_t)(close - open - 1));
	if (!name)
		s->nomem = true;
	else
		s->headers[s->nheaders++] = (header){ name, s->in.line };
}

static char *
read_line(char *str, int num, void *stream)
{
	struct line_src *s = stream;
	char *got = sla_ini_source_read(str, num, &s->in);
	if (got && !s->in.piece)
		note_header(s, str);
	return got;
}

struct collect {
	struct line_src src;
	pol_entry *v;
	size_t n, cap;
	bool nomem;
};

static char *
concat3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = malloc(la + lb + lc + 1);
	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb);
		memcpy(s + la + lb, c, lc + 1);
	}
	return s;
}

/* The last entry's value becomes JOINED (NULL: out of memory). */
static int
extend_last(struct collect *c, char *joined)
{
	if (!joined)
		return c->nomem = true, 0;
	free(c->v[c->n - 1].value);
	c->v[c->n - 1].value = joined;
	return 1;
}

/* A continuation line extends the previous value of the same key: lists
 * (hours, dates, credits) go on with a comma.  A piece of a line too long
 * for inih extends it with what the split dropped, so the value is the
 * line's own. */
static int
on_entry(void *user, const char *section, const char *key, const char *value)
{
	struct collect *c = user;
	if (c->src.in.piece && c->n > 0)
		return extend_last(c, sla_ini_source_join(&c->src.in, c->v[c->n - 1].value, value));
	if (c->src.in.continuation && c->n > 0 && strcmp(c->v[c->n - 1].section, section) == 0 &&
	    strcmp(c->v[c->n - 1].key, key) == 0)
		return extend_last(c, concat3(c->v[c->n - 1].value, ", ", value));
	if (c->n == c->cap) {
		size_t ncap = c->cap ? 2 * c->cap : 64;
		pol_entry *nv = realloc(c->v, ncap * sizeof *nv);
		if (!nv)
			return c->nomem = true, 0;
		c->v = nv;
		c->cap = ncap;
	}
	pol_entry *e = &c->v[c->n];
	*e = (pol_entry){ .section = strdup(section), .key = strdup(key),
			  .value = strdup(value), .line = c->src.in.line, .kind = -1 };
	if (!e->section || !e->key || !e->value) {
		free(e->section), free(e->key), free(e->value);
		return c->nomem = true, 0;
	}
	c->n++;
	return 1;
}

/* ---- messages ------------------------------------------------------------- */

static void
verror(pol_ctx *x, unsigned long line, const char *key, const char *value, const char *what,
       va_list ap)
{
	char msg[512];
	vsnprintf(msg, sizeof msg, what, ap);
	sla_diag_msg(x->d, x->p->file, line, key, value, value ? strlen(value) : 0, "%s", msg);
	x->errors++;
}

void
pol_error(pol_ctx *x, const pol_entry *e, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	verror(x, e ? e->line : 0, e ? e->key : NULL, e ? e->value : NULL, what, ap);
	va_end(ap);
}

void
pol_error_at(pol_ctx *x, unsigned long line, const char *key, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	verror(x, line, key, NULL, what, ap);
	va_end(ap);
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[64];
	if (lb >= 64 || la >= 64)
		return 64;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The candidate nearest to WORD within a typo (edit distance 2, or 1 for a
 * word shorter than 3 bytes), or NULL. */
static const char *
pol_nearest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t best_d = strlen(word) / 3 + 1;	/* a typo, not another word */
	if (best_d > 2)
		best_d = 2;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(word, cands[i]);
		if (dist <= best_d && (!best || dist < edit_distance(word, best)))
			best = cands[i];
	}
	return best;
}

void
pol_unknown(pol_ctx *x, unsigned long line, const char *key, const char *what, const char *word,
	    const char *const *cands, size_t n)
{
	const char *hint = pol_nearest(word, cands, n);
	char msg[256];
	if (hint)
		snprintf(msg, sizeof msg, "unknown %s \"%s\"; did you mean \"%s\"?", what, word, hint);
	else
		snprintf(msg, sizeof msg, "unknown %s \"%s\"", what, word);
	sla_diag_msg(x->d, x->p->file, line, key, NULL, 0, "%s", msg);
	x->errors++;
}

/* ---- sections ------------------------------------------------------------- */

static const char *const section_kinds[] = { "policy", "calendar", "metric", "tier", "penalties",
					      "events" };

/* Split "tier urgent" into its kind and name; -1 for an unknown kind. */
static int
section_kind(const char *section, const char **name)
{
	const char *sp = strchr(section, ' ');
	size_t klen = sp ? (size_t)(sp - section) : strlen(section);
	*name = sp ? sp + strspn(sp, " ") : "";
	for (int k = 0; k < POL_NKINDS; k++)
		if (strlen(section_kinds[k]) == klen && memcmp(section_kinds[k], section, klen) == 0)
			return k;
	return -1;
}

/* Every section known, named when it must be, and given once. */
static void
check_sections(pol_ctx *x, const struct line_src *src)
{
	for (size_t i = 0; i < src->nheaders; i++) {
		const header *h = &src->headers[i];
		const char *name;
		int k = section_kind(h->name, &name);
		char word[64];
		snprintf(word, sizeof word, "%.*s", (int)strcspn(h->name, " "), h->name);
		if (k < 0)
			pol_unknown(x, h->line, NULL, "section", word, section_kinds, POL_NKINDS);
		else if ((k == POL_CALENDAR || k == POL_METRIC || k == POL_TIER) == (*name == '\0'))
			pol_error_at(x, h->line, NULL,
				     *name ? "section [%s] takes no name" : "section [%s] needs a name",
				     h->name);
		for (size_t j = 0; j < i; j++)
			if (strcmp(src->headers[j].name, h->name) == 0) {
				pol_error_at(x, h->line, NULL, "section [%s] appears twice (first at line %lu)",
					     h->name, src->headers[j].line);
				break;
			}
	}
}

/* Each entry's section kind and name; every key in a section, and once. */
static void
check_entries(pol_ctx *x)
{
	for (size_t i = 0; i < x->n; i++) {
		pol_entry *e = &x->v[i];
		e->kind = section_kind(e->section, &e->name);
		if (e->section[0] == '\0')
			pol_error_at(x, e->line, e->key, "key outside any [section]");
		for (size_t j = 0; j < i; j++)
			if (strcmp(e->section, x->v[j].section) == 0 && strcmp(e->key, x->v[j].key) == 0) {
				pol_error_at(x, e->line, e->key, "key given twice (first at line %lu)",
					     x->v[j].line);
				break;
			}
	}
}

pol_entry *
pol_get(pol_ctx *x, int kind, const char *name, const char *key)
{
	for (size_t i = 0; i < x->n; i++) {
		pol_entry *e = &x->v[i];
		if (e->kind == kind && strcmp(e->name, name) == 0 && strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

/* ---- the policy ------------------------------------------------------------- */

char *
pol_strdup(sla_policy *p, const char *s)
{
	if (p->nstrings == p->capstrings) {
		size_t ncap = p->capstrings ? 2 * p->capstrings : 32;
		char **nv = realloc(p->strings, ncap * sizeof *nv);
		if (!nv)
			return NULL;
		p->strings = nv;
		p->capstrings = ncap;
	}
	char *c = strdup(s);
	if (c)
		p->strings[p->nstrings++] = c;
	return c;
}

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
read_policy_section(pol_ctx *x, const char *tz_override)
{
	sla_policy *p = x->p;
	pol_entry *e;

	if ((e = pol_get(x, POL_POLICY, "", "name")) && !(p->name = pol_strdup(p, e->value)))
		pol_error(x, NULL, "out of memory");
	if ((e = pol_get(x, POL_POLICY, "", "currency"))) {
		if (strlen(e->value) != 3 || strspn(e->value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)
			pol_error(x, e, "currency is not an ISO 4217 code");
		else if (!(p->currency = pol_strdup(p, e->value)))
			pol_error(x, NULL, "out of memory");
		else
			p->digits = currency_digits(e->value);
	}
	if ((e = pol_get(x, POL_POLICY, "", "digits"))) {
		if (strlen(e->value) != 1 || e->value[0] < '0' || e->value[0] > '4')
			pol_error(x, e, "digits is 0 to 4");
		else
			p->digits = e->value[0] - '0';
	}
	if ((e = pol_get(x, POL_POLICY, "", "fee")) &&
	    (sla_money_parse(e->value, strlen(e->value), p->digits, &p->fee) < 0 || p->fee < 0))
		pol_error(x, e, "cannot read amount (at most %d decimals, not negative)", p->digits);
	if ((e = pol_get(x, POL_POLICY, "", "warn")) &&
	    (sla_percent_parse(e->value, strlen(e->value), &p->warn_ppm) < 0 || p->warn_ppm == 0))
		pol_error(x, e, "cannot read percentage (above 0%% and at most 100%%)");

	e = pol_get(x, POL_POLICY, "", "timezone");
	const char *zone = tz_override ? tz_override : e ? e->value : NULL;
	char err[256];
	if (!zone)
		pol_error(x, NULL, "[policy] timezone is not set");
	else if (!(p->tz = sla_tz_load(zone, err, sizeof err))) {
		if (tz_override)
			sla_diag_msg(x->d, NULL, 0, "--tz", NULL, 0, "%s", err); /* ERR quotes the name */
		else
			pol_error_at(x, e->line, e->key, "%s", err);
		x->errors++;
	}
}

static void
check_policy_keys(pol_ctx *x)
{
	for (size_t i = 0; i < x->n; i++) {
		pol_entry *e = &x->v[i];
		if (e->kind != POL_POLICY)
			continue;
		bool known = false;
		for (size_t k = 0; k < sizeof policy_keys / sizeof *policy_keys; k++)
			known |= strcmp(e->key, policy_keys[k]) == 0;
		if (!known)
			pol_unknown(x, e->line, e->key, "key in [policy]", e->key, policy_keys,
				    sizeof policy_keys / sizeof *policy_keys);
	}
}

static void
read_penalties(pol_ctx *x)
{
	sla_policy *p = x->p;
	static const char *const keys[] = { "credits", "cap", "per", "period" };
	for (size_t i = 0; i < x->n; i++) {
		pol_entry *e = &x->v[i];
		if (e->kind != POL_PENALTIES)
			continue;
		if (strcmp(e->key, "credits") == 0)
			pol_read_credits(x, e);
		else if (strcmp(e->key, "cap") == 0)
			pol_read_cap(x, e, &p->cap);
		else if (strcmp(e->key, "per") == 0)
			pol_read_per(x, e);
		else if (strcmp(e->key, "period") == 0)
			pol_read_statement_period(x, e);
		else
			pol_unknown(x, e->line, e->key, "key in [penalties]", e->key, keys,
				    sizeof keys / sizeof *keys);
	}
}

/* [events] is sla-parse --events' (sla_event_names.h reads its values); here
 * its keys are only checked, so that a typo is caught by --lint too. */
static void
check_events_keys(pol_ctx *x)
{
	const char *keys[SLA_EV_NCLASSES];
	size_t nkeys = 0;
	for (int c = 0; c < SLA_EV_NCLASSES; c++)
		if (sla_event_class_key((sla_event_class)c))
			keys[nkeys++] = sla_event_class_key((sla_event_class)c);
	for (size_t i = 0; i < x->n; i++) {
		pol_entry *e = &x->v[i];
		bool known = false;
		for (size_t k = 0; e->kind == POL_EVENTS && k < nkeys; k++)
			known |= strcmp(e->key, keys[k]) == 0;
		if (e->kind == POL_EVENTS && !known)
			pol_unknown(x, e->line, e->key, "key in [events]", e->key, keys, nkeys);
	}
}

static void
free_entries(pol_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].section);
		free(v[i].key);
		free(v[i].value);
	}
	free(v);
}

static void
free_headers(struct line_src *s)
{
	for (size_t i = 0; i < s->nheaders; i++)
		free(s->headers[i].name);
	free(s->headers);
	sla_ini_source_free(&s->in);
}

/* The whole text of PATH, NUL-terminated, or NULL (message printed). */
static char *
slurp_file(const char *path, size_t *len, const sla_diag *d)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	bool bad = false;

	if (!f) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot open policy: %s", strerror(errno));
		return NULL;
	}
	for (size_t got = 1; got > 0 && !bad; n += got) {
		if (cap - n < 4096) {
			char *nb = realloc(buf, cap ? 2 * cap : 8192);
			bad = !nb;
			if (nb)
				buf = nb, cap = cap ? 2 * cap : 8192;
		}
		got = bad ? 0 : fread(buf + n, 1, cap - n - 1, f);
	}
	bad |= ferror(f) != 0;
	fclose(f);
	if (bad) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot read policy");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
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
		return (p->file = pol_strdup(p, DEFAULT_FILE)) != NULL;
	}
	char *text = slurp_file(path, &p->len, d);
	if (!text)
		return false;
	p->text = p->owned_text = text;
	if (memchr(text, '\0', p->len)) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "policy holds a NUL byte: not a text file");
		return false;
	}
	return (p->file = pol_strdup(p, path)) != NULL;
}

/* Pass 1: inih collects the entries into X. */
static bool
collect(pol_ctx *x, struct collect *c)
{
	c->src = (struct line_src){ .nomem = false };
	sla_ini_source_init(&c->src.in, x->p->text, x->p->len);
	int rc = ini_parse_stream(read_line, &c->src, on_entry, c);
	x->v = c->v;
	x->n = c->n;
	if (c->nomem || c->src.nomem || c->src.in.nomem || rc == -2) {
		sla_diag_msg(x->d, x->p->file, 0, NULL, NULL, 0, "out of memory");
		return false;
	}
	if (c->src.long_section) {
		sla_diag_msg(x->d, x->p->file, c->src.long_section, NULL, NULL, 0,
			     "section name longer than %d bytes (the INI reader cuts it)",
			     INI_MAX_SECTION - 1);
		return false;
	}
	if (c->src.in.too_long) {
		sla_diag_msg(x->d, x->p->file, c->src.in.too_long, NULL, NULL, 0,
			     "%s (it takes %d bytes a line)", c->src.in.why, c->src.in.max_line - 2);
		return false;
	}
	if (rc > 0) {
		sla_diag_msg(x->d, x->p->file, sla_ini_source_line(&c->src.in, (unsigned long)rc),
			     NULL, NULL, 0,
			     "cannot read line: expected [section] or key = value");
		return false;
	}
	return true;
}

static sla_policy *
policy_new(void)
{
	sla_policy *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
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
	return sla_policy_load_from(path, tz_override, NULL, d);
}

sla_policy *
sla_policy_load_from(const char *path, const char *tz_override, const char *calendars,
		     sla_diag *d)
{
	sla_policy *p = policy_new();
	pol_ctx x = { .p = p, .d = d };
	struct collect c = { 0 };

	if (p)
		p->calendars = calendars ? calendars : getenv("SLA_CALENDARS");
	if (!p || !load_text(p, path, d) || !collect(&x, &c))
		goto fail;
	check_sections(&x, &c.src);
	check_entries(&x);
	check_policy_keys(&x);
	read_policy_section(&x, tz_override);
	/* later sections need the zone, and tiers the calendars and metrics */
	if (p->tz && pol_read_calendars(&x) == 0 && pol_read_metrics(&x) == 0)
		pol_read_tiers(&x);
	read_penalties(&x);
	check_events_keys(&x);
	if (x.errors)
		goto fail;
	free_entries(x.v, x.n);
	free_headers(&c.src);
	return p;
fail:
	free_entries(x.v, x.n);
	free_headers(&c.src);
	sla_policy_free(p);
	return NULL;
}

void
sla_policy_free(sla_policy *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ncals; i++)
		sla_calendar_free(p->cals[i]);
	free(p->cals);
	free(p->cal_lines);
	for (size_t i = 0; i < p->ntiers; i++)
		free(p->tiers[i].targets);
	free(p->tiers);
	free(p->metrics);
	free(p->bands);
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
			sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "warning: %s", msg);
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
sla_calendar *sla_policy_calendar_at(const sla_policy *p, size_t i) { return p->cals[i]; }
size_t sla_policy_nmetrics(const sla_policy *p) { return p->nmetrics; }
const sla_metric *sla_policy_metric(const sla_policy *p, size_t i) { return &p->metrics[i]; }
size_t sla_policy_ntiers(const sla_policy *p) { return p->ntiers; }
const sla_tier *sla_policy_tier_at(const sla_policy *p, size_t i) { return &p->tiers[i]; }

size_t
sla_policy_credit_bands(const sla_policy *p, const sla_credit_band **bands)
{
	*bands = p->bands;
	return p->nbands;
}

sla_calendar *
sla_policy_calendar(const sla_policy *p, const char *name)
{
	for (size_t i = 0; i < p->ncals; i++)
		if (strcmp(sla_calendar_name(p->cals[i]), name) == 0)
			return p->cals[i];
	return NULL;
}

int
sla_policy_metric_find(const sla_policy *p, const char *name)
{
	for (size_t i = 0; i < p->nmetrics; i++)
		if (strcmp(p->metrics[i].name, name) == 0)
			return (int)i;
	return -1;
}

const sla_tier *
sla_policy_tier(const sla_policy *p, const char *name, size_t n)
{
	for (size_t i = 0; i < p->ntiers; i++)
		if (strlen(p->tiers[i].name) == n && memcmp(p->tiers[i].name, name, n) == 0)
			return &p->tiers[i];
	return NULL;
}

const sla_tier *
sla_policy_default_tier(const sla_policy *p)
{
	return p->default_tier < 0 ? NULL : &p->tiers[p->default_tier];
}
