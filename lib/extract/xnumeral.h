/* xnumeral.h: private to lib/extract/, the numbers of a letter: Arabic
 * digits (ASCII or full-width, with a decimal point) and Chinese numerals
 * (二十四, 两, 一百二十, 半), in thousandths so that 半 and 1.5 stay exact. */
#ifndef SLA_XNUMERAL_H
#define SLA_XNUMERAL_H

#include <stddef.h>
#include <stdint.h>

/* Above any number a time limit needs: a larger one is no duration. */
#define XNUM_MAX_MILLI ((int64_t)1000000000 * 1000)

/* The number at S[0..N) in thousandths in *MILLI: the bytes it takes, or
 * 0 when S does not start with one (or it is above XNUM_MAX_MILLI).
 * Decimals past the third are dropped. */
size_t xnum_read(const char *s, size_t n, int64_t *milli);

#endif
