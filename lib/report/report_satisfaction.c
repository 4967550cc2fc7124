/* report_satisfaction.c: customer satisfaction, where the check stream
 * carries it (report_int.h): scores 1-5 and percentages kept apart, each
 * ticket counted once per group.  Reads the `satisfaction` column only. */
#include "report_int.h"
#include "sla_report_table.h"

/* A decimal with up to two places, in hundredths; -1 when it is not one. */
static int64_t
parse_hundredths(const char *p, size_t n)
{
	int64_t v = 0;
	size_t i = 0, places = 0;
	bool dot = false;

	if (n == 0 || n > 12)
		return -1;
	for (; i < n; i++) {
		if (p[i] == '.' && !dot && i > 0) {
			dot = true;
			continue;
		}
		if (p[i] < '0' || p[i] > '9' || places == 2)
			return -1;
		v = v * 10 + (p[i] - '0');
		places += dot;
	}
	while (places++ < 2)
		v *= 10;
	return v;
}

static void
satisfaction_add(sla_satisfaction *s, sla_field f)
{
	bool percent = f.n > 0 && f.p[f.n - 1] == '%';
	int64_t v = parse_hundredths(f.p, f.n - percent);

	if (v >= 100 && v <= 500 && v % 100 == 0 && !percent) {
		s->scores[v / 100 - 1]++;
		s->nscores++;
	} else if (v >= 0 && v <= 10000 && (percent || v > 500)) {
		s->npercent++;
		s->percent_sum += v;
		s->percent_band[v >= 10000 ? 4 : v / 2000]++;
	} else {
		s->unreadable++;
	}
}

/* Its rows come one after another, so the groups it reached so far
 * suffice. */
void
sla_rpt_note_satisfaction(sla_report *r, const rpt_row *w, sla_satisfaction *s, size_t gi)
{
	sla_field sat = rpt_field(r, w, RPT_COL_SATISFACTION);

	if (sat.n == 0)
		return;
	for (size_t i = 0; i < r->nseen; i++)
		if (r->seen[i] == gi)
			return;
	if (r->nseen < RPT_SEEN_MAX)
		r->seen[r->nseen++] = gi;
	satisfaction_add(s, sat);
}

bool
sla_satisfaction_score_sum(const sla_satisfaction *s, int64_t *sum)
{
	int64_t total = 0, part;
	for (int k = 0; k < 5; k++)
		if (s->scores[k] > INT64_MAX ||
		    __builtin_mul_overflow((int64_t)s->scores[k], (k + 1) * 100, &part) ||
		    __builtin_add_overflow(total, part, &total))
			return false;
	*sum = total;
	return true;
}

bool
sla_satisfaction_mean_text(int64_t sum, uint64_t n, char *buf)
{
	if (n == 0 || n > INT64_MAX / 100)
		return false;
	sla_format_fixed(sum, (int64_t)n * 100, 2, buf);
	return true;
}
