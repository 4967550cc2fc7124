/* libFuzzer harness: every time form sla-parse reads (sla_timeform.h), and
 * strptime formats as --time-format gives them.
 *
 * The first byte chooses the day/month order told by the caller; the rest
 * is the value.  When the byte's high bit is set, the rest is a strptime
 * format, a newline, and the value.  Whatever reads must agree with
 * itself: an order told by the caller never changes a value that proves
 * its own order or is not a slash date, a wall-clock reading resolves in a
 * zone (or falls in its gap), and the instant written as RFC 3339 reads
 * back as the same instant in any form. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sla_timeform.h"
#include "sla_tz.h"

static void
round_trip(const sla_stamp *st)
{
	char err[128];
	sla_tz *tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	if (!tz)
		abort();
	int64_t utc = st->secs;
	if (st->has_offset || sla_tz_resolve(tz, st, &utc) == SLA_TZ_OK) {
		char buf[SLA_RFC3339_MAX];
		size_t n = sla_rfc3339_format(utc, st->has_offset ? st->offset : sla_tz_offset(tz, utc), buf);
		sla_stamp back;
		/* years 0001-9999 only: an epoch or offset may carry an instant
		 * out of them, and that must be refused, not wrapped */
		if (sla_timeform_parse(buf, n, SLA_ORDER_UNKNOWN, &back) == SLA_TF_OK &&
		    (!back.has_offset || back.secs != utc))
			abort();
	}
	sla_tz_free(tz);
}

static void
forms(const char *p, size_t n, enum sla_date_order order)
{
	sla_stamp st, told;
	int rc = sla_timeform_parse(p, n, order, &st);
	if (rc != SLA_TF_OK && rc != SLA_TF_BAD && rc != SLA_TF_AMBIGUOUS)
		abort();
	if (rc == SLA_TF_AMBIGUOUS && order != SLA_ORDER_UNKNOWN)
		abort();
	if (rc != SLA_TF_OK)
		return;
	/* what reads without being told the order reads the same when told */
	if (order == SLA_ORDER_UNKNOWN) {
		for (int o = SLA_ORDER_DMY; o <= SLA_ORDER_MDY; o++)
			if (sla_timeform_parse(p, n, (enum sla_date_order)o, &told) != SLA_TF_OK ||
			    told.secs != st.secs || told.has_offset != st.has_offset ||
			    (st.has_offset && told.offset != st.offset))
				abort();
	}
	enum sla_date_order proven = sla_timeform_evidence(p, n);
	if (proven != SLA_ORDER_UNKNOWN &&
	    (sla_timeform_parse(p, n, SLA_ORDER_UNKNOWN, &told) != SLA_TF_OK || told.secs != st.secs))
		abort();
	round_trip(&st);
}

static void
strptime_form(const char *p, size_t n)
{
	const char *nl = memchr(p, '\n', n);
	if (!nl || (size_t)(nl - p) > 64)
		return;
	char fmt[65];
	memcpy(fmt, p, (size_t)(nl - p));
	fmt[nl - p] = '\0';
	if (!sla_timeform_format_ok(fmt))
		return;
	sla_stamp st;
	if (sla_timeform_strptime(nl + 1, n - (size_t)(nl + 1 - p), fmt, &st) == SLA_TF_OK)
		round_trip(&st);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > 256)
		return 0;
	/* a copy of exactly the value's length: reading past it is a bug */
	size_t n = size - 1;
	char *p = malloc(n ? n : 1);
	if (!p)
		abort();
	memcpy(p, data + 1, n);
	if (data[0] & 0x80)
		strptime_form(p, n);
	else
		forms(p, n, (enum sla_date_order)(data[0] % 3));
	free(p);
	return 0;
}
