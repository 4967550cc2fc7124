/* libFuzzer harness: sla-check's pricing of a breach (sla_penalty.h), on
 * "D OVERRUN RULE": D picks the minor digits, OVERRUN is seconds,
 * RULE a penalty rule ("2 10800 90000000000000000.00/h").  A rule that
 * reads must read back the same from its amounts written out, and its
 * price must be the exact one -- worked out here in 128 bits -- or the
 * refusal of an amount that does not fit; nothing else may happen. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_money.h"
#include "sla_penalty.h"

__extension__ typedef __int128 wide;

/* RULE's amounts written out and read again: the same rule. */
static void
reads_back(const sla_penalty *pen, int digits)
{
	char f[32], r[32], m[32], text[160];
	sla_money_format(pen->fixed, digits, f);
	sla_money_format(pen->rate, digits, r);
	sla_money_format(pen->max, digits, m);
	if (pen->unit_s > 0)
		snprintf(text, sizeof text, "%s + %s/%llds%s%s", f, r, (long long)pen->unit_s,
			 pen->has_max ? " max " : "", pen->has_max ? m : "");
	else
		snprintf(text, sizeof text, "%s%s%s", f, pen->has_max ? " max " : "",
			 pen->has_max ? m : "");
	sla_penalty again;
	char err[128];
	if (sla_penalty_parse(text, digits, &again, err, sizeof err) != 0 ||
	    again.fixed != pen->fixed || again.has_max != pen->has_max ||
	    (pen->has_max && again.max != pen->max) || again.unit_s != pen->unit_s ||
	    (pen->unit_s > 0 && again.rate != pen->rate))
		abort();
}

/* The price, from the rule's parts, in 128 bits: never above the maximum,
 * and exactly what sla_penalty_amount says, or more than fits. */
static void
priced_exactly(const sla_penalty *pen, int64_t overrun_s)
{
	wide started = pen->rate > 0 && pen->unit_s > 0 && overrun_s > 0
		? (overrun_s - 1) / pen->unit_s + 1 : 0;
	wide want = (wide)pen->fixed + started * pen->rate;
	if (pen->has_max && want > pen->max)
		want = pen->max;
	int64_t got = -7;
	int rc = sla_penalty_amount(pen, overrun_s, &got);
	if (want <= INT64_MAX ? rc != 0 || got != want : rc != -1 || got != -7)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[512];
	if (size < 2 || size >= sizeof buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	/* the parser reads 0 to 6 digits; "2" is 2, any other byte one of them */
	unsigned char d = (unsigned char)buf[0];
	int digits = d >= '0' && d <= '6' ? d - '0' : d % 7;
	char *end;
	long long overrun = strtoll(buf + 1, &end, 10);
	if (*end == ' ')
		end++;
	sla_penalty pen;
	char err[128] = "";
	int rc = sla_penalty_parse(end, digits, &pen, err, sizeof err);
	if (rc == -1 && !err[0])
		abort();	/* refused without saying why */
	if (rc == -1)
		return 0;
	if (rc != 0 || pen.fixed < 0 || pen.rate < 0 || pen.max < 0 || pen.unit_s < 0)
		abort();
	reads_back(&pen, digits);
	priced_exactly(&pen, (int64_t)overrun);
	return 0;
}
