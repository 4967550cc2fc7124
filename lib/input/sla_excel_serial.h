/* sla_excel_serial.h: Excel's serial dates, as exports write a time cell
 * Excel never formatted (46066.708333: 2026-02-14 17:00).
 *
 * A serial is days and a fraction of a day, counted on the wall clock of
 * the sheet (no zone), in one of Excel's two date systems:
 *
 *   1900  (Windows, and every workbook by default) day 1 is 1900-01-01,
 *         and day 60 is 1900-02-29, a day that never was (kept from Lotus
 *         1-2-3), so from day 61 on a serial counts from 1899-12-30;
 *   1904  (Mac Excel before 2011, and a workbook so set) day 0 is
 *         1904-01-01: the same date is 1462 fewer.
 *
 * The number alone cannot tell the systems apart: the caller says which.
 * Only five-digit serials are read (10000 to 99999, 1927 to 2173 in the
 * 1900 system): fewer digits are more likely a count than a date, and the
 * phantom day 60 is far below.  The fraction is rounded to the nearest
 * second; a comma may stand for the decimal point (a German Excel's CSV). */
#ifndef SLA_EXCEL_SERIAL_H
#define SLA_EXCEL_SERIAL_H

#include <stdbool.h>
#include <stddef.h>

#include "sla_time.h"

/* P[0..N) (blanks around it allowed) as a serial date into *OUT, a
 * wall-clock reading; DATE_1904: of the 1904 system.  False when it is
 * not one. */
bool sla_excel_serial(const char *p, size_t n, bool date_1904, sla_stamp *out);

#endif
