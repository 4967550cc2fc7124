/* report_int.h: private to the report's model, as mandoc's libmandoc.h is
 * to mandoc: the structure the model's files share and what they call
 * across files.  The formats and the tools never include it; they read the
 * finished model through sla_report.h.
 *
 *   report.c               the model: a report, its entries, one row counted
 *   report_rows.c          one check row read: columns, status, numbers
 *   report_period.c        periods: names, labels, the period of an instant
 *   report_keymap.c        the keys of the entries and their indices, over
 *                          sla_map (its own face, report_keymap.h)
 *   report_satisfaction.c  satisfaction, once per ticket and group
 *   report_histogram.c     the exact histogram of elapsed times (its own
 *                          face, report_histogram.h)
 *   report_sort.c          the sort of elapsed times
 *   report_finish.c        ordering, percentiles, prices, the views
 *   report_partial.c       the state written as a partial report (its face
 *                          sla_report_partial.h; the format in
 *                          report_partial_int.h)
 *   report_merge.c         partial reports read and merged into a report,
 *                          their settings read by report_settings.c
 *   report_slices.c        the slices (period, tier, metric, customer) and
 *                          the as-of instant the rows carry
 *
 * Arrows (nm over the objects): report.c calls rows, keymap, satisfaction,
 * histogram and finish; rows and finish call period; finish calls
 * histogram; histogram calls sort; report.c and
 * finish call the policy's prices (sla_penalty.h).  None of these files
 * calls report.c.  Private names: sla_rpt_ for functions and objects,
 * rpt_ for types, RPT_ for constants. */
#ifndef SLA_REPORT_INT_H
#define SLA_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report_histogram.h"
#include "report_keymap.h"
#include "sla_report.h"

/* ---- periods ------------------------------------------------------------- */

/* The periods of one kind that rows fall in, each as the span of UTC
 * instants it holds: the one found last, so that a ticket's second row
 * costs one comparison, and those found so far, sorted by their start, so
 * that a row in a period seen before costs a binary search (rows come in
 * ticket order, not in time order: nearly every ticket is in another
 * period than the one before).  Up to RPT_CLOCK_SPANS are kept (a year
 * and a half of days, forty years of months); past them a period is
 * worked out again each time.  Zeroed: nothing found yet. */
enum { RPT_CLOCK_SPANS = 512 };
typedef struct rpt_span {
	int64_t lo, hi;		/* the instants [lo, hi) */
	int64_t first;		/* the period: the day number of its first day */
} rpt_span;
typedef struct rpt_clock {
	sla_period_kind kind;
	int64_t lo, hi, last;
	rpt_span span[RPT_CLOCK_SPANS];
	size_t nspans;
} rpt_clock;

/* The last time text read and the instant it names: a ticket's rows
 * repeat their start (every metric that starts at the opening), and a
 * statement's period reads that text again, so most reads are one
 * comparison instead of a parse and a zone lookup. */
enum { RPT_STAMP_MAX = 48 };
typedef struct rpt_stamp {
	char text[RPT_STAMP_MAX];
	size_t n;		/* 0: nothing remembered */
	bool ok;		/* the text was a time */
	int64_t utc;
} rpt_stamp;

/* The period of clock C that holds the RFC 3339 time written in F, read
 * in zone TZ; SLA_NO_PERIOD when F is not one.  Updates C's memory and
 * LAST (always used with the same TZ). */
int64_t sla_rpt_period_of(const sla_tz *tz, rpt_stamp *last, rpt_clock *c, sla_field f);

/* A statement's name in messages: the period of KIND that starts on
 * FIRST_DAY, then CUSTOMER when not NULL ("2026-10", "2026-10 ACME"),
 * cut to fit BUF of N bytes (RPT_STATEMENT_NAME_MAX is enough for a
 * customer of a few hundred bytes).  Returns BUF. */
enum { RPT_STATEMENT_NAME_MAX = 512 };
const char *sla_rpt_statement_name(sla_period_kind kind, int64_t first_day,
				   const char *customer, char *buf, size_t n);

/* ---- the report ---------------------------------------------------------- */

/* The check stream's columns that the report reads. */
enum rpt_col {
	RPT_COL_ID, RPT_COL_LINE, RPT_COL_CUSTOMER, RPT_COL_TIER, RPT_COL_METRIC,
	RPT_COL_START, RPT_COL_TARGET, RPT_COL_ELAPSED, RPT_COL_OVERRUN, RPT_COL_STATUS,
	RPT_COL_PENALTY, RPT_COL_REASON, RPT_COL_SATISFACTION, RPT_COL_OPENED,
	RPT_COL_NOTE, RPT_COL_AS_OF, RPT_NCOL
};

/* Their names in the stream's header (report_rows.c). */
extern const char *const sla_rpt_col_names[RPT_NCOL];

typedef struct rpt_group {
	int64_t period;
	size_t tier_rank;	/* of its tier key in the policy's order */
	/* The index + 1 of the subtotals of its period and (when the group's
	 * keys hold the tier) its tier, for its rows after the first; 0 when
	 * not known (report.c, count_row). */
	size_t period_at, tier_at;
	sla_report_pos first;	/* of its first row */
	char **keys;
	sla_tally tally;
	rpt_hist elapsed;	/* of the rows that count in compliance */
	sla_report_item *top;	/* cfg.top slots, ntop used, worst first */
	size_t ntop;
	sla_satisfaction sat;
} rpt_group;

typedef struct rpt_statement {
	sla_statement pub;
	sla_report_pos first;	/* of its first row */
	sla_report_item *breaches;
	size_t cap;
	char **customers;
	struct rpt_customer {
		sla_report_pos first;	/* its first row */
		size_t key;		/* its index in statement_customer_keys */
	} *customer;		/* one each of customers */
	size_t ncustomers, customers_cap, customer_cap;
} rpt_statement;

/* One part of the check stream that a partial report counted: where it
 * was in the export, how many rows it had, and a digest of their lines
 * and ids -- what tells one part from another, so that a merge takes each
 * part once and puts the parts in the stream's order. */
typedef struct rpt_part {
	char *source;		/* --source, owned; "" for none */
	uint64_t first, last;	/* its smallest and largest `line`; 0 when none */
	uint64_t rows;
	uint64_t digest;	/* of each row's line and id (sla_digest.h) */
	char *file;		/* the partial it was read from, owned; NULL in a run */
	/* In a merge, owned: the streams the part read, and the policy's file
	 * and SHA-256 its partial named ("" for none). */
	char **inputs;
	size_t ninputs, inputs_cap;
	char *policy_file, *policy_sha256;
} rpt_part;

/* A ticket's rows come one after another: remember the groups that have
 * counted its satisfaction already. */
enum { RPT_SEEN_MAX = 16 };

struct sla_report {
	sla_report_config cfg;
	sla_diag *d;
	int col[RPT_NCOL];	/* -1 when the stream lacks it */
	int *by_col;
	bool tier_in_group;	/* one of by_col is the tier column */
	sla_field *by_fields;	/* scratch: the row's grouping fields */

	rpt_keymap group_keys, tier_keys, period_keys, statement_keys, note_keys;
	rpt_keymap statement_customer_keys;	/* a statement's index and a customer */
	size_t *customer_slot;	/* of each such key: its index among its statement's */
	size_t customer_slot_cap;
	rpt_group *groups;
	size_t ngroups, groups_cap;
	/* Entries are counted once they are whole, so that an allocation that
	 * fails half way never leaves one for sla_report_free to trip on. */
	sla_report_subtotal *tiers, *periods;
	size_t ntiers, tiers_cap, nperiods, periods_cap;
	rpt_statement *statements;
	size_t nstatements, statements_cap;
	sla_report_item *unassessed;
	size_t nunassessed, unassessed_cap;
	sla_report_note *notes;	/* in order of first appearance */
	size_t nnotes, notes_cap;
	sla_tally total;
	uint64_t rows;
	bool has_satisfaction;

	/* The ticket of the previous row: its rows come one after another. */
	char *last_id;
	size_t last_id_len, last_id_cap;
	size_t seen[RPT_SEEN_MAX], nseen;	/* groups that counted its satisfaction */
	int64_t ticket_period;	/* of its rows so far with a start */
	rpt_stamp last_stamp;	/* the start or opening read last */
	rpt_clock report_clock;	/* cfg.period: the groups */
	rpt_clock statement_clock;	/* terms.period: the statements */

	/* Partial reports (report_partial.c, report_merge.c): the part this
	 * run reads (kept when cfg.partial), or the parts a merge read, to
	 * which its places (sla_report_pos.part) point; MERGED when they are. */
	rpt_part self;
	rpt_part *parts;
	size_t nparts, parts_cap;
	bool merged;
	/* By period, tier, metric and customer (report_slices.c). */
	rpt_keymap slice_keys;
	sla_report_slice *slices;
	size_t nslices, slices_cap;
	sla_report_subtotal *customers;	/* made from the slices when finished */
	size_t ncustomers;
	/* The as_of column: the text read last and the instants seen
	 * (report_slices.c). */
	char as_of_text[RPT_STAMP_MAX];
	size_t as_of_n;
	bool has_as_of;
	int64_t as_of_min, as_of_max;
	/* A merge's origin, made of its partials' (report_merge.c): the
	 * policy's file and SHA-256 they name, the parts' inputs in order;
	 * cfg.origin points here. */
	sla_report_origin merged_origin;
	const char **merged_inputs;

	/* Views built by sla_report_finish. */
	sla_report_group *view;
	sla_statement *statement_view;
};

/* The order of places: by part, then by row.  A merge numbers its parts
 * in the stream's order before it compares places this way. */
static inline int
sla_rpt_pos_cmp(sla_report_pos a, sla_report_pos b)
{
	if (a.part != b.part)
		return a.part < b.part ? -1 : 1;
	return (a.row > b.row) - (a.row < b.row);
}

/* Whether a row of status S counts in compliance (kept or broken). */
static inline bool
rpt_counts_in_compliance(sla_status s)
{
	return s == SLA_MET || s == SLA_BREACHED || s == SLA_OVERDUE;
}

/* ---- one row of the check stream ----------------------------------------- */

typedef struct rpt_row {
	const sla_field *f;
	sla_status status;
	const char *why;	/* our own reason when we made the row invalid */
	int64_t period, target, elapsed, overrun, penalty;
	int64_t statement_period;	/* of terms.period; rows that count in compliance */
	bool has_penalty;
} rpt_row;

/* The row's field of column C, still escaped; empty when the stream has
 * no such column.  Inline: it runs several times a row. */
static inline sla_field
rpt_field(const sla_report *r, const rpt_row *w, enum rpt_col c)
{
	return r->col[c] >= 0 ? w->f[r->col[c]] : (sla_field){ "", 0 };
}

/* A whole non-negative number (seconds, a line); -1 for an empty field,
 * -2 for a bad one. */
int64_t sla_rpt_parse_count(sla_field f);

/* Read the numbers and periods of row W (W->f set by the caller); one that
 * lacks what its status needs becomes invalid, with the reason in W->why,
 * and is recorded through r->d at FILE and LINE.  RAGGED and NUL are as
 * sla_report_add's.  Updates the report's clocks and the ticket's period;
 * allocates nothing. */
void sla_rpt_read_row(sla_report *r, rpt_row *w, size_t ragged, const sla_field *nul,
		      const char *file, unsigned long line);

/* ---- the entries, found or added (report.c) ------------------------------ */

/* An empty report of CFG that reads no columns: the start of a merge.
 * NULL when out of memory (not printed). */
sla_report *sla_rpt_alloc(const sla_report_config *cfg, sla_diag *d);

/* The entry of the keys given (fields still escaped, as in the stream),
 * added when new (*ADDED) with AT as its first row; NULL when out of
 * memory.  A group's keys are its cfg.nby grouping fields; a statement's
 * its period and, when the terms are per customer, CUSTOMER (else
 * ignored); a statement's customer's its statement and name, its index
 * among the statement's customers in *INDEX. */
rpt_group *sla_rpt_group(sla_report *r, int64_t period, const sla_field *keys,
			 sla_report_pos at, size_t *index, bool *added);
sla_report_subtotal *sla_rpt_tier(sla_report *r, sla_field tier, sla_report_pos at,
				  bool *added);
sla_report_subtotal *sla_rpt_period_total(sla_report *r, int64_t period, sla_report_pos at,
					  bool *added);
rpt_statement *sla_rpt_statement(sla_report *r, int64_t period, sla_field customer,
				 sla_report_pos at, bool *added);
int sla_rpt_statement_customer(sla_report *r, rpt_statement *s, sla_field customer,
			       sla_report_pos at, size_t *index, bool *added);
sla_report_note *sla_rpt_note(sla_report *r, sla_field text, sla_report_pos at, bool *added);

/* Fill the strings of IT from TEXT: id, customer, tier, metric, reason,
 * still escaped; one block holds them.  0, or -1 when out of memory. */
int sla_rpt_item_text(sla_report_item *it, const sla_field text[5]);
void sla_rpt_item_free(sla_report_item *it);
/* A new zeroed item at the end of *V; NULL when out of memory. */
sla_report_item *sla_rpt_item_push(sla_report_item **v, size_t *n, size_t *cap);
/* ---- slices and the as-of instant (report_slices.c) ------------------------ */

/* The elapsed-time bucket of ELAPSED seconds (sla_bucket_upper; report.c). */
size_t sla_rpt_bucket_of(int64_t elapsed);

/* Count row W, at AT, into its slice and note its as_of.  -1 when out of
 * memory. */
int sla_rpt_count_slice(sla_report *r, const rpt_row *w, sla_report_pos at);
/* The slice of PERIOD and KEYS (tier, metric, customer, still escaped),
 * added when new (*ADDED) with AT as its first row; NULL when out of
 * memory. */
sla_report_slice *sla_rpt_slice(sla_report *r, int64_t period, const sla_field keys[3],
				sla_report_pos at, bool *added);
/* Note the as-of instants EARLIEST ... LATEST (of a partial). */
void sla_rpt_note_as_of(sla_report *r, int64_t earliest, int64_t latest);
/* Sum the slices up by customer, then put them in order (after the tiers
 * are: sla_report_tiers).  -1 when out of memory. */
int sla_rpt_order_slices(sla_report *r);
void sla_rpt_free_slices(sla_report *r);

/* ---- satisfaction, sorting ----------------------------------------------- */

/* Count the satisfaction of row W into S, the counts of group GI, unless
 * the ticket's earlier rows counted it there already (r->seen). */
void sla_rpt_note_satisfaction(sla_report *r, const rpt_row *w, sla_satisfaction *s,
			       size_t gi);

/* Sort the N non-negative values V ascending.  Returns 0, or -1 when out
 * of memory (V is then unsorted); needs a copy of V while it runs. */
int sla_rpt_sort_elapsed(int64_t *v, size_t n);

#endif
