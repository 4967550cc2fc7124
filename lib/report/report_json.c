/* report_json.c: the report as one JSON document, for jq and programs.
 * Keys are English whatever --lang says; the schema is in sla-report(1)
 * and tests/data/report.schema.json.  Money is a decimal string (no
 * floating point touches an amount), durations are integer seconds,
 * compliance is a number 0..1 with six places, or null. */
#include <stdio.h>
#include <string.h>

#include "sla_money.h"
#include "sla_report_formats.h"
#include "sla_report_table.h"
#include "sla_visible.h"

/* Safe text: only the quote and the backslash to escape. */
static void
json_run(void *ctx, const char *p, size_t n)
{
	sla_writer *w = ctx;
	size_t from = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"' || p[i] == '\\') {
			sla_writer_raw(w, p + from, i - from);
			sla_writer_char(w, '\\');
			from = i;
		}
	}
	sla_writer_raw(w, p + from, n - from);
}

/* A control, DEL, C1 or bidi control as \uXXXX: the string keeps the
 * character, and no terminal that shows the document acts on it.  A byte
 * that is not UTF-8 cannot be in a JSON string: U+FFFD stands for it. */
static void
json_unsafe(void *ctx, const sla_unsafe *u)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t cp = u->kind == SLA_UNSAFE_BYTE ? 0xFFFD : u->cp;
	char buf[] = { '\\', 'u', hex[cp >> 12 & 15], hex[cp >> 8 & 15], hex[cp >> 4 & 15],
		       hex[cp & 15] };

	sla_writer_raw(ctx, buf, sizeof buf);
}

static void
json_string(sla_writer *w, const char *s)
{
	static const sla_visible_ops ops = { json_run, json_unsafe };

	sla_writer_char(w, '"');
	sla_visible_walk(s, strlen(s), &ops, w);
	sla_writer_char(w, '"');
}

/* "KEY": -- preceded by a comma unless FIRST. */
static void
key(sla_writer *w, const char *k, bool first)
{
	if (!first)
		sla_writer_char(w, ',');
	json_string(w, k);
	sla_writer_char(w, ':');
}

static void
kv_str(sla_writer *w, const char *k, const char *v)
{
	key(w, k, false);
	json_string(w, v);
}

static void
kv_int(sla_writer *w, const char *k, int64_t v)
{
	key(w, k, false);
	sla_writer_i64(w, v);
}

/* Seconds, or null when not known. */
static void
kv_secs(sla_writer *w, const char *k, int64_t v, bool known)
{
	key(w, k, false);
	if (known && v >= 0)
		sla_writer_i64(w, v);
	else
		sla_writer_str(w, "null");
}

static void
kv_money(sla_writer *w, const char *k, int64_t v, int digits)
{
	char buf[32];
	key(w, k, false);
	sla_writer_char(w, '"');
	sla_writer_raw(w, buf, sla_money_format(v, digits, buf));
	sla_writer_char(w, '"');
}

/* NUM / DEN with PLACES decimals as a JSON number, rounded half up or,
 * when DOWN, down; null when DEN is 0. */
static void
kv_fixed(sla_writer *w, const char *k, uint64_t num, uint64_t den, int places, bool down)
{
	char buf[SLA_CELL_MAX];
	key(w, k, false);
	if (den == 0)
		sla_writer_str(w, "null");
	else
		sla_writer_raw(w, buf, (down ? sla_format_floor : sla_format_fixed)(
			(int64_t)num, (int64_t)den, places, buf));
}

/* A of B as a fraction with six places, rounded down like every
 * compliance shown; or null. */
static void
kv_ratio(sla_writer *w, const char *k, uint64_t a, uint64_t b)
{
	kv_fixed(w, k, a, b, 6, true);
}

/* "period" and "first_day", both null for rows whose start was
 * unreadable; the object's first members when FIRST. */
static void
period_members(sla_writer *w, sla_period_kind kind, int64_t period, bool first)
{
	char buf[SLA_PERIOD_LABEL_MAX];
	bool known = period != SLA_NO_PERIOD;

	key(w, "period", first);
	if (known)
		json_string(w, sla_period_label(kind, period, buf));
	else
		sla_writer_str(w, "null");
	key(w, "first_day", false);
	if (known)
		json_string(w, sla_period_label(SLA_PERIOD_DAY, period, buf));
	else
		sla_writer_str(w, "null");
}

static void
kv_period(sla_writer *w, sla_period_kind kind, int64_t period)
{
	period_members(w, kind, period, false);
}

static void
int_array(sla_writer *w, const uint64_t *v, size_t n)
{
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sla_writer_char(w, ',');
		sla_writer_i64(w, (long long)v[i]);
	}
	sla_writer_char(w, ']');
}

static void
string_array(sla_writer *w, const char *const *v, size_t n)
{
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sla_writer_char(w, ',');
		json_string(w, v[i]);
	}
	sla_writer_char(w, ']');
}

/* The elapsed-time distribution, each band with its bound: the rows whose
 * elapsed_s is at most up_to_s and above the band before; the last band,
 * up_to_s null, holds the rest. */
static void
elapsed_bands(sla_writer *w, const sla_tally *t)
{
	key(w, "elapsed_bands", false);
	sla_writer_char(w, '[');
	for (size_t b = 0; b < SLA_NBUCKETS; b++) {
		sla_writer_str(w, b ? ",{" : "{");
		key(w, "up_to_s", true);
		if (b < SLA_NBUCKETS - 1)
			sla_writer_i64(w, sla_bucket_upper[b]);
		else
			sla_writer_str(w, "null");
		kv_int(w, "rows", (int64_t)t->bucket[b]);
		sla_writer_char(w, '}');
	}
	sla_writer_char(w, ']');
}

/* The members of a tally; the object's first members when FIRST. */
static void
tally_members(sla_writer *w, const sla_tally *t, bool first)
{
	uint64_t kept = sla_tally_kept(t), broken = sla_tally_broken(t);

	key(w, "rows", first);
	sla_writer_i64(w, (long long)sla_tally_rows(t));
	key(w, "counts", false);
	sla_writer_char(w, '{');
	for (int s = 0; s < SLA_NSTATUS; s++) {
		key(w, sla_status_name((sla_status)s), s == 0);
		sla_writer_i64(w, (long long)t->count[s]);
	}
	sla_writer_char(w, '}');
	kv_int(w, "kept", (int64_t)kept);
	kv_int(w, "broken", (int64_t)broken);
	kv_ratio(w, "compliance", kept, kept + broken);
	elapsed_bands(w, t);
}

static void
item(sla_writer *w, const sla_report *r, sla_period_kind kind, const sla_report_item *it)
{
	const sla_report_terms *terms = sla_report_config_of(r)->terms;

	sla_writer_char(w, '{');
	key(w, "id", true);
	json_string(w, it->id);
	key(w, "line", false);
	if (it->line)
		sla_writer_i64(w, (long long)it->line);
	else
		sla_writer_str(w, "null");
	kv_str(w, "customer", it->customer);
	kv_str(w, "tier", it->tier);
	kv_str(w, "metric", it->metric);
	kv_str(w, "status", sla_status_name(it->status));
	kv_period(w, kind, it->period);
	kv_secs(w, "target_s", it->target, true);
	kv_secs(w, "elapsed_s", it->elapsed, true);
	kv_secs(w, "overrun_s", it->overrun, true);
	if (it->has_penalty && terms)
		kv_money(w, "penalty", it->penalty, terms->minor_digits);
	else
		kv_secs(w, "penalty", 0, false);
	kv_str(w, "reason", it->reason);
	sla_writer_char(w, '}');
}

/* The items V[0..N), their periods of KIND. */
static void
items_of(sla_writer *w, const sla_report *r, sla_period_kind kind, const char *k,
	 const sla_report_item *v, size_t n)
{
	key(w, k, false);
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sla_writer_char(w, ',');
		item(w, r, kind, &v[i]);
	}
	sla_writer_char(w, ']');
}

/* Items of the report's groups, in its --period. */
static void
items(sla_writer *w, const sla_report *r, const char *k, const sla_report_item *v, size_t n)
{
	items_of(w, r, sla_report_config_of(r)->period, k, v, n);
}

/* A mean of SUM hundredths over N values, with two places, or null (also
 * when SUM did not fit: FITS false). */
static void
kv_mean(sla_writer *w, const char *k, int64_t sum, bool fits, uint64_t n)
{
	char buf[SLA_CELL_MAX];
	key(w, k, false);
	if (fits && sla_satisfaction_mean_text(sum, n, buf))
		sla_writer_str(w, buf);
	else
		sla_writer_str(w, "null");
}

static void
satisfaction(sla_writer *w, const sla_satisfaction *s)
{
	int64_t score_sum = 0;
	bool fits = sla_satisfaction_score_sum(s, &score_sum);
	sla_writer_char(w, '{');
	key(w, "scores", true);
	sla_writer_i64(w, (long long)s->nscores);
	kv_mean(w, "mean_score", score_sum, fits, s->nscores);
	key(w, "score_counts", false);
	int_array(w, s->scores, 5);
	kv_int(w, "percentages", (int64_t)s->npercent);
	kv_mean(w, "mean_percent", s->percent_sum, true, s->npercent);
	key(w, "percent_bands", false);
	int_array(w, s->percent_band, 5);
	kv_int(w, "unreadable", (int64_t)s->unreadable);
	sla_writer_char(w, '}');
}

static void
group(sla_writer *w, const sla_report *r, const sla_report_group *g)
{
	const sla_report_config *cfg = sla_report_config_of(r);
	bool any = g->nelapsed > 0;

	sla_writer_char(w, '{');
	key(w, "keys", true);
	sla_writer_char(w, '{');
	for (size_t k = 0; k < cfg->nby; k++) {
		key(w, cfg->by[k], k == 0);
		json_string(w, g->keys[k]);
	}
	sla_writer_char(w, '}');
	kv_period(w, sla_report_config_of(r)->period, g->period);
	tally_members(w, &g->tally, false);
	key(w, "elapsed", false);
	sla_writer_char(w, '{');
	key(w, "n", true);
	sla_writer_i64(w, (long long)g->nelapsed);
	kv_secs(w, "p50", g->p50, any);
	kv_secs(w, "p90", g->p90, any);
	kv_secs(w, "p95", g->p95, any);
	kv_secs(w, "max", g->max, any);
	sla_writer_char(w, '}');
	items(w, r, "top", g->top, g->ntop);
	key(w, "satisfaction", false);
	if (sla_report_has_satisfaction(r))
		satisfaction(w, &g->satisfaction);
	else
		sla_writer_str(w, "null");
	sla_writer_char(w, '}');
}

static void
statement(sla_writer *w, const sla_report *r, const sla_statement *s)
{
	const sla_report_terms *t = sla_report_config_of(r)->terms;

	sla_writer_char(w, '{');
	key(w, "customer", true);
	if (s->customer)
		json_string(w, s->customer);
	else
		sla_writer_str(w, "null"); /* per = contract: every customer */
	key(w, "customers", false);
	string_array(w, s->customers, s->ncustomers);
	kv_period(w, t->period, s->period);
	kv_int(w, "kept", (int64_t)s->kept);
	kv_int(w, "broken", (int64_t)s->broken);
	kv_ratio(w, "compliance", s->kept, s->kept + s->broken);
	items_of(w, r, t->period, "breaches", s->breaches, s->nbreaches);
	kv_money(w, "breach_sum", s->breach_sum, t->minor_digits);
	key(w, "band", false);
	if (s->band_hit) {
		sla_writer_char(w, '{');
		key(w, "kind", true);
		json_string(w, "credit");
		kv_ratio(w, "below", (uint64_t)s->band.below_ppm, 1000000);
		kv_ratio(w, "credit", (uint64_t)s->band.credit_ppm, 1000000);
		sla_writer_char(w, '}');
	} else {
		sla_writer_str(w, "null");
	}
	kv_money(w, "credit", s->credit, t->minor_digits);
	if (t->cap.set)
		kv_money(w, "cap", s->cap, t->minor_digits);
	else
		kv_secs(w, "cap", 0, false);
	key(w, "capped", false);
	sla_writer_str(w, s->capped ? "true" : "false");
	kv_money(w, "owed", s->total, t->minor_digits);
	sla_writer_char(w, '}');
}

static void
subtotals(sla_writer *w, const sla_report *r, bool tiers)
{
	size_t n;
	const sla_report_subtotal *s = tiers ? sla_report_tiers(r, &n) : sla_report_periods(r, &n);

	key(w, tiers ? "tiers" : "periods", false);
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n; i++) {
		sla_writer_str(w, i ? ",{" : "{");
		if (tiers) {
			key(w, "tier", true);
			json_string(w, s[i].label);
		} else {
			period_members(w, sla_report_config_of(r)->period, s[i].period, true);
		}
		tally_members(w, &s[i].tally, false);
		sla_writer_char(w, '}');
	}
	sla_writer_char(w, ']');
}

static void
header(sla_writer *w, const sla_report *r)
{
	const sla_report_config *cfg = sla_report_config_of(r);

	sla_writer_char(w, '{');
	key(w, "schema", true);
	json_string(w, "sla-report/2");
	kv_int(w, "rows", (int64_t)sla_report_rows(r));
	kv_str(w, "period_kind", sla_period_name(cfg->period));
	kv_str(w, "timezone", sla_tz_name(cfg->tz));
	key(w, "by", false);
	string_array(w, cfg->by, cfg->nby);
	key(w, "contract", false);
	if (cfg->terms && cfg->terms->contract)
		json_string(w, cfg->terms->contract);
	else
		sla_writer_str(w, "null");
	key(w, "currency", false);
	if (cfg->terms)
		json_string(w, cfg->terms->currency);
	else
		sla_writer_str(w, "null");
	if (cfg->terms)
		kv_money(w, "fee", cfg->terms->fee, cfg->terms->minor_digits);
	else
		kv_secs(w, "fee", 0, false);
	key(w, "statement_per", false);
	sla_writer_str(w, !cfg->terms ? "null" : cfg->terms->per_customer ? "\"customer\"" : "\"contract\"");
	key(w, "statement_period", false);
	if (cfg->terms)
		json_string(w, sla_period_name(cfg->terms->period));
	else
		sla_writer_str(w, "null");
	int64_t owed;
	if (cfg->terms && sla_report_owed(r, &owed) == 0)
		kv_money(w, "owed", owed, cfg->terms->minor_digits);
	else
		kv_secs(w, "owed", 0, false);	/* no terms; a sum too big is refused before */
	key(w, "overall", false);
	sla_writer_char(w, '{');
	tally_members(w, sla_report_total(r), true);
	sla_writer_char(w, '}');
}

void
sla_report_write_json(const sla_report *r, sla_writer *w)
{
	size_t n;

	header(w, r);
	subtotals(w, r, true);
	subtotals(w, r, false);
	const sla_report_group *g = sla_report_groups(r, &n);
	key(w, "groups", false);
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sla_writer_str(w, ",\n");
		group(w, r, &g[i]);
	}
	sla_writer_char(w, ']');
	const sla_report_item *u = sla_report_unassessed(r, &n);
	items(w, r, "unassessed", u, n);
	const sla_report_note *notes = sla_report_notes(r, &n);
	key(w, "notes", false);
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sla_writer_char(w, ',');
		sla_writer_char(w, '{');
		key(w, "text", true);
		json_string(w, notes[i].text);
		kv_int(w, "rows", (int64_t)notes[i].rows);
		sla_writer_char(w, '}');
	}
	sla_writer_char(w, ']');
	const sla_statement *s = sla_report_statements(r, &n);
	key(w, "statements", false);
	sla_writer_char(w, '[');
	for (size_t i = 0; i < n && sla_report_config_of(r)->terms; i++) {
		if (i)
			sla_writer_str(w, ",\n");
		statement(w, r, &s[i]);
	}
	sla_writer_str(w, "]}\n");
}
