/* lib/classify/: the tier of every ticket, from rules (sla-rules(5)).
 *
 * sla_rules.h: classification rules (DESIGN §7, sla-rules(5)), read by
 * rules.c, and the classifier that sets each ticket's tier and rule from
 * them (classifier.c); their shared insides are private (rules_int.h).
 *
 * A rules file holds one rule a line, `tier  fields  pattern`: the pattern
 * is PCRE2 in UTF and UCP mode and runs to the end of the line; a line
 * whose tier is "&" adds a condition to the rule above (two fields
 * together).  The first rule that matches wins, each of its lines any of
 * its fields, and the ticket's `rule` column names it as file:line, for
 * the audit trail.  Matching runs on the
 * unescaped text of each field, within match and depth limits, so that a
 * catastrophic pattern against a hostile field becomes that record's
 * `error`, never a hang. */
#ifndef SLA_RULES_H
#define SLA_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "sla_diag.h"
#include "sla_policy.h"
#include "sla_stream.h"

/* The embedded default rules: the name under lib/data, which is also the
 * file name that their `rule` column shows. */
#define SLA_RULES_DEFAULT "default.rules"

/* ---- the rule set --------------------------------------------------------- */

typedef struct sla_rules sla_rules;

/* An empty rule set.  USE_JIT false keeps to the PCRE2 interpreter (the
 * fallback taken anyway where JIT is not available).  NULL: out of memory. */
sla_rules *sla_rules_new(bool use_jit);
void sla_rules_free(sla_rules *rs);

/* Append the rules of TEXT[0..LEN), named NAME in messages and in the rule
 * column.  Any error is fatal: it is printed through D with NAME:line (and
 * for a pattern, the column PCRE2 points at), and -1 returned. */
int sla_rules_add_text(sla_rules *rs, const char *name, const char *text, size_t len,
		       const sla_diag *d);
/* The same for the file PATH, and for the embedded default. */
int sla_rules_add_file(sla_rules *rs, const char *path, const sla_diag *d);
int sla_rules_add_default(sla_rules *rs, const sla_diag *d);

size_t sla_rules_count(const sla_rules *rs);

/* Warn through D, at each rule's file:line, about every tier that a rule
 * of RS gives and policy P does not have, and about DEFAULT_TIER (may be
 * NULL; the tier --default gives) likewise (rules_tiers.c).  Returns how
 * many warnings. */
size_t sla_rules_check_tiers(const sla_rules *rs, const char *default_tier, sla_policy *p,
			     const sla_diag *d);
/* Whether TIER can name a tier: non-empty, no blank, control byte,
 * backslash, comma or '#'. */
bool sla_rules_tier_ok(const char *tier);

/* ---- classifying a stream ------------------------------------------------- */

/* DEFAULT_NAME is what the caller calls the default tier: the classifier
 * knows no command line, so sla-classify passes "--default", which goes
 * into the rule column of a ticket given that tier (as it is: no tab,
 * newline or backslash) and into the verbose summary.  A name, not an
 * error code, because it is data written with each such ticket.  NULL:
 * "default". */
typedef struct sla_classify_opts {
	const char *default_tier;	/* --default: tier when nothing matches; NULL: none */
	const char *default_name;	/* the caller's name of DEFAULT_TIER, see above */
	bool override;			/* --override: classify tickets whose tier is set */
	bool strict;			/* --strict: a record error is fatal */
	bool verbose;			/* -v: sla_classifier_report at the end */
} sla_classify_opts;

/* The columns the classifier writes, in this order (see sla_layout_new). */
#define SLA_CLASSIFY_NCOLS 3
extern const char *const sla_classify_columns[SLA_CLASSIFY_NCOLS];

typedef struct sla_classifier sla_classifier;

/* A classifier for records with the columns HEADER[0..NCOLS), using RS
 * (which must outlive it).  A rule field that the header lacks is never
 * matched.  NULL: out of memory. */
sla_classifier *sla_classifier_new(const sla_rules *rs, const sla_field *header, size_t ncols,
				   const sla_classify_opts *opts);
void sla_classifier_free(sla_classifier *c);
/* Warn on D about each rule field that the input lacks and that is not a
 * canonical column of the ticket stream either: a likely typo. */
void sla_classifier_warn_columns(const sla_classifier *c, const sla_diag *d);

/* Classify one record IN (ncols fields) into OWN: tier, rule and error,
 * escaped, valid until the next call.  RAGGED is sla_reader_ragged() and
 * NUL sla_reader_nul() (a row whose field count is not the header's, or
 * that held a NUL byte, is not classified).  A record error (a ragged row,
 * a NUL byte, a field that is not UTF-8, a match limit) is appended to the
 * record's error and reported through D at FILE:LINE.
 * Returns the fields to write: IN, or for a row with more fields than the
 * header a copy whose last field has its tabs escaped, so that the output
 * stays aligned. */
const sla_field *sla_classifier_run(sla_classifier *c, const sla_field *in, size_t ragged,
			size_t nul, sla_field own[SLA_CLASSIFY_NCOLS], sla_diag *d, const char *file,
			unsigned long line);

/* Read every record of R, classify it and write it to W with the tier,
 * rule and error columns added or replaced.  0, or -1 on a read error or,
 * with OPTS->strict, at the first record error, which is not written (the
 * message is printed either way). */
int sla_classify_stream(sla_reader *r, sla_writer *w, const sla_rules *rs,
			const sla_classify_opts *opts, sla_diag *d);

/* Counts so far, and on D (for -v) the tickets each rule classified and
 * how the others fared. */
typedef struct sla_classify_counts {
	unsigned long tickets, by_rule, kept, by_default, unmatched, errors;
} sla_classify_counts;

sla_classify_counts sla_classifier_counts(const sla_classifier *c);
void sla_classifier_report(const sla_classifier *c, const sla_diag *d);

#endif
