/* sla_textwidth.h: how many terminal columns UTF-8 text takes.
 *
 * East Asian Wide and Fullwidth characters (UAX #11: CJK ideographs, kana,
 * Hangul, fullwidth forms, most emoji) take two columns, combining marks and
 * zero-width characters none, everything else one.  Enough to align tables
 * of Chinese and English text on a terminal or in a mail. */
#ifndef SLA_TEXTWIDTH_H
#define SLA_TEXTWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns taken by the code point CP: 0, 1 or 2. */
int sla_codepoint_width(uint32_t cp);

/* Columns taken by the N bytes of UTF-8 at S.  A byte that does not start
 * a valid sequence counts as one column, so bad input still aligns. */
size_t sla_text_width(const char *s, size_t n);

#endif
