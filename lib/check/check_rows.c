/* check_rows.c: writing the check stream (DESIGN §5): its columns, the
 * header line and one row, field by field. */
#include <stdio.h>
#include <string.h>

#include "check_int.h"
#include "sla_money.h"

const char *const sla_check_columns[SLA_CHECK_NCOLUMNS] = {
	"id", "line", "customer", "tier", "metric", "calendar", "start", "due",
	"stop", "target_s", "elapsed_s", "paused_s", "overrun_s", "status", "penalty", "reason",
	"calendar_note", "as_of",
};

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

/* The zone's offset at T.  The span over which the last answer holds is
 * kept (to the zone's next change), and grown back to an earlier T of the
 * same span: a row's times, and the rows, move on through time, and a zone
 * changes its offset twice a year at most. */
static int32_t
zone_offset(checker *ck, int64_t t)
{
	if (t >= ck->off_lo && t < ck->off_hi)
		return ck->off;
	int32_t off = sla_tz_offset(ck->tz, t);
	int64_t next = sla_tz_next_change(ck->tz, t);
	if (t < ck->off_lo && off == ck->off && next >= ck->off_lo) {
		ck->off_lo = t;
		return off;
	}
	ck->off_lo = t;
	ck->off_hi = next;
	ck->off = off;
	return off;
}

/* Instant T as RFC 3339 in the policy's zone at O, and its tab; returns
 * the end.  Formatting dates costs more than the rest of a row, and the
 * times of a stream crowd into a few hundred days: the text of the last
 * time seen on each local day (direct-mapped) is kept, and only its clock
 * digits are rewritten. */
static char *
put_time(checker *ck, char *o, bool has, int64_t t)
{
	if (has) {
		int32_t off = zone_offset(ck, t);
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
			uint32_t s = (uint32_t)sod;	/* unsigned: cheap division */
			memcpy(c->text + 11, sla_digit_pairs + 2 * (s / 3600), 2);
			memcpy(c->text + 14, sla_digit_pairs + 2 * (s / 60 % 60), 2);
			memcpy(c->text + 17, sla_digit_pairs + 2 * (s % 60), 2);
		}
		/* the whole array: a copy of fixed length is a few moves, and
		 * the row's room counts SLA_RFC3339_MAX a time */
		memcpy(o, c->text, sizeof c->text);
		o += c->len;
	}
	*o = '\t';
	return o + 1;
}

static char *
put_num(char *o, bool has, int64_t v)
{
	if (has)
		o += sla_i64_text(v, o);
	*o = '\t';
	return o + 1;
}

/* The room the measured part of a row takes at most: three times, four
 * numbers, the status, the penalty (32, sla_money.h) and nine tabs. */
enum { STATUS_MAX = 16, MEASURED_MAX = 3 * SLA_RFC3339_MAX + 4 * SLA_I64_MAX + STATUS_MAX + 32 + 9 };

/* The measured columns, written in place at O: start, due, stop,
 * target_s, elapsed_s, paused_s, overrun_s, then status and penalty. */
static char *
put_measure(checker *ck, char *o, const row *rw)
{
	const metric_result *res = rw->res;
	bool ok = res && res->ok;
	bool started = ok && res->started;
	const sla_measure *m = ok ? &res->m : NULL;
	o = put_time(ck, o, started, ok ? res->start : 0);
	o = put_time(ck, o, started && m->has_due, ok ? m->due : 0);
	o = put_time(ck, o, started && m->stopped, ok ? res->stop : 0);
	o = put_num(o, started, ok ? m->target_s : 0);
	o = put_num(o, ok, ok ? m->elapsed_s : 0);
	o = put_num(o, ok, ok ? m->paused_s : 0);
	o = put_num(o, ok, ok ? m->overrun_s : 0);
	const char *status = sla_status_name(rw->status);
	size_t n = strlen(status);
	memcpy(o, status, n);
	o[n] = '\t';
	o += n + 1;
	if (rw->has_penalty)
		o += sla_money_format(rw->penalty, sla_policy_minor_digits(ck->p), o);
	*o = '\t';
	return o + 1;
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

/* The cells a row passes on as they are, then its measured part, in one
 * piece where the block has room: most rows are short. */
static void
put_front(checker *ck, const row *rw)
{
	sla_field cells[] = {
		field(ck, ck->c_id), field(ck, ck->c_line), field(ck, ck->c_customer), rw->tier,
		{ rw->metric, strlen(rw->metric) }, { rw->calendar, strlen(rw->calendar) },
	};
	enum { NCELLS = sizeof cells / sizeof *cells };
	size_t need = MEASURED_MAX;
	for (size_t i = 0; i < NCELLS; i++)
		need += cells[i].n + 1;
	char *o = sla_writer_reserve(ck->w, need);
	if (o) {
		for (size_t i = 0; i < NCELLS; i++) {
			if (cells[i].n)	/* an empty field may have no pointer at all */
				memcpy(o, cells[i].p, cells[i].n);
			o += cells[i].n;
			*o++ = '\t';
		}
	} else {	/* a cell longer than a block */
		for (size_t i = 0; i < NCELLS; i++) {
			put_raw(ck, cells[i]);
			tab(ck);
		}
		o = sla_writer_reserve(ck->w, MEASURED_MAX);
	}
	sla_writer_commit(ck->w, put_measure(ck, o, rw));
}

void
sla_chk_write_row(checker *ck, const row *rw)
{
	put_front(ck, rw);
	if (rw->reason_escaped)
		put_raw(ck, rw->reason);
	else if (rw->reason.n)
		sla_writer_escaped(ck->w, rw->reason.p, rw->reason.n);
	tab(ck);
	put_note(ck, rw);
	tab(ck);
	sla_writer_raw(ck->w, ck->as_of, ck->as_of_len);
	for (size_t i = 0; i < ck->o->nkeep; i++) {
		tab(ck);
		put_raw(ck, ck->f[ck->keep[i]]);
	}
	sla_writer_char(ck->w, '\n');
	ck->seen |= SLA_STATUS_BIT(rw->status);
}

void
sla_chk_write_header(checker *ck)
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

int
sla_chk_write_invalid(checker *ck, row *rw, sla_field reason, bool escaped)
{
	rw->status = SLA_INVALID;
	rw->res = NULL;
	rw->reason = reason;
	rw->reason_escaped = escaped;
	sla_chk_write_row(ck, rw);
	if (!ck->o->strict)
		return 0;
	sla_diag_msg(ck->d, sla_reader_file(ck->r), sla_reader_line(ck->r), NULL, reason.p,
		     reason.n, "invalid record (%s)", ck->names.strict);
	return -1;
}
