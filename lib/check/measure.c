/* measure.c: one metric of one ticket, as of now (DESIGN §5). */
#include "sla_check.h"

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* Business seconds of the pauses inside [from, to). */
static int64_t
paused_within(const sla_measure_in *in, int64_t from, int64_t to)
{
	int64_t sum = 0;
	for (size_t i = 0; i < in->npauses; i++) {
		int64_t a = max64(in->pauses[i].start, from);
		int64_t b = min64(in->pauses[i].end, to);
		if (a < b)
			sum += sla_business(in->calendar, a, b);
	}
	return sum;
}

/* The instant at which TARGET_S business seconds outside the pauses have
 * run from START; false while a pause without end holds the clock first.
 * The clock ends at the stop (STOPPED): a pause counts up to the stop at
 * most, and one that begins at or after it does not exist for this
 * metric.  (Pauses after now the checker has already left out.) */
static bool
due_with_pauses(const sla_measure_in *in, bool stopped, int64_t target_s, int64_t *due)
{
	int64_t rem = target_s, cur = in->start;
	for (size_t i = 0; i < in->npauses; i++) {
		const sla_interval *p = &in->pauses[i];
		if (stopped && p->start >= in->stop)
			break;	/* sorted: every later pause begins later still */
		int64_t pe = stopped ? min64(p->end, in->stop) : p->end;
		if (pe <= cur)
			continue;
		int64_t ps = max64(p->start, cur);
		int64_t d = sla_due(in->calendar, cur, rem);
		if (d != SLA_NO_INSTANT && d <= ps) {
			*due = d;
			return true;
		}
		rem -= sla_business(in->calendar, cur, ps);
		if (pe == INT64_MAX)
			return false;
		cur = pe;
	}
	*due = sla_due(in->calendar, cur, rem);
	return true;
}

static enum sla_status
status_of(const sla_measure *m, int32_t warn_ppm)
{
	if (m->stopped)
		return m->elapsed_s <= m->target_s ? SLA_MET : SLA_BREACHED;
	if (m->elapsed_s > m->target_s)
		return SLA_OVERDUE;
	/* elapsed >= warn × target, in integers: ppm × seconds fits in int64
	 * for any span below 290 000 years */
	if (m->elapsed_s * 1000000 >= (int64_t)warn_ppm * m->target_s)
		return SLA_AT_RISK;
	return SLA_PENDING;
}

sla_measure
sla_measure_one(const sla_measure_in *in)
{
	sla_measure m = { .status = SLA_PENDING };
	m.stopped = in->stopped && in->stop <= in->now;
	/* a start after now has had no time yet (the checker excludes a
	 * ticket opened after now; a later start has simply not come) */
	int64_t end = max64(m.stopped ? in->stop : in->now, in->start);
	m.paused_s = paused_within(in, in->start, end);
	m.elapsed_s = sla_business(in->calendar, in->start, end) - m.paused_s;
	if (!in->target)
		return m;
	int64_t due0 = in->has_deadline ? in->deadline
					: sla_duration_due(in->calendar, in->target, in->start, &m.target_s);
	if (in->has_deadline)
		m.target_s = sla_business(in->calendar, in->start, due0);
	if (in->extend_s > 0 && due0 != SLA_NO_INSTANT) {
		m.target_s += in->extend_s;
		due0 = sla_due(in->calendar, in->start, m.target_s);
	}
	m.has_due = in->npauses ? due_with_pauses(in, m.stopped, m.target_s, &m.due)
				: (m.due = due0, true);
	if (due0 == SLA_NO_INSTANT || (m.has_due && m.due == SLA_NO_INSTANT)) {
		/* never due (a calendar without hours, or past the year 9999):
		 * nothing to judge by, and no number to make up */
		return (sla_measure){ .status = SLA_INVALID, .elapsed_s = m.elapsed_s,
				      .paused_s = m.paused_s };
	}
	/* A pause moves a due on, never earlier.  An @ due may be an opening
	 * (Tuesday 09:00) after the closing at which business time reached
	 * target_s (Monday 18:00); a pause without business time inside must
	 * not bring it back to that closing. */
	if (m.has_due)
		m.due = max64(m.due, due0);
	if (m.elapsed_s > m.target_s)
		m.overrun_s = m.elapsed_s - m.target_s;
	m.status = status_of(&m, in->warn_ppm);
	return m;
}
