/* reader.c: reading the TSV streams (see sla_stream.h): fields, records,
 * unescaping, and the realigner of rows longer than the header.
 *
 * The reader keeps one large buffer, finds line ends with memchr and splits
 * fields with memchr; fields point into the buffer, so a record costs no
 * allocation.  The buffer doubles only when one line is longer than it. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_colnames.h"
#include "sla_mem.h"
#include "sla_stream.h"

enum { READ_BLOCK = 256 * 1024 };

bool
sla_field_eq(sla_field f, const char *s)
{
	size_t n = strlen(s);
	return f.n == n && memcmp(f.p, s, n) == 0;
}

/* ---- reading ------------------------------------------------------------ */

struct sla_reader {
	char *const *paths;
	size_t npaths, ipath;
	const char *name;	/* current file, for messages */
	int fd;
	sla_diag *d;

	char *buf;
	size_t cap, start, end;	/* unread bytes are buf[start, end) */
	bool eof;
	unsigned long line;	/* of the current record in the current file */

	char *hdr_text;		/* the first file's header line, owned */
	size_t hdr_len;
	sla_field *header;
	size_t ncols;

	sla_field *fields;
	size_t ragged;
	bool lines;		/* no header: a line is one field (sla_reader_open_lines) */
};

static const char *
display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static int
open_path(sla_reader *r, const char *path)
{
	r->name = display_name(path);
	r->line = 0;
	r->eof = false;
	r->start = r->end = 0;
	if (strcmp(path, "-") == 0) {
		r->fd = STDIN_FILENO;
		return 0;
	}
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		sla_diag_msg(r->d, r->name, 0, NULL, NULL, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void
close_current(sla_reader *r)
{
	if (r->fd > STDIN_FILENO)
		close(r->fd);
	r->fd = -1;
}

/* Read more bytes after the unread ones; 1 read, 0 end of file, -1 error. */
static int
fill(sla_reader *r)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->end == r->cap && !sla_grow((void **)&r->buf, &r->cap, r->cap + 1, 1)) {
		sla_diag_msg(r->d, r->name, r->line + 1, NULL, NULL, 0, "line too long: out of memory");
		return -1;
	}
	for (;;) {
		ssize_t got = read(r->fd, r->buf + r->end, r->cap - r->end);
		if (got > 0) {
			r->end += (size_t)got;
			return 1;
		}
		if (got == 0) {
			r->eof = true;
			return 0;
		}
		if (errno != EINTR) {
			sla_diag_msg(r->d, r->name, 0, NULL, NULL, 0, "read error: %s", strerror(errno));
			return -1;
		}
	}
}

/* The next physical line of the current file, without its newline:
 * 1 a line, 0 the end of the file, -1 an error. */
static int
next_line(sla_reader *r, char **line, size_t *len)
{
	size_t scanned = r->start;

	for (;;) {
		char *nl = memchr(r->buf + scanned, '\n', r->end - scanned);
		if (nl) {
			*line = r->buf + r->start;
			*len = (size_t)(nl - *line);
			r->start = (size_t)(nl - r->buf) + 1;
			r->line++;
			return 1;
		}
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			*line = r->buf + r->start;
			*len = r->end - r->start;
			r->start = r->end;
			r->line++;
			return 1;
		}
		size_t seen = r->end - r->start;
		int got = fill(r);
		if (got < 0)
			return -1;
		scanned = r->start + seen;
	}
}

/* Split LINE into the header's number of fields (see sla_reader_fields). */
static void
split(sla_reader *r, char *line, size_t len)
{
	char *p = line, *stop = line + len;
	size_t i;

	r->ragged = 0;
	for (i = 0; i + 1 < r->ncols; i++) {
		char *tab = memchr(p, '\t', (size_t)(stop - p));
		if (!tab)
			break;
		r->fields[i] = (sla_field){ p, (size_t)(tab - p) };
		p = tab + 1;
	}
	r->fields[i] = (sla_field){ p, (size_t)(stop - p) };
	if (i + 1 < r->ncols) {
		r->ragged = i + 1;
		for (size_t k = i + 1; k < r->ncols; k++)
			r->fields[k] = (sla_field){ stop, 0 };
		return;
	}
	size_t extra = 0;
	for (char *t = p; (t = memchr(t, '\t', (size_t)(stop - t))) != NULL; t++)
		extra++;
	if (extra)
		r->ragged = r->ncols + extra;
}

static size_t
count_fields(const char *p, size_t n)
{
	size_t k = 1;
	for (const char *t = p; (t = memchr(t, '\t', n - (size_t)(t - p))) != NULL; t++)
		k++;
	return k;
}

/* A tool finds its columns by name: of two columns of one name it would
 * read one and pass the other, silently.  sla-parse never writes such a
 * header (sla(7), "Duplicates"); one written by hand is refused. */
static int
unique_header(sla_reader *r)
{
	sla_colnames *seen = sla_colnames_new();
	int rc = seen ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < r->ncols; i++) {
		size_t first, count = sla_colnames_add(seen, r->header[i].p, r->header[i].n, i, &first);
		if (count == 0) {
			rc = -1;
		} else if (count > 1) {
			sla_diag_msg(r->d, r->name, 1, NULL, r->header[i].p, r->header[i].n,
				     "two columns of one name (columns %zu and %zu)", first + 1, i + 1);
			return sla_colnames_free(seen), -1;
		}
	}
	sla_colnames_free(seen);
	if (rc < 0)
		sla_diag_msg(r->d, r->name, 1, NULL, NULL, 0, "out of memory");
	return rc;
}

static int
read_first_header(sla_reader *r)
{
	char *line;
	size_t len;
	int got = next_line(r, &line, &len);

	if (got <= 0) {
		if (got == 0)
			sla_diag_msg(r->d, r->name, 0, NULL, NULL, 0, "empty input: no header line");
		return -1;
	}
	r->hdr_len = len;
	r->hdr_text = malloc(len + 1);
	r->ncols = count_fields(line, len);
	r->header = calloc(r->ncols, sizeof *r->header);
	r->fields = calloc(r->ncols, sizeof *r->fields);
	if (!r->hdr_text || !r->header || !r->fields) {
		sla_diag_msg(r->d, r->name, 1, NULL, NULL, 0, "out of memory");
		return -1;
	}
	memcpy(r->hdr_text, line, len);
	r->hdr_text[len] = '\0';
	char *p = r->hdr_text;
	for (size_t i = 0; i < r->ncols; i++) {
		char *tab = memchr(p, '\t', len - (size_t)(p - r->hdr_text));
		char *e = tab ? tab : r->hdr_text + len;
		r->header[i] = (sla_field){ p, (size_t)(e - p) };
		p = e + 1;
	}
	return unique_header(r);
}

/* A later file: its header must be the first one's, byte for byte. */
static int
check_next_header(sla_reader *r)
{
	char *line;
	size_t len;
	int got = next_line(r, &line, &len);

	if (got < 0)
		return -1;
	if (got == 0)
		return 0; /* an empty file adds no records */
	if (len != r->hdr_len || memcmp(line, r->hdr_text, len) != 0) {
		sla_diag_msg(r->d, r->name, 1, NULL, line, len,
			     "header differs from %s's", display_name(r->paths[0]));
		return -1;
	}
	return 0;
}

static sla_reader *
reader_open(char *const *paths, size_t n, bool lines, sla_diag *d)
{
	static char *const stdin_only[] = { "-" };
	sla_reader *r = calloc(1, sizeof *r);

	if (!r) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		return NULL;
	}
	r->paths = n ? paths : stdin_only;
	r->npaths = n ? n : 1;
	r->d = d;
	r->fd = -1;
	r->cap = READ_BLOCK;
	r->buf = malloc(r->cap);
	r->lines = lines;
	if (lines) {
		r->ncols = 1;
		r->header = calloc(1, sizeof *r->header);
		r->fields = calloc(1, sizeof *r->fields);
	}
	if (!r->buf || (lines && (!r->header || !r->fields))) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "out of memory");
		sla_reader_free(r);
		return NULL;
	}
	if (open_path(r, r->paths[0]) < 0 || (!lines && read_first_header(r) < 0)) {
		sla_reader_free(r);
		return NULL;
	}
	return r;
}

sla_reader *
sla_reader_open(char *const *paths, size_t n, sla_diag *d)
{
	return reader_open(paths, n, false, d);
}

sla_reader *
sla_reader_open_lines(char *const *paths, size_t n, sla_diag *d)
{
	return reader_open(paths, n, true, d);
}

void
sla_reader_free(sla_reader *r)
{
	if (!r)
		return;
	close_current(r);
	free(r->buf);
	free(r->hdr_text);
	free(r->header);
	free(r->fields);
	free(r);
}

size_t sla_reader_ncols(const sla_reader *r) { return r->ncols; }
const sla_field *sla_reader_header(const sla_reader *r) { return r->header; }
const sla_field *sla_reader_fields(const sla_reader *r) { return r->fields; }
size_t sla_reader_ragged(const sla_reader *r) { return r->ragged; }
const char *sla_reader_file(const sla_reader *r) { return r->name; }
unsigned long sla_reader_line(const sla_reader *r) { return r->line; }

int
sla_reader_column(const sla_reader *r, const char *name)
{
	for (size_t i = 0; i < r->ncols; i++)
		if (sla_field_eq(r->header[i], name))
			return (int)i;
	return -1;
}

int
sla_reader_next(sla_reader *r)
{
	for (;;) {
		char *line;
		size_t len;
		int got = next_line(r, &line, &len);

		if (got < 0)
			return -1;
		if (got > 0) {
			if (len == 0)
				continue;
			split(r, line, len);
			return 1;
		}
		close_current(r);
		if (++r->ipath >= r->npaths)
			return 0;
		if (open_path(r, r->paths[r->ipath]) < 0 || (!r->lines && check_next_header(r) < 0))
			return -1;
	}
}

size_t
sla_unescape(sla_field f, char *dst)
{
	const char *p = f.p, *end = f.p + f.n;
	size_t o = 0;

	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		size_t run = (size_t)((bs ? bs : end) - p);
		memmove(dst + o, p, run);
		o += run;
		if (!bs)
			break;
		if (bs + 1 == end) {
			dst[o++] = '\\';
			break;
		}
		switch (bs[1]) {
		case 't': dst[o++] = '\t'; break;
		case 'n': dst[o++] = '\n'; break;
		case 'r': dst[o++] = '\r'; break;
		case '\\': dst[o++] = '\\'; break;
		default: dst[o++] = '\\'; dst[o++] = bs[1]; break;
		}
		p = bs + 2;
	}
	return o;
}

/* ---- a row with more fields than the header ------------------------------ */

struct sla_realigner {
	size_t ncols;
	sla_field *fields;
	char *folded;		/* the last field, tabs escaped */
	size_t cap;
};

sla_realigner *
sla_realigner_new(size_t ncols)
{
	sla_realigner *ra = calloc(1, sizeof *ra);
	if (!ra)
		return NULL;
	ra->ncols = ncols;
	ra->fields = calloc(ncols ? ncols : 1, sizeof *ra->fields);
	if (!ra->fields) {
		free(ra);
		return NULL;
	}
	return ra;
}

void
sla_realigner_free(sla_realigner *ra)
{
	if (!ra)
		return;
	free(ra->fields);
	free(ra->folded);
	free(ra);
}

const sla_field *
sla_realign(sla_realigner *ra, const sla_field *fields)
{
	if (ra->ncols == 0)
		return fields;
	sla_field last = fields[ra->ncols - 1];
	if (!sla_grow((void **)&ra->folded, &ra->cap, 2 * last.n + 1, 1))
		return fields;
	size_t n = 0;
	for (size_t i = 0; i < last.n; i++) {
		if (last.p[i] == '\t') {
			ra->folded[n++] = '\\';
			ra->folded[n++] = 't';
		} else {
			ra->folded[n++] = last.p[i];
		}
	}
	memcpy(ra->fields, fields, ra->ncols * sizeof *fields);
	ra->fields[ra->ncols - 1] = (sla_field){ ra->folded, n };
	return ra->fields;
}
