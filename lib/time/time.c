/* time.c: civil calendar arithmetic and RFC 3339 text. */
#include <stdio.h>
#include <string.h>

#include "sla_time.h"

int64_t
sla_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Howard Hinnant's algorithms, on 400-year eras that begin on March 1st.
 * Within an era the arithmetic is done in 32 unsigned bits, and the era of
 * a year or day after year 0 by unsigned division: the streams convert
 * several times a row, and signed 64-bit floor division by constants costs
 * several times more. */
int64_t
sla_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = y >= 0 ? (int64_t)((uint64_t)y / 400) : sla_floor_div(y, 400);
	uint32_t yoe = (uint32_t)(y - era * 400);
	uint32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
sla_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t z = days + 719468;
	int64_t era = z >= 0 ? (int64_t)((uint64_t)z / 146097) : sla_floor_div(z, 146097);
	uint32_t doe = (uint32_t)(z - era * 146097);
	uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	uint32_t mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

size_t
sla_date_format(int64_t day, char *out)
{
	int64_t y;
	unsigned m, d;
	sla_civil_from_days(day, &y, &m, &d);
	int n = snprintf(out, SLA_DATE_MAX, "%04lld-%02u-%02u", (long long)y, m, d);
	return n < 0 ? 0 : (size_t)n;
}

unsigned
sla_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3). */
	int64_t w = (days + 3) % 7;
	return (unsigned)(w < 0 ? w + 7 : w);
}

bool
sla_leap_year(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned
sla_days_in_month(int64_t y, unsigned m)
{
	static const unsigned char len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && sla_leap_year(y) ? 29 : len[m - 1];
}

/* N decimal digits at P as a number, or -1. */
static int
digits(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* The zone part: Z, ±HH:MM, ±HHMM or ±HH, exactly filling [p, end). */
static int
parse_offset(const char *p, const char *end, int32_t *off)
{
	size_t n = (size_t)(end - p);
	int h, m = 0;

	if (n == 1 && (*p == 'Z' || *p == 'z')) {
		*off = 0;
		return 0;
	}
	if (n < 3 || (*p != '+' && *p != '-'))
		return -1;
	h = digits(p + 1, 2);
	if (n == 6 && p[3] == ':')
		m = digits(p + 4, 2);
	else if (n == 5)
		m = digits(p + 3, 2);
	else if (n != 3)
		return -1;
	if (h < 0 || m < 0 || h > 23 || m > 59)
		return -1;
	*off = (int32_t)((h * 60 + m) * 60) * (*p == '-' ? -1 : 1);
	return 0;
}

int
sla_rfc3339_parse(const char *p, size_t n, sla_stamp *out)
{
	const char *end = p + n;
	int y, mo, d, h, mi, s = 0;

	if (n < 16 || p[4] != '-' || p[7] != '-' ||
	    (p[10] != 'T' && p[10] != 't' && p[10] != ' ') || p[13] != ':')
		return -1;
	y = digits(p, 4);
	mo = digits(p + 5, 2);
	d = digits(p + 8, 2);
	h = digits(p + 11, 2);
	mi = digits(p + 14, 2);
	p += 16;
	if (p < end && *p == ':') {
		if (end - p < 3 || (s = digits(p + 1, 2)) < 0)
			return -1;
		p += 3;
		if (p < end && (*p == '.' || *p == ',')) {
			const char *f = ++p;
			while (p < end && *p >= '0' && *p <= '9')
				p++;
			if (p == f)
				return -1;
		}
	}
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > (int)sla_days_in_month(y, (unsigned)mo) ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || s > 60)
		return -1;
	if (s == 60) /* a leap second reads as the last second of its minute */
		s = 59;
	int64_t secs = sla_days_from_civil(y, (unsigned)mo, (unsigned)d) * SLA_DAY
		     + h * 3600 + mi * 60 + s;
	if (p == end) {
		*out = (sla_stamp){ .secs = secs, .offset = 0, .has_offset = false };
		return 0;
	}
	int32_t off;
	if (parse_offset(p, end, &off) < 0)
		return -1;
	*out = (sla_stamp){ .secs = secs - off, .offset = off, .has_offset = true };
	return 0;
}

/* Two digits of V (below 100); unsigned, so that / and % are cheap. */
static char *
put2(char *o, uint32_t v)
{
	o[0] = (char)('0' + v / 10);
	o[1] = (char)('0' + v % 10);
	return o + 2;
}

/* "T09:30:00+08:00", second SOD of its day at OFFSET (whole minutes), at
 * O with a NUL after it: returns where the NUL is. */
static char *
put_clock(char *o, uint32_t sod, int32_t offset)
{
	uint32_t a = (uint32_t)(offset < 0 ? -offset : offset);

	*o++ = 'T';
	o = put2(o, sod / 3600);
	*o++ = ':';
	o = put2(o, sod / 60 % 60);
	*o++ = ':';
	o = put2(o, sod % 60);
	*o++ = offset < 0 ? '-' : '+';
	o = put2(o, a / 3600);
	*o++ = ':';
	o = put2(o, a / 60 % 60);
	*o = '\0';
	return o;
}

/* Written digit by digit: the check stream formats several times a row. */
size_t
sla_rfc3339_format(int64_t utc, int32_t offset, char *out)
{
	/* RFC 3339 offsets have no seconds, but local mean time before a zone
	 * adopted standard time does (Berlin: +00:53:28).  Show such a time at
	 * the whole-minute offset, so that the text still names the exact
	 * instant. */
	offset -= offset % 60;
	int64_t local = utc + offset;
	int64_t days = sla_floor_div(local, SLA_DAY);
	uint32_t sod = (uint32_t)(local - days * SLA_DAY);
	int64_t y;
	unsigned m, d;
	char *o = out;

	sla_civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		int len = snprintf(out, SLA_RFC3339_MAX, "%lld", (long long)y);
		o = out + (len < 0 ? 0 : len);
	} else {
		o = put2(o, (uint32_t)y / 100);
		o = put2(o, (uint32_t)y % 100);
	}
	*o++ = '-';
	o = put2(o, m);
	*o++ = '-';
	o = put2(o, d);
	return (size_t)(put_clock(o, sod, offset) - out);
}

size_t
sla_rfc3339_format_memo(int64_t utc, int32_t offset, sla_rfc3339_days *memo, char *out)
{
	int32_t whole = offset - offset % 60;	/* as sla_rfc3339_format */
	int64_t local = utc + whole;
	int64_t day = sla_floor_div(local, SLA_DAY);
	struct sla_rfc3339_day *slot = &memo->slot[(uint64_t)day % SLA_RFC3339_DAYS];

	if (slot->set && slot->day == day) {
		memcpy(out, slot->date, sizeof slot->date);
		uint32_t sod = (uint32_t)(local - day * SLA_DAY);
		return (size_t)(put_clock(out + sizeof slot->date, sod, whole) - out);
	}
	size_t n = sla_rfc3339_format(utc, offset, out);
	if (out[sizeof slot->date] == 'T') {	/* a date of ten bytes (most) */
		memcpy(slot->date, out, sizeof slot->date);
		slot->day = day;
		slot->set = true;
	}
	return n;
}
