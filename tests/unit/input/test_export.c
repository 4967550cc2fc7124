/* Unit tests: the front half every export reader shares (sla_export.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_aliases.h"
#include "sla_export.h"

/* A kind of three columns: "key", "when", "note"; "when" is required and
 * its alias "Date" ranks before "Time". */
enum { K_KEY, K_WHEN, K_NOTE, K_NCOLS };
static const char *const kind_names[K_NCOLS] = { "key", "when", "note" };

static int
kind_alias(const char *h, size_t n, long *rank)
{
	static const struct { const char *name; int col; } aliases[] = {
		{ "Key", K_KEY }, { "Date", K_WHEN }, { "Time", K_WHEN }, { "Note", K_NOTE },
	};
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (sla_alias_same(h, n, aliases[i].name, strlen(aliases[i].name))) {
			*rank = (long)i;
			return aliases[i].col;
		}
	return -1;
}

static bool
kind_is_time(int col)
{
	return col == K_WHEN;
}

static const int kind_required[] = { K_WHEN };
static const sla_export_kind kind = {
	.names = kind_names, .ncols = K_NCOLS, .alias = kind_alias,
	.required = kind_required, .nrequired = 1,
	.unmappable = K_NOTE, .is_time = kind_is_time,
};

typedef struct fixture {
	char path[64];
	sla_diag d;
	sla_export x;
} fixture;

static void
open_text(fixture *f, const char *text)
{
	strcpy(f->path, "/tmp/sla-export-XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	f->d = sla_diag_init("test");
	f->d.out = fopen("/dev/null", "w");
	static const sla_csvin_opts o = { 0 };
	assert_true(sla_export_open(&f->x, &kind, f->path, &o, &f->d));
}

static void
close_text(fixture *f)
{
	sla_export_close(&f->x);
	fclose(f->d.out);
	unlink(f->path);
}

static void
an_assignment_names_a_column_exactly(void **state)
{
	(void)state;
	const char *rest = NULL;
	assert_int_equal(sla_export_assignment(&kind, "when=Created", &rest), K_WHEN);
	assert_string_equal(rest, "Created");
	assert_int_equal(sla_export_assignment(&kind, "When=Created", &rest), -1);
	assert_int_equal(sla_export_assignment(&kind, "when=", &rest), -1);
	assert_int_equal(sla_export_assignment(&kind, "=Created", &rest), -1);
	assert_int_equal(sla_export_assignment(&kind, "when", &rest), -1);
	assert_int_equal(sla_export_assignment(&kind, "whence=x", &rest), -1);
	assert_int_equal(sla_export_column(&kind, "note", 4), K_NOTE);
	assert_int_equal(sla_export_column(&kind, "notes", 4), K_NOTE);	/* N bytes only */
	assert_int_equal(sla_export_column(&kind, "not", 3), -1);
}

static void
options_are_read_or_refused(void **state)
{
	(void)state;
	char *maps[] = { "key=Ticket", "when=Logged" };
	char *formats[] = { "when=%Y", "when=%d.%m.%Y" };
	sla_export_map out[2];
	const char *format_of[K_NCOLS] = { 0 };
	sla_export_refusal no = { 0 };
	assert_true(sla_export_read_options(&kind, maps, 2, out, formats, 2, format_of, &no));
	assert_int_equal(out[1].col, K_WHEN);
	assert_string_equal(out[1].header, "Logged");
	assert_string_equal(format_of[K_WHEN], "%d.%m.%Y");	/* the last one counts */
	assert_int_equal(no.what, SLA_EXPORT_TAKEN);

	char *unmappable[] = { "note=Remark" };
	assert_false(sla_export_read_options(&kind, unmappable, 1, out, NULL, 0, format_of, &no));
	assert_int_equal(no.what, SLA_EXPORT_BAD_MAP);
	assert_string_equal(no.value, "note=Remark");
	char *untimed[] = { "key=%Y" }, *epoch[] = { "when=%s" };
	assert_false(sla_export_read_options(&kind, NULL, 0, out, untimed, 1, format_of, &no));
	assert_int_equal(no.what, SLA_EXPORT_BAD_FORMAT);
	assert_false(sla_export_read_options(&kind, NULL, 0, out, epoch, 1, format_of, &no));
	assert_string_equal(no.value, "when=%s");
}

static void
maps_win_then_the_lowest_rank(void **state)
{
	(void)state;
	fixture f;
	open_text(&f, "Time,Key,Date,Remark\n1,2,3,4\n");
	assert_true(sla_export_read_header(&f.x, NULL, false, &f.d));
	assert_int_equal(f.x.ncols, 4);
	assert_true(sla_export_map_columns(&f.x, NULL, 0));
	assert_int_equal(f.x.col_of[K_WHEN], 2);	/* Date ranks before Time */
	assert_int_equal(f.x.col_of[K_KEY], 1);
	assert_int_equal(f.x.col_of[K_NOTE], -1);
	assert_int_equal(f.x.read_as[0], -1);
	assert_int_equal(f.x.read_as[2], K_WHEN);
	const sla_export_map maps[] = { { K_NOTE, "remark" } };
	assert_true(sla_export_map_columns(&f.x, maps, 1));
	assert_int_equal(f.x.col_of[K_NOTE], 3);
	assert_true(sla_export_check_columns(&f.x, maps, 1, "--map", &f.d));
	const sla_export_map absent[] = { { K_NOTE, "Comment" } };
	assert_false(sla_export_check_columns(&f.x, absent, 1, "--map", &f.d));
	close_text(&f);
}

static void
a_required_column_must_be_found(void **state)
{
	(void)state;
	fixture f;
	open_text(&f, "Key,Note\n1,2\n");
	assert_true(sla_export_read_header(&f.x, NULL, false, &f.d));
	assert_true(sla_export_map_columns(&f.x, NULL, 0));
	assert_false(sla_export_check_columns(&f.x, NULL, 0, "--map", &f.d));
	close_text(&f);
}

static void
names_given_replace_or_stand_for_the_header(void **state)
{
	(void)state;
	fixture f;
	open_text(&f, "a,b\n1,2\n");
	assert_true(sla_export_read_header(&f.x, "Key,Date", false, &f.d));
	assert_string_equal(f.x.names[1], "Date");
	sla_csvrec r;
	assert_int_equal(sla_csvin_next(f.x.in, &r), 1);
	assert_int_equal(r.line, 2);
	close_text(&f);

	open_text(&f, "a,b\n1,2\n");
	assert_true(sla_export_read_header(&f.x, "Key,Date", true, &f.d));
	assert_int_equal(sla_csvin_next(f.x.in, &r), 1);
	assert_int_equal(r.line, 1);
	close_text(&f);

	open_text(&f, "");
	assert_false(sla_export_read_header(&f.x, NULL, false, &f.d));
	close_text(&f);
}

static void
the_lookahead_settles_day_month_order(void **state)
{
	(void)state;
	fixture f;
	bool observe[K_NCOLS] = { [K_WHEN] = true };
	open_text(&f, "Key,Date\n1,03/04/2026\n2,25/04/2026\n");
	assert_true(sla_export_read_header(&f.x, NULL, false, &f.d));
	assert_true(sla_export_map_columns(&f.x, NULL, 0));
	sla_export_lookahead(&f.x, observe);
	assert_int_equal(sla_export_order(&f.x, K_WHEN, SLA_ORDER_UNKNOWN), SLA_ORDER_DMY);
	assert_int_equal(sla_export_order(&f.x, K_WHEN, SLA_ORDER_MDY), SLA_ORDER_MDY);
	/* proof the other way decides nothing */
	sla_export_prove(&f.x, K_WHEN, SLA_ORDER_MDY);
	assert_int_equal(sla_export_order(&f.x, K_WHEN, SLA_ORDER_UNKNOWN), SLA_ORDER_UNKNOWN);
	close_text(&f);
}

static void
a_time_cell_reads_or_says_why(void **state)
{
	(void)state;
	char err[256], why[128];
	sla_tz *tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	assert_non_null(tz);
	int64_t utc;
	enum sla_date_order proof;
	assert_int_equal(sla_export_time(SLA_FIELD("2026-03-02 10:00"), NULL, SLA_ORDER_UNKNOWN,
					 false, tz, &utc, &proof), SLA_XT_OK);
	assert_int_equal(utc, INT64_C(1772416800));
	assert_int_equal(sla_export_time(SLA_FIELD("25/04/2026 10:00"), NULL, SLA_ORDER_UNKNOWN,
					 false, tz, &utc, &proof), SLA_XT_OK);
	assert_int_equal(proof, SLA_ORDER_DMY);
	int rc = sla_export_time(SLA_FIELD("03/04/2026"), NULL, SLA_ORDER_UNKNOWN, false, tz, &utc,
				 &proof);
	assert_int_equal(rc, SLA_XT_AMBIGUOUS);
	sla_export_time_why(rc, tz, why, sizeof why);
	assert_string_equal(why, "day/month order unknown (give --date-order dmy or mdy)");
	rc = sla_export_time(SLA_FIELD("soon"), NULL, SLA_ORDER_UNKNOWN, false, tz, &utc, &proof);
	assert_int_equal(rc, SLA_XT_UNREADABLE);
	sla_export_time_why(rc, tz, why, sizeof why);
	assert_string_equal(why, "cannot read time");
	assert_int_equal(sla_export_time(SLA_FIELD("02.03.2026 10:00"), "%d.%m.%Y %H:%M",
					 SLA_ORDER_UNKNOWN, false, tz, &utc, &proof), SLA_XT_OK);
	assert_int_equal(utc, INT64_C(1772416800));
	assert_int_equal(proof, SLA_ORDER_UNKNOWN);
	/* an Excel serial date, on the wall clock of the zone: were unreadable */
	assert_int_equal(sla_export_time(SLA_FIELD("46066.708333"), NULL, SLA_ORDER_UNKNOWN, false,
					 tz, &utc, &proof), SLA_XT_OK);
	assert_int_equal(utc, INT64_C(1770973200));	/* 2026-02-13T17:00:00+08:00 */
	assert_int_equal(sla_export_time(SLA_FIELD("44604.708333"), NULL, SLA_ORDER_UNKNOWN, true,
					 tz, &utc, &proof), SLA_XT_OK);
	assert_int_equal(utc, INT64_C(1770973200));	/* the 1904 system */
	sla_tz_free(tz);

	tz = sla_tz_load("Europe/Berlin", err, sizeof err);
	assert_non_null(tz);
	rc = sla_export_time(SLA_FIELD("2026-03-29 02:30"), NULL, SLA_ORDER_UNKNOWN, false, tz, &utc,
			     &proof);
	assert_int_equal(rc, SLA_XT_GAP);
	sla_export_time_why(rc, tz, why, sizeof why);
	assert_string_equal(why, "no such local time in Europe/Berlin (DST gap)");
	sla_tz_free(tz);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_assignment_names_a_column_exactly),
		cmocka_unit_test(options_are_read_or_refused),
		cmocka_unit_test(maps_win_then_the_lowest_rank),
		cmocka_unit_test(a_required_column_must_be_found),
		cmocka_unit_test(names_given_replace_or_stand_for_the_header),
		cmocka_unit_test(the_lookahead_settles_day_month_order),
		cmocka_unit_test(a_time_cell_reads_or_says_why),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
