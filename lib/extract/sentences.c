/* sentences.c: cutting a letter's lines into sentences, and a sentence
 * into its clauses and parts.
 *
 * A sentence ends at 。！？!? or at a full stop before a blank, and at a
 * numbering marker: letters glue their items to the heading before them
 * ("一、服务承诺1. 我们承诺…"), so a marker after a Han character opens a
 * sentence of its own, and says its level (一、 above (一) above 1. above
 * (1)) for the headings that extract.c follows.  A semicolon ends a part
 * but not the sentence, so that "紧急故障：1小时响应；4小时到场" keeps its
 * label for both.  A table row (cells between | or tabs) gives one
 * sentence a cell, with its column.
 *
 * Not here: what the sentences say. */
#include <string.h>

#include "extract_int.h"
#include "sla_mem.h"
#include "sla_scan.h"
#include "sla_utf8.h"

/* A marker, anchored where a sentence may open. */
const xpat_src xsent_sources[] = {
	{ XP_MARKER,
	  "(?<top>[一二三四五六七八九十]{1,3}\\s*[、.．]"
	  "|第[一二三四五六七八九十百0-9０-９]+\\s*[条章节部分款项]\\s*[:：、.．]?"
	  "|\\#{1,6}\\s)"
	  "|(?<sec>[(（]\\s*[一二三四五六七八九十]{1,3}\\s*[)）])"
	  "|(?<item>[0-9０-９]{1,2}\\s*[、．.](?![0-9０-９])|[0-9]{1,2}(?:\\.[0-9]{1,2})+(?=\\s))"
	  "|(?<sub>[(（]\\s*[0-9０-９]{1,2}\\s*[)）]|[0-9０-９]{1,2}\\s*[)）]|[①-⑳]"
	  "|[a-z][.)](?=\\s))"
	  "|(?<bullet>[-*•·●○■□◆▪►](?=\\s))" },
	{ XP_N, NULL },
};

static bool
is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool
is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* The code point at S[I] (N bytes), and its length (1 for a stray byte). */
static size_t
cp_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
	size_t k = sla_utf8_decode(s + i, n - i, cp);
	if (k == 0) {
		*cp = (unsigned char)s[i];
		k = 1;
	}
	return k;
}

/* The code point that ends before S[I], and where it starts. */
static uint32_t
cp_before(const char *s, size_t i, size_t *at)
{
	size_t j = i;
	while (j > 0 && sla_utf8_continuation((unsigned char)s[j - 1]))
		j--;
	if (j > 0)
		j--;
	uint32_t cp = (unsigned char)s[j];
	sla_utf8_decode(s + j, i - j, &cp);
	*at = j;
	return cp;
}

/* ---- clauses and parts ---------------------------------------------------- */

/* The length of the separator at S[I] among SEPS: "，" "," "、" for a clause,
 * "；" ";" for a part; 0 for none. */
static size_t
sep_at(const char *s, size_t n, size_t i, bool part)
{
	if (part)
		return s[i] == ';' ? 1 : (n - i >= 3 && memcmp(s + i, "；", 3) == 0) ? 3 : 0;
	if (s[i] == ',' || s[i] == ';')
		return 1;
	if (n - i >= 3 && (memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "、", 3) == 0 ||
			   memcmp(s + i, "；", 3) == 0))
		return 3;
	return 0;
}

static void
around(const char *s, size_t n, size_t at, bool part, size_t *b, size_t *e)
{
	size_t i = at;
	while (i > 0) {
		size_t j;
		cp_before(s, i, &j);
		if (sep_at(s, n, j, part))
			break;
		i = j;
	}
	*b = i;
	i = at;
	while (i < n && !sep_at(s, n, i, part))
		i++;
	*e = i;
}

void
xsent_clause(const char *s, size_t n, size_t at, size_t *b, size_t *e)
{
	around(s, n, at, false, b, e);
}

void
xsent_part(const char *s, size_t n, size_t at, size_t *b, size_t *e)
{
	around(s, n, at, true, b, e);
}

/* ---- sentences ------------------------------------------------------------ */

typedef struct cutter {
	sla_extract *x;
	size_t line;
	int col;
} cutter;

static bool
has_han(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += cp_at(s, n, i, &cp);
		if (is_han(cp))
			return true;
	}
	return false;
}

/* Append the sentence LINE[B..E) of level LEVEL, trimmed, cut in pieces
 * when long. */
static bool
emit(cutter *c, size_t b, size_t e, enum xlevel level)
{
	const char *p = c->x->lines[c->line].p;
	uint32_t cp;
	while (b < e) {
		size_t k = cp_at(p, e, b, &cp);
		if (!is_blank_cp(cp))
			break;
		b += k;
	}
	while (e > b) {
		size_t j;
		cp = cp_before(p, e, &j);
		if (!is_blank_cp(cp))
			break;
		e = j;
	}
	if (b == e && level == XL_NONE)
		return true;
	while (true) {
		size_t end = e;
		if (end - b > SLA_EXTRACT_SENTENCE_MAX) {
			end = b + SLA_EXTRACT_SENTENCE_MAX;
			while (end > b && sla_utf8_continuation((unsigned char)p[end]))
				end--;
		}
		xsent s = { .line = c->line, .off = b, .n = end - b, .level = level,
			    .han = has_han(p + b, end - b), .col = c->col };
		if (!sla_grow((void **)&c->x->sents, &c->x->capsents, c->x->nsents + 1,
			      sizeof *c->x->sents)) {
			c->x->oom = true;
			return false;
		}
		c->x->sents[c->x->nsents++] = s;
		if (end == e)
			return true;
		b = end;
		level = XL_NONE;
	}
}

/* The level of the marker at P[I] (anchored), and its end in *END. */
static enum xlevel
marker_at(cutter *c, const char *p, size_t n, size_t i, size_t *end)
{
	static const char *const names[] = { "top", "sec", "item", "sub", "bullet" };
	static const enum xlevel levels[] = { XL_TOP, XL_SECTION, XL_ITEM, XL_SUBITEM, XL_BULLET };
	size_t b, e;
	if (!xfind(c->x->pats, c->x->m, XP_MARKER, p, n, i, true, &b, &e))
		return XL_NONE;
	for (int k = 0; k < 5; k++) {
		size_t gb, ge;
		if (xgroup(c->x->m, xgroup_number(c->x->pats, XP_MARKER, names[k]), &gb, &ge)) {
			*end = e;
			return levels[k];
		}
	}
	return XL_NONE;
}

/* Whether a marker may open a sentence in the middle of a line at P[I]:
 * after a Han character (not one that makes 一 a word: 统一, 第一, 唯一)
 * or a colon, for a numbered item or heading. */
static bool
mid_line_marker(const char *p, size_t i, enum xlevel level)
{
	static const char no_before[] = "统唯同第单逐万之专其任每初一二三四五六七八九十";
	if (i == 0 || level == XL_BULLET || level == XL_NONE)
		return false;
	size_t j, k;
	uint32_t prev = cp_before(p, i, &j);
	if (level == XL_SUBITEM && (sla_is_digit(p[i]) || (unsigned char)p[i] == 0xEF) &&
	    !(p[i] == '(' || memcmp(p + i, "（", 3) == 0))
		return false;	/* "1)" only opens a line: mid-line it is "17:30)" */
	if (prev == ':' || prev == 0xFF1A) {
		uint32_t before = j > 0 ? cp_before(p, j, &k) : 0;
		return !(before < 0x80 && sla_is_digit((char)before)) &&
		       !(before >= 0xFF10 && before <= 0xFF19);	/* 9:30 is a time */
	}
	if (!is_han(prev) && prev != 0x3002)
		return false;
	if (sla_is_digit(p[i]) || (unsigned char)p[i] == 0xEF || p[i] == '(')
		return prev != 0x7B2C;	/* 第2、3条 */
	char utf8[5] = { 0 };	/* 统一、 唯一、: a word, not a heading */
	memcpy(utf8, p + j, i - j < 4 ? i - j : 4);
	return strstr(no_before, utf8) == NULL || prev == 0x3002;
}

/* Whether P[I..] is a terminator; its length in *K. */
static bool
terminator(const char *p, size_t n, size_t i, size_t *k)
{
	static const char *const zh[] = { "。", "！", "？" };
	for (size_t t = 0; t < 3; t++)
		if (n - i >= 3 && memcmp(p + i, zh[t], 3) == 0) {
			*k = 3;
			return true;
		}
	if (p[i] == '!' || p[i] == '?') {
		*k = 1;
		return true;
	}
	/* a full stop before a blank or the end, but not a marker's (a number
	 * alone: "2. ") */
	if (p[i] == '.' && (i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '\t') && i > 0) {
		size_t j = i;
		while (j > 0 && sla_is_digit(p[j - 1]))
			j--;
		if (j < i && (j == 0 || p[j - 1] == ' ' || p[j - 1] == '\t'))
			return false;
		*k = 1;
		return true;
	}
	return false;
}

/* Cut LINE[B..E) into sentences. */
static bool
cut_prose(cutter *c, size_t b, size_t e)
{
	const char *p = c->x->lines[c->line].p;
	size_t start = b, i = b, mend;
	uint32_t cp;
	enum xlevel level = XL_NONE;
	while (i < e) {
		size_t k = cp_at(p, e, i, &cp);
		if (!is_blank_cp(cp))
			break;
		i += k;
	}
	if ((level = marker_at(c, p, e, i, &mend)) != XL_NONE)
		start = i = mend;
	while (i < e) {
		size_t k;
		enum xlevel next;
		if (terminator(p, e, i, &k)) {
			if (!emit(c, start, i + k, level))
				return false;
			level = XL_NONE;
			start = i += k;
			continue;
		}
		if (i > start && (next = marker_at(c, p, e, i, &mend)) != XL_NONE &&
		    mid_line_marker(p, i, next)) {
			if (!emit(c, start, i, level))
				return false;
			level = next;
			start = i = mend;
			continue;
		}
		i += cp_at(p, e, i, &cp);
	}
	return emit(c, start, e, level);
}

/* The length of a cell separator at P[I]: | ｜ or a tab. */
static size_t
cell_sep(const char *p, size_t n, size_t i)
{
	if (p[i] == '|' || p[i] == '\t')
		return 1;
	return n - i >= 3 && memcmp(p + i, "｜", 3) == 0 ? 3 : 0;
}

/* Whether the line is a table row: two cells or more with text. */
static bool
table_row(const char *p, size_t n)
{
	size_t cells = 0, i = 0;
	bool text = false;
	while (i <= n) {
		size_t k = i < n ? cell_sep(p, n, i) : 1;
		if (k) {
			cells += text;
			text = false;
			i += k;
			continue;
		}
		if (p[i] != ' ')
			text = true;
		i++;
	}
	return cells >= 2;
}

/* A markdown rule row: |---|:--:| */
static bool
rule_row(const char *p, size_t n)
{
	bool dash = false;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '-')
			dash = true;
		else if (p[i] != '|' && p[i] != ':' && p[i] != ' ' && p[i] != '\t' && p[i] != '+')
			return false;
	}
	return dash;
}

bool
xsent_rule_row(const xline *l)
{
	return rule_row(l->p, l->n);
}

static bool
cut_table(cutter *c)
{
	const char *p = c->x->lines[c->line].p;
	size_t n = c->x->lines[c->line].n, i = 0;
	while (i < n && p[i] == ' ')
		i++;
	if (i < n && p[i] != '\t' && cell_sep(p, n, i))
		i += cell_sep(p, n, i);	/* a leading | opens no cell */
	bool ok = true;
	for (size_t start = i; ok && i <= n;) {
		size_t k = i < n ? cell_sep(p, n, i) : 1;
		if (!k) {
			i++;
			continue;
		}
		ok = emit(c, start, i, XL_NONE);	/* an empty cell keeps its column */
		c->col++;
		start = i += k;
	}
	c->col = -1;
	return ok;
}

bool
xsent_cut_all(sla_extract *x)
{
	cutter c = { .x = x, .col = -1 };
	for (c.line = 0; c.line < x->nlines; c.line++) {
		const xline *l = &x->lines[c.line];
		bool ok;
		if (rule_row(l->p, l->n))
			ok = true;
		else if (table_row(l->p, l->n))
			ok = (c.col = 0, cut_table(&c));
		else
			ok = cut_prose(&c, 0, l->n);
		if (!ok)
			return false;
	}
	return true;
}
