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

/* The reader finds a line's tabs many bytes at a time: a tab at any place
 * (at a block's first or last byte, in the bytes after the last full
 * block) ends its field, and tabs past the header's count are kept in the
 * last field, for lines of every length around the block sizes. */
static void
tabs_anywhere_split_as_one_by_one(void **state)
{
	(void)state;
	enum { NCOLS = 4, MAXLEN = 70, LINES = 600 };
	static char text[LINES * (MAXLEN + 1) + 16];
	static char want[LINES][MAXLEN + 1];
	size_t n = 0;
	unsigned seed = 7;

	memcpy(text, "a\tb\tc\td\n", 8);
	n = 8;
	for (int l = 0; l < LINES; l++) {
		size_t len = 1 + (size_t)l % MAXLEN;
		for (size_t k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			want[l][k] = (seed >> 16) % 5 == 0 ? '\t' : (char)('a' + (seed >> 20) % 26);
		}
		want[l][len] = '\0';
		memcpy(text + n, want[l], len);
		n += len;
		text[n++] = '\n';
	}
	char path[64];
	temp_file(path, text, n);
	sla_diag d = sla_diag_init("test");
	char *paths[] = { path };
	sla_reader *r = sla_reader_open(paths, 1, &d);
	assert_non_null(r);
	for (int l = 0; l < LINES; l++) {
		const char *p = want[l], *end = p + strlen(p);
		size_t tabs = 0;
		for (const char *t = p; t < end; t++)
			tabs += *t == '\t';
		assert_int_equal(sla_reader_next(r), 1);
		const sla_field *f = sla_reader_fields(r);
		for (int i = 0; i < NCOLS; i++) {
			const char *tab = i + 1 < NCOLS ? memchr(p, '\t', (size_t)(end - p)) : NULL;
			const char *stop = tab ? tab : end;
			assert_int_equal(f[i].n, (size_t)(stop - p));
			assert_memory_equal(f[i].p, p, f[i].n);
			p = tab ? tab + 1 : end;
		}
		assert_int_equal(sla_reader_ragged(r), tabs + 1 == NCOLS ? 0 : tabs + 1);
	}
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

/* A reader of TEXT[0..N) (a temporary file, unlinked at once) with lines
 * bounded at MAX_LINE (0: the default); messages go to /dev/null.  The
 * reader keeps the paths it was given, so they are static: one such
 * reader at a time. */
static sla_reader *
reader_of(const char *text, size_t n, size_t max_line, sla_diag *d)
{
	static char path[64];
	static char *paths[] = { path };
	temp_file(path, text, n);
	*d = sla_diag_init("test");
	d->out = fopen("/dev/null", "w");
	sla_reader *r = sla_reader_open_max(paths, 1, max_line, d);
	unlink(path);
	return r;
}

static void
close_reader(sla_reader *r, sla_diag *d)
{
	sla_reader_free(r);
	fclose(d->out);
}

/* The next record, which must be on LINE with first field FIRST and N
 * fields of the header's, none ragged. */
static const sla_field *
expect_record(sla_reader *r, unsigned long line, const char *first)
{
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_line(r), line);
	const sla_field *f = sla_reader_fields(r);
	assert_true(sla_field_eq(f[0], first));
	return f;
}

static void
cr_and_crlf_end_lines_as_lf_does(void **state)
{
	(void)state;
	sla_diag d;
	/* CR, CRLF, LF, a blank CRLF line, a lone CR before an LF, no end */
	const char text[] = "a\tb\r1\t2\r\n3\t4\n\r\n5\t6\r\r\n7\t8";
	sla_reader *r = reader_of(text, sizeof text - 1, 0, &d);
	assert_non_null(r);
	assert_true(sla_field_eq(sla_reader_header(r)[1], "b"));
	assert_true(sla_field_eq(expect_record(r, 2, "1")[1], "2"));
	assert_true(sla_field_eq(expect_record(r, 3, "3")[1], "4"));
	assert_true(sla_field_eq(expect_record(r, 5, "5")[1], "6"));
	assert_true(sla_field_eq(expect_record(r, 7, "7")[1], "8"));
	assert_int_equal(sla_reader_next(r), 0);
	close_reader(r, &d);
}

/* A CRLF whose CR ends one read and whose LF starts the next is one line
 * end: the line after it is line 3, not 4.  The buffer's first read is
 * 256 KiB (READ_BLOCK). */
static void
a_crlf_split_between_reads_is_one_line_end(void **state)
{
	(void)state;
	size_t block = 256 * 1024, n = block + 2;
	char *text = malloc(n);
	assert_non_null(text);
	memcpy(text, "h\n", 2);
	memset(text + 2, 'y', block - 3);
	memcpy(text + block - 1, "\r\nz", 3);
	assert_int_equal(text[block - 1], '\r');
	sla_diag d;
	sla_reader *r = reader_of(text, n, 0, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_line(r), 2);
	assert_int_equal(sla_reader_fields(r)[0].n, block - 3);
	expect_record(r, 3, "z");
	assert_int_equal(sla_reader_next(r), 0);
	close_reader(r, &d);
	free(text);
}

static void
lines_are_bounded_by_max_line(void **state)
{
	(void)state;
	sla_diag d;
	/* at the bound with each line end, and at the end of the file */
	const char ok[] = "id\tx\n12345678\r\n1234\t678\r1234567\t\n12345678";
	sla_reader *r = reader_of(ok, sizeof ok - 1, 8, &d);
	assert_non_null(r);
	expect_record(r, 2, "12345678");
	expect_record(r, 3, "1234");
	expect_record(r, 4, "1234567");
	expect_record(r, 5, "12345678");
	assert_int_equal(sla_reader_next(r), 0);
	close_reader(r, &d);

	const char over[] = "id\tx\n1\n123456789\n2\n";
	r = reader_of(over, sizeof over - 1, 8, &d);
	expect_record(r, 2, "1");
	assert_int_equal(sla_reader_next(r), -1);
	close_reader(r, &d);

	const char header[] = "id\tx\tyyyy\n";
	assert_null(reader_of(header, sizeof header - 1, 8, &d));
	fclose(d.out);
}

/* Past the first buffer, the buffer grows to the bound and not beyond: a
 * line of MAX bytes is read whole with its CRLF, one of MAX + 1 is an
 * error, and so is a file without any line end. */
static void
a_long_line_grows_the_buffer_to_the_bound_only(void **state)
{
	(void)state;
	size_t max = 300 * 1024 + 5, n = 2 + max + 2 + max + 2;
	char *text = malloc(n);
	assert_non_null(text);
	memcpy(text, "h\n", 2);
	memset(text + 2, 'a', max);
	memcpy(text + 2 + max, "\r\n", 2);
	memset(text + 4 + max, 'b', max + 1);
	text[n - 1] = '\n';
	sla_diag d;
	sla_reader *r = reader_of(text, n, max, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_next(r), 1);
	assert_int_equal(sla_reader_line(r), 2);
	assert_int_equal(sla_reader_fields(r)[0].n, max);
	assert_int_equal(sla_reader_next(r), -1);
	close_reader(r, &d);

	char *endless = text + 2 + max;	/* "h\n", MAX + 1 bytes, no end */
	memcpy(endless, "h\n", 2);
	r = reader_of(endless, 2 + max + 1, max, &d);
	assert_non_null(r);
	assert_int_equal(sla_reader_next(r), -1);
	close_reader(r, &d);
	free(text);
}

static void
a_nul_byte_is_read_as_u_fffd_and_named(void **state)
{
	(void)state;
	sla_diag d;
	const char text[] = "id\tnote\tx\n1\ta\0b\tc\n2\tok\tfine\n3\t4\t5\t\0\n\0\t\t\n";
	sla_reader *r = reader_of(text, sizeof text - 1, 0, &d);
	assert_non_null(r);
	const sla_field *f = expect_record(r, 2, "1");
	assert_int_equal(sla_reader_nul(r), 2);
	assert_int_equal(f[1].n, 5);
	assert_memory_equal(f[1].p, "a\xef\xbf\xbd" "b", 5);
	assert_true(sla_field_eq(f[2], "c"));
	assert_int_equal(sla_reader_ragged(r), 0);

	f = expect_record(r, 3, "2");
	assert_int_equal(sla_reader_nul(r), 0);
	assert_true(sla_field_eq(f[2], "fine"));

	/* in a row's extra field: named as the last column, which holds it */
	f = expect_record(r, 4, "3");
	assert_int_equal(sla_reader_nul(r), 3);
	assert_int_equal(sla_reader_ragged(r), 4);
	assert_int_equal(f[2].n, 5);
	assert_memory_equal(f[2].p, "5\t\xef\xbf\xbd", 5);

	f = expect_record(r, 5, "\xef\xbf\xbd");
	assert_int_equal(sla_reader_nul(r), 1);
	assert_int_equal(sla_reader_next(r), 0);
	close_reader(r, &d);

	const char header[] = "id\tno\0te\n1\t2\n";
	assert_null(reader_of(header, sizeof header - 1, 0, &d));
	fclose(d.out);
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

/* The layout copies input columns that lie one tab apart in one buffer
 * as one span: fields that lie one byte apart with another byte between,
 * or out of their order, or in separate buffers, are still written a field
 * and a tab at a time. */
static void
layout_copies_only_real_spans_whole(void **state)
{
	(void)state;
	char path[64];
	temp_file(path, "", 0);
	FILE *f = fopen(path, "wb");
	sla_writer *w = sla_writer_new(fileno(f));
	sla_field header[] = { SLA_FIELD("a"), SLA_FIELD("b"), SLA_FIELD("c"), SLA_FIELD("tier"),
			       SLA_FIELD("d") };
	const char *own[] = { "tier" };
	sla_layout *l = sla_layout_new(header, 5, own, 1);
	static const char line[] = "1\t22\t333\tT\t4444", commas[] = "1,22;333";
	sla_field mine[] = { SLA_FIELD("urgent") };
	sla_field split[] = { { line, 1 }, { line + 2, 2 }, { line + 5, 3 }, { line + 9, 1 },
			      { line + 11, 4 } };
	sla_layout_write_row(l, w, split, mine);
	sla_field apart[] = { { commas, 1 }, { commas + 2, 2 }, { commas + 5, 3 }, { "", 0 },
			      { "x", 1 } };
	sla_layout_write_row(l, w, apart, mine);
	sla_field swapped[] = { { line + 2, 2 }, { line, 1 }, { line + 5, 3 }, { "", 0 },
				{ line + 11, 4 } };
	sla_layout_write_row(l, w, swapped, mine);
	assert_int_equal(sla_writer_close(w), 0);
	fclose(f);
	assert_string_equal(slurp(path), "1\t22\t333\turgent\t4444\n"
					 "1\t22\t333\turgent\tx\n"
					 "22\t1\t333\turgent\t4444\n");
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

/* The digits are written two at a time after counting them: each count
 * of digits, both signs and both ends of the range read as printf has them. */
static void
i64_text_is_printf_d(void **state)
{
	(void)state;
	long long cases[64];
	size_t n = 0;
	cases[n++] = 0;
	cases[n++] = INT64_MAX;
	cases[n++] = INT64_MIN;
	for (long long p = 1; p <= INT64_MAX / 10; p *= 10) {
		cases[n++] = p;
		cases[n++] = -(p * 10 - 1);
		cases[n++] = p * 10 - 1;
	}
	for (size_t i = 0; i < n; i++) {
		char want[32], got[SLA_I64_MAX + 1];
		int len = snprintf(want, sizeof want, "%lld", cases[i]);
		size_t m = sla_i64_text(cases[i], got);
		got[m] = '\0';
		assert_int_equal(m, (size_t)len);
		assert_string_equal(got, want);
	}
}

/* A row built in place lands after what was written before it, and one
 * that does not fit the block's rest flushes first; more than a block is
 * refused. */
static void
writer_reserve_builds_in_place(void **state)
{
	(void)state;
	char path[64];
	temp_file(path, "", 0);
	FILE *f = fopen(path, "wb");
	sla_writer *w = sla_writer_new(fileno(f));
	static char big[200 * 1024];
	memset(big, 'x', sizeof big);
	sla_writer_raw(w, "a", 1);
	char *o = sla_writer_reserve(w, 3);
	memcpy(o, "bc", 2);
	sla_writer_commit(w, o + 2);
	sla_writer_raw(w, big, sizeof big);
	o = sla_writer_reserve(w, sizeof big);	/* the block's rest is less */
	assert_non_null(o);
	o[0] = 'y';
	sla_writer_commit(w, o + 1);
	assert_null(sla_writer_reserve(w, 1024 * 1024));
	assert_int_equal(sla_writer_close(w), 0);
	fclose(f);
	static char got[sizeof big + 16];
	f = fopen(path, "rb");
	assert_int_equal(fread(got, 1, sizeof got, f), 3 + sizeof big + 1);
	fclose(f);
	assert_memory_equal(got, "abcx", 4);
	assert_memory_equal(got + 3 + sizeof big - 1, "xy", 2);
	unlink(path);
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

/* Fields short and long, the buffer filling at every place: written
 * escaped in the buffer, or in runs when they might not fit, the same
 * bytes as sla_escape. */
static void
writer_escapes_fields_of_every_length(void **state)
{
	(void)state;
	enum { MAXLEN = 300000, TOTAL = 4 << 20 };
	char *text = malloc(MAXLEN), *want = malloc(2 * TOTAL), *got = malloc(2 * TOTAL + 1);
	assert_true(text && want && got);
	for (size_t i = 0; i < MAXLEN; i++)
		text[i] = "abc\tdefgh\\ij\xE4\xB8\xADklmnopq\nrstuvwxyz01234"[i % 37];
	char path[64];
	temp_file(path, "", 0);
	FILE *f = fopen(path, "wb");
	sla_writer *w = sla_writer_new(fileno(f));
	size_t nwant = 0, total = 0;
	for (size_t len = 1; total + len < TOTAL; len = len * 5 / 3 % MAXLEN + 1) {
		sla_writer_escaped(w, text + len % 37, len - len % 37);
		nwant += sla_escape(text + len % 37, len - len % 37, want + nwant);
		total += len;
	}
	assert_int_equal(sla_writer_close(w), 0);
	fclose(f);
	f = fopen(path, "rb");
	size_t ngot = fread(got, 1, 2 * TOTAL + 1, f);
	fclose(f);
	unlink(path);
	assert_int_equal(ngot, nwant);
	assert_memory_equal(got, want, nwant);
	free(text);
	free(want);
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_header_and_records),
		cmocka_unit_test(lines_without_a_header),
		cmocka_unit_test(a_field_of_spaces_and_tabs_is_blank),
		cmocka_unit_test(writer_escapes_every_byte_anywhere),
		cmocka_unit_test(layout_copies_only_real_spans_whole),
		cmocka_unit_test(writer_escapes_fields_of_every_length),
		cmocka_unit_test(ragged_rows_lose_nothing),
		cmocka_unit_test(tabs_anywhere_split_as_one_by_one),
		cmocka_unit_test(long_lines_grow_the_buffer),
		cmocka_unit_test(later_files_must_share_the_header),
		cmocka_unit_test(cr_and_crlf_end_lines_as_lf_does),
		cmocka_unit_test(a_crlf_split_between_reads_is_one_line_end),
		cmocka_unit_test(lines_are_bounded_by_max_line),
		cmocka_unit_test(a_long_line_grows_the_buffer_to_the_bound_only),
		cmocka_unit_test(a_nul_byte_is_read_as_u_fffd_and_named),
		cmocka_unit_test(writer_escapes_and_layout_replaces_in_place),
		cmocka_unit_test(i64_text_is_printf_d),
		cmocka_unit_test(writer_reserve_builds_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
