/* Unit tests: sla-time's questions and answers (lib/query/calquery.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_calquery.h"
#include "time_helpers.h"

/* A query context on a 5x8 calendar in Shanghai with one holiday, writing
 * to a temporary file and speaking to another. */
struct fixture {
	sla_tz *tz;
	sla_calendar *cal;
	char out_path[64], err_path[64];
	int out_fd;
	FILE *err;
	sla_diag d;
	sla_calq q;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char err[200];
	f->tz = zone("Asia/Shanghai");
	f->cal = sla_calendar_new("5x8", f->tz);
	if (sla_calendar_parse_hours(f->cal, "mon-fri", "09:00-12:00, 13:00-18:00", err, sizeof err) < 0 ||
	    sla_calendar_load_dates(f->cal, SLA_DAY_HOLIDAY, "2026-03-04", err, sizeof err) < 0)
		fail_msg("%s", err);
	strcpy(f->out_path, "/tmp/sla-test-XXXXXX");
	strcpy(f->err_path, "/tmp/sla-test-XXXXXX");
	f->out_fd = mkstemp(f->out_path);
	int err_fd = mkstemp(f->err_path);
	assert_true(f->out_fd >= 0 && err_fd >= 0);
	f->err = fdopen(err_fd, "w+");
	f->d = sla_diag_init("sla-time");
	f->d.out = f->err;
	f->q = (sla_calq){ f->cal, SLA_CALQ_TEXT, false, at(f->tz, "2026-03-02T10:00:00"),
			   sla_writer_new(f->out_fd), &f->d };
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	sla_writer_close(f->q.out);
	close(f->out_fd);
	fclose(f->err);
	unlink(f->out_path);
	unlink(f->err_path);
	sla_calendar_free(f->cal);
	sla_tz_free(f->tz);
	free(f);
	return 0;
}

/* Everything written to PATH so far (after flushing the writer). */
static const char *
written(struct fixture *f, const char *path)
{
	static char buf[4096];
	sla_writer_flush(f->q.out);
	fflush(f->err);
	FILE *in = fopen(path, "r");
	assert_non_null(in);
	size_t n = fread(buf, 1, sizeof buf - 1, in);
	buf[n] = '\0';
	fclose(in);
	return buf;
}

static void
reads_times_in_every_form(void **state)
{
	struct fixture *f = *state;
	int64_t t;
	assert_int_equal(sla_calq_time(&f->q, "START", "2026-03-02T09:30:00+08:00", &t), 0);
	assert_int_equal(t, at(f->tz, "2026-03-02T01:30:00Z"));
	assert_int_equal(sla_calq_time(&f->q, "START", "2026-03-02 09:30", &t), 0);
	assert_int_equal(t, at(f->tz, "2026-03-02T01:30:00Z"));
	assert_int_equal(sla_calq_time(&f->q, "START", "2026-03-02", &t), 0);
	assert_int_equal(t, at(f->tz, "2026-03-01T16:00:00Z"));
	assert_int_equal(sla_calq_time(&f->q, "START", "now", &t), 0);
	assert_int_equal(t, f->q.now);
	/* the forms sla-parse reads from exports */
	assert_int_equal(sla_calq_time(&f->q, "START", "2026年3月2日 下午2:30", &t), 0);
	assert_int_equal(t, at(f->tz, "2026-03-02T14:30:00"));
	assert_int_equal(sla_calq_time(&f->q, "START", "13/3/2026 9:00", &t), 0);
	assert_int_equal(t, at(f->tz, "2026-03-13T09:00:00"));
	assert_int_equal(sla_calq_time(&f->q, "START", "2026-02-30", &t), -1);
	assert_int_equal(sla_calq_time(&f->q, "START", "yesterday", &t), -1);
	assert_int_equal(sla_calq_time(&f->q, "START", "3/2/2026", &t), -1);
	assert_string_equal(written(f, f->err_path),
			    "sla-time: START: cannot read time (RFC 3339, a form sla-parse reads, or now) "
			    "\"2026-02-30\"\n"
			    "sla-time: START: cannot read time (RFC 3339, a form sla-parse reads, or now) "
			    "\"yesterday\"\n"
			    "sla-time: START: day/month order unknown (write the date as 2026-03-02) "
			    "\"3/2/2026\"\n");
}

static void
answers_as_text(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(sla_calq_between(&f->q, "2026-03-02", "2026-03-06"), 0);
	assert_int_equal(sla_calq_due(&f->q, "2026-03-03T17:30", "1h"), 0);
	f->q.seconds = true;
	assert_int_equal(sla_calq_between(&f->q, "now", "2026-03-02T12:00"), 0);
	assert_int_equal(sla_calq_days(&f->q, "2026-03-03T12:00", "2026-03-04"), 0);
	assert_string_equal(written(f, f->out_path),
			    "24h\n"
			    "2026-03-05T09:30:00+08:00\n"
			    "7200\n"
			    "2026-03-03 Tue    28800  09:00-12:00, 13:00-18:00\n"
			    "2026-03-04 Wed        0  closed                    holiday\n"
			    "total             28800\n");
	assert_string_equal(written(f, f->err_path), "");
}

static void
answers_as_tsv(void **state)
{
	struct fixture *f = *state;
	f->q.format = SLA_CALQ_TSV;
	assert_int_equal(sla_calq_between(&f->q, "2026-03-02", "2026-03-03"), 0);
	assert_int_equal(sla_calq_due(&f->q, "2026-03-03T17:30", "1wd@close"), 0);
	assert_int_equal(sla_calq_days(&f->q, "2026-03-04", "2026-03-04"), 0);
	assert_string_equal(written(f, f->out_path),
			    "start\tend\tcalendar\tbusiness_s\n"
			    "2026-03-02T00:00:00+08:00\t2026-03-03T00:00:00+08:00\t5x8\t28800\n"
			    "start\tduration\tcalendar\tdue\ttarget_s\n"
			    "2026-03-03T17:30:00+08:00\t1wd@close\t5x8\t2026-03-05T18:00:00+08:00\t30600\n"
			    "date\tweekday\tbusiness_s\thours\tkind\tname\n"
			    "2026-03-04\tWed\t0\tclosed\tholiday\t\n");
}

static void
refuses_what_it_cannot_answer(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(sla_calq_between(&f->q, "2026-03-03", "2026-03-02"), -1);
	assert_int_equal(sla_calq_days(&f->q, "2026-03-03", "2026-03-02"), -1);
	assert_int_equal(sla_calq_due(&f->q, "2026-03-03", "-2h"), -1);
	assert_int_equal(sla_calq_due(&f->q, "9999-12-31T12:00", "1wd"), -1);
	assert_string_equal(written(f, f->out_path), "");
	assert_string_equal(written(f, f->err_path),
			    "sla-time: TO: the end is before the start \"2026-03-02\"\n"
			    "sla-time: TO: the last day is before the first \"2026-03-02\"\n"
			    "sla-time: DURATION: negative duration \"-2h\"\n"
			    "sla-time: no due time: the target is not reached before the year 10000 "
			    "(has the calendar any hours?)\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(reads_times_in_every_form, setup, teardown),
		cmocka_unit_test_setup_teardown(answers_as_text, setup, teardown),
		cmocka_unit_test_setup_teardown(answers_as_tsv, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_what_it_cannot_answer, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
