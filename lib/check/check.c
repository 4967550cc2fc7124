/* check.c: the ticket stream in, the check stream out (DESIGN §5).
 *
 * Everything a ticket needs is allocated once, before the first ticket:
 * the times of the metrics' columns are parsed at most once per ticket
 * into a cache, each metric is measured at most once (a `when` may ask for
 * another metric's elapsed time), and rows are written field by field.
 * This file reads and measures each ticket and runs the loop; the setup
 * is check_setup.c's, the writing check_rows.c's (check_int.h). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_int.h"
#include "sla_money.h"
#include "sla_stream_fields.h"
#include "sla_timeform.h"

/* ---- reading one ticket ---------------------------------------------------------- */

void
sla_chk_bad_field(checker *ck, const char *col, sla_field v, const char *what, char *reason)
{
	char quoted[4 * SLA_DIAG_VALUE_MAX + 16];
	sla_diag_quote(quoted, sizeof quoted, v.p, v.n);
	snprintf(reason, REASON_MAX, "%s: %s %s", col, what, quoted);
	sla_diag_record(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), col, v.p, v.n,
			"%s", what);
}

int
sla_check_read_time(const sla_tz *tz, sla_field v, int64_t *t, const char **what)
{
	return sla_stream_time_read(tz, v, t, what);
}

int
sla_check_now(const sla_policy *p, const char *text, int64_t *now, const char **what)
{
	if (!text) {
		*now = (int64_t)time(NULL);
		return 0;
	}
	/* as sla-time reads its times: a date alone is the start of its day */
	int rc = sla_timeform_instant(text, strlen(text), sla_policy_tz(p), now);
	*what = sla_timeform_why(rc);
	return rc == SLA_TF_OK ? 0 : -1;
}

/* The stream's times have one form, 2026-03-02T09:30:00+08:00, and crowd
 * into a few hundred days: reading their dates and offsets costs most of
 * sla_check_read_time's work, so the instant of each day and offset it
 * has read is kept (direct-mapped by month and day), and a time of the
 * same text before and after its clock gets only its clock read.  Any
 * other text goes to sla_check_read_time, which alone decides what is a
 * time: a day is kept only after it has read one of that day. */
enum { STAMP_LEN = 25 };

static bool
stamp_shaped(const char *p)
{
	return p[13] == ':' && p[16] == ':' && (p[19] == '+' || p[19] == '-') && p[22] == ':';
}

static stamp_day *
stamp_slot(checker *ck, const char *p)
{
	/* month × 32 + day: each date of a year its own slot */
	unsigned md = ((unsigned)(p[5] & 15) * 10 + (unsigned)(p[6] & 15)) * 32 +
		      (unsigned)(p[8] & 15) * 10 + (unsigned)(p[9] & 15);
	return &ck->stamps[md % STAMP_CACHE];
}

static void
stamp_key(const char *p, char key[18])
{
	memcpy(key, p, 11);
	key[11] = '\0';
	memcpy(key + 12, p + 19, 6);
}

static bool
two_digits(const char *p, int *v)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return false;
	*v = (p[0] - '0') * 10 + (p[1] - '0');
	return true;
}

/* The clock of P in seconds (a leap second read as :59, as
 * sla_rfc3339_parse does), or -1. */
static int
stamp_clock(const char *p)
{
	int h, m, s;
	if (!two_digits(p + 11, &h) || !two_digits(p + 14, &m) || !two_digits(p + 17, &s) ||
	    h > 23 || m > 59 || s > 60)
		return -1;
	return h * 3600 + m * 60 + (s == 60 ? 59 : s);
}

static int
read_time(checker *ck, sla_field v, int64_t *t, const char **what)
{
	bool shaped = v.n == STAMP_LEN && stamp_shaped(v.p);
	stamp_day *d = shaped ? stamp_slot(ck, v.p) : NULL;
	char key[18];
	int clock = -1;
	if (shaped) {
		stamp_key(v.p, key);
		clock = stamp_clock(v.p);
		if (clock >= 0 && memcmp(d->key, key, sizeof key) == 0) {
			*t = d->base + clock;
			return 1;
		}
	}
	int rc = sla_check_read_time(ck->tz, v, t, what);
	if (rc > 0 && clock >= 0) {
		memcpy(d->key, key, sizeof key);
		d->base = *t - clock;
	}
	return rc;
}

/* The time in column I of the current ticket, read on first use. */
static time_col *
ticket_time(checker *ck, size_t i)
{
	time_col *tc = &ck->tcols[i];
	if (tc->state == TV_UNREAD) {
		const char *what;
		sla_field v = field(ck, tc->col);
		int rc = read_time(ck, v, &tc->t, &what);
		tc->state = rc > 0 ? TV_OK : rc == 0 ? TV_EMPTY : TV_BAD;
		if (rc < 0)
			sla_chk_bad_field(ck, tc->name, v, what, tc->reason);
	}
	return tc;
}

static int
by_start(const void *a, const void *b)
{
	const sla_interval *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

void
sla_chk_merge(sla_interval *v, size_t *n)
{
	size_t m = 0;
	if (*n < 2)
		return;
	qsort(v, *n, sizeof *v, by_start);
	for (size_t i = 0; i < *n; i++) {
		if (m > 0 && v[i].start <= v[m - 1].end) {
			if (v[i].end > v[m - 1].end)
				v[m - 1].end = v[i].end;
		} else {
			v[m++] = v[i];
		}
	}
	*n = m;
}

void
sla_chk_note(metric_result *res, const char *note)
{
	size_t have = strlen(res->reason), sep = have ? 2 : 0, len = strlen(note);
	if (have + sep + len >= REASON_MAX)
		return;
	memcpy(res->reason + have, "; ", sep);
	memcpy(res->reason + have + sep, note, len + 1);
	res->noted = true;
}

/* Keep pause P as of now; false when there are too many. */
static bool
keep_pause(checker *ck, const sla_pause *p)
{
	int64_t b = p->open ? INT64_MAX : p->end;
	if (p->start > ck->o->now)
		return true;	/* not begun as of now */
	if (b > ck->o->now)
		b = INT64_MAX;	/* still paused as of now */
	if (ck->npauses == MAX_PAUSES)
		return false;
	ck->pauses[ck->npauses++] = (sla_interval){ p->start, b };
	return true;
}

/* The paused column of the current ticket (sla_stream_fields.h). */
static bool
ticket_pauses(checker *ck)
{
	if (ck->pauses_read)
		return ck->pauses_ok;
	ck->pauses_read = true;
	ck->npauses = 0;
	sla_field rest = field(ck, ck->c_paused), text;
	sla_pause p;
	int rc = 0;
	while (rest.n && (rc = sla_paused_next(ck->tz, &rest, &p, &text)) > 0)
		if (!keep_pause(ck, &p)) {
			rc = -1;
			break;
		}
	if (rc < 0) {
		sla_chk_bad_field(ck, "paused", text, "cannot read pause interval (start/end, at most 64)",
				  ck->pause_reason);
		return ck->pauses_ok = false;
	}
	/* the policy's windows stop every clock, a pausable one with the rest */
	memcpy(ck->pauses + ck->npauses, ck->win, ck->nwin * sizeof *ck->win);
	ck->npauses += ck->nwin;
	sla_chk_merge(ck->pauses, &ck->npauses);
	return ck->pauses_ok = true;
}

static bool
unusable(const time_col *tc)
{
	return tc->state == TV_BAD || tc->state == TV_ABSENT;
}

/* Has the event of TC happened as of now? */
static bool
happened(const checker *ck, const time_col *tc)
{
	return tc->state == TV_OK && tc->t <= ck->o->now;
}

/* The stop of metric K as of now: the earliest of its columns that has
 * happened, or NULL.  *ABSENT: the first of them the stream lacks (NULL:
 * none), *BLIND: the stream has none of them.  NULL with *BAD when one
 * cannot be read. */
static const time_col *
ticket_stop(checker *ck, size_t k, const time_col **absent, bool *blind, const time_col **bad)
{
	const time_col *first = NULL;
	*absent = *bad = NULL;
	*blind = true;
	for (size_t i = 0; i < sla_policy_metric(ck->p, k)->nstops; i++) {
		const time_col *c = ticket_time(ck, ck->m_stops[k * SLA_MAX_STOPS + i]);
		if (c->state == TV_BAD) {
			*bad = c;
			return NULL;
		}
		if (c->state == TV_ABSENT) {
			if (!*absent)
				*absent = c;
			continue;
		}
		*blind = false;
		if (happened(ck, c) && (!first || c->t < first->t))
			first = c;
	}
	return first;
}

/* Measure metric K of the current ticket (once). */
static metric_result *
measure(checker *ck, size_t k)
{
	metric_result *res = &ck->res[k];
	if (res->done)
		return res;
	/* all but the reason, whose bytes cost more to clear than the rest
	 * of the result (its first ends it) */
	memset(res, 0, offsetof(metric_result, reason));
	res->reason[0] = '\0';
	res->done = true;
	const sla_metric *m = sla_policy_metric(ck->p, k);
	const sla_target *tg = &ck->tier->targets[k];
	const time_col *a = ticket_time(ck, ck->m_start[k]);
	const time_col *absent, *bad;
	bool blind;
	const time_col *b = ticket_stop(ck, k, &absent, &blind, &bad);
	if (unusable(a) || bad || blind) {
		memcpy(res->reason, (unusable(a) ? a : bad ? bad : absent)->reason, REASON_MAX);
		return res;
	}
	if (a->state == TV_EMPTY && strcmp(m->start_col, TICKET_START) == 0) {
		snprintf(res->reason, REASON_MAX, "%s: no start time", m->start_col);
		return res;
	}
	/* As of now, a time after now has not happened: before any comparison.
	 * A ticket opened later keeps its start (it is excluded, and measured
	 * where it can be); any other start after now has not come. */
	bool started = a->state == TV_OK &&
		       (a->t <= ck->o->now || strcmp(m->start_col, TICKET_START) == 0);
	res->has_stop = b != NULL;
	res->stop = b ? b->t : 0;
	if (!started && b) {
		/* a clock that stopped but never started: the data is wrong */
		snprintf(res->reason, REASON_MAX, "%s: not yet, but %s has happened", m->start_col,
			 b->name);
		return res;
	}
	if (!started && absent) {
		/* not started, unless the missing stop says the data is wrong */
		memcpy(res->reason, absent->reason, REASON_MAX);
		return res;
	}
	res->ok = true;
	if (!started) {
		/* a clock that starts later (resolved to closed) has not started */
		res->m = (sla_measure){ .status = SLA_PENDING };
		snprintf(res->reason, REASON_MAX, "%s: not yet", m->start_col);
		return res;
	}
	res->started = true;
	res->start = a->t;
	if (b && b->t < res->start) {
		snprintf(res->reason, REASON_MAX, "%s before %s", b->name, m->start_col);
		return res->ok = false, res;
	}
	if (m->pausable && !ticket_pauses(ck)) {
		memcpy(res->reason, ck->pause_reason, REASON_MAX);
		return res->ok = false, res;
	}
	sla_measure_in in = {
		.calendar = tg->calendar,
		.target = tg->set ? &tg->target : NULL,
		.start = res->start,
		.stopped = res->has_stop,
		.stop = res->stop,
		.now = ck->o->now,
		.warn_ppm = sla_policy_warn_ppm(ck->p),
		/* a pausable clock stops in the ticket's pauses and the
		 * policy's windows, any other in the windows alone */
		.pauses = m->pausable ? ck->pauses : ck->nwin ? ck->win : NULL,
		.npauses = m->pausable ? ck->npauses : ck->nwin,
	};
	/* an agreement that cannot be read leaves the policy's target: the
	 * elapsed time stays right for a `when` that asks for it */
	res->bad_agreement = tg->set && !sla_chk_agreed(ck, k, res->start, &in, res);
	uint64_t uncovered = sla_calendar_uncovered(tg->calendar);
	res->m = sla_measure_one(&in);
	res->uncovered = sla_calendar_uncovered(tg->calendar) != uncovered;
	if (res->bad_agreement)
		return res;
	if (res->m.status == SLA_INVALID) {
		snprintf(res->reason, REASON_MAX, "%s", sla_duration_no_due);
		res->ok = false;
		return res;
	}
	if (absent) {
		/* the missing stop can only have come earlier: elapsed_s is the
		 * most the metric took (see metric_row and applies) */
		char agreed[REASON_MAX];
		memcpy(agreed, res->reason, REASON_MAX);
		res->bound = true;
		res->absent = absent->reason;
		res->reason[0] = '\0';
		if (b)
			snprintf(res->reason, REASON_MAX, "%.*s; met by %s", REASON_MAX / 2, absent->reason,
				 b->name);
		if (agreed[0])
			sla_chk_note(res, agreed);
	}
	if (ck->nwin)
		sla_chk_windows_note(ck, tg->calendar, res);
	return res;
}

static sla_field
text(const char *s)
{
	return (sla_field){ s, strlen(s) };
}

/* ---- one ticket ------------------------------------------------------------------------ */

static void
reset_ticket(checker *ck)
{
	for (size_t i = 0; i < ck->ntcols; i++)
		ck->tcols[i].state = ck->tcols[i].col < 0 ? TV_ABSENT : TV_UNREAD;
	for (size_t k = 0; k < sla_policy_nmetrics(ck->p); k++)
		ck->res[k].done = false;
	ck->pauses_read = false;
}

/* A ticket without a tier that the policy knows: one invalid row. */
static int
untiered(checker *ck, sla_field tierf, sla_field err, char *reason)
{
	row rw = { .tier = tierf, .metric = "", .calendar = "" };
	if (err.n)
		return sla_chk_write_invalid(ck, &rw, err, true);
	if (tierf.n) {
		sla_chk_bad_field(ck, "tier", tierf, "unknown tier", reason);
	} else {
		snprintf(reason, REASON_MAX, "tier: empty, and the policy has no default_tier");
		sla_diag_record(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), "tier", NULL,
				0, "empty, and the policy has no default_tier");
	}
	return sla_chk_write_invalid(ck, &rw, text(reason), false);
}

/* Does metric K apply to the ticket (its `when`)?  1 yes, 0 no (n/a),
 * -1 undecided: the metric it names cannot be measured. */
static int
applies(checker *ck, size_t k, const char **reason)
{
	const sla_metric *m = sla_policy_metric(ck->p, k);
	if (m->when_metric < 0)
		return 1;
	const metric_result *ref = measure(ck, (size_t)m->when_metric);
	if (!ref->ok) {
		*reason = ref->reason;
		return -1;
	}
	int64_t threshold = m->when.secs;
	if (m->when.wd) {	/* the day length costs a little: only when asked */
		sla_calendar *cal = ck->tier->targets[m->when_metric].calendar;
		threshold += m->when.wd * sla_calendar_day_length(cal);
	}
	if (ref->m.elapsed_s <= threshold)
		return 0;
	if (ref->bound) {	/* at most over: a stop it lacks may say not */
		*reason = ref->absent;
		return -1;
	}
	return 1;
}

/* A breach whose price does not fit in an amount ends the run: a clamped
 * figure would be a number sla-report cannot tell from a real one. */
static int
penalty_does_not_fit(checker *ck, const row *rw, int64_t overrun_s)
{
	char most[32];
	sla_money_format(INT64_MAX, sla_policy_minor_digits(ck->p), most);
	sla_diag_msg(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), "penalty", NULL, 0,
		     "%.*s %s: the penalty for an overrun of %lld s does not fit in an amount "
		     "(at most %s)", (int)rw->tier.n, rw->tier.p, rw->metric,
		     (long long)overrun_s, most);
	return -1;
}

/* The row of metric K, which has a target in the ticket's tier. */
static int
metric_row(checker *ck, size_t k, sla_field err, sla_field exclude)
{
	const sla_target *tg = &ck->tier->targets[k];
	row rw = { .tier = text(ck->tier->name), .metric = sla_policy_metric(ck->p, k)->name,
		   .calendar = sla_calendar_name(tg->calendar), .cal = tg->calendar };
	if (err.n)
		return sla_chk_write_invalid(ck, &rw, err, true);
	const char *why = NULL;
	int on = applies(ck, k, &why);
	if (on == 0)
		return 0;
	const metric_result *res = measure(ck, k);
	if (!exclude.n)	/* the whole ticket's reason comes first */
		exclude = sla_chk_agreed_exclude(ck, k);
	if (exclude.n) {
		rw.status = SLA_EXCLUDED;
		rw.res = res;
		rw.reason = exclude;
		rw.reason_escaped = true;
		sla_chk_write_row(ck, &rw);
		return 0;
	}
	if (on < 0 || !res->ok || res->bad_agreement)
		return sla_chk_write_invalid(ck, &rw, text(on < 0 ? why : res->reason), false);
	/* DESIGN §4: without one stop of several, met when another proves it
	 * (the missing one can only have come earlier); nothing else can be
	 * told */
	if (res->bound && res->m.status != SLA_MET)
		return sla_chk_write_invalid(ck, &rw, text(res->absent), false);
	rw.res = res;
	rw.status = res->m.status;
	if (!res->started || res->bound || res->noted)
		rw.reason = text(res->reason);
	if ((rw.status == SLA_BREACHED || rw.status == SLA_OVERDUE) && tg->penalty.set) {
		rw.has_penalty = true;
		if (sla_penalty_amount(&tg->penalty, res->m.overrun_s, &rw.penalty) < 0)
			return penalty_does_not_fit(ck, &rw, res->m.overrun_s);
	}
	sla_chk_write_row(ck, &rw);
	return 0;
}

/* Why the ticket is out of the SLA, or nothing.  As of now a ticket opened
 * later did not exist yet: not pending, excluded, and that reason comes
 * before the ticket's own (which it may have been given later, too). */
static sla_field
exclusion(checker *ck)
{
	const time_col *opened = ticket_time(ck, ck->t_opened);
	if (opened->state == TV_OK && opened->t > ck->o->now)
		return text(ck->opened_after);	/* nothing to escape: see sla_check_names */
	return field(ck, ck->c_exclude);
}

/* A ticket that held a NUL byte (the reader gave it as U+FFFD) is invalid,
 * unless ERR already makes it so; its bytes changed, so it is said either
 * way.  REASON gets the why; ERR, or the reason, is returned. */
static sla_field
nul_byte(checker *ck, sla_field err, char *reason)
{
	size_t col = sla_reader_nul(ck->r) - 1;
	sla_field name = sla_reader_header(ck->r)[col];
	int len = name.n < 128 ? (int)name.n : 128;
	snprintf(reason, REASON_MAX, "%.*s: NUL byte (read as U+FFFD)", len, name.p);
	sla_diag_record(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), NULL, ck->f[col].p,
			ck->f[col].n, "%s", reason);
	return err.n ? err : text(reason);	/* the name as in the header: escaped */
}

static int
ticket(checker *ck)
{
	char reason[REASON_MAX];
	reset_ticket(ck);
	sla_field err = field(ck, ck->c_error);
	if (sla_reader_nul(ck->r))
		err = nul_byte(ck, err, reason);
	size_t ragged = sla_reader_ragged(ck->r);
	if (ragged && !err.n) {
		snprintf(reason, REASON_MAX, "the record has %zu fields, the header %zu", ragged,
			 sla_reader_ncols(ck->r));
		sla_diag_record(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), NULL, NULL,
				0, "%s", reason);
		err = text(reason);	/* plain text: nothing to escape */
	}
	if (ragged > sla_reader_ncols(ck->r))	/* the fields written, the kept ones too */
		ck->f = sla_realign(ck->realigner, ck->f);
	sla_field tierf = field(ck, ck->c_tier);
	ck->tier = tierf.n ? sla_policy_tier(ck->p, tierf.p, tierf.n) : sla_policy_default_tier(ck->p);
	if (!ck->tier)
		return untiered(ck, tierf, err, reason);
	/* a ticket with an error is invalid, whatever else it says */
	sla_field exclude = err.n ? SLA_FIELD("") : exclusion(ck);
	for (size_t k = 0; k < sla_policy_nmetrics(ck->p); k++)
		if (ck->tier->targets[k].set && metric_row(ck, k, err, exclude) < 0)
			return -1;
	return 0;
}

int
sla_check_run(sla_policy *p, sla_reader *r, sla_writer *w, const sla_check_opts *o,
	      sla_diag *d)
{
	checker ck = { .p = p, .r = r, .w = w, .d = d, .o = o };
	int rc = -1;
	if (sla_chk_init(&ck) == 0) {
		int n;
		sla_chk_write_header(&ck);
		while ((n = sla_reader_next(r)) == 1) {
			ck.f = sla_reader_fields(r);
			if (ticket(&ck) < 0)
				break;
		}
		if (n == 0)
			rc = (int)ck.seen;	/* SLA_NSTATUS bits: fits */
	}
	sla_chk_free(&ck);
	return rc;
}
