/* export.c: the front half of reading an export (see sla_export.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_aliases.h"
#include "sla_export.h"
#include "sla_list.h"
#include "sla_timeform.h"

/* Records read ahead to settle D/M against M/D in each time column. */
#define LOOKAHEAD_RECORDS 1000
#define LOOKAHEAD_BYTES ((size_t)8 << 20)

int
sla_export_column(const sla_export_kind *k, const char *name, size_t n)
{
	for (int c = 0; c < k->ncols; c++)
		if (strlen(k->names[c]) == n && memcmp(k->names[c], name, n) == 0)
			return c;
	return -1;
}

int
sla_export_assignment(const sla_export_kind *k, const char *s, const char **rest)
{
	const char *eq = strchr(s, '=');

	if (!eq || eq == s || !eq[1])
		return -1;
	*rest = eq + 1;
	return sla_export_column(k, s, (size_t)(eq - s));
}

bool
sla_export_read_options(const sla_export_kind *k, char *const *maps, size_t nmaps,
			sla_export_map *out, char *const *formats, size_t nformats,
			const char **format_of, sla_export_refusal *no)
{
	const char *rest;

	for (size_t i = 0; i < nmaps; i++) {
		int c = sla_export_assignment(k, maps[i], &rest);
		if (c < 0 || c == k->unmappable) {
			*no = (sla_export_refusal){ SLA_EXPORT_BAD_MAP, maps[i] };
			return false;
		}
		out[i] = (sla_export_map){ c, rest };
	}
	for (size_t i = 0; i < nformats; i++) {
		int c = sla_export_assignment(k, formats[i], &rest);
		if (c < 0 || !k->is_time(c) || !sla_timeform_format_ok(rest)) {
			*no = (sla_export_refusal){ SLA_EXPORT_BAD_FORMAT, formats[i] };
			return false;
		}
		format_of[c] = rest;
	}
	return true;
}

/* ---- the file ------------------------------------------------------------ */

bool
sla_export_open(sla_export *x, const sla_export_kind *k, const char *path,
		const sla_csvin_opts *o, sla_diag *d)
{
	*x = (sla_export){ .kind = k };
	x->in = sla_csvin_open(path, o, d);
	if (!x->in)
		return false;
	x->file = sla_csvin_file(x->in);
	return true;
}

void
sla_export_close(sla_export *x)
{
	for (size_t j = 0; x->names && j < x->ncols; j++)
		free(x->names[j]);
	free(x->names);
	free(x->read_as);
	sla_csvin_free(x->in);
	*x = (sla_export){ 0 };
}

void
sla_export_say_dialect(const sla_export *x, const sla_diag *d)
{
	const char *why, *enc = sla_csvin_encoding(x->in, &why);
	char delim = sla_csvin_delim(x->in);

	sla_diag_msg(d, x->file, 0, NULL, NULL, 0, "encoding %s (%s), delimiter %s", enc,
		     why, delim == '\t' ? "TAB" : (char[]){ '\'', delim, '\'', '\0' });
}

/* ---- the header ------------------------------------------------------------ */

static char *
copy_field(sla_field f)
{
	char *s = malloc(f.n + 1);
	if (s) {
		memcpy(s, f.p, f.n);
		s[f.n] = '\0';
	}
	return s;
}

static bool
set_names(sla_export *x, const sla_field *f, size_t n)
{
	x->names = calloc(n + 1, sizeof *x->names);
	if (!x->names)
		return false;
	x->ncols = n;
	for (size_t i = 0; i < n; i++)
		if (!(x->names[i] = copy_field(f[i])))
			return false;
	return true;
}

/* --columns a,b,c: every item, empty ones too ("a,,b" is three names) */
static bool
names_from_list(sla_export *x, const char *list)
{
	size_t n = sla_list_count(list);
	sla_field *f = calloc(n, sizeof *f);
	if (!f)
		return false;
	size_t i = 0;
	for (const char *s = list; s; i++)
		f[i].p = sla_list_next(&s, &f[i].n);
	bool ok = set_names(x, f, n);
	free(f);
	return ok;
}

bool
sla_export_read_header(sla_export *x, const char *columns, bool no_header,
		       const sla_diag *d)
{
	sla_csvrec r;

	if (no_header)
		return names_from_list(x, columns);
	int rc = sla_csvin_next(x->in, &r);
	if (rc == 0)
		sla_diag_msg(d, x->file, 0, NULL, NULL, 0, "empty: no header row");
	if (rc <= 0)
		return false;
	/* A name longer than --max-field is read whole: the cap is for data. */
	if (r.fault != SLA_CSV_OK && r.fault != SLA_CSV_LONGFIELD) {
		sla_diag_msg(d, x->file, r.line, NULL, NULL, 0,
			     "the header row cannot be read as CSV");
		return false;
	}
	if (columns)	/* the names given replace the header row's */
		return names_from_list(x, columns);
	return set_names(x, r.fields, r.n);
}

static bool
same_name(const char *a, const char *b)
{
	return sla_alias_same(a, strlen(a), b, strlen(b));
}

/* The kind column that header H means: a map first, then the aliases. */
static int
column_meaning(const sla_export *x, const sla_export_map *maps, size_t n, const char *h,
	       long *rank)
{
	for (size_t i = 0; i < n; i++)
		if (same_name(h, maps[i].header)) {
			*rank = -1;
			return maps[i].col;
		}
	int c = x->kind->alias(h, strlen(h), rank);
	for (int k = x->kind->named_from; c < 0 && k < x->kind->ncols; k++)
		if (same_name(h, x->kind->names[k])) {
			*rank = LONG_MAX;
			c = k;
		}
	return c;
}

bool
sla_export_map_columns(sla_export *x, const sla_export_map *maps, size_t n)
{
	long best[SLA_EXPORT_MAXCOLS];

	for (int c = 0; c < x->kind->ncols; c++)
		x->col_of[c] = -1;
	for (size_t j = 0; j < x->ncols; j++) {
		long rank;
		int c = column_meaning(x, maps, n, x->names[j], &rank);
		if (c >= 0 && (x->col_of[c] < 0 || rank < best[c])) {
			x->col_of[c] = (int)j;
			best[c] = rank;
		}
	}
	free(x->read_as);	/* mapped again: the last mapping counts */
	x->read_as = calloc(x->ncols + 1, sizeof *x->read_as);
	if (!x->read_as)
		return false;
	for (size_t j = 0; j < x->ncols; j++)
		x->read_as[j] = -1;
	for (int c = 0; c < x->kind->ncols; c++)
		if (x->col_of[c] >= 0)
			x->read_as[x->col_of[c]] = c;
	return true;
}

static bool
header_not_ascii(const sla_export *x)
{
	for (size_t j = 0; j < x->ncols; j++)
		for (const char *c = x->names[j]; *c; c++)
			if ((unsigned char)*c >= 0x80)
				return true;
	return false;
}

bool
sla_export_check_columns(const sla_export *x, const sla_export_map *maps, size_t n,
			 const char *map_option,
			 const sla_diag *d)
{
	const char *opt = map_option ? map_option : "map";
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < x->ncols; j++)
			found |= same_name(x->names[j], maps[i].header);
		if (!found) {
			sla_diag_msg(d, x->file, 0, NULL, maps[i].header, strlen(maps[i].header),
				     "%s: the export has no column", opt);
			return false;
		}
	}
	for (size_t i = 0; i < x->kind->nrequired; i++) {
		const char *name = x->kind->names[x->kind->required[i]];
		if (x->col_of[x->kind->required[i]] < 0) {
			char enc[256] = "";
			if (header_not_ascii(x)) {	/* names in the wrong encoding? */
				const char *why, *e = sla_csvin_encoding(x->in, &why);
				snprintf(enc, sizeof enc, "; the header read as %s (%s), "
					 "else give --encoding", e, why);
			}
			sla_diag_msg(d, x->file, 0, name, NULL, 0,
				     "no column means this (give %s %s=HEADER%s)", opt, name, enc);
			return false;
		}
	}
	return true;
}

/* ---- quoted fields that swallow records --------------------------------------- */

/* Any reading will do (an ambiguous date is a date): CTX is the column's
 * strptime format, or NULL. */
static bool
looks_like_time(const char *p, size_t n, const void *ctx)
{
	sla_stamp st;

	if (ctx)
		return sla_timeform_strptime(p, n, ctx, &st) == SLA_TF_OK;
	/* a serial's date system makes it no more or less a time */
	return sla_timeform_parse(p, n, SLA_ORDER_UNKNOWN, &st) != SLA_TF_BAD ||
	       sla_excel_serial(p, n, false, &st);
}

void
sla_export_watch_quotes(sla_export *x, int c, const char *format)
{
	if (x->col_of[c] < 0)
		return;
	sla_csvin_watch_quotes(x->in, &(sla_csv_shape){
		.nfields = x->ncols, .time_col = (size_t)x->col_of[c],
		.is_time = looks_like_time, .ctx = format,
	});
}

/* ---- day/month order -------------------------------------------------------- */

/* Day/month order from the values that prove one (a part above 12), by
 * sla_export_prove (sla_export.h).  The records read ahead give the first
 * proof; later records add theirs as they come. */

void
sla_export_lookahead(sla_export *x, const bool *observe)
{
	size_t n = sla_csvin_prefetch(x->in, LOOKAHEAD_RECORDS, LOOKAHEAD_BYTES);
	for (size_t i = 0; i < n; i++) {
		sla_csvrec r;
		sla_csvin_peek(x->in, i, &r);
		for (int c = 0; c < x->kind->ncols; c++)
			if (observe[c] && x->col_of[c] >= 0) {
				sla_field v = sla_export_value(x, &r, c);
				sla_export_prove(x, c, sla_timeform_evidence(v.p, v.n));
			}
	}
}

/* ---- one time cell ------------------------------------------------------------ */

void
sla_export_time_why(int rc, const sla_tz *tz, char *buf, size_t size)
{
	if (rc == SLA_XT_AMBIGUOUS)
		snprintf(buf, size, "day/month order unknown (give --date-order dmy or mdy)");
	else if (rc == SLA_XT_GAP)
		snprintf(buf, size, "no such local time in %s (DST gap)", sla_tz_name(tz));
	else
		snprintf(buf, size, "cannot read time");
}
