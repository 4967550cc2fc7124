/* check_windows.c: the policy's [exclude] windows (sla-policy(5)), the
 * hours of a force majeure in which no clock runs.  As of now, as pauses
 * are: a window that begins after now has not happened, one that ends
 * after it is still running.  For counting they join the pauses of every
 * metric, pausable or not (check.c); here they are prepared once and
 * named in the reason of each row whose clock they stopped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "sla_stream_fields.h"

int
sla_chk_windows_init(checker *ck)
{
	const sla_window *w;
	size_t n = sla_policy_windows(ck->p, &w);
	ck->win = calloc(n ? n : 1, sizeof *ck->win);
	ck->windows = calloc(n ? n : 1, sizeof *ck->windows);
	ck->pauses = calloc(MAX_PAUSES + n, sizeof *ck->pauses);
	if (!ck->win || !ck->windows || !ck->pauses) {
		sla_diag_msg(ck->d, NULL, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (w[i].start > ck->o->now)
			continue;	/* not begun as of now */
		sla_window v = w[i];
		if (v.end > ck->o->now)
			v.end = INT64_MAX;	/* still running as of now */
		ck->windows[ck->nwindows++] = v;
		ck->win[ck->nwin++] = (sla_interval){ v.start, v.end };
	}
	sla_chk_merge(ck->win, &ck->nwin);
	return 0;
}

void
sla_chk_windows_note(checker *ck, sla_calendar *cal, metric_result *res)
{
	int64_t from = res->start;
	int64_t to = res->m.stopped ? res->stop : ck->o->now;
	for (size_t i = 0; i < ck->nwindows && from < to; i++) {
		const sla_window *w = &ck->windows[i];
		int64_t a = w->start > from ? w->start : from;
		int64_t b = w->end < to ? w->end : to;
		if (a >= b || sla_business(cal, a, b) <= 0)
			continue;
		char start[SLA_RFC3339_MAX], end[SLA_RFC3339_MAX], note[REASON_MAX];
		sla_stream_time_write(w->start, ck->tz, start);
		if (w->end == INT64_MAX)
			snprintf(note, sizeof note, "exclude %s: no clock runs from %s on", w->name,
				 start);
		else {
			sla_stream_time_write(w->end, ck->tz, end);
			snprintf(note, sizeof note, "exclude %s: no clock runs from %s to %s", w->name,
				 start, end);
		}
		sla_chk_note(res, note);
	}
}
