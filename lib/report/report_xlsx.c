/* report_xlsx.c: the report as an Excel workbook (libxlsxwriter), for
 * people who sort, filter and sign in a spreadsheet.  A sink of
 * sla_report_tool_tables: one sheet a table that has rows, named by the
 * table's id, its title in the first row, its headings (in the report's
 * language) in the second, both frozen, an autofilter over the headings,
 * and columns as wide as their text (sla_textwidth.h: a Chinese character
 * is two columns).
 *
 * Cells are typed: a count is a number, business time a duration
 * ([h]:mm:ss), money a number in the currency's format, a ratio a
 * percentage, a day, month or year period the date of its first day in
 * the policy's zone (a week or quarter, which no number format can show,
 * its label).  The value behind a percentage is rounded down to what the
 * format shows, so that 98.995 % never reads 99.00 %; an amount too large
 * for a spreadsheet's numbers to hold exactly (past 15 digits) is written
 * as its exact text.  Text is always a string, never a formula, whatever
 * it starts with: nothing from a ticket is run (sla(7)); controls, bidi
 * overrides and bytes that are not UTF-8 take their visible forms
 * (sla_visible.h), and a text longer than a cell holds is cut, with an
 * ellipsis.
 *
 * libxlsxwriter writes to a named file only: the workbook is made in a
 * temporary file (TMPDIR, else /tmp), copied to the writer and removed.
 * Its creation time is fixed, so that the same report is the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "sla_file.h"
#include "sla_mem.h"
#include "sla_report_formats.h"
#include "sla_report_labels.h"
#include "sla_report_table.h"
#include "sla_textwidth.h"
#include "sla_visible.h"

/* The most characters a cell holds (Excel's limit). */
enum { CELL_CHARS = 32767 };
/* Column widths, in characters. */
enum { WIDTH_MIN = 6, WIDTH_MAX = 60 };
/* Excel's day 0 is 1899-12-30: day numbers since 1970-01-01 plus this. */
enum { EXCEL_EPOCH_DAYS = 25569 };

typedef struct text_buf {
	char *p;
	size_t n, cap, chars;
	bool cut;
	bool failed;
} text_buf;

typedef struct xlsx_ctx {
	lxw_workbook *wb;
	const sla_report *r;
	lxw_format *title, *head, *seconds, *money, *ratio, *ratio4, *day, *month, *year;
	text_buf text;
	const char *why;	/* the first failure */
} xlsx_ctx;

/* ---- text: visible, and no longer than a cell ------------------------------ */

static void
text_add(text_buf *b, const char *p, size_t n)
{
	if (b->failed)
		return;
	if (!sla_grow((void **)&b->p, &b->cap, b->n + n + 1, 1)) {
		b->failed = true;
		return;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* A safe run, as far as a cell holds with room for an ellipsis; a
 * character is a byte that does not continue one (the run is UTF-8). */
static void
text_run(void *ctx, const char *p, size_t n)
{
	text_buf *b = ctx;
	size_t i = 0;

	for (; i < n; i++) {
		if (((unsigned char)p[i] & 0xC0) == 0x80)
			continue;
		if (b->chars == CELL_CHARS - 1) {
			b->cut = true;
			break;
		}
		b->chars++;
	}
	text_add(b, p, i);
}

/* Tab and line breaks are a cell's own; the rest in its visible form. */
static void
text_unsafe(void *ctx, const sla_unsafe *u)
{
	char buf[SLA_VISIBLE_MAX];

	if (u->kind == SLA_UNSAFE_CONTROL && (u->cp == '\t' || u->cp == '\n' || u->cp == '\r'))
		buf[0] = (char)u->cp, text_run(ctx, buf, 1);
	else
		text_run(ctx, buf, sla_visible_form(u, buf));
}

static const char *
visible(text_buf *b, sla_field f)
{
	static const sla_visible_ops ops = { text_run, text_unsafe };

	b->n = b->chars = 0;
	b->cut = false;
	text_add(b, "", 0);
	sla_visible_walk(f.p, f.n, &ops, b);
	if (b->cut)
		text_add(b, "\xE2\x80\xA6", 3);	/* … */
	return b->failed ? NULL : b->p;
}

/* ---- cells ------------------------------------------------------------------ */

static void
check(xlsx_ctx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && !x->why)
		x->why = lxw_strerror(e);
}

static void
put_text(xlsx_ctx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, sla_field f,
	 lxw_format *fmt)
{
	const char *s = visible(&x->text, f);

	if (!s) {
		x->why = x->why ? x->why : strerror(ENOMEM);
		return;
	}
	if (*s)
		check(x, worksheet_write_string(ws, row, col, s, fmt));
}

/* Whether MINOR units with DIGITS decimals are a number that a double
 * holds exactly to the last digit: 15 significant digits. */
static bool
exact_in_double(int64_t minor)
{
	return minor > -1000000000000000 && minor < 1000000000000000;
}

static double
scaled(int64_t v, int digits)
{
	double d = (double)v;
	for (int i = 0; i < digits; i++)
		d /= 10;
	return d;
}

/* A period: the date of its first day, where a number format can show it. */
static void
put_period(xlsx_ctx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const sla_cell *c)
{
	lxw_format *fmt = c->b == SLA_PERIOD_DAY ? x->day : c->b == SLA_PERIOD_MONTH ? x->month
			: c->b == SLA_PERIOD_YEAR ? x->year : NULL;
	char buf[SLA_CELL_MAX];

	if (c->a == SLA_NO_PERIOD)
		return;
	if (fmt)
		check(x, worksheet_write_number(ws, row, col, (double)(c->a + EXCEL_EPOCH_DAYS), fmt));
	else
		put_text(x, ws, row, col, sla_cell_text(c, false, buf), NULL);
}

static void
put_cell(xlsx_ctx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const sla_cell *c)
{
	char buf[SLA_CELL_MAX];

	switch (c->kind) {
	case SLA_CELL_TEXT:
		put_text(x, ws, row, col, sla_cell_text(c, false, buf), NULL);
		break;
	case SLA_CELL_COUNT:
		check(x, worksheet_write_number(ws, row, col, (double)c->a, NULL));
		break;
	case SLA_CELL_SECONDS:
		if (c->a >= 0)
			check(x, worksheet_write_number(ws, row, col, (double)c->a / 86400, x->seconds));
		break;
	case SLA_CELL_MONEY:
		if (exact_in_double(c->a))
			check(x, worksheet_write_number(ws, row, col, scaled(c->a, (int)c->b), x->money));
		else
			put_text(x, ws, row, col, sla_cell_text(c, true, buf), NULL);
		break;
	case SLA_CELL_RATIO:
		/* Rounded down to the 0.01 % the format shows. */
		if (c->b > 0)
			check(x, worksheet_write_number(ws, row, col,
							(double)(c->a * 10000 / c->b) / 10000, x->ratio));
		break;
	case SLA_CELL_PPM:
		check(x, worksheet_write_number(ws, row, col, (double)c->a / 1000000,
						c->a % 100 ? x->ratio4 : x->ratio));
		break;
	case SLA_CELL_PERIOD:
		put_period(x, ws, row, col, c);
		break;
	case SLA_CELL_NONE:
		break;
	}
}

/* ---- a sheet a table ----------------------------------------------------------- */

/* Column COL's width: its widest heading or cell as people read it. */
static double
column_width(const sla_table *t, size_t col)
{
	char buf[SLA_CELL_MAX];
	size_t w = sla_text_width(t->head[col], strlen(t->head[col]));

	for (size_t r = 0; r < t->nrows; r++) {
		size_t cw = sla_cell_escaped_width(sla_cell_text(&t->cells[r * t->ncols + col], false, buf));
		w = cw > w ? cw : w;
	}
	w += 2;
	return (double)(w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w);
}

static void
xlsx_table(void *ctx, const sla_table *t)
{
	xlsx_ctx *x = ctx;
	lxw_worksheet *ws;

	if (x->why || t->nrows == 0)
		return;
	if (t->nrows > LXW_ROW_MAX - 2 || t->ncols > LXW_COL_MAX) {
		x->why = "a table has more rows than a sheet holds";
		return;
	}
	if (!(ws = workbook_add_worksheet(x->wb, t->id))) {
		x->why = "cannot add a sheet";
		return;
	}
	for (size_t c = 0; c < t->ncols; c++)
		check(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, column_width(t, c), NULL));
	put_text(x, ws, 0, 0, (sla_field){ t->title, strlen(t->title) }, x->title);
	for (size_t c = 0; c < t->ncols; c++)
		put_text(x, ws, 1, (lxw_col_t)c, (sla_field){ t->head[c], strlen(t->head[c]) }, x->head);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			put_cell(x, ws, (lxw_row_t)(r + 2), (lxw_col_t)c, &t->cells[r * t->ncols + c]);
	worksheet_freeze_panes(ws, 2, 0);
	check(x, worksheet_autofilter(ws, 1, 0, (lxw_row_t)(t->nrows + 1), (lxw_col_t)(t->ncols - 1)));
}

static const sla_table_sink xlsx_sink = { NULL, xlsx_table, NULL };

/* ---- the workbook ---------------------------------------------------------------- */

static lxw_format *
number_format(lxw_workbook *wb, const char *num)
{
	lxw_format *f = workbook_add_format(wb);
	if (f)
		format_set_num_format(f, num);
	return f;
}

/* The currency's format: #,##0.00 "CNY", with the policy's minor digits;
 * only the letters of the currency's code go inside the quotes. */
static lxw_format *
money_format(lxw_workbook *wb, const sla_report_terms *t)
{
	char num[64] = "#,##0";
	size_t n = strlen(num);

	if (t && t->minor_digits > 0) {
		num[n++] = '.';
		for (int i = 0; i < t->minor_digits && n < 16; i++)
			num[n++] = '0';
	}
	if (t && t->currency && *t->currency) {
		num[n++] = ' ', num[n++] = '"';
		for (const char *c = t->currency; *c && n < sizeof num - 2; c++)
			if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z'))
				num[n++] = *c;
		num[n++] = '"';
	}
	num[n] = '\0';
	return number_format(wb, num);
}

static void
formats(xlsx_ctx *x)
{
	x->title = workbook_add_format(x->wb);
	x->head = workbook_add_format(x->wb);
	if (x->title)
		format_set_bold(x->title), format_set_font_size(x->title, 13);
	if (x->head)
		format_set_bold(x->head), format_set_bottom(x->head, LXW_BORDER_THIN);
	x->seconds = number_format(x->wb, "[h]:mm:ss");
	x->money = money_format(x->wb, sla_report_config_of(x->r)->terms);
	x->ratio = number_format(x->wb, "0.00%");
	x->ratio4 = number_format(x->wb, "0.0000%");
	x->day = number_format(x->wb, "yyyy-mm-dd");
	x->month = number_format(x->wb, "yyyy-mm");
	x->year = number_format(x->wb, "yyyy");
}

/* The workbook of R in LANG into the file PATH; NULL, or why not. */
static const char *
make_workbook(const sla_report *r, sla_lang lang, const char *path, char *tmpdir)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
	const sla_report_terms *t = sla_report_config_of(r)->terms;
	/* The contract's name from the policy, as visible as a cell's text. */
	text_buf subject = { 0 };
	const char *contract = t && t->contract ? t->contract : "";
	lxw_doc_properties props = {
		.title = (char *)sla_label_text(SLA_L_TITLE, lang),
		.subject = *contract ? (char *)visible(&subject, (sla_field){ contract, strlen(contract) })
				     : NULL,
		.created = 1,	/* not 0, which is "now": the same report, the same bytes */
	};
	xlsx_ctx x = { .r = r };

	if (!(x.wb = workbook_new_opt(path, &opt))) {
		free(subject.p);
		return "cannot create the workbook";
	}
	check(&x, workbook_set_properties(x.wb, &props));
	formats(&x);
	sla_report_tool_tables(r, lang, &xlsx_sink, &x);
	lxw_error e = workbook_close(x.wb);	/* frees it, whatever the outcome */
	free(x.text.p);
	free(subject.p);
	return x.why ? x.why : e != LXW_NO_ERROR ? lxw_strerror(e) : NULL;
}

const char *
sla_report_write_xlsx(const sla_report *r, sla_lang lang, sla_writer *w)
{
	const char *env = getenv("TMPDIR");
	char *dir = strdup(env && *env ? env : "/tmp");
	size_t need = dir ? strlen(dir) + sizeof "/sla-report-XXXXXX" : 0;
	char *path = dir ? malloc(need) : NULL;
	const char *why = NULL;
	int fd = -1;

	if (path) {
		snprintf(path, need, "%s/sla-report-XXXXXX", dir);
		fd = mkstemp(path);
	}
	if (!path || fd < 0) {
		why = path ? strerror(errno) : strerror(ENOMEM);
		free(path);
		free(dir);
		return why;
	}
	close(fd);	/* libxlsxwriter opens it by name */
	why = make_workbook(r, lang, path, dir);
	if (!why) {
		size_t n;
		char *bytes = sla_file_read(path, SLA_FILE_ANY_SIZE, &n, NULL);
		if (bytes)
			sla_writer_raw(w, bytes, n);
		else
			why = strerror(errno);
		free(bytes);
	}
	unlink(path);
	free(path);
	free(dir);
	return why;
}
