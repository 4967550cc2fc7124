/* Unit tests: the one UTF-8 decoder of lib/ (sla_utf8.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_utf8.h"

static size_t
dec(const char *s, size_t n, uint32_t *cp)
{
	*cp = 0xFFFFFFFFu;
	return sla_utf8_decode(s, n, cp);
}

static void
decodes_each_length(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(dec("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(dec("\0", 1, &cp), 1);
	assert_int_equal(cp, 0);
	assert_int_equal(dec("\xC3\xA9", 2, &cp), 2);		/* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(dec("\xE4\xB8\xAD\xE6", 4, &cp), 3);	/* 中, more after */
	assert_int_equal(cp, 0x4E2D);
	assert_int_equal(dec("\xF0\x9F\x98\x80", 4, &cp), 4);	/* U+1F600 */
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(dec("\xF4\x8F\xBF\xBF", 4, &cp), 4);	/* the last code point */
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(dec("\xEF\xBB\xBF", 3, &cp), 3);	/* a byte-order mark */
	assert_int_equal(cp, 0xFEFF);
}

/* Table 3-7's edges: the first and last of each range, and the bytes just
 * outside it. */
static void
refuses_what_is_not_well_formed(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(dec("\x80", 1, &cp), 0);		/* a continuation byte */
	assert_int_equal(dec("\xC0\xAF", 2, &cp), 0);		/* overlong '/' */
	assert_int_equal(dec("\xC1\xBF", 2, &cp), 0);
	assert_int_equal(dec("\xC2\x80", 2, &cp), 2);
	assert_int_equal(dec("\xE0\x9F\xBF", 3, &cp), 0);	/* overlong */
	assert_int_equal(dec("\xE0\xA0\x80", 3, &cp), 3);
	assert_int_equal(cp, 0x800);
	assert_int_equal(dec("\xED\x9F\xBF", 3, &cp), 3);
	assert_int_equal(dec("\xED\xA0\x80", 3, &cp), 0);	/* a surrogate */
	assert_int_equal(dec("\xED\xBF\xBF", 3, &cp), 0);
	assert_int_equal(dec("\xF0\x8F\xBF\xBF", 4, &cp), 0);	/* overlong */
	assert_int_equal(dec("\xF0\x90\x80\x80", 4, &cp), 4);
	assert_int_equal(dec("\xF4\x90\x80\x80", 4, &cp), 0);	/* above U+10FFFF */
	assert_int_equal(dec("\xF5\x80\x80\x80", 4, &cp), 0);
	assert_int_equal(dec("\xFF", 1, &cp), 0);
	assert_int_equal(dec("\xE4\x38\xAD", 3, &cp), 0);	/* ASCII inside */
	assert_int_equal(cp, 0xFFFFFFFFu);			/* untouched on failure */
}

/* A sequence cut by the end of the bytes given is refused, never read past. */
static void
stops_at_the_end_of_the_bytes(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(dec("\xE4\xB8\xAD", 2, &cp), 0);
	assert_int_equal(dec("\xF0\x9F\x98\x80", 3, &cp), 0);
	assert_int_equal(dec("\xC3\xA9", 1, &cp), 0);
}

/* The pieces a validator is made of agree with the decoder. */
static void
lengths_and_prefixes(void **state)
{
	(void)state;
	assert_int_equal(sla_utf8_seq_len('a'), 1);
	assert_int_equal(sla_utf8_seq_len(0x80), 0);
	assert_int_equal(sla_utf8_seq_len(0xC1), 0);
	assert_int_equal(sla_utf8_seq_len(0xC2), 2);
	assert_int_equal(sla_utf8_seq_len(0xEF), 3);
	assert_int_equal(sla_utf8_seq_len(0xF4), 4);
	assert_int_equal(sla_utf8_seq_len(0xF5), 0);
	const unsigned char cut[] = { 0xE4, 0xB8 }, bad[] = { 0xE0, 0x80 };
	assert_true(sla_utf8_seq_ok(cut, 3, 2));	/* could go on */
	assert_false(sla_utf8_seq_ok(bad, 3, 2));	/* overlong already */
	assert_true(sla_utf8_continuation(0xBF));
	assert_false(sla_utf8_continuation(0xC2));
	assert_false(sla_utf8_continuation('a'));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_each_length),
		cmocka_unit_test(refuses_what_is_not_well_formed),
		cmocka_unit_test(stops_at_the_end_of_the_bytes),
		cmocka_unit_test(lengths_and_prefixes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
