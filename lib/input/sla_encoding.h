/* sla_encoding.h: character encodings of exports, and their decoding to
 * UTF-8 (iconv).
 *
 * Detection: a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE); else
 * UTF-16 or UTF-32 seen in the zero bytes of ASCII text; else the header
 * line: not valid UTF-8 is a legacy encoding, evidently UTF-8 (valid, with
 * a character of three bytes or more) is UTF-8; else the sample: valid
 * UTF-8, or more of its lines valid UTF-8 than not, is UTF-8; else a
 * legacy encoding.  Which legacy encoding, uchardet says, held to what the
 * sample shows (encoding.c, legacy()): where it cannot settle it the guess
 * is GB18030 (Chinese Excel exports; a superset of GBK and GB2312), and
 * the guess is marked unsure for the caller to warn of.
 * Decoding never stops at an invalid sequence: it becomes U+FFFD and its
 * place is noted, so the reader can flag the record it falls in.  A NUL
 * (U+0000) is no text, and is replaced and noted the same way.  In an
 * ASCII-compatible encoding other than UTF-8, a line that is evidently
 * UTF-8 is read as UTF-8, not into mojibake, and noted too. */
#ifndef SLA_ENCODING_H
#define SLA_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* What detection found, and why. */
typedef struct sla_encoding_guess {
	const char *name;	/* an iconv name (static) */
	char why[128];		/* which rule decided, for -v and messages:
				 * "byte order mark", "valid UTF-8", ... */
	bool unsure;		/* the sample could not settle it: WHY says what
				 * the detector named, the caller warns */
} sla_encoding_guess;

/* The encoding of a sample P[0..N) taken from the start of a file into *G;
 * returns G->name.  A byte order mark is decoded like any character: the
 * reader drops the U+FEFF it becomes.  Costs one pass of the sample, and
 * for a legacy encoding uchardet's and one iconv pass more. */
const char *sla_encoding_detect(const unsigned char *p, size_t n, sla_encoding_guess *g);

typedef struct sla_decoder sla_decoder;

/* A decoder from ENCODING (any name iconv knows; "UTF-8" only validates).
 * NULL with the reason in ERR when the encoding is unknown. */
sla_decoder *sla_decoder_new(const char *encoding, char *err, size_t errlen);
void sla_decoder_free(sla_decoder *d);

/* Decode IN[0..N) to UTF-8.  Returns how many input bytes were used: a
 * sequence cut by the end of IN is left for the next call unless EOF.
 * *OUT, *OUTLEN receive the text (valid until the next call); *BAD and
 * *NBAD the offsets in it, ascending, of the U+FFFD that replaced
 * invalid input. */
size_t sla_decoder_run(sla_decoder *d, const char *in, size_t n, bool eof,
		       const char **out, size_t *outlen, const size_t **bad, size_t *nbad);

/* The offsets in the last run's text, ascending, where a line read as
 * UTF-8 begins (see above), and how many into *N.  Valid until the next
 * run.  Only whole lines are taken in such an encoding: a run then uses
 * the input up to its last line break (none, if it holds none and is
 * shorter than 64 KiB: offer more), unless EOF. */
const size_t *sla_decoder_utf8_lines(const sla_decoder *d, size_t *n);

#endif
