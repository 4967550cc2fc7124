/* libFuzzer harness: RFC 3339 parsing, formatting and zone resolution.
 * Whatever parses must format back to a time that parses to the same
 * instant. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sla_time.h"
#include "sla_tz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sla_stamp st;
	if (sla_rfc3339_parse((const char *)data, size, &st) < 0)
		return 0;
	char err[128];
	sla_tz *tz = sla_tz_load("Europe/Berlin", err, sizeof err);
	if (!tz)
		abort();
	int64_t utc;
	if (sla_tz_resolve(tz, &st, &utc) == SLA_TZ_OK) {
		char buf[SLA_RFC3339_MAX];
		size_t n = sla_rfc3339_format(utc, sla_tz_offset(tz, utc), buf);
		sla_stamp back;
		if (sla_rfc3339_parse(buf, n, &back) < 0 || back.secs != utc)
			abort();
	}
	sla_tz_free(tz);
	return 0;
}
