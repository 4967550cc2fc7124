/* Unit tests: the quoted value of a message (sla_diag_quote), and the
 * warnings that a level holds back (sla_diag_warn). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_diag.h"

static const char *
quote(const char *v)
{
	static char buf[4 * SLA_DIAG_VALUE_MAX + 16];
	sla_diag_quote(buf, sizeof buf, v, strlen(v));
	return buf;
}

static void
plain_values_are_quoted_as_they_are(void **state)
{
	(void)state;
	assert_string_equal(quote("2026-13-45"), "\"2026-13-45\"");
	assert_string_equal(quote("星河数据"), "\"星河数据\"");
	assert_string_equal(quote("a \"b\" c:\\d"), "\"a \\\"b\\\" c:\\\\d\"");
}

static void
controls_bidi_and_bad_bytes_are_shown(void **state)
{
	(void)state;
	assert_string_equal(quote("a\tb\nc\r"), "\"a\\tb\\nc\\r\"");
	assert_string_equal(quote("X\033]0;PWNED\007\x7f"), "\"X\\x1b]0;PWNED\\x07\\x7f\"");
	assert_string_equal(quote("abc\xE2\x80\xAE" "fdp.exe"), "\"abc<U+202E>fdp.exe\"");
	assert_string_equal(quote("caf\xE9 \xC2\x9B"), "\"caf\\xe9 <U+009B>\"");
}

static void
a_long_value_is_cut_at_a_character(void **state)
{
	(void)state;
	char v[3 * 40 + 1] = "";
	for (int i = 0; i < 40; i++)
		strcat(v, "星");
	const char *q = quote(v);
	/* 80 bytes hold 26 whole characters (78 bytes) */
	assert_int_equal(strlen(q), 1 + 78 + 3 + 1);
	assert_memory_equal(q + 1 + 78, "...\"", 4);

	/* the worst case: every byte four times as long, and still whole */
	char bad[SLA_DIAG_VALUE_MAX + 1];
	memset(bad, '\xff', SLA_DIAG_VALUE_MAX);
	bad[SLA_DIAG_VALUE_MAX] = '\0';
	assert_int_equal(strlen(quote(bad)), 2 + 4 * SLA_DIAG_VALUE_MAX);

	char small[16];
	assert_int_equal(sla_diag_quote(small, sizeof small, "\x1b\x1b\x1b\x1b", 4), 13);
	assert_string_equal(small, "\"\\x1b\\x1b...\"");
}

/* What sla_diag_warn and sla_diag_msg write at LEVEL. */
static char *
said_at(enum sla_diag_level level)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	sla_diag d = sla_diag_init("t");

	assert_non_null(out);
	assert_int_equal(d.level, SLA_DIAG_WARNINGS);
	d.out = out;
	d.level = level;
	sla_diag_warn(&d, "f.tsv", 1, "onsite", NULL, 0, "no such column: metric %s", "onsite");
	sla_diag_warn(&d, "r.rules", 3, NULL, "nosuch", 6, "the input has no such column");
	sla_diag_msg(&d, "f.tsv", 7, "opened", "2026-13-45", 10, "cannot read time");
	fclose(out);
	return text;
}

static void
warnings_are_said_unless_the_level_holds_them_back(void **state)
{
	(void)state;
	char *all = said_at(SLA_DIAG_WARNINGS);
	assert_string_equal(all,
		"t: f.tsv:1: onsite: warning: no such column: metric onsite\n"
		"t: r.rules:3: warning: the input has no such column \"nosuch\"\n"
		"t: f.tsv:7: opened: cannot read time \"2026-13-45\"\n");
	free(all);
	char *errors = said_at(SLA_DIAG_ERRORS);
	assert_string_equal(errors, "t: f.tsv:7: opened: cannot read time \"2026-13-45\"\n");
	free(errors);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_values_are_quoted_as_they_are),
		cmocka_unit_test(controls_bidi_and_bad_bytes_are_shown),
		cmocka_unit_test(a_long_value_is_cut_at_a_character),
		cmocka_unit_test(warnings_are_said_unless_the_level_holds_them_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
