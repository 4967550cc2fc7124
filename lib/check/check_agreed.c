/* check_agreed.c: what a ticket's own columns say was agreed for one
 * metric (sla-check(1), Agreements):
 *
 *   due.METRIC      a deadline agreed with the customer, in place of the
 *                   policy's target for this ticket
 *   extend.METRIC   an extension agreed with the customer, added to the
 *                   target (the policy's, or the agreed deadline's)
 *   exclude.METRIC  a reason that takes the ticket out of that metric
 *                   alone, as exclude takes it out of all of them
 *
 * The columns are found once, before the first ticket; a stream without
 * them costs nothing more.  A deadline is kept as an instant, as an @
 * target is (DESIGN §4): the row's due is the deadline, target_s the
 * business time from the start to it, and a pause moves it on as it moves
 * any due. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "sla_stream_fields.h"
#include "sla_timeform.h"

static const char *const prefixes[] = { "due.", "extend.", "exclude." };
enum { NPREFIXES = sizeof prefixes / sizeof *prefixes };

/* The stream's column named PREFIX then NAME, or -1. */
static int
column_of(const checker *ck, const char *prefix, const char *name, char **buf, size_t *cap)
{
	size_t need = strlen(prefix) + strlen(name) + 1;
	if (need > *cap) {
		char *b = realloc(*buf, need);
		if (!b)
			return -2;
		*buf = b, *cap = need;
	}
	snprintf(*buf, *cap, "%s%s", prefix, name);
	return sla_reader_column(ck->r, *buf);
}

/* A column "due.reslove" names no metric: most likely a typo, and its
 * agreements would be lost without a word.  Said once, on the header. */
static int
warn_unknown_metrics(const checker *ck, char **buf, size_t *cap)
{
	const sla_field *h = sla_reader_header(ck->r);
	for (size_t c = 0; c < sla_reader_ncols(ck->r); c++)
		for (size_t i = 0; i < NPREFIXES; i++) {
			size_t n = strlen(prefixes[i]), len = h[c].n - n;
			if (h[c].n <= n || memcmp(h[c].p, prefixes[i], n) != 0)
				continue;
			if (len + 1 > *cap) {
				char *b = realloc(*buf, len + 1);
				if (!b)
					return -1;
				*buf = b, *cap = len + 1;
			}
			memcpy(*buf, h[c].p + n, len);
			(*buf)[len] = '\0';
			if (sla_policy_metric_find(ck->p, *buf) >= 0)
				continue;
			int w = h[c].n < 128 ? (int)h[c].n : 128;
			sla_diag_msg(ck->d, sla_reader_file(ck->r), 1, NULL, NULL, 0,
				     "%.*s: warning: the policy has no metric %.*s: the column is not used",
				     w, h[c].p, len < 128 ? (int)len : 128, *buf);
		}
	return 0;
}

int
sla_chk_agreed_init(checker *ck)
{
	size_t nm = sla_policy_nmetrics(ck->p);
	char *buf = NULL;
	size_t cap = 0;
	ck->agreed = calloc(nm ? nm : 1, sizeof *ck->agreed);
	if (!ck->agreed)
		goto nomem;
	for (size_t k = 0; k < nm; k++) {
		const char *name = sla_policy_metric(ck->p, k)->name;
		agreed_cols *a = &ck->agreed[k];
		a->due = column_of(ck, prefixes[0], name, &buf, &cap);
		a->extend = column_of(ck, prefixes[1], name, &buf, &cap);
		a->exclude = column_of(ck, prefixes[2], name, &buf, &cap);
		if (a->due == -2 || a->extend == -2 || a->exclude == -2)
			goto nomem;
	}
	if (warn_unknown_metrics(ck, &buf, &cap) < 0)
		goto nomem;
	free(buf);
	return 0;
nomem:
	free(buf);
	sla_diag_msg(ck->d, NULL, 0, NULL, NULL, 0, "out of memory");
	return -1;
}

/* The name of column COL, for a message: it is "due." or "extend." and a
 * metric name, so plain text. */
static const char *
column_name(const checker *ck, int col, char *buf, size_t n)
{
	sla_field f = sla_reader_header(ck->r)[col];
	snprintf(buf, n, "%.*s", f.n < n ? (int)f.n : (int)n - 1, f.p);
	return buf;
}

/* The agreed deadline of metric K, cell V (column COL), into IN.  False
 * after saying why in RES. */
static bool
read_deadline(checker *ck, size_t k, int col, sla_field v, int64_t start, sla_measure_in *in,
	      metric_result *res)
{
	const sla_target *tg = &ck->tier->targets[k];
	char name[160], when[SLA_RFC3339_MAX], target[64], note[REASON_MAX];
	int64_t t;
	int rc = sla_timeform_instant(v.p, v.n, ck->tz, &t);
	column_name(ck, col, name, sizeof name);
	if (rc != SLA_TF_OK) {
		sla_chk_bad_field(ck, name, v, sla_timeform_why(rc), res->reason);
		return false;
	}
	if (t < start) {
		snprintf(res->reason, REASON_MAX, "%s before %s", name,
			 sla_policy_metric(ck->p, k)->start_col);
		return false;
	}
	in->has_deadline = true;
	in->deadline = t;
	sla_stream_time_write(t, ck->tz, when);
	sla_duration_format(&tg->target, target, sizeof target);
	snprintf(note, sizeof note, "%s: agreed deadline %s, in place of the policy's %s", name, when,
		 target);
	sla_chk_note(res, note);
	return true;
}

/* The agreed extension of cell V (column COL) into IN: a plain duration,
 * working days on the metric's calendar.  False after saying why. */
static bool
read_extension(checker *ck, int col, sla_field v, const sla_target *tg, sla_measure_in *in,
	       metric_result *res)
{
	static const char why[] = "cannot read duration (a plain one: 4h, 1h30m, 2wd)";
	char name[160], text[64], err[128], shown[64], note[REASON_MAX];
	sla_duration d;
	column_name(ck, col, name, sizeof name);
	/* trimmed, as a policy's values are */
	while (v.n && (v.p[0] == ' ' || v.p[0] == '\t'))
		v.p++, v.n--;
	while (v.n && (v.p[v.n - 1] == ' ' || v.p[v.n - 1] == '\t'))
		v.n--;
	if (v.n >= sizeof text || memchr(v.p, '\0', v.n)) {
		sla_chk_bad_field(ck, name, v, why, res->reason);
		return false;
	}
	memcpy(text, v.p, v.n);
	text[v.n] = '\0';
	if (sla_duration_parse(text, &d, err, sizeof err) < 0 || d.form != SLA_DUR_PLAIN) {
		sla_chk_bad_field(ck, name, v, why, res->reason);
		return false;
	}
	in->extend_s = d.secs + d.wd * sla_calendar_day_length(tg->calendar);
	sla_duration_format(&d, shown, sizeof shown);
	if (in->has_deadline) {
		snprintf(note, sizeof note, "%s: agreed extension of %s", name, shown);
	} else {
		char target[64];
		sla_duration_format(&tg->target, target, sizeof target);
		snprintf(note, sizeof note, "%s: agreed extension of %s to the policy's %s", name,
			 shown, target);
	}
	sla_chk_note(res, note);
	return true;
}

bool
sla_chk_agreed(checker *ck, size_t k, int64_t start, sla_measure_in *in, metric_result *res)
{
	const agreed_cols *a = &ck->agreed[k];
	const sla_target *tg = &ck->tier->targets[k];
	sla_field due = field(ck, a->due), extend = field(ck, a->extend);
	if (due.n && !read_deadline(ck, k, a->due, due, start, in, res))
		return false;
	if (extend.n && !read_extension(ck, a->extend, extend, tg, in, res))
		return false;
	return true;
}

sla_field
sla_chk_agreed_exclude(const checker *ck, size_t k)
{
	return field(ck, ck->agreed[k].exclude);
}
