/* Unit tests: measurement, statuses, penalties and the check stream,
 * every expected value computed by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_check.h"
#include "sla_duration.h"

#define H 3600

/* 2026-03-02 is a Monday; T(d, h, m) is that week's day D (0 Monday) at
 * h:m, Asia/Shanghai (UTC+8, no DST). */
static int64_t
T(int d, int h, int m)
{
	return (sla_days_from_civil(2026, 3, 2) + d) * SLA_DAY + h * 3600 + m * 60 - 8 * 3600;
}

typedef struct fixture {
	sla_tz *tz;
	sla_calendar *c24, *c58;
} fixture;

static int
setup(void **state)
{
	static fixture f;
	char err[128];
	f.tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	assert_non_null(f.tz);
	f.c24 = sla_calendar_new_24x7(f.tz);
	f.c58 = sla_calendar_new("5x8", f.tz);
	assert_int_equal(sla_calendar_parse_hours(f.c58, "mon-fri", "09:00-12:00, 13:00-18:00",
						  err, sizeof err), 0);
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;
	sla_calendar_free(f->c24);
	sla_calendar_free(f->c58);
	sla_tz_free(f->tz);
	return 0;
}

static sla_duration
dur(const char *text)
{
	sla_duration d;
	char err[128];
	assert_int_equal(sla_duration_parse(text, &d, err, sizeof err), 0);
	return d;
}

static sla_measure
run(sla_calendar *c, const char *target, int64_t start, int64_t stop, int64_t now,
    const sla_interval *pauses, size_t npauses)
{
	sla_duration d = dur(target);
	sla_measure_in in = { c, &d, start, stop >= 0, stop, now, 750000, pauses, npauses, false, 0, 0 };
	return sla_measure_one(&in);
}

/* 24x7, target 1 h, opened Monday 10:00. */
static void
every_status_of_a_running_clock(void **state)
{
	fixture *f = *state;
	int64_t s = T(0, 10, 0), late = T(1, 0, 0);
	sla_measure m = run(f->c24, "1h", s, s + H, late, NULL, 0);
	assert_int_equal(m.status, SLA_MET);	/* exactly at the target is kept */
	assert_int_equal(m.elapsed_s, H);
	assert_int_equal(m.overrun_s, 0);
	assert_int_equal(m.due, s + H);
	assert_true(m.stopped);

	m = run(f->c24, "1h", s, s + H + 1, late, NULL, 0);
	assert_int_equal(m.status, SLA_BREACHED);
	assert_int_equal(m.overrun_s, 1);

	m = run(f->c24, "1h", s, -1, s + 2 * H, NULL, 0);
	assert_int_equal(m.status, SLA_OVERDUE);	/* overrun so far */
	assert_int_equal(m.elapsed_s, 2 * H);
	assert_int_equal(m.overrun_s, H);
	assert_false(m.stopped);

	m = run(f->c24, "1h", s, -1, s + 2700, NULL, 0);
	assert_int_equal(m.status, SLA_AT_RISK);	/* 45 min = 75 % */
	m = run(f->c24, "1h", s, -1, s + 2699, NULL, 0);
	assert_int_equal(m.status, SLA_PENDING);
	m = run(f->c24, "1h", s, -1, s + H, NULL, 0);
	assert_int_equal(m.status, SLA_AT_RISK);	/* used up, not over */

	/* as of now: a stop after now has not happened */
	m = run(f->c24, "1h", s, s + 30 * 60, s + 20 * 60, NULL, 0);
	assert_int_equal(m.status, SLA_PENDING);
	assert_false(m.stopped);
	assert_int_equal(m.elapsed_s, 20 * 60);

	/* opened after now: no time yet */
	m = run(f->c24, "1h", s, -1, s - H, NULL, 0);
	assert_int_equal(m.status, SLA_PENDING);
	assert_int_equal(m.elapsed_s, 0);

	/* a zero target is due at the start, and met only by an instant stop */
	m = run(f->c24, "0s", s, s, late, NULL, 0);
	assert_int_equal(m.status, SLA_MET);
	assert_int_equal(m.due, s);
}

/* 5x8 (09-12, 13-18), target 8 business hours. */
static void
business_hours_count_only_inside_the_calendar(void **state)
{
	fixture *f = *state;
	/* Friday 17:00 + 8 h: Fri 17-18 (1 h), Mon 09-12 (3 h), 13-17 (4 h) */
	sla_measure m = run(f->c58, "8h", T(4, 17, 0), T(7, 17, 30), T(14, 0, 0), NULL, 0);
	assert_int_equal(m.due, T(7, 17, 0));
	assert_int_equal(m.target_s, 8 * H);
	assert_int_equal(m.elapsed_s, 8 * H + 30 * 60);
	assert_int_equal(m.status, SLA_BREACHED);
	assert_int_equal(m.overrun_s, 30 * 60);

	/* a start in the lunch break counts from 13:00 */
	m = run(f->c58, "1h", T(0, 12, 30), T(0, 13, 59), T(14, 0, 0), NULL, 0);
	assert_int_equal(m.due, T(0, 14, 0));
	assert_int_equal(m.elapsed_s, 59 * 60);
	assert_int_equal(m.status, SLA_MET);

	/* 1wd@close: the close of the next working day (Tuesday 18:00) */
	m = run(f->c58, "1wd@close", T(0, 10, 0), -1, T(0, 11, 0), NULL, 0);
	assert_int_equal(m.due, T(1, 18, 0));
	assert_int_equal(m.target_s, 15 * H);	/* Mon 10-12, 13-18; Tue 8 h */
	assert_int_equal(m.status, SLA_PENDING);

	/* the weekend is no time: Friday 18:00 to Monday 09:00 is 0 */
	m = run(f->c58, "1h", T(4, 18, 0), -1, T(7, 9, 0), NULL, 0);
	assert_int_equal(m.elapsed_s, 0);
	assert_int_equal(m.status, SLA_PENDING);
}

/* Pauses stop the clock of a pausable metric, in business time only. */
static void
pauses_stop_the_clock_and_move_the_due_time(void **state)
{
	fixture *f = *state;
	/* Monday 09:00, paused 10:00-11:00, stopped 15:00: 09-12 and 13-15 is
	 * 5 h, less 1 h paused.  Due: 8 h + 1 h paused = Tuesday 10:00. */
	sla_interval p1[] = { { T(0, 10, 0), T(0, 11, 0) } };
	sla_measure m = run(f->c58, "8h", T(0, 9, 0), T(0, 15, 0), T(7, 0, 0), p1, 1);
	assert_int_equal(m.paused_s, H);
	assert_int_equal(m.elapsed_s, 4 * H);
	assert_int_equal(m.status, SLA_MET);
	assert_true(m.has_due);
	assert_int_equal(m.due, T(1, 10, 0));

	/* a pause over lunch pauses only business time: 11-12 and 13-14 */
	sla_interval p2[] = { { T(0, 11, 0), T(0, 14, 0) } };
	m = run(f->c58, "8h", T(0, 9, 0), T(0, 18, 0), T(7, 0, 0), p2, 1);
	assert_int_equal(m.paused_s, 2 * H);
	assert_int_equal(m.elapsed_s, 6 * H);
	assert_int_equal(m.due, T(1, 11, 0));

	/* still paused at now: the due time is not known */
	sla_interval p3[] = { { T(0, 10, 0), INT64_MAX } };
	m = run(f->c58, "8h", T(0, 9, 0), -1, T(1, 12, 0), p3, 1);
	assert_int_equal(m.elapsed_s, H);
	assert_false(m.has_due);
	assert_int_equal(m.status, SLA_PENDING);

	/* a pause after the due time does not move it */
	sla_interval p4[] = { { T(2, 9, 0), T(2, 10, 0) } };
	m = run(f->c58, "2h", T(0, 9, 0), -1, T(3, 0, 0), p4, 1);
	assert_int_equal(m.due, T(0, 11, 0));
	assert_int_equal(m.status, SLA_OVERDUE);
	assert_int_equal(m.elapsed_s, 16 * H + 7 * H);	/* Mon, Tue, Wed less 1 h */
}


/* A pause only ever moves a due later: for `Nwd@time` the due is the later
 * of the @ reading and the instant the unpaused business time reaches
 * target_s (a due at an opening is not the closing before it). */
static void
a_pause_never_moves_an_at_time_due_earlier(void **state)
{
	fixture *f = *state;
	/* Monday 08:00 counts from 09:00: 1wd@time is Tuesday 09:00, and
	 * target_s = business(Mon 08:00, Tue 09:00) = 8 h, used up at Monday
	 * 18:00 */
	sla_measure m = run(f->c58, "1wd@time", T(0, 8, 0), -1, T(0, 19, 0), NULL, 0);
	assert_int_equal(m.due, T(1, 9, 0));
	assert_int_equal(m.target_s, 8 * H);
	/* a pause in the evening holds no business time: the due stays */
	sla_interval p1[] = { { T(0, 20, 0), T(0, 21, 0) } };
	m = run(f->c58, "1wd@time", T(0, 8, 0), -1, T(0, 22, 0), p1, 1);
	assert_int_equal(m.paused_s, 0);
	assert_int_equal(m.due, T(1, 9, 0));
	/* an hour paused in business time: 8 h unpaused are reached at
	 * Tuesday 10:00, later than the reading */
	sla_interval p2[] = { { T(0, 10, 0), T(0, 11, 0) } };
	m = run(f->c58, "1wd@time", T(0, 8, 0), -1, T(0, 22, 0), p2, 1);
	assert_int_equal(m.paused_s, H);
	assert_int_equal(m.due, T(1, 10, 0));
	/* 1wd@close likewise: Tuesday 18:00, or Wednesday 10:00 with 1 h paused */
	m = run(f->c58, "1wd@close", T(0, 8, 0), -1, T(0, 22, 0), p1, 1);
	assert_int_equal(m.due, T(1, 18, 0));
	m = run(f->c58, "1wd@close", T(0, 8, 0), -1, T(0, 22, 0), p2, 1);
	assert_int_equal(m.due, T(2, 10, 0));
}

/* measure with an agreement of the ticket: a deadline (kept as an instant,
 * as an @ target), and an extension in business seconds. */
static sla_measure
agreed(sla_calendar *c, const char *target, int64_t start, int64_t stop, int64_t now,
       const sla_interval *pauses, size_t npauses, int64_t deadline, int64_t extend_s)
{
	sla_duration d = dur(target);
	sla_measure_in in = { c, &d, start, stop >= 0, stop, now, 750000, pauses, npauses,
			      deadline >= 0, deadline, extend_s };
	return sla_measure_one(&in);
}

/* A deadline or an extension agreed with the customer replaces the
 * policy's target for that ticket. */
static void
agreed_deadlines_and_extensions(void **state)
{
	fixture *f = *state;
	int64_t s = T(0, 10, 0), wed18 = T(2, 18, 0);
	/* 24x7, 8 h from Monday 10:00, agreed until Wednesday 18:00: 56 h */
	sla_measure m = agreed(f->c24, "8h", s, T(2, 17, 0), T(7, 0, 0), NULL, 0, wed18, 0);
	assert_int_equal(m.due, wed18);
	assert_int_equal(m.target_s, 56 * H);
	assert_int_equal(m.status, SLA_MET);	/* 55 h: late by the policy, kept by the agreement */
	m = agreed(f->c24, "8h", s, T(2, 19, 0), T(7, 0, 0), NULL, 0, wed18, 0);
	assert_int_equal(m.status, SLA_BREACHED);
	assert_int_equal(m.overrun_s, H);
	/* an earlier deadline holds too: agreed by 12:00, stopped at 13:00 */
	m = agreed(f->c24, "8h", s, T(0, 13, 0), T(7, 0, 0), NULL, 0, T(0, 12, 0), 0);
	assert_int_equal(m.status, SLA_BREACHED);
	assert_int_equal(m.overrun_s, H);
	/* open, as of Wednesday 12:00: 50 of 56 h is at risk, not overdue */
	m = agreed(f->c24, "8h", s, -1, T(2, 12, 0), NULL, 0, wed18, 0);
	assert_int_equal(m.status, SLA_AT_RISK);
	assert_int_equal(m.overrun_s, 0);

	/* 5x8: a deadline out of hours (Saturday 10:00) stays the due, and the
	 * target is the business time to it: Mon 10-12, 13-18, Tue-Fri 8 h */
	m = agreed(f->c58, "8h", s, T(7, 9, 30), T(14, 0, 0), NULL, 0, T(5, 10, 0), 0);
	assert_int_equal(m.due, T(5, 10, 0));
	assert_int_equal(m.target_s, 7 * H + 4 * 8 * H);
	assert_int_equal(m.elapsed_s, 7 * H + 4 * 8 * H + 30 * 60);
	assert_int_equal(m.status, SLA_BREACHED);	/* Monday 09:30: half an hour of business time late */
	/* a pause in business time moves an agreed deadline on, as any due:
	 * an hour paused on Friday, so Monday 10:00 */
	sla_interval p[] = { { T(4, 10, 0), T(4, 11, 0) } };
	m = agreed(f->c58, "8h", s, -1, T(4, 12, 0), p, 1, T(5, 10, 0), 0);
	assert_int_equal(m.due, T(7, 10, 0));

	/* an extension of 4 h on 8 business hours from Monday 09:00: Mon 8 h,
	 * Tue 09-12, 13-14 */
	m = agreed(f->c58, "8h", T(0, 9, 0), -1, T(0, 9, 0), NULL, 0, -1, 4 * H);
	assert_int_equal(m.target_s, 12 * H);
	assert_int_equal(m.due, T(1, 14, 0));
	/* on an @ target it counts from where the target is used up: 1wd@close
	 * from Monday 10:00 is Tuesday 18:00 (15 h), 2 h more is Wednesday 11:00 */
	m = agreed(f->c58, "1wd@close", s, -1, s, NULL, 0, -1, 2 * H);
	assert_int_equal(m.target_s, 17 * H);
	assert_int_equal(m.due, T(2, 11, 0));
	/* and on an agreed deadline: Wednesday 18:00 and 6 h more, 24x7 */
	m = agreed(f->c24, "8h", s, -1, s, NULL, 0, wed18, 6 * H);
	assert_int_equal(m.target_s, 62 * H);
	assert_int_equal(m.due, T(3, 0, 0));
}

/* A metric's clock ends at its stop: pauses after it change nothing of the
 * row, and one still open at now ended, for this row, at the stop.  A met
 * row reads business(start, due) = target + paused_s. */
static void
pauses_after_the_stop_change_nothing(void **state)
{
	fixture *f = *state;
	int64_t s = T(0, 10, 0), stop = T(0, 12, 0), now = T(1, 0, 0);
	/* 24x7, 8 h from Monday 10:00, stopped at 12:00: due 18:00 */
	sla_interval after[] = { { T(0, 14, 0), T(0, 15, 0) } };
	sla_measure m = run(f->c24, "8h", s, stop, now, after, 1);
	assert_int_equal(m.status, SLA_MET);
	assert_int_equal(m.paused_s, 0);
	assert_true(m.has_due);
	assert_int_equal(m.due, T(0, 18, 0));
	/* paused 11:00 and never resumed: the stop at 12:00 ends the clock
	 * after 1 h paused, so due 19:00 */
	sla_interval open[] = { { T(0, 11, 0), INT64_MAX } };
	m = run(f->c24, "8h", s, stop, now, open, 1);
	assert_int_equal(m.status, SLA_MET);
	assert_int_equal(m.paused_s, H);
	assert_int_equal(m.elapsed_s, H);
	assert_true(m.has_due);
	assert_int_equal(m.due, T(0, 19, 0));
	assert_int_equal(sla_business(f->c24, s, m.due), m.target_s + m.paused_s);
	/* one pause across the stop counts up to the stop only */
	sla_interval across[] = { { T(0, 11, 0), T(0, 16, 0) } };
	m = run(f->c24, "8h", s, stop, now, across, 1);
	assert_int_equal(m.paused_s, H);
	assert_int_equal(m.due, T(0, 19, 0));
	/* a breached row: its due came before the pause */
	sla_interval late[] = { { T(0, 20, 0), T(0, 22, 0) } };
	m = run(f->c24, "8h", s, T(0, 21, 0), now, late, 1);
	assert_int_equal(m.status, SLA_BREACHED);
	assert_int_equal(m.due, T(0, 18, 0));
	assert_int_equal(m.paused_s, H);
	assert_int_equal(m.overrun_s, 2 * H);
	/* not stopped: a pause open at now still holds the due */
	m = run(f->c24, "8h", s, -1, T(0, 13, 0), open, 1);
	assert_false(m.has_due);
	assert_int_equal(m.status, SLA_PENDING);
}

/* Business seconds of [a, b) outside the pauses, minute by minute: the
 * slow, obvious reading of "elapsed" (times are whole minutes). */
static int64_t
slow_elapsed(sla_calendar *c, int64_t a, int64_t b, const sla_interval *p, size_t np)
{
	int64_t sum = 0;
	for (int64_t t = a; t < b; t += 60) {
		bool paused = false;
		for (size_t i = 0; i < np; i++)
			paused |= t >= p[i].start && t < p[i].end;
		if (!paused)
			sum += sla_business(c, t, t + 60);
	}
	return sum;
}

/* Random tickets on 5x8 with random pauses: elapsed, paused and due agree
 * with the minute-by-minute count. */
static void
random_pauses_agree_with_counting_minutes(void **state)
{
	fixture *f = *state;
	uint64_t seed = 12345;
	int paused = 0, moved = 0;	/* the pauses mattered this often */
	for (int n = 0; n < 300; n++) {
		int64_t r[6];
		for (int i = 0; i < 6; i++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			r[i] = (int64_t)(seed >> 33) % (4 * 24 * 60);
		}
		int64_t start = T(0, 0, 0) + r[0] * 60;
		/* in whole minutes: up to 2 days in, lasting up to 8 hours */
		sla_interval p[2] = { { start + r[1] / 2 * 60, 0 }, { start + r[2] / 2 * 60, 0 } };
		p[0].end = p[0].start + r[3] / 12 * 60;
		if (p[1].start < p[0].end)	/* sorted and apart, as the checker gives them */
			p[1].start = p[0].end + 60;
		p[1].end = p[1].start + r[4] / 12 * 60 + 60;
		int64_t now = start + r[5] * 60;
		sla_duration d = dur("6h");
		sla_measure_in in = { f->c58, &d, start, false, 0, now, 750000, p, 2, false, 0, 0 };
		sla_measure m = sla_measure_one(&in);
		int64_t end = now > start ? now : start;
		assert_int_equal(m.elapsed_s, slow_elapsed(f->c58, start, end, p, 2));
		assert_int_equal(m.paused_s, sla_business(f->c58, start, end) - m.elapsed_s);
		/* due: the first minute at which 6 h outside the pauses have run */
		assert_true(m.has_due);
		assert_int_equal(slow_elapsed(f->c58, start, m.due, p, 2), 6 * H);
		assert_true(slow_elapsed(f->c58, start, m.due - 60, p, 2) < 6 * H);
		paused += m.paused_s > 0;
		moved += m.due != sla_due(f->c58, start, 6 * H);
	}
	assert_true(paused > 100 && moved > 50);
}

/* A calendar without hours never reaches a target: no due time, no
 * target, no status to judge by (it used to print due 1970, target -1 and
 * a breach). */
static void
a_target_never_due_is_invalid(void **state)
{
	fixture *f = *state;
	sla_calendar *none = sla_calendar_new("none", f->tz);
	assert_non_null(none);
	int64_t s = T(0, 10, 0);
	const char *targets[] = { "8h", "2wd@close", "1wd@time" };
	for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
		sla_measure m = run(none, targets[i], s, -1, T(7, 0, 0), NULL, 0);
		assert_int_equal(m.status, SLA_INVALID);
		assert_false(m.has_due);
		assert_int_equal(m.target_s, 0);
		assert_int_equal(m.overrun_s, 0);
		assert_int_equal(m.elapsed_s, 0);
	}
	/* with pauses too */
	sla_interval p[] = { { T(0, 11, 0), T(0, 12, 0) } };
	sla_measure m = run(none, "1h", s, s + H, T(7, 0, 0), p, 1);
	assert_int_equal(m.status, SLA_INVALID);
	/* 0s is due at the start even there */
	m = run(none, "0s", s, s, T(7, 0, 0), NULL, 0);
	assert_int_equal(m.status, SLA_MET);
	sla_calendar_free(none);
}

static void
status_names(void **state)
{
	(void)state;
	const char *want[] = { "met", "breached", "overdue", "at-risk", "pending", "excluded",
			       "invalid" };
	for (int s = 0; s < SLA_NSTATUS; s++)
		assert_string_equal(sla_status_name((enum sla_status)s), want[s]);
}

/* ---- the check stream ------------------------------------------------------ */

static char *
temp_write(char *path, const char *text)
{
	strcpy(path, "/tmp/sla-check-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

typedef struct result {
	int rc;		/* sla_check_run's: -1, or the set of statuses written */
	char out[8192];
	char err[4096];
} result;

/* The names sla-check gives the checker's settings (cmd/sla-check.c). */
#define CLI_NAMES { "--keep", "--strict", "--now" }

/* The run ended well, and wrote a row of a status in FAIL_ON (what makes
 * sla-check exit 1). */
static bool
fails(const result *res, unsigned fail_on)
{
	return res->rc >= 0 && ((unsigned)res->rc & fail_on) != 0;
}

/* The check stream's own columns, as sla_check_columns has them. */
#define CHECK_HEADER                                                                         \
	"id\tline\tcustomer\ttier\tmetric\tcalendar\tstart\tdue\tstop\ttarget_s\telapsed_s\t"  \
	"paused_s\toverrun_s\tstatus\tpenalty\treason\tcalendar_note\tas_of"

/* The as_of column: now, in the policy's zone, on every row. */
#define AS_OF_TUE "2026-03-03T00:00:00+08:00"
#define AS_OF_TUE_0901 "2026-03-03T09:01:00+08:00"
#define AS_OF_MON_16 "2026-03-02T16:00:00+08:00"

static const char policy_text[] =
	"[policy]\n"
	"timezone = Asia/Shanghai\n"
	"currency = CNY\n"
	"[calendar 5x8]\n"
	"mon-fri = 09:00-12:00, 13:00-18:00\n"
	"[tier urgent]\n"
	"calendar = 24x7\n"
	"response = 1h\n"
	"resolve = 4h\n"
	"replacement = 24h\n"
	"penalty = 500 + 100/h max 2000\n"
	"penalty.response = 1000\n"
	"[tier normal]\n"
	"calendar = 5x8\n"
	"resolve = 8h\n";

static void
check(result *res, const char *policy, const char *stream, const sla_check_opts *o)
{
	char ppath[64], spath[64], opath[64] = "/tmp/sla-out-XXXXXX";
	temp_write(ppath, policy);
	temp_write(spath, stream);
	sla_diag d = sla_diag_init("sla-check");
	memset(res, 0, sizeof *res);
	FILE *err = fmemopen(res->err, sizeof res->err, "w");
	setvbuf(err, NULL, _IONBF, 0);
	d.out = err;
	sla_policy *p = sla_policy_load(ppath, NULL, &d);
	assert_non_null(p);
	char *paths[] = { spath };
	sla_reader *r = sla_reader_open(paths, 1, &d);
	int fd = mkstemp(opath);
	sla_writer *w = sla_writer_new(fd);
	res->rc = sla_check_run(p, r, w, o, &d);
	assert_int_equal(sla_writer_close(w), 0);
	ssize_t n = pread(fd, res->out, sizeof res->out - 1, 0);
	assert_true(n >= 0);
	res->out[n] = '\0';
	fclose(err);
	close(fd);
	sla_reader_free(r);
	sla_policy_free(p);
	unlink(ppath);
	unlink(spath);
	unlink(opath);
}


static void
rows_penalties_and_columns(void **state)
{
	(void)state;
	/* now: Tuesday 2026-03-03 00:00 +08:00 */
	sla_check_opts o = { .now = T(1, 0, 0) };
	static const char stream[] =
		"id\tline\tcustomer\ttier\topened\tfirst_response\tresolved\treplaced\tnote\n"
		/* response 1h30m: 30 min over, fixed 1000.  resolve 10 h: 6 h
		 * over, 500 + 6 x 100 = 1100.  resolve > 8 h: replacement
		 * applies, and the repair after 10 h of 24 ends it: met (the
		 * built-in replacement stops at replaced | resolved). */
		"A1\t2\tACME\turgent\t2026-03-02T10:00:00+08:00\t2026-03-02T11:30:00+08:00\t"
		"2026-03-02T20:00:00+08:00\t\tx\n"
		/* resolve 2 h: met; replacement n/a (resolve not over 8 h) */
		"A2\t3\tACME\turgent\t2026-03-02 10:00\t2026-03-02 10:10\t2026-03-02 12:00\t\ty\n"
		/* normal: no response target; resolve open since Monday 09:00:
		 * 8 h used up at 18:00, elapsed 8 h at now: at-risk */
		"B1\t4\tBeta\tnormal\t2026-03-02T09:00:00+08:00\t\t\t\tz\n";
	result res;
	check(&res, policy_text, stream, &o);
	assert_true(res.rc >= 0);
	assert_string_equal(res.out,
		CHECK_HEADER "\n"
		"A1\t2\tACME\turgent\tresponse\t24x7\t2026-03-02T10:00:00+08:00\t"
		"2026-03-02T11:00:00+08:00\t2026-03-02T11:30:00+08:00\t3600\t5400\t0\t1800\t"
		"breached\t1000.00\t\t\t" AS_OF_TUE "\n"
		"A1\t2\tACME\turgent\tresolve\t24x7\t2026-03-02T10:00:00+08:00\t"
		"2026-03-02T14:00:00+08:00\t2026-03-02T20:00:00+08:00\t14400\t36000\t0\t21600\t"
		"breached\t1100.00\t\t\t" AS_OF_TUE "\n"
		"A1\t2\tACME\turgent\treplacement\t24x7\t2026-03-02T10:00:00+08:00\t"
		"2026-03-03T10:00:00+08:00\t2026-03-02T20:00:00+08:00\t86400\t36000\t0\t0\tmet\t\t\t\t" AS_OF_TUE "\n"
		"A2\t3\tACME\turgent\tresponse\t24x7\t2026-03-02T10:00:00+08:00\t"
		"2026-03-02T11:00:00+08:00\t2026-03-02T10:10:00+08:00\t3600\t600\t0\t0\tmet\t\t\t\t" AS_OF_TUE "\n"
		"A2\t3\tACME\turgent\tresolve\t24x7\t2026-03-02T10:00:00+08:00\t"
		"2026-03-02T14:00:00+08:00\t2026-03-02T12:00:00+08:00\t14400\t7200\t0\t0\tmet\t\t\t\t" AS_OF_TUE "\n"
		"B1\t4\tBeta\tnormal\tresolve\t5x8\t2026-03-02T09:00:00+08:00\t"
		"2026-03-02T18:00:00+08:00\t\t28800\t28800\t0\t0\tat-risk\t\t\t\t" AS_OF_TUE "\n");
	/* the stream has no onsite column: that metric has no target here */
	assert_string_equal(res.err, "");
}

static void
invalid_excluded_and_kept_columns(void **state)
{
	(void)state;
	const char *keep[] = { "note" };
	sla_check_opts o = { .now = T(1, 0, 0), .keep = keep, .nkeep = 1, .names = CLI_NAMES };
	static const char stream[] =
		"id\ttier\topened\tresolved\texclude\terror\tnote\n"
		"X1\tnormal\t2026-03-02T09:00:00+08:00\t2026-03-02T10:00:00+08:00\tforce majeure\t\tn1\n"
		"X2\tnormal\t2026-03-02T09:00:00+08:00\t\t\tbad row\\there\tn2\n"
		"X3\tgold\t2026-03-02T09:00:00+08:00\t\t\t\tn3\n"
		"X4\t\t2026-03-02T09:00:00+08:00\t\t\t\tn4\n"
		"X5\tnormal\t2026-03-32T09:00:00+08:00\t\t\t\tn5\n"
		"X6\tnormal\t2026-03-02T09:00:00+08:00\t2026-03-02T08:00:00+08:00\t\t\tn6\n"
		"X7\tnormal\t\t\t\t\tn7\n";
	result res;
	check(&res, policy_text, stream, &o);
	assert_true(res.rc >= 0);
	assert_string_equal(res.out,
		CHECK_HEADER "\tnote\n"
		"X1\t\t\tnormal\tresolve\t5x8\t2026-03-02T09:00:00+08:00\t2026-03-02T18:00:00+08:00\t"
		"2026-03-02T10:00:00+08:00\t28800\t3600\t0\t0\texcluded\t\tforce majeure\t\t" AS_OF_TUE "\tn1\n"
		"X2\t\t\tnormal\tresolve\t5x8\t\t\t\t\t\t\t\tinvalid\t\tbad row\\there\t\t" AS_OF_TUE "\tn2\n"
		"X3\t\t\tgold\t\t\t\t\t\t\t\t\t\tinvalid\t\ttier: unknown tier \"gold\"\t\t" AS_OF_TUE "\tn3\n"
		"X4\t\t\t\t\t\t\t\t\t\t\t\t\tinvalid\t\ttier: empty, and the policy has no "
		"default_tier\t\t" AS_OF_TUE "\tn4\n"
		"X5\t\t\tnormal\tresolve\t5x8\t\t\t\t\t\t\t\tinvalid\t\topened: cannot read time "
		"\"2026-03-32T09:00:00+08:00\"\t\t" AS_OF_TUE "\tn5\n"
		"X6\t\t\tnormal\tresolve\t5x8\t\t\t\t\t\t\t\tinvalid\t\tresolved before opened\t\t" AS_OF_TUE "\tn6\n"
		"X7\t\t\tnormal\tresolve\t5x8\t\t\t\t\t\t\t\tinvalid\t\topened: no start time\t\t" AS_OF_TUE "\tn7\n");
	/* what sla-check found itself is a record error; X2's error is not */
	assert_non_null(strstr(res.err, ":4: tier: unknown tier \"gold\"\n"));
	assert_non_null(strstr(res.err, ":5: tier: empty, and the policy has no default_tier\n"));
	assert_non_null(strstr(res.err, ":6: opened: cannot read time \"2026-03-32T09:00:00+08:00\"\n"));
	assert_null(strstr(res.err, "bad row"));
}

static void
fail_on_and_strict(void **state)
{
	(void)state;
	static const char stream[] =
		"id\ttier\topened\tresolved\n"
		"F1\tnormal\t2026-03-02T09:00:00+08:00\t2026-03-02T10:00:00+08:00\n"
		"F2\tnormal\t2026-03-02T09:00:00+08:00\t\n";
	result res;
	/* now Monday 18:30: F2 has used its 8 h: at-risk, not overdue */
	sla_check_opts o = { .now = T(0, 18, 30), .names = CLI_NAMES };
	unsigned fail_on = SLA_STATUS_BIT(SLA_OVERDUE);
	check(&res, policy_text, stream, &o);
	/* the run returns the statuses it wrote; failing is the caller's */
	assert_int_equal(res.rc, (int)(SLA_STATUS_BIT(SLA_MET) | SLA_STATUS_BIT(SLA_AT_RISK)));
	assert_false(fails(&res, fail_on));
	fail_on |= SLA_STATUS_BIT(SLA_AT_RISK);
	check(&res, policy_text, stream, &o);
	assert_true(fails(&res, fail_on));
	check(&res, policy_text, "id\ttier\topened\n", &o);
	assert_int_equal(res.rc, 0);	/* no ticket, no row: the empty set */
	/* a minute after 09:00 Tuesday it is overdue */
	o = (sla_check_opts){ .now = T(1, 9, 1), .names = CLI_NAMES };
	fail_on = SLA_STATUS_BIT(SLA_OVERDUE);
	check(&res, policy_text, stream, &o);
	assert_true(fails(&res, fail_on));
	assert_non_null(strstr(res.out, "F2\t\t\tnormal\tresolve\t5x8\t2026-03-02T09:00:00+08:00\t"
					"2026-03-02T18:00:00+08:00\t\t28800\t28860\t0\t60\toverdue\t\t\t\t"
					AS_OF_TUE_0901 "\n"));

	static const char bad[] = "id\ttier\topened\tresolved\n"
				  "S1\tnormal\t2026-03-02T09:00:00+08:00\t\n"
				  "S2\tgold\t2026-03-02T09:00:00+08:00\t\n"
				  "S3\tnormal\t2026-03-02T09:00:00+08:00\t\n";
	o = (sla_check_opts){ .now = T(1, 0, 0), .strict = true, .names = CLI_NAMES };
	check(&res, policy_text, bad, &o);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err, ":3: invalid record (--strict)"));
	assert_null(strstr(res.out, "S3"));
}

static void
pauses_from_the_stream_as_of_now(void **state)
{
	(void)state;
	static const char stream[] =
		"id\ttier\topened\tresolved\tpaused\n"
		/* paused 10-11 and (after now) Tuesday 09-10: only the first counts */
		"P1\tnormal\t2026-03-02T09:00:00+08:00\t\t"
		"2026-03-02T10:00:00+08:00/2026-03-02T11:00:00+08:00;"
		"2026-03-03T09:00:00+08:00/2026-03-03T10:00:00+08:00\n"
		/* overlapping pauses count once: 10-11:30 */
		"P2\tnormal\t2026-03-02T09:00:00+08:00\t2026-03-02T15:00:00+08:00\t"
		"2026-03-02T10:00:00+08:00/2026-03-02T11:00:00+08:00;"
		"2026-03-02T10:30:00+08:00/2026-03-02T11:30:00+08:00\n"
		/* an end after now: still paused */
		"P3\tnormal\t2026-03-02T09:00:00+08:00\t\t2026-03-02T10:00:00+08:00/2026-03-09T10:00:00+08:00\n"
		"P4\tnormal\t2026-03-02T09:00:00+08:00\t\t2026-03-02T10:00:00+08:00-2026-03-02T11:00:00+08:00\n";
	sla_check_opts o = { .now = T(0, 16, 0) };
	result res;
	check(&res, policy_text, stream, &o);
	assert_string_equal(res.out,
		CHECK_HEADER "\n"
		/* 09-12, 13-16 = 6 h, less 1 h; due 8 h + 1 h: Tuesday 10:00 */
		"P1\t\t\tnormal\tresolve\t5x8\t2026-03-02T09:00:00+08:00\t2026-03-03T10:00:00+08:00\t"
		"\t28800\t18000\t3600\t0\tpending\t\t\t\t" AS_OF_MON_16 "\n"
		/* 09-12, 13-15 = 5 h, less 1.5 h */
		"P2\t\t\tnormal\tresolve\t5x8\t2026-03-02T09:00:00+08:00\t2026-03-03T10:30:00+08:00\t"
		"2026-03-02T15:00:00+08:00\t28800\t12600\t5400\t0\tmet\t\t\t\t" AS_OF_MON_16 "\n"
		/* 6 h less 5 h paused (10-12, 13-16); no due while paused */
		"P3\t\t\tnormal\tresolve\t5x8\t2026-03-02T09:00:00+08:00\t\t\t28800\t3600\t18000\t0\t"
		"pending\t\t\t\t" AS_OF_MON_16 "\n"
		"P4\t\t\tnormal\tresolve\t5x8\t\t\t\t\t\t\t\tinvalid\t\tpaused: cannot read pause "
		"interval (start/end, at most 64) \"2026-03-02T10:00:00+08:00-2026-03-02T11:00:00+08:00\"\t\t" AS_OF_MON_16 "\n");
}

/* As of now a ticket opened later did not exist: its rows are excluded,
 * measured where they can be, never pending, at risk or overdue. */
static void
opened_after_now_is_excluded(void **state)
{
	(void)state;
	static const char stream[] =
		"id\ttier\topened\tresolved\texclude\terror\n"
		"L1\tnormal\t2026-03-03T09:00:00+08:00\t\t\t\n"
		"L2\tnormal\t2026-03-03T09:00:00+08:00\t\tmisuse\t\n"
		"L3\tnormal\t2026-03-03T09:00:00+08:00\t\t\tbroken\n"
		/* opened exactly at now: it exists, and has had no time yet */
		"L4\tnormal\t2026-03-02T16:00:00+08:00\t\t\t\n";
	sla_check_opts o = { .now = T(0, 16, 0), .names = CLI_NAMES };
	result res;
	check(&res, policy_text, stream, &o);
	assert_true(res.rc >= 0);
	assert_false(fails(&res, SLA_STATUS_BIT(SLA_AT_RISK) | SLA_STATUS_BIT(SLA_OVERDUE)));
	assert_string_equal(res.out,
		CHECK_HEADER "\n"
		"L1\t\t\tnormal\tresolve\t5x8\t2026-03-03T09:00:00+08:00\t2026-03-03T18:00:00+08:00\t"
		"\t28800\t0\t0\t0\texcluded\t\topened after --now\t\t" AS_OF_MON_16 "\n"
		"L2\t\t\tnormal\tresolve\t5x8\t2026-03-03T09:00:00+08:00\t2026-03-03T18:00:00+08:00\t"
		"\t28800\t0\t0\t0\texcluded\t\topened after --now\t\t" AS_OF_MON_16 "\n"
		"L3\t\t\tnormal\tresolve\t5x8\t\t\t\t\t\t\t\tinvalid\t\tbroken\t\t" AS_OF_MON_16 "\n"
		/* 8 business hours from Monday 16:00: Mon 16-18, Tue 09-12,
		 * 13-16 */
		"L4\t\t\tnormal\tresolve\t5x8\t2026-03-02T16:00:00+08:00\t2026-03-03T16:00:00+08:00\t"
		"\t28800\t0\t0\t0\tpending\t\t\t\t" AS_OF_MON_16 "\n");
	/* not a record error: nothing is wrong with the ticket */
	assert_null(strstr(res.err, "opened"));
}

/* --now and the stream's times are read by one function. */
static void
times_and_now_are_read_alike(void **state)
{
	fixture *f = *state;
	int64_t t = 0;
	const char *what = NULL;
	assert_int_equal(sla_check_read_time(f->tz, SLA_FIELD(""), &t, &what), 0);
	assert_int_equal(sla_check_read_time(f->tz, SLA_FIELD("2026-03-02 10:00"), &t, &what), 1);
	assert_int_equal(t, T(0, 10, 0));
	assert_int_equal(sla_check_read_time(f->tz, SLA_FIELD("2026-03-02T02:00:00Z"), &t, &what), 1);
	assert_int_equal(t, T(0, 10, 0));
	assert_int_equal(sla_check_read_time(f->tz, SLA_FIELD("soon"), &t, &what), -1);
	assert_string_equal(what, "cannot read time");

	char path[64];
	sla_diag d = sla_diag_init("sla-check");
	sla_policy *p = sla_policy_load(temp_write(path, policy_text), NULL, &d);
	assert_non_null(p);
	assert_int_equal(sla_check_now(p, "2026-03-02T10:00:00", &t, &what), 0);
	assert_int_equal(t, T(0, 10, 0));	/* in the policy's zone */
	/* a date alone is the start of its day, as sla-time reads it */
	assert_int_equal(sla_check_now(p, "2026-03-02", &t, &what), 0);
	assert_int_equal(t, T(0, 0, 0));
	assert_int_equal(sla_check_now(p, "3/2/2026", &t, &what), -1);
	assert_string_equal(what, "day/month order unknown (write the date as 2026-03-02)");
	assert_int_equal(sla_check_now(p, "", &t, &what), -1);
	assert_string_equal(what, "cannot read time");
	assert_int_equal(sla_check_now(p, NULL, &t, &what), 0);
	assert_true(t > T(0, 0, 0));	/* the current time */
	sla_policy_free(p);
	unlink(path);
}

static void
stream_errors_are_fatal(void **state)
{
	(void)state;
	result res;
	sla_check_opts o = { .now = T(1, 0, 0), .names = CLI_NAMES };
	check(&res, policy_text, "ticket\topened\nA\t2026-03-02T09:00:00+08:00\n", &o);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err, ":1: id: the ticket stream has no such column\n"));
	check(&res, policy_text, "id\ttier\nA\tnormal\n", &o);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err, ":1: opened: the ticket stream has no such column\n"));
	const char *keep[] = { "nosuch" };
	sla_check_opts ok = { .now = T(1, 0, 0), .keep = keep, .nkeep = 1, .names = CLI_NAMES };
	check(&res, policy_text, "id\topened\nA\t2026-03-02T09:00:00+08:00\n", &ok);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err, ":1: nosuch: the ticket stream has no such column (--keep)\n"));
	keep[0] = "status";
	check(&res, policy_text, "id\topened\nA\t2026-03-02T09:00:00+08:00\n", &ok);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.err, "--keep: is a column of the check stream already \"status\""));
}

/* The checker knows no command line: its messages, and the reason a
 * ticket opened after now is excluded, use the names its caller gives its
 * settings, or plain words when it gives none. */
static void
the_caller_names_the_settings(void **state)
{
	(void)state;
	static const char stream[] =
		"id\ttier\topened\tresolved\n"
		"L1\tnormal\t2026-03-03T09:00:00+08:00\t\n"
		"S2\tgold\t2026-03-02T09:00:00+08:00\t\n";
	const char *keep[] = { "status" };
	result res;
	sla_check_opts o = { .now = T(0, 16, 0), .strict = true };
	check(&res, policy_text, stream, &o);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.out, "\texcluded\t\topened after now\t\t"));
	assert_non_null(strstr(res.err, ":3: invalid record (strict) \"tier: unknown tier"));
	o.names = (sla_check_names){ "KEEP", "STRICT", "AS-OF" };
	check(&res, policy_text, stream, &o);
	assert_int_equal(res.rc, -1);
	assert_non_null(strstr(res.out, "\texcluded\t\topened after AS-OF\t\t"));
	assert_non_null(strstr(res.err, ":3: invalid record (STRICT) \"tier: unknown tier"));
	o = (sla_check_opts){ .now = T(0, 16, 0), .keep = keep, .nkeep = 1 };
	check(&res, policy_text, stream, &o);
	assert_int_equal(res.rc, -1);
	assert_string_equal(res.err, "sla-check: keep: is a column of the check stream already "
				     "\"status\"\n");
	keep[0] = "nosuch";
	o.names.keep = "KEEP";
	check(&res, policy_text, stream, &o);
	assert_non_null(strstr(res.err, ":1: nosuch: the ticket stream has no such column (KEEP)\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_status_of_a_running_clock),
		cmocka_unit_test(business_hours_count_only_inside_the_calendar),
		cmocka_unit_test(pauses_stop_the_clock_and_move_the_due_time),
		cmocka_unit_test(a_pause_never_moves_an_at_time_due_earlier),
		cmocka_unit_test(pauses_after_the_stop_change_nothing),
		cmocka_unit_test(agreed_deadlines_and_extensions),
		cmocka_unit_test(random_pauses_agree_with_counting_minutes),
		cmocka_unit_test(a_target_never_due_is_invalid),
		cmocka_unit_test(times_and_now_are_read_alike),
		cmocka_unit_test(status_names),
		cmocka_unit_test(rows_penalties_and_columns),
		cmocka_unit_test(invalid_excluded_and_kept_columns),
		cmocka_unit_test(fail_on_and_strict),
		cmocka_unit_test(pauses_from_the_stream_as_of_now),
		cmocka_unit_test(opened_after_now_is_excluded),
		cmocka_unit_test(stream_errors_are_fatal),
		cmocka_unit_test(the_caller_names_the_settings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
