/* sla_money.h: amounts as integer minor units, never floating point
 * (DESIGN §6).  CONTRACT shared by sla-check and sla-report. */
#ifndef SLA_MONEY_H
#define SLA_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Parse "500", "500.5", "20000.00" into minor units with DIGITS decimal
 * places (more places than DIGITS is an error).  Every int64 is read
 * exactly, "-92233720368547758.08" to "92233720368547758.07" with two
 * places; one minor unit past either end is refused.  Returns 0 or -1. */
int sla_money_parse(const char *text, size_t n, int digits, int64_t *minor);

/* Write MINOR as a decimal with DIGITS places: 123456 → "1234.56",
 * -5 → "-0.05".  Returns the length; BUF holds at least 32 bytes. */
size_t sla_money_format(int64_t minor, int digits, char *buf);

/* *SUM = A + B, exactly.  Returns 0, or -1 when the sum does not fit
 * (*SUM is then untouched): an amount is never wrapped or clamped. */
int sla_money_add(int64_t a, int64_t b, int64_t *sum);

/* *PRODUCT = A * B, exactly.  Returns 0, or -1 when the product does not
 * fit (*PRODUCT is then untouched). */
int sla_money_mul(int64_t a, int64_t b, int64_t *product);

/* PPM parts per million (0..10^6) of the non-negative AMOUNT, rounded half
 * up to the minor unit; exact for every AMOUNT, and never above it. */
int64_t sla_money_ppm(int64_t amount, int32_t ppm);

/* Parse a percentage "99%", "99.5%", "5%" into parts per million. */
int sla_percent_parse(const char *text, size_t n, int32_t *ppm);
/* Write PPM back as sla_percent_parse reads it, without trailing zeros:
 * 990000 → "99%", 995000 → "99.5%".  Returns the length; BUF holds at
 * least 32 bytes. */
size_t sla_percent_format(int32_t ppm, char *buf);

#endif
