/* csvin.c: CSV input through libcsv (see sla_csvin.h and the libcsv notes
 * in sla-parse(1): each pitfall has its counter here). */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_csv_dialect.h"
#include "sla_csv_span.h"
#include "sla_csvin.h"
#include "sla_encoding.h"
#include "sla_mem.h"

#define READ_BLOCK ((size_t)1 << 20)	/* bytes read and decoded at a time */
#define CSV_BLK ((size_t)64 << 10)	/* libcsv grows a field this much at a time */

typedef struct bytes {
	char *p;
	size_t n, cap;
} bytes;

typedef struct fieldref {
	size_t off, len;
} fieldref;

/* A quoted field that runs over lines (sla_csv_span.h). */
typedef struct span {
	unsigned long line;		/* where its quote opened */
	size_t field;			/* which field of the record it is */
	size_t records;			/* its lines that look like records */
} span;

typedef struct recref {
	size_t first, n;		/* fields[first .. first+n) */
	unsigned long line;
	enum sla_csv_fault fault;
	size_t fault_field;
	bool bad_encoding, read_as_utf8;
	span swallowed;
} recref;

struct sla_csvin {
	sla_diag *d;
	const char *name;
	int fd;
	char delim;
	bool no_quote;
	bool libcsv_only;		/* no line split here (split_line) */
	size_t max_field, max_record;
	bool fatal;			/* out of memory inside a callback */
	bool csv_ready;			/* csv_init done, csv_free due */

	/* input: raw bytes, and the decoded block being fed */
	sla_decoder *dec;
	const char *encoding, *why;
	sla_encoding_guess guess;	/* what detection found (WHY points in) */
	char *rbuf;
	size_t rlen, rused;
	bool eof, done, first_block;
	const char *blk;
	size_t blklen, pos;
	const size_t *bad, *utf8;	/* where U+FFFD replaced input, and where a
					 * line read as UTF-8 begins (sla_encoding.h) */
	size_t nbad, badi, nutf8, utf8i;

	/* libcsv and the line count */
	struct csv_parser csv;
	unsigned long line;
	bool prev_cr;

	/* the record being read */
	bool in_record, bad_encoding, read_as_utf8;
	size_t long_field;		/* its first field above the cap, or SIZE_MAX */
	unsigned long rec_line;
	size_t cur_first, cur_bytes;
	bytes raw, replay;		/* the record's text as in the input */
	bool raw_overflow, skip_line;

	/* lines inside quoted fields that look like records */
	sla_csv_shape shape;		/* nfields 0: not watched */
	sla_csv_probe probe;
	bool mid_line;			/* the last segment did not end its line */
	bool quoted_line;		/* this line began inside a quoted field */
	span open;			/* the quoted field being read */
	span swallowed;			/* the record's first one with such lines */

	/* finished records waiting, and their fields */
	bytes arena;
	fieldref *fields;
	size_t nfields, capfields;
	recref *recs;
	size_t head, nrecs, caprecs;
	sla_field *out;
	size_t capout;
};

/* ---- small growable buffers ---------------------------------------------- */

/* Room is kept for one byte more, so that a buffer that holds only empty
 * fields still has an address (fields point into it). */
static bool
bytes_append(bytes *b, const char *p, size_t n)
{
	if (!sla_grow((void **)&b->p, &b->cap, b->n + n + 1, 1))
		return false;
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	return true;
}

/* ---- records ------------------------------------------------------------- */

/* Every field is measured here, as it ends, so the cap holds exactly; the
 * check after each line (feed_segment) catches the field still open. */
static void
end_field(sla_csvin *in, size_t len)
{
	if (!sla_grow((void **)&in->fields, &in->capfields, in->nfields + 1, sizeof *in->fields)) {
		in->fatal = true;
		return;
	}
	if (len > in->max_field && in->long_field == SIZE_MAX)
		in->long_field = in->nfields - in->cur_first;
	in->fields[in->nfields++] = (fieldref){ in->arena.n - len, len };
}

/* A field of the bytes S[0..LEN): appended to the arena, then ended. */
static void
push_field(sla_csvin *in, const char *s, size_t len)
{
	if (!bytes_append(&in->arena, s, len))
		in->fatal = true;
	else
		end_field(in, len);
}

/* What the record being read holds: its fields' bytes and their slots. */
static size_t
record_size(const sla_csvin *in)
{
	return in->arena.n - in->cur_bytes + (in->nfields - in->cur_first) * sizeof(fieldref);
}

static void
begin_record(sla_csvin *in)
{
	in->in_record = true;
	in->bad_encoding = false;
	in->read_as_utf8 = false;
	in->rec_line = in->line;
	in->raw.n = 0;
	in->raw_overflow = false;
	in->long_field = SIZE_MAX;
	in->swallowed = (span){ 0 };
}

static void
end_record(sla_csvin *in, enum sla_csv_fault fault, size_t fault_field)
{
	if (fault == SLA_CSV_OK && in->long_field != SIZE_MAX) {
		fault = SLA_CSV_LONGFIELD;
		fault_field = in->long_field;
	} else if (fault == SLA_CSV_OK && record_size(in) > in->max_record) {
		fault = SLA_CSV_TOOBIG;
		fault_field = 0;
	}
	if (!sla_grow((void **)&in->recs, &in->caprecs, in->nrecs + 1, sizeof *in->recs)) {
		in->fatal = true;
		return;
	}
	in->recs[in->nrecs++] = (recref){
		.first = in->cur_first, .n = in->nfields - in->cur_first,
		.line = in->rec_line, .fault = fault, .fault_field = fault_field,
		.bad_encoding = in->bad_encoding, .read_as_utf8 = in->read_as_utf8,
		.swallowed = in->swallowed,
	};
	in->cur_first = in->nfields;
	in->cur_bytes = in->arena.n;
	in->in_record = false;
	in->raw.n = 0;
	in->long_field = SIZE_MAX;
	in->swallowed = (span){ 0 };
}

static void
on_field(void *s, size_t len, void *data)
{
	push_field(data, s, len);
}

static void
on_record(int c, void *data)
{
	(void)c;
	end_record(data, SLA_CSV_OK, 0);
}

/* Pitfall 1: libcsv trims spaces and tabs unless told that none exist. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static bool
setup_parser(sla_csvin *in)
{
	if (in->csv_ready)
		csv_free(&in->csv);
	in->csv_ready = csv_init(&in->csv, CSV_STRICT | CSV_STRICT_FINI) == 0;
	if (!in->csv_ready)
		return false;
	csv_set_delim(&in->csv, (unsigned char)in->delim);
	/* Pitfall 2: quoting cannot be turned off, but a NUL never starts a
	 * field of text. */
	csv_set_quote(&in->csv, in->no_quote ? 0 : CSV_QUOTE);
	csv_set_space_func(&in->csv, no_space);
	csv_set_blk_size(&in->csv, CSV_BLK);
	return true;
}

/* ---- faults: read the line literally, then resume ------------------------ */

/* Length of the first line of P[0..N) without its break, and where the
 * next line starts (N when there is none). */
static size_t
first_line(const char *p, size_t n, size_t *next)
{
	size_t i = 0;

	while (i < n && !sla_csv_is_eol(p[i]))
		i++;
	*next = i;
	if (*next < n)
		*next += (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
	return i;
}

static void
split_literally(sla_csvin *in, const char *p, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i == n || p[i] == in->delim) {
			push_field(in, p + start, i - start);
			start = i + 1;
		}
	}
}

static void feed(sla_csvin *in, const char *p, size_t n, bool replaying);

/* The record being read cannot be read as CSV.  Its first line becomes its
 * fields, split at every delimiter; the lines after it are read again as
 * new records (unless this is already such a second reading, or they were
 * too long to keep: then they stay in the last field).  In tab-separated
 * input a literal reading is the normal one, so a broken quote is no
 * error there.  Returns true when the lines after were read again. */
static bool
fault(sla_csvin *in, enum sla_csv_fault kind, bool replaying)
{
	size_t fault_field = in->nfields - in->cur_first;
	size_t next, len = first_line(in->raw.p, in->raw.n, &next);
	bool again = !replaying && !in->raw_overflow && next < in->raw.n;

	if (!setup_parser(in)) {
		in->fatal = true;
		return false;
	}
	in->nfields = in->cur_first;
	in->arena.n = in->cur_bytes;
	in->long_field = SIZE_MAX;
	in->swallowed = (span){ 0 };	/* its lines are read again, or cut */
	if (!again) {	/* all of it, less the line break that ends it */
		len = in->raw.n;
		while (len > 0 && sla_csv_is_eol(in->raw.p[len - 1]))
			len--;
	}
	split_literally(in, in->raw.p, len);
	if (in->delim == '\t' && (kind == SLA_CSV_BADQUOTE || kind == SLA_CSV_UNTERMINATED))
		kind = SLA_CSV_OK;
	bytes text = in->raw;	/* end_record empties in->raw */
	end_record(in, kind, fault_field);
	if (!again)
		return false;

	in->raw = in->replay;
	in->raw.n = 0;
	in->line = in->rec_line + 1;
	in->prev_cr = false;
	in->mid_line = false;
	feed(in, text.p + next, text.n - next, true);
	in->replay = text;
	return true;
}

/* ---- lines libcsv need not read ------------------------------------------ */

/* Append to the arena, which has room (split_line made it). */
static void
arena_put(sla_csvin *in, const char *s, size_t n)
{
	memcpy(in->arena.p + in->arena.n, s, n);
	in->arena.n += n;
}

/* Most records are one line of plain fields and fields quoted throughout.
 * libcsv reads every byte through its state machine, with a call of the
 * space test for each; this reads such a line with memchr, into the same
 * fields (profile and figures: tests/bench/profile-parse.md).  It gives
 * what libcsv gives -- strict, nothing trimmed, the line begun at a row's
 * start -- for the lines it takes: fields split at every delimiter, each
 * plain (no quote in it) or quoted (a quote, text in which a doubled quote
 * stands for one, a quote, then the delimiter or the line's end).  On any
 * other line (a quote in a plain field, text after a closing quote, a
 * quote not closed on its line) it pushes nothing and returns false, and
 * libcsv reads the line.  P[0..N): the line without its break.
 * tests/fuzz/fuzz_csvline.c reads every input both ways. */
static bool
split_line(sla_csvin *in, const char *p, size_t n)
{
	const char quote = in->no_quote ? '\0' : CSV_QUOTE;	/* as setup_parser */
	const char *end = p + n, *s = p;
	const char *q = memchr(p, quote, n);	/* the next quote, or NULL */

	/* Room for the line: its fields' text is some of its bytes. */
	if (!sla_grow((void **)&in->arena.p, &in->arena.cap, in->arena.n + n + 1, 1)) {
		in->fatal = true;
		return true;
	}
	while (!in->fatal) {
		const char *stop;	/* the field's end: a delimiter, or END */
		if (s == q) {	/* quoted: its pieces between doubled quotes */
			size_t len = 0;
			for (s++;; s = q + 2) {
				if (!(q = memchr(s, quote, (size_t)(end - s))))
					goto refuse;	/* goes on to the next line */
				arena_put(in, s, (size_t)(q - s) + 1);
				len += (size_t)(q - s) + 1;
				if (q + 1 == end || q[1] != quote)
					break;
			}
			in->arena.n--;	/* the closing quote */
			len--;
			stop = q + 1;
			if (stop < end && *stop != in->delim)
				goto refuse;
			end_field(in, len);
			q = stop < end ? memchr(stop, quote, (size_t)(end - stop)) : NULL;
		} else {
			stop = memchr(s, in->delim, (size_t)(end - s));
			if (!stop)
				stop = end;
			if (q && q < stop)
				goto refuse;	/* libcsv's strict error */
			arena_put(in, s, (size_t)(stop - s));
			end_field(in, (size_t)(stop - s));
		}
		if (stop == end)
			return true;
		s = stop + 1;
	}
	return true;	/* out of memory: said by the caller */
refuse:
	in->nfields = in->cur_first;
	in->arena.n = in->cur_bytes;
	in->long_field = SIZE_MAX;
	return false;
}

/* ---- feeding libcsv one line at a time ---------------------------------- */

/* Where the segment starting at P ends: after its first line break, or at
 * the end of the buffer (the line goes on in the next block). */
static size_t
segment_end(const char *p, size_t n)
{
	const char *nl = memchr(p, '\n', n);
	size_t lim = nl ? (size_t)(nl - p) : n;
	const char *cr = memchr(p, '\r', lim);

	if (cr)
		return (size_t)(cr - p) + 1;
	return nl ? lim + 1 : n;
}

static bool
only_breaks(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!sla_csv_is_eol(p[i]))
			return false;
	return true;
}

/* Pitfall 4: libcsv gives no positions; count the lines here.  A break is
 * LF, CRLF or a lone CR; the LF of a CRLF arrives as a segment of its own. */
static void
count_line(sla_csvin *in, const char *p, size_t n)
{
	char last = p[n - 1];

	if (last == '\r') {
		in->line++;
		in->prev_cr = true;
	} else if (last == '\n') {
		if (!(n == 1 && in->prev_cr))
			in->line++;
		in->prev_cr = false;
	} else {
		in->prev_cr = false;
	}
}

static void
keep_raw(sla_csvin *in, const char *p, size_t n)
{
	if (in->raw_overflow)
		return;
	if (in->raw.n + n > in->max_record + READ_BLOCK) {
		in->raw_overflow = true;
		return;
	}
	if (!bytes_append(&in->raw, p, n))
		in->fatal = true;
}

/* A line that begins inside a quoted field is looked at, piece by piece
 * (before libcsv reads it: the piece that ends the line may end the
 * record); other lines cost a test.  Only a line break inside quotes
 * leaves a record open, so an open record at a line's start means one. */
static void
watch_line(sla_csvin *in, const char *p, size_t n, bool ends_line)
{
	if (!in->mid_line) {
		in->quoted_line = in->in_record && in->shape.nfields > 0;
		sla_csv_probe_start(&in->probe);
	}
	in->mid_line = !ends_line;
	if (!in->quoted_line)
		return;
	sla_csv_probe_feed(&in->probe, &in->shape, in->delim, p, n);
	if (!ends_line || !sla_csv_probe_is_record(&in->probe, &in->shape))
		return;
	if (in->swallowed.records == 0) {
		in->swallowed = in->open;
		in->swallowed.records = 0;
	}
	in->swallowed.records++;
}

/* A line that leaves its record open has opened a quoted field: one that
 * began on a line of its own, or after the quote it went on in was closed
 * (a field ended on it).  FIELDS_BEFORE: the fields at the line's start. */
static void
note_open_quote(sla_csvin *in, bool ends_line, size_t fields_before)
{
	if (ends_line && in->in_record && (!in->quoted_line || in->nfields != fields_before))
		in->open = (span){ .line = in->line, .field = in->nfields - in->cur_first };
}

/* Feed one segment; BAD_BYTES says it holds an invalid sequence, UTF8
 * that it begins a line read as UTF-8 in a file of another encoding. */
static void
feed_segment(sla_csvin *in, const char *p, size_t n, bool replaying, bool bad_bytes, bool utf8)
{
	bool ends_line = sla_csv_is_eol(p[n - 1]);

	if (in->skip_line) {	/* the rest of a line too long to keep */
		in->skip_line = !ends_line;
		in->mid_line = !ends_line;
		count_line(in, p, n);
		return;
	}
	if (in->shape.nfields)
		watch_line(in, p, n, ends_line);
	/* A segment holds one line break at most, at its end. */
	bool whole_line = ends_line && !in->in_record && n > 1 && !in->libcsv_only;
	if (!in->in_record && !only_breaks(p, n))
		begin_record(in);
	in->bad_encoding |= bad_bytes && in->in_record;
	in->read_as_utf8 |= utf8 && in->in_record;
	size_t fields_before = in->nfields;
	size_t used = n;
	if (whole_line && split_line(in, p, n - 1))
		end_record(in, SLA_CSV_OK, 0);
	else
		used = csv_parse(&in->csv, p, n, on_field, on_record, in);
	enum sla_csv_fault kind = SLA_CSV_OK;
	if (used < n)
		kind = csv_error(&in->csv) == CSV_EPARSE ? SLA_CSV_BADQUOTE : SLA_CSV_TOOLONG;
	else if (in->in_record && in->csv.entry_pos > in->max_field)
		kind = SLA_CSV_TOOLONG;	/* pitfall 5: checked after each segment,
					 * which is at most one block */
	else if (in->in_record && record_size(in) > in->max_record)
		kind = SLA_CSV_TOOBIG;	/* a line of countless short fields */
	/* The text of a record is kept only while it spans segments (most
	 * end in the segment they start in), or for a fault. */
	if (in->in_record || kind != SLA_CSV_OK)
		keep_raw(in, p, n);
	bool replayed = false;
	if (kind != SLA_CSV_OK) {
		replayed = fault(in, kind, replaying);
		in->skip_line = !replayed && !ends_line;
	}
	if (replayed)
		return;
	if (in->shape.nfields)
		note_open_quote(in, ends_line, fields_before);
	count_line(in, p, n);
}

static void
feed(sla_csvin *in, const char *p, size_t n, bool replaying)
{
	size_t i = 0;

	while (i < n && !in->fatal) {
		size_t k = segment_end(p + i, n - i);
		feed_segment(in, p + i, k, replaying, false, false);
		i += k;
	}
}

/* ---- reading and decoding ------------------------------------------------ */

static int
read_more(sla_csvin *in, bool fill_up)
{
	if (in->rused) {
		memmove(in->rbuf, in->rbuf + in->rused, in->rlen - in->rused);
		in->rlen -= in->rused;
		in->rused = 0;
	}
	while (!in->eof && in->rlen < READ_BLOCK) {
		ssize_t got = read(in->fd, in->rbuf + in->rlen, READ_BLOCK - in->rlen);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			sla_diag_msg(in->d, in->name, 0, NULL, NULL, 0, "cannot read: %s",
				     strerror(errno));
			return -1;
		}
		if (got == 0)
			in->eof = true;
		in->rlen += (size_t)got;
		if (!fill_up)
			break;
	}
	return 0;
}

/* The next decoded block into in->blk.  0, or -1 on a read error. */
static int
next_block(sla_csvin *in, bool fill_up)
{
	do {
		if (read_more(in, fill_up) < 0)
			return -1;
		in->rused = sla_decoder_run(in->dec, in->rbuf, in->rlen, in->eof, &in->blk,
					    &in->blklen, &in->bad, &in->nbad);
	} while (in->blklen == 0 && !in->eof);
	in->utf8 = sla_decoder_utf8_lines(in->dec, &in->nutf8);
	in->pos = 0;
	in->badi = 0;
	in->utf8i = 0;
	/* Pitfall 6: libcsv strips no byte order mark; an export written by
	 * two programs may begin with two. */
	while (in->first_block && in->blklen - in->pos >= 3 &&
	       memcmp(in->blk + in->pos, "\xEF\xBB\xBF", 3) == 0)
		in->pos += 3;
	in->first_block = false;
	return 0;
}

/* True when one of the ascending offsets AT[*I..N) falls in [A, B) of the
 * block; *I moves past those before B. */
static bool
noted_in(const size_t *at, size_t n, size_t *i, size_t a, size_t b)
{
	bool found = false;

	while (*i < n && at[*i] < b)
		found |= at[(*i)++] >= a;
	return found;
}

static void
finish(sla_csvin *in)
{
	while (!in->fatal && csv_fini(&in->csv, on_field, on_record, in) != 0) {
		/* Pitfall 3: a quote still open at the end of the file. */
		fault(in, SLA_CSV_UNTERMINATED, false);
	}
	in->done = true;
}

/* Read until WANT records wait, or MAX_BYTES of fields, or the end. */
static int
pump(sla_csvin *in, size_t want, size_t max_bytes)
{
	while (!in->done && in->nrecs - in->head < want && in->arena.n < max_bytes) {
		if (in->pos == in->blklen) {
			if (in->eof && in->rused == in->rlen) {
				finish(in);
				break;
			}
			if (next_block(in, false) < 0)
				return -1;
			continue;
		}
		size_t k = segment_end(in->blk + in->pos, in->blklen - in->pos);
		size_t a = in->pos, b = in->pos + k;
		feed_segment(in, in->blk + a, k, false, noted_in(in->bad, in->nbad, &in->badi, a, b),
			     noted_in(in->utf8, in->nutf8, &in->utf8i, a, b));
		in->pos += k;
	}
	if (in->fatal) {
		sla_diag_msg(in->d, in->name, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}

/* ---- the interface --------------------------------------------------------- */

static int
open_input(sla_csvin *in, const char *path)
{
	if (strcmp(path, "-") == 0) {
		in->name = "<stdin>";
		in->fd = 0;
		return 0;
	}
	in->name = path;
	in->fd = open(path, O_RDONLY);
	if (in->fd < 0) {
		sla_diag_msg(in->d, path, 0, NULL, NULL, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int
choose_encoding(sla_csvin *in, const sla_csvin_opts *o)
{
	char err[128];

	in->why = o->encoding_why ? o->encoding_why : "given";
	in->encoding = o->encoding;
	if (!in->encoding) {
		in->encoding = sla_encoding_detect((const unsigned char *)in->rbuf, in->rlen,
						   &in->guess);
		in->why = in->guess.why;
	}
	/* A guess is said once, before any record: every text of the file
	 * may read wrong. */
	if (!o->encoding && in->guess.unsure && !o->quiet)
		sla_diag_msg(in->d, in->name, 0, NULL, NULL, 0, "encoding %s (%s): "
			     "give --encoding if the text reads wrong", in->encoding, in->why);
	in->dec = sla_decoder_new(in->encoding, err, sizeof err);
	if (!in->dec) {
		sla_diag_msg(in->d, in->name, 0, NULL, NULL, 0, "%s", err);
		return -1;
	}
	return 0;
}

sla_csvin *
sla_csvin_open(const char *path, const sla_csvin_opts *o, sla_diag *d)
{
	sla_csvin *in = calloc(1, sizeof *in);

	if (!in || !(in->rbuf = malloc(READ_BLOCK))) {
		free(in);
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "out of memory");
		return NULL;
	}
	in->d = d;
	in->fd = -1;
	in->no_quote = o->no_quote;
	in->libcsv_only = o->libcsv_only;
	in->max_field = o->max_field ? o->max_field : SLA_CSVIN_MAX_FIELD;
	in->max_record = in->max_field > SLA_CSVIN_MIN_RECORD ? in->max_field : SLA_CSVIN_MIN_RECORD;
	in->long_field = SIZE_MAX;
	in->line = 1;
	in->first_block = true;
	if (open_input(in, path) < 0 || read_more(in, true) < 0 ||
	    choose_encoding(in, o) < 0 || next_block(in, true) < 0) {
		sla_csvin_free(in);
		return NULL;
	}
	in->delim = o->delim ? o->delim
		: sla_csv_sniff_delim(in->blk + in->pos, in->blklen - in->pos, in->no_quote);
	if (!setup_parser(in)) {
		sla_diag_msg(d, in->name, 0, NULL, NULL, 0, "out of memory");
		sla_csvin_free(in);
		return NULL;
	}
	return in;
}

void
sla_csvin_free(sla_csvin *in)
{
	if (!in)
		return;
	if (in->fd > 0)
		close(in->fd);
	if (in->csv_ready)
		csv_free(&in->csv);
	sla_decoder_free(in->dec);
	free(in->rbuf);
	free(in->raw.p);
	free(in->replay.p);
	free(in->arena.p);
	free(in->fields);
	free(in->recs);
	free(in->out);
	free(in);
}

const char *
sla_csvin_file(const sla_csvin *in)
{
	return in->name;
}

const char *
sla_csvin_encoding(const sla_csvin *in, const char **why)
{
	*why = in->why;
	return in->encoding;
}

char
sla_csvin_delim(const sla_csvin *in)
{
	return in->delim;
}

size_t
sla_csvin_max_field(const sla_csvin *in)
{
	return in->max_field;
}

void
sla_csvin_watch_quotes(sla_csvin *in, const sla_csv_shape *shape)
{
	in->shape = *shape;
	if (in->shape.time_col >= in->shape.nfields)
		in->shape.nfields = 0;	/* no such field: nothing to look at */
}

/* Drop the records handed out; keep the one being read. */
static void
compact(sla_csvin *in)
{
	size_t nf = in->nfields - in->cur_first;

	if (in->cur_bytes)
		memmove(in->arena.p, in->arena.p + in->cur_bytes, in->arena.n - in->cur_bytes);
	in->arena.n -= in->cur_bytes;
	for (size_t i = 0; i < nf; i++) {
		in->fields[i] = in->fields[in->cur_first + i];
		in->fields[i].off -= in->cur_bytes;
	}
	in->nfields = nf;
	in->cur_first = 0;
	in->cur_bytes = 0;
	in->head = in->nrecs = 0;
}

static void
hand_out(sla_csvin *in, const recref *r, sla_csvrec *rec)
{
	if (!sla_grow((void **)&in->out, &in->capout, r->n + 1, sizeof *in->out))
		in->fatal = true;
	for (size_t i = 0; i < r->n && !in->fatal; i++) {
		const fieldref *f = &in->fields[r->first + i];
		in->out[i] = (sla_field){ in->arena.p + f->off, f->len };
	}
	*rec = (sla_csvrec){
		.fields = in->out, .n = in->fatal ? 0 : r->n, .line = r->line,
		.fault = r->fault, .fault_field = r->fault_field,
		.bad_encoding = r->bad_encoding, .read_as_utf8 = r->read_as_utf8,
		.swallowed_line = r->swallowed.line, .swallowed_field = r->swallowed.field,
		.swallowed = r->swallowed.records,
	};
}

int
sla_csvin_next(sla_csvin *in, sla_csvrec *rec)
{
	if (in->head == in->nrecs) {
		compact(in);
		if (pump(in, 1, (size_t)-1) < 0)
			return -1;
	}
	if (in->head == in->nrecs)
		return 0;
	hand_out(in, &in->recs[in->head++], rec);
	return in->fatal ? -1 : 1;
}

size_t
sla_csvin_prefetch(sla_csvin *in, size_t max_records, size_t max_bytes)
{
	if (pump(in, max_records, max_bytes) < 0)
		return 0;
	return in->nrecs - in->head;
}

void
sla_csvin_peek(sla_csvin *in, size_t i, sla_csvrec *rec)
{
	hand_out(in, &in->recs[in->head + i], rec);
}
