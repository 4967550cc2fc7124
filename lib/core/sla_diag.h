/* sla_diag.h: the one shape of every message, and the exit statuses.
 *
 *   tool: file:line: column: what "value"
 *
 * Parts that do not apply are left out: no file (a usage error), no line
 * (a whole-file error), no column, no value. */
#ifndef SLA_DIAG_H
#define SLA_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum {
	SLA_EXIT_OK = 0,	/* success */
	SLA_EXIT_FAIL = 1,	/* only where asked for (--fail-on) */
	SLA_EXIT_ERROR = 2,	/* usage or fatal error */
};

/* What a tool says: every message (the default), or, with -q, errors
 * only; warnings (sla_diag_warn) are what -q holds back, so that a cron
 * job mails only what needs a person. */
enum sla_diag_level {
	SLA_DIAG_WARNINGS = 0,	/* errors and warnings */
	SLA_DIAG_ERRORS,	/* errors only (-q) */
};

/* A quoted value is cut after this many bytes (at a UTF-8 boundary). */
#define SLA_DIAG_VALUE_MAX 80

typedef struct sla_diag {
	const char *tool;	/* the program's name, e.g. "sla-parse" */
	FILE *out;		/* normally stderr */
	unsigned long limit;	/* record errors shown before the rest are only counted; 0: all */
	unsigned long records;	/* record errors reported so far */
	enum sla_diag_level level;	/* SLA_DIAG_WARNINGS unless -q */
} sla_diag;

/* A diagnostics context for TOOL writing to stderr, showing every message
 * (errors and warnings). */
sla_diag sla_diag_init(const char *tool);

/* Print one message.  FILE may be NULL, LINE 0, COLUMN NULL, VALUE NULL
 * (VLEN is then ignored).  WHAT is a printf format. */
void sla_diag_msg(const sla_diag *d, const char *file, unsigned long line,
		  const char *column, const char *value, size_t vlen,
		  const char *what, ...)
	__attribute__((format(printf, 7, 8)));

/* Print one warning: the message of sla_diag_msg with "warning: " before
 * WHAT (after the file, line and column), unless D's level is
 * SLA_DIAG_ERRORS.  A warning is a message about a run that goes on as it
 * should: a column a rule or a metric names and the input lacks, dates
 * outside a calendar's holiday data; never a record error. */
void sla_diag_warn(const sla_diag *d, const char *file, unsigned long line,
		   const char *column, const char *value, size_t vlen,
		   const char *what, ...)
	__attribute__((format(printf, 7, 8)));

/* Report a record error: counted, and printed while within d->limit. */
void sla_diag_record(sla_diag *d, const char *file, unsigned long line,
		     const char *column, const char *value, size_t vlen,
		     const char *what, ...)
	__attribute__((format(printf, 7, 8)));

/* After the last record: say how many record errors were not shown. */
void sla_diag_summary(const sla_diag *d);

/* Write VALUE as a quoted, printable, bounded string into BUF (size N):
 * a quote or backslash gets a backslash, what sla_visible.h calls unsafe
 * (controls, bidi overrides, bytes that are not UTF-8) is shown in its
 * visible form (\t, \x1b, <U+202E>), a long value ends in "...".  N of
 * 4 * SLA_DIAG_VALUE_MAX + 16 holds any value whole up to the cut.
 * Returns the length written (without the NUL). */
size_t sla_diag_quote(char *buf, size_t n, const char *value, size_t vlen);

#endif
