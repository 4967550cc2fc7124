/* sla_report_labels.h: every word the report prints, in English and
 * Chinese (report_labels.c), and the choice of language: the names of
 * --lang and the locale's answer (declared in sla_report.h, for the tool).
 *
 * Owns the label table and nothing else: what a table says is
 * report_tables.c's (a statement's, report_statements.c's), how a format
 * prints it is the format's. */
#ifndef SLA_REPORT_LABELS_H
#define SLA_REPORT_LABELS_H

#include "sla_report.h"

typedef enum sla_label {
	SLA_L_TITLE, SLA_L_OVERVIEW, SLA_L_ROWS_READ, SLA_L_PERIOD, SLA_L_TIMEZONE,
	SLA_L_GROUPED_BY, SLA_L_CONTRACT, SLA_L_CURRENCY, SLA_L_FEE, SLA_L_ITEM,
	SLA_L_VALUE, SLA_L_NONE,
	SLA_L_BY_TIER, SLA_L_BY_PERIOD, SLA_L_BY_PERIOD_TIER, SLA_L_BY_GROUP, SLA_L_ELAPSED, SLA_L_SATISFACTION,
	SLA_L_TOP, SLA_L_UNASSESSED, SLA_L_STATEMENT, SLA_L_NOTES, SLA_L_NOTE,
	SLA_L_TIER, SLA_L_ALL, SLA_L_ROWS, SLA_L_COMPLIANCE, SLA_L_ASSESSED,
	SLA_L_P50, SLA_L_P90, SLA_L_P95, SLA_L_MAX,
	SLA_L_ID, SLA_L_LINE, SLA_L_AT_LINE, SLA_L_METRIC, SLA_L_STATUS, SLA_L_TARGET,
	SLA_L_TOOK, SLA_L_OVERRUN, SLA_L_REASON,
	SLA_L_CUSTOMER, SLA_L_SCORES, SLA_L_MEAN_SCORE, SLA_L_SCORE_DIST, SLA_L_PERCENTS,
	SLA_L_MEAN_PERCENT, SLA_L_PERCENT_DIST, SLA_L_UNREADABLE,
	SLA_L_DETAIL, SLA_L_AMOUNT, SLA_L_BREACH, SLA_L_BREACH_SUM, SLA_L_BREACHES,
	SLA_L_CREDIT, SLA_L_NO_BAND, SLA_L_CREDIT_BAND, SLA_L_CAP, SLA_L_NO_CAP,
	SLA_L_CAP_PERCENT, SLA_L_CAP_AMOUNT, SLA_L_TOTAL, SLA_L_TOTAL_SUM,
	SLA_L_TOTAL_CAPPED, SLA_L_KEPT_OF, SLA_L_KEPT_OF_TEXT,
	SLA_L_KEPT, SLA_L_BROKEN, SLA_L_PRICED, SLA_L_BAND_BELOW, SLA_L_CREDIT_RATE,
	SLA_L_SUM_CREDIT, SLA_L_CAPPED, SLA_L_OWED, SLA_L_YES, SLA_L_NO, SLA_L_BREACH_LIST,
	SLA_L_PENALTY,
	SLA_L_ALL_CUSTOMERS, SLA_L_STATEMENT_CUSTOMER, SLA_L_STATEMENTS,
	SLA_L_STATEMENT_TERMS, SLA_L_PER_CONTRACT, SLA_L_PER_CUSTOMER,
	SLA_L_CHART_COMPLIANCE, SLA_L_CHART_ELAPSED, SLA_L_BUCKET_OVER,
	/* the HTML page's header, top line, contents and charts */
	SLA_L_AS_OF, SLA_L_AS_OF_MIXED, SLA_L_AS_OF_UNKNOWN, SLA_L_DATE_RANGE, SLA_L_RANGE, SLA_L_BY_PERIOD_RANGE,
	SLA_L_INPUTS, SLA_L_STDIN, SLA_L_POLICY, SLA_L_EMBEDDED, SLA_L_POLICY_SHA,
	SLA_L_TOTAL_OWED, SLA_L_OVERALL, SLA_L_BROKEN_ALL, SLA_L_NOT_PRICED, SLA_L_TOO_LARGE,
	SLA_L_CONTENTS, SLA_L_CHARTS, SLA_L_TABLES, SLA_L_CUSTOMERS, SLA_L_OWED_IN,
	SLA_L_CHART_BREACHES, SLA_L_CHART_PENALTY, SLA_L_TARGET_LINE, SLA_L_BAND_LINE,
	SLA_L_MORE_ROWS, SLA_L_NO_BREACH, SLA_L_CHART_NOTE_SCALE,
	SLA_L_CUSTOMER_SECTION, SLA_L_IN_PARENS, SLA_L_LIST_SEP,
	/* period names, for people (sla_period_name is the option's) */
	SLA_L_PERIOD_DAY, SLA_L_PERIOD_WEEK, SLA_L_PERIOD_MONTH, SLA_L_PERIOD_QUARTER,
	SLA_L_PERIOD_YEAR,
	SLA_L_STATUS_FIRST,	/* then one label per sla_status */
	SLA_L_NLABELS = SLA_L_STATUS_FIRST + SLA_NSTATUS
} sla_label;

/* The text of label L in LANG: static, never NULL or empty.  A label with
 * printf conversions takes the same arguments in both languages. */
const char *sla_label_text(sla_label l, sla_lang lang);
/* The name of period KIND in LANG, for people ("month", "月"). */
const char *sla_period_word(sla_period_kind kind, sla_lang lang);
/* The name of status S in LANG, for people (the streams keep
 * sla_status_name's). */
const char *sla_status_label(sla_status s, sla_lang lang);

#endif
