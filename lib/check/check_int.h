/* check_int.h: private to lib/check/, the checker's state shared by its
 * files: check_setup.c (the columns a policy needs, found once), check.c
 * (reading and measuring each ticket, the run), check_agreed.c (what a
 * ticket's own columns agree for one metric: due., extend., exclude.),
 * check_windows.c (the policy's windows in which no clock runs) and
 * check_rows.c (writing the check stream's rows).  Not for the tools:
 * they use sla_check.h. */
#ifndef SLA_CHECK_INT_H
#define SLA_CHECK_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_check.h"

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
	/* REASON holds what the row should say although it was measured: an
	 * agreement, a window that stopped the clock (check_agreed.c,
	 * check_windows.c) */
	bool noted;
	/* a due., extend. cell that cannot be read: measured without it (a
	 * `when` may ask for its elapsed time), but its own row is invalid
	 * with REASON */
	bool bad_agreement;
	char reason[REASON_MAX];	/* last: measure() clears what comes before */
} metric_result;

/* The columns in which a ticket says what was agreed for one metric,
 * "due.resolve", "extend.resolve", "exclude.resolve"; -1 when the stream
 * has none (check_agreed.c). */
typedef struct agreed_cols {
	int due, extend, exclude;
} agreed_cols;

enum { FMT_CACHE = 1024 };

/* The RFC 3339 text of a time on local day DAY at OFFSET. */
typedef struct time_text {
	int64_t day;
	int32_t offset;
	size_t len;		/* 0: empty */
	char text[SLA_RFC3339_MAX];
} time_text;

enum { STAMP_CACHE = 512 };

/* A day and offset of the stream's times already read: the text before
 * and after the clock of "2026-03-02T09:30:00+08:00" (11 and 6 bytes, with
 * its NULs), and the instant of its 00:00:00. */
typedef struct stamp_day {
	char key[18];
	int64_t base;
} stamp_day;

typedef struct checker {
	sla_policy *p;
	const sla_tz *tz;
	sla_reader *r;
	sla_writer *w;
	sla_diag *d;
	const sla_check_opts *o;
	sla_check_names names;	/* O's, a NULL one the plain word */
	char opened_after[REASON_MAX];	/* the reason a ticket opened after now is excluded */
	char as_of[SLA_RFC3339_MAX];	/* now in the policy's zone: the as_of column */
	size_t as_of_len;

	int c_id, c_line, c_customer, c_tier, c_exclude, c_error, c_paused;
	agreed_cols *agreed;	/* per metric */
	/* the policy's windows as of now (check_windows.c): sorted and
	 * merged for counting; each as the policy has it, for the reason */
	sla_interval *win;
	size_t nwin;
	sla_window *windows;
	size_t nwindows;
	int *keep;		/* the stream's column of each O->keep name */
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
	sla_interval *pauses;	/* MAX_PAUSES of the ticket's, and the windows */
	size_t npauses;
	char pause_reason[REASON_MAX];

	unsigned seen;		/* statuses written, as bits */
	/* the zone's offset OFF holds over [off_lo, off_hi) (check_rows.c) */
	int64_t off_lo, off_hi;
	int32_t off;
	time_text fmt[FMT_CACHE];
	stamp_day stamps[STAMP_CACHE];	/* key[0] NUL: empty */
} checker;

/* One row of the check stream, as check.c decides it. */
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

/* The current ticket's field of stream column COL; empty when the stream
 * has no such column (COL -1). */
static inline sla_field
field(const checker *ck, int col)
{
	return col < 0 ? (sla_field){ "", 0 } : ck->f[col];
}

/* The time column of metric K's Ith stop. */
static inline const time_col *
stop_col(const checker *ck, size_t k, size_t i)
{
	return &ck->tcols[ck->m_stops[k * SLA_MAX_STOPS + i]];
}

/* check_setup.c: find the columns the policy's metrics and O->keep name,
 * allocate everything a ticket needs, and warn once about a metric the
 * stream cannot assess.  0, or -1 after saying why through CK->d. */
int sla_chk_init(checker *ck);
void sla_chk_free(checker *ck);

/* check.c: append NOTE to RES's reason after "; ", and mark the row as
 * noted; a note that does not fit whole is left out, never cut. */
void sla_chk_note(metric_result *res, const char *note);
/* check.c: sort and merge intervals V[0..*N), so that none counts twice. */
void sla_chk_merge(sla_interval *v, size_t *n);
/* check.c: say why the field V of column COL cannot be read: a record
 * error, and REASON (REASON_MAX bytes). */
void sla_chk_bad_field(checker *ck, const char *col, sla_field v, const char *what, char *reason);

/* check_agreed.c: find the agreement columns of every metric, and warn
 * once about one that names no metric of the policy.  0, or -1 when out
 * of memory (said through CK->d). */
int sla_chk_agreed_init(checker *ck);
/* What the current ticket agreed for metric K, whose start is START:
 * into IN (has_deadline, deadline, extend_s), and its note into RES.
 * False when a cell cannot be read or the deadline is before the start:
 * RES->reason then says why. */
bool sla_chk_agreed(checker *ck, size_t k, int64_t start, sla_measure_in *in,
		    metric_result *res);
/* The current ticket's exclusion of metric K alone: its exclude.METRIC,
 * or empty. */
sla_field sla_chk_agreed_exclude(const checker *ck, size_t k);

/* check_windows.c: the policy's windows as of now, into CK->win and
 * CK->windows.  0, or -1 when out of memory. */
int sla_chk_windows_init(checker *ck);
/* Note in RES each window that stopped its clock: one whose overlap with
 * the clock's span, from its start to its stop or now, holds business
 * time on calendar CAL. */
void sla_chk_windows_note(checker *ck, sla_calendar *cal, metric_result *res);

/* check_rows.c: the header line, and one row. */
void sla_chk_write_header(checker *ck);
void sla_chk_write_row(checker *ck, const row *rw);
/* An invalid row with REASON (a ticket field when ESCAPED, written as it
 * came); under O->strict the end of the run: -1 after saying so. */
int sla_chk_write_invalid(checker *ck, row *rw, sla_field reason, bool escaped);

#endif
