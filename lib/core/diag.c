/* diag.c: messages in the house shape. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sla_diag.h"
#include "sla_utf8.h"
#include "sla_visible.h"

sla_diag
sla_diag_init(const char *tool)
{
	return (sla_diag){ .tool = tool, .out = stderr, .limit = 0, .records = 0,
			   .level = SLA_DIAG_WARNINGS };
}

/* Back off from the cut to the start of a UTF-8 sequence, so that a quoted
 * Chinese value is never cut in the middle of a character. */
static size_t
utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && sla_utf8_continuation((unsigned char)s[max]))
		max--;
	return max;
}

/* The next character of a quoted value at S (N > 0 bytes left) into BUF:
 * a safe one as it is (with a backslash before a quote or a backslash), an
 * unsafe one in its visible form.  Returns the bytes of S it takes; *LEN
 * is what it became. */
static size_t
quote_piece(const char *s, size_t n, char buf[SLA_VISIBLE_MAX], size_t *len)
{
	size_t k = sla_utf8_seq_len((unsigned char)*s);
	sla_unsafe u;

	if (k == 0 || k > n)
		k = 1;	/* a bad byte: sla_visible_run says so */
	if (sla_visible_run(s, k, &u) == 0) {
		*len = sla_visible_form(&u, buf);
		return u.len;
	}
	if (*s == '"' || *s == '\\') {
		buf[0] = '\\', buf[1] = *s;
		*len = 2;
	} else {
		memcpy(buf, s, k);
		*len = k;
	}
	return k;
}

size_t
sla_diag_quote(char *buf, size_t n, const char *value, size_t vlen)
{
	size_t cut = utf8_cut(value, vlen, SLA_DIAG_VALUE_MAX);
	size_t o = 0, i = 0;

	if (n < 8)
		return 0;
	buf[o++] = '"';
	while (i < cut) {
		char piece[SLA_VISIBLE_MAX];
		size_t len, step = quote_piece(value + i, cut - i, piece, &len);
		if (o + len + 5 > n)	/* room for "...", the quote and the NUL */
			break;
		memcpy(buf + o, piece, len);
		o += len;
		i += step;
	}
	if (i < vlen) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return o;
}

/* KIND ("warning: " or "") goes between the place and WHAT. */
static void
vmsg(const sla_diag *d, const char *file, unsigned long line, const char *column,
     const char *value, size_t vlen, const char *kind, const char *what, va_list ap)
{
	char quoted[4 * SLA_DIAG_VALUE_MAX + 16];

	fprintf(d->out, "%s: ", d->tool);
	if (file && line)
		fprintf(d->out, "%s:%lu: ", file, line);
	else if (file)
		fprintf(d->out, "%s: ", file);
	if (column)
		fprintf(d->out, "%s: ", column);
	fputs(kind, d->out);
	vfprintf(d->out, what, ap);
	if (value) {
		sla_diag_quote(quoted, sizeof quoted, value, vlen);
		fprintf(d->out, " %s", quoted);
	}
	fputc('\n', d->out);
}

void
sla_diag_msg(const sla_diag *d, const char *file, unsigned long line,
	     const char *column, const char *value, size_t vlen, const char *what, ...)
{
	va_list ap;

	va_start(ap, what);
	vmsg(d, file, line, column, value, vlen, "", what, ap);
	va_end(ap);
}

void
sla_diag_warn(const sla_diag *d, const char *file, unsigned long line,
	      const char *column, const char *value, size_t vlen, const char *what, ...)
{
	va_list ap;

	if (d->level >= SLA_DIAG_ERRORS)
		return;
	va_start(ap, what);
	vmsg(d, file, line, column, value, vlen, "warning: ", what, ap);
	va_end(ap);
}

void
sla_diag_record(sla_diag *d, const char *file, unsigned long line,
		const char *column, const char *value, size_t vlen, const char *what, ...)
{
	va_list ap;

	d->records++;
	if (d->limit && d->records > d->limit)
		return;
	va_start(ap, what);
	vmsg(d, file, line, column, value, vlen, "", what, ap);
	va_end(ap);
}

void
sla_diag_summary(const sla_diag *d)
{
	if (d->limit && d->records > d->limit)
		fprintf(d->out, "%s: %lu more record errors not shown (%lu in all)\n",
			d->tool, d->records - d->limit, d->records);
}
