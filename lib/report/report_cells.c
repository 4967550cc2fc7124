/* report_cells.c: the table model that every table format uses
 * (sla_report_table.h): a cell's text for people (26:04:10, "-") or for
 * programs (93850, empty), numbers in fixed point without floating point,
 * and which columns are numbers.  Knows no table, no label, no format. */
#include <stdio.h>
#include <string.h>

#include "sla_money.h"
#include "sla_report_table.h"
#include "sla_textwidth.h"
#include "sla_visible.h"

/* Whole numbers are written with sla_money_format and no decimals: the
 * text tables print hundreds of thousands of them, and snprintf costs. */
static size_t
format_int(int64_t v, char *buf)
{
	return sla_money_format(v, 0, buf);
}

/* Business time as hours:mm:ss; hours do not wrap at a day. */
static size_t
format_duration(int64_t s, char *buf)
{
	size_t n = format_int(s / 3600, buf);
	int mm = (int)(s / 60 % 60), ss = (int)(s % 60);
	char tail[] = { ':', (char)('0' + mm / 10), (char)('0' + mm % 10),
			':', (char)('0' + ss / 10), (char)('0' + ss % 10), '\0' };
	memcpy(buf + n, tail, sizeof tail);
	return n + sizeof tail - 1;
}

/* Counts come from partial reports too, where they may be as large as a
 * uint64: the scaled numerator is held in 128 bits. */
__extension__ typedef __int128 wide;

/* NUM / DEN (DEN > 0) with PLACES decimals, rounded half up or, when
 * DOWN, down. */
static size_t
format_fixed(wide num, int64_t den, int places, bool down, char *buf)
{
	wide scale = 1;
	for (int i = 0; i < places; i++)
		scale *= 10;
	wide v = down ? num * scale / den : (num * scale * 2 / den + 1) / 2;
	wide whole = v / scale, part = v % scale;
	/* a quotient past int64 only for a numerator past it (a percentage) */
	if (whole > INT64_MAX || whole < INT64_MIN)
		return (size_t)snprintf(buf, SLA_CELL_MAX, "%s", whole > 0 ? "inf" : "-inf");
	return (size_t)snprintf(buf, SLA_CELL_MAX, "%lld.%0*lld", (long long)whole, places,
				(long long)part);
}

size_t
sla_format_fixed(int64_t num, int64_t den, int places, char *buf)
{
	return format_fixed(num, den, places, false, buf);
}

size_t
sla_format_floor(int64_t num, int64_t den, int places, char *buf)
{
	return format_fixed(num, den, places, true, buf);
}

/* A of B as a percentage with PLACES places, rounded down: a compliance
 * of 98.995 % must not print as 99.00 % beside a band "below 99.00 %". */
size_t
sla_format_percent(int64_t a, int64_t b, int places, char *buf)
{
	size_t n = format_fixed((wide)a * 100, b, places, true, buf);
	buf[n++] = '%';
	buf[n] = '\0';
	return n;
}

size_t
sla_format_grouped(const char *num, size_t n, char *out)
{
	size_t o = 0, i = 0, digits = 0;

	if (n > 0 && num[0] == '-')
		out[o++] = num[i++];
	while (i + digits < n && num[i + digits] >= '0' && num[i + digits] <= '9')
		digits++;
	for (size_t k = 0; k < digits && o < SLA_CELL_MAX - 2; k++) {
		if (k > 0 && (digits - k) % 3 == 0)
			out[o++] = ',';
		out[o++] = num[i + k];
	}
	for (i += digits; i < n && o < SLA_CELL_MAX - 1; i++)
		out[o++] = num[i];
	out[o] = '\0';
	return o;
}

sla_field
sla_cell_text(const sla_cell *c, bool machine, char buf[SLA_CELL_MAX])
{
	size_t n = 0;

	switch (c->kind) {
	case SLA_CELL_TEXT:
		return (sla_field){ c->text, strlen(c->text) };
	case SLA_CELL_COUNT:
		n = format_int(c->a, buf);
		break;
	case SLA_CELL_NONE:
		return machine ? SLA_FIELD("") : SLA_FIELD("-");
	case SLA_CELL_SECONDS:
		if (c->a < 0)
			return machine ? SLA_FIELD("") : SLA_FIELD("-");
		n = machine ? format_int(c->a, buf) : format_duration(c->a, buf);
		break;
	case SLA_CELL_MONEY:
		n = sla_money_format(c->a, (int)c->b, buf);
		break;
	case SLA_CELL_RATIO:
		if (c->b == 0)
			return machine ? SLA_FIELD("") : SLA_FIELD("-");
		n = sla_format_percent(c->a, c->b, 2, buf);
		break;
	case SLA_CELL_PPM:
		/* The contract's own figure: two places, or the four a policy
		 * may write (99.995%). */
		n = sla_format_percent(c->a, 1000000, c->a % 100 ? 4 : 2, buf);
		break;
	case SLA_CELL_PERIOD:
		if (c->a == SLA_NO_PERIOD && machine)
			return SLA_FIELD("");
		sla_period_label((sla_period_kind)c->b, c->a, buf);
		n = strlen(buf);
		break;
	}
	return (sla_field){ buf, n };
}

sla_field
sla_cell_data(const sla_cell *c, char buf[SLA_CELL_MAX])
{
	if (c->kind == SLA_CELL_RATIO && c->b > 0)
		return (sla_field){ buf, sla_format_floor(c->a, c->b, 6, buf) };
	if (c->kind == SLA_CELL_PPM)
		return (sla_field){ buf, sla_format_fixed(c->a, 1000000, 6, buf) };
	return sla_cell_text(c, true, buf);
}

bool
sla_cell_numeric(const sla_cell *c)
{
	return c->kind != SLA_CELL_TEXT && c->kind != SLA_CELL_PERIOD;
}

bool
sla_table_numeric_column(const sla_table *t, size_t col)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (!sla_cell_numeric(&t->cells[r * t->ncols + col]))
			return false;
	return true;
}

/* ---- cell text escaped the way the streams are ----------------------------- */

/* Where escaped text goes: to W, unless NULL; and counted in WIDTH when
 * MEASURE.  One walk does both, so what is measured is what is written. */
typedef struct escaping {
	sla_writer *w;
	bool measure;
	size_t width;
} escaping;

/* A safe run is its display width, with a column more for each backslash
 * doubled; its ASCII (all printable) is a column a byte, and needs no
 * decoding. */
static size_t
run_width(const char *p, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n;) {
		if ((unsigned char)p[i] < 0x80) {
			w += p[i++] == '\\' ? 2 : 1;
			continue;
		}
		size_t j = i + 1;
		while (j < n && (unsigned char)p[j] >= 0x80)
			j++;
		w += sla_text_width(p + i, j - i);
		i = j;
	}
	return w;
}

static void
escaped_run(void *ctx, const char *p, size_t n)
{
	escaping *e = ctx;

	if (e->measure)
		e->width += run_width(p, n);
	if (e->w)
		sla_writer_escaped(e->w, p, n);
}

/* A visible form is ASCII: a column a byte. */
static void
escaped_unsafe(void *ctx, const sla_unsafe *u)
{
	escaping *e = ctx;
	char buf[SLA_VISIBLE_MAX];
	size_t n = sla_visible_form(u, buf);

	e->width += n;
	if (e->w)
		sla_writer_raw(e->w, buf, n);
}

static size_t
escape(sla_field f, escaping e)
{
	static const sla_visible_ops ops = { escaped_run, escaped_unsafe };
	sla_visible_walk(f.p, f.n, &ops, &e);
	return e.width;
}

void
sla_cell_write_escaped(sla_writer *w, sla_field f)
{
	escape(f, (escaping){ .w = w });
}

size_t
sla_cell_write_measured(sla_writer *w, sla_field f)
{
	return escape(f, (escaping){ .w = w, .measure = true });
}

size_t
sla_cell_escaped_width(sla_field f)
{
	return escape(f, (escaping){ .measure = true });
}
