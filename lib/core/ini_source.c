/* ini_source.c: libinih's line source, lines of any length (see
 * sla_ini_source.h).
 *
 * inih strips the blanks at both ends of a line and of a value, takes a
 * line that starts with a blank as the continuation of the key above, and
 * a line whose first non-blank is ";" or "#" as a comment.  A line too long
 * for its buffer is cut into pieces so that none of that changes what it
 * reads: a piece ends on a non-blank (the blanks after it are the glue the
 * handler joins with), the next starts with one blank of ours and then a
 * byte that is neither ";" nor "#" nor inside a UTF-8 character.  The
 * comment is cut off first, so no piece holds a ";" after a blank.  Where a
 * list separator is in reach the piece ends before it, so that a handler
 * that reads each piece as list items (the [events] names) sees whole
 * items. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sla_ini_source.h"
#include "sla_list.h"
#include "sla_mem.h"
#include "sla_utf8.h"

void
sla_ini_source_init(sla_ini_source *s, const char *text, size_t len)
{
	*s = (sla_ini_source){ .pos = text, .end = text + len };
}

void
sla_ini_source_free(sla_ini_source *s)
{
	free(s->extra);
	s->extra = NULL;
	s->nextra = s->capextra = 0;
}

static bool
blank(char c)
{
	return isspace((unsigned char)c) != 0;
}

/* The end of the line's content: before its comment (";" after a blank,
 * as inih reads a value) and before the blanks at its end. */
static const char *
content_end(const char *line, const char *end)
{
	for (const char *p = line + 1; p < end; p++)
		if (*p == ';' && blank(p[-1])) {
			end = p;
			break;
		}
	while (end > line && blank(end[-1]))
		end--;
	return end;
}

/* A list separator starts at P: the comma, or the Chinese ， and 、. */
static bool
at_separator(const char *p, const char *end)
{
	return sla_list_separator(p, end) != 0;
}

/* Could the piece from CUR end at P, in a line whose content ends at M?
 * Sets *E1 (the piece's end, its blanks dropped) and *Q (the next piece's
 * first byte).  LO: the piece must reach past it (the key's "="). */
static bool
split_ok(const char *cur, const char *lo, const char *p, const char *m, const char **e1,
	 const char **q)
{
	const char *e = p, *n = p;
	while (e > cur && blank(e[-1]))
		e--;
	while (n < m && blank(*n))
		n++;
	if (e <= lo || n >= m || *n == ';' || *n == '#' || sla_utf8_continuation((unsigned char)*n))
		return false;
	*e1 = e;
	*q = n;
	return true;
}

/* Where the piece from CUR, of at most ROOM bytes, ends: before a list
 * separator if one is in reach, else as late as it can.  NULL: nowhere. */
static const char *
split_point(const char *cur, const char *lo, const char *m, size_t room, const char **e1,
	    const char **q)
{
	const char *last = cur + room;
	for (const char *p = last; p > cur; p--)
		if (at_separator(p, m) && split_ok(cur, lo, p, m, e1, q))
			return p;
	for (const char *p = last; p > cur; p--)
		if (split_ok(cur, lo, p, m, e1, q))
			return p;
	return NULL;
}

/* STR = a blank when LEAD, [FROM, TO), a newline. */
static char *
hand(char *str, const char *from, const char *to, bool lead)
{
	size_t n = (size_t)(to - from), o = lead;
	str[0] = ' ';
	memcpy(str + o, from, n);
	str[o + n] = '\n';
	str[o + n + 1] = '\0';
	return str;
}

/* The line cannot be handed over: an empty line keeps inih in step. */
static char *
refuse(sla_ini_source *s, char *str, const char *why)
{
	if (!s->too_long) {
		s->too_long = s->line;
		s->why = why;
	}
	s->rest = NULL;
	return hand(str, str, str, false);
}

/* The next piece of the line being split, from CUR: LO as for split_ok,
 * ROOM the bytes it may hold, FIRST for the key line itself. */
static char *
next_piece(sla_ini_source *s, char *str, const char *cur, const char *lo, size_t room,
	   bool first)
{
	const char *m = s->rest_end, *e1, *q;
	if ((size_t)(m - cur) <= room) {
		s->rest = NULL;
		return hand(str, cur, m, !first);
	}
	const char *p = split_point(cur, lo, m, room, &e1, &q);
	if (!p)
		return refuse(s, str, "no place to split the line (each would start a comment)");
	s->rest = q;
	s->next_glue = e1;
	s->next_nglue = (size_t)(q - e1);
	s->next_at_separator = at_separator(q, m);
	return hand(str, cur, e1, !first);
}

static void
note_extra(sla_ini_source *s)
{
	if (!sla_grow((void **)&s->extra, &s->capextra, s->nextra + 1, sizeof *s->extra)) {
		s->nomem = true;
		return;
	}
	s->extra[s->nextra++] = s->calls;
}

/* A line longer than inih's buffer, its content [LINE, M). */
static char *
split_line(sla_ini_source *s, char *str, const char *line, const char *m, size_t room)
{
	const char *start = line;
	if (s->line == 1 && m - start >= 3 && memcmp(start, "\xef\xbb\xbf", 3) == 0)
		start += 3;	/* inih skips a byte-order mark */
	const char *ls = start;
	while (ls < m && blank(*ls))
		ls++;
	if (*ls == ';' || *ls == '#')
		return hand(str, line, line, false);	/* a comment, read as nothing */
	if (*ls == '[')
		return refuse(s, str, "a [section] line too long for the INI reader");
	const char *lo = ls;
	if (ls == start) {	/* a key line: the first piece holds the key and "=" */
		const char *sep = ls;
		while (sep < m && *sep != '=' && *sep != ':')
			sep++;
		const char *k = sep;
		while (k > ls && blank(k[-1]))
			k--;
		if (sep >= m || k == ls || (size_t)(sep - line) >= room)
			return refuse(s, str, "a line this long must be key = value, the key first");
		lo = sep;
	}
	s->rest_end = m;
	return next_piece(s, str, line, lo, room, true);
}

char *
sla_ini_source_read(char *str, int num, void *stream)
{
	sla_ini_source *s = stream;
	if (num < 8)
		return NULL;
	s->max_line = num;
	size_t room = (size_t)num - 2;	/* the newline and the NUL */
	if (s->rest) {
		const char *cur = s->rest;
		s->calls++;
		note_extra(s);
		s->piece = true;
		s->glue = s->next_glue;
		s->nglue = s->next_nglue;
		s->at_separator = s->next_at_separator;
		return next_piece(s, str, cur, cur, room - 1, false);
	}
	if (s->pos >= s->end)
		return NULL;
	const char *line = s->pos, *nl = memchr(line, '\n', (size_t)(s->end - line));
	const char *lend = nl ? nl : s->end;
	s->pos = nl ? nl + 1 : s->end;
	s->line++;
	s->calls++;
	s->piece = s->at_separator = false;
	s->glue = NULL;
	s->nglue = 0;
	s->continuation = lend > line && (line[0] == ' ' || line[0] == '\t');
	const char *m = content_end(line, lend);
	if ((size_t)(m - line) <= room)
		return hand(str, line, m, false);
	return split_line(s, str, line, m, room);
}

unsigned long
sla_ini_source_line(const sla_ini_source *s, unsigned long inih_line)
{
	size_t before = 0;
	while (before < s->nextra && s->extra[before] <= inih_line)
		before++;
	return inih_line - before;
}
