/* Unit tests: sla_map, the one hash table of lib/, and sla_hash (sla_map.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_map.h"

static void
numbers_keys_in_order_of_first_appearance(void **state)
{
	(void)state;
	sla_map *m = sla_map_new();
	assert_non_null(m);
	bool added = false;
	assert_int_equal(sla_map_count(m), 0);
	assert_int_equal(sla_map_find(m, "a", 1), SLA_MAP_NONE);
	assert_int_equal(sla_map_intern(m, "tier", 4, &added), 0);
	assert_true(added);
	assert_int_equal(sla_map_intern(m, "metric", 6, &added), 1);
	assert_true(added);
	assert_int_equal(sla_map_intern(m, "tier", 4, &added), 0);
	assert_false(added);
	assert_int_equal(sla_map_intern(m, "customer", 8, NULL), 2);
	assert_int_equal(sla_map_count(m), 3);
	assert_int_equal(sla_map_find(m, "metric", 6), 1);
	size_t n = 0;
	assert_string_equal(sla_map_key(m, 2, &n), "customer");
	assert_int_equal(n, 8);
	sla_map_free(m);
}

/* Keys are bytes, compared exactly: case, prefixes, NULs and the empty key
 * are keys of their own. */
static void
compares_keys_as_bytes(void **state)
{
	(void)state;
	sla_map *m = sla_map_new();
	assert_non_null(m);
	assert_int_equal(sla_map_intern(m, "Comment", 7, NULL), 0);
	assert_int_equal(sla_map_intern(m, "comment", 7, NULL), 1);
	assert_int_equal(sla_map_intern(m, "Comm", 4, NULL), 2);
	assert_int_equal(sla_map_intern(m, "a\0b", 3, NULL), 3);
	assert_int_equal(sla_map_intern(m, "a\0c", 3, NULL), 4);
	assert_int_equal(sla_map_intern(m, "", 0, NULL), 5);
	assert_int_equal(sla_map_find(m, "", 0), 5);
	assert_int_equal(sla_map_find(m, "a\0c", 3), 4);
	assert_int_equal(sla_map_find(m, "a", 1), SLA_MAP_NONE);
	size_t n = 9;
	assert_memory_equal(sla_map_key(m, 3, &n), "a\0b", 4);
	assert_int_equal(n, 3);
	sla_map_free(m);
}

/* Enough keys to grow the slots and the arena many times over: every key
 * keeps its number and its bytes. */
static void
keeps_every_key_through_growth(void **state)
{
	(void)state;
	enum { N = 20000 };
	sla_map *m = sla_map_new();
	assert_non_null(m);
	char k[32];
	for (size_t i = 0; i < N; i++) {
		int len = snprintf(k, sizeof k, "T-%06zu", i);
		bool added = false;
		assert_int_equal(sla_map_intern(m, k, (size_t)len, &added), i);
		assert_true(added);
	}
	assert_int_equal(sla_map_count(m), N);
	for (size_t i = 0; i < N; i++) {
		int len = snprintf(k, sizeof k, "T-%06zu", i);
		assert_int_equal(sla_map_find(m, k, (size_t)len), i);
		assert_string_equal(sla_map_key(m, i, NULL), k);
	}
	assert_int_equal(sla_map_find(m, "T-020000", 8), SLA_MAP_NONE);
	sla_map_free(m);
}

/* The hashed calls are the same map: a caller that hashed a key already
 * finds what the plain calls put in. */
static void
hashed_calls_agree_with_plain_ones(void **state)
{
	(void)state;
	sla_map *m = sla_map_new();
	assert_non_null(m);
	assert_int_equal(sla_map_intern(m, "INC0001", 7, NULL), 0);
	assert_int_equal(sla_map_find_hashed(m, "INC0001", 7, sla_hash("INC0001", 7)), 0);
	bool added = true;
	assert_int_equal(sla_map_intern_hashed(m, "INC0002", 7, sla_hash("INC0002", 7), &added), 1);
	assert_true(added);
	assert_int_equal(sla_map_find(m, "INC0002", 7), 1);
	sla_map_free(m);
}

/* The hash reads every byte, whatever the length, and the length itself. */
static void
hash_depends_on_every_byte(void **state)
{
	(void)state;
	const char base[] = "0123456789abcdefghijklmnopq";
	for (size_t n = 1; n < sizeof base; n++) {
		char k[sizeof base];
		memcpy(k, base, n);
		uint64_t h = sla_hash(k, n);
		for (size_t i = 0; i < n; i++) {
			k[i] ^= 1;
			assert_true(sla_hash(k, n) != h);
			k[i] ^= 1;
		}
		assert_true(sla_hash(k, n - 1) != h);
	}
	assert_true(sla_hash("", 0) == sla_hash(NULL, 0));
	assert_true(sla_hash("\0", 1) != sla_hash("", 0));
}

/* Ticket ids of neighbouring lengths do not collide: the length is mixed
 * in apart from the bytes ("T-6710" and "T-67710" differ by the length's
 * low bit in the very bits where their last bytes differ).  Over two
 * hundred thousand ids, every hash is its own. */
static int
by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void
ids_of_every_length_hash_apart(void **state)
{
	(void)state;
	assert_true(sla_hash("T-6710", 6) != sla_hash("T-67710", 7));
	enum { N = 200000 };
	uint64_t *h = malloc(N * sizeof *h);
	assert_non_null(h);
	for (int i = 0; i < N; i++) {
		char id[16];
		int n = snprintf(id, sizeof id, "T-%d", i);
		h[i] = sla_hash(id, (size_t)n);
	}
	qsort(h, N, sizeof *h, by_value);
	size_t same = 0;
	for (int i = 1; i < N; i++)
		same += h[i] == h[i - 1];
	assert_int_equal(same, 0);
	free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_keys_in_order_of_first_appearance),
		cmocka_unit_test(compares_keys_as_bytes),
		cmocka_unit_test(keeps_every_key_through_growth),
		cmocka_unit_test(hashed_calls_agree_with_plain_ones),
		cmocka_unit_test(hash_depends_on_every_byte),
		cmocka_unit_test(ids_of_every_length_hash_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
