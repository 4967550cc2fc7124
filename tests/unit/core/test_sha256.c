/* Unit tests: SHA-256 as hex (sla_sha256.h), against FIPS 180-2's
 * examples and sha256sum(1). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_sha256.h"

static void
known_digests(void **state)
{
	(void)state;
	char hex[SLA_SHA256_HEX];
	assert_string_equal(sla_sha256_hex("", 0, hex),
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(sla_sha256_hex("abc", 3, hex),
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* two blocks */
	static const char two[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	assert_string_equal(sla_sha256_hex(two, strlen(two), hex),
			    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* Bytes, not a C string: a NUL inside counts. */
static void
counts_every_byte(void **state)
{
	(void)state;
	char a[SLA_SHA256_HEX], b[SLA_SHA256_HEX];
	sla_sha256_hex("a\0b", 3, a);
	sla_sha256_hex("a", 1, b);
	assert_string_not_equal(a, b);
	assert_int_equal(strlen(a), 64);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_digests),
		cmocka_unit_test(counts_every_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
