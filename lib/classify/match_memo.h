/* match_memo.h: private to lib/classify/, what each rule line gave on a
 * short field text already seen (match_memo.c), so that the classifier
 * runs a pattern once per text rather than once per ticket.
 *
 * A PCRE2 match is a function of the pattern and the text alone, so a
 * result remembered is the result a new run would give: classification is
 * unchanged.  Only short texts are remembered (the values of priority,
 * severity, category: a few dozen of them in any export, on every ticket)
 * and only so many, so that the memory stays flat however long the stream;
 * a text past either bound is matched as before.  A run that fails (bad
 * UTF-8, a match limit) is never remembered: it is reported each time. */
#ifndef SLA_MATCH_MEMO_H
#define SLA_MATCH_MEMO_H

#include <stddef.h>

/* What a rule line gave on a text: not run yet, a match, none. */
enum { MEMO_UNKNOWN, MEMO_MATCH, MEMO_NOMATCH };

/* The longest text remembered, in bytes (as escaped in the stream). */
#define MATCH_MEMO_TEXT_MAX 32

typedef struct match_memo match_memo;

/* A memo for a rule set of NLINES lines; NULL when out of memory.  It
 * holds at most 1024 texts, and fewer for a large rule set (its results
 * take at most 256 KiB); NULL too for a rule set too large to have any. */
match_memo *match_memo_new(size_t nlines);
void match_memo_free(match_memo *m);

/* The results of the NLINES rule lines on TEXT[0..N), one byte each (all
 * MEMO_UNKNOWN for a text new to the memo), for the caller to read and
 * fill; valid as long as the memo.  NULL when the text is longer than
 * MATCH_MEMO_TEXT_MAX, or new and the memo full, or memory is short. */
unsigned char *match_memo_results(match_memo *m, const char *text, size_t n);

#endif
