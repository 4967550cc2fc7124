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

void
sla_chk_write_row(checker *ck, const row *rw)
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
