/* encoding_samples.h: exports in legacy encodings that the encoding
 * tests share, so a sample uchardet names is the one tested without it. */
#ifndef ENCODING_SAMPLES_H
#define ENCODING_SAMPLES_H

/* Big5: a header and two tickets (priorities and customers in Chinese),
 * which uchardet names BIG5. */
#define SAMPLE_BIG5 "id,priority,customer\n1,\xBA\xF2\xAB\xE6,\xA5x\xA5_\xA5\xAB" \
		    "\xA5\xDF\xC1p\xA6X\xC2\xE5\xB0|\n2,\xA4@\xAF\xEB,\xB0\xAA\xB6" \
		    "\xAF\xB4\xE4\xB0\xC8\xA4\xC0\xA4\xBD\xA5q\n"

#endif
