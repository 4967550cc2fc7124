/* Unit tests: stream reader, writer, escapes and column layout. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_stream.h"

/* Write TEXT to a fresh temporary file; the caller unlinks PATH. */
static void
temp_file(char *path, const char *text, size_t n)
{
	strcpy(path, "/tmp/sla-test-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
}

/* Read everything a writer wrote to a pipe-less temp file. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
reads_header_and_records(void **state)
{
	(void)state;
	char path[64];
	const char text[] = "id\topened\tnote\n1\t2026-03-02T09:30:00+08:00\ta\\tb\n\n2\t\t\n";
	temp_file(path, text, sizeof text - 1);
	sla_diag d = sla_diag_init("test");
	char *paths[] = { path };
	sla_reader *r = sla_reader_open(paths, 1, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_ncols(r), 3);
	assert_int_equal(sla_reader_column(r, "note"), 2);
	assert_int_equal(sla_reader_column(r, "closed"), -1);

	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_line(r), 2);
	const sla_field *f = sla_reader_fields(r);
	assert_true(sla_field_eq(f[0], "1"));
	char buf[16];
	size_t n = sla_unescape(f[2], buf);
	assert_int_equal(n, 3);
	assert_memory_equal(buf, "a\tb", 3);
	assert_int_equal(sla_reader_ragged(r), 0);

	assert_int_equal(sla_reader_next(r), 1); /* the blank line is skipped */
	assert_int_equal(sla_reader_line(r), 4);
	assert_true(sla_field_eq(sla_reader_fields(r)[0], "2"));
	assert_int_equal(sla_reader_fields(r)[2].n, 0);
	assert_int_equal(sla_reader_next(r), 0);
	sla_reader_free(r);
	unlink(path);
}

static void
ragged_rows_lose_nothing(void **state)
{
	(void)state;
	char path[64];
	const char text[] = "a\tb\n1\n1\t2\t3\t4";
	temp_file(path, text, sizeof text - 1);
	sla_diag d = sla_diag_init("test");
	char *paths[] = { path };
	sla_reader *r = sla_reader_open(paths, 1, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_ragged(r), 1);
	assert_int_equal(sla_reader_fields(r)[1].n, 0);
	assert_int_equal(sla_reader_next(r), 1); /* last line has no newline */
	assert_int_equal(sla_reader_ragged(r), 4);
	assert_true(sla_field_eq(sla_reader_fields(r)[1], "2\t3\t4"));
	assert_int_equal(sla_reader_next(r), 0);
	sla_reader_free(r);
	unlink(path);
}

static void
long_lines_grow_the_buffer(void **state)
{
	(void)state;
	size_t big = 3 * 256 * 1024 + 17;
	char *text = malloc(big + 16);
	assert_non_null(text);
	memcpy(text, "x\n", 2);
	memset(text + 2, 'y', big);
	text[2 + big] = '\n';
	char path[64];
	temp_file(path, text, big + 3);
	sla_diag d = sla_diag_init("test");
	char *paths[] = { path };
	sla_reader *r = sla_reader_open(paths, 1, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_fields(r)[0].n, big);
	assert_int_equal(sla_reader_next(r), 0);
	sla_reader_free(r);
	unlink(path);
	free(text);
}

static void
later_files_must_share_the_header(void **state)
{
	(void)state;
	char p1[64], p2[64], p3[64];
	temp_file(p1, "id\tx\n1\ta\n", 9);
	temp_file(p2, "id\tx\n2\tb\n", 9);
	temp_file(p3, "id\ty\n3\tc\n", 9);
	sla_diag d = sla_diag_init("test");
	d.out = fopen("/dev/null", "w");
	char *ok[] = { p1, p2 };
	sla_reader *r = sla_reader_open(ok, 2, &d);
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_next(r), 1);
	assert_true(sla_field_eq(sla_reader_fields(r)[0], "2"));
	assert_int_equal(sla_reader_line(r), 2);
	assert_int_equal(sla_reader_next(r), 0);
	sla_reader_free(r);

	char *bad[] = { p1, p3 };
	r = sla_reader_open(bad, 2, &d);
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_next(r), -1);
	sla_reader_free(r);
	fclose(d.out);
	unlink(p1);
	unlink(p2);
	unlink(p3);
}

/* Files of lines without a header (partial reports): every line is one
 * field, tabs and all, and files of any first line follow one another. */
static void
lines_without_a_header(void **state)
{
	(void)state;
	char p1[64], p2[64];
	temp_file(p1, "a\tb\nc\n", 6);
	temp_file(p2, "x\ty\tz\n", 6);
	sla_diag d = sla_diag_init("test");
	char *paths[] = { p1, p2 };
	sla_reader *r = sla_reader_open_lines(paths, 2, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_next(r), 1);
	assert_true(sla_field_eq(sla_reader_fields(r)[0], "a\tb"));
	assert_int_equal(sla_reader_line(r), 1);
	assert_int_equal(sla_reader_next(r), 1);
	assert_true(sla_field_eq(sla_reader_fields(r)[0], "c"));
	assert_int_equal(sla_reader_next(r), 1);
	assert_true(sla_field_eq(sla_reader_fields(r)[0], "x\ty\tz"));
	assert_int_equal(sla_reader_line(r), 1);
	assert_string_equal(sla_reader_file(r), p2);
	assert_int_equal(sla_reader_next(r), 0);
	sla_reader_free(r);
	unlink(p1);
	unlink(p2);
}

static void
writer_escapes_and_layout_replaces_in_place(void **state)
{
	(void)state;
	char path[64];
	temp_file(path, "", 0);
	FILE *f = fopen(path, "wb");
	sla_writer *w = sla_writer_new(fileno(f));
	sla_field header[] = { SLA_FIELD("id"), SLA_FIELD("tier"), SLA_FIELD("x") };
	const char *own[] = { "rule", "tier" };
	sla_layout *l = sla_layout_new(header, 3, own, 2);
	sla_layout_write_header(l, w);
	sla_field in[] = { SLA_FIELD("7"), SLA_FIELD("old"), SLA_FIELD("a\\\\b") };
	sla_field mine[] = { SLA_FIELD("r:1"), SLA_FIELD("urgent") };
	sla_layout_write_row(l, w, in, mine);
	sla_writer_escaped(w, "t\tn\nr\r\\", 7);
	sla_writer_char(w, ' ');
	sla_writer_i64(w, -1234567890123LL);
	assert_int_equal(sla_writer_close(w), 0);
	fclose(f);
	assert_string_equal(slurp(path), "id\ttier\tx\trule\n7\turgent\ta\\\\b\tr:1\n"
					 "t\\tn\\nr\\r\\\\ -1234567890123");
	sla_layout_free(l);
	unlink(path);
}

/* The writer passes clean text over a word at a time: it must escape
 * exactly what the byte-at-a-time sla_escape does, for every byte value at
 * every position of a field longer than two words. */
static void
writer_escapes_every_byte_anywhere(void **state)
{
	(void)state;
	enum { LEN = 20, CASES = 256 };
	static const char base[LEN + 1] = "ab\xE4\xB8\xAD" "cd, ef\xE6\x96\x87" "gh;ijk";
	static char want[CASES * 2 * LEN], got[CASES * 2 * LEN + 1];

	for (size_t at = 0; at < LEN; at++) {
		char path[64];
		temp_file(path, "", 0);
		FILE *f = fopen(path, "wb");
		sla_writer *w = sla_writer_new(fileno(f));
		size_t nwant = 0;
		for (int b = 0; b < CASES; b++) {
			char text[LEN];
			memcpy(text, base, LEN);
			text[at] = (char)b;
			sla_writer_escaped(w, text, LEN);
			nwant += sla_escape(text, LEN, want + nwant);
		}
		assert_int_equal(sla_writer_close(w), 0);
		fclose(f);
		f = fopen(path, "rb");
		size_t ngot = fread(got, 1, sizeof got, f);
		fclose(f);
		unlink(path);
		assert_int_equal(ngot, nwant);
		assert_memory_equal(got, want, nwant);
	}
}

static void
a_field_of_spaces_and_tabs_is_blank(void **state)
{
	(void)state;
	assert_true(sla_field_blank(SLA_FIELD("")));
	assert_true(sla_field_blank(SLA_FIELD(" \t ")));
	assert_false(sla_field_blank(SLA_FIELD(" x ")));
	assert_false(sla_field_blank(SLA_FIELD("\n")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_header_and_records),
		cmocka_unit_test(lines_without_a_header),
		cmocka_unit_test(a_field_of_spaces_and_tabs_is_blank),
		cmocka_unit_test(writer_escapes_every_byte_anywhere),
		cmocka_unit_test(ragged_rows_lose_nothing),
		cmocka_unit_test(long_lines_grow_the_buffer),
		cmocka_unit_test(later_files_must_share_the_header),
		cmocka_unit_test(writer_escapes_and_layout_replaces_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
