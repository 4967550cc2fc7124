/* Unit tests: the canonical column names of the ticket stream. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "sla_canon.h"

static void
canonical_columns_in_stream_order(void **state)
{
	(void)state;
	assert_int_equal(SLA_NCANON, 20);
	assert_string_equal(sla_canon_names[0], "id");
	assert_string_equal(sla_canon_names[SLA_COL_FIRST_RESPONSE], "first_response");
	assert_string_equal(sla_canon_names[SLA_NCANON - 1], "description");
	assert_int_equal(sla_canon_find("closed"), SLA_COL_CLOSED);
	assert_int_equal(sla_canon_find("Closed"), -1);
	int times = 0;
	for (int c = 0; c < SLA_NCANON; c++)
		times += sla_canon_is_time(c);
	assert_int_equal(times, 7);
	assert_false(sla_canon_is_time(SLA_COL_PAUSED));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical_columns_in_stream_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
