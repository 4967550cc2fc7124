/* Unit tests: a cell's three forms -- for people, for programs (the whole
 * report's tsv and csv) and for tools (--table: sla_cell_data) -- and the
 * ids of the tables for tools, each once (their keys' uniqueness is
 * sla-report-tables.bats's, over real tables). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_report_table.h"

static const char *
form(sla_cell c, int which)
{
	static char out[SLA_CELL_MAX];
	char buf[SLA_CELL_MAX];
	sla_field f = which == 2 ? sla_cell_data(&c, buf) : sla_cell_text(&c, which == 1, buf);
	memcpy(out, f.p, f.n);
	out[f.n] = '\0';
	return out;
}

static void
a_ratio_is_a_percentage_for_people_and_a_fraction_for_tools(void **state)
{
	(void)state;
	sla_cell c = { .kind = SLA_CELL_RATIO, .a = 19799, .b = 20000 };
	assert_string_equal(form(c, 0), "98.99%");
	assert_string_equal(form(c, 1), "98.99%");
	assert_string_equal(form(c, 2), "0.989950");
	c = (sla_cell){ .kind = SLA_CELL_RATIO, .a = 2, .b = 3 };
	assert_string_equal(form(c, 2), "0.666666");	/* rounded down */
	c = (sla_cell){ .kind = SLA_CELL_RATIO, .a = 0, .b = 0 };
	assert_string_equal(form(c, 0), "-");
	assert_string_equal(form(c, 2), "");
}

static void
the_contracts_percentages_are_exact(void **state)
{
	(void)state;
	sla_cell c = { .kind = SLA_CELL_PPM, .a = 51250 };
	assert_string_equal(form(c, 0), "5.1250%");
	assert_string_equal(form(c, 2), "0.051250");
	c.a = 950000;
	assert_string_equal(form(c, 0), "95.00%");
	assert_string_equal(form(c, 2), "0.950000");
	c.a = 999950;
	assert_string_equal(form(c, 0), "99.9950%");
	assert_true(sla_cell_numeric(&c));
}

static void
other_cells_are_as_for_programs(void **state)
{
	(void)state;
	sla_cell c = { .kind = SLA_CELL_SECONDS, .a = 93850 };
	assert_string_equal(form(c, 0), "26:04:10");
	assert_string_equal(form(c, 2), "93850");
	c = (sla_cell){ .kind = SLA_CELL_MONEY, .a = 260000, .b = 2 };
	assert_string_equal(form(c, 2), "2600.00");
	c = (sla_cell){ .kind = SLA_CELL_NONE };
	assert_string_equal(form(c, 2), "");
	c = (sla_cell){ .kind = SLA_CELL_TEXT, .text = "=1+1" };
	assert_string_equal(form(c, 2), "=1+1");	/* the csv writer guards it */
}

static void
every_table_id_once(void **state)
{
	(void)state;
	size_t n = 0;
	for (; sla_table_ids[n]; n++)
		for (size_t k = 0; k < n; k++)
			assert_string_not_equal(sla_table_ids[k], sla_table_ids[n]);
	assert_int_equal(n, 11);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_ratio_is_a_percentage_for_people_and_a_fraction_for_tools),
		cmocka_unit_test(the_contracts_percentages_are_exact),
		cmocka_unit_test(other_cells_are_as_for_programs),
		cmocka_unit_test(every_table_id_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
