/* sla_money.h: amounts as integer minor units, never floating point
 * (DESIGN §6).  CONTRACT shared by sla-check and sla-report. */
#ifndef SLA_MONEY_H
#define SLA_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Parse "500", "500.5", "20000.00" into minor units with DIGITS decimal
 * places (more places than DIGITS is an error).  Returns 0 or -1. */
int sla_money_parse(const char *text, size_t n, int digits, int64_t *minor);

/* Write MINOR as a decimal with DIGITS places: 123456 → "1234.56",
 * -5 → "-0.05".  Returns the length; BUF holds at least 32 bytes. */
size_t sla_money_format(int64_t minor, int digits, char *buf);

/* Parse a percentage "99%", "99.5%", "5%" into parts per million. */
int sla_percent_parse(const char *text, size_t n, int32_t *ppm);

#endif
