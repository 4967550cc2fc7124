/* Unit tests: which characters are unsafe to show, their visible forms, and
 * the walk every writer of text for people shares (sla_visible.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_visible.h"

/* The text shown with every unsafe unit in its visible form: what the
 * walk hands out, put back together. */
typedef struct shown {
	char buf[4096];
	size_t n, runs, units;
} shown;

static void
shown_run(void *ctx, const char *p, size_t n)
{
	shown *s = ctx;
	assert_true(n > 0);
	memcpy(s->buf + s->n, p, n);
	s->n += n;
	s->runs++;
}

static void
shown_unsafe(void *ctx, const sla_unsafe *u)
{
	shown *s = ctx;
	s->n += sla_visible_form(u, s->buf + s->n);
	s->units++;
}

static const char *
show(const char *p, size_t n, shown *s)
{
	static const sla_visible_ops ops = { shown_run, shown_unsafe };
	memset(s, 0, sizeof *s);
	sla_visible_walk(p, n, &ops, s);
	s->buf[s->n] = '\0';
	return s->buf;
}

static const char *
show_str(const char *p, shown *s)
{
	return show(p, strlen(p), s);
}

static void
printable_text_is_one_run(void **state)
{
	(void)state;
	shown s;
	assert_string_equal(show_str("INC-1001 星河数据 e\xCC\x81 \xF0\x9F\x98\x80 ~", &s),
			    "INC-1001 星河数据 e\xCC\x81 \xF0\x9F\x98\x80 ~");
	assert_int_equal(s.runs, 1);
	assert_int_equal(s.units, 0);
	assert_string_equal(show_str("", &s), "");
	assert_int_equal(s.runs, 0);
	sla_unsafe u;
	assert_int_equal(sla_visible_run("abc", 3, &u), 3);
}

static void
every_c0_control_and_del_is_hex(void **state)
{
	(void)state;
	shown s;
	char text[2];
	for (int c = 0; c < 0x20; c++) {
		text[0] = (char)c;
		show(text, 1, &s);
		assert_int_equal(s.units, 1);
		if (c == '\t' || c == '\n' || c == '\r')
			assert_int_equal(s.n, 2);
		else
			assert_int_equal(s.n, 4);
	}
	assert_string_equal(show("\x00", 1, &s), "\\x00");
	assert_string_equal(show_str("X\033]0;PWNED\007\033[2J", &s), "X\\x1b]0;PWNED\\x07\\x1b[2J");
	assert_string_equal(show_str("a\tb\nc\rd\x7f", &s), "a\\tb\\nc\\rd\\x7f");
	sla_unsafe u;
	assert_int_equal(sla_visible_run("ab\x1b" "c", 4, &u), 2);
	assert_int_equal(u.kind, SLA_UNSAFE_CONTROL);
	assert_int_equal(u.cp, 0x1b);
	assert_int_equal(u.len, 1);
}

static void
bidi_and_c1_controls_are_named(void **state)
{
	(void)state;
	shown s;
	assert_string_equal(show_str("a\xE2\x80\xAE" "b", &s), "a<U+202E>b");
	assert_string_equal(show_str("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", &s),
			    "<U+202A><U+202B><U+202C><U+202D>");
	assert_string_equal(show_str("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", &s),
			    "<U+2066><U+2067><U+2068><U+2069>");
	assert_string_equal(show_str("\xC2\x9B" "2J \xC2\x80\xC2\x9F", &s), "<U+009B>2J <U+0080><U+009F>");
	assert_string_equal(show_str("\xEF\xBF\xBE\xEF\xBF\xBF", &s), "<U+FFFE><U+FFFF>");
	/* their neighbours are ordinary text */
	assert_string_equal(show_str("\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA\xC2\xA0\xEF\xBF\xBD", &s),
			    "\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA\xC2\xA0\xEF\xBF\xBD");
	assert_int_equal(s.units, 0);
	sla_unsafe u;
	assert_int_equal(sla_visible_run("x\xE2\x80\xAE", 4, &u), 1);
	assert_int_equal(u.kind, SLA_UNSAFE_CHAR);
	assert_int_equal(u.cp, 0x202E);
	assert_int_equal(u.len, 3);
}

static void
bad_bytes_are_hex_one_by_one(void **state)
{
	(void)state;
	shown s;
	assert_string_equal(show_str("Acme \xFF\xFE corp", &s), "Acme \\xff\\xfe corp");
	assert_string_equal(show_str("\x80|\xC3(|\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80|\xF5", &s),
			    "\\x80|\\xc3(|\\xc0\\xaf|\\xed\\xa0\\x80|\\xf4\\x90\\x80\\x80|\\xf5");
	/* a character cut by the end of the text */
	assert_string_equal(show_str("星\xE6\x98", &s), "星\\xe6\\x98");
	sla_unsafe u;
	assert_int_equal(sla_visible_run("ok\xE6\x98\x9F", 4, &u), 2);
	assert_int_equal(u.kind, SLA_UNSAFE_BYTE);
	assert_int_equal(u.cp, 0xE6);
	assert_int_equal(u.len, 1);
}

static void
forms_are_ascii_and_fit(void **state)
{
	(void)state;
	char buf[SLA_VISIBLE_MAX];
	sla_unsafe u = { SLA_UNSAFE_CHAR, 0xFFFF, 3 };
	assert_int_equal(sla_visible_form(&u, buf), SLA_VISIBLE_MAX - 1);
	assert_string_equal(buf, "<U+FFFF>");
	u = (sla_unsafe){ SLA_UNSAFE_BYTE, 0xAB, 1 };
	assert_int_equal(sla_visible_form(&u, buf), 4);
	assert_string_equal(buf, "\\xab");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printable_text_is_one_run),
		cmocka_unit_test(every_c0_control_and_del_is_hex),
		cmocka_unit_test(bidi_and_c1_controls_are_named),
		cmocka_unit_test(bad_bytes_are_hex_one_by_one),
		cmocka_unit_test(forms_are_ascii_and_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
