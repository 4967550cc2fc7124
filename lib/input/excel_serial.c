/* excel_serial.c: Excel's serial dates (see sla_excel_serial.h). */
#include "sla_excel_serial.h"

/* Fraction digits past the twelfth are not read: a trillionth of a day
 * is 86 ns. */
static const int64_t max_scale = 1000000000000;

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool
sla_excel_serial(const char *p, size_t n, bool date_1904, sla_stamp *out)
{
	const char *end = p + n;
	int64_t days = 0, frac = 0, scale = 1;

	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (end - p < 5 || !is_digit(p[0]) || p[0] == '0')
		return false;
	for (int i = 0; i < 5; i++, p++) {
		if (!is_digit(*p))
			return false;
		days = days * 10 + (*p - '0');
	}
	if (p < end && (*p == '.' || *p == ',')) {
		for (p++; p < end && is_digit(*p); p++)
			if (scale < max_scale) {
				frac = frac * 10 + (*p - '0');
				scale *= 10;
			}
	}
	if (p != end)
		return false;
	int64_t epoch = date_1904 ? sla_days_from_civil(1904, 1, 1)
				  : sla_days_from_civil(1899, 12, 30);
	int64_t secs = (frac * SLA_DAY + scale / 2) / scale;	/* to the nearest second */
	*out = (sla_stamp){ .secs = (epoch + days) * SLA_DAY + secs, .has_offset = false };
	return true;
}
