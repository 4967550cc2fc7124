/* csv_span.c: the lines of a quoted field that look like records (see
 * sla_csv_span.h). */
#include <string.h>

#include "sla_csv_dialect.h"
#include "sla_csv_span.h"

/* The bytes of the time field go to PR->time; a line with more fields than
 * a record, or a time too long, is settled at once and the rest skipped. */
void
sla_csv_probe_feed(sla_csv_probe *pr, const sla_csv_shape *s, char delim, const char *p,
		   size_t n)
{
	const char *end = p + n;

	while (!pr->no && p < end) {
		const char *d = memchr(p, delim, (size_t)(end - p));
		const char *stop = d ? d : end;
		if (pr->delims <= s->time_col && memchr(p, '"', (size_t)(stop - p))) {
			pr->no = true;	/* a quote before the time: the field ends here */
			return;
		}
		if (pr->delims == s->time_col) {
			size_t k = (size_t)(stop - p);
			while (k > 0 && sla_csv_is_eol(p[k - 1]))
				k--;
			if (k > sizeof pr->time - pr->tlen) {
				pr->no = true;	/* too long for a time */
				return;
			}
			memcpy(pr->time + pr->tlen, p, k);
			pr->tlen += k;
		}
		if (!d)
			return;
		if (++pr->delims >= s->nfields)
			pr->no = true;	/* more fields than a record */
		p = d + 1;
	}
}

bool
sla_csv_probe_is_record(const sla_csv_probe *pr, const sla_csv_shape *s)
{
	return !pr->no && s->nfields > 0 && pr->delims + 1 == s->nfields && pr->tlen > 0 &&
	       s->is_time(pr->time, pr->tlen, s->ctx);
}
