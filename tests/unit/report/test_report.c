/* Unit tests: the report's model -- counts, percentiles, worst overruns,
 * periods, satisfaction and the penalty statement's arithmetic. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_report.h"
#include "sla_report_labels.h"
#include "sla_report_table.h"

static const char *const header_names[] = {
	"id", "line", "customer", "tier", "metric", "start", "target_s", "elapsed_s",
	"overrun_s", "status", "penalty", "reason", "satisfaction",
};
enum { NCOLS = sizeof header_names / sizeof header_names[0] };

typedef struct fixture {
	sla_tz *tz;
	sla_diag d;
	sla_report_config cfg;
	sla_report *r;
	char line[512];
	sla_field f[NCOLS];
} fixture;

static const sla_credit_band bands[] = { { 990000, 50000 }, { 950000, 100000 }, { 900000, 250000 } };
static const sla_report_terms contract = {
	.currency = "CNY", .minor_digits = 2, .fee = 2000000, .bands = bands, .nbands = 3,
	.cap = { .set = true, .percent = true, .ppm = 100000 },
	.period = SLA_PERIOD_MONTH, .per_customer = true,
};
/* The same terms for the whole contract: one statement a month. */
static const sla_report_terms whole_contract = {
	.currency = "CNY", .minor_digits = 2, .fee = 2000000, .bands = bands, .nbands = 3,
	.cap = { .set = true, .percent = true, .ppm = 100000 },
	.period = SLA_PERIOD_MONTH, .per_customer = false,
};

/* Make the report (again), with what X->cfg says now. */
static void
reopen(fixture *x)
{
	sla_field header[NCOLS];

	sla_report_free(x->r);
	for (size_t i = 0; i < NCOLS; i++)
		header[i] = (sla_field){ header_names[i], strlen(header_names[i]) };
	x->r = sla_report_new(&x->cfg, header, NCOLS, &x->d);
	assert_non_null(x->r);
}

static void
start(fixture *x, const char *by, size_t top)
{
	static const char *by_cols[1];
	char err[128];

	memset(x, 0, sizeof *x);
	x->tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	assert_non_null(x->tz);
	x->d = sla_diag_init("test");
	x->d.out = fopen("/dev/null", "w");
	by_cols[0] = by;
	x->cfg = (sla_report_config){ .period = SLA_PERIOD_MONTH, .by = by_cols,
				      .nby = by ? 1 : 0, .top = top, .tz = x->tz,
				      .terms = &contract };
	reopen(x);
}

static void
stop(fixture *x)
{
	sla_report_free(x->r);
	sla_tz_free(x->tz);
	fclose(x->d.out);
}

/* Add one row written as tab-separated text in header_names' order; NUL
 * names the column that held a NUL byte, or is NULL. */
static void
add_read(fixture *x, const char *text, const sla_field *nul)
{
	size_t n = 0;
	char *p = x->line;

	strcpy(x->line, text);
	for (;;) {
		char *tab = strchr(p, '\t');
		x->f[n++] = (sla_field){ p, tab ? (size_t)(tab - p) : strlen(p) };
		if (!tab)
			break;
		p = tab + 1;
	}
	assert_int_equal(n, NCOLS);
	assert_int_equal(sla_report_add(x->r, x->f, 0, nul, "test.tsv", 2), 0);
}

static void
add(fixture *x, const char *text)
{
	add_read(x, text, NULL);
}

static void
add_met(fixture *x, const char *id, const char *customer, int64_t elapsed)
{
	char row[256];
	snprintf(row, sizeof row, "%s\t7\t%s\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t%lld\t0\tmet\t\t\t",
		 id, customer, (long long)elapsed);
	add(x, row);
}

/* A row that held a NUL byte (the reader gave it as U+FFFD, naming its
 * column) is invalid and said; its group is its own, never the group of
 * the text before the NUL. */
static void
a_nul_byte_makes_the_row_invalid(void **state)
{
	(void)state;
	fixture x;
	start(&x, "customer", 3);
	add_met(&x, "A", "c", 100);
	const sla_field customer = SLA_FIELD("customer");
	add_read(&x, "B\t8\tc\xef\xbf\xbd" "d\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t100\t0"
		 "\tmet\t\t\t", &customer);
	assert_int_equal(sla_report_finish(x.r), 0);
	assert_int_equal(x.d.records, 1);
	const sla_tally *t = sla_report_total(x.r);
	assert_int_equal(t->count[SLA_MET], 1);
	assert_int_equal(t->count[SLA_INVALID], 1);
	size_t nu, ng;
	const sla_report_item *u = sla_report_unassessed(x.r, &nu);
	assert_int_equal(nu, 1);
	assert_string_equal(u[0].reason, "NUL byte (read as U+FFFD)");
	const sla_report_group *g = sla_report_groups(x.r, &ng);
	assert_int_equal(ng, 2);
	for (size_t i = 0; i < ng; i++)
		assert_int_equal(sla_tally_rows(&g[i].tally), 1);
	stop(&x);
}

static void
counts_add_up_to_rows_read(void **state)
{
	(void)state;
	fixture x;
	start(&x, "tier", 3);
	add_met(&x, "A", "c", 100);
	add(&x, "B\t3\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t5000\t1400\tbreached\t640.00\t\t");
	add(&x, "C\t4\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t5000\t1400\toverdue\t\t\t");
	add(&x, "D\t5\tc\tnormal\tresolve\t2026-10-05T10:00:00+08:00\t3600\t3000\t0\tat-risk\t\t\t");
	add(&x, "E\t6\tc\tnormal\tresolve\t2026-10-05T10:00:00+08:00\t3600\t30\t0\tpending\t\t\t");
	add(&x, "F\t7\tc\tnormal\tresolve\t2026-10-05T10:00:00+08:00\t3600\t30\t0\texcluded\t\tforce majeure\t");
	add(&x, "G\t8\tc\tnormal\tresolve\t\t\t\t\tinvalid\t\tstop before start\t");
	/* Rows the report cannot read become invalid ones, never lost. */
	add(&x, "H\t9\tc\tnormal\tresolve\t2026-10-05T10:00:00+08:00\t3600\t30\t0\tdone\t\t\t");
	add(&x, "I\t10\tc\tnormal\tresolve\tyesterday\t3600\t30\t0\tmet\t\t\t");
	add(&x, "J\t11\tc\tnormal\tresolve\t2026-10-05T10:00:00+08:00\t3600\tlots\t0\tmet\t\t\t");
	add(&x, "K\t12\tc\tnormal\tresolve\t2026-10-05T10:00:00+08:00\t3600\t9000\t5400\tbreached\tmuch\t\t");
	assert_int_equal(sla_report_add(x.r, x.f, 3, NULL, "test.tsv", 13), 0); /* ragged */
	assert_int_equal(sla_report_finish(x.r), 0);

	const sla_tally *t = sla_report_total(&*x.r);
	assert_int_equal(sla_report_rows(x.r), 12);
	assert_int_equal(sla_tally_rows(t), 12);
	assert_int_equal(t->count[SLA_MET], 1);
	assert_int_equal(t->count[SLA_BREACHED], 1);
	assert_int_equal(t->count[SLA_OVERDUE], 1);
	assert_int_equal(t->count[SLA_EXCLUDED], 1);
	assert_int_equal(t->count[SLA_INVALID], 6);
	assert_int_equal(x.d.records, 5); /* each unreadable row was reported */

	size_t n, ntiers, ngroups, nperiods;
	const sla_report_item *u = sla_report_unassessed(x.r, &n);
	assert_int_equal(n, 7);
	assert_string_equal(u[0].reason, "force majeure");
	assert_string_equal(u[2].reason, "unknown status");
	assert_string_equal(u[3].reason, "cannot read start time");
	assert_int_equal(u[3].period, SLA_NO_PERIOD);
	assert_string_equal(u[5].reason, "cannot read penalty amount");

	uint64_t sum = 0;
	const sla_report_group *g = sla_report_groups(x.r, &ngroups);
	for (size_t i = 0; i < ngroups; i++)
		sum += sla_tally_rows(&g[i].tally);
	assert_int_equal(sum, 12);
	const sla_report_subtotal *tiers = sla_report_tiers(x.r, &ntiers);
	assert_int_equal(ntiers, 2);
	assert_int_equal(sla_tally_rows(&tiers[0].tally) + sla_tally_rows(&tiers[1].tally), 12);
	const sla_report_subtotal *periods = sla_report_periods(x.r, &nperiods);
	assert_int_equal(nperiods, 2);
	assert_int_equal(periods[1].period, SLA_NO_PERIOD); /* unreadable starts go last */
	stop(&x);
}

/* sla-check leaves the start of a metric that has not started empty: the
 * row is pending, in the period of its ticket's earlier rows, or in none
 * when it is the ticket's first. */
static void
pending_rows_without_a_start_are_pending(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	add_met(&x, "A", "c", 100);
	add(&x, "A\t7\tc\turgent\tcallback\t\t\t0\t0\tpending\t\tresolved: not yet\t");
	add(&x, "B\t8\tc\turgent\tcallback\t\t\t0\t0\tpending\t\tresolved: not yet\t");
	add(&x, "B\t8\tc\turgent\tresponse\t2026-11-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\t");
	/* An empty start is fine only for a pending row. */
	add(&x, "C\t9\tc\turgent\tresponse\t\t3600\t60\t0\tmet\t\t\t");
	assert_int_equal(sla_report_finish(x.r), 0);

	const sla_tally *t = sla_report_total(x.r);
	assert_int_equal(t->count[SLA_PENDING], 2);
	assert_int_equal(t->count[SLA_MET], 2);
	assert_int_equal(t->count[SLA_INVALID], 1);
	assert_int_equal(x.d.records, 1);
	size_t n;
	const sla_report_subtotal *p = sla_report_periods(x.r, &n);
	assert_int_equal(n, 3);
	assert_int_equal(p[0].tally.count[SLA_PENDING], 1);	/* A's, in October */
	assert_int_equal(p[0].tally.count[SLA_MET], 1);
	assert_int_equal(p[1].tally.count[SLA_MET], 1);		/* B's response, November */
	assert_int_equal(p[2].period, SLA_NO_PERIOD);		/* B's first row, and C */
	assert_int_equal(p[2].tally.count[SLA_PENDING], 1);
	assert_int_equal(p[2].tally.count[SLA_INVALID], 1);
	stop(&x);
}

static void
percentiles_are_exact_nearest_rank(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	/* 1..20 minutes, in a scrambled order. */
	for (int i = 0; i < 20; i++)
		add_met(&x, "T", "c", (int64_t)((i * 7) % 20 + 1) * 60);
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_report_group *g = sla_report_groups(x.r, &n);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].nelapsed, 20);
	assert_int_equal(g[0].p50, 10 * 60);	/* rank ceil(0.50 * 20) = 10 */
	assert_int_equal(g[0].p90, 18 * 60);	/* rank 18 */
	assert_int_equal(g[0].p95, 19 * 60);	/* rank 19 */
	assert_int_equal(g[0].max, 20 * 60);
	stop(&x);
}

static void
worst_overruns_keep_the_top_n(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 2);
	add(&x, "A\t2\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t3700\t100\tbreached\t\t\t");
	add(&x, "B\t3\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t3900\t300\tbreached\t\t\t");
	add(&x, "C\t4\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t3800\t200\toverdue\t\t\t");
	add(&x, "D\t5\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t3900\t300\tbreached\t\t\t");
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_report_group *g = sla_report_groups(x.r, &n);
	assert_int_equal(g[0].ntop, 2);
	assert_string_equal(g[0].top[0].id, "B"); /* a tie: the earlier row first */
	assert_string_equal(g[0].top[1].id, "D");
	assert_int_equal(g[0].top[1].overrun, 300);
	stop(&x);
}

/* The hand-computed statement of sla-report(1): 10 kept, 1 broken for
 * 600.00 is 90.909... %, below 95 % but not below 90 %: a credit of 10 % of
 * 20000.00 = 2000.00; 600.00 + 2000.00 = 2600.00 is capped at 10 % of the
 * fee, 2000.00. */
static void
statement_with_credit_band_and_cap(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	for (int i = 0; i < 10; i++)
		add_met(&x, "A", "星河", 600);
	add(&x, "B\t3\t星河\turgent\tresponse\t2026-10-12T09:10:00+08:00\t3600\t5400\t1800\tbreached\t600.00\t\t");
	add(&x, "C\t4\t星河\turgent\tresponse\t2026-10-12T09:10:00+08:00\t3600\t30\t0\tpending\t\t\t");
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_statement *s = sla_report_statements(x.r, &n);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].customer, "星河");
	assert_int_equal(s[0].kept, 10);
	assert_int_equal(s[0].broken, 1);
	assert_int_equal(s[0].nbreaches, 1);
	assert_int_equal(s[0].breach_sum, 60000);
	assert_true(s[0].band_hit);
	assert_int_equal(s[0].band.below_ppm, 950000);
	assert_int_equal(s[0].credit, 200000);
	assert_int_equal(s[0].cap, 200000);
	assert_true(s[0].capped);
	assert_int_equal(s[0].total, 200000);
	stop(&x);
}

/* 19 of 20 is exactly 95 %: not below 95 %, so the 99 % band (5 % of the
 * fee, 1000.00); 100.00 + 1000.00 stays under the cap. */
static void
statement_at_a_band_edge_below_the_cap(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	for (int i = 0; i < 19; i++)
		add_met(&x, "A", "Northwind", 600);
	add(&x, "B\t3\tNorthwind\tnormal\tresolve\t2026-10-12T09:10:00+08:00\t3600\t5400\t1800\tbreached\t100.00\t\t");
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_statement *s = sla_report_statements(x.r, &n);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].band.below_ppm, 990000);
	assert_int_equal(s[0].credit, 100000);
	assert_false(s[0].capped);
	assert_int_equal(s[0].total, 110000);
	stop(&x);
}

static void
statements_are_per_period_and_customer(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	add_met(&x, "A", "one", 60);
	add_met(&x, "B", "two", 60);
	/* 07:30 in Shanghai on 1 October is still 30 September in UTC. */
	add(&x, "C\t4\tone\turgent\tresponse\t2026-09-30T23:30:00Z\t3600\t60\t0\tmet\t\t\t");
	add(&x, "D\t5\tone\turgent\tresponse\t2026-09-30T15:59:59Z\t3600\t60\t0\tmet\t\t\t");
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_statement *s = sla_report_statements(x.r, &n);
	assert_int_equal(n, 3);
	char buf[SLA_PERIOD_LABEL_MAX];
	assert_string_equal(sla_period_label(SLA_PERIOD_MONTH, s[0].period, buf), "2026-09");
	assert_string_equal(s[0].customer, "one");
	assert_int_equal(s[0].kept, 1);
	assert_string_equal(sla_period_label(SLA_PERIOD_MONTH, s[1].period, buf), "2026-10");
	assert_string_equal(s[1].customer, "one");
	assert_int_equal(s[1].kept, 2);
	assert_string_equal(s[2].customer, "two");
	stop(&x);
}

/* Per contract, one statement a month counts every customer's rows, with
 * one fee and one cap; the report's --period leaves it as it is. */
static void
statement_of_the_whole_contract_keeps_its_period(void **state)
{
	(void)state;
	for (int kind = SLA_PERIOD_DAY; kind <= SLA_PERIOD_YEAR; kind++) {
		fixture x;
		start(&x, NULL, 0);
		x.cfg.terms = &whole_contract;
		x.cfg.period = (sla_period_kind)kind;
		reopen(&x);
		assert_non_null(x.r);
		for (int i = 0; i < 8; i++)
			add_met(&x, "A", i % 2 ? "one" : "two", 600);
		add(&x, "B\t3\tone\turgent\tresponse\t2026-10-12T09:10:00+08:00\t3600\t5400\t1800\tbreached\t1500.00\t\t");
		add(&x, "C\t4\ttwo\turgent\tresponse\t2026-10-28T09:10:00+08:00\t3600\t5400\t1800\tbreached\t1500.00\t\t");
		assert_int_equal(sla_report_finish(x.r), 0);
		size_t n;
		const sla_statement *s = sla_report_statements(x.r, &n);
		assert_int_equal(n, 1);
		assert_null(s[0].customer);
		assert_int_equal(s[0].ncustomers, 2);
		assert_string_equal(s[0].customers[0], "two");
		assert_string_equal(s[0].customers[1], "one");
		assert_int_equal(s[0].kept, 8);
		assert_int_equal(s[0].broken, 2);
		assert_int_equal(s[0].breach_sum, 300000);
		/* 80 % is below 90 %: 25 % of 20000.00; capped at 10 % */
		assert_int_equal(s[0].credit, 500000);
		assert_true(s[0].capped);
		assert_int_equal(s[0].total, 200000);
		char buf[SLA_PERIOD_LABEL_MAX];
		assert_string_equal(sla_period_label(SLA_PERIOD_MONTH, s[0].period, buf), "2026-10");
		assert_string_equal(sla_period_label(SLA_PERIOD_MONTH, s[0].breaches[1].period, buf), "2026-10");
		stop(&x);
	}
}

static void
period_labels(void **state)
{
	(void)state;
	char buf[SLA_PERIOD_LABEL_MAX];
	sla_period_kind k;

	assert_int_equal(sla_period_parse("quarter", &k), 0);
	assert_int_equal(k, SLA_PERIOD_QUARTER);
	assert_int_equal(sla_period_parse("fortnight", &k), -1);
	/* the names the report prints are the names --period reads */
	for (int i = SLA_PERIOD_DAY; i <= SLA_PERIOD_YEAR; i++) {
		assert_int_equal(sla_period_parse(sla_period_name((sla_period_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(sla_period_name(SLA_PERIOD_WEEK), "week");
	/* ISO weeks: 2026-01-01 is a Thursday, so its week is 2026-W01; the
	 * week of Monday 2024-12-30 is 2025-W01; 2026-12-28 is in 2026-W53. */
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, sla_days_from_civil(2025, 12, 29), buf),
			    "2026-W01");
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, sla_days_from_civil(2024, 12, 30), buf),
			    "2025-W01");
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, sla_days_from_civil(2026, 12, 28), buf),
			    "2026-W53");
	assert_string_equal(sla_period_label(SLA_PERIOD_QUARTER, sla_days_from_civil(2026, 10, 1), buf),
			    "2026-Q4");
	assert_string_equal(sla_period_label(SLA_PERIOD_DAY, sla_days_from_civil(2026, 3, 2), buf),
			    "2026-03-02");
	assert_string_equal(sla_period_label(SLA_PERIOD_YEAR, SLA_NO_PERIOD, buf), "-");
}

static void
weeks_start_on_monday_in_the_zone(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	x.cfg.period = SLA_PERIOD_WEEK;
	reopen(&x);
	/* Sunday 23:59 and Monday 00:00 in Shanghai, written in UTC. */
	add(&x, "A\t2\tc\turgent\tresponse\t2026-10-11T15:59:00Z\t3600\t60\t0\tmet\t\t\t");
	add(&x, "B\t3\tc\turgent\tresponse\t2026-10-11T16:00:00Z\t3600\t60\t0\tmet\t\t\t");
	add(&x, "C\t4\tc\turgent\tresponse\t2026-10-12T08:00:00+08:00\t3600\t60\t0\tmet\t\t\t");
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_report_subtotal *p = sla_report_periods(x.r, &n);
	char buf[SLA_PERIOD_LABEL_MAX];
	assert_int_equal(n, 2);
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, p[0].period, buf), "2026-W41");
	assert_int_equal(sla_tally_rows(&p[0].tally), 1);
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, p[1].period, buf), "2026-W42");
	assert_int_equal(sla_tally_rows(&p[1].tally), 2);
	stop(&x);
}

/* The report remembers the start it read last (a ticket's rows repeat
 * it): a text read again, after another or after a bad one, in a zone or
 * without one, longer than what is remembered, names the same period. */
static void
a_start_read_again_is_read_the_same(void **state)
{
	(void)state;
	static const char *const starts[] = {
		"2026-10-11T23:59:00",	/* Shanghai wall clock: Sunday, W41 */
		"2026-10-11T23:59:00",
		"2026-10-12T00:00:00",	/* Monday: W42 */
		"2026-10-11T23:59:00",
		"2026-10-11T15:59:00Z",	/* Sunday 23:59 in Shanghai: W41 */
		"2026-10-12T00:00:00.000000000000000000000000000000000000001+08:00",
		"2026-10-12T00:00:00.000000000000000000000000000000000000001+08:00",
		"yesterday", "yesterday",
		"2026-10-12T00:00:00",
	};
	enum { NSTARTS = sizeof starts / sizeof starts[0] };
	fixture x;
	start(&x, NULL, 0);
	x.cfg.period = SLA_PERIOD_WEEK;
	reopen(&x);
	for (size_t i = 0; i < NSTARTS; i++) {
		char row[256];
		snprintf(row, sizeof row, "A\t%zu\tc\turgent\tresponse\t%s\t3600\t60\t0\tmet\t\t\t",
			 i + 2, starts[i]);
		add(&x, row);
	}
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	const sla_report_subtotal *p = sla_report_periods(x.r, &n);
	char buf[SLA_PERIOD_LABEL_MAX];
	assert_int_equal(n, 3);
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, p[0].period, buf), "2026-W41");
	assert_int_equal(sla_tally_rows(&p[0].tally), 4);
	assert_string_equal(sla_period_label(SLA_PERIOD_WEEK, p[1].period, buf), "2026-W42");
	assert_int_equal(sla_tally_rows(&p[1].tally), 4);
	assert_int_equal(p[2].period, SLA_NO_PERIOD);	/* both bad starts */
	assert_int_equal(p[2].tally.count[SLA_INVALID], 2);
	/* The statement's month is read from the same text. */
	const sla_statement *s = sla_report_statements(x.r, &n);
	assert_int_equal(n, 1);
	assert_string_equal(sla_period_label(SLA_PERIOD_MONTH, s[0].period, buf), "2026-10");
	assert_int_equal(s[0].kept, 8);
	stop(&x);
}

static void
satisfaction_once_per_ticket_and_group(void **state)
{
	(void)state;
	fixture x;
	start(&x, NULL, 0);
	/* A long id: the remembered id grows to hold it. */
	add(&x, "INC-2026-10-05-000001-A\t2\tc\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\t4");
	add(&x, "INC-2026-10-05-000001-A\t2\tc\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\t4");
	add(&x, "B\t3\tc\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\t87.5%");
	add(&x, "C\t4\tc\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\t95");
	add(&x, "D\t5\tc\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\tgood");
	add(&x, "E\t6\tc\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t60\t0\tmet\t\t\t2");
	assert_int_equal(sla_report_finish(x.r), 0);
	assert_true(sla_report_has_satisfaction(x.r));
	size_t n;
	const sla_satisfaction *s = &sla_report_groups(x.r, &n)[0].satisfaction;
	assert_int_equal(s->nscores, 2);
	assert_int_equal(s->scores[3], 1);
	assert_int_equal(s->scores[1], 1);
	assert_int_equal(s->npercent, 2);
	assert_int_equal(s->percent_sum, 8750 + 9500);
	assert_int_equal(s->percent_band[4], 2);
	assert_int_equal(s->unreadable, 1);
	stop(&x);
}

static void
missing_columns_are_named(void **state)
{
	(void)state;
	char err[128];
	sla_tz *tz = sla_tz_load("UTC", err, sizeof err);
	sla_diag d = sla_diag_init("test");
	d.out = tmpfile();
	assert_non_null(d.out);
	static const char *const by[] = { "region" };
	sla_report_config cfg = { .by = by, .nby = 1, .tz = tz };
	sla_field header[] = { SLA_FIELD("id"), SLA_FIELD("status") };
	assert_null(sla_report_new(&cfg, header, 2, &d)); /* no region */
	cfg.by_name = "--by";	/* the name sla-report gives the option */
	assert_null(sla_report_new(&cfg, header, 2, &d));
	cfg.nby = 0;
	assert_null(sla_report_new(&cfg, header, 1, &d)); /* no status */
	sla_report *r = sla_report_new(&cfg, header, 2, &d);
	assert_non_null(r);
	sla_report_free(r);
	/* The house shape; sla_report_open adds the file and line 1. */
	char msgs[512] = "";
	rewind(d.out);
	size_t got = fread(msgs, 1, sizeof msgs - 1, d.out);
	msgs[got] = '\0';
	assert_string_equal(msgs, "test: by: the check stream has no column \"region\"\n"
				  "test: --by: the check stream has no column \"region\"\n"
				  "test: the check stream has no column \"status\"\n");
	fclose(d.out);
	sla_tz_free(tz);
}

static void
languages_and_formats(void **state)
{
	(void)state;
	sla_lang l;
	sla_report_format f;
	assert_int_equal(sla_lang_from_locale("zh_CN.UTF-8"), SLA_LANG_ZH);
	assert_int_equal(sla_lang_from_locale("en_GB.UTF-8"), SLA_LANG_EN);
	assert_int_equal(sla_lang_from_locale("C"), SLA_LANG_EN);
	assert_int_equal(sla_lang_from_locale(NULL), SLA_LANG_EN);
	assert_int_equal(sla_lang_parse("zh", &l), 0);
	assert_int_equal(l, SLA_LANG_ZH);
	assert_int_equal(sla_lang_parse("fr", &l), -1);
	assert_int_equal(sla_report_format_parse("markdown", &f), 0);
	assert_int_equal(f, SLA_FORMAT_MARKDOWN);
	assert_int_equal(sla_report_format_parse("xlsx", &f), 0);
	assert_int_equal(f, SLA_FORMAT_XLSX);
	assert_int_equal(sla_report_format_parse("xls", &f), -1);
	assert_int_equal(sla_report_table_parse("statements"), 0);
	assert_int_equal(sla_report_table_parse("statement"), -1);
}

static void
every_label_exists_in_both_languages(void **state)
{
	(void)state;
	for (int l = 0; l < SLA_L_NLABELS; l++) {
		const char *en = sla_label_text((sla_label)l, SLA_LANG_EN);
		const char *zh = sla_label_text((sla_label)l, SLA_LANG_ZH);
		assert_non_null(en);
		assert_non_null(zh);
		assert_true(*en && *zh);
		/* A label that takes arguments takes the same ones in both. */
		assert_int_equal(strchr(en, '%') != NULL, strchr(zh, '%') != NULL);
	}
	assert_string_equal(sla_status_label(SLA_OVERDUE, SLA_LANG_ZH), "逾期");
}

static void
fixed_point_rounds_half_up_and_compliance_down(void **state)
{
	(void)state;
	char buf[SLA_CELL_MAX];
	sla_format_fixed(10, 11, 6, buf);
	assert_string_equal(buf, "0.909091");
	sla_format_fixed(1000, 11, 2, buf);	/* 90.909... */
	assert_string_equal(buf, "90.91");
	sla_format_fixed(1, 8, 2, buf);		/* 0.125 */
	assert_string_equal(buf, "0.13");
	sla_format_fixed(2, 2, 6, buf);
	assert_string_equal(buf, "1.000000");
	/* Compliance is rounded down: 19 799 of 20 000 is 98.995 %. */
	sla_format_floor(1979900, 20000, 2, buf);
	assert_string_equal(buf, "98.99");
	sla_format_floor(1000, 11, 2, buf);	/* 90.909... */
	assert_string_equal(buf, "90.90");
	sla_format_floor(2, 3, 6, buf);
	assert_string_equal(buf, "0.666666");
	sla_format_floor(5, 5, 2, buf);
	assert_string_equal(buf, "1.00");
	/* Counts as large as a merge of partials may hold: the scaled
	 * numerator does not wrap (a fuzzer found 944...400 x 100). */
	sla_format_fixed(INT64_MAX, 1, 6, buf);
	assert_string_equal(buf, "9223372036854775807.000000");
	sla_format_fixed(94444444444444400, 3, 2, buf);
	assert_string_equal(buf, "31481481481481466.67");
	sla_format_percent(INT64_MAX - 1, INT64_MAX, 2, buf);
	assert_string_equal(buf, "99.99%");
	sla_format_percent(INT64_MAX, INT64_MAX, 2, buf);
	assert_string_equal(buf, "100.00%");
}

/* A mean of satisfaction scores: the sum in hundredths, refused rather
 * than wrapped when merged partials hold more than fits. */
static void
satisfaction_means_refuse_what_does_not_fit(void **state)
{
	(void)state;
	sla_satisfaction s = { .scores = { 1, 0, 0, 0, 3 }, .nscores = 4 };
	int64_t sum;
	char buf[SLA_CELL_MAX];
	assert_true(sla_satisfaction_score_sum(&s, &sum));
	assert_int_equal(sum, 1600);
	assert_true(sla_satisfaction_mean_text(sum, s.nscores, buf));
	assert_string_equal(buf, "4.00");
	s.scores[4] = INT64_MAX / 400;
	assert_false(sla_satisfaction_score_sum(&s, &sum));
	s.scores[4] = UINT64_MAX;
	assert_false(sla_satisfaction_score_sum(&s, &sum));
	assert_false(sla_satisfaction_mean_text(100, 0, buf));
	assert_false(sla_satisfaction_mean_text(100, INT64_MAX / 100 + 1, buf));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_add_up_to_rows_read),
		cmocka_unit_test(a_nul_byte_makes_the_row_invalid),
		cmocka_unit_test(pending_rows_without_a_start_are_pending),
		cmocka_unit_test(percentiles_are_exact_nearest_rank),
		cmocka_unit_test(worst_overruns_keep_the_top_n),
		cmocka_unit_test(statement_with_credit_band_and_cap),
		cmocka_unit_test(statement_at_a_band_edge_below_the_cap),
		cmocka_unit_test(statements_are_per_period_and_customer),
		cmocka_unit_test(statement_of_the_whole_contract_keeps_its_period),
		cmocka_unit_test(period_labels),
		cmocka_unit_test(weeks_start_on_monday_in_the_zone),
		cmocka_unit_test(a_start_read_again_is_read_the_same),
		cmocka_unit_test(satisfaction_once_per_ticket_and_group),
		cmocka_unit_test(missing_columns_are_named),
		cmocka_unit_test(languages_and_formats),
		cmocka_unit_test(every_label_exists_in_both_languages),
		cmocka_unit_test(fixed_point_rounds_half_up_and_compliance_down),
		cmocka_unit_test(satisfaction_means_refuse_what_does_not_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
