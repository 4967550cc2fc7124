/* Unit tests: what the HTML page reads beside the tables -- the slices by
 * period, tier, metric and customer, the customers, the as-of instant --
 * and the two small helpers it prints with (sla_period_last_day,
 * sla_format_grouped). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "sla_report.h"
#include "sla_report_table.h"
#include "sla_time.h"

static const char *const header_names[] = {
	"id", "customer", "tier", "metric", "start", "elapsed_s", "overrun_s", "status", "as_of",
};
enum { NCOLS = sizeof header_names / sizeof header_names[0] };
static const char *const tiers[] = { "urgent", "normal" };

typedef struct fixture {
	sla_tz *tz;
	sla_diag d;
	sla_report_config cfg;
	sla_report *r;
} fixture;

static void
start(fixture *x, bool slices, const sla_report_origin *src)
{
	char err[128];
	sla_field header[NCOLS];

	memset(x, 0, sizeof *x);
	x->tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	assert_non_null(x->tz);
	x->d = sla_diag_init("test");
	x->d.out = fopen("/dev/null", "w");
	x->cfg = (sla_report_config){ .period = SLA_PERIOD_MONTH, .tz = x->tz, .tier_order = tiers,
				      .ntiers = 2, .origin = src, .slices = slices };
	for (size_t i = 0; i < NCOLS; i++)
		header[i] = (sla_field){ header_names[i], strlen(header_names[i]) };
	x->r = sla_report_new(&x->cfg, header, NCOLS, &x->d);
	assert_non_null(x->r);
}

static void
stop(fixture *x)
{
	sla_report_free(x->r);
	sla_tz_free(x->tz);
	fclose(x->d.out);
}

/* One row: id, customer, tier, metric, start, elapsed, overrun, status,
 * as_of. */
static void
add(fixture *x, const char *id, const char *customer, const char *tier, const char *metric,
    const char *start_at, const char *status, const char *as_of)
{
	const char *v[NCOLS] = { id, customer, tier, metric, start_at, "600", "60", status, as_of };
	sla_field f[NCOLS];
	for (size_t i = 0; i < NCOLS; i++)
		f[i] = (sla_field){ v[i], strlen(v[i]) };
	assert_int_equal(sla_report_add(x->r, f, 0, NULL, "test.tsv", 2), 0);
}

static void
rows(fixture *x, const char *as_of)
{
	add(x, "A", "Beta", "normal", "response", "2026-10-02T09:00:00+08:00", "met", as_of);
	add(x, "A", "Beta", "normal", "resolve", "2026-10-02T09:00:00+08:00", "breached", as_of);
	add(x, "B", "Acme", "urgent", "response", "2026-10-03T09:00:00+08:00", "overdue", as_of);
	add(x, "C", "Beta", "urgent", "response", "2026-09-30T09:00:00+08:00", "met", as_of);
	add(x, "D", "Beta", "normal", "response", "2026-10-05T09:00:00+08:00", "met", as_of);
}

/* Slices by period, then the policy's tiers, then first appearance; each
 * knows its tier's and customer's place; customers sum their slices. */
static void
slices_and_customers(void **state)
{
	(void)state;
	fixture x;
	start(&x, true, NULL);
	rows(&x, "2026-11-01T00:00:00+08:00");
	assert_int_equal(sla_report_finish(x.r), 0);

	size_t n;
	const sla_report_slice *s = sla_report_slices(x.r, &n);
	assert_int_equal(n, 4);
	/* September first; in October urgent before normal */
	assert_string_equal(s[0].tier, "urgent");
	assert_string_equal(s[0].customer, "Beta");
	assert_string_equal(s[1].tier, "urgent");
	assert_string_equal(s[1].customer, "Acme");
	assert_int_equal(sla_tally_broken(&s[1].tally), 1);
	assert_string_equal(s[2].metric, "response");
	assert_int_equal(sla_tally_kept(&s[2].tally), 2);	/* A and D */
	assert_string_equal(s[3].metric, "resolve");
	assert_int_equal(s[0].tier_at, 0);
	assert_int_equal(s[2].tier_at, 1);

	const sla_report_subtotal *c = sla_report_customers(x.r, &n);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].label, "Beta");	/* first to appear */
	assert_int_equal(sla_tally_rows(&c[0].tally), 4);
	assert_int_equal(sla_tally_kept(&c[0].tally), 3);
	assert_string_equal(c[1].label, "Acme");
	assert_int_equal(s[1].customer_at, 1);
	stop(&x);
}

/* Without cfg.slices nothing is counted (the text formats' cost). */
static void
slices_only_when_asked(void **state)
{
	(void)state;
	fixture x;
	int64_t a, b;
	start(&x, false, NULL);
	rows(&x, "2026-11-01T00:00:00+08:00");
	assert_int_equal(sla_report_finish(x.r), 0);
	size_t n;
	sla_report_slices(x.r, &n);
	assert_int_equal(n, 0);
	assert_false(sla_report_as_of(x.r, &a, &b));
	stop(&x);
}

/* The as_of column's instants, the earliest and the latest; the caller's
 * now over them. */
static void
as_of_from_the_rows_or_the_caller(void **state)
{
	(void)state;
	fixture x;
	int64_t a, b;
	sla_stamp st;

	start(&x, true, NULL);
	rows(&x, "2026-11-01T00:00:00+08:00");
	add(&x, "E", "Beta", "normal", "response", "2026-10-06T09:00:00+08:00", "met",
	    "2026-10-31T17:00:00Z");
	add(&x, "F", "Beta", "normal", "response", "2026-10-06T09:00:00+08:00", "met", "");
	assert_int_equal(sla_report_finish(x.r), 0);
	assert_true(sla_report_as_of(x.r, &a, &b));
	assert_int_equal(sla_rfc3339_parse("2026-11-01T00:00:00+08:00", 25, &st), 0);
	assert_int_equal(a, st.secs);
	assert_int_equal(b, st.secs + 3600);
	stop(&x);

	sla_report_origin src = { .has_now = true, .now = 1000 };
	start(&x, true, &src);
	rows(&x, "2026-11-01T00:00:00+08:00");
	assert_int_equal(sla_report_finish(x.r), 0);
	assert_true(sla_report_as_of(x.r, &a, &b));
	assert_int_equal(a, 1000);
	assert_int_equal(b, 1000);
	stop(&x);
}

static void
last_days_of_periods(void **state)
{
	(void)state;
	char buf[16];
	int64_t d = sla_days_from_civil(2026, 2, 1);
	sla_date_format(sla_period_last_day(SLA_PERIOD_MONTH, d), buf);
	assert_string_equal(buf, "2026-02-28");
	sla_date_format(sla_period_last_day(SLA_PERIOD_QUARTER, sla_days_from_civil(2026, 10, 1)), buf);
	assert_string_equal(buf, "2026-12-31");
	sla_date_format(sla_period_last_day(SLA_PERIOD_YEAR, sla_days_from_civil(2024, 1, 1)), buf);
	assert_string_equal(buf, "2024-12-31");
	sla_date_format(sla_period_last_day(SLA_PERIOD_WEEK, sla_days_from_civil(2026, 12, 28)), buf);
	assert_string_equal(buf, "2027-01-03");
	assert_int_equal(sla_period_last_day(SLA_PERIOD_DAY, d), d);
}

static void
thousands_separators(void **state)
{
	(void)state;
	char out[SLA_CELL_MAX];
	static const char *const cases[][2] = {
		{ "0.00", "0.00" }, { "999.99", "999.99" }, { "1000.00", "1,000.00" },
		{ "31645.00", "31,645.00" }, { "-1234567.5", "-1,234,567.5" }, { "100000", "100,000" },
		{ "-92233720368547758.08", "-92,233,720,368,547,758.08" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = sla_format_grouped(cases[i][0], strlen(cases[i][0]), out);
		assert_string_equal(out, cases[i][1]);
		assert_int_equal(n, strlen(cases[i][1]));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slices_and_customers),
		cmocka_unit_test(slices_only_when_asked),
		cmocka_unit_test(as_of_from_the_rows_or_the_caller),
		cmocka_unit_test(last_days_of_periods),
		cmocka_unit_test(thousands_separators),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
