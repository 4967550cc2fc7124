/* Unit tests: header names counted, and the stream's unique names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_colnames.h"

static void
counts_each_name_and_its_first_column(void **state)
{
	(void)state;
	sla_colnames *s = sla_colnames_new();
	assert_non_null(s);
	size_t first = 99;
	assert_int_equal(sla_colnames_add(s, "Comment", 7, 3, &first), 1);
	assert_int_equal(first, 3);
	assert_int_equal(sla_colnames_add(s, "comment", 7, 4, &first), 1);	/* exact bytes */
	assert_int_equal(sla_colnames_add(s, "Comment", 7, 9, &first), 2);
	assert_int_equal(first, 3);
	assert_true(sla_colnames_has(s, "Comment", 7));
	assert_false(sla_colnames_has(s, "Comm", 4));
	sla_colnames_free(s);
}

/* The next name for a header: NAME, export.NAME, export.NAME.K. */
static void
want_name(sla_colnames *s, const char *header, size_t occurrence, const char *want)
{
	char *got = sla_colnames_unique(s, header, occurrence, 0);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
repeated_names_become_export_names(void **state)
{
	(void)state;
	sla_colnames *s = sla_colnames_new();
	assert_non_null(s);
	assert_int_equal(sla_colnames_add(s, "line", 4, 0, NULL), 1);	/* a canonical name */
	want_name(s, "Comment", 1, "Comment");
	want_name(s, "Comment", 2, "export.Comment");
	want_name(s, "Comment", 3, "export.Comment.3");
	want_name(s, "Comment", 4, "export.Comment.4");
	want_name(s, "line", 1, "export.line");
	want_name(s, "line", 2, "export.line.2");
	/* the first of its header, but after a canonical column took it */
	want_name(s, "Description", 2, "export.Description");
	/* an export's own "export.Comment.5" moves the 5th on */
	want_name(s, "export.Comment.5", 1, "export.Comment.5");
	want_name(s, "Comment", 5, "export.Comment.6");
	sla_colnames_free(s);
}

static void
a_wide_header_is_read_whole(void **state)
{
	(void)state;
	sla_colnames *s = sla_colnames_new();
	assert_non_null(s);
	char name[32];
	for (size_t i = 0; i < 100000; i++) {
		int n = snprintf(name, sizeof name, "c%zu", i % 50000);
		assert_int_equal(sla_colnames_add(s, name, (size_t)n, i, NULL), i < 50000 ? 1 : 2);
	}
	sla_colnames_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_each_name_and_its_first_column),
		cmocka_unit_test(repeated_names_become_export_names),
		cmocka_unit_test(a_wide_header_is_read_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
