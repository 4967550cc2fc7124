/* reader.c: reading the TSV streams (see sla_stream.h): fields, records,
 * unescaping, and the realigner of rows longer than the header.
 *
 * The reader keeps one large buffer and finds a record's line end and its
 * fields in one pass (sla_tsv_split.h); fields point into the buffer, so a
 * record costs no allocation.  The buffer doubles only when one line is longer than it, and
 * never past the longest line allowed: a stream without line ends (a binary
 * file, /dev/zero) is an error in bounded memory, not a heap the size of
 * the input.
 *
 * A raw CR, or a NUL, is rare in a stream, and looking for it per line
 * would scan each line again.  So the reader remembers where the next one
 * is (seek): each byte is searched for each of them once, with memchr, and
 * a stream without them pays one memchr per buffer filled. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_colnames.h"
#include "sla_mem.h"
#include "sla_stream.h"
#include "sla_tsv_split.h"

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
	size_t max_line;	/* the longest line allowed, without its end */
	size_t next_cr, next_nul;	/* where seek() looks first */
	bool line_nul;		/* the line next_line gave holds a NUL */

	char *mended;		/* a record's line with its NULs as U+FFFD */
	size_t mended_cap;
	size_t nul_col;		/* see sla_reader_nul */

	char *hdr_text;		/* the first file's header line, owned */
	size_t hdr_len;
	sla_field *header;
	size_t ncols;

	sla_field *fields;
	size_t nfields;		/* that the line has (sla_tsv_split) */
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
	r->start = r->end = r->next_cr = r->next_nul = 0;
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

/* The buffer, full of one unfinished line, made larger: doubled, but never
 * past what the longest line allowed needs (its bytes and a CRLF), which
 * sla_grow would double past. */
static bool
grow_buffer(sla_reader *r)
{
	size_t most = r->max_line + 2;
	size_t cap = r->cap >= most / 2 ? most : 2 * r->cap;
	char *p = cap > r->cap ? realloc(r->buf, cap) : NULL;
	if (!p)
		return false;
	r->buf = p;
	r->cap = cap;
	return true;
}

/* The offset of the first byte C in buf[from, end), or end.  *NEXT is where
 * the last search for C stopped: a C there, or the end of the bytes then
 * read, with none between the FROM of that search and it; FROM never goes
 * back, so no byte is searched twice. */
static size_t
seek(const char *buf, size_t from, size_t end, size_t *next, char c)
{
	size_t at = *next > from ? *next : from;
	if (at < end && buf[at] != c) {	/* at the end: none up to it, no call */
		const char *p = memchr(buf + at, c, end - at);
		at = p ? (size_t)(p - buf) : end;
	}
	return *next = at;
}

/* Offset O once the unread bytes moved BY to the start of the buffer. */
static size_t
moved(size_t o, size_t by)
{
	return o >= by ? o - by : 0;
}

/* Read more bytes after the unread ones; 1 read, 0 end of file, -1 error. */
static int
fill(sla_reader *r)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->next_cr = moved(r->next_cr, r->start);
		r->next_nul = moved(r->next_nul, r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->end == r->cap && !grow_buffer(r)) {
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

/* The unread line is longer than --max-line: fatal, since it cannot be
 * held, and a stream cut anywhere inside it would lose or invent fields.
 * The bound is said the way --max-line takes it (64M). */
static int
too_long(const sla_reader *r)
{
	static const struct { unsigned shift; const char *name; } units[] = {
		{ 30, "G" }, { 20, "M" }, { 10, "K" }, { 0, " bytes" },
	};
	size_t i = 0;
	while (r->max_line % ((size_t)1 << units[i].shift) != 0)
		i++;
	sla_diag_msg(r->d, r->name, r->line + 1, NULL, NULL, 0, "line longer than --max-line (%zu%s)",
		     r->max_line >> units[i].shift, units[i].name);
	return -1;
}

/* The first LF in buf[from, cr), or NULL.  A search from the line's start
 * splits the fields on the way (SPLIT); one that goes on after a fill
 * (the line's start was searched before the bytes moved) does not, and
 * leaves *SPLIT false. */
static char *
find_lf(sla_reader *r, size_t from, size_t cr, bool *split)
{
	if (!*split || from != r->start) {
		*split = false;
		return memchr(r->buf + from, '\n', cr - from);
	}
	size_t len = sla_tsv_split(r->buf + from, cr - from, r->fields, r->ncols, &r->nfields);
	return from + len < cr ? r->buf + from + len : NULL;
}

/* The next physical line of the current file, without its end (LF, CRLF
 * or a lone CR, as sla-parse reads them: a stream has no raw CR inside a
 * field, sla(7)): 1 a line, 0 the end of the file, -1 an error.  Sets
 * r->line_nul.  With SPLIT, the line's fields are in r->fields. */
static int
next_line(sla_reader *r, char **line, size_t *len, bool split)
{
	size_t scanned = r->start;
	bool split_done = split;

	for (;;) {
		size_t cr = seek(r->buf, scanned, r->end, &r->next_cr, '\r');
		char *nl = find_lf(r, scanned, cr, &split_done);
		size_t stop, next;
		if (nl) {
			stop = (size_t)(nl - r->buf);
			next = stop + 1;
		} else if (cr < r->end && (cr + 1 < r->end || r->eof)) {
			stop = cr;	/* a CRLF is one line end */
			next = cr + 1 + (cr + 1 < r->end && r->buf[cr + 1] == '\n');
		} else if (r->eof) {
			if (r->start == r->end)
				return 0;
			stop = next = r->end;	/* the last line has no end */
		} else {
			/* no line end yet, or a CR whose next byte is still unread */
			if (cr - r->start > r->max_line)
				return too_long(r);
			size_t seen = cr - r->start;
			if (fill(r) < 0)
				return -1;
			scanned = r->start + seen;
			continue;
		}
		if (stop - r->start > r->max_line)
			return too_long(r);
		r->line_nul = seek(r->buf, r->start, r->end, &r->next_nul, '\0') < stop;
		if (split && !split_done)
			sla_tsv_split(r->buf + r->start, stop - r->start, r->fields, r->ncols,
				      &r->nfields);
		*line = r->buf + r->start;
		*len = stop - r->start;
		r->start = next;
		r->line++;
		return 1;
	}
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
	int got = next_line(r, &line, &len, false);

	if (got <= 0) {
		if (got == 0)
			sla_diag_msg(r->d, r->name, 0, NULL, NULL, 0, "empty input: no header line");
		return -1;
	}
	if (r->line_nul) {	/* a column name is text: no record to flag it on */
		sla_diag_msg(r->d, r->name, 1, NULL, line, len, "NUL byte in the header");
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
	int got = next_line(r, &line, &len, false);

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
reader_open(char *const *paths, size_t n, bool lines, size_t max_line, sla_diag *d)
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
	r->max_line = max_line == 0 ? SLA_READER_MAX_LINE
		    : max_line < SIZE_MAX / 4 ? max_line : SIZE_MAX / 4;
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
sla_reader_open_max(char *const *paths, size_t n, size_t max_line, sla_diag *d)
{
	return reader_open(paths, n, false, max_line, d);
}

sla_reader *
sla_reader_open(char *const *paths, size_t n, sla_diag *d)
{
	return reader_open(paths, n, false, SLA_READER_MAX_LINE, d);
}

sla_reader *
sla_reader_open_lines(char *const *paths, size_t n, sla_diag *d)
{
	return reader_open(paths, n, true, SLA_READER_MAX_LINE, d);
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
	free(r->mended);
	free(r);
}

size_t sla_reader_ncols(const sla_reader *r) { return r->ncols; }
const sla_field *sla_reader_header(const sla_reader *r) { return r->header; }
const sla_field *sla_reader_fields(const sla_reader *r) { return r->fields; }
size_t sla_reader_ragged(const sla_reader *r) { return r->ragged; }
size_t sla_reader_nul(const sla_reader *r) { return r->nul_col; }
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

static const char REPLACEMENT[] = "\xef\xbf\xbd";	/* U+FFFD */

/* LINE[0..*LEN) copied with each NUL as U+FFFD, as sla-parse reads one: a
 * NUL is no text, and a C string would end at it (sla-report's group names
 * did).  Sets r->nul_col.  The copy, or LINE itself when out of memory
 * (then the record is still flagged). */
static char *
mend(sla_reader *r, char *line, size_t *len)
{
	char *nul = memchr(line, '\0', *len);
	size_t col = 0;
	for (char *t = line; (t = memchr(t, '\t', (size_t)(nul - t))) != NULL; t++)
		col++;
	r->nul_col = (col < r->ncols ? col : r->ncols - 1) + 1;

	size_t k = 0;
	for (char *z = nul; z; z = memchr(z + 1, '\0', *len - (size_t)(z + 1 - line)))
		k++;
	if (!sla_grow((void **)&r->mended, &r->mended_cap, *len + 2 * k, 1))
		return line;
	size_t o = 0;
	for (const char *p = line, *end = line + *len; p < end;) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t run = (size_t)((z ? z : end) - p);
		memcpy(r->mended + o, p, run);
		o += run;
		if (!z)
			break;
		memcpy(r->mended + o, REPLACEMENT, 3);
		o += 3;
		p = z + 1;
	}
	*len = o;
	return r->mended;
}

int
sla_reader_next(sla_reader *r)
{
	for (;;) {
		char *line;
		size_t len;
		int got = next_line(r, &line, &len, true);

		if (got < 0)
			return -1;
		if (got > 0) {
			if (len == 0)
				continue;
			r->nul_col = 0;
			if (r->line_nul) {
				line = mend(r, line, &len);
				sla_tsv_split(line, len, r->fields, r->ncols, &r->nfields);
			}
			r->ragged = r->nfields != r->ncols ? r->nfields : 0;
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
