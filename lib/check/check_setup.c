/* check_setup.c: before the first ticket (DESIGN §5): the stream columns
 * of every metric's start and stops and of the kept columns, found once; everything
 * a ticket needs, allocated once; a warning for each metric the stream
 * cannot assess. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"

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
metric_targeted(sla_policy *p, size_t k)
{
	for (size_t t = 0; t < sla_policy_ntiers(p); t++)
		if (sla_policy_tier_at(p, t)->targets[k].set)
			return true;
	return false;
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
			sla_diag_warn(ck->d, sla_reader_file(ck->r), 1, col, NULL, 0,
				      partial ? "%s: metric %s is met only where another stop "
						"proves it, its other rows are invalid"
					      : "%s: metric %s cannot be assessed, its rows are invalid",
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

/* The names of O, a NULL one the plain word; and the reason built from
 * the name of now. */
static void
name_settings(checker *ck)
{
	const sla_check_names *n = &ck->o->names;
	ck->names.keep = n->keep ? n->keep : "keep";
	ck->names.strict = n->strict ? n->strict : "strict";
	ck->names.now = n->now ? n->now : "now";
	snprintf(ck->opened_after, sizeof ck->opened_after, "opened after %s", ck->names.now);
}

static int
resolve_keep(checker *ck)
{
	for (size_t i = 0; i < ck->o->nkeep; i++) {
		const char *name = ck->o->keep[i];
		for (size_t c = 0; c < SLA_CHECK_NCOLUMNS; c++)
			if (strcmp(name, sla_check_columns[c]) == 0) {
				sla_diag_msg(ck->d, NULL, 0, ck->names.keep, name, strlen(name),
					     "is a column of the check stream already");
				return -1;
			}
		for (size_t j = 0; j < i; j++)
			if (strcmp(name, ck->o->keep[j]) == 0) {
				/* the check stream would have two columns of one name */
				sla_diag_msg(ck->d, NULL, 0, ck->names.keep, name, strlen(name),
					     "names this column twice");
				return -1;
			}
		if ((ck->keep[i] = sla_reader_column(ck->r, name)) < 0) {
			sla_diag_msg(ck->d, sla_reader_file(ck->r), 1, name, NULL, 0,
				     "%s (%s)", NO_SUCH_COLUMN, ck->names.keep);
			return -1;
		}
	}
	return 0;
}

void
sla_chk_free(checker *ck)
{
	free(ck->keep);
	sla_realigner_free(ck->realigner);
	free(ck->tcols);
	free(ck->m_start);
	free(ck->m_stops);
	free(ck->res);
	free(ck->agreed);
	free(ck->win);
	free(ck->windows);
	free(ck->pauses);
}

int
sla_chk_init(checker *ck)
{
	size_t nm = sla_policy_nmetrics(ck->p);
	name_settings(ck);
	ck->tz = sla_policy_tz(ck->p);
	/* the as_of column: the same text on every row, formatted once */
	ck->as_of_len = sla_rfc3339_format(ck->o->now, sla_tz_offset(ck->tz, ck->o->now), ck->as_of);
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
	if (resolve_keep(ck) < 0 || sla_chk_agreed_init(ck) < 0 || sla_chk_windows_init(ck) < 0)
		return -1;
	warn_absent_columns(ck);
	return 0;
}
