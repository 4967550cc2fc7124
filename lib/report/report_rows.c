/* report_rows.c: reading one row of the check stream (report_int.h):
 * its columns by name, its status, its numbers, the periods it counts in,
 * and what makes it invalid (then it is counted and listed with the
 * reason, never dropped).  Reads a row; never counts or keeps one
 * (report.c does). */
#include <string.h>

#include "report_int.h"
#include "sla_money.h"

const char *const sla_rpt_col_names[RPT_NCOL] = {
	"id", "line", "customer", "tier", "metric", "start", "target_s",
	"elapsed_s", "overrun_s", "status", "penalty", "reason", "satisfaction", "opened",
	"calendar_note", "as_of",
};

/* Whether F is the C string S.  Inline, a byte at a time: the status is
 * a short word, and sla_field_eq's strlen and memcmp calls were most of
 * reading it. */
static inline bool
field_is(sla_field f, const char *s)
{
	for (size_t i = 0; i < f.n; i++)
		if (s[i] != f.p[i] || s[i] == '\0')
			return false;
	return s[f.n] == '\0';
}

/* The status named by F.  This runs per row: the names start with
 * distinct letters, so the first byte picks the one name to compare. */
static int
parse_status(sla_field f, sla_status *s)
{
	static const struct { char first; sla_status status; } by_first[] = {
		{ 'm', SLA_MET }, { 'b', SLA_BREACHED }, { 'o', SLA_OVERDUE },
		{ 'a', SLA_AT_RISK }, { 'p', SLA_PENDING }, { 'e', SLA_EXCLUDED },
		{ 'i', SLA_INVALID },
	};
	for (size_t i = 0; f.n > 0 && i < sizeof by_first / sizeof by_first[0]; i++)
		if (f.p[0] == by_first[i].first) {
			*s = by_first[i].status;
			return field_is(f, sla_status_name(*s)) ? 0 : -1;
		}
	return -1;
}

int64_t
sla_rpt_parse_count(sla_field f)
{
	int64_t v = 0;

	if (f.n == 0)
		return -1;
	if (f.n > 18)
		return -2;
	for (size_t i = 0; i < f.n; i++) {
		if (f.p[i] < '0' || f.p[i] > '9')
			return -2;
		v = v * 10 + (f.p[i] - '0');
	}
	return v;
}

/* A pending metric whose start has not happened yet: sla-check leaves
 * its start empty, and there is nothing wrong with it. */
static bool
start_not_yet(const sla_report *r, const rpt_row *w)
{
	return w->status == SLA_PENDING && rpt_field(r, w, RPT_COL_START).n == 0;
}

/* What is wrong with a row that its status needs, and in which column
 * (*BAD); NULL when nothing is.  Reads the penalty amount on the way. */
static const char *
row_problem(sla_report *r, rpt_row *w, enum rpt_col *bad)
{
	if (parse_status(rpt_field(r, w, RPT_COL_STATUS), &w->status) < 0)
		return *bad = RPT_COL_STATUS, "unknown status";
	if (w->status == SLA_EXCLUDED || w->status == SLA_INVALID)
		return NULL;
	if (w->period == SLA_NO_PERIOD && !start_not_yet(r, w))
		return *bad = RPT_COL_START, "cannot read start time";
	if (r->cfg.terms && rpt_counts_in_compliance(w->status)) {
		/* The contract's period is that of the ticket's opening.  A stream
		 * without an opened column (sla-check --keep opened) has the
		 * metric's start instead: the opening for every built-in metric,
		 * but not for a policy's metric that starts at another time. */
		sla_field opened = rpt_field(r, w, RPT_COL_OPENED);
		w->statement_period =
			sla_rpt_period_of(r->cfg.tz, &r->last_stamp, &r->statement_clock,
					  opened.n ? opened : rpt_field(r, w, RPT_COL_START));
		if (w->statement_period == SLA_NO_PERIOD)
			return *bad = RPT_COL_OPENED, "cannot read opened time";
	}
	if (w->elapsed < 0)
		return *bad = RPT_COL_ELAPSED, "cannot read elapsed seconds";
	if ((w->status == SLA_BREACHED || w->status == SLA_OVERDUE) && w->overrun < 0)
		return *bad = RPT_COL_OVERRUN, "cannot read overrun seconds";
	sla_field pen = rpt_field(r, w, RPT_COL_PENALTY);
	if (pen.n == 0 || !r->cfg.terms)
		return NULL;
	if (sla_money_parse(pen.p, pen.n, r->cfg.terms->minor_digits, &w->penalty) < 0)
		return *bad = RPT_COL_PENALTY, "cannot read penalty amount";
	if (w->penalty < 0)	/* a breach costs; it never pays */
		return *bad = RPT_COL_PENALTY, "a penalty is never negative";
	w->has_penalty = true;
	return NULL;
}

void
sla_rpt_read_row(sla_report *r, rpt_row *w, size_t ragged, const sla_field *nul, const char *file,
		 unsigned long line)
{
	enum rpt_col bad = RPT_COL_STATUS;

	w->why = NULL;
	w->has_penalty = false;
	w->penalty = 0;
	w->target = sla_rpt_parse_count(rpt_field(r, w, RPT_COL_TARGET));
	w->elapsed = sla_rpt_parse_count(rpt_field(r, w, RPT_COL_ELAPSED));
	w->overrun = sla_rpt_parse_count(rpt_field(r, w, RPT_COL_OVERRUN));
	w->statement_period = SLA_NO_PERIOD;
	w->period = sla_rpt_period_of(r->cfg.tz, &r->last_stamp, &r->report_clock,
				      rpt_field(r, w, RPT_COL_START));
	if (nul) {	/* its group would be another's, had the NUL ended the name */
		int len = nul->n < 128 ? (int)nul->n : 128;
		sla_diag_record(r->d, file, line, NULL, NULL, 0, "%.*s: NUL byte (read as U+FFFD)",
				len, nul->p);
		w->status = SLA_INVALID;
		w->why = "NUL byte (read as U+FFFD)";
	}
	if (ragged) {
		sla_diag_record(r->d, file, line, NULL, NULL, 0,
				"row has %zu fields, not the header's number", ragged);
		w->status = SLA_INVALID;
		w->why = "row has the wrong number of fields";
	}
	if (nul || ragged)
		return;
	const char *why = row_problem(r, w, &bad);
	if (!why && w->period == SLA_NO_PERIOD && start_not_yet(r, w))
		w->period = r->ticket_period; /* the period of its opening, if known */
	else if (!why && w->period != SLA_NO_PERIOD)
		r->ticket_period = w->period;
	if (why) {
		sla_field v = rpt_field(r, w, bad);
		sla_diag_record(r->d, file, line, sla_rpt_col_names[bad], v.p, v.n, "%s", why);
		w->status = SLA_INVALID;
		w->why = why;
	}
}
