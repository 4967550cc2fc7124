/* money.c: amounts as integer minor units, and percentages as ppm.
 * No floating point touches an amount (DESIGN §6). */
#include <stdbool.h>
#include <string.h>

#include "sla_money.h"

#define MONEY_MAX_DIGITS 6

/* Parse "I[.F]" into I * 10^DIGITS + F (F padded to DIGITS places).
 * Sign and overflow are checked; more fraction digits than DIGITS fail.
 * The magnitude is gathered unsigned against the exact bound of its sign
 * (INT64_MAX, or INT64_MAX + 1 below zero), so that every int64 is read
 * and nothing past one. */
static int
parse_fixed(const char *p, size_t n, int digits, bool allow_sign, int64_t *out)
{
	bool neg = false;
	size_t i = 0;
	uint64_t v = 0;
	int frac = -1;		/* fraction digits seen; -1 before the point */
	bool any = false;

	if (digits < 0 || digits > MONEY_MAX_DIGITS)
		return -1;
	if (allow_sign && n > 0 && (p[0] == '-' || p[0] == '+'))
		neg = p[i++] == '-';
	uint64_t bound = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		char c = p[i];
		if (c == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return -1;
		if (frac >= 0 && ++frac > digits)
			return -1;
		unsigned d = (unsigned)(c - '0');
		if (v > (bound - d) / 10)
			return -1;
		v = v * 10 + d;
		any = true;
	}
	if (!any || frac == 0)
		return -1;	/* "", ".", "5." */
	for (int k = frac < 0 ? 0 : frac; k < digits; k++) {
		if (v > bound / 10)
			return -1;
		v *= 10;
	}
	/* -(v - 1) - 1, not -v: a magnitude of INT64_MAX + 1 is INT64_MIN */
	*out = neg && v > 0 ? -(int64_t)(v - 1) - 1 : (int64_t)v;
	return 0;
}

int
sla_money_parse(const char *text, size_t n, int digits, int64_t *minor)
{
	return parse_fixed(text, n, digits, true, minor);
}

size_t
sla_money_format(int64_t minor, int digits, char *buf)
{
	char tmp[32];
	size_t t = 0, o = 0;
	/* Work on the magnitude as unsigned, so INT64_MIN is no trap. */
	uint64_t mag = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;

	do {
		tmp[t++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0 || t <= (size_t)digits);
	if (minor < 0)
		buf[o++] = '-';
	while (t > 0) {
		buf[o++] = tmp[--t];
		if (digits > 0 && t == (size_t)digits)
			buf[o++] = '.';
	}
	buf[o] = '\0';
	return o;
}

int
sla_percent_parse(const char *text, size_t n, int32_t *ppm)
{
	int64_t v;

	/* A percent with up to 4 decimals is exactly a whole number of ppm. */
	if (n < 2 || text[n - 1] != '%' || parse_fixed(text, n - 1, 4, false, &v) < 0)
		return -1;
	if (v > 1000000)
		return -1;	/* above 100 % means nothing for SLAs */
	*ppm = (int32_t)v;
	return 0;
}

size_t
sla_percent_format(int32_t ppm, char *buf)
{
	size_t n = sla_money_format(ppm, 4, buf);	/* 99.5000 */
	while (buf[n - 1] == '0')
		n--;
	if (buf[n - 1] == '.')
		n--;
	buf[n++] = '%';
	buf[n] = '\0';
	return n;
}

int
sla_money_add(int64_t a, int64_t b, int64_t *sum)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return -1;
	*sum = a + b;
	return 0;
}

int
sla_money_mul(int64_t a, int64_t b, int64_t *product)
{
	int64_t p;
	if (__builtin_mul_overflow(a, b, &p))
		return -1;
	*product = p;
	return 0;
}

/* AMOUNT * PPM would overflow for amounts above 9.2e12 minor units; split
 * AMOUNT into whole millions and a remainder instead, whose products fit:
 * (q * 10^6 + r) * ppm / 10^6 = q * ppm + r * ppm / 10^6. */
int64_t
sla_money_ppm(int64_t amount, int32_t ppm)
{
	int64_t q = amount / 1000000, r = amount % 1000000;
	return q * ppm + (r * ppm + 500000) / 1000000;
}
