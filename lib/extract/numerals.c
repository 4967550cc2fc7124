/* numerals.c: reading the numbers of a letter (xnumeral.h).
 *
 * Chinese numerals are read the way they are said: a digit, then its
 * multiplier (十 百 千), the sections summed: 二十四 = 2×10 + 4, 十五 =
 * 10 + 5 (a leading 十 is 一十), 一百零五 = 100 + 5.  半 alone is one half;
 * "一个半" is read by the duration pattern as 1 and a half. */
#include <stdbool.h>
#include <string.h>

#include "sla_utf8.h"
#include "xnumeral.h"

/* The value of a Chinese digit or multiplier CP: 0-9 for digits, 10, 100
 * or 1000 for multipliers, -1 for anything else. */
static int
han_value(uint32_t cp)
{
	static const struct { uint32_t cp; int v; } tab[] = {
		{ 0x96F6, 0 }, { 0x3007, 0 }, { 0x4E00, 1 }, { 0x4E8C, 2 }, { 0x4E24, 2 },
		{ 0x4E09, 3 }, { 0x56DB, 4 }, { 0x4E94, 5 }, { 0x516D, 6 }, { 0x4E03, 7 },
		{ 0x516B, 8 }, { 0x4E5D, 9 }, { 0x5341, 10 }, { 0x767E, 100 }, { 0x5343, 1000 },
	};
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
		if (tab[i].cp == cp)
			return tab[i].v;
	return -1;
}

/* An Arabic digit, ASCII or full-width: 0-9, else -1. */
static int
digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

static size_t
arabic(const char *s, size_t n, int64_t *milli)
{
	int64_t whole = 0, frac = 0, scale = 1000;
	size_t i = 0, k;
	uint32_t cp;
	bool point = false, any = false;
	while (i < n && (k = sla_utf8_decode(s + i, n - i, &cp)) > 0) {
		int d = digit_value(cp);
		if (d < 0 && !point && (cp == '.' || cp == 0xFF0E) && i + k < n) {
			uint32_t next;
			if (sla_utf8_decode(s + i + k, n - i - k, &next) && digit_value(next) >= 0) {
				point = true;
				i += k;
				continue;
			}
		}
		if (d < 0)
			break;
		any = true;
		if (!point) {
			if (whole > XNUM_MAX_MILLI / 10000)
				return 0;
			whole = whole * 10 + d;
		} else if (scale > 1) {
			scale /= 10;
			frac += d * scale;
		}
		i += k;
	}
	if (!any)
		return 0;
	*milli = whole * 1000 + frac;
	return i;
}

static size_t
chinese(const char *s, size_t n, int64_t *milli)
{
	int64_t total = 0, digit = -1;
	size_t i = 0, k;
	uint32_t cp;
	bool after_mult = false;
	while (i < n && (k = sla_utf8_decode(s + i, n - i, &cp)) > 0) {
		int v = han_value(cp);
		if (v < 0)
			break;
		if (v >= 10) {
			total += (digit < 0 ? 1 : digit) * v;
			digit = -1;
			after_mult = true;
		} else if (v == 0 && after_mult) {
			;	/* 一百零五: 零 only holds a place */
		} else {
			if (digit >= 0)	/* 二四: digits spelt out one by one */
				total = total * 10 + digit * 10;
			digit = v;
		}
		if (total > XNUM_MAX_MILLI / 1000)
			return 0;
		i += k;
	}
	if (i == 0)
		return 0;
	*milli = (total + (digit < 0 ? 0 : digit)) * 1000;
	return i;
}

size_t
xnum_read(const char *s, size_t n, int64_t *milli)
{
	static const char half[] = "\xE5\x8D\x8A";	/* 半 */
	if (n >= 3 && memcmp(s, half, 3) == 0) {
		*milli = 500;
		return 3;
	}
	size_t k = arabic(s, n, milli);
	return k ? k : chinese(s, n, milli);
}
