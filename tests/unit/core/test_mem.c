/* Unit tests: sla_grow, the one array growth of lib/ (sla_mem.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "sla_mem.h"

static void
grows_by_doubling_and_keeps_the_contents(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0;

	assert_true(sla_grow((void **)&v, &cap, 1, sizeof *v));
	assert_int_equal(cap, 8);
	for (int i = 0; i < 8; i++)
		v[i] = i;
	assert_true(sla_grow((void **)&v, &cap, 5, sizeof *v)); /* room already */
	assert_int_equal(cap, 8);
	assert_true(sla_grow((void **)&v, &cap, 9, sizeof *v));
	assert_int_equal(cap, 16);
	assert_true(sla_grow((void **)&v, &cap, 100, sizeof *v));
	assert_int_equal(cap, 128);
	for (int i = 0; i < 8; i++)
		assert_int_equal(v[i], i);
	free(v);
}

/* A size in bytes that does not fit in size_t is refused before realloc
 * is asked, and leaves the array as it was. */
static void
refuses_sizes_that_overflow(void **state)
{
	(void)state;
	char *v = NULL;
	size_t cap = 0;

	assert_true(sla_grow((void **)&v, &cap, 3, 1));
	memcpy(v, "ab", 3);
	char *before = v;
	/* Doubling reaches 2^61 elements of 8 bytes: 2^64 bytes. */
	assert_false(sla_grow((void **)&v, &cap, SIZE_MAX / 8 + 1, 8));
	/* Doubling itself would overflow: the need is taken as it is. */
	assert_false(sla_grow((void **)&v, &cap, SIZE_MAX, 2));
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 8);
	assert_string_equal(v, "ab");
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_by_doubling_and_keeps_the_contents),
		cmocka_unit_test(refuses_sizes_that_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
