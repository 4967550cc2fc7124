/* check.c: the ticket stream in, the check stream out (DESIGN §5).
 *
 * Everything a ticket needs is allocated once, before the first ticket:
 * the times of the metrics' columns are parsed at most once per ticket
 * into a cache, each metric is measured at most once (a `when` may ask for
 * another metric's elapsed time), and rows are written field by field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sla_check.h"
#include "sla_money.h"
#include "sla_stream_fields.h"

const char *const sla_check_columns[SLA_CHECK_NCOLUMNS] = {
	"id", "line", "customer", "tier", "metric", "calendar", "start", "due",
	"stop", "target_s", "elapsed_s", "paused_s", "overrun_s", "status", "penalty", "reason",
	"calendar_note",
};

enum { MAX_PAUSES = 64, REASON_MAX = 512 };

/* The one time every ticket has (DESIGN §3): a metric that starts there
 * cannot be measured without it; one that starts later has not started. */
#define TICKET_START "opened"

#define NO_SUCH_COLUMN "the ticket stream has no such column"

/* TV_ABSENT: the stream has no such column, so no ticket can say when
 * the event happened; TV_BAD: this ticket's field cannot be read.  Either
 * way REASON says why. */
enum tv_state { TV_UNREAD, TV_EMPTY, TV_OK, TV_BAD, TV_ABSENT };

/* One time column of the stream, read once per ticket. */
typedef struct time_col {
	const char *name;
	int col;		/* in the stream, or -1 */
	enum tv_state state;
	int64_t t;
	char reason[REASON_MAX];	/* when TV_BAD or TV_ABSENT */
} time_col;

/* One metric of the current ticket. */
typedef struct metric_result {
	bool done;		/* measured for this ticket */
	bool ok;		/* else REASON says why it cannot be measured */
	bool started;		/* else pending, REASON says what has not happened */
	bool has_stop;
	/* a stop column the stream lacks might have come earlier: STOP (if
	 * any) and elapsed_s are the latest and the most they can be, and
	 * ABSENT says which column is missing (DESIGN §4) */
	bool bound;
	const char *absent;
	int64_t start, stop;
	sla_measure m;
	bool uncovered;		/* the calendar's queries left its date sets' years */
	char reason[REASON_MAX];
} metric_result;

enum { FMT_CACHE = 1024 };

/* The RFC 3339 text of a time on local day DAY at OFFSET. */
typedef struct time_text {
	int64_t day;
	int32_t offset;
	size_t len;		/* 0: empty */
	char text[SLA_RFC3339_MAX];
} time_text;

typedef struct checker {
	sla_policy *p;
	const sla_tz *tz;
	sla_reader *r;
	sla_writer *w;
	sla_diag *d;
	const sla_check_opts *o;

	int c_id, c_line, c_customer, c_tier, c_exclude, c_error, c_paused;
	int *keep;		/* stream columns of --keep */
	sla_realigner *realigner;	/* for a row with too many fields */
	time_col *tcols;
	size_t ntcols;
	size_t *m_start;	/* each metric's time columns */
	size_t *m_stops;	/* SLA_MAX_STOPS a metric, nstops of them used */
	size_t t_opened;

	/* the current ticket */
	const sla_field *f;
	const sla_tier *tier;
	metric_result *res;
	bool pauses_read, pauses_ok;
	sla_interval pauses[MAX_PAUSES];
	size_t npauses;
	char pause_reason[REASON_MAX];

	unsigned seen;		/* statuses written, as bits */
	time_text fmt[FMT_CACHE];
} checker;

/* ---- setup ------------------------------------------------------------------ */

static size_t
time_col_of(checker *ck, const char *name)
{
	for (size_t i = 0; i < ck->ntcols; i++)
		if (strcmp(ck->tcols[i].name, name) == 0)
			return i;
	time_col *tc = &ck->tcols[ck->ntcols];
	*tc = (time_col){ .name = name, .col = sla_reader_column(ck->r, name) };
	if (tc->col < 0)
		snprintf(tc->reason, REASON_MAX, "%s: %s", name, NO_SUCH_COLUMN);
	return ck->ntcols++;
}

/* Is METRIC given a target by any tier? */
static bool
metric_targeted(const sla_policy *p, size_t k)
{
	for (size_t t = 0; t < sla_policy_ntiers(p); t++)
		if (sla_policy_tier_at(p, t)->targets[k].set)
			return true;
	return false;
}

static const time_col *
stop_col(const checker *ck, size_t k, size_t i)
{
	return &ck->tcols[ck->m_stops[k * SLA_MAX_STOPS + i]];
}

/* The first of metric K's columns that the stream lacks, or NULL.
 * *PARTIAL: that is a stop of several, and the stream has another. */
static const char *
absent_own_column(const checker *ck, size_t k, bool *partial)
{
	const sla_metric *m = sla_policy_metric(ck->p, k);
	const char *first = NULL;
	bool present = false;
	*partial = false;
	if (ck->tcols[ck->m_start[k]].col < 0)
		return m->start_col;
	for (size_t i = 0; i < m->nstops; i++) {
		if (stop_col(ck, k, i)->col >= 0)
			present = true;
		else if (!first)
			first = m->stop_cols[i];
	}
	*partial = first && present;
	return first;
}

/* The same, for metric K and the metric that its `when` measures (one
 * level, as applies() does): a column that leaves either without any
 * assessment first. */
static const char *
absent_column(const checker *ck, size_t k, bool *partial)
{
	bool ref_partial;
	const char *col = absent_own_column(ck, k, partial);
	int ref = sla_policy_metric(ck->p, k)->when_metric;
	const char *ref_col = ref < 0 ? NULL : absent_own_column(ck, (size_t)ref, &ref_partial);
	if ((col && !*partial) || !ref_col)
		return col;
	if (!ref_partial || !col) {
		*partial = ref_partial;
		return ref_col;
	}
	return col;
}

/* Without its start or stop column a metric cannot be assessed: measured
 * as if the stop never came, every ticket would be overdue.  Its rows are
 * invalid (see measure); said once here, for the whole stream.  Without
 * one stop of several (replaced of "replaced | resolved"), a row is met
 * when a stop the stream has proves it (the missing one can only have
 * come earlier), and invalid otherwise. */
static void
warn_absent_columns(const checker *ck)
{
	for (size_t k = 0; k < sla_policy_nmetrics(ck->p); k++) {
		bool partial;
		const char *col = absent_column(ck, k, &partial);
		if (col && metric_targeted(ck->p, k))
			sla_diag_msg(ck->d, sla_reader_file(ck->r), 1, col, NULL, 0,
				     partial ? "warning: %s: metric %s is met only where another stop "
					       "proves it, its other rows are invalid"
					     : "warning: %s: metric %s cannot be assessed, its rows are invalid",
				     NO_SUCH_COLUMN, sla_policy_metric(ck->p, k)->name);
	}
}

/* A column that every ticket stream has (DESIGN §3): without it the input
 * is not a ticket stream at all. */
static int
require_column(const checker *ck, int col, const char *name)
{
	if (col >= 0)
		return 0;
	sla_diag_msg(ck->d, sla_reader_file(ck->r), 1, name, NULL, 0, "%s", NO_SUCH_COLUMN);
	return -1;
}

static int
resolve_keep(checker *ck)
{
	for (size_t i = 0; i < ck->o->nkeep; i++) {
		const char *name = ck->o->keep[i];
		for (size_t c = 0; c < SLA_CHECK_NCOLUMNS; c++)
			if (strcmp(name, sla_check_columns[c]) == 0) {
				sla_diag_msg(ck->d, NULL, 0, "--keep", name, strlen(name),
					     "is a column of the check stream already");
				return -1;
			}
		for (size_t j = 0; j < i; j++)
			if (strcmp(name, ck->o->keep[j]) == 0) {
				/* the check stream would have two columns of one name */
				sla_diag_msg(ck->d, NULL, 0, "--keep", name, strlen(name),
					     "names this column twice");
				return -1;
			}
		if ((ck->keep[i] = sla_reader_column(ck->r, name)) < 0) {
			sla_diag_msg(ck->d, sla_reader_file(ck->r), 1, name, NULL, 0,
				     "%s (--keep)", NO_SUCH_COLUMN);
			return -1;
		}
	}
	return 0;
}

static void
checker_free(checker *ck)
{
	free(ck->keep);
	sla_realigner_free(ck->realigner);
	free(ck->tcols);
	free(ck->m_start);
	free(ck->m_stops);
	free(ck->res);
}

static int
checker_init(checker *ck)
{
	size_t nm = sla_policy_nmetrics(ck->p);
	ck->tz = sla_policy_tz(ck->p);
	ck->c_id = sla_reader_column(ck->r, "id");
	ck->c_line = sla_reader_column(ck->r, "line");
	ck->c_customer = sla_reader_column(ck->r, "customer");
	ck->c_tier = sla_reader_column(ck->r, "tier");
	ck->c_exclude = sla_reader_column(ck->r, "exclude");
	ck->c_error = sla_reader_column(ck->r, "error");
	ck->c_paused = sla_reader_column(ck->r, "paused");
	ck->keep = calloc(ck->o->nkeep + 1, sizeof *ck->keep);
	ck->tcols = calloc((1 + SLA_MAX_STOPS) * nm + 1, sizeof *ck->tcols);
	ck->m_start = calloc(nm, sizeof *ck->m_start);
	ck->m_stops = calloc(nm * SLA_MAX_STOPS, sizeof *ck->m_stops);
	ck->res = calloc(nm, sizeof *ck->res);
	ck->realigner = sla_realigner_new(sla_reader_ncols(ck->r));
	if (!ck->keep || !ck->realigner || !ck->tcols || !ck->m_start || !ck->m_stops || !ck->res) {
		sla_diag_msg(ck->d, NULL, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	if (require_column(ck, ck->c_id, "id") < 0 ||
	    require_column(ck, sla_reader_column(ck->r, TICKET_START), TICKET_START) < 0)
		return -1;
	ck->t_opened = time_col_of(ck, TICKET_START);
	for (size_t k = 0; k < nm; k++) {
		const sla_metric *m = sla_policy_metric(ck->p, k);
		ck->m_start[k] = time_col_of(ck, m->start_col);
		for (size_t i = 0; i < m->nstops; i++)
			ck->m_stops[k * SLA_MAX_STOPS + i] = time_col_of(ck, m->stop_cols[i]);
	}
	if (resolve_keep(ck) < 0)
		return -1;
	warn_absent_columns(ck);
	return 0;
}

/* ---- reading one ticket ---------------------------------------------------------- */

static sla_field
field(const checker *ck, int col)
{
	return col < 0 ? (sla_field){ "", 0 } : ck->f[col];
}

/* Say why a field cannot be read: a record error, and the row's reason. */
static void
bad_field(checker *ck, const char *col, sla_field v, const char *what, char *reason)
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
	int rc = sla_check_read_time(sla_policy_tz(p), (sla_field){ text, strlen(text) }, now, what);
	if (rc == 0)
		*what = "cannot read time";	/* an empty --now is no time at all */
	return rc > 0 ? 0 : -1;
}

/* The time in column I of the current ticket, read on first use. */
static time_col *
ticket_time(checker *ck, size_t i)
{
	time_col *tc = &ck->tcols[i];
	if (tc->state == TV_UNREAD) {
		const char *what;
		sla_field v = field(ck, tc->col);
		int rc = sla_check_read_time(ck->tz, v, &tc->t, &what);
		tc->state = rc > 0 ? TV_OK : rc == 0 ? TV_EMPTY : TV_BAD;
		if (rc < 0)
			bad_field(ck, tc->name, v, what, tc->reason);
	}
	return tc;
}

static int
by_start(const void *a, const void *b)
{
	const sla_interval *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Sort and merge the pauses, so that none is counted twice. */
static void
merge_pauses(checker *ck)
{
	size_t n = 0;
	if (ck->npauses < 2)
		return;
	qsort(ck->pauses, ck->npauses, sizeof *ck->pauses, by_start);
	for (size_t i = 0; i < ck->npauses; i++) {
		if (n > 0 && ck->pauses[i].start <= ck->pauses[n - 1].end) {
			if (ck->pauses[i].end > ck->pauses[n - 1].end)
				ck->pauses[n - 1].end = ck->pauses[i].end;
		} else {
			ck->pauses[n++] = ck->pauses[i];
		}
	}
	ck->npauses = n;
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
	int rc;
	while ((rc = sla_paused_next(ck->tz, &rest, &p, &text)) > 0)
		if (!keep_pause(ck, &p)) {
			rc = -1;
			break;
		}
	if (rc < 0) {
		bad_field(ck, "paused", text, "cannot read pause interval (start/end, at most 64)",
			  ck->pause_reason);
		return ck->pauses_ok = false;
	}
	merge_pauses(ck);
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
	*res = (metric_result){ .done = true };
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
		.pauses = m->pausable ? ck->pauses : NULL,
		.npauses = m->pausable ? ck->npauses : 0,
	};
	uint64_t uncovered = sla_calendar_uncovered(tg->calendar);
	res->m = sla_measure_one(&in);
	res->uncovered = sla_calendar_uncovered(tg->calendar) != uncovered;
	if (res->m.status == SLA_INVALID) {
		snprintf(res->reason, REASON_MAX, "%s", sla_duration_no_due);
		res->ok = false;
	} else if (absent) {
		/* the missing stop can only have come earlier: elapsed_s is the
		 * most the metric took (see metric_row and applies) */
		res->bound = true;
		res->absent = absent->reason;
		if (b)
			snprintf(res->reason, REASON_MAX, "%.*s; met by %s", REASON_MAX / 2, absent->reason,
				 b->name);
	}
	return res;
}

/* ---- writing rows ------------------------------------------------------------------ */

typedef struct row {
	sla_field tier;
	const char *metric, *calendar;
	const metric_result *res;	/* NULL: nothing measured */
	enum sla_status status;
	bool has_penalty;
	int64_t penalty;
	sla_field reason;
	bool reason_escaped;	/* a ticket field, written as it came */
	sla_calendar *cal;	/* for the note */
} row;

static void
tab(checker *ck)
{
	sla_writer_char(ck->w, '\t');
}

static void
put_raw(checker *ck, sla_field v)
{
	if (v.n)	/* an empty field may have no pointer at all */
		sla_writer_raw(ck->w, v.p, v.n);
}

static void
put_field(checker *ck, sla_field v)
{
	put_raw(ck, v);
	tab(ck);
}

/* Write instant T as RFC 3339 in the policy's zone.  Formatting dates
 * costs more than the rest of a row, and the times of a stream crowd into
 * a few hundred days: the text of the last time seen on each local day
 * (direct-mapped) is kept, and only its clock digits are rewritten. */
static void
put_time(checker *ck, bool has, int64_t t)
{
	if (has) {
		int32_t off = sla_tz_offset(ck->tz, t);
		int64_t local = t + off;
		int64_t sod = local % SLA_DAY;
		if (sod < 0)
			sod += SLA_DAY;
		int64_t day = (local - sod) / SLA_DAY;
		time_text *c = &ck->fmt[(uint64_t)day % FMT_CACHE];
		/* an offset with seconds (local mean time, before about 1900)
		 * is written cut to minutes, so the text's clock is not SOD */
		if (c->len == 0 || c->day != day || c->offset != off || off % 60 != 0) {
			c->len = sla_rfc3339_format(t, off, c->text);
			c->day = day;
			c->offset = off;
		} else {
			/* 2026-03-02T09:30:00+08:00: the clock is at 11, 14 and 17 */
			int parts[3] = { (int)(sod / 3600), (int)(sod / 60 % 60), (int)(sod % 60) };
			for (int i = 0; i < 3; i++) {
				c->text[11 + 3 * i] = (char)('0' + parts[i] / 10);
				c->text[12 + 3 * i] = (char)('0' + parts[i] % 10);
			}
		}
		sla_writer_raw(ck->w, c->text, c->len);
	}
	tab(ck);
}

static void
put_num(checker *ck, bool has, int64_t v)
{
	if (has)
		sla_writer_i64(ck->w, v);
	tab(ck);
}

/* The measured columns: start, due, stop, target_s, elapsed_s, paused_s,
 * overrun_s. */
static void
put_measure(checker *ck, const metric_result *res)
{
	bool ok = res && res->ok;
	bool started = ok && res->started;
	const sla_measure *m = ok ? &res->m : NULL;
	put_time(ck, started, ok ? res->start : 0);
	put_time(ck, started && m->has_due, ok ? m->due : 0);
	put_time(ck, started && m->stopped, ok ? res->stop : 0);
	put_num(ck, started, ok ? m->target_s : 0);
	put_num(ck, ok, ok ? m->elapsed_s : 0);
	put_num(ck, ok, ok ? m->paused_s : 0);
	put_num(ck, ok, ok ? m->overrun_s : 0);
}

/* The note of a row whose computation went outside the years its
 * calendar's date sets cover: the span from the start to the last instant
 * the row was measured at (its due time, its stop or now). */
static void
put_note(checker *ck, const row *rw)
{
	const metric_result *res = rw->res;
	if (!res || !res->ok || !res->started || !res->uncovered)
		return;
	int64_t end = res->has_stop && res->stop <= ck->o->now ? res->stop : ck->o->now;
	if (res->m.has_due && res->m.due > end)
		end = res->m.due;
	if (end < res->start)
		end = res->start;
	char note[512];
	size_t n = sla_calendar_cover_note_span(rw->cal, res->start, end, note, sizeof note);
	sla_writer_escaped(ck->w, note, n);
}

static void
write_row(checker *ck, const row *rw)
{
	put_field(ck, field(ck, ck->c_id));
	put_field(ck, field(ck, ck->c_line));
	put_field(ck, field(ck, ck->c_customer));
	put_field(ck, rw->tier);
	sla_writer_str(ck->w, rw->metric);
	tab(ck);
	sla_writer_str(ck->w, rw->calendar);
	tab(ck);
	put_measure(ck, rw->res);
	sla_writer_str(ck->w, sla_status_name(rw->status));
	tab(ck);
	if (rw->has_penalty) {
		char buf[32];
		sla_writer_raw(ck->w, buf,
			       sla_money_format(rw->penalty, sla_policy_minor_digits(ck->p), buf));
	}
	tab(ck);
	if (rw->reason_escaped)
		put_raw(ck, rw->reason);
	else if (rw->reason.n)
		sla_writer_escaped(ck->w, rw->reason.p, rw->reason.n);
	tab(ck);
	put_note(ck, rw);
	for (size_t i = 0; i < ck->o->nkeep; i++) {
		tab(ck);
		put_raw(ck, ck->f[ck->keep[i]]);
	}
	sla_writer_char(ck->w, '\n');
	ck->seen |= 1u << rw->status;
}

static void
write_header(checker *ck)
{
	for (size_t c = 0; c < SLA_CHECK_NCOLUMNS; c++) {
		if (c)
			tab(ck);
		sla_writer_str(ck->w, sla_check_columns[c]);
	}
	for (size_t i = 0; i < ck->o->nkeep; i++) {
		tab(ck);
		sla_writer_escaped(ck->w, ck->o->keep[i], strlen(ck->o->keep[i]));
	}
	sla_writer_char(ck->w, '\n');
}

/* An invalid row; under --strict the end of the run. */
static int
write_invalid(checker *ck, row *rw, sla_field reason, bool escaped)
{
	rw->status = SLA_INVALID;
	rw->res = NULL;
	rw->reason = reason;
	rw->reason_escaped = escaped;
	write_row(ck, rw);
	if (!ck->o->strict)
		return 0;
	sla_diag_msg(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), NULL, reason.p,
		     reason.n, "invalid record (--strict)");
	return -1;
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
		return write_invalid(ck, &rw, err, true);
	if (tierf.n) {
		bad_field(ck, "tier", tierf, "unknown tier", reason);
	} else {
		snprintf(reason, REASON_MAX, "tier: empty, and the policy has no default_tier");
		sla_diag_record(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), "tier", NULL,
				0, "empty, and the policy has no default_tier");
	}
	return write_invalid(ck, &rw, text(reason), false);
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

/* The row of metric K, which has a target in the ticket's tier. */
static int
metric_row(checker *ck, size_t k, sla_field err, sla_field exclude)
{
	const sla_target *tg = &ck->tier->targets[k];
	row rw = { .tier = text(ck->tier->name), .metric = sla_policy_metric(ck->p, k)->name,
		   .calendar = sla_calendar_name(tg->calendar), .cal = tg->calendar };
	if (err.n)
		return write_invalid(ck, &rw, err, true);
	const char *why = NULL;
	int on = applies(ck, k, &why);
	if (on == 0)
		return 0;
	const metric_result *res = measure(ck, k);
	if (exclude.n) {
		rw.status = SLA_EXCLUDED;
		rw.res = res;
		rw.reason = exclude;
		rw.reason_escaped = true;
		write_row(ck, &rw);
		return 0;
	}
	if (on < 0 || !res->ok)
		return write_invalid(ck, &rw, text(on < 0 ? why : res->reason), false);
	/* DESIGN §4: without one stop of several, met when another proves it
	 * (the missing one can only have come earlier); nothing else can be
	 * told */
	if (res->bound && res->m.status != SLA_MET)
		return write_invalid(ck, &rw, text(res->absent), false);
	rw.res = res;
	rw.status = res->m.status;
	if (!res->started || res->bound)
		rw.reason = text(res->reason);
	if ((rw.status == SLA_BREACHED || rw.status == SLA_OVERDUE) && tg->penalty.set) {
		rw.has_penalty = true;
		rw.penalty = sla_penalty_amount(&tg->penalty, res->m.overrun_s);
	}
	write_row(ck, &rw);
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
		return SLA_FIELD("opened after --now");	/* nothing to escape */
	return field(ck, ck->c_exclude);
}

static int
ticket(checker *ck)
{
	char reason[REASON_MAX];
	reset_ticket(ck);
	sla_field err = field(ck, ck->c_error);
	size_t ragged = sla_reader_ragged(ck->r);
	if (ragged && !err.n) {
		snprintf(reason, REASON_MAX, "the record has %zu fields, the header %zu", ragged,
			 sla_reader_ncols(ck->r));
		sla_diag_record(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), NULL, NULL,
				0, "%s", reason);
		err = text(reason);	/* plain text: nothing to escape */
	}
	if (ragged > sla_reader_ncols(ck->r))	/* the fields written, --keep's too */
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
	int rc = SLA_EXIT_ERROR;
	if (checker_init(&ck) == 0) {
		int n;
		write_header(&ck);
		while ((n = sla_reader_next(r)) == 1) {
			ck.f = sla_reader_fields(r);
			if (ticket(&ck) < 0)
				break;
		}
		if (n == 0)
			rc = ck.seen & o->fail_on ? SLA_EXIT_FAIL : SLA_EXIT_OK;
	}
	checker_free(&ck);
	return rc;
}
