/* Unit tests: display width of UTF-8 text for the report's text tables. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_textwidth.h"
#include "sla_utf8.h"

static size_t
width(const char *s)
{
	return sla_text_width(s, strlen(s));
}

static void
ascii_is_one_column_a_byte(void **state)
{
	(void)state;
	assert_int_equal(width(""), 0);
	assert_int_equal(width("Northwind Traders, Ltd."), 23);
}

static void
chinese_and_fullwidth_are_two(void **state)
{
	(void)state;
	assert_int_equal(width("星河数据"), 8);
	assert_int_equal(width("不可抗力：台风"), 14);	/* the fullwidth colon too */
	assert_int_equal(width("SLA 履约报告"), 12);
	assert_int_equal(width("ＡＢ"), 4);		/* fullwidth Latin */
	assert_int_equal(width("한국"), 4);		/* Hangul */
	assert_int_equal(sla_codepoint_width(0x20000), 2);	/* CJK extension B */
}

static void
combining_marks_take_none(void **state)
{
	(void)state;
	assert_int_equal(width("e\xCC\x81"), 1);	/* e + combining acute */
	assert_int_equal(width("a\xE2\x80\x8B" "b"), 2);	/* zero-width space */
	assert_int_equal(width("—"), 1);		/* em dash: narrow here */
}

static void
bad_bytes_still_count(void **state)
{
	(void)state;
	assert_int_equal(width("\xFF\xFE"), 2);
	assert_int_equal(width("\xE6\x98"), 2);		/* a cut-off character */
	assert_int_equal(width("\xC0\xAF"), 2);		/* an overlong slash */
	uint32_t cp;
	assert_int_equal(sla_utf8_decode("\xED\xA0\x80", 3, &cp), 0);	/* a surrogate */
	assert_int_equal(sla_utf8_decode("\xE6\x98\x9F", 3, &cp), 3);
	assert_int_equal(cp, 0x661F);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_is_one_column_a_byte),
		cmocka_unit_test(chinese_and_fullwidth_are_two),
		cmocka_unit_test(combining_marks_take_none),
		cmocka_unit_test(bad_bytes_still_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
