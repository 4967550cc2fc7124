/* report_cells.c: the table model that every table format uses
 * (sla_report_table.h): a cell's text for people (26:04:10, "-") or for
 * programs (93850, empty), numbers in fixed point without floating point,
 * and which columns are numbers.  Knows no table, no label, no format. */
#include <stdio.h>
#include <string.h>

#include "sla_money.h"
#include "sla_report_table.h"

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

/* NUM / DEN with PLACES decimals, rounded half up or, when DOWN, down. */
static size_t
format_fixed(int64_t num, int64_t den, int places, bool down, char *buf)
{
	int64_t scale = 1;
	for (int i = 0; i < places; i++)
		scale *= 10;
	int64_t v = down ? num * scale / den : (num * scale * 2 / den + 1) / 2;
	return (size_t)snprintf(buf, SLA_CELL_MAX, "%lld.%0*lld", (long long)(v / scale), places,
				(long long)(v % scale));
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
	size_t n = sla_format_floor(a * 100, b, places, buf);
	buf[n++] = '%';
	buf[n] = '\0';
	return n;
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
	case SLA_CELL_PERIOD:
		if (c->a == SLA_NO_PERIOD && machine)
			return SLA_FIELD("");
		sla_period_label((sla_period_kind)c->b, c->a, buf);
		n = strlen(buf);
		break;
	}
	return (sla_field){ buf, n };
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
