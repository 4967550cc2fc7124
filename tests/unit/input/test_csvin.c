/* Unit tests: CSV input through libcsv, each pitfall of the libcsv notes,
 * block boundaries, and the look-ahead. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_csv_dialect.h"
#include "sla_csvin.h"

#define MIB ((size_t)1 << 20)

typedef struct fixture {
	char path[64];
	sla_diag d;
	sla_csvin *in;
} fixture;

/* Open TEXT[0..N) as a file with options O. */
static sla_csvin *
open_text(fixture *f, const char *text, size_t n, const sla_csvin_opts *o)
{
	strcpy(f->path, "/tmp/sla-csvin-XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	f->d = sla_diag_init("test");
	f->in = sla_csvin_open(f->path, o, &f->d);
	assert_non_null(f->in);
	return f->in;
}

static void
close_text(fixture *f)
{
	sla_csvin_free(f->in);
	unlink(f->path);
}

static void
expect_record(sla_csvin *in, unsigned long line, size_t n, enum sla_csv_fault fault,
	      const char *first, const char *last)
{
	sla_csvrec r;
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.line, line);
	assert_int_equal(r.n, n);
	assert_int_equal(r.fault, fault);
	assert_int_equal(r.fields[0].n, strlen(first));
	assert_memory_equal(r.fields[0].p, first, strlen(first));
	assert_int_equal(r.fields[n - 1].n, strlen(last));
	assert_memory_equal(r.fields[n - 1].p, last, strlen(last));
}

static void
expect_end(sla_csvin *in)
{
	sla_csvrec r;
	assert_int_equal(sla_csvin_next(in, &r), 0);
}

static const sla_csvin_opts defaults = { 0 };

static void
spaces_kept_and_bom_dropped(void **state)
{
	(void)state;
	fixture f;
	const char text[] = "\xEF\xBB\xBFid,x\n  a  ,\t b \t\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "x");
	expect_record(in, 2, 2, SLA_CSV_OK, "  a  ", "\t b \t");
	expect_end(in);
	const char *why;
	assert_string_equal(sla_csvin_encoding(in, &why), "UTF-8");
	assert_string_equal(why, "byte order mark");
	close_text(&f);
}

static void
lines_of_every_break(void **state)
{
	(void)state;
	fixture f;
	const char text[] = "h\n\n1,\"a\r\nb\"\r\n2\r3\r\n\r\n4,\"x\ny\nz\"\n5";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	expect_record(in, 1, 1, SLA_CSV_OK, "h", "h");
	expect_record(in, 3, 2, SLA_CSV_OK, "1", "a\r\nb");
	expect_record(in, 5, 1, SLA_CSV_OK, "2", "2");
	expect_record(in, 6, 1, SLA_CSV_OK, "3", "3");
	expect_record(in, 8, 2, SLA_CSV_OK, "4", "x\ny\nz");
	expect_record(in, 11, 1, SLA_CSV_OK, "5", "5");
	expect_end(in);
	close_text(&f);
}

static void
broken_quotes_resume_at_the_next_line(void **state)
{
	(void)state;
	fixture f;
	const char text[] = "id,note\n1,a\"b\n2,\"open\n3,x\n4,\"q\"z\n5,ok\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	sla_csvrec r;
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "note");
	expect_record(in, 2, 2, SLA_CSV_BADQUOTE, "1", "a\"b");
	/* record 2 opened a quote that record 4 "closes" with text after it:
	 * record 2 is its first line, read literally; 3 and 4 are read again */
	expect_record(in, 3, 2, SLA_CSV_BADQUOTE, "2", "\"open");
	expect_record(in, 4, 2, SLA_CSV_OK, "3", "x");
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.line, 5);
	assert_int_equal(r.fault, SLA_CSV_BADQUOTE);
	assert_int_equal(r.fault_field, 1);
	expect_record(in, 6, 2, SLA_CSV_OK, "5", "ok");
	expect_end(in);
	close_text(&f);
}

static void
an_open_quote_at_the_end_of_the_file(void **state)
{
	(void)state;
	fixture f;
	const char text[] = "id,note\n1,\"never\n2,closed\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "note");
	expect_record(in, 2, 2, SLA_CSV_UNTERMINATED, "1", "\"never");
	expect_record(in, 3, 2, SLA_CSV_OK, "2", "closed");
	expect_end(in);
	close_text(&f);
}

static void
a_field_over_the_cap(void **state)
{
	(void)state;
	fixture f;
	sla_csvin_opts o = { .max_field = 64 };
	char text[4096];
	int n = snprintf(text, sizeof text, "id,note\n1,\"runaway\n");
	for (int i = 2; i < 60; i++)
		n += snprintf(text + n, sizeof text - (size_t)n, "%d,filler text\n", i);
	sla_csvin *in = open_text(&f, text, (size_t)n, &o);
	sla_csvrec r;
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "note");
	expect_record(in, 2, 2, SLA_CSV_TOOLONG, "1", "\"runaway");
	for (unsigned long line = 3; line <= 60; line++) {
		assert_int_equal(sla_csvin_next(in, &r), 1);
		assert_int_equal(r.line, line);
		assert_int_equal(r.fault, SLA_CSV_OK);
	}
	expect_end(in);
	close_text(&f);
}

/* A field that ends on its line is measured too, to the byte: it was
 * measured only while its record was open at a line's end, so a cap
 * below the 1 MiB block held for no single-line record.  The record cap
 * is never below 1 MiB, or a small field cap would refuse every record. */
static void
a_field_over_the_cap_on_its_line(void **state)
{
	(void)state;
	fixture f;
	sla_csvin_opts o = { .max_field = 8 };
	const char text[] = "id,note\n1,12345678\n2,123456789\n3,\"1234\n56789\",x\n"
			    "4,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &o);
	sla_csvrec r;
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "note");
	expect_record(in, 2, 2, SLA_CSV_OK, "1", "12345678");
	expect_record(in, 3, 2, SLA_CSV_LONGFIELD, "2", "123456789");
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.line, 4);
	assert_int_equal(r.fault, SLA_CSV_LONGFIELD);
	assert_int_equal(r.fault_field, 1);
	assert_int_equal(r.fields[1].n, 10);	/* kept whole */
	assert_memory_equal(r.fields[2].p, "x", 1);
	expect_record(in, 6, 27, SLA_CSV_OK, "4", "z");
	expect_end(in);
	assert_int_equal(sla_csvin_max_field(in), 8);
	close_text(&f);
}

/* The reader told what a record looks like (3 fields, a time in the 2nd). */
static bool
is_time_stub(const char *p, size_t n, const void *ctx)
{
	(void)ctx;
	return n >= 10 && memcmp(p, "2026-", 5) == 0;
}

static const sla_csv_shape shape3 = { .nfields = 3, .time_col = 1, .is_time = is_time_stub };

static void
expect_swallowed(sla_csvin *in, unsigned long line, size_t swallowed,
		 unsigned long quote_line, size_t field)
{
	sla_csvrec r;
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.line, line);
	assert_int_equal(r.fault, SLA_CSV_OK);
	assert_int_equal(r.swallowed, swallowed);
	if (swallowed) {
		assert_int_equal(r.swallowed_line, quote_line);
		assert_int_equal(r.swallowed_field, field);
	}
}

/* Two stray quotes read as one valid field holding the records between
 * them: counted, with the line where the quote opened.  Lines of prose,
 * steps with commas and pasted logs are not records. */
static void
quoted_lines_that_look_like_records(void **state)
{
	(void)state;
	fixture f;
	const char text[] =
		"id,opened,note\n"
		"1,2026-03-02 09:00,\"abc\n"		/* line 2: a stray quote */
		"2,2026-03-02 10:00,lost\r\n"
		"3,2026-03-02 11:00,size 5\"\n"	/* its closing partner */
		"4,2026-03-02 12:00,\"Steps:\n1, open, click\n"
		"at 2026-03-02 09:30, it broke\n"
		"2026-03-02 09:30:01,123 ERROR, retry\n\ndone\"\n"
		"\"5\n\",2026-03-02 13:00,\"a\n"	/* a quote closed, one opened */
		"6,2026-03-02 14:00,b\"\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	expect_record(in, 1, 3, SLA_CSV_OK, "id", "note");
	sla_csvin_watch_quotes(in, &shape3);
	expect_swallowed(in, 2, 2, 2, 2);
	expect_swallowed(in, 5, 0, 0, 0);
	expect_swallowed(in, 11, 1, 12, 2);	/* not line 12: its time follows the closing quote */
	expect_end(in);
	close_text(&f);

	/* not watched: nothing counted */
	in = open_text(&f, text, sizeof text - 1, &defaults);
	expect_record(in, 1, 3, SLA_CSV_OK, "id", "note");
	expect_swallowed(in, 2, 0, 0, 0);
	close_text(&f);
}

/* A swallowed line cut by the end of the 1 MiB block is looked at whole. */
static void
a_swallowed_line_across_blocks(void **state)
{
	(void)state;
	fixture f;
	size_t n = MIB + 4096;
	char *text = malloc(n);
	assert_non_null(text);
	size_t o = (size_t)sprintf(text, "id,opened,note\n1,2026-03-02 09:00,\"");
	while (o + 100 <= MIB - 40) {
		memset(text + o, 'x', 99);
		text[o + 99] = '\n';
		o += 100;
	}
	memset(text + o, 'y', MIB - 10 - o);	/* pad to the line that straddles */
	o = MIB - 10;
	text[o++] = '\n';
	o += (size_t)sprintf(text + o, "2,2026-03-02 10:00,lost\n3,2026-03-02 11:00,end\"\n");
	sla_csvin *in = open_text(&f, text, o, &defaults);
	expect_record(in, 1, 3, SLA_CSV_OK, "id", "note");
	sla_csvin_watch_quotes(in, &shape3);
	expect_swallowed(in, 2, 2, 2, 2);
	expect_end(in);
	close_text(&f);
	free(text);
}

/* A line of short fields longer than the 1 MiB block: the cap counts the
 * record's fields, not only the longest one. */
static void
a_record_of_countless_fields(void **state)
{
	(void)state;
	fixture f;
	sla_csvin_opts o = { .max_field = 64 << 10 };
	size_t n = 2 * MIB + 64;
	char *text = malloc(n);
	assert_non_null(text);
	size_t len = (size_t)sprintf(text, "id,x\n");
	for (size_t i = 0; i < 2 * MIB; i++)
		text[len + i] = i % 2 ? ',' : 'a';
	len += 2 * MIB;
	len += (size_t)sprintf(text + len, "\n2,b\n");
	sla_csvin *in = open_text(&f, text, len, &o);
	sla_csvrec r;
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "x");
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.fault, SLA_CSV_TOOBIG);
	assert_int_equal(r.line, 2);
	expect_record(in, 3, 2, SLA_CSV_OK, "2", "b");
	expect_end(in);
	close_text(&f);
	free(text);
}

static void
tsv_fields_that_start_with_a_quote(void **state)
{
	(void)state;
	fixture f;
	const char text[] = "id\tc\n1\t\"Blue Sky\" Logistics\n2\t\"a\tb\"\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	assert_int_equal(sla_csvin_delim(in), '\t');
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "c");
	expect_record(in, 2, 2, SLA_CSV_OK, "1", "\"Blue Sky\" Logistics");
	expect_record(in, 3, 2, SLA_CSV_OK, "2", "a\tb");
	expect_end(in);
	close_text(&f);

	sla_csvin_opts o = { .no_quote = true };
	in = open_text(&f, text, sizeof text - 1, &o);
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "c");
	expect_record(in, 2, 2, SLA_CSV_OK, "1", "\"Blue Sky\" Logistics");
	expect_record(in, 3, 3, SLA_CSV_OK, "2", "b\"");
	close_text(&f);
}

static void
delimiter_detection(void **state)
{
	(void)state;
	fixture f;
	const char *texts[] = { "a;b;c\n1;2,5;3\n", "a|b\n1|2\n", "a,b\n\"x;y;z\",2\n",
				"single\nline\n" };
	const char want[] = { ';', '|', ',', ',' };
	for (size_t i = 0; i < 4; i++) {
		sla_csvin *in = open_text(&f, texts[i], strlen(texts[i]), &defaults);
		assert_int_equal(sla_csvin_delim(in), want[i]);
		close_text(&f);
	}
	assert_int_equal(sla_csvin_delim_from_name("tab"), '\t');
	assert_int_equal(sla_csvin_delim_from_name(";"), ';');
	assert_int_equal(sla_csvin_delim_from_name("\""), -1);
	assert_int_equal(sla_csvin_delim_from_name(";;"), -1);
}

/* A CRLF and a GB18030 character split across the 1 MiB read block, and a
 * field longer than the block. */
static void
block_boundaries(void **state)
{
	(void)state;
	fixture f;
	size_t n = 3 * MIB;
	char *text = malloc(n);
	assert_non_null(text);
	size_t o = (size_t)sprintf(text, "id,x\r\n1,");
	memset(text + o, 'a', MIB - 1 - o);
	o = MIB - 1;
	text[o++] = '\r';			/* the block ends between CR and LF */
	text[o++] = '\n';
	o += (size_t)sprintf(text + o, "2,\"");
	memset(text + o, 'b', MIB + 10);	/* a quoted field over a block */
	o += MIB + 10;
	o += (size_t)sprintf(text + o, "\"\r\n3,z\r\n");
	sla_csvin_opts opts = { .encoding = "GB18030" };
	sla_csvin *in = open_text(&f, text, o, &opts);
	sla_csvrec r;
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "x");
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.line, 2);
	assert_int_equal(r.fields[1].n, MIB - 1 - 8);
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_int_equal(r.line, 3);
	assert_int_equal(r.fields[1].n, MIB + 10);
	assert_int_equal(r.fault, SLA_CSV_OK);
	assert_false(r.bad_encoding);
	expect_record(in, 4, 2, SLA_CSV_OK, "3", "z");
	expect_end(in);
	close_text(&f);

	/* 工 (B9 A4) with the block ending between its bytes */
	o = (size_t)sprintf(text, "id,x\n1,");
	memset(text + o, 'c', MIB - 1 - o);
	text[MIB - 1] = '\xB9';
	text[MIB] = '\xA4';
	o = MIB + 1 + (size_t)sprintf(text + MIB + 1, "\n2,\xFF\n");
	in = open_text(&f, text, o, &opts);
	expect_record(in, 1, 2, SLA_CSV_OK, "id", "x");
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_memory_equal(r.fields[1].p + r.fields[1].n - 3, "工", 3);
	assert_false(r.bad_encoding);
	assert_int_equal(sla_csvin_next(in, &r), 1);
	assert_true(r.bad_encoding);
	assert_int_equal(r.line, 3);
	expect_end(in);
	close_text(&f);
	free(text);
}

static void
lookahead_then_read(void **state)
{
	(void)state;
	fixture f;
	const char text[] = "h\n1\n2\n3\n4\n";
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	sla_csvrec r;
	assert_int_equal(sla_csvin_prefetch(in, 3, (size_t)-1), 3);
	sla_csvin_peek(in, 2, &r);
	assert_memory_equal(r.fields[0].p, "2", 1);
	assert_int_equal(sla_csvin_prefetch(in, 100, (size_t)-1), 5);
	expect_record(in, 1, 1, SLA_CSV_OK, "h", "h");
	for (unsigned long i = 1; i <= 4; i++) {
		char want[2] = { (char)('0' + i), '\0' };
		expect_record(in, i + 1, 1, SLA_CSV_OK, want, want);
	}
	expect_end(in);
	close_text(&f);
}

/* Each record of TEXT read by the reader's own split of whole lines and
 * by libcsv alone, with options O otherwise: the same, field by field. */
static void
expect_as_libcsv(const char *text, size_t n, sla_csvin_opts o)
{
	fixture fa, fb;
	sla_csvin *a = open_text(&fa, text, n, &o);
	o.libcsv_only = true;
	sla_csvin *b = open_text(&fb, text, n, &o);
	sla_csvrec ra, rb;
	int ka;
	do {
		ka = sla_csvin_next(a, &ra);
		assert_int_equal(sla_csvin_next(b, &rb), ka);
		if (ka != 1)
			break;
		assert_int_equal(ra.line, rb.line);
		assert_int_equal(ra.fault, rb.fault);
		assert_int_equal(ra.fault_field, rb.fault_field);
		assert_int_equal(ra.n, rb.n);
		for (size_t j = 0; j < ra.n; j++) {
			assert_int_equal(ra.fields[j].n, rb.fields[j].n);
			assert_memory_equal(ra.fields[j].p, rb.fields[j].p, ra.fields[j].n);
		}
	} while (ka == 1);
	close_text(&fa);
	close_text(&fb);
}

static void
whole_lines_split_as_libcsv_splits_them(void **state)
{
	(void)state;
	static const char text[] =
		"\xEF\xBB\xBFid,a,b\r\n"
		"1,\"x, \"\"y\"\"\",\r\n"	/* a quoted delimiter, doubled quotes, a trailing empty field */
		"2,\"\",\"\"\"\"\r\n"	/* quoted empty, a lone quote */
		"3,\"a\"\"\"\r\n"		/* a doubled quote before the closing one */
		"4,x\"y,z\r\n"		/* a quote in a plain field: libcsv's fault */
		"5,\"x\"y,z\n"			/* text after a closing quote */
		"6,\"two\r\nlines\",z\r"	/* a quote not closed on its line */
		"7,,,,\r\r\n\n"		/* more fields than the header, blank lines */
		"8\r"
		"9,\"\"\"a\"\r\n"			/* an odd run of quotes */
		",\"end\"";			/* no line break at the end */
	fixture f;
	sla_csvin *in = open_text(&f, text, sizeof text - 1, &defaults);
	expect_record(in, 1, 3, SLA_CSV_OK, "id", "b");
	expect_record(in, 2, 3, SLA_CSV_OK, "1", "");
	expect_record(in, 3, 3, SLA_CSV_OK, "2", "\"");
	expect_record(in, 4, 2, SLA_CSV_OK, "3", "a\"");
	expect_record(in, 5, 3, SLA_CSV_BADQUOTE, "4", "z");
	close_text(&f);
	sla_csvin_opts o = { 0 };
	expect_as_libcsv(text, sizeof text - 1, o);
	o.delim = ';';		/* every line a field of one, or a broken quote */
	expect_as_libcsv(text, sizeof text - 1, o);
	o = (sla_csvin_opts){ .no_quote = true };
	expect_as_libcsv(text, sizeof text - 1, o);
	o = (sla_csvin_opts){ .delim = '\t' };
	expect_as_libcsv(text, sizeof text - 1, o);
	o = (sla_csvin_opts){ .max_field = 2 };
	expect_as_libcsv(text, sizeof text - 1, o);
}

/* Lines across the ends of the 1 MiB blocks: split here or by libcsv,
 * the same records. */
static void
whole_lines_across_blocks(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"a,b,c\r\n", "\"q, q\",\"\"\"\",\r\n", "x\"y,1,2\n", "\"open\r\nclosed\",,\r", "\n",
	};
	size_t n = 3 * MIB, k = 0;
	char *text = malloc(n);
	assert_non_null(text);
	for (size_t i = 0; k + 64 < n; i = (i * 7 + 3) % 5) {
		size_t len = strlen(lines[i]);
		memcpy(text + k, lines[i], len);
		k += len;
	}
	expect_as_libcsv(text, k, (sla_csvin_opts){ 0 });
	free(text);
}

static void
unreadable_input(void **state)
{
	(void)state;
	sla_diag d = sla_diag_init("test");
	d.out = fopen("/dev/null", "w");
	assert_null(sla_csvin_open("/nonexistent/x.csv", &defaults, &d));
	sla_csvin_opts o = { .encoding = "NO-SUCH" };
	assert_null(sla_csvin_open("/dev/null", &o, &d));
	fclose(d.out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spaces_kept_and_bom_dropped),
		cmocka_unit_test(lines_of_every_break),
		cmocka_unit_test(broken_quotes_resume_at_the_next_line),
		cmocka_unit_test(an_open_quote_at_the_end_of_the_file),
		cmocka_unit_test(a_field_over_the_cap),
		cmocka_unit_test(a_field_over_the_cap_on_its_line),
		cmocka_unit_test(a_record_of_countless_fields),
		cmocka_unit_test(quoted_lines_that_look_like_records),
		cmocka_unit_test(a_swallowed_line_across_blocks),
		cmocka_unit_test(tsv_fields_that_start_with_a_quote),
		cmocka_unit_test(delimiter_detection),
		cmocka_unit_test(block_boundaries),
		cmocka_unit_test(lookahead_then_read),
		cmocka_unit_test(whole_lines_split_as_libcsv_splits_them),
		cmocka_unit_test(whole_lines_across_blocks),
		cmocka_unit_test(unreadable_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
