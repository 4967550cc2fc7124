/* parse.c: export records to ticket-stream rows (see sla_parse.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_aliases.h"
#include "sla_colnames.h"
#include "sla_export.h"
#include "sla_mem.h"
#include "sla_parse.h"
#include "sla_pauses.h"
#include "sla_stream_fields.h"

/* A growable byte buffer, reused from record to record. */
typedef struct buffer {
	char *p;
	size_t n, cap;
} buffer;

/* What write_row does with a column. */
enum role { ROLE_TEXT, ROLE_LINE, ROLE_ERROR, ROLE_TIME, ROLE_PAUSED };

struct sla_parser {
	sla_parse_opts o;
	sla_writer *w;
	sla_diag *d;
	sla_export_map *maps;	/* --map, parsed */
	sla_export_kind kind;	/* the canonical columns, then the extra times */
	const char *names[SLA_EXPORT_MAXCOLS];	/* the kind's */
	const char *formats[SLA_EXPORT_MAXCOLS];	/* --time-format per column */
	char **out_unmapped;	/* the first file's unmapped names (header written) */
	size_t nout_unmapped;
	bool out_col[SLA_EXPORT_MAXCOLS];	/* the kind's columns written */
	enum role role[SLA_EXPORT_MAXCOLS];	/* decided once, not per cell */
	int conv[SLA_EXPORT_MAXCOLS];	/* the current file's time columns to convert */
	int nconv;
	bool header_written;
	bool shape_known;	/* out_col and out_unmapped are the first file's */
	bool checked;		/* sla_parser_check has read headers */
	bool checking;		/* and is reading one */
	sla_export *held;	/* standard input, checked and open */
	size_t *unmapped;	/* the current file's columns passed through, in order */
	size_t nunmapped;
	unsigned long nread, nwritten, nflagged;
	/* per record, reused */
	buffer err, extra, paused;
	sla_pause *pauses;	/* the paused cell's intervals */
	size_t npauses, pause_cap;
	const char *file;
	unsigned long line;
	bool record_failed;
	sla_rfc3339_days days;	/* the dates of the times written lately */
};

/* ---- options ---------------------------------------------------------------- */

/* The ticket export's columns are the stream's canonical ones, then the
 * pause columns that are read into `paused` and not written, both found
 * by the header aliases (sla_aliases.h), then the extra time columns of
 * the caller (a policy's metrics), found by their names. */
enum { COL_PAUSE = SLA_NCANON, COL_EXTRA = COL_PAUSE + SLA_NPAUSECOLS };

static int
canon_alias(const char *h, size_t n, long *rank)
{
	unsigned r;
	int c = sla_alias_lookup(h, n, &r);
	*rank = r;
	/* `line` is sla-parse's own; an export column of that name passes. */
	return c == SLA_COL_LINE ? -1 : c;
}

static int
kind_alias(const char *h, size_t n, long *rank)
{
	int c = canon_alias(h, n, rank);
	unsigned r;
	if (c < 0 && (c = sla_alias_pause_lookup(h, n, &r)) >= 0) {
		*rank = r;
		c += COL_PAUSE;
	}
	return c;
}

/* The pause columns are read, never written. */
static bool
is_pause(int c)
{
	return c >= COL_PAUSE && c < COL_EXTRA;
}

static bool
is_time(int c)
{
	return c >= COL_EXTRA || sla_canon_is_time(c) || c == COL_PAUSE + SLA_PAUSE_START ||
	       c == COL_PAUSE + SLA_PAUSE_END;
}

static const int required[] = { SLA_COL_ID, SLA_COL_OPENED };
_Static_assert(COL_EXTRA <= SLA_EXPORT_MAXCOLS, "the canonical columns fit an export");

/* The kind: the canonical columns and O's extra times.  False, with *NO
 * naming the first that does not fit, when there are too many. */
static bool
make_kind(sla_parser *ps, const sla_parse_opts *o, sla_export_refusal *no)
{
	int n = COL_EXTRA;
	for (int c = 0; c < SLA_NCANON; c++)
		ps->names[c] = sla_canon_names[c];
	for (int c = 0; c < SLA_NPAUSECOLS; c++)
		ps->names[COL_PAUSE + c] = sla_pause_col_names[c];
	for (size_t i = 0; i < o->nextra; i++) {
		if (n == SLA_EXPORT_MAXCOLS) {
			*no = (sla_export_refusal){ SLA_EXPORT_TOO_MANY, o->extra_times[i] };
			return false;
		}
		ps->names[n++] = o->extra_times[i];
	}
	for (int c = 0; c < n; c++)
		ps->role[c] = c == SLA_COL_LINE ? ROLE_LINE : c == SLA_COL_ERROR ? ROLE_ERROR
			: c == SLA_COL_PAUSED ? ROLE_PAUSED : is_time(c) ? ROLE_TIME : ROLE_TEXT;
	ps->kind = (sla_export_kind){
		.names = ps->names, .ncols = n, .alias = kind_alias, .named_from = COL_EXTRA,
		.required = required, .nrequired = sizeof required / sizeof *required,
		.unmappable = SLA_COL_LINE, .is_time = is_time,
	};
	return true;
}

sla_parser *
sla_parser_new(const sla_parse_opts *o, sla_writer *w, sla_diag *d, sla_export_refusal *no)
{
	sla_parser *ps = calloc(1, sizeof *ps);

	*no = (sla_export_refusal){ 0 };

	if (!ps)
		return NULL;
	ps->o = *o;
	ps->w = w;
	ps->d = d;
	ps->maps = calloc(o->nmaps + 1, sizeof *ps->maps);
	if (!ps->maps || !make_kind(ps, o, no) ||
	    !sla_export_read_options(&ps->kind, o->maps, o->nmaps, ps->maps, o->formats,
				     o->nformats, ps->formats, no)) {
		sla_parser_free(ps);
		return NULL;
	}
	return ps;
}

static void
free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n && names; i++)
		free(names[i]);
	free(names);
}

void
sla_parser_free(sla_parser *ps)
{
	if (!ps)
		return;
	free(ps->maps);
	if (ps->held) {
		sla_export_close(ps->held);
		free(ps->held);
	}
	free_names(ps->out_unmapped, ps->nout_unmapped);
	free(ps->err.p);
	free(ps->extra.p);
	free(ps->paused.p);
	free(ps->pauses);
	free(ps->unmapped);
	free(ps);
}

void
sla_parser_counts(const sla_parser *ps, unsigned long *read, unsigned long *written,
		  unsigned long *flagged)
{
	*read = ps->nread;
	*written = ps->nwritten;
	*flagged = ps->nflagged;
}

/* ---- record errors ------------------------------------------------------------ */

static void
bytes_put(buffer *b, const char *p, size_t n)
{
	if (!sla_grow((void **)&b->p, &b->cap, b->n + n, 1))
		return;	/* the message still goes to stderr */
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
}

/* One error of the current record: on stderr, and in its `error` cell as
 * `column: reason "value"` (several joined by "; ").  FULL keeps the whole
 * value in the cell (extra fields must not be lost). */
static void
record_error(sla_parser *ps, const char *column, const char *value, size_t vlen,
	     bool full, const char *fmt, ...)
{
	char reason[256], quoted[4 * SLA_DIAG_VALUE_MAX + 16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	sla_diag_record(ps->d, ps->file, ps->line, column, value, vlen, "%s", reason);
	if (ps->err.n)
		bytes_put(&ps->err, "; ", 2);
	bytes_put(&ps->err, column, strlen(column));
	bytes_put(&ps->err, ": ", 2);
	bytes_put(&ps->err, reason, strlen(reason));
	if (value && full) {
		bytes_put(&ps->err, " \"", 2);
		bytes_put(&ps->err, value, vlen);
		bytes_put(&ps->err, "\"", 1);
	} else if (value) {
		bytes_put(&ps->err, " ", 1);
		bytes_put(&ps->err, quoted, sla_diag_quote(quoted, sizeof quoted, value, vlen));
	}
	ps->record_failed = true;
}

/* ---- the header ------------------------------------------------------------------- */

/* The export columns that no canonical column is read from pass through,
 * in their order. */
static bool
find_unmapped(sla_parser *ps, const sla_export *x)
{
	free(ps->unmapped);
	ps->nunmapped = 0;
	ps->unmapped = calloc(x->ncols + 1, sizeof *ps->unmapped);
	if (!ps->unmapped)
		return false;
	for (size_t j = 0; j < x->ncols; j++)
		if (x->read_as[j] < 0)
			ps->unmapped[ps->nunmapped++] = j;
	return true;
}

/* For -v: each column passed through, and the canonical column it may
 * hold when its header says so and the export has none yet. */
static void
say_unread(const sla_parser *ps, const sla_export *x)
{
	bool skip[SLA_NCANON];
	for (int c = 0; c < SLA_NCANON; c++)
		skip[c] = x->col_of[c] >= 0 || c == SLA_COL_LINE || c == SLA_COL_RULE;
	for (size_t k = 0; k < ps->nunmapped; k++) {
		const char *h = x->names[ps->unmapped[k]];
		long rank;
		int c = canon_alias(h, strlen(h), &rank);
		if (c >= 0 && x->col_of[c] >= 0) {	/* an alias that lost to another */
			sla_diag_msg(ps->d, x->file, 0, NULL, h, strlen(h), "column not read, "
				     "passed through (%s is read from \"%s\")", sla_canon_names[c],
				     x->names[x->col_of[c]]);
			continue;
		}
		c = sla_alias_suggest(h, strlen(h), skip);
		if (c >= 0)
			sla_diag_msg(ps->d, x->file, 0, NULL, h, strlen(h), "column not read, "
				     "passed through (if it holds %s: --map %s=HEADER)",
				     sla_canon_names[c], sla_canon_names[c]);
		else
			sla_diag_msg(ps->d, x->file, 0, NULL, h, strlen(h), "column not read, "
				     "passed through (--map CANONICAL=HEADER reads it as one; "
				     "--list-aliases)");
	}
}

/* Is column C written?  Every canonical one is, but for a time that the
 * export does not have (first_response, onsite, resolved, ...): an empty
 * column would say "has not happened yet" of every ticket, and sla-check
 * would count each one overdue; left out, it says "not known", and
 * sla-check lists the metric as unassessable instead.  An extra time is
 * written the same way: when the export has it. */
static bool
col_written(const sla_export *x, int c)
{
	return !is_pause(c) && (!is_time(c) || c == SLA_COL_OPENED || x->col_of[c] >= 0);
}

/* The stream's names of the columns passed through, after the canonical
 * ones: each export column's header, made unique (sla_colnames_unique).
 * Every canonical name is taken, written or not: a pass-through column
 * named "resolved" would be read downstream as the canonical one. */
static bool
write_passed_names(sla_parser *ps, const sla_export *x)
{
	sla_colnames *seen = sla_colnames_new(), *taken = sla_colnames_new();
	bool ok = seen && taken;
	for (int c = 0; ok && c < ps->kind.ncols; c++)
		ok = sla_colnames_add(taken, ps->names[c], strlen(ps->names[c]), x->ncols, NULL) > 0;
	for (size_t j = 0, k = 0; ok && j < x->ncols; j++) {
		const char *h = x->names[j];
		size_t occurrence = sla_colnames_add(seen, h, strlen(h), j, NULL);
		if (k == ps->nunmapped || ps->unmapped[k] != j)
			continue;	/* a canonical column's: counted only */
		k++;
		char *name = occurrence ? sla_colnames_unique(taken, h, occurrence, j) : NULL;
		if (!(ok = name != NULL))
			break;
		sla_writer_char(ps->w, '	');
		sla_writer_escaped(ps->w, name, strlen(name));
		free(name);
	}
	sla_colnames_free(seen);
	sla_colnames_free(taken);
	if (!ok)
		sla_diag_msg(ps->d, ps->file, 0, NULL, NULL, 0, "out of memory");
	return ok;
}

static bool
write_header(sla_parser *ps, const sla_export *x)
{
	bool first = true;
	for (int c = 0; c < ps->kind.ncols; c++) {
		if (!col_written(x, c))
			continue;
		if (!first)
			sla_writer_char(ps->w, '\t');
		sla_writer_str(ps->w, ps->names[c]);
		first = false;
	}
	if (!write_passed_names(ps, x))
		return false;
	sla_writer_char(ps->w, '\n');
	return true;
}

/* ---- the files' columns ---------------------------------------------------------- */

/* The columns of the first file read: the kind's it writes, and the names
 * of those it passes through. */
static bool
remember_shape(sla_parser *ps, const sla_export *x)
{
	ps->out_unmapped = calloc(ps->nunmapped + 1, sizeof *ps->out_unmapped);
	if (!ps->out_unmapped)
		return false;
	for (size_t k = 0; k < ps->nunmapped; k++)
		if (!(ps->out_unmapped[k] = strdup(x->names[ps->unmapped[k]])))
			return false;
	ps->nout_unmapped = ps->nunmapped;
	for (int c = 0; c < ps->kind.ncols; c++)
		ps->out_col[c] = col_written(x, c);
	ps->shape_known = true;
	return true;
}

static bool
passed_by_first(const sla_parser *ps, const char *h)
{
	for (size_t k = 0; k < ps->nout_unmapped; k++)
		if (strcmp(ps->out_unmapped[k], h) == 0)
			return true;
	return false;
}

static bool
passed_by_this(const sla_parser *ps, const sla_export *x, const char *h)
{
	for (size_t k = 0; k < ps->nunmapped; k++)
		if (strcmp(x->names[ps->unmapped[k]], h) == 0)
			return true;
	return false;
}

/* Whether the export X gives the stream the first file's columns, in
 * their order; else a message names the first that differs. */
static bool
same_shape(const sla_parser *ps, const sla_export *x)
{
	for (int c = 0; c < ps->kind.ncols; c++)
		if (col_written(x, c) != ps->out_col[c]) {
			sla_diag_msg(ps->d, ps->file, 0, ps->names[c], NULL, 0,
				     "the first file %s this column, this one %s",
				     ps->out_col[c] ? "has" : "has not", ps->out_col[c] ? "has not" : "has");
			return false;
		}
	for (size_t k = 0; k < ps->nunmapped || k < ps->nout_unmapped; k++) {
		const char *mine = k < ps->nunmapped ? x->names[ps->unmapped[k]] : NULL;
		const char *first = k < ps->nout_unmapped ? ps->out_unmapped[k] : NULL;
		if (mine && first && strcmp(mine, first) == 0)
			continue;
		if (mine && !passed_by_first(ps, mine))
			sla_diag_msg(ps->d, ps->file, 0, NULL, mine, strlen(mine), "passes through "
				     "a column the first file has not (or reads as another)");
		else if (first && !passed_by_this(ps, x, first))
			sla_diag_msg(ps->d, ps->file, 0, NULL, first, strlen(first), "has not a "
				     "column the first file passes through (or reads it as another)");
		else
			sla_diag_msg(ps->d, ps->file, 0, NULL, mine, strlen(mine), "passes its "
				     "columns through in another order than the first file");
		return false;
	}
	return true;
}

/* The first file writes the header; every other must give the same
 * columns (sla_parser_check saw to it before anything was written, where
 * it was called). */
static bool
header_once(sla_parser *ps, const sla_export *x)
{
	if (!ps->shape_known && !remember_shape(ps, x)) {
		sla_diag_msg(ps->d, ps->file, 0, NULL, NULL, 0, "out of memory");
		return false;
	}
	if (!same_shape(ps, x))
		return false;
	if (ps->header_written)
		return true;
	ps->header_written = true;
	return write_header(ps, x);
}

/* ---- times ---------------------------------------------------------------------- */

/* The look-ahead settles the order of each time column read without a
 * --time-format (sla_export.h). */
static void
lookahead(const sla_parser *ps, sla_export *x)
{
	bool observe[SLA_EXPORT_MAXCOLS];
	for (int c = 0; c < ps->kind.ncols; c++)
		observe[c] = is_time(c) && !ps->formats[c];
	sla_export_lookahead(x, observe);
}

/* Whether instant UTC written at OFFSET (cut to whole minutes, as RFC 3339
 * writes it) falls in the years 0001-9999 that the next tool reads: the
 * first minutes of 0001 in a zone of local mean time (Asia/Shanghai,
 * +08:05:43) would be written in the year 0000. */
static bool
readable_year(int64_t utc, int32_t offset)
{
	int64_t local = utc + offset - offset % 60;
	return local >= -62135596800 && local < 253402300800;
}

/* The time V of column C as an instant into *UTC, and the zone's offset
 * then into *OFF; false after a record error.  V is not blank. */
static inline bool
convert_time(sla_parser *ps, sla_export *x, int c, sla_field v, int64_t *utc, int32_t *off)
{
	const char *name = ps->names[c];
	enum sla_date_order proof;
	char why[128];

	/* The value's own proof joins the column's after it is read: a value
	 * that proves an order reads the same in any order. */
	int rc = sla_export_time(v, ps->formats[c], sla_export_order(x, c, ps->o.order),
				 ps->o.date_1904, ps->o.tz, utc, &proof);
	sla_export_prove(x, c, proof);
	if (rc != SLA_XT_OK) {
		sla_export_time_why(rc, ps->o.tz, why, sizeof why);
		record_error(ps, name, v.p, v.n, false, "%s", why);
		return false;
	}
	*off = sla_tz_offset(ps->o.tz, *utc);
	if (!readable_year(*utc, *off)) {
		record_error(ps, name, v.p, v.n, false, "time outside the years 0001-9999 in %s",
			     sla_tz_name(ps->o.tz));
		return false;
	}
	return true;
}

/* The cell of time column C into OUT (SLA_RFC3339_MAX bytes): its length,
 * 0 when the value is blank (an empty `opened` is an error) or after a
 * record error. */
static size_t
time_cell(sla_parser *ps, sla_export *x, int c, sla_field v, char *out)
{
	int64_t utc;
	int32_t off;

	if (!sla_field_blank(v))
		return convert_time(ps, x, c, v, &utc, &off)
			? sla_stream_time_write_memo(utc, off, &ps->days, out) : 0;
	if (c == SLA_COL_OPENED)
		record_error(ps, ps->names[c], NULL, 0, false, "missing");
	return 0;
}

/* A pause from START (of column CS) to STOP (of CE; blank: not ended)
 * into ps->pauses; false after a record error.  One that ends before it
 * starts is written so: what a pause means is sla-check's to judge. */
static bool
add_pause(sla_parser *ps, sla_export *x, int cs, sla_field start, int ce, sla_field stop)
{
	sla_pause p = { .open = sla_field_blank(stop) };
	int32_t off;

	if (!convert_time(ps, x, cs, start, &p.start, &off) ||
	    (!p.open && !convert_time(ps, x, ce, stop, &p.end, &off)))
		return false;
	if (sla_grow((void **)&ps->pauses, &ps->pause_cap, ps->npauses + 1, sizeof *ps->pauses))
		ps->pauses[ps->npauses++] = p;	/* else lost: out of memory */
	return true;
}

/* Whether F reads as a time, in any day/month order (sla_pauses.h). */
static bool
reads_as_time(sla_field f, void *ctx)
{
	const sla_parser *ps = ctx;
	sla_stamp st;
	return sla_timeform_parse(f.p, f.n, SLA_ORDER_UNKNOWN, &st) != SLA_TF_BAD ||
	       sla_excel_serial(f.p, f.n, ps->o.date_1904, &st);
}

/* `paused` holds "start/end;start/end" in the export's time forms (and
 * Excel's, sla_pauses.h); false after a record error. */
static bool
paused_intervals(sla_parser *ps, sla_export *x, sla_field v)
{
	sla_field rest = v, iv, start, stop;

	while (sla_pause_next(&rest, &iv)) {
		int rc = sla_pause_split(iv, reads_as_time, ps, &start, &stop);
		if (rc <= 0 || sla_field_blank(start)) {
			record_error(ps, "paused", v.p, v.n, false,
				     rc < 0 ? "an interval that splits more than one way"
				     : rc == 0 ? "want start/end intervals" : "an interval without a start");
			return false;
		}
		if (!add_pause(ps, x, SLA_COL_PAUSED, start, SLA_COL_PAUSED, stop))
			return false;
	}
	return true;
}

static size_t
count_items(sla_field list)
{
	sla_field item;
	size_t n = 0;
	while (sla_pause_next(&list, &item))
		n++;
	return n;
}

/* The start and end columns: one time or more a cell, paired in order; a
 * last start without an end is a pause not ended.  False after a record
 * error. */
static bool
paused_columns(sla_parser *ps, sla_export *x, const sla_csvrec *r)
{
	int cs = COL_PAUSE + SLA_PAUSE_START, ce = COL_PAUSE + SLA_PAUSE_END;
	sla_field a = sla_export_value(x, r, cs), b = sla_export_value(x, r, ce);
	size_t ns = count_items(a), ne = count_items(b);
	sla_field start, stop;

	if (ns != ne && ns != ne + 1) {
		record_error(ps, ps->names[ns > ne ? cs : ce], NULL, 0, false,
			     "%zu pause starts and %zu ends do not pair", ns, ne);
		return false;
	}
	while (sla_pause_next(&a, &start)) {
		if (!sla_pause_next(&b, &stop))
			stop = (sla_field){ "", 0 };	/* the last: not ended */
		if (!add_pause(ps, x, cs, start, ce, stop))
			return false;
	}
	return true;
}

/* A total paused time, where no pause says when: it cannot be placed on
 * the calendar, and a pause's business time depends on where it lies, so
 * the record is flagged rather than given an invented pause. */
static void
paused_total(sla_parser *ps, sla_export *x, const sla_csvrec *r)
{
	int c = COL_PAUSE + SLA_PAUSE_TOTAL;
	sla_field v = sla_export_value(x, r, c);
	int64_t secs;

	if (sla_field_blank(v))
		return;
	if (!sla_pause_total(v, &secs))
		record_error(ps, ps->names[c], v.p, v.n, false, "cannot read duration");
	else if (secs > 0 && ps->npauses == 0)
		record_error(ps, ps->names[c], v.p, v.n, false, "paused %lld min, but not when: "
			     "a total cannot be placed on the calendar (give the pauses' start "
			     "and end)", (long long)(secs / 60));
}

/* The record's pauses (`paused`, the start and end columns, a total) into
 * the paused cell, in the stream's form (sla_stream_fields.h).  Any error
 * empties the cell (the record is flagged). */
static void
paused_cell(sla_parser *ps, sla_export *x, const sla_csvrec *r)
{
	bool columns = x->col_of[COL_PAUSE + SLA_PAUSE_START] >= 0 ||
		       x->col_of[COL_PAUSE + SLA_PAUSE_END] >= 0;
	ps->npauses = 0;
	ps->paused.n = 0;
	sla_field v = sla_export_value(x, r, SLA_COL_PAUSED);
	if (!sla_field_blank(v) && !paused_intervals(ps, x, v))
		return;
	if (columns && !paused_columns(ps, x, r))
		return;
	if (x->col_of[COL_PAUSE + SLA_PAUSE_TOTAL] >= 0)
		paused_total(ps, x, r);
	if (ps->npauses == 0)
		return;	/* most records: never paused */
	size_t need = sla_paused_max(ps->npauses);
	if (sla_grow((void **)&ps->paused.p, &ps->paused.cap, need, 1))
		ps->paused.n = sla_paused_write(ps->pauses, ps->npauses, ps->o.tz, ps->paused.p);
}

/* ---- one record ---------------------------------------------------------------- */

static const char *
column_name(const sla_export *x, size_t j)
{
	return j < x->ncols ? x->names[j] : "record";
}

/* U+FFFD, which the decoder put where the input was not valid. */
static bool
has_replacement(sla_field f)
{
	for (size_t i = 0; i + 2 < f.n; i++)
		if (memcmp(f.p + i, "\xEF\xBF\xBD", 3) == 0)
			return true;
	return false;
}

static void
check_fault(sla_parser *ps, const sla_export *x, const sla_csvrec *r)
{
	static const char *const why[] = {
		[SLA_CSV_BADQUOTE] = "malformed quoting; its first line read literally",
		[SLA_CSV_UNTERMINATED] = "quote not closed by the end of the file; "
					 "its first line read literally",
	};
	sla_field at = r->fault_field < r->n ? r->fields[r->fault_field] : (sla_field){ "", 0 };
	const char *col = column_name(x, r->fault_field);

	if (r->fault == SLA_CSV_TOOLONG)
		record_error(ps, col, at.p, at.n, false,
			     "field too long (unterminated quote?) starting at line %lu", r->line);
	else if (r->fault == SLA_CSV_LONGFIELD)
		record_error(ps, col, at.p, at.n, false,
			     "field of %zu bytes, longer than --max-field (%zu); kept whole", at.n,
			     sla_csvin_max_field(x->in));
	else if (r->fault == SLA_CSV_TOOBIG)
		record_error(ps, "record", NULL, 0, false,
			     "record longer than --max-field starting at line %lu", r->line);
	else if (r->fault != SLA_CSV_OK)
		record_error(ps, col, at.p, at.n, false, "%s", why[r->fault]);
}

/* A quoted field whose lines look like records is kept as RFC 4180 reads
 * it, but the records in it would go unseen: the first line of each is
 * likely a ticket of its own, swallowed between two stray quotes. */
static void
check_swallowed(sla_parser *ps, const sla_export *x, const sla_csvrec *r)
{
	if (r->swallowed == 0)
		return;
	sla_field v = sla_csvrec_field(r, (int)r->swallowed_field);
	record_error(ps, column_name(x, r->swallowed_field), v.p, v.n, false,
		     "the quote opened at line %lu runs over %zu %s (a stray quote?); "
		     "read as one field", r->swallowed_line, r->swallowed,
		     r->swallowed == 1 ? "line that looks like a record"
				       : "lines that look like records");
}

static bool
has_high_bytes(sla_field f)
{
	for (size_t i = 0; i < f.n; i++)
		if ((unsigned char)f.p[i] >= 0x80)
			return true;
	return false;
}

/* The first field where the decoder put U+FFFD names the error; for a
 * line read as UTF-8 in a file of another encoding, the first field that
 * is not ASCII. */
static void
check_encoding(sla_parser *ps, const sla_export *x, const sla_csvrec *r)
{
	const char *why;
	const char *enc = sla_csvin_encoding(x->in, &why);

	for (size_t j = 0; r->bad_encoding && j < r->n; j++) {
		if (has_replacement(r->fields[j])) {
			record_error(ps, column_name(x, j), r->fields[j].p, r->fields[j].n, false,
				     "invalid byte sequence in %s (read as U+FFFD)", enc);
			break;
		}
	}
	for (size_t j = 0; r->read_as_utf8 && j < r->n; j++) {
		if (has_high_bytes(r->fields[j])) {
			record_error(ps, column_name(x, j), r->fields[j].p, r->fields[j].n, false,
				     "UTF-8 in a file read as %s (this record read as UTF-8)", enc);
			break;
		}
	}
}

/* Fields stay in their columns: a short row leaves the rest empty, a long
 * one keeps its extra fields whole in the error cell. */
static void
check_ragged(sla_parser *ps, const sla_export *x, const sla_csvrec *r)
{
	if (r->n < x->ncols && r->fault == SLA_CSV_OK)
		record_error(ps, x->names[r->n], NULL, 0, false,
			     "missing: the record has %zu fields, the header %zu", r->n, x->ncols);
	if (r->n <= x->ncols)
		return;
	char delim = sla_csvin_delim(x->in);
	ps->extra.n = 0;
	for (size_t j = x->ncols; j < r->n; j++) {
		if (j > x->ncols)
			bytes_put(&ps->extra, &delim, 1);
		bytes_put(&ps->extra, r->fields[j].p, r->fields[j].n);
	}
	record_error(ps, "record", ps->extra.p, ps->extra.n, true,
		     "%zu fields beyond the header's %zu", r->n - x->ncols, x->ncols);
}

static void
write_text(sla_parser *ps, sla_field v)
{
	sla_writer_escaped(ps->w, v.p, v.n);
}

static void
write_row(sla_parser *ps, const sla_export *x, const sla_csvrec *r,
	  char times[][SLA_RFC3339_MAX], const size_t *tlen)
{
	for (int c = 0; c < ps->kind.ncols; c++) {
		if (!ps->out_col[c])
			continue;
		if (c)
			sla_writer_char(ps->w, '\t');
		switch (ps->role[c]) {
		case ROLE_LINE:
			sla_writer_i64(ps->w, (long long)r->line);
			break;
		case ROLE_ERROR: {
			sla_field own = sla_export_value(x, r, c);
			write_text(ps, own);
			if (own.n && ps->err.n)
				sla_writer_str(ps->w, "; ");
			if (ps->err.n)
				sla_writer_escaped(ps->w, ps->err.p, ps->err.n);
			break;
		}
		case ROLE_TIME:
			sla_writer_raw(ps->w, times[c], tlen[c]);
			break;
		case ROLE_PAUSED:
			if (ps->paused.n)
				sla_writer_raw(ps->w, ps->paused.p, ps->paused.n);
			break;
		case ROLE_TEXT:
			write_text(ps, sla_export_value(x, r, c));
			break;
		}
	}
	for (size_t k = 0; k < ps->nunmapped; k++) {
		size_t j = ps->unmapped[k];
		sla_writer_char(ps->w, '\t');
		if (j < r->n)
			write_text(ps, r->fields[j]);
	}
	sla_writer_char(ps->w, '\n');
}

/* 0, or -1 when --strict makes this record's error fatal. */
static int
emit(sla_parser *ps, sla_export *x, const sla_csvrec *r)
{
	/* set for every time column written: each is in ps->conv */
	char times[SLA_EXPORT_MAXCOLS][SLA_RFC3339_MAX];
	size_t tlen[SLA_EXPORT_MAXCOLS];

	ps->nread++;
	ps->err.n = 0;
	ps->record_failed = false;
	ps->line = r->line;
	check_fault(ps, x, r);
	check_swallowed(ps, x, r);
	check_encoding(ps, x, r);
	check_ragged(ps, x, r);
	if (sla_field_blank(sla_export_value(x, r, SLA_COL_ID)))
		record_error(ps, "id", NULL, 0, false, "missing");
	for (int i = 0; i < ps->nconv; i++) {
		int c = ps->conv[i];
		tlen[c] = time_cell(ps, x, c, sla_export_value(x, r, c), times[c]);
	}
	paused_cell(ps, x, r);
	if (ps->record_failed && ps->o.strict)
		return -1;
	ps->nflagged += ps->record_failed;
	write_row(ps, x, r, times, tlen);
	ps->nwritten++;
	return 0;
}

/* ---- one file -------------------------------------------------------------------- */

static int
read_records(sla_parser *ps, sla_export *x)
{
	sla_csvrec r;
	int rc;

	while ((rc = sla_csvin_next(x->in, &r)) > 0)
		if (emit(ps, x, &r) < 0)
			return -1;
	return rc;
}

/* Open PATH into *X as far as its columns: the header read and mapped, its
 * columns passed through found, checked.  VERBOSE says the dialect and the
 * columns not read.  The export of standard input that sla_parser_check
 * opened is taken instead of opening "-" again (it cannot be read twice).
 * False after a message; *X is to be closed either way. */
static bool
open_columns(sla_parser *ps, sla_export *x, const char *path, bool verbose)
{
	if (strcmp(path, "-") == 0 && ps->held) {
		*x = *ps->held;
		free(ps->held);
		ps->held = NULL;
		ps->file = x->file;
		return find_unmapped(ps, x);
	}
	/* a file checked already has had its guess of encoding said */
	sla_csvin_opts csv = ps->o.csv;
	csv.quiet = ps->checked && !ps->checking;
	if (!sla_export_open(x, &ps->kind, path, &csv, ps->d))
		return false;
	ps->file = x->file;
	if (verbose)
		sla_export_say_dialect(x, ps->d);
	if (!sla_export_read_header(x, ps->o.columns, ps->o.no_header, ps->d) ||
	    !sla_export_map_columns(x, ps->maps, ps->o.nmaps) || !find_unmapped(ps, x))
		return false;
	if (verbose)
		say_unread(ps, x);
	return sla_export_check_columns(x, ps->maps, ps->o.nmaps, ps->o.map_option, ps->d);
}

int
sla_parser_check(sla_parser *ps, const char *path, bool verbose)
{
	sla_export x;
	ps->checking = true;
	bool ok = open_columns(ps, &x, path, verbose) &&
		  (ps->shape_known ? same_shape(ps, &x) : remember_shape(ps, &x));
	ps->checking = false;
	ps->checked = true;
	if (ok && strcmp(path, "-") == 0 && !ps->held && (ps->held = malloc(sizeof x))) {
		*ps->held = x;	/* read on from its first record later */
		return 0;
	}
	sla_export_close(&x);
	return ok ? 0 : -1;
}

int
sla_parser_file(sla_parser *ps, const char *path, bool verbose)
{
	sla_export x;
	int rc = -1;

	if (open_columns(ps, &x, path, verbose && !ps->checked) && header_once(ps, &x)) {
		ps->nconv = 0;
		for (int c = 0; c < ps->kind.ncols; c++)
			if (ps->out_col[c] && ps->role[c] == ROLE_TIME)
				ps->conv[ps->nconv++] = c;
		sla_export_watch_quotes(&x, SLA_COL_OPENED, ps->formats[SLA_COL_OPENED]);
		lookahead(ps, &x);
		rc = read_records(ps, &x);
	}
	sla_export_close(&x);
	return rc < 0 ? -1 : 0;
}
