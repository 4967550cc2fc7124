/* Unit tests: comma-separated lists (sla_list.h). */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "sla_list.h"

/* The items of LIST, each in brackets: "[a][][b]"; ALL: the loop that
 * keeps a trailing empty item, else the one that stops at the end. */
static void
items(const char *list, bool all, char *out, size_t room)
{
	size_t o = 0;
	out[0] = '\0';
	for (const char *s = list; all ? s != NULL : s != NULL && *s;) {
		size_t len;
		const char *item = sla_list_next(&s, &len);
		o += (size_t)snprintf(out + o, room - o, "[%.*s]", (int)len, item);
	}
}

static void
splits_at_every_comma(void **state)
{
	(void)state;
	char got[128];
	items("breach,overdue", true, got, sizeof got);
	assert_string_equal(got, "[breach][overdue]");
	items("a,,b", true, got, sizeof got);
	assert_string_equal(got, "[a][][b]");
	items(" tier , metric", true, got, sizeof got);	/* blanks are the caller's */
	assert_string_equal(got, "[ tier ][ metric]");
	items("a,", true, got, sizeof got);
	assert_string_equal(got, "[a][]");
	items("", true, got, sizeof got);
	assert_string_equal(got, "[]");
	items(",", true, got, sizeof got);
	assert_string_equal(got, "[][]");
}

static void
the_other_loop_drops_a_trailing_empty_item(void **state)
{
	(void)state;
	char got[128];
	items("a,", false, got, sizeof got);
	assert_string_equal(got, "[a]");
	items("", false, got, sizeof got);
	assert_string_equal(got, "");
	items("a,,b", false, got, sizeof got);
	assert_string_equal(got, "[a][][b]");
}

static void
counts_what_the_split_gives(void **state)
{
	(void)state;
	assert_int_equal(sla_list_count(""), 1);
	assert_int_equal(sla_list_count("a"), 1);
	assert_int_equal(sla_list_count("a,,b"), 3);
	assert_int_equal(sla_list_count("a,"), 2);
}

static void
knows_the_chinese_separators(void **state)
{
	(void)state;
	const char *t = "a,b，c、d";
	const char *end = t + strlen(t);
	assert_int_equal(sla_list_separator(t + 1, end), 1);
	assert_int_equal(sla_list_separator(t + 3, end), 3);	/* ， */
	assert_int_equal(sla_list_separator(t + 7, end), 3);	/* 、 */
	assert_int_equal(sla_list_separator(t, end), 0);
	assert_int_equal(sla_list_separator(t + 3, t + 5), 0);	/* cut by the end */
	assert_int_equal(sla_list_separator(end, end), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_at_every_comma),
		cmocka_unit_test(the_other_loop_drops_a_trailing_empty_item),
		cmocka_unit_test(counts_what_the_split_gives),
		cmocka_unit_test(knows_the_chinese_separators),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
