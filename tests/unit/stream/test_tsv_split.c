/* Unit tests: the one-pass split of a stream line (sla_tsv_split.h),
 * against the simple split it replaced (a memchr for the line end, then
 * one a tab), on random lines; and the reader built on it, against a
 * reader written here the simple way, on random streams. */
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
#include "sla_tsv_split.h"

/* xorshift64: the same random lines on every run. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The simple split: the line up to the first LF in P[0..N), cut at each
 * tab with memchr, as the reader did before sla_tsv_split. */
static size_t
simple_split(const char *p, size_t n, sla_field *f, size_t ncols, size_t *nfields)
{
	const char *nl = memchr(p, '\n', n);
	const char *q = p, *stop = nl ? nl : p + n;
	size_t i;
	for (i = 0; i + 1 < ncols; i++) {
		const char *tab = memchr(q, '\t', (size_t)(stop - q));
		if (!tab)
			break;
		f[i] = (sla_field){ q, (size_t)(tab - q) };
		q = tab + 1;
	}
	f[i] = (sla_field){ q, (size_t)(stop - q) };
	for (size_t k = i + 1; k < ncols; k++)
		f[k] = (sla_field){ stop, 0 };
	size_t count = i + 1;
	if (i + 1 == ncols)
		for (const char *t = q; (t = memchr(t, '\t', (size_t)(stop - t))) != NULL; t++)
			count++;
	*nfields = count;
	return (size_t)(stop - p);
}

/* A random byte of stream text: mostly letters, with tabs, escapes,
 * line feeds, CRs, NULs and UTF-8 more often than in real streams. */
static char
random_byte(uint64_t *s)
{
	static const char pick[] = "abcXYZ0189-:+T\t\t\t\t\\\\tnr\n\r\x00\xe4\xb8\xad\x80\xff ";
	return pick[rnd(s) % (sizeof pick - 1)];
}

static void
split_agrees_with_the_simple_split(void **state)
{
	(void)state;
	uint64_t s = 0x9E3779B97F4A7C15u;
	enum { MAXN = 5000, MAXC = 24 };
	char *buf = malloc(MAXN);
	assert_non_null(buf);
	for (int round = 0; round < 200000; round++) {
		/* lengths around a chunk's 16 bytes, and some long lines */
		size_t n = round % 50 == 0 ? rnd(&s) % MAXN : rnd(&s) % 70;
		size_t ncols = 1 + rnd(&s) % MAXC;
		unsigned tab_odds = 1 + (unsigned)(rnd(&s) % 8);
		for (size_t i = 0; i < n; i++) {
			buf[i] = random_byte(&s);
			if (buf[i] == '\n' && rnd(&s) % 4)	/* fewer line feeds */
				buf[i] = 'n';
			if (rnd(&s) % 10 < tab_odds)
				buf[i] = '\t';
		}
		sla_field want[MAXC], got[MAXC];
		size_t want_n = 0, got_n = 0;
		size_t want_len = simple_split(buf, n, want, ncols, &want_n);
		size_t got_len = sla_tsv_split(buf, n, got, ncols, &got_n);
		assert_int_equal(got_len, want_len);
		assert_int_equal(got_n, want_n);
		for (size_t i = 0; i < ncols; i++) {
			assert_ptr_equal(got[i].p, want[i].p);
			assert_int_equal(got[i].n, want[i].n);
		}
	}
	free(buf);
}

static void
split_edge_cases(void **state)
{
	(void)state;
	sla_field f[4];
	size_t k;
	/* empty, all tabs, a tab and an LF on a chunk's last and first byte */
	assert_int_equal(sla_tsv_split("", 0, f, 3, &k), 0);
	assert_int_equal(k, 1);
	assert_int_equal(f[0].n + f[1].n + f[2].n, 0);
	assert_int_equal(sla_tsv_split("\t\t\t\t\n", 5, f, 3, &k), 4);
	assert_int_equal(k, 5);
	assert_int_equal(f[2].n, 2);	/* the extra tabs folded in */
	const char *line = "0123456789abcde\t\nxyz";
	assert_int_equal(sla_tsv_split(line, strlen(line), f, 2, &k), 16);
	assert_int_equal(k, 2);
	assert_int_equal(f[0].n, 15);
	assert_int_equal(f[1].n, 0);
	line = "0123456789abcdef\nxyz";
	assert_int_equal(sla_tsv_split(line, strlen(line), f, 2, &k), 16);
	assert_int_equal(k, 1);
	/* no LF: the whole of it, and nothing read past N */
	assert_int_equal(sla_tsv_split("a\tb\nc", 3, f, 2, &k), 3);
	assert_true(f[1].n == 1 && f[1].p[0] == 'b');
}

/* ---- the reader on it, against a simple reader ---------------------------- */

/* A record as the simple reader sees it: its line, the line's number,
 * its fields, ragged and nul as sla_reader gives them. */
struct rec {
	char *text;
	size_t len;
	unsigned long line;
	size_t ragged, nul;
};

/* The records of TEXT[0..N) after its header, read the simple way: lines
 * end at LF, CRLF or a lone CR; blank lines are skipped; a NUL reads as
 * U+FFFD.  Returns the count; *RECS is malloc'd. */
static size_t
simple_read(const char *text, size_t n, size_t ncols, struct rec **recs)
{
	size_t cap = 16, count = 0, at = 0;
	unsigned long line = 0;
	*recs = malloc(cap * sizeof **recs);
	assert_non_null(*recs);
	while (at < n) {
		size_t e = at;
		while (e < n && text[e] != '\n' && text[e] != '\r')
			e++;
		size_t next = e < n ? e + 1 + (text[e] == '\r' && e + 1 < n && text[e + 1] == '\n') : n;
		line++;
		if (line > 1 && e > at) {
			struct rec r = { malloc(3 * (e - at)), 0, line, 0, 0 };
			assert_non_null(r.text);
			size_t col = 0;
			for (size_t i = at; i < e; i++) {
				if (text[i] == '\0') {
					if (!r.nul)
						r.nul = (col < ncols ? col : ncols - 1) + 1;
					memcpy(r.text + r.len, "\xef\xbf\xbd", 3);
					r.len += 3;
					continue;
				}
				col += text[i] == '\t';
				r.text[r.len++] = text[i];
			}
			if (count == cap)
				*recs = realloc(*recs, (cap *= 2) * sizeof **recs);
			(*recs)[count++] = r;
		}
		at = next;
	}
	return count;
}

/* Write a random stream of NCOLS columns: a header, then records with
 * empty fields, escapes, too few and too many tabs, CR and CRLF ends,
 * blank lines and NULs, some lines longer than the reader's first buffer
 * (256 KiB) so that lines straddle its fills. */
static char *
random_stream(uint64_t *s, size_t ncols, size_t *n)
{
	size_t cap = 4 << 20, o = 0;
	char *t = malloc(cap);
	assert_non_null(t);
	for (size_t c = 0; c < ncols; c++)
		o += (size_t)sprintf(t + o, "%sc%zu", c ? "\t" : "", c);
	t[o++] = '\n';
	while (o < cap - (700 << 10)) {
		size_t nf = rnd(s) % 8 ? ncols : 1 + rnd(s) % (2 * ncols);
		for (size_t c = 0; c < nf; c++) {
			if (c)
				t[o++] = '\t';
			size_t len = rnd(s) % 3 == 0 ? 0 : rnd(s) % 20;
			if (rnd(s) % 4000 == 0)
				len = (size_t)(rnd(s) % (600 << 10));
			for (size_t i = 0; i < len; i++) {
				char b = random_byte(s);
				t[o++] = b == '\n' || b == '\r' || b == '\t' ? 'x' : b;
			}
			if (rnd(s) % 300 == 0)
				t[o++] = '\0';
		}
		static const char *const ends[] = { "\n", "\n", "\n", "\r\n", "\r", "\n\n" };
		const char *e = ends[rnd(s) % 6];
		memcpy(t + o, e, strlen(e));
		o += strlen(e);
	}
	*n = o;
	return t;
}

static void
reader_agrees_with_a_simple_reader(void **state)
{
	(void)state;
	uint64_t s = 12345;
	for (int round = 0; round < 6; round++) {
		size_t ncols = 1 + rnd(&s) % 20, n;
		char *text = random_stream(&s, ncols, &n);
		char path[] = "/tmp/sla-test-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, text, n), (ssize_t)n);
		close(fd);
		struct rec *recs;
		size_t nrecs = simple_read(text, n, ncols, &recs);
		sla_diag d = sla_diag_init("test");
		char *paths[] = { path };
		sla_reader *r = sla_reader_open(paths, 1, &d);
		assert_non_null(r);
		sla_field want[64];
		for (size_t i = 0; i < nrecs; i++) {
			assert_int_equal(sla_reader_next(r), 1);
			assert_int_equal(sla_reader_line(r), recs[i].line);
			size_t k;
			simple_split(recs[i].text, recs[i].len, want, ncols, &k);
			assert_int_equal(sla_reader_ragged(r), k != ncols ? k : 0);
			assert_int_equal(sla_reader_nul(r), recs[i].nul);
			const sla_field *f = sla_reader_fields(r);
			for (size_t c = 0; c < ncols; c++) {
				assert_int_equal(f[c].n, want[c].n);
				assert_memory_equal(f[c].p, want[c].p, want[c].n);
			}
			free(recs[i].text);
		}
		assert_int_equal(sla_reader_next(r), 0);
		sla_reader_free(r);
		unlink(path);
		free(recs);
		free(text);
	}
}

/* --max-line with the one-pass split: a line of MAX bytes is read with
 * its fields, one of MAX + 1 is an error, whether the line is whole in
 * the first buffer or straddles a fill. */
static void
max_line_bounds_the_split_lines(void **state)
{
	(void)state;
	size_t sizes[] = { 40, 256 * 1024 + 100 };
	for (size_t z = 0; z < 2; z++) {
		size_t max = sizes[z], n = 4 + max + 1 + max + 2;
		char *text = malloc(n);
		assert_non_null(text);
		memcpy(text, "a\tb\n", 4);
		memset(text + 4, 'x', max);
		text[4 + max / 2] = '\t';
		text[4 + max] = '\n';
		memset(text + 5 + max, 'y', max + 1);
		text[n - 1] = '\n';
		char path[] = "/tmp/sla-test-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, text, n), (ssize_t)n);
		close(fd);
		sla_diag d = sla_diag_init("test");
		d.out = fopen("/dev/null", "w");
		char *paths[] = { path };
		sla_reader *r = sla_reader_open_max(paths, 1, max, &d);
		assert_non_null(r);
		assert_int_equal(sla_reader_next(r), 1);
		assert_int_equal(sla_reader_ragged(r), 0);
		assert_int_equal(sla_reader_fields(r)[0].n, max / 2);
		assert_int_equal(sla_reader_fields(r)[1].n, max - max / 2 - 1);
		assert_int_equal(sla_reader_next(r), -1);
		sla_reader_free(r);
		fclose(d.out);
		unlink(path);
		free(text);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_agrees_with_the_simple_split),
		cmocka_unit_test(split_edge_cases),
		cmocka_unit_test(reader_agrees_with_a_simple_reader),
		cmocka_unit_test(max_line_bounds_the_split_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
