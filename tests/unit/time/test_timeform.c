/* Unit tests: every time form of exports, D/M evidence, strptime, and the
 * DST edges of Europe/Berlin and America/New_York. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_timeform.h"
#include "sla_tz.h"

/* Read TEXT in ORDER and place it in zone TZ; the RFC 3339 result, or
 * "gap", "bad", "ambiguous". */
static const char *
read_in(const char *text, enum sla_date_order order, const char *zone)
{
	static char out[SLA_RFC3339_MAX];
	char err[128];
	sla_stamp st;
	int64_t utc;

	int rc = sla_timeform_parse(text, strlen(text), order, &st);
	if (rc == SLA_TF_AMBIGUOUS)
		return "ambiguous";
	if (rc != SLA_TF_OK)
		return "bad";
	sla_tz *tz = sla_tz_load(zone, err, sizeof err);
	assert_non_null(tz);
	if (sla_tz_resolve(tz, &st, &utc) != SLA_TZ_OK) {
		sla_tz_free(tz);
		return "gap";
	}
	sla_rfc3339_format(utc, sla_tz_offset(tz, utc), out);
	sla_tz_free(tz);
	return out;
}

static const char *
shanghai(const char *text)
{
	return read_in(text, SLA_ORDER_UNKNOWN, "Asia/Shanghai");
}

static void
iso_8601_forms(void **state)
{
	(void)state;
	assert_string_equal(shanghai("2026-03-02T09:30:00+08:00"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026-03-02 09:30"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026-03-02T01:30:00Z"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026-03-02T09:30:15.250+01:00"), "2026-03-02T16:30:15+08:00");
	assert_string_equal(shanghai("  2026-03-02 09:30:15  "), "2026-03-02T09:30:15+08:00");
	assert_string_equal(shanghai("2026-03-02"), "2026-03-02T00:00:00+08:00");
	/* Ruby/Rails exports: a space before the zone */
	assert_string_equal(shanghai("2026-03-02 09:30:00 +0800"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026-03-02 01:30:00 UTC"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026/3/2 9:30 -05:00"), "2026-03-02T22:30:00+08:00");
	assert_string_equal(shanghai("2026/3/2 9:30 +08"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026/3/2 9:30 +0860"), "bad");
	assert_string_equal(shanghai("2026/3/2 9:30 UTC+1"), "bad");
}

static void
excel_year_first_forms(void **state)
{
	(void)state;
	assert_string_equal(shanghai("2026/3/2 9:30"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026/03/02 09:30:15"), "2026-03-02T09:30:15+08:00");
	assert_string_equal(shanghai("2026-3-2 9:05"), "2026-03-02T09:05:00+08:00");
	assert_string_equal(shanghai("2026.3.2"), "2026-03-02T00:00:00+08:00");
	assert_string_equal(shanghai("2026/3/2 下午 2:30"), "2026-03-02T14:30:00+08:00");
	assert_string_equal(shanghai("2026/3-2 9:30"), "bad");	/* mixed separators */
}

static void
chinese_forms(void **state)
{
	(void)state;
	assert_string_equal(shanghai("2026年3月2日 9:30"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026年3月2日9:30:45"), "2026-03-02T09:30:45+08:00");
	assert_string_equal(shanghai("2026年03月02日 上午9时30分"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2026年3月2日"), "2026-03-02T00:00:00+08:00");
	assert_string_equal(shanghai("2026年13月2日"), "bad");
}

static void
jira_forms(void **state)
{
	(void)state;
	assert_string_equal(shanghai("02/Mar/26 9:05 AM"), "2026-03-02T09:05:00+08:00");
	assert_string_equal(shanghai("02/Mar/26 12:05 AM"), "2026-03-02T00:05:00+08:00");
	assert_string_equal(shanghai("02/Mar/26 12:05 PM"), "2026-03-02T12:05:00+08:00");
	assert_string_equal(shanghai("2/march/2026 11:59 pm"), "2026-03-02T23:59:00+08:00");
	assert_string_equal(shanghai("02/Mar/26 13:05 PM"), "bad");
	assert_string_equal(shanghai("02/Mzr/26 9:05 AM"), "bad");
}

static void
european_dots(void **state)
{
	(void)state;
	assert_string_equal(shanghai("02.03.2026 09:30"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("2.3.2026 9:30:10"), "2026-03-02T09:30:10+08:00");
	assert_string_equal(shanghai("31.02.2026 09:30"), "bad");
}

static void
slash_dates_and_their_order(void **state)
{
	(void)state;
	/* a part above 12 settles the order by itself */
	assert_string_equal(shanghai("3/25/2026 4:45 PM"), "2026-03-25T16:45:00+08:00");
	assert_string_equal(shanghai("25/3/2026 16:45"), "2026-03-25T16:45:00+08:00");
	/* else the caller's order, or ambiguous */
	assert_string_equal(shanghai("3/4/2026 10:00"), "ambiguous");
	assert_string_equal(read_in("3/4/2026 10:00", SLA_ORDER_DMY, "UTC"), "2026-04-03T10:00:00+00:00");
	assert_string_equal(read_in("3/4/2026 10:00", SLA_ORDER_MDY, "UTC"), "2026-03-04T10:00:00+00:00");
	assert_string_equal(read_in("3-4-2026", SLA_ORDER_MDY, "UTC"), "2026-03-04T00:00:00+00:00");
	assert_string_equal(shanghai("13/13/2026"), "bad");

	assert_int_equal(sla_timeform_evidence("25/3/2026", 9), SLA_ORDER_DMY);
	assert_int_equal(sla_timeform_evidence("3/25/2026 4:45 PM", 17), SLA_ORDER_MDY);
	assert_int_equal(sla_timeform_evidence("3/4/2026", 8), SLA_ORDER_UNKNOWN);
	assert_int_equal(sla_timeform_evidence("2026-03-25", 10), SLA_ORDER_UNKNOWN);
	assert_int_equal(sla_timeform_evidence("31.03.2026", 10), SLA_ORDER_UNKNOWN);
	assert_int_equal(sla_date_order_from_name("DMY"), SLA_ORDER_DMY);
	assert_int_equal(sla_date_order_from_name("mdy"), SLA_ORDER_MDY);
	assert_int_equal(sla_date_order_from_name("ymd"), -1);
}

static void
epoch_seconds_and_milliseconds(void **state)
{
	(void)state;
	assert_string_equal(shanghai("1772415000"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("1772415000999"), "2026-03-02T09:30:00+08:00");
	assert_string_equal(shanghai("177241500"), "bad");	/* nine digits: no form */
	assert_string_equal(shanghai("20260302"), "bad");
}

static void
not_times(void **state)
{
	(void)state;
	const char *bad[] = { "", "   ", "tomorrow", "2026-13-45 09:00", "2026-02-29 09:00",
			      "2026/3/2 24:00", "2026/3/2 9:60", "2026/3/2 9:30 xyz", "12:30",
			      "2026/3/2 9", "1/2/3" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sla_stamp st;
		assert_int_equal(sla_timeform_parse(bad[i], strlen(bad[i]), SLA_ORDER_DMY, &st),
				 SLA_TF_BAD);
	}
}

static void
dst_edges_in_berlin(void **state)
{
	(void)state;
	/* 2026-03-29 02:00 -> 03:00: the gap */
	assert_string_equal(read_in("29.03.2026 01:59", 0, "Europe/Berlin"), "2026-03-29T01:59:00+01:00");
	assert_string_equal(read_in("29.03.2026 02:00", 0, "Europe/Berlin"), "gap");
	assert_string_equal(read_in("29.03.2026 02:59", 0, "Europe/Berlin"), "gap");
	assert_string_equal(read_in("29.03.2026 03:00", 0, "Europe/Berlin"), "2026-03-29T03:00:00+02:00");
	/* 2026-10-25 03:00 -> 02:00: the overlap takes the earlier instant */
	assert_string_equal(read_in("25.10.2026 02:30", 0, "Europe/Berlin"), "2026-10-25T02:30:00+02:00");
	assert_string_equal(read_in("25.10.2026 03:00", 0, "Europe/Berlin"), "2026-10-25T03:00:00+01:00");
	/* an offset in the text needs no zone rule */
	assert_string_equal(read_in("2026-03-29T02:30:00+01:00", 0, "Europe/Berlin"),
			    "2026-03-29T03:30:00+02:00");
}

static void
dst_edges_in_new_york(void **state)
{
	(void)state;
	/* 2026-03-08 02:00 -> 03:00 */
	assert_string_equal(read_in("3/8/2026 2:30 AM", SLA_ORDER_MDY, "America/New_York"), "gap");
	assert_string_equal(read_in("3/8/2026 1:59 AM", SLA_ORDER_MDY, "America/New_York"),
			    "2026-03-08T01:59:00-05:00");
	assert_string_equal(read_in("3/8/2026 3:00 AM", SLA_ORDER_MDY, "America/New_York"),
			    "2026-03-08T03:00:00-04:00");
	/* 2026-11-01 02:00 -> 01:00 */
	assert_string_equal(read_in("11/1/2026 1:30 AM", SLA_ORDER_MDY, "America/New_York"),
			    "2026-11-01T01:30:00-04:00");
	assert_string_equal(read_in("11/1/2026 2:00 AM", SLA_ORDER_MDY, "America/New_York"),
			    "2026-11-01T02:00:00-05:00");
}

static void
strptime_formats(void **state)
{
	(void)state;
	sla_stamp st;
	const char *v = "20260302-0930";
	assert_int_equal(sla_timeform_strptime(v, strlen(v), "%Y%m%d-%H%M", &st), SLA_TF_OK);
	assert_false(st.has_offset);
	assert_int_equal(st.secs, 1772443800);	/* local seconds of 2026-03-02 09:30 */

	v = "2026.03.02 at 18h05 +0100";
	assert_int_equal(sla_timeform_strptime(v, strlen(v), "%Y.%m.%d at %Hh%M %z", &st), SLA_TF_OK);
	assert_true(st.has_offset);
	assert_int_equal(st.offset, 3600);
	assert_int_equal(st.secs, 1772471100);	/* 17:05Z */

	v = "20260302-0930 trailing";
	assert_int_equal(sla_timeform_strptime(v, strlen(v), "%Y%m%d-%H%M", &st), SLA_TF_BAD);
	v = "20260231-0930";
	assert_int_equal(sla_timeform_strptime(v, strlen(v), "%Y%m%d-%H%M", &st), SLA_TF_BAD);
	assert_false(sla_timeform_format_ok("%s"));
	assert_false(sla_timeform_format_ok(""));
	assert_true(sla_timeform_format_ok("%%s %Y"));
}

/* A time a person writes: one reader for sla-time, sla-check --now and
 * the policy's windows; a date alone is the start of its day in the zone. */
static void
instants_as_people_write_them(void **state)
{
	(void)state;
	char err[128];
	int64_t t = 0;
	sla_tz *sh = sla_tz_load("Asia/Shanghai", err, sizeof err);
	sla_tz *be = sla_tz_load("Europe/Berlin", err, sizeof err);
	assert_non_null(sh);
	assert_non_null(be);
	assert_int_equal(sla_timeform_instant("2026-03-01", 10, sh, &t), SLA_TF_OK);
	assert_int_equal(t, 1772294400);	/* 2026-02-28T16:00:00Z */
	assert_int_equal(sla_timeform_instant("2026-03-01T00:00:00+08:00", 25, be, &t), SLA_TF_OK);
	assert_int_equal(t, 1772294400);	/* an offset of its own wins */
	assert_int_equal(sla_timeform_instant(" 2026/3/1 ", 10, sh, &t), SLA_TF_OK);
	assert_int_equal(t, 1772294400);
	assert_int_equal(sla_timeform_instant("3/2/2026", 8, sh, &t), SLA_TF_AMBIGUOUS);
	assert_int_equal(sla_timeform_instant("2026-03-29 02:30", 16, be, &t), SLA_TF_GAP);
	assert_int_equal(sla_timeform_instant("yesterday", 9, sh, &t), SLA_TF_BAD);
	assert_int_equal(sla_timeform_instant("", 0, sh, &t), SLA_TF_BAD);
	assert_string_equal(sla_timeform_why(SLA_TF_BAD), "cannot read time");
	assert_string_equal(sla_timeform_why(SLA_TF_GAP), "wall-clock time skipped by a DST change");
	assert_string_equal(sla_timeform_why(SLA_TF_AMBIGUOUS),
			    "day/month order unknown (write the date as 2026-03-02)");
	sla_tz_free(sh);
	sla_tz_free(be);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_8601_forms),
		cmocka_unit_test(excel_year_first_forms),
		cmocka_unit_test(chinese_forms),
		cmocka_unit_test(jira_forms),
		cmocka_unit_test(european_dots),
		cmocka_unit_test(slash_dates_and_their_order),
		cmocka_unit_test(epoch_seconds_and_milliseconds),
		cmocka_unit_test(not_times),
		cmocka_unit_test(dst_edges_in_berlin),
		cmocka_unit_test(dst_edges_in_new_york),
		cmocka_unit_test(strptime_formats),
		cmocka_unit_test(instants_as_people_write_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
