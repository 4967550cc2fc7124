/* writer.c: writing the TSV streams (see sla_stream.h): escaping, the
 * buffered writer, and the column layout a tool writes its rows in.
 *
 * Text is escaped a word at a time where it needs none (most text), and
 * the layout writes each row's fields raw, as the reader handed them out:
 * a tool that passes a column through never decodes it. */
#define _GNU_SOURCE	/* F_SETPIPE_SZ, Linux's: the pipe's size, below */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_stream.h"

enum { WRITE_BLOCK = 256 * 1024 };

/* The escape letter of a byte that the stream writes escaped, or 0. */
static char
escape_letter(char c)
{
	/* a table, not a switch: this runs on every byte of every text field */
	static const char letter[256] = {
		['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
	};
	return letter[(unsigned char)c];
}

size_t
sla_escape(const char *text, size_t n, char *dst)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char e = escape_letter(text[i]);
		if (e) {
			dst[o++] = '\\';
			dst[o++] = e;
		} else {
			dst[o++] = text[i];
		}
	}
	return o;
}

/* ---- writing ------------------------------------------------------------ */

struct sla_writer {
	int fd;
	bool failed;
	int err;
	size_t len;
	char buf[WRITE_BLOCK];
};

sla_writer *
sla_writer_new(int fd)
{
	sla_writer *w = malloc(sizeof *w);
	if (w)
		*w = (sla_writer){ .fd = fd };
#ifdef F_SETPIPE_SZ
	/* A pipe holds 64 KiB: a block of ours would take four turns of the
	 * two processes.  Asking for a block's room (a failure changes
	 * nothing: not a pipe, or above the system's limit) lets each side
	 * run a whole block at a time. */
	(void)fcntl(fd, F_SETPIPE_SZ, WRITE_BLOCK);
#endif
	return w;
}

static void
write_all(sla_writer *w, const char *p, size_t n)
{
	while (n > 0 && !w->failed) {
		ssize_t put = write(w->fd, p, n);
		if (put < 0) {
			if (errno == EINTR)
				continue;
			w->failed = true;
			w->err = errno;
			return;
		}
		p += put;
		n -= (size_t)put;
	}
}

int
sla_writer_flush(sla_writer *w)
{
	write_all(w, w->buf, w->len);
	w->len = 0;
	if (w->failed)
		errno = w->err;
	return w->failed ? -1 : 0;
}

int
sla_writer_close(sla_writer *w)
{
	if (!w)
		return 0;
	int rc = sla_writer_flush(w);
	int err = w->err;
	free(w);
	if (rc < 0)
		errno = err;
	return rc;
}

void
sla_writer_raw(sla_writer *w, const char *p, size_t n)
{
	if (n > sizeof w->buf - w->len) {
		sla_writer_flush(w);
		if (n > sizeof w->buf) {
			write_all(w, p, n);
			return;
		}
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

void
sla_writer_str(sla_writer *w, const char *s)
{
	sla_writer_raw(w, s, strlen(s));
}

void
sla_writer_char(sla_writer *w, char c)
{
	if (w->len == sizeof w->buf)
		sla_writer_flush(w);
	w->buf[w->len++] = c;
}

/* True when one of the eight bytes of W may need escaping: a control byte
 * (below 0x20, so tab, newline and return) or a backslash.  Most text has
 * none, and is passed over a word at a time. */
static bool
word_may_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t bs = w ^ (ones * '\\');

	return (((w - ones * 0x20) & ~w) | ((bs - ones) & ~bs)) & highs;
}

/* A text that might not fit the buffer escaped: written in runs, the
 * buffer flushed as it fills. */
static void
escaped_in_runs(sla_writer *w, const char *p, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		uint64_t word;
		while (i + 8 <= n && (memcpy(&word, p + i, 8), !word_may_escape(word)))
			i += 8;
		if (i == n)
			break;
		char e = escape_letter(p[i]);
		if (!e)
			continue;
		sla_writer_raw(w, p + run, i - run);
		sla_writer_char(w, '\\');
		sla_writer_char(w, e);
		run = i + 1;
	}
	sla_writer_raw(w, p + run, n - run);
}

const char sla_digit_pairs[200] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Written in place, two digits a step after counting them: the check
 * stream has four numbers a row. */
size_t
sla_i64_text(long long v, char *out)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t n = 1;

	for (unsigned long long x = u; x >= 10 && n < 20; n++)
		x /= 10;
	if (v < 0)
		*out++ = '-';
	char *o = out + n;
	while (u >= 100) {
		o -= 2;
		memcpy(o, sla_digit_pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10) {
		o -= 2;
		memcpy(o, sla_digit_pairs + 2 * u, 2);
	} else {
		*--o = (char)('0' + u);
	}
	return n + (v < 0);
}

/* Most fields are short and fit the buffer even escaped whole (twice
 * their length): they are scanned and copied into it in one pass, a word
 * at a time, instead of scanned, then copied by memcpy. */
void
sla_writer_escaped(sla_writer *w, const char *p, size_t n)
{
	if (n > (sizeof w->buf - w->len) / 2) {
		escaped_in_runs(w, p, n);
		return;
	}
	char *o = w->buf + w->len;
	size_t i = 0;
	while (i < n) {
		uint64_t word;
		if (i + 8 <= n && (memcpy(&word, p + i, 8), !word_may_escape(word))) {
			memcpy(o, &word, 8);
			o += 8;
			i += 8;
			continue;
		}
		char e = escape_letter(p[i]);
		if (e) {
			*o++ = '\\';
			*o++ = e;
		} else {
			*o++ = p[i];
		}
		i++;
	}
	w->len = (size_t)(o - w->buf);
}

void
sla_writer_i64(sla_writer *w, long long v)
{
	char tmp[SLA_I64_MAX];
	sla_writer_raw(w, tmp, sla_i64_text(v, tmp));
}

char *
sla_writer_reserve(sla_writer *w, size_t n)
{
	if (n > sizeof w->buf)
		return NULL;
	if (n > sizeof w->buf - w->len)
		sla_writer_flush(w);
	return w->buf + w->len;
}

void
sla_writer_commit(sla_writer *w, const char *end)
{
	w->len = (size_t)(end - w->buf);
}

/* ---- layout ------------------------------------------------------------- */

/* A row is written a segment at a time: a run of input columns passed
 * through in order, or one of the tool's own columns.  The columns of a
 * run are, in the reader's buffer, one run of bytes with their tabs
 * between, so each is copied whole rather than a field and a tab at a
 * time (tests/bench/profile-classify.md: a sixth of sla-classify's
 * instructions went to that). */
typedef struct segment {
	long first;	/* an input column; or -1 - (own index), with last unused */
	long last;	/* the run's last input column */
} segment;

struct sla_layout {
	size_t nout;
	const sla_field *header;
	const char *const *own;
	size_t nseg;
	segment *seg;
	/* per output column: the input index, or -1 - (own index) */
	long src[];
};

/* Group the output columns of L into segments. */
static bool
make_segments(sla_layout *l)
{
	l->seg = malloc((l->nout ? l->nout : 1) * sizeof *l->seg);
	if (!l->seg)
		return false;
	l->nseg = 0;
	for (size_t i = 0; i < l->nout; i++) {
		segment *prev = l->nseg ? &l->seg[l->nseg - 1] : NULL;
		if (prev && prev->first >= 0 && l->src[i] == prev->last + 1)
			prev->last = l->src[i];
		else
			l->seg[l->nseg++] = (segment){ l->src[i], l->src[i] };
	}
	return true;
}

sla_layout *
sla_layout_new(const sla_field *header, size_t ncols, const char *const *own, size_t nown)
{
	sla_layout *l = malloc(sizeof *l + (ncols + nown) * sizeof l->src[0]);
	if (!l)
		return NULL;
	l->header = header;
	l->own = own;
	l->nout = ncols;
	for (size_t i = 0; i < ncols; i++)
		l->src[i] = (long)i;
	for (size_t k = 0; k < nown; k++) {
		size_t i;
		for (i = 0; i < ncols; i++)
			if (sla_field_eq(header[i], own[k]))
				break;
		if (i < ncols)
			l->src[i] = -1 - (long)k;
		else
			l->src[l->nout++] = -1 - (long)k;
	}
	if (!make_segments(l)) {
		free(l);
		return NULL;
	}
	return l;
}

void
sla_layout_free(sla_layout *l)
{
	if (l)
		free(l->seg);
	free(l);
}

void
sla_layout_write_header(const sla_layout *l, sla_writer *w)
{
	for (size_t i = 0; i < l->nout; i++) {
		if (i)
			sla_writer_char(w, '\t');
		if (l->src[i] >= 0)
			sla_writer_raw(w, l->header[l->src[i]].p, l->header[l->src[i]].n);
		else
			sla_writer_str(w, l->own[-1 - l->src[i]]);
	}
	sla_writer_char(w, '\n');
}

/* Write the input columns IN[FIRST..LAST], a tab between each two: as one
 * copy while each field follows the one before with one tab between, as
 * the fields of a line the reader split do.  The addresses are compared
 * as numbers, and the byte between read only once they say it lies
 * between the two fields. */
static void
write_run(sla_writer *w, const sla_field *in, long first, long last)
{
	const char *p = in[first].p, *end = p + in[first].n;

	for (long k = first + 1; k <= last; k++) {
		if ((uintptr_t)in[k].p != (uintptr_t)end + 1 || *end != '\t') {
			sla_writer_raw(w, p, (size_t)(end - p));
			sla_writer_char(w, '\t');
			p = in[k].p;
		}
		end = in[k].p + in[k].n;
	}
	sla_writer_raw(w, p, (size_t)(end - p));
}

void
sla_layout_write_row(const sla_layout *l, sla_writer *w, const sla_field *in, const sla_field *own)
{
	for (size_t i = 0; i < l->nseg; i++) {
		const segment *s = &l->seg[i];
		if (i)
			sla_writer_char(w, '\t');
		if (s->first >= 0) {
			write_run(w, in, s->first, s->last);
		} else {
			const sla_field *f = &own[-1 - s->first];
			sla_writer_raw(w, f->p, f->n);
		}
	}
	sla_writer_char(w, '\n');
}
