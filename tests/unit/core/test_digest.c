/* Unit tests: the stable digest (sla_digest.h), FNV-1a 64: the published
 * test vectors, a digest continued piece by piece, and its hex form. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_digest.h"

static void
published_vectors(void **state)
{
	(void)state;
	/* from the FNV reference test suite (draft-eastlake-fnv) */
	assert_true(sla_digest(SLA_DIGEST_INIT, "", 0) == UINT64_C(0xcbf29ce484222325));
	assert_true(sla_digest(SLA_DIGEST_INIT, "a", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(sla_digest(SLA_DIGEST_INIT, "foobar", 6) == UINT64_C(0x85944171f73967e8));
}

static void
pieces_make_the_whole(void **state)
{
	(void)state;
	const char *text = "sla-report partial\tpart\t2\t9";
	uint64_t whole = sla_digest(SLA_DIGEST_INIT, text, strlen(text));
	for (size_t cut = 0; cut <= strlen(text); cut++) {
		uint64_t h = sla_digest(SLA_DIGEST_INIT, text, cut);
		assert_true(sla_digest(h, text + cut, strlen(text) - cut) == whole);
	}
}

static void
hex_both_ways(void **state)
{
	(void)state;
	char buf[17];
	uint64_t h;
	assert_string_equal(sla_digest_hex(UINT64_C(0x85944171f73967e8), buf), "85944171f73967e8");
	assert_int_equal(sla_digest_parse(buf, 16, &h), 0);
	assert_true(h == UINT64_C(0x85944171f73967e8));
	assert_string_equal(sla_digest_hex(0, buf), "0000000000000000");
	assert_int_equal(sla_digest_parse("85944171F73967E8", 16, &h), -1);	/* lower case only */
	assert_int_equal(sla_digest_parse("85944171f73967e", 15, &h), -1);
	assert_int_equal(sla_digest_parse("85944171f73967eg", 16, &h), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(published_vectors),
		cmocka_unit_test(pieces_make_the_whole),
		cmocka_unit_test(hex_both_ways),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
