/* xpattern.h: private to lib/extract/, the extractor's PCRE2 patterns --
 * compiled once for a run (UTF, UCP, caseless for English words), each
 * registered by the file that owns its words, and run within match and
 * depth limits so that no text makes a sentence cost more than a bound.
 *
 * A pattern is named by an XP_ number; each file lists its sources in a
 * table ended by { XP_N, NULL }, and xpatterns_new compiles them all.  A
 * long pattern may come in several entries of one number, joined in
 * order (C caps the length of a string literal). */
#ifndef SLA_XPATTERN_H
#define SLA_XPATTERN_H

#include <stdbool.h>
#include <stddef.h>

enum xpat_id {
	/* durations.c */
	XP_DURATION, XP_NEXT_DAY, XP_HEAD_UNIT, XP_BARE_NUMBER, XP_DATE, XP_SHAPE, XP_COVERAGE,
	XP_QUAL_BEFORE, XP_QUAL_AFTER,
	/* metrics.c */
	XP_METRIC, XP_COND_AFTER, XP_COND_BEFORE, XP_RESOLVE_AFTER, XP_REPLY_CONTEXT, XP_OR,
	XP_AND, XP_SHARE, XP_PLACE,
	/* tiers.c */
	XP_TIER, XP_CLASS_PHRASE, XP_GENERIC, XP_LABEL_LINE, XP_DEFINITION, XP_DEFINITION_HEAD,
	/* calendars.c */
	XP_CAL_WORDS, XP_HOURS, XP_WEEKDAYS,
	/* notes.c */
	XP_EXCLUSION, XP_EXCLUSION_HEAD, XP_PENALTY, XP_PENALTY_HEAD, XP_AMOUNT,
	XP_RATE, XP_MAXWORD, XP_LATE_NOTICE, XP_AVAILABILITY, XP_BELOW,
	XP_SIGNATURE,
	/* sentences.c */
	XP_MARKER,
	XP_N
};

typedef struct xpat_src {
	enum xpat_id id;
	const char *src;
} xpat_src;

typedef struct xpatterns xpatterns;
typedef struct xmatcher xmatcher;

/* Compile every table's patterns (a NULL-ended list of tables).  NULL on
 * failure, with PCRE2's message and the pattern's number in ERR: a
 * pattern that does not compile is a bug, caught by the unit tests. */
xpatterns *xpatterns_new(const xpat_src *const *tables, char *err, size_t errlen);
void xpatterns_free(xpatterns *ps);

/* One match context and match data for a run. */
xmatcher *xmatcher_new(void);
void xmatcher_free(xmatcher *m);

/* The first match of pattern ID in S[0..N) at or after START (ANCHORED:
 * only at START): true, with the match in [*B, *E).  A match limit or
 * any error is no match: the text is then read as if the words were not
 * there, which costs a finding, never a hang. */
bool xfind(const xpatterns *ps, xmatcher *m, enum xpat_id id, const char *s, size_t n,
	   size_t start, bool anchored, size_t *b, size_t *e);
/* Whether group K took part in the last match, and where. */
bool xgroup(const xmatcher *m, int k, size_t *b, size_t *e);
/* The number of the named group NAME of pattern ID (a constant of the
 * pattern: callers look it up once). */
int xgroup_number(const xpatterns *ps, enum xpat_id id, const char *name);

#endif
