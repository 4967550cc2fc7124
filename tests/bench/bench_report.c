/* bench_report: how many check rows a second sla-report turns into a text
 * report.  Writes a realistic check stream of ROWS rows (default 2 000 000:
 * tickets in time order over a year, 2-4 metrics each, 40 customers, about
 * 7 % broken with penalty amounts, 1 % excluded or invalid) to FILE, then
 * reads it back through the report -- the path sla-report takes, reader,
 * model, text output to /dev/null -- and prints rows/s and MB/s.
 *
 *   bench_report [ROWS [FILE]]        (FILE default: a temporary file)
 *
 * The same stream can be timed through the tool itself:
 *   bench_report 2000000 check.tsv && time sla-report check.tsv >/dev/null */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sla_report.h"
#include "sla_stream.h"
#include "sla_time.h"

static const char *const tiers[] = { "urgent", "high", "normal", "low" };
static const char *const metrics[] = { "response", "onsite", "resolve", "replacement" };
static const int64_t targets[] = { 3600, 14400, 86400, 86400 };

/* A small deterministic generator (xorshift), so runs compare. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const char *
pick_status(uint64_t x, int64_t *elapsed, int64_t target, int64_t *overrun)
{
	unsigned p = (unsigned)(x % 1000);
	*overrun = 0;
	if (p < 900) {
		*elapsed = (int64_t)(x >> 10) % target;
		return "met";
	}
	if (p < 970) {
		*overrun = 60 + (int64_t)(x >> 10) % (4 * 3600);
		*elapsed = target + *overrun;
		return p < 960 ? "breached" : "overdue";
	}
	*elapsed = (int64_t)(x >> 10) % target;
	if (p < 990)
		return p < 980 ? "at-risk" : "pending";
	return p < 998 ? "excluded" : "invalid";
}

static void
write_row(sla_writer *w, unsigned long ticket, unsigned m, int64_t opened, uint64_t x)
{
	char start[SLA_RFC3339_MAX], line[128];
	int64_t elapsed, overrun;
	unsigned tier = (unsigned)(ticket * 7 % 4);
	const char *status = pick_status(x, &elapsed, targets[m], &overrun);

	sla_rfc3339_format(opened, 8 * 3600, start);
	int n = snprintf(line, sizeof line, "INC-%08lu\t%lu\t客户%02lu\t%s\t%s\t24x7\t", ticket,
			 ticket + 1, ticket % 40, tiers[tier], metrics[m]);
	sla_writer_raw(w, line, (size_t)n);
	sla_writer_str(w, start);
	sla_writer_str(w, "\t\t\t");
	sla_writer_i64(w, targets[m]);
	sla_writer_char(w, '\t');
	sla_writer_i64(w, elapsed);
	sla_writer_str(w, "\t0\t");
	sla_writer_i64(w, overrun);
	sla_writer_char(w, '\t');
	sla_writer_str(w, status);
	sla_writer_str(w, overrun ? "\t500.00\t" : "\t\t");
	sla_writer_str(w, strcmp(status, "excluded") == 0 ? "不可抗力\n"
			  : strcmp(status, "invalid") == 0 ? "stop before start\n" : "\n");
}

static int
generate(const char *path, unsigned long rows)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	sla_writer *w = fd >= 0 ? sla_writer_new(fd) : NULL;
	uint64_t seed = 0x2545F4914F6CDD1Du;
	int64_t opened = sla_days_from_civil(2026, 1, 1) * SLA_DAY;
	int64_t step = 365 * SLA_DAY / (int64_t)(rows / 3 + 1);

	if (!w) {
		perror("bench_report");
		return -1;
	}
	sla_writer_str(w, "id\tline\tcustomer\ttier\tmetric\tcalendar\tstart\tdue\tstop\t"
			  "target_s\telapsed_s\tpaused_s\toverrun_s\tstatus\tpenalty\treason\n");
	for (unsigned long row = 0, ticket = 0; row < rows; ticket++) {
		unsigned nmetrics = 2 + (unsigned)(ticket % 3);
		for (unsigned m = 0; m < nmetrics && row < rows; m++, row++)
			write_row(w, ticket, m, opened, next_random(&seed));
		opened += step;
	}
	int rc = sla_writer_close(w);
	close(fd);
	return rc;
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The contract of tests/data/check/contract.ini, as terms. */
static const sla_credit_band bands[] = { { 990000, 50000 }, { 950000, 100000 }, { 900000, 250000 } };
static const sla_report_terms terms = {
	.currency = "CNY", .minor_digits = 2, .fee = 2000000, .bands = bands, .nbands = 3,
	.cap = { .set = true, .percent = true, .ppm = 100000 },
};

static int
report(char *path, unsigned long *rows)
{
	static const char *const by[] = { "tier", "metric" };
	char err[128];
	sla_diag d = sla_diag_init("bench_report");
	sla_tz *tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	sla_reader *in = sla_reader_open(&path, 1, &d);
	sla_report_config cfg = { .period = SLA_PERIOD_MONTH, .by = by, .nby = 2, .top = 5,
				  .tz = tz, .terms = &terms };
	sla_report *r = in && tz ? sla_report_new(&cfg, sla_reader_header(in), sla_reader_ncols(in), &d)
			       : NULL;
	int fd = open("/dev/null", O_WRONLY);
	sla_writer *w = sla_writer_new(fd);
	int rc = r && w ? sla_report_read(r, in) : -1;

	if (rc == 0)
		sla_report_write(r, SLA_FORMAT_TEXT, SLA_LANG_EN, w);
	*rows = r ? sla_report_rows(r) : 0;
	sla_writer_close(w);
	close(fd);
	sla_report_free(r);
	sla_reader_free(in);
	sla_tz_free(tz);
	return rc;
}

int
main(int argc, char **argv)
{
	unsigned long rows = argc > 1 ? strtoul(argv[1], NULL, 10) : 2000000;
	char path[] = "/tmp/bench_report-XXXXXX";
	char *file = argc > 2 ? argv[2] : path;

	if (argc <= 2) {
		int fd = mkstemp(path);
		if (fd < 0) {
			perror("bench_report: mkstemp");
			return 2;
		}
		close(fd);
	}
	if (generate(file, rows) < 0)
		return 2;
	unsigned long got;
	double t0 = now();
	int rc = report(file, &got);
	double secs = now() - t0;
	FILE *f = fopen(file, "rb");
	long bytes = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : 0;
	if (f)
		fclose(f);
	if (argc <= 2)
		unlink(path);
	if (rc < 0)
		return 2;
	printf("sla-report text: %lu rows, %.1f MB in %.3f s: %.0f rows/s, %.1f MB/s\n", got,
	       (double)bytes / 1e6, secs, (double)got / secs, (double)bytes / 1e6 / secs);
	return 0;
}
