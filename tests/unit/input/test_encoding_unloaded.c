/* Unit tests: encoding detection where uchardet cannot be loaded.  The
 * decoder is built here with a library name that is not installed; the
 * archive's copy is then never linked, every symbol being defined here. */
#define UCHARDET_SONAME "libsla-test-no-such-uchardet.so.0"
#include "encoding.c"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "encoding_samples.h"

/* The Big5 sample uchardet names (test_encoding.c): without it, the guess,
 * marked as one, and why. */
static void
without_uchardet_the_guess_is_marked(void **state)
{
	(void)state;
	sla_encoding_guess g;
	const char big5[] = SAMPLE_BIG5;
	assert_string_equal(sla_encoding_detect((const unsigned char *)big5, sizeof big5 - 1, &g),
			    "GB18030");
	assert_true(g.unsure);
	assert_string_equal(g.why, "not valid UTF-8; a guess: uchardet "
			    "(libsla-test-no-such-uchardet.so.0) is not installed");
}

/* UTF-8 never asks uchardet: the same answer as with it. */
static void
utf8_does_not_need_it(void **state)
{
	(void)state;
	sla_encoding_guess g;
	assert_string_equal(sla_encoding_detect((const unsigned char *)"id,\xE5\xB7\xA5\xE5\x8D\x95",
						 9, &g), "UTF-8");
	assert_false(g.unsure);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(without_uchardet_the_guess_is_marked),
		cmocka_unit_test(utf8_does_not_need_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
