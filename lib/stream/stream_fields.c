/* stream_fields.c: the stream's time and paused cells (see sla_stream_fields.h). */
#include <string.h>

#include "sla_stream_fields.h"


/* Each interval: two times, '/' and the ';' before the next. */
size_t
sla_paused_max(size_t n)
{
	return n * (2 * SLA_RFC3339_MAX + 2) + 1;
}

size_t
sla_paused_write(const sla_pause *p, size_t n, const sla_tz *tz, char *out)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			out[len++] = ';';
		len += sla_stream_time_write(p[i].start, tz, out + len);
		out[len++] = '/';
		if (!p[i].open)
			len += sla_stream_time_write(p[i].end, tz, out + len);
	}
	out[len] = '\0';
	return len;
}

/* "start/end": a start, and an end that is empty or not before it. */
static bool
read_interval(const sla_tz *tz, sla_field v, sla_pause *p)
{
	const char *slash = memchr(v.p, '/', v.n);
	const char *what;
	if (!slash ||
	    sla_stream_time_read(tz, (sla_field){ v.p, (size_t)(slash - v.p) }, &p->start, &what) <= 0)
		return false;
	sla_field e = { slash + 1, v.n - (size_t)(slash + 1 - v.p) };
	int rc = sla_stream_time_read(tz, e, &p->end, &what);
	p->open = rc == 0;
	return rc > 0 ? p->end >= p->start : rc == 0;
}

int
sla_paused_next(const sla_tz *tz, sla_field *rest, sla_pause *p, sla_field *text)
{
	while (rest->n > 0) {
		const char *semi = memchr(rest->p, ';', rest->n);
		size_t len = semi ? (size_t)(semi - rest->p) : rest->n;
		*text = (sla_field){ rest->p, len };
		rest->p += semi ? len + 1 : len;
		rest->n -= semi ? len + 1 : len;
		if (len > 0)
			return read_interval(tz, *text, p) ? 1 : -1;
	}
	return 0;
}
