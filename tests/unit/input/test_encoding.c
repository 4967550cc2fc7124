/* Unit tests: encoding detection, UTF-8 validation, decoding to UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_encoding.h"
#include "encoding_samples.h"
#include "sla_utf8.h"

static const char *
detect(const char *p, size_t n)
{
	sla_encoding_guess g;
	return sla_encoding_detect((const unsigned char *)p, n, &g);
}

/* Why detection chose; static storage, overwritten by the next call. */
static const char *
detect_why(const char *p, size_t n)
{
	static sla_encoding_guess g;
	sla_encoding_detect((const unsigned char *)p, n, &g);
	return g.why;
}

static void
detection(void **state)
{
	(void)state;
	assert_string_equal(detect("\xEF\xBB\xBFid,x", 7), "UTF-8");
	assert_string_equal(detect_why("\xEF\xBB\xBFid", 5), "byte order mark");
	assert_string_equal(detect("\xFF\xFEi\0d\0", 6), "UTF-16LE");
	assert_string_equal(detect("\xFE\xFF\0i\0d", 6), "UTF-16BE");
	assert_string_equal(detect("i\0d\0,\0x\0", 8), "UTF-16LE");
	assert_string_equal(detect("id,\xE5\xB7\xA5\xE5\x8D\x95", 9), "UTF-8");
	/* 工单 in GB18030 is not valid UTF-8 */
	assert_string_equal(detect("id,\xB9\xA4\xB5\xA5", 7), "GB18030");
	assert_string_equal(detect_why("id,\xB9\xA4\xB5\xA5", 7),
			    "not valid UTF-8; a guess: uchardet says WINDOWS-1252 on 4 bytes "
			    "above 0x7F, too few to tell");
	/* a sequence cut by the end of the sample is not held against UTF-8 */
	assert_string_equal(detect("id,\xE5\xB7", 5), "UTF-8");
}

static void
utf8_validation(void **state)
{
	(void)state;
	const unsigned char ok[] = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";
	assert_int_equal(sla_utf8_valid(ok, sizeof ok - 1), sizeof ok - 1);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"ab\xC0\xAF", 4), 2);	/* overlong */
	assert_int_equal(sla_utf8_valid((const unsigned char *)"\xED\xA0\x80", 3), 0);	/* surrogate */
	/* three-byte sequences take a path of their own: overlong, cut short, whole */
	assert_int_equal(sla_utf8_valid((const unsigned char *)"a\xE0\x80\xAF", 4), 1);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"\xE4\xB8\xAD\xE6\x96", 5), 3);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"\xE4\xB8\xAD\xE6\x96\x87", 6), 6);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"\xE4\x38\xAD", 3), 0);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"x\xFF", 2), 1);
	assert_int_equal(sla_utf8_valid((const unsigned char *)"x\xE4\xB8", 3), 1);	/* cut */
}

static void
utf8_passes_and_marks_invalid_bytes(void **state)
{
	(void)state;
	char err[64];
	const char *out;
	size_t outlen, nbad;
	const size_t *bad;
	sla_decoder *d = sla_decoder_new("UTF-8", err, sizeof err);
	assert_non_null(d);

	const char in[] = "ok \xE4\xB8\xAD";
	assert_int_equal(sla_decoder_run(d, in, 6, false, &out, &outlen, &bad, &nbad), 6);
	assert_ptr_equal(out, in);	/* valid text is not copied */
	assert_int_equal(nbad, 0);

	/* a character cut by the block's end waits for the next block */
	assert_int_equal(sla_decoder_run(d, in, 5, false, &out, &outlen, &bad, &nbad), 3);
	assert_int_equal(outlen, 3);

	const char badin[] = "a\xFF" "b\xE4\xB8";
	assert_int_equal(sla_decoder_run(d, badin, 5, true, &out, &outlen, &bad, &nbad), 5);
	assert_int_equal(nbad, 3);
	assert_memory_equal(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD", outlen);
	assert_int_equal(bad[0], 1);
	assert_int_equal(bad[1], 5);
	sla_decoder_free(d);
}

/* A NUL went through as text: the stream carried it raw, and under
 * --no-quote libcsv took it for the quote ("malformed quoting"). */
static void
nul_bytes_become_replacements(void **state)
{
	(void)state;
	char err[64];
	const char *out;
	size_t outlen, nbad;
	const size_t *bad;
	sla_decoder *d = sla_decoder_new("UTF-8", err, sizeof err);
	assert_non_null(d);
	const char in[] = "a\0b\xFF\0";
	assert_int_equal(sla_decoder_run(d, in, 5, true, &out, &outlen, &bad, &nbad), 5);
	assert_memory_equal(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD", outlen);
	assert_int_equal(nbad, 3);
	assert_int_equal(bad[0], 1);
	assert_int_equal(bad[1], 5);
	assert_int_equal(bad[2], 8);
	sla_decoder_free(d);

	d = sla_decoder_new("UTF-16LE", err, sizeof err);
	assert_non_null(d);
	assert_int_equal(sla_decoder_run(d, "i\0\0\0\xE5\x5D", 6, true, &out, &outlen, &bad, &nbad), 6);
	assert_memory_equal(out, "i\xEF\xBF\xBD\xE5\xB7\xA5", outlen);	/* i U+FFFD 工 */
	assert_int_equal(nbad, 1);
	assert_int_equal(bad[0], 1);
	sla_decoder_free(d);
}

static void
iconv_decodes_gb18030_and_utf16(void **state)
{
	(void)state;
	char err[64];
	const char *out;
	size_t outlen, nbad;
	const size_t *bad;

	sla_decoder *d = sla_decoder_new("GB18030", err, sizeof err);
	assert_non_null(d);
	/* 工单 then a lead byte cut by the block's end */
	assert_int_equal(sla_decoder_run(d, "\xB9\xA4\xB5\xA5\xB1", 5, false, &out, &outlen,
					 &bad, &nbad), 4);
	assert_memory_equal(out, "工单", outlen);
	/* 0xFF is no GB18030 lead byte */
	assert_int_equal(sla_decoder_run(d, "a\xFF" "b", 3, true, &out, &outlen, &bad, &nbad), 3);
	assert_memory_equal(out, "a\xEF\xBF\xBD" "b", outlen);
	assert_int_equal(nbad, 1);
	sla_decoder_free(d);

	d = sla_decoder_new("UTF-16LE", err, sizeof err);
	assert_non_null(d);
	assert_int_equal(sla_decoder_run(d, "\xFF\xFEi\0\xE5\x5D", 6, true, &out, &outlen, &bad,
					 &nbad), 6);
	assert_memory_equal(out, "\xEF\xBB\xBFi\xE5\xB7\xA5", outlen);	/* U+FEFF i 工 */
	sla_decoder_free(d);

	assert_null(sla_decoder_new("NO-SUCH-CHARSET", err, sizeof err));
	assert_string_equal(err, "unknown encoding \"NO-SUCH-CHARSET\"");
}

/* UTF-32LE's byte order mark begins with UTF-16LE's: it was read as
 * UTF-16LE.  ASCII text in UTF-32 has three zero bytes in four. */
static void
detection_of_utf32(void **state)
{
	(void)state;
	assert_string_equal(detect("\xFF\xFE\0\0i\0\0\0", 8), "UTF-32LE");
	assert_string_equal(detect("\0\0\xFE\xFF\0\0\0i", 8), "UTF-32BE");
	assert_string_equal(detect("i\0\0\0d\0\0\0,\0\0\0\xE5\x5D\0\0", 16), "UTF-32LE");
	assert_string_equal(detect("\0\0\0i\0\0\0d\0\0\0,\0\0\x5D\xE5", 16), "UTF-32BE");
	assert_string_equal(detect_why("i\0\0\0d\0\0\0,\0\0\0x\0\0\0", 16), "zero bytes of ASCII text");
	/* UTF-16 is still UTF-16 */
	assert_string_equal(detect("i\0d\0,\0x\0", 8), "UTF-16LE");
	assert_string_equal(detect("\0i\0d\0,\0x", 8), "UTF-16BE");
}

/* The header decides when it can; else the lines, by a vote. */
static void
detection_by_the_header(void **state)
{
	(void)state;
	/* 工单 in UTF-8, then 工单 in GB18030: the header was outvoted */
	const char mixed[] = "id,\xE5\xB7\xA5\xE5\x8D\x95\n1,\xB9\xA4\xB5\xA5\n2,\xB9\xA4\xB5\xA5\n";
	assert_string_equal(detect(mixed, sizeof mixed - 1), "UTF-8");
	assert_string_equal(detect_why(mixed, sizeof mixed - 1), "header valid UTF-8");
	/* a GB18030 header, then a UTF-8 line */
	const char gb[] = "id,\xB9\xA4\xB5\xA5\n1,\xE5\xB7\xA5\n";
	assert_string_equal(detect(gb, sizeof gb - 1), "GB18030");
	/* 状态 in GB18030 is valid UTF-8 in two-byte sequences: it decides
	 * nothing, and the GB18030 line below it does */
	const char zt[] = "id,\xD7\xB4\xCC\xAC\n1,\xB9\xA4\xB5\xA5\n";
	assert_string_equal(detect(zt, sizeof zt - 1), "GB18030");
	/* an ASCII header: more lines valid UTF-8 than not is UTF-8 */
	const char most[] = "id,x\n1,caf\xC3\xA9\n2,\xE4\xB8\xAD\n3,bad \xFF\n4,ok\n";
	assert_string_equal(detect(most, sizeof most - 1), "UTF-8");
	assert_string_equal(detect_why(most, sizeof most - 1), "mostly valid UTF-8");
	const char fewer[] = "id,x\n1,caf\xC3\xA9\n2,\xB9\xA4\n3,\xB5\xA5\n";
	assert_string_equal(detect(fewer, sizeof fewer - 1), "GB18030");
}

/* A GB18030 file with UTF-8 lines: those are read as UTF-8 (they were
 * mojibake, 宕机 as 瀹曟満) and noted; a GB18030 line that happens to be
 * valid UTF-8 in two-byte sequences (状态) stays GB18030. */
static void
utf8_lines_in_a_gb18030_file(void **state)
{
	(void)state;
	char err[64];
	const char *out;
	size_t outlen, nbad, nutf8;
	const size_t *bad, *utf8;
	sla_decoder *d = sla_decoder_new("GB18030", err, sizeof err);
	assert_non_null(d);

	const char in[] = "a,\xB9\xA4\xB5\xA5\nb,\xE5\xAE\x95\xE6\x9C\xBA\r\nc,\xD7\xB4\xCC\xAC\nd,\xE5\xAE";
	size_t n = sizeof in - 1;
	/* not the end: the last line waits for its break */
	assert_int_equal(sla_decoder_run(d, in, n, false, &out, &outlen, &bad, &nbad), n - 4);
	const char want[] = "a,工单\nb,宕机\r\nc,状态\n";
	assert_int_equal(outlen, sizeof want - 1);
	assert_memory_equal(out, want, outlen);
	utf8 = sla_decoder_utf8_lines(d, &nutf8);
	assert_int_equal(nutf8, 1);
	assert_int_equal(utf8[0], 9);	/* "b,宕机" */
	assert_int_equal(nbad, 0);

	/* at the end of the file, the last line is read (a cut UTF-8 character
	 * is not evidence) */
	assert_int_equal(sla_decoder_run(d, in + n - 4, 4, true, &out, &outlen, &bad, &nbad), 4);
	utf8 = sla_decoder_utf8_lines(d, &nutf8);
	assert_int_equal(nutf8, 0);

	/* a line cut before its break: judged whole.  A start that is no
	 * UTF-8 is read natively now, the rest of its line with it; a start
	 * that may be UTF-8 waits for the rest */
	assert_int_equal(sla_decoder_run(d, "x\xB9\xA4", 3, false, &out, &outlen, &bad, &nbad), 3);
	assert_memory_equal(out, "x工", outlen);
	assert_int_equal(sla_decoder_run(d, "\xE5\xAE\x95\xE6\nb,\xE5\xAE\x95\n", 11, true, &out,
					 &outlen, &bad, &nbad), 11);
	assert_memory_equal(out, "瀹曟\nb,宕\n", outlen);
	utf8 = sla_decoder_utf8_lines(d, &nutf8);
	assert_int_equal(nutf8, 1);
	assert_int_equal(utf8[0], 7);
	assert_int_equal(sla_decoder_run(d, "b,\xE5\xAE", 4, false, &out, &outlen, &bad, &nbad), 0);

	/* a NUL before a UTF-8 line moves it on with its U+FFFD */
	const char nul[] = "a\0\nb,\xE5\xAE\x95\n";
	assert_int_equal(sla_decoder_run(d, nul, sizeof nul - 1, true, &out, &outlen, &bad, &nbad),
			 sizeof nul - 1);
	assert_memory_equal(out, "a\xEF\xBF\xBD\nb,宕\n", outlen);
	utf8 = sla_decoder_utf8_lines(d, &nutf8);
	assert_int_equal(nutf8, 1);
	assert_int_equal(utf8[0], 5);
	assert_int_equal(nbad, 1);
	sla_decoder_free(d);

	/* UTF-16 is not read line by line */
	d = sla_decoder_new("UTF-16LE", err, sizeof err);
	assert_non_null(d);
	assert_int_equal(sla_decoder_run(d, "i\0\n\0", 4, true, &out, &outlen, &bad, &nbad), 4);
	sla_decoder_utf8_lines(d, &nutf8);
	assert_int_equal(nutf8, 0);
	sla_decoder_free(d);
}

static void
iconv_decodes_utf32(void **state)
{
	(void)state;
	char err[64];
	const char *out;
	size_t outlen, nbad;
	const size_t *bad;
	sla_decoder *d = sla_decoder_new("UTF-32LE", err, sizeof err);
	assert_non_null(d);
	/* i, then a code point above U+10FFFF (one U+FFFD, four bytes skipped), 工 */
	const char in[] = "i\0\0\0\0\0\x11\0\xE5\x5D\0\0";
	assert_int_equal(sla_decoder_run(d, in, 12, true, &out, &outlen, &bad, &nbad), 12);
	assert_memory_equal(out, "i\xEF\xBF\xBD\xE5\xB7\xA5", outlen);
	assert_int_equal(nbad, 1);
	sla_decoder_free(d);
}

/* A legacy encoding is uchardet's to name (it was GB18030 whatever the
 * text), held to what the sample shows. */
static void
legacy_encodings_are_detected(void **state)
{
	(void)state;
	sla_encoding_guess g;
	/* Big5, read as Windows' Big5 */
	const char big5[] = SAMPLE_BIG5;
	assert_string_equal(sla_encoding_detect((const unsigned char *)big5, sizeof big5 - 1, &g),
			    "CP950");
	assert_string_equal(g.why, "not valid UTF-8; uchardet says BIG5");
	assert_false(g.unsure);
	/* German in Windows-1252 */
	const char cp[] = "id,customer\n1,M\xFCller & S\xF6hne\n2,B\xE4" "ckerei Sch\xE4" "fer\n"
			  "3,G\xE4rtnerei Gr\xFCn\n4,Caf\xE9 M\xFChlenhof\n5,Stra\xDF" "e \x96 "
			  "\x84Nord\x93\n6,K\xF6hler & Partner, Gr\xF6\xDF" "ler\n"
			  "7,Zo\xEB Brandt, J\xFCrgen Wei\xDF\n";
	assert_string_equal(sla_encoding_detect((const unsigned char *)cp, sizeof cp - 1, &g),
			    "WINDOWS-1252");
	assert_false(g.unsure);
	/* a few words: a guess, GB18030 where it reads */
	assert_string_equal(detect("id,\xB9\xA4\xB5\xA5", 7), "GB18030");
	sla_encoding_detect((const unsigned char *)"id,\xB9\xA4\xB5\xA5", 7, &g);
	assert_true(g.unsure);
	/* else WINDOWS-1252 where that reads, and no line is valid UTF-8 */
	const char few[] = "id,customer\n1,Caf\xE9 Am Markt\n";
	assert_string_equal(detect(few, sizeof few - 1), "WINDOWS-1252");
	const char damaged[] = "id,x\n1,caf\xC3\n2,\xFF\xFE ok\n3,caf\xC3\xA9\n";
	assert_string_equal(detect(damaged, sizeof damaged - 1), "GB18030");
	/* Chinese that the detector takes for Greek: its bytes come in pairs
	 * and read as GB18030 */
	const char gb[] = "id,name\n0,\xBF\xCD\xBB\xA7\n1,\xD5\xD4\xC7\xBF\n2,\xBF\xA8\xD6"
			  "\xBD\n3,\xB7\xB4\xC0\xA1\n";
	assert_string_equal(sla_encoding_detect((const unsigned char *)gb, sizeof gb - 1, &g),
			    "GB18030");
	assert_true(g.unsure);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detection),
		cmocka_unit_test(utf8_validation),
		cmocka_unit_test(utf8_passes_and_marks_invalid_bytes),
		cmocka_unit_test(nul_bytes_become_replacements),
		cmocka_unit_test(iconv_decodes_gb18030_and_utf16),
		cmocka_unit_test(detection_of_utf32),
		cmocka_unit_test(legacy_encodings_are_detected),
		cmocka_unit_test(detection_by_the_header),
		cmocka_unit_test(utf8_lines_in_a_gb18030_file),
		cmocka_unit_test(iconv_decodes_utf32),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
